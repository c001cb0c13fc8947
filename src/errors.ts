// Errors with a stable code and a plain sentence. Library code throws these; the CLI decides what a person sees.

export const ERROR_CODES = {
  DYAD_E_NOT_FOUND: 'a path, record or id that does not exist',
  DYAD_E_PERMISSION: 'a file or directory that cannot be read',
  DYAD_E_EMPTY: 'an input with no text',
  DYAD_E_BINARY: 'an input that is not text',
  DYAD_E_TOO_LARGE: 'an input over the size limit',
  DYAD_E_ENCODING: 'bytes that do not decode as text',
  DYAD_E_JSON: 'a JSON record or line that does not parse',
  DYAD_E_RECORD: 'a JSON record without text',
  DYAD_E_DATE: 'a date that does not parse',
  DYAD_E_DB_LOCKED: 'a database file locked by another process',
  DYAD_E_DB_INVALID: 'a file that is not a Dyad database',
  DYAD_E_DB_VERSION: 'a database made by a newer Dyad',
  DYAD_E_PIPELINE: 'stages whose required layers are not added by an earlier stage',
  DYAD_E_USAGE: 'a command used with wrong arguments',
  DYAD_E_EVAL_DATA: 'evaluation data that is missing or malformed',
  DYAD_E_FETCH_TIMEOUT: 'a fetch that took longer than its timeout',
  DYAD_E_FETCH_HTTP: 'a fetch answered with an HTTP error status',
  DYAD_E_FETCH_REDIRECTS: 'a fetch that redirected too often or in a loop',
  DYAD_E_FETCH_TOO_LARGE: 'a fetched body over the size cap',
  DYAD_E_FETCH_CONTENT_TYPE: 'a fetched body of a type Dyad cannot read',
  DYAD_E_FETCH_ROBOTS: "a URL the site's robots.txt disallows",
  DYAD_E_FETCH_DNS: 'a host name that does not resolve',
  DYAD_E_FEED: 'a feed that does not parse',
  DYAD_E_WARC: 'a WARC file that is truncated or malformed',
  DYAD_E_KB: 'a knowledge-base or dictionary file that does not load',
  DYAD_E_STAGE_FAILED: 'a pipeline stage that failed on one document (left as a message)',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES | `DYAD_E_${string}`;

export interface DyadErrorDetails {
  /** The file, URL or record the error concerns. */
  origin?: string;
  line?: number;
  cause?: unknown;
}

export class DyadError extends Error {
  readonly code: ErrorCode;
  readonly origin: string | undefined;
  readonly line: number | undefined;

  constructor(code: ErrorCode, message: string, details: DyadErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'DyadError';
    this.code = code;
    this.origin = details.origin;
    this.line = details.line;
  }

  /** `CODE: origin:line: message`, the one-line form the CLI prints. */
  describe(): string {
    const where = this.origin ? `${this.origin}${this.line ? `:${this.line}` : ''}: ` : '';
    return `${this.code}: ${where}${this.message}`;
  }

  toJSON(): { code: string; message: string; origin?: string; line?: number } {
    return {
      code: this.code,
      message: this.message,
      ...(this.origin ? { origin: this.origin } : {}),
      ...(this.line ? { line: this.line } : {}),
    };
  }
}

export function isDyadError(e: unknown): e is DyadError {
  return e instanceof DyadError;
}

/** Wraps anything thrown into a DyadError, keeping a DyadError as it is. */
export function toDyadError(e: unknown, fallback: ErrorCode, origin?: string): DyadError {
  if (e instanceof DyadError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new DyadError(fallback, message, { ...(origin ? { origin } : {}), cause: e });
}
