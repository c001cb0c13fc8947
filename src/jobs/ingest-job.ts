// The ingest job: inputs → Docs → pipeline → store, one document per transaction. A bad input is counted and
// reported, never fatal; only a store that cannot be written (locked, foreign) stops the run.

import type { DyadError } from '../errors.js';
import { type ParseOptions, parseInput } from '../ingest/parse.js';
import { expandPaths, readEntry, type SourceOptions } from '../ingest/sources.js';
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

  const entries = await expandPaths(paths);
  const files = { done: 0, total: entries.length };
  options.onProgress?.(counts, files);
  for (const entry of entries) {
    if (options.signal?.aborted) break;
    const item = await readEntry(entry, options);
    files.done++;
    if ('error' in item) {
      counts.read++;
      counts.failed++;
      failures.push(failure(item.error, item.error.origin ?? ''));
      options.onProgress?.(counts, files);
      continue;
    }
    for (const parsed of parseInput(item.input, options)) {
      counts.read++;
      if (parsed.error || !parsed.doc) {
        counts.failed++;
        if (parsed.error) failures.push(failure(parsed.error, parsed.origin, parsed.line));
      } else if ((await store.findByHash(parsed.doc.meta.contentHash)) !== null) {
        counts.duplicates++;
      } else {
        const doc = pipeline.run(parsed.doc);
        const result = await store.putDoc(doc, config);
        if (result.status === 'stored') counts.stored++;
        else counts.duplicates++;
      }
      options.onProgress?.(counts, files);
    }
  }
  return { ...counts, failures, seconds: (performance.now() - started) / 1000 };
}
