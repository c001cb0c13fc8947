// Fetching web pages and feeds politely and safely with Node's built-in fetch: timeouts, a body size cap,
// manual redirects with a cap, robots.txt, one request at a time per host, retries with backoff on 429/5xx
// (Retry-After honoured) and conditional GET. Every failure is a coded FetchError; nothing here prints.

import { ACCEPT_HEADER, type Accept, accepts, mimeOf } from './content-type.js';
import { FetchError, networkError } from './fetch-error.js';
import { HostQueue } from './host-queue.js';
import { RobotsCache } from './robots.js';
import { parseHttpUrl } from './url.js';

export const DEFAULT_USER_AGENT = 'Dyad/0.1 (news-event-coder)';

export interface FetcherOptions {
  userAgent?: string;
  /**
   * Time allowed until the response headers arrive (ms): DNS, connect, TLS and the server's first byte. Node's
   * built-in fetch exposes no socket events without an undici dispatcher, so the headers mark the end of it.
   */
  connectTimeoutMs?: number;
  /** Time allowed for a whole request, body included (ms). */
  timeoutMs?: number;
  /** Bodies larger than this (decoded) are refused (bytes). */
  maxBytes?: number;
  maxRedirects?: number;
  /** Retries after the first attempt, for 429, 5xx and broken connections. */
  retries?: number;
  /** The first backoff (ms); each retry doubles it. */
  backoffMs?: number;
  /** A Retry-After longer than this is not waited for: the fetch fails instead (ms). */
  maxRetryAfterMs?: number;
  /** The least time between two requests to one host (ms). */
  minDelayMs?: number;
  /** A robots.txt Crawl-delay is honoured up to this (ms). */
  maxCrawlDelayMs?: number;
  /** Obey robots.txt (default true). */
  robots?: boolean;
  /** Stops waits and requests when aborted (an interrupted run). */
  signal?: AbortSignal;
}

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export interface FetchRequest {
  accept: Accept;
  /** Sent as If-None-Match / If-Modified-Since: a 304 then comes back as notModified. */
  validators?: Validators | null;
}

export interface FetchResult {
  requestedUrl: string;
  /** The URL after redirects. */
  url: string;
  status: number;
  notModified: boolean;
  contentType: string | null;
  bytes: Uint8Array;
  etag: string | null;
  lastModified: string | null;
}

const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);
const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);

type Attempt =
  | { kind: 'response'; result: FetchResult }
  | { kind: 'redirect'; location: string }
  | { kind: 'retry'; error: FetchError; retryAfterMs: number | null };

export class Fetcher {
  readonly userAgent: string;
  private readonly connectTimeoutMs: number;
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly maxRedirects: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly maxCrawlDelayMs: number;
  private readonly signal: AbortSignal | undefined;
  private readonly hosts: HostQueue;
  private readonly robots: RobotsCache | null;

  constructor(options: FetcherOptions = {}) {
    this.userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
    this.connectTimeoutMs = options.connectTimeoutMs ?? 15_000;
    this.timeoutMs = options.timeoutMs ?? 45_000;
    this.maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
    this.maxRedirects = options.maxRedirects ?? 5;
    this.retries = options.retries ?? 2;
    this.backoffMs = options.backoffMs ?? 1000;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 120_000;
    this.maxCrawlDelayMs = options.maxCrawlDelayMs ?? 30_000;
    this.signal = options.signal;
    this.hosts = new HostQueue(options.minDelayMs ?? 1000);
    this.robots =
      options.robots === false
        ? null
        : new RobotsCache(async (url) => {
            // RFC 9309: robots.txt redirects are followed; its size is capped at 500 KiB.
            const r = await this.follow(url, { accept: 'text' }, { robots: false, maxBytes: 512 * 1024 });
            return { status: r.status, text: Buffer.from(r.bytes).toString('utf8') };
          });
  }

  /**
   * Fetches a URL: 200 with the body, or notModified on a 304. Throws FetchError for everything else,
   * including an HTTP error status (after retries for 429/5xx).
   */
  async get(url: string, request: FetchRequest): Promise<FetchResult> {
    const result = await this.follow(url, request, { robots: this.robots !== null, maxBytes: this.maxBytes });
    if (result.status >= 400) {
      throw new FetchError('DYAD_E_FETCH_HTTP', `HTTP ${result.status}`, {
        origin: result.url,
        status: result.status,
      });
    }
    return result;
  }

  /** Follows redirects by hand, so that each hop is capped, checked against robots.txt and queued per host. */
  private async follow(
    url: string,
    request: FetchRequest,
    options: { robots: boolean; maxBytes: number },
  ): Promise<FetchResult> {
    const requestedUrl = parseHttpUrl(url).toString();
    let current = parseHttpUrl(url);
    const visited = new Set<string>([current.toString()]);
    for (let hop = 0; ; hop++) {
      if (options.robots && this.robots) {
        const { crawlDelayMs } = await this.robots.check(current);
        if (crawlDelayMs !== null) {
          this.hosts.setMinDelay(current.host, Math.min(crawlDelayMs, this.maxCrawlDelayMs));
        }
      }
      const outcome = await this.withRetries(current, request, options.maxBytes);
      if ('location' in outcome) {
        let next: URL;
        try {
          next = parseHttpUrl(outcome.location, current.toString());
        } catch (e) {
          throw new FetchError(
            'DYAD_E_FETCH_REDIRECTS',
            `a redirect to an unusable URL: ${outcome.location}`,
            {
              origin: current.toString(),
              cause: e,
            },
          );
        }
        next.hash = '';
        if (visited.has(next.toString())) {
          throw new FetchError('DYAD_E_FETCH_REDIRECTS', `a redirect loop (back to ${next})`, {
            origin: requestedUrl,
          });
        }
        if (hop + 1 > this.maxRedirects) {
          throw new FetchError('DYAD_E_FETCH_REDIRECTS', `more than ${this.maxRedirects} redirects`, {
            origin: requestedUrl,
          });
        }
        visited.add(next.toString());
        current = next;
        continue;
      }
      return { ...outcome, requestedUrl };
    }
  }

  private async withRetries(
    url: URL,
    request: FetchRequest,
    maxBytes: number,
  ): Promise<FetchResult | { location: string }> {
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.hosts.run(url.host, () => this.once(url, request, maxBytes), this.signal);
      if (outcome.kind === 'response') return outcome.result;
      if (outcome.kind === 'redirect') return { location: outcome.location };
      const backoff = this.backoffMs * 2 ** attempt * (0.75 + Math.random() * 0.5);
      const wait = Math.max(backoff, outcome.retryAfterMs ?? 0);
      if (outcome.retryAfterMs !== null) {
        this.hosts.holdFor(url.host, Math.min(outcome.retryAfterMs, this.maxRetryAfterMs));
      }
      if (attempt >= this.retries || wait > this.maxRetryAfterMs) throw outcome.error;
      // The host queue waits out the hold before the next attempt, and makes every other request wait too.
      this.hosts.holdFor(url.host, wait);
    }
  }

  /** One request: no redirects followed, no retries. */
  private async once(url: URL, request: FetchRequest, maxBytes: number): Promise<Attempt> {
    const where = url.toString();
    const controller = new AbortController();
    const onOuterAbort = () =>
      controller.abort(new FetchError('DYAD_E_FETCH_ABORTED', 'the run was interrupted', { origin: where }));
    if (this.signal?.aborted) onOuterAbort();
    this.signal?.addEventListener('abort', onOuterAbort, { once: true });
    const connectTimer = setTimeout(
      () =>
        controller.abort(
          new FetchError('DYAD_E_FETCH_TIMEOUT', `no response within ${seconds(this.connectTimeoutMs)}`, {
            origin: where,
          }),
        ),
      this.connectTimeoutMs,
    );
    const totalTimer = setTimeout(
      () =>
        controller.abort(
          new FetchError('DYAD_E_FETCH_TIMEOUT', `the response took longer than ${seconds(this.timeoutMs)}`, {
            origin: where,
          }),
        ),
      this.timeoutMs,
    );
    const headers: Record<string, string> = {
      'user-agent': this.userAgent,
      accept: ACCEPT_HEADER[request.accept],
      'accept-language': 'en;q=1, *;q=0.5',
    };
    if (request.validators?.etag) headers['if-none-match'] = request.validators.etag;
    if (request.validators?.lastModified) headers['if-modified-since'] = request.validators.lastModified;
    try {
      let res: Response;
      try {
        res = await fetch(url, { headers, redirect: 'manual', signal: controller.signal });
      } catch (e) {
        throw abortReason(controller.signal) ?? networkError(e, where);
      }
      clearTimeout(connectTimer);
      const status = res.status;
      const header = (name: string) => res.headers.get(name);
      if (REDIRECT_STATUS.has(status)) {
        await discard(res);
        const location = header('location');
        if (!location) {
          throw new FetchError('DYAD_E_FETCH_REDIRECTS', `HTTP ${status} without a Location`, {
            origin: where,
          });
        }
        return { kind: 'redirect', location };
      }
      const base = {
        requestedUrl: where,
        url: where,
        status,
        contentType: header('content-type'),
        etag: header('etag'),
        lastModified: header('last-modified'),
      };
      if (status === 304) {
        await discard(res);
        return { kind: 'response', result: { ...base, notModified: true, bytes: new Uint8Array(0) } };
      }
      if (RETRY_STATUS.has(status)) {
        await discard(res);
        return {
          kind: 'retry',
          error: new FetchError('DYAD_E_FETCH_HTTP', `HTTP ${status}`, { origin: where, status }),
          retryAfterMs: retryAfter(header('retry-after')),
        };
      }
      if (status < 200 || status >= 300) {
        // Error statuses are handed back (robots.txt reads them); Fetcher.get turns them into FetchErrors.
        await discard(res);
        return { kind: 'response', result: { ...base, notModified: false, bytes: new Uint8Array(0) } };
      }
      if (!accepts(request.accept, base.contentType)) {
        await discard(res);
        throw new FetchError(
          'DYAD_E_FETCH_CONTENT_TYPE',
          `the response is ${mimeOf(base.contentType)}, not ${request.accept === 'html' ? 'an HTML page' : request.accept === 'feed' ? 'a feed' : 'a page or feed'}`,
          { origin: where },
        );
      }
      const declared = Number(header('content-length'));
      if (Number.isFinite(declared) && declared > maxBytes) {
        await discard(res);
        throw tooLarge(where, maxBytes);
      }
      let bytes: Uint8Array;
      try {
        bytes = await readCapped(res, maxBytes, where);
      } catch (e) {
        throw abortReason(controller.signal) ?? networkError(e, where);
      }
      return { kind: 'response', result: { ...base, notModified: false, bytes } };
    } catch (e) {
      const error = e instanceof FetchError ? e : networkError(e, where);
      // A broken connection is worth another try; a timeout, a refused connection or a bad name is not.
      if (error.code === 'DYAD_E_FETCH_NETWORK') return { kind: 'retry', error, retryAfterMs: null };
      throw error;
    } finally {
      clearTimeout(connectTimer);
      clearTimeout(totalTimer);
      this.signal?.removeEventListener('abort', onOuterAbort);
    }
  }
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${(ms / 1000).toFixed(1)}s`;
}

function abortReason(signal: AbortSignal): FetchError | null {
  return signal.aborted && signal.reason instanceof FetchError ? signal.reason : null;
}

function tooLarge(where: string, maxBytes: number): FetchError {
  return new FetchError('DYAD_E_FETCH_TOO_LARGE', `the body is over the limit of ${maxBytes} bytes`, {
    origin: where,
  });
}

async function discard(res: Response): Promise<void> {
  try {
    await res.body?.cancel();
  } catch {
    // The connection is being dropped anyway.
  }
}

/** Reads the body chunk by chunk and stops as soon as it passes the cap, so an endless body costs nothing. */
async function readCapped(res: Response, maxBytes: number, where: string): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(where, maxBytes);
    }
    chunks.push(value);
  }
  return chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks);
}

/** Retry-After as delay-seconds or an HTTP date → ms from now; null when absent or unreadable. */
export function retryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
