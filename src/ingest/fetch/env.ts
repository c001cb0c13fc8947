// Fetch settings a person can set from the environment: DYAD_FETCH_DELAY_MS (least time between two requests to
// one host), DYAD_FETCH_TIMEOUT_MS (a whole request), DYAD_FETCH_RETRY_MS (first backoff before a retry).

import type { FetcherOptions } from './fetcher.js';

export function fetcherOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): FetcherOptions {
  const out: FetcherOptions = {};
  const ms = (name: string): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return undefined;
    const n = Number(raw);
    return Number.isFinite(n) && n >= 0 ? n : undefined;
  };
  const delay = ms('DYAD_FETCH_DELAY_MS');
  const timeout = ms('DYAD_FETCH_TIMEOUT_MS');
  const retry = ms('DYAD_FETCH_RETRY_MS');
  if (delay !== undefined) out.minDelayMs = delay;
  if (timeout !== undefined) {
    out.timeoutMs = timeout;
    out.connectTimeoutMs = Math.min(timeout, 15_000);
  }
  if (retry !== undefined) out.backoffMs = retry;
  return out;
}
