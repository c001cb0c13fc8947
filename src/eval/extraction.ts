// `dyad eval extraction`: scores Dyad's HTML → article extraction on the scrapinghub benchmark (token and
// shingle F1) and trafilatura's set (snippet F1, title/author/date accuracy), with pages per second.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DyadError } from '../errors.js';
import { parseHtml } from '../ingest/html/parse-html.js';
import { resolvePublished } from '../ingest/published.js';
import { type ExtractionSet, openExtractionSets } from './extraction/datasets.js';
import { type Extractor, type PageResult, type SetScore, scoreSet } from './extraction/score.js';
import type { EvalOutcome, EvalTask } from './task.js';

/**
 * Dyad's extractor as the benchmarks see it: bytes (and the page's URL) in, text and labels out. The text is the
 * body; a lead shown above it (Dyad's standfirst) is counted as text too where the set's convention includes it
 * (trafilatura's "main text") but not where it does not (scrapinghub's schema.org articleBody).
 */
export const dyadExtractor: Extractor = (bytes, url, convention) => {
  const { draft, shownLead } = parseHtml(bytes, url ? { url } : {});
  // As `dyad ingest` does: a date stated in the text stands in when the page's markup gives none.
  resolvePublished(draft, {});
  const body = draft.paragraphs.map((p) => p.text);
  return {
    text: (convention === 'main-text' && shownLead ? [shownLead, ...body] : body).join('\n\n'),
    title: draft.title,
    authors: draft.authors,
    published: draft.published,
  };
};

const WARM_UP_PAGES = 10;

export interface ExtractionEvalOptions {
  limit?: number;
  predictions?: string;
  onProgress?: (done: number, total: number) => void;
}

/** Scores an extractor on every set found under `data`; the metrics are nested by set when there are two. */
export function evaluateExtraction(
  data: string,
  extract: Extractor,
  options: ExtractionEvalOptions = {},
): EvalOutcome {
  const sets = openExtractionSets(data);
  const total = sets.reduce((n, s) => n + Math.min(s.pages.length, options.limit ?? Infinity), 0);
  let before = 0;
  const scored: [ExtractionSet, SetScore][] = sets.map((set) => {
    // Warm the extractor on a few of the set's pages, untimed and unscored, so that pages per second measures
    // steady-state extraction rather than module loading and JIT compilation.
    for (const page of set.pages.slice(0, WARM_UP_PAGES)) {
      try {
        extract(page.load(), page.url, 'main-text');
      } catch {
        // scored (and reported) in the timed run
      }
    }
    const score = scoreSet(set, extract, {
      ...(options.limit !== undefined ? { limit: options.limit } : {}),
      onProgress: (done) => options.onProgress?.(before + done, total),
    });
    before += score.n;
    return [set, score];
  });
  if (options.predictions) writePredictions(options.predictions, scored);
  const metrics =
    scored.length === 1
      ? scored[0]![1].metrics
      : Object.fromEntries(scored.map(([set, score]) => [set.kind, score.metrics]));
  return {
    n: before,
    metrics,
    report: scored.flatMap(([set, score]) => worstPages(set, score.pages)),
    details: Object.fromEntries(scored.map(([set, score]) => [set.kind, score.pages])),
  };
}

function writePredictions(file: string, scored: [ExtractionSet, SetScore][]): void {
  for (const [set, score] of scored) {
    // With two sets, each gets its own file: predictions.json → predictions.scrapinghub.json, ….
    const target =
      scored.length === 1
        ? file
        : path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.${set.kind}.json`);
    try {
      writeFileSync(target, `${JSON.stringify(score.predictions, null, 1)}\n`);
    } catch (e) {
      throw new DyadError('DYAD_E_IO', 'cannot write the predictions', { origin: target, cause: e });
    }
  }
}

function worstPages(set: ExtractionSet, pages: PageResult[], n = 10): string[] {
  const worst = [...pages].sort((a, b) => a.score - b.score).slice(0, n);
  const lines = [`${set.kind}: the ${worst.length} lowest-scoring pages`];
  for (const p of worst) {
    const detail = p.token
      ? `P ${p.token.precision.toFixed(2)} R ${p.token.recall.toFixed(2)}`
      : p.snippets
        ? `missed ${p.snippets.fn}, kept ${p.snippets.fp} unwanted`
        : '';
    lines.push(`  ${p.score.toFixed(3)}  ${p.id}  ${detail}${p.error ? `  error: ${p.error}` : ''}`);
  }
  const misses = pages.filter((p) => p.date && !p.date.ok).length;
  if (pages.some((p) => p.date)) lines.push(`  ${misses} labelled dates missed or wrong`);
  return lines;
}

export const extractionTask: EvalTask = {
  name: 'extraction',
  description: 'HTML → article text and metadata (scrapinghub and trafilatura benchmarks)',
  defaultData: '../shared/eval/extraction/scrapinghub',
  async run(options) {
    const limit = options.options.limit === undefined ? undefined : Number(options.options.limit);
    if (limit !== undefined && (!Number.isInteger(limit) || limit <= 0)) {
      throw new DyadError(
        'DYAD_E_USAGE',
        `--limit must be a positive whole number, not "${options.options.limit}"`,
      );
    }
    return evaluateExtraction(options.data, dyadExtractor, {
      ...(limit !== undefined ? { limit } : {}),
      ...(options.predictions ? { predictions: options.predictions } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
  },
};
