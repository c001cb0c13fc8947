// Runs an extractor over one benchmark set and scores it: text metrics per page, metadata accuracy where the
// set has labels, and pages per second counting the extraction alone (not reading files or scoring).

import type { ExtractionPage, ExtractionSet } from './datasets.js';
import {
  meanTokenPRF,
  type PRF,
  type Shingles,
  type SnippetCounts,
  sameAuthors,
  sameDay,
  sameTitle,
  shingleCounts,
  shinglePRF,
  snippetCounts,
  snippetPRF,
  tokenPRF,
} from './metrics.js';

export interface Extracted {
  text: string;
  title: string | null;
  authors: string[];
  published: string | null;
}

/** What the set counts as the text: schema.org's articleBody (no headline or standfirst), or all main text. */
export type TextConvention = 'article-body' | 'main-text';

export type Extractor = (bytes: Uint8Array, url: string | null, convention: TextConvention) => Extracted;

export interface PageResult {
  id: string;
  url: string | null;
  /** Token F1 (scrapinghub) or the share of snippets judged right (trafilatura). */
  score: number;
  token?: PRF;
  snippets?: SnippetCounts;
  title?: { gold: string; got: string | null; ok: boolean };
  author?: { gold: string[]; got: string[]; ok: boolean };
  date?: { gold: string; got: string | null; ok: boolean };
  error?: string;
}

export interface SetScore {
  n: number;
  metrics: Record<string, number>;
  pages: PageResult[];
  /** The set's own prediction format: scrapinghub {id: {articleBody}}, trafilatura {url: {text, …}}. */
  predictions: Record<string, unknown>;
}

export interface ScoreOptions {
  limit?: number;
  onProgress?: (done: number) => void;
}

const EMPTY: Extracted = { text: '', title: null, authors: [], published: null };

export function scoreSet(set: ExtractionSet, extract: Extractor, options: ScoreOptions = {}): SetScore {
  const pages = options.limit === undefined ? set.pages : set.pages.slice(0, options.limit);
  const results: PageResult[] = [];
  const tokens: PRF[] = [];
  const shingles: Shingles[] = [];
  const snippets: SnippetCounts[] = [];
  const predictions: Record<string, unknown> = {};
  let seconds = 0;
  let cpuMicros = 0;
  let done = 0;
  for (const page of pages) {
    const bytes = page.load();
    let out = EMPTY;
    let error: string | undefined;
    const started = performance.now();
    const cpu = process.cpuUsage();
    try {
      out = extract(bytes, page.url, set.kind === 'scrapinghub' ? 'article-body' : 'main-text');
    } catch (e) {
      // A crash scores as an empty output, as the reference scorers count it.
      error = e instanceof Error ? e.message : String(e);
    }
    const used = process.cpuUsage(cpu);
    cpuMicros += used.user + used.system;
    seconds += (performance.now() - started) / 1000;
    const result = scorePage(page, out, set.kind);
    if (error) result.error = error;
    if (result.token) tokens.push(result.token);
    if (result.snippets) snippets.push(result.snippets);
    if (page.gold.body !== undefined) shingles.push(shingleCounts(page.gold.body, out.text));
    results.push(result);
    predictions[set.kind === 'scrapinghub' ? page.id : (page.url ?? page.id)] =
      set.kind === 'scrapinghub'
        ? { articleBody: out.text }
        : { text: out.text, title: out.title, author: out.authors.join('; ') || null, date: out.published };
    options.onProgress?.(++done);
  }
  const metrics: Record<string, number> = {};
  if (tokens.length) {
    const t = meanTokenPRF(tokens);
    const s = shinglePRF(shingles);
    Object.assign(metrics, {
      f1: t.f1,
      precision: t.precision,
      recall: t.recall,
      shingleF1: s.f1,
      shinglePrecision: s.precision,
      shingleRecall: s.recall,
    });
  }
  if (snippets.length) {
    const s = snippetPRF(snippets);
    Object.assign(metrics, { snippetF1: s.f1, snippetPrecision: s.precision, snippetRecall: s.recall });
  }
  const accuracy = (key: 'title' | 'author' | 'date') => {
    const labelled = results.filter((r) => r[key] !== undefined);
    if (labelled.length === 0) return;
    metrics[`${key}Accuracy`] = labelled.filter((r) => r[key]?.ok).length / labelled.length;
    metrics[`${key}Labelled`] = labelled.length;
  };
  accuracy('title');
  accuracy('author');
  accuracy('date');
  metrics.pagesPerSecond = seconds > 0 ? results.length / seconds : 0;
  // CPU time is what one core spends; on a shared machine wall time also counts waiting for the core.
  metrics.pagesPerCpuSecond = cpuMicros > 0 ? results.length / (cpuMicros / 1e6) : 0;
  metrics.errors = results.filter((r) => r.error).length;
  return { n: results.length, metrics, pages: results, predictions };
}

function scorePage(page: ExtractionPage, out: Extracted, kind: ExtractionSet['kind']): PageResult {
  const result: PageResult = { id: page.id, url: page.url, score: 0 };
  const gold = page.gold;
  if (gold.body !== undefined) {
    result.token = tokenPRF(gold.body, out.text);
    result.score = result.token.f1;
  }
  if (gold.with && gold.without) {
    result.snippets = snippetCounts(out.text, { with: gold.with, without: gold.without });
    const c = result.snippets;
    const total = c.tp + c.fp + c.fn + c.tn;
    result.score = total ? (c.tp + c.tn) / total : 1;
  }
  if (kind === 'trafilatura') {
    if (gold.title) result.title = { gold: gold.title, got: out.title, ok: sameTitle(gold.title, out.title) };
    if (gold.author)
      result.author = { gold: gold.author, got: out.authors, ok: sameAuthors(gold.author, out.authors) };
    if (gold.date)
      result.date = { gold: gold.date, got: out.published, ok: sameDay(gold.date, out.published) };
  }
  return result;
}
