// Exit codes of the dyad command, as documented in the README.
export const EXIT = {
  OK: 0,
  /** The run finished, but some inputs failed (each reported). */
  PARTIAL: 1,
  /** Wrong arguments or options. */
  USAGE: 2,
  /** Nothing could be done: the database is locked or not Dyad's, the pipeline cannot be built. */
  FATAL: 3,
  /** The id or file asked for does not exist. */
  NOT_FOUND: 4,
  /** Interrupted (SIGINT); what was stored before stays stored. */
  INTERRUPTED: 130,
} as const;
