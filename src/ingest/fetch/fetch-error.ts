// The coded errors of fetching. Each failure mode has its own stable code so that a run can report, count and
// retry by kind; an HTTP error also carries the status.

import { DyadError, type DyadErrorDetails } from '../../errors.js';

export const FETCH_ERROR_CODES = {
  DYAD_E_FETCH_URL: 'a URL that is not an absolute http(s) URL, or a port fetch refuses',
  DYAD_E_FETCH_DNS: 'a host name that does not resolve',
  DYAD_E_FETCH_CONNECT: 'a server that refuses the connection',
  DYAD_E_FETCH_TLS: 'a TLS handshake or certificate that fails',
  DYAD_E_FETCH_NETWORK: 'a connection that breaks off',
  DYAD_E_FETCH_TIMEOUT: 'no response, or no complete body, within the time limit',
  DYAD_E_FETCH_HTTP: 'an HTTP error status (after retries for 429 and 5xx)',
  DYAD_E_FETCH_REDIRECTS: 'a redirect loop or more redirects than allowed',
  DYAD_E_FETCH_TOO_LARGE: 'a body over the size limit',
  DYAD_E_FETCH_CONTENT_TYPE: 'a response of a type that is not wanted (an image for a page)',
  DYAD_E_FETCH_ROBOTS: 'a URL that robots.txt disallows, or a site whose robots.txt cannot be read',
  DYAD_E_FETCH_ABORTED: 'a fetch stopped because the run was interrupted',
} as const;

export type FetchErrorCode = keyof typeof FETCH_ERROR_CODES;

export class FetchError extends DyadError {
  /** The HTTP status, for DYAD_E_FETCH_HTTP. */
  readonly status: number | undefined;

  constructor(code: FetchErrorCode, message: string, details: DyadErrorDetails & { status?: number } = {}) {
    super(code, message, details);
    this.name = 'FetchError';
    this.status = details.status;
  }

  override toJSON(): ReturnType<DyadError['toJSON']> & { status?: number } {
    return { ...super.toJSON(), ...(this.status !== undefined ? { status: this.status } : {}) };
  }
}

/** Node's fetch rejects with "fetch failed" and the socket's error as cause; map that cause to a code. */
export function networkError(e: unknown, url: string): FetchError {
  if (e instanceof FetchError) return e;
  const cause = (e as { cause?: unknown })?.cause ?? e;
  const code = String((cause as { code?: unknown })?.code ?? '');
  const detail = cause instanceof Error ? cause.message : String(cause);
  const at = { origin: url, cause: e };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || code === 'EAI_FAIL') {
    return new FetchError('DYAD_E_FETCH_DNS', `the host name does not resolve (${code})`, at);
  }
  if (code === 'ECONNREFUSED' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
    return new FetchError('DYAD_E_FETCH_CONNECT', `cannot connect (${code})`, at);
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') {
    return new FetchError('DYAD_E_FETCH_TIMEOUT', `the connection timed out (${code})`, at);
  }
  if (/CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) {
    return new FetchError('DYAD_E_FETCH_TLS', `the TLS connection failed (${code})`, at);
  }
  if (/bad port/i.test(detail)) return new FetchError('DYAD_E_FETCH_URL', 'fetch refuses this port', at);
  return new FetchError('DYAD_E_FETCH_NETWORK', `the connection failed (${code || detail})`, at);
}
