// Per-host politeness: one request at a time per host, a minimum delay between the end of one request and the
// start of the next, and a "not before" time that Retry-After and backoff push forward for everyone.

import { FetchError } from './fetch-error.js';

interface HostState {
  tail: Promise<void>;
  notBefore: number;
  minDelayMs: number;
}

export class HostQueue {
  private readonly hosts = new Map<string, HostState>();

  constructor(private readonly minDelayMs: number) {}

  private state(host: string): HostState {
    let s = this.hosts.get(host);
    if (!s) {
      s = { tail: Promise.resolve(), notBefore: 0, minDelayMs: this.minDelayMs };
      this.hosts.set(host, s);
    }
    return s;
  }

  /** Runs fn once the host is free and its delay has passed. */
  async run<T>(host: string, fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const s = this.state(host);
    const previous = s.tail;
    let release!: () => void;
    s.tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    try {
      await previous;
      await sleep(s.notBefore - Date.now(), signal);
      return await fn();
    } finally {
      s.notBefore = Math.max(s.notBefore, Date.now() + s.minDelayMs);
      release();
    }
  }

  /** Holds every request to the host for at least ms from now (Retry-After, backoff). */
  holdFor(host: string, ms: number): void {
    const s = this.state(host);
    s.notBefore = Math.max(s.notBefore, Date.now() + ms);
  }

  /** Raises the host's minimum delay (robots.txt Crawl-delay); never lowers it below the default. */
  setMinDelay(host: string, ms: number): void {
    const s = this.state(host);
    s.minDelayMs = Math.max(this.minDelayMs, ms);
  }
}

/** Waits ms (nothing for ms <= 0); an abort ends the wait with DYAD_E_FETCH_ABORTED. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(aborted());
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(aborted());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function aborted(): FetchError {
  return new FetchError('DYAD_E_FETCH_ABORTED', 'the run was interrupted');
}
