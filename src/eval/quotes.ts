// `dyad eval quotes`: scores the quotes layer on PolNeAR attributions. A gold attribution is direct when its content
// lies inside quotation marks (and its cue outside them). Quote spans match when they overlap by at least half of the
// longer one, or exactly (ignoring surrounding marks, punctuation and a leading "that"); a speaker is right when its
// span overlaps the gold source.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createPipeline, DEFAULT_STAGES } from '../annotate.js';
import { Doc, emptyMeta, type Paragraph, type Quote, type Span } from '../document/index.js';
import { DyadError } from '../errors.js';
import { type PolnearAttribution, type PolnearDoc, readPolnear } from './polnear.js';
import type { EvalOutcome, EvalTask } from './task.js';

/** A Doc over a file's exact text (offsets unchanged), one body paragraph per block of non-blank lines. */
export function docFromText(text: string): Doc {
  const doc = new Doc(text, emptyMeta());
  const paragraphs: Paragraph[] = [];
  const re = /\S[^\n]*(?:\n[ \t]*\S[^\n]*)*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const block = m[0].trimEnd();
    paragraphs.push({ start: m.index, end: m.index + block.length, kind: 'body' });
  }
  doc.paragraphs = paragraphs;
  return doc;
}

/** Spans inside double quotation marks, paired line by line; a mark left open runs to the end of its line. */
export function quotedRegions(text: string): Span[] {
  const regions: Span[] = [];
  const lines = /[^\n]+/g;
  for (let m = lines.exec(text); m; m = lines.exec(text)) {
    let open = -1;
    for (let i = 0; i < m[0].length; i++) {
      const c = m[0][i];
      const at = m.index + i;
      if (c === '“' || c === '«' || (c === '"' && open < 0)) open = at;
      else if ((c === '”' || c === '»' || c === '"') && open >= 0) {
        regions.push({ start: open, end: at + 1 });
        open = -1;
      }
    }
    if (open >= 0) regions.push({ start: open, end: m.index + m[0].length });
  }
  return regions;
}

const EDGE = /^[\s"“”‘’'«».,;:!?—–-]+|[\s"“”‘’'«».,;:!?—–-]+$/g;

/** A span without the marks, punctuation and spaces at its edges. */
function trimSpan(text: string, span: Span): Span | null {
  let { start, end } = span;
  const edge = /[\s"“”‘’'«».,;:!?—–-]/;
  while (start < end && edge.test(text[start] as string)) start++;
  while (end > start && edge.test(text[end - 1] as string)) end--;
  return end > start ? { start, end } : null;
}

function trimAll(text: string, spans: readonly Span[]): Span[] {
  return spans.flatMap((s) => trimSpan(text, s) ?? []);
}

export function isDirect(
  text: string,
  regions: readonly Span[],
  a: Pick<PolnearAttribution, 'content' | 'cue'>,
): boolean {
  const content = trimAll(text, a.content);
  if (content.length === 0) return false;
  const holders: Span[] = [];
  for (const f of content) {
    const r = regions.find((x) => x.start <= f.start && f.end <= x.end);
    if (!r) return false;
    holders.push(r);
  }
  // An attribution reported inside a quote is nested in it, not quoted.
  return !(a.cue ?? []).some((c) => holders.some((r) => r.start <= c.start && c.end <= r.end));
}

/** A predicted attribution: quotes sharing a cue (a quote split by "he said", a run of quotes) count as one. */
export interface Predicted {
  fragments: Span[];
  speaker: Span | null;
  direct: boolean;
  quotes: Quote[];
}

function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

export function groupQuotes(quotes: readonly Quote[]): Predicted[] {
  const groups = new Map<string, Quote[]>();
  quotes.forEach((q, i) => {
    const key = q.cue ? `${q.cue.start}:${q.cue.end}` : `#${i}`;
    const list = groups.get(key);
    if (list) list.push(q);
    else groups.set(key, [q]);
  });
  return [...groups.values()].map((list) => {
    const speaker = list.find((q) => q.speaker)?.speaker ?? null;
    return {
      fragments: mergeSpans(list.map((q) => ({ start: q.start, end: q.end }))),
      speaker: speaker ? { start: speaker.start, end: speaker.end } : null,
      direct: list.every((q) => q.kind === 'direct'),
      quotes: list,
    };
  });
}

function length(spans: readonly Span[]): number {
  return spans.reduce((n, s) => n + s.end - s.start, 0);
}

function overlapOf(a: readonly Span[], b: readonly Span[]): number {
  let n = 0;
  for (const x of a) for (const y of b) n += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
  return n;
}

function normalized(text: string, spans: readonly Span[]): string {
  return spans
    .map((s) => text.slice(s.start, s.end).replace(EDGE, ''))
    .join(' ')
    .replace(/^that\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface Counts {
  gold: number;
  predicted: number;
  matched: number;
  exact: number;
  /** Matched pairs whose gold attribution names a source, and how many of those got the speaker right. */
  speakerScored: number;
  speakerRight: number;
}

export function emptyCounts(): Counts {
  return { gold: 0, predicted: 0, matched: 0, exact: 0, speakerScored: 0, speakerRight: 0 };
}

export interface Pairing {
  gold: PolnearAttribution;
  predicted: Predicted;
  speakerRight: boolean | null;
}

export interface Scored {
  counts: Counts;
  pairs: Pairing[];
  missed: PolnearAttribution[];
  spurious: Predicted[];
}

/** Scores predicted against gold attributions of one text: one-to-one matching, best overlaps first. */
export function score(
  text: string,
  gold: readonly PolnearAttribution[],
  predicted: readonly Predicted[],
): Scored {
  const g = gold.map((a) => trimAll(text, a.content));
  const p = predicted.map((x) => trimAll(text, x.fragments));
  const pairs: [number, number, number][] = [];
  g.forEach((gs, i) => {
    p.forEach((ps, j) => {
      const o = overlapOf(gs, ps);
      const ratio = o / Math.max(length(gs), length(ps), 1);
      if (ratio >= 0.5) pairs.push([i, j, ratio]);
    });
  });
  pairs.sort((a, b) => b[2] - a[2]);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const counts = emptyCounts();
  counts.gold = gold.length;
  counts.predicted = predicted.length;
  const pairings: Pairing[] = [];
  for (const [i, j] of pairs) {
    if (usedG.has(i) || usedP.has(j)) continue;
    usedG.add(i);
    usedP.add(j);
    counts.matched++;
    const ga = gold[i] as PolnearAttribution;
    const pa = predicted[j] as Predicted;
    let speakerRight: boolean | null = null;
    if (ga.source) {
      counts.speakerScored++;
      const speaker = pa.speaker;
      speakerRight = !!speaker && ga.source.some((s) => s.start < speaker.end && speaker.start < s.end);
      if (speakerRight) counts.speakerRight++;
    }
    pairings.push({ gold: ga, predicted: pa, speakerRight });
  }
  // Exact matches, one-to-one on their own.
  const usedExact = new Set<number>();
  for (const gs of g) {
    const want = normalized(text, gs);
    const j = p.findIndex((ps, k) => !usedExact.has(k) && normalized(text, ps) === want);
    if (j >= 0) {
      usedExact.add(j);
      counts.exact++;
    }
  }
  return {
    counts,
    pairs: pairings,
    missed: gold.filter((_, i) => !usedG.has(i)),
    spurious: predicted.filter((_, j) => !usedP.has(j)),
  };
}

function add(a: Counts, b: Counts): void {
  a.gold += b.gold;
  a.predicted += b.predicted;
  a.matched += b.matched;
  a.exact += b.exact;
  a.speakerScored += b.speakerScored;
  a.speakerRight += b.speakerRight;
}

const round = (x: number) => Number(x.toFixed(4));
const ratio = (a: number, b: number) => (b === 0 ? 0 : round(a / b));
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : round((2 * p * r) / (p + r)));

function metricsOf(prefix: 'direct' | 'all', c: Counts): Record<string, number> {
  const p = ratio(c.matched, c.predicted);
  const r = ratio(c.matched, c.gold);
  const ep = ratio(c.exact, c.predicted);
  const er = ratio(c.exact, c.gold);
  const speakerKey = prefix === 'direct' ? 'directSpeakerAccuracy' : 'speakerAccuracy';
  return {
    [`${prefix}F1`]: f1(p, r),
    [`${prefix}Precision`]: p,
    [`${prefix}Recall`]: r,
    [`${prefix}ExactF1`]: f1(ep, er),
    [`${prefix}ExactPrecision`]: ep,
    [`${prefix}ExactRecall`]: er,
    [speakerKey]: ratio(c.speakerRight, c.speakerScored),
  };
}

export interface TextResult {
  doc: PolnearDoc;
  quotes: Quote[];
  direct: Scored;
  all: Scored;
}

/** Runs the pipeline (every registered stage up to quotes) on each text and scores it. */
export async function evaluatePolnear(
  docs: readonly PolnearDoc[],
  onProgress?: (done: number, total: number) => void,
): Promise<{ direct: Counts; all: Counts; texts: TextResult[] }> {
  const upTo = DEFAULT_STAGES.indexOf('quotes');
  if (upTo < 0) throw new DyadError('DYAD_E_PIPELINE', 'the quotes stage is not registered');
  const pipeline = await createPipeline({}, DEFAULT_STAGES.slice(0, upTo + 1)).load();
  const direct = emptyCounts();
  const all = emptyCounts();
  const texts: TextResult[] = [];
  docs.forEach((d, i) => {
    const doc = pipeline.run(docFromText(d.text));
    const regions = quotedRegions(d.text);
    const predicted = groupQuotes(doc.quotes);
    const goldDirect = d.attributions.filter((a) => isDirect(d.text, regions, a));
    const directScore = score(
      d.text,
      goldDirect,
      predicted.filter((p) => p.direct),
    );
    const allScore = score(d.text, d.attributions, predicted);
    add(direct, directScore.counts);
    add(all, allScore.counts);
    texts.push({ doc: d, quotes: doc.quotes, direct: directScore, all: allScore });
    onProgress?.(i + 1, docs.length);
  });
  return { direct, all, texts };
}

function codePoints(text: string): (offset: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (offset) => offset;
  return (offset) => [...text.slice(0, offset)].length;
}

/** Dyad's quotes of one text as brat standoff lines: Source, Cue and Content T lines tied by an E line. */
export function toBrat(text: string, quotes: readonly Quote[]): string {
  const cp = codePoints(text);
  const lines: string[] = [];
  let t = 0;
  let e = 0;
  const bound = (type: string, span: Span) => {
    t++;
    const clean = text.slice(span.start, span.end).replace(/\s+/g, ' ');
    lines.push(`T${t}\t${type} ${cp(span.start)} ${cp(span.end)}\t${clean}`);
    return `T${t}`;
  };
  for (const group of groupQuotes(quotes)) {
    const content = group.fragments;
    t++;
    const contentId = `T${t}`;
    const offsets = content.map((s) => `${cp(s.start)} ${cp(s.end)}`).join(';');
    lines.push(
      `${contentId}\tContent ${offsets}\t${content.map((s) => text.slice(s.start, s.end).replace(/\s+/g, ' ')).join(' ')}`,
    );
    const first = group.quotes[0] as Quote;
    const args = [`Content:${contentId}`];
    if (first.cue) args.push(`Cue:${bound('Cue', first.cue)}`);
    if (group.speaker) args.push(`Source:${bound('Source', group.speaker)}`);
    // As in PolNeAR, the event's trigger is an Attribution span over the cue (over the content when there is none).
    const trigger = bound(
      group.speaker ? 'Attribution' : 'Attribution-no-source',
      first.cue ?? (content[0] as Span),
    );
    e++;
    lines.push(
      `E${e}\t${group.speaker ? 'Attribution' : 'Attribution-no-source'}:${trigger} ${args.join(' ')}`,
    );
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

/** Writes predictions: a directory of .ann files (one per text), or one JSON file when the path ends in .json. */
export function writePredictions(target: string, texts: readonly TextResult[]): void {
  if (target.endsWith('.json')) {
    const json = texts.map((t) => ({ name: t.doc.name, quotes: t.quotes }));
    writeFileSync(target, `${JSON.stringify(json, null, 2)}\n`);
    return;
  }
  mkdirSync(target, { recursive: true });
  for (const t of texts) writeFileSync(path.join(target, `${t.doc.name}.ann`), toBrat(t.doc.text, t.quotes));
}

export async function evaluateQuotes(
  data: string,
  options: { limit?: number; predictions?: string; onProgress?: (done: number, total: number) => void } = {},
): Promise<EvalOutcome> {
  let docs = readPolnear(data);
  if (options.limit !== undefined) docs = docs.slice(0, options.limit);
  const { direct, all, texts } = await evaluatePolnear(docs, options.onProgress);
  if (options.predictions) writePredictions(options.predictions, texts);
  const metrics = {
    ...metricsOf('direct', direct),
    ...metricsOf('all', all),
    goldDirect: direct.gold,
    predictedDirect: direct.predicted,
    goldAll: all.gold,
    predictedAll: all.predicted,
  };
  const report = [
    `direct quotes: ${direct.matched} of ${direct.gold} gold found, ${direct.predicted - direct.matched} of ${direct.predicted} predicted unmatched; speaker right on ${direct.speakerRight} of ${direct.speakerScored}`,
    `all attributions: ${all.matched} of ${all.gold} gold found, ${all.predicted - all.matched} of ${all.predicted} predicted unmatched; speaker right on ${all.speakerRight} of ${all.speakerScored}`,
  ];
  return { n: docs.length, metrics, report };
}

export const quotesTask: EvalTask = {
  name: 'quotes',
  description:
    'quote detection and speakers on PolNeAR attributions (--predictions DIR of .ann, or FILE.json)',
  defaultData: '../shared/eval/polnear/dev',
  run: (options) => {
    const limit = options.options.limit;
    const n = typeof limit === 'string' ? Number(limit) : undefined;
    if (n !== undefined && (!Number.isInteger(n) || n < 0)) {
      throw new DyadError('DYAD_E_USAGE', `--limit ${String(limit)} is not a count`);
    }
    return evaluateQuotes(options.data, {
      ...(n !== undefined ? { limit: n } : {}),
      ...(options.predictions ? { predictions: options.predictions } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
  },
};
