// The ingest job: inputs (files, URLs, feeds, WARC files) → Docs → pipeline → store, one document per
// transaction. A bad input is counted and reported, never fatal; only a store that cannot be written (locked,
// foreign) stops the run.

import type { DyadError } from '../errors.js';
import { admitDoc } from '../ingest/dedupe/admit.js';
import { Fetcher, type FetcherOptions } from '../ingest/fetch/fetcher.js';
import type { UrlListItem } from '../ingest/fetch/url-list.js';
import { settleItem } from '../ingest/fetch/web-item.js';
import { entryItems, expandWebSources } from '../ingest/fetch/web-source.js';
import type { ParseOptions } from '../ingest/parse.js';
import type { SourceOptions } from '../ingest/sources.js';
import type { Pipeline } from '../pipeline/runner.js';
import type { Store } from '../store/store.js';

export interface IngestCounts {
  read: number;
  stored: number;
  duplicates: number;
  failed: number;
}

export interface IngestFailure {
  code: string;
  message: string;
  origin: string;
  line?: number;
}

export interface IngestSummary extends IngestCounts {
  failures: IngestFailure[];
  seconds: number;
}

export interface IngestOptions extends ParseOptions, SourceOptions {
  store: Store;
  pipeline: Pipeline;
  /** Called after each article with the counts so far and how many of the input files are done. */
  onProgress?: (counts: IngestCounts, files: { done: number; total: number }) => void;
  /** Checked between documents; when aborted, the job stops after the current document. */
  signal?: AbortSignal;
  /** The entries of a URL list (--urls), read after the paths. */
  urls?: readonly UrlListItem[];
  /** Timeouts, politeness and retries for URLs and feeds. */
  fetch?: FetcherOptions;
}

function failure(e: DyadError, origin: string, line?: number): IngestFailure {
  const f: IngestFailure = { code: e.code, message: e.message, origin: e.origin ?? origin };
  const at = e.line ?? line;
  if (at) f.line = at;
  return f;
}

export async function runIngest(paths: readonly string[], options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const counts: IngestCounts = { read: 0, stored: 0, duplicates: 0, failed: 0 };
  const failures: IngestFailure[] = [];
  const { store, pipeline } = options;
  await pipeline.load();
  const config = pipeline.config();

  const entries = await expandWebSources(paths, options.urls);
  const files = { done: 0, total: entries.length };
  const signal = options.signal;
  const web = {
    fetcher: new Fetcher({
      ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
      ...options.fetch,
      ...(signal ? { signal } : {}),
    }),
    store,
    date: options.date,
    ...(signal ? { signal } : {}),
    ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
  };
  options.onProgress?.(counts, files);
  for (const entry of entries) {
    if (signal?.aborted) break;
    for await (const parsed of entryItems(entry, web, options)) {
      // An item finished after the interrupt (a fetch cut short) is neither stored nor counted; the next run redoes it.
      if (signal?.aborted) break;
      counts.read++;
      if (parsed.unchanged) {
        counts.duplicates++;
        await settleItem(store, parsed, parsed.unchanged.id ?? null);
      } else if (parsed.error || !parsed.doc) {
        counts.failed++;
        if (parsed.error) failures.push(failure(parsed.error, parsed.origin, parsed.line));
      } else {
        const result = await admitDoc(parsed.doc, { store, pipeline, config }, { urls: parsed.urls ?? [] });
        if (result.status === 'stored') counts.stored++;
        else counts.duplicates++;
        await settleItem(store, parsed, result.id);
      }
      options.onProgress?.(counts, files);
      if (signal?.aborted) break;
    }
    files.done++;
    options.onProgress?.(counts, files);
  }
  return { ...counts, failures, seconds: (performance.now() - started) / 1000 };
}
