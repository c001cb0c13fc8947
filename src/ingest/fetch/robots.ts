// robots.txt, read once per origin (robots-parser) and kept for a while. Follows RFC 9309: a missing file
// (4xx) allows everything; a file that cannot be had (5xx, timeout) disallows everything for now.

import robotsParserModule from 'robots-parser';
import { FetchError } from './fetch-error.js';

interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}

// The package is CommonJS whose module.exports is the function, while its types declare an ES default export.
const robotsParser = robotsParserModule as unknown as (url: string, text: string) => Robot;

/** The product token Dyad's rules are looked up under ("User-agent: Dyad"). */
export const ROBOTS_TOKEN = 'Dyad';

export type RobotsLoad = (url: string) => Promise<{ status: number; text: string }>;

interface Rules {
  allowed(url: string): boolean;
  crawlDelayMs: number | null;
  /** Why everything is disallowed, when the file could not be had. */
  unavailable?: string;
}

interface Entry {
  rules: Promise<Rules>;
  expires: number;
}

/** Errors of reaching the host at all: the page itself would fail the same way, so they are passed on. */
const UNREACHABLE = new Set([
  'DYAD_E_FETCH_DNS',
  'DYAD_E_FETCH_CONNECT',
  'DYAD_E_FETCH_TLS',
  'DYAD_E_FETCH_URL',
]);

export interface RobotsOptions {
  /** How long a robots.txt is trusted (ms). Default one day. */
  ttlMs?: number;
  /** How long a failure is remembered (ms). Default ten minutes. */
  failureTtlMs?: number;
}

export class RobotsCache {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly failureTtlMs: number;

  constructor(
    private readonly load: RobotsLoad,
    options: RobotsOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 24 * 3600_000;
    this.failureTtlMs = options.failureTtlMs ?? 10 * 60_000;
  }

  /** Throws DYAD_E_FETCH_ROBOTS when the URL may not be fetched; returns the site's Crawl-delay, if any. */
  async check(url: URL): Promise<{ crawlDelayMs: number | null }> {
    const rules = await this.rulesFor(url.origin);
    if (rules.unavailable) {
      throw new FetchError('DYAD_E_FETCH_ROBOTS', rules.unavailable, { origin: url.toString() });
    }
    if (!rules.allowed(url.toString())) {
      throw new FetchError('DYAD_E_FETCH_ROBOTS', 'robots.txt disallows this URL', {
        origin: url.toString(),
      });
    }
    return { crawlDelayMs: rules.crawlDelayMs };
  }

  private rulesFor(origin: string): Promise<Rules> {
    const now = Date.now();
    const hit = this.entries.get(origin);
    if (hit && hit.expires > now) return hit.rules;
    const entry: Entry = { rules: this.read(origin), expires: now + this.ttlMs };
    this.entries.set(origin, entry);
    entry.rules.then(
      (r) => {
        if (r.unavailable) entry.expires = Date.now() + this.failureTtlMs;
      },
      () => {
        entry.expires = Date.now() + this.failureTtlMs;
      },
    );
    return entry.rules;
  }

  private async read(origin: string): Promise<Rules> {
    const robotsUrl = `${origin}/robots.txt`;
    let got: { status: number; text: string };
    try {
      got = await this.load(robotsUrl);
    } catch (e) {
      if (e instanceof FetchError && UNREACHABLE.has(e.code)) throw e;
      const why = e instanceof FetchError ? e.code : 'an error';
      return unavailable(
        `robots.txt could not be read (${why}), so the site is treated as disallowed for now`,
      );
    }
    if (got.status >= 400 && got.status < 500) return { allowed: () => true, crawlDelayMs: null };
    if (got.status >= 500) {
      return unavailable(
        `robots.txt answered HTTP ${got.status}, so the site is treated as disallowed for now`,
      );
    }
    const robot = robotsParser(robotsUrl, got.text);
    const delay = robot.getCrawlDelay(ROBOTS_TOKEN);
    return {
      // robots-parser answers undefined for a URL of another origin; the cache is keyed by origin, so never here.
      allowed: (u) => robot.isAllowed(u, ROBOTS_TOKEN) !== false,
      crawlDelayMs: typeof delay === 'number' && delay > 0 ? delay * 1000 : null,
    };
  }
}

function unavailable(message: string): Rules {
  return { allowed: () => false, crawlDelayMs: null, unavailable: message };
}
