// The watch job: polls feeds on a schedule and stores what is new. All state (feed validators, items taken)
// lives in the store, so a restarted watch asks each feed "changed since?" and fetches no item twice. A feed that
// fails is reported and retried next cycle; only the store failing ends the watch.

import { DyadError, toDyadError } from '../errors.js';
import { admitDoc } from '../ingest/dedupe/admit.js';
import { type FeedEvent, feedUrlItems } from '../ingest/feed/feed-items.js';
import { Fetcher, type FetcherOptions } from '../ingest/fetch/fetcher.js';
import { sleep } from '../ingest/fetch/host-queue.js';
import { normalizeUrl } from '../ingest/fetch/url.js';
import { settleItem, type WebContext } from '../ingest/fetch/web-item.js';
import type { DateOption } from '../ingest/published.js';
import type { Pipeline } from '../pipeline/runner.js';
import type { Store } from '../store/store.js';

export interface FeedCounts {
  /** Items not taken before (stored + duplicates + failed). */
  fresh: number;
  stored: number;
  duplicates: number;
  failed: number;
}

export type FeedOutcome = 'ok' | 'not-modified' | 'failed';

export interface FeedReport {
  feedUrl: string;
  title: string | null;
  outcome: FeedOutcome;
  counts: FeedCounts;
  error?: { code: string; message: string };
}

export interface CycleReport {
  cycle: number;
  startedAt: string;
  seconds: number;
  feeds: FeedReport[];
  totals: FeedCounts;
}

export type WatchEvent =
  | { type: 'cycle-start'; cycle: number; feeds: number }
  | { type: 'feed'; cycle: number; event: FeedEvent }
  | {
      type: 'item';
      cycle: number;
      feedUrl: string;
      origin: string;
      status: 'stored' | 'duplicate' | 'failed';
      error?: { code: string; message: string };
    }
  | { type: 'feed-done'; cycle: number; report: FeedReport }
  | { type: 'cycle-end'; cycle: number; report: CycleReport; nextAt: Date | null };

export interface WatchOptions {
  store: Store;
  pipeline: Pipeline;
  /** Time between the starts of two cycles (ms). */
  everyMs: number;
  /** Run one cycle and return. */
  once?: boolean;
  /** Ends the watch: after the current item, or at once while waiting for the next cycle. */
  signal?: AbortSignal;
  fetch?: FetcherOptions;
  date?: DateOption;
  onEvent?: (event: WatchEvent) => void;
}

export interface WatchSummary {
  cycles: number;
  totals: FeedCounts;
  interrupted: boolean;
}

const zero = (): FeedCounts => ({ fresh: 0, stored: 0, duplicates: 0, failed: 0 });

/** The feed URLs as watched: http(s) only, normalised, each once; anything else is a usage error. */
export function feedList(urls: readonly string[]): string[] {
  const out: string[] = [];
  for (const u of urls) {
    const n = normalizeUrl(u);
    if (!n) throw new DyadError('DYAD_E_USAGE', `"${u}" is not an http(s) feed URL`);
    if (!out.includes(n)) out.push(n);
  }
  return out;
}

/** One poll of every feed. */
export async function runWatchCycle(
  feeds: readonly string[],
  cycle: number,
  web: WebContext,
  options: WatchOptions,
): Promise<CycleReport> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const { store, pipeline } = options;
  const config = pipeline.config();
  const emit = options.onEvent ?? (() => {});
  const reports: FeedReport[] = [];
  emit({ type: 'cycle-start', cycle, feeds: feeds.length });
  for (const feedUrl of feeds) {
    if (options.signal?.aborted) break;
    const report: FeedReport = { feedUrl, title: null, outcome: 'ok', counts: zero() };
    const onFeed = (event: FeedEvent) => {
      if (event.feedUrl === feedUrl && event.title) report.title = event.title;
      emit({ type: 'feed', cycle, event });
    };
    for await (const item of feedUrlItems(feedUrl, web, { onFeed })) {
      // Whatever ends after the interrupt (a fetch cut short) is left for the next run, not counted as failed.
      if (options.signal?.aborted) break;
      if (item.unchanged?.reason === 'not-modified') {
        report.outcome = 'not-modified';
        continue;
      }
      if (!item.feedItem) {
        // An error of the feed itself (or of a feed an OPML list names), not of one of its items.
        report.outcome = 'failed';
        const e = item.error ?? new DyadError('DYAD_E_FEED', 'the feed gave nothing', { origin: feedUrl });
        report.error = { code: e.code, message: e.message };
        continue;
      }
      report.counts.fresh++;
      let status: 'stored' | 'duplicate' | 'failed';
      let error: { code: string; message: string } | undefined;
      if (item.unchanged) {
        status = 'duplicate';
        await settleItem(store, item, item.unchanged.id ?? null);
      } else if (item.error || !item.doc) {
        status = 'failed';
        const e = item.error ?? toDyadError('no article', 'DYAD_E_EMPTY', item.origin);
        error = { code: e.code, message: e.message };
      } else {
        const result = await admitDoc(item.doc, { store, pipeline, config }, { urls: item.urls ?? [] });
        status = result.status;
        await settleItem(store, item, result.id);
      }
      if (status === 'stored') report.counts.stored++;
      else if (status === 'duplicate') report.counts.duplicates++;
      else report.counts.failed++;
      emit({
        type: 'item',
        cycle,
        feedUrl,
        origin: item.origin,
        status,
        ...(error ? { error } : {}),
      });
    }
    reports.push(report);
    emit({ type: 'feed-done', cycle, report });
  }
  const totals = zero();
  for (const r of reports) {
    totals.fresh += r.counts.fresh;
    totals.stored += r.counts.stored;
    totals.duplicates += r.counts.duplicates;
    totals.failed += r.counts.failed;
  }
  return { cycle, startedAt, seconds: (performance.now() - started) / 1000, feeds: reports, totals };
}

/** Polls the feeds every `everyMs` until the signal aborts (or once). */
export async function runWatch(feedUrls: readonly string[], options: WatchOptions): Promise<WatchSummary> {
  const feeds = feedList(feedUrls);
  if (feeds.length === 0) throw new DyadError('DYAD_E_USAGE', 'no feeds to watch');
  const { signal } = options;
  await options.pipeline.load();
  const web: WebContext = {
    fetcher: new Fetcher({ ...options.fetch, ...(signal ? { signal } : {}) }),
    store: options.store,
    date: options.date,
    ...(signal ? { signal } : {}),
  };
  const totals = zero();
  let cycles = 0;
  for (;;) {
    const started = Date.now();
    cycles++;
    const report = await runWatchCycle(feeds, cycles, web, options);
    totals.fresh += report.totals.fresh;
    totals.stored += report.totals.stored;
    totals.duplicates += report.totals.duplicates;
    totals.failed += report.totals.failed;
    const last = options.once === true || signal?.aborted === true;
    const nextAt = last ? null : new Date(started + options.everyMs);
    options.onEvent?.({ type: 'cycle-end', cycle: cycles, report, nextAt });
    if (last || !nextAt) break;
    try {
      await sleep(nextAt.getTime() - Date.now(), signal);
    } catch {
      break;
    }
  }
  return { cycles, totals, interrupted: signal?.aborted === true };
}

/** "15m", "90s", "2h", "500ms", or a bare number of seconds → ms; at least one second. */
export function parseInterval(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/i.exec(value.trim());
  if (!m) throw new DyadError('DYAD_E_USAGE', `--every "${value}" is not an interval (e.g. 15m, 90s, 1h)`);
  const unit = (m[2] ?? 's').toLowerCase();
  const factor = unit === 'ms' ? 1 : unit === 's' ? 1000 : unit === 'm' ? 60_000 : 3_600_000;
  const ms = Math.round(Number(m[1]) * factor);
  if (ms < 1000) throw new DyadError('DYAD_E_USAGE', `--every "${value}" is shorter than one second`);
  return ms;
}
