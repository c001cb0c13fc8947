// Scorers for article extraction, computed as the public benchmarks compute them: token F1, scrapinghub's
// 4-token shingle F1, trafilatura's with/without snippets, and exact-match accuracy of title, author and date.

/** Python's `\w+` in Unicode mode: letters, numbers and the underscore. */
const WORD = /[\p{L}\p{N}_]+/gu;

export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

function f1Of(precision: number, recall: number): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

function counts(items: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of items) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/** One page's token P/R/F1: the multiset overlap of lower-cased `\w+` tokens. Two empty texts agree fully. */
export function tokenPRF(gold: string, predicted: string): PRF {
  const g = words(gold.toLowerCase());
  const p = words(predicted.toLowerCase());
  if (g.length === 0 && p.length === 0) return { precision: 1, recall: 1, f1: 1 };
  if (g.length === 0 || p.length === 0) return { precision: 0, recall: 0, f1: 0 };
  const gc = counts(g);
  let overlap = 0;
  for (const [t, n] of counts(p)) overlap += Math.min(n, gc.get(t) ?? 0);
  const precision = overlap / p.length;
  const recall = overlap / g.length;
  return { precision, recall, f1: f1Of(precision, recall) };
}

/** Mean of per-page token P, R and F1. */
export function meanTokenPRF(pages: readonly PRF[]): PRF {
  const n = pages.length || 1;
  const sum = (k: keyof PRF) => pages.reduce((s, p) => s + p[k], 0) / n;
  return { precision: sum('precision'), recall: sum('recall'), f1: sum('f1') };
}

export type Shingles = [tp: number, fp: number, fn: number];

function shingles(text: string, n: number): string[] {
  const tokens = words(text);
  const out: string[] = [];
  // As the reference does: a text shorter than n tokens still yields one (short) shingle.
  for (let i = 0; i < Math.max(1, tokens.length - n + 1); i++) {
    const s = tokens.slice(i, i + n);
    if (s.length > 0) out.push(s.join(' '));
  }
  return out;
}

/** One page's shingle TP/FP/FN (case kept, as in the reference), normalised so they sum to 1. */
export function shingleCounts(gold: string, predicted: string, n = 4): Shingles {
  const g = counts(shingles(gold, n));
  const p = counts(shingles(predicted, n));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...g.keys(), ...p.keys()])) {
    const gn = g.get(key) ?? 0;
    const pn = p.get(key) ?? 0;
    tp += Math.min(gn, pn);
    fp += Math.max(0, pn - gn);
    fn += Math.max(0, gn - pn);
  }
  const s = tp + fp + fn;
  return s > 0 ? [tp / s, fp / s, fn / s] : [0, 0, 0];
}

/**
 * The scrapinghub score: mean precision over pages that predicted something, mean recall over pages that have
 * gold text, and the F1 of those two means.
 */
export function shinglePRF(pages: readonly Shingles[]): PRF {
  const precisions: number[] = [];
  const recalls: number[] = [];
  for (const [tp, fp, fn] of pages) {
    const perfect = fp === 0 && fn === 0;
    if (tp + fp > 0) precisions.push(perfect ? 1 : tp / (tp + fp));
    if (tp + fn > 0) recalls.push(perfect ? 1 : tp / (tp + fn));
  }
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const precision = mean(precisions);
  const recall = mean(recalls);
  return { precision, recall, f1: f1Of(precision, recall) };
}

export interface SnippetCounts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** trafilatura's snippet test: `with` snippets found are TP (missed FN); `without` snippets found are FP. */
export function snippetCounts(
  predicted: string,
  snippets: { with: readonly string[]; without: readonly string[] },
): SnippetCounts {
  const text = squash(predicted);
  const found = (s: string) => text.includes(squash(s));
  const tp = snippets.with.filter(found).length;
  const fp = snippets.without.filter(found).length;
  return { tp, fp, fn: snippets.with.length - tp, tn: snippets.without.length - fp };
}

export function snippetPRF(all: readonly SnippetCounts[]): PRF {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const c of all) {
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  return { precision, recall, f1: f1Of(precision, recall) };
}

/** Titles match when equal after folding case, quotes, dashes and white space. */
export function sameTitle(gold: string, predicted: string | null): boolean {
  return predicted !== null && foldText(gold) === foldText(predicted);
}

function foldText(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[“”„«»"]/g, '"')
    .replace(/[‘’‚‹›`´]/g, "'")
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Authors match when the sets of names agree, whatever the separators ("A, B", "A und B", "A; B") and a leading
 * "By"/"Von"; names compare by their letters and digits only, case folded.
 */
export function sameAuthors(gold: readonly string[], predicted: readonly string[]): boolean {
  const g = authorSet(gold);
  const p = authorSet(predicted);
  return g.size > 0 && g.size === p.size && [...g].every((a) => p.has(a));
}

export function authorSet(names: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const name of names) {
    for (const part of name.split(/\s*(?:[,;&|/]|\band\b|\bund\b)\s*/i)) {
      const key = words(part.toLowerCase().replace(/^\s*(?:by|von)\s+/i, '')).join(' ');
      if (key) out.add(key);
    }
  }
  return out;
}

/** Dates match on the calendar day (YYYY-MM-DD). */
export function sameDay(gold: string, predicted: string | null): boolean {
  return predicted !== null && predicted.slice(0, 10) === gold.slice(0, 10);
}
