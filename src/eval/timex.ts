// `dyad eval timex`: runs the timex recogniser on TimeML documents (TimeBank, AQUAINT) with each document's
// creation time as the anchor and scores detection (overlap and exact span) and the resolved values.

import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DyadError } from '../errors.js';
import { findTimexes, type TimexMatch } from '../time/timex.js';
import type { EvalOutcome, EvalTask } from './task.js';
import { parseTimeml, splitYearRanges, type TimemlDoc, type TimemlTimex, writeTimeml } from './timeml.js';

export interface TimexPair {
  gold: TimemlTimex;
  predicted: TimexMatch;
}

export interface DocScore {
  gold: number;
  predicted: number;
  /** One-to-one pairs of overlapping expressions. */
  pairs: TimexPair[];
  exact: number;
  missed: TimemlTimex[];
  spurious: TimexMatch[];
}

// Duration units that are whole multiples of another: quarters of months, decades, centuries and millennia of
// years (TimeML allows both P2Q and P6M, P1E and P10Y; TIMEX2 spells decades and centuries DE and CE).
const MULTIPLES: Record<string, [number, string]> = {
  Q: [3, 'M'],
  E: [10, 'Y'],
  DE: [10, 'Y'],
  C: [100, 'Y'],
  CE: [100, 'Y'],
  ML: [1000, 'Y'],
  L: [1000, 'Y'],
};

/**
 * One spelling per TIMEX3 value, so that equivalent notations compare equal: week numbers with or without a
 * leading zero (2000-W7, 2000-W07), unknown trailing parts (1949-XX, 1998-XX-XX), decades and centuries written
 * with X (199X, 19XX), hours without minutes (T17, T17:00), and a known number of quarters, decades, centuries
 * or millennia written in months or years (P2Q, P6M), and whole days written in hours (PT24H, P1D).
 */
export function normalizeTimexValue(value: string): string {
  let v = value.trim().toUpperCase();
  const multiple = /^P(\d+)(Q|DE|CE|ML|E|C|L)$/.exec(v);
  if (multiple) {
    const [factor, unit] = MULTIPLES[multiple[2] as string] as [number, string];
    v = `P${Number(multiple[1]) * factor}${unit}`;
  }
  // Vague amounts keep their unit, in one spelling: PXDE is PXE, PXCE is PXC, PXML is PXL.
  v = v.replace(/^PX(DE|CE|ML)$/, (_m, u: string) => `PX${u === 'DE' ? 'E' : u === 'CE' ? 'C' : 'L'}`);
  // Whole days written in hours (PT24H, PT72H) are days (P1D, P3D).
  v = v.replace(/^PT(\d+)H$/, (m, h: string) => (Number(h) % 24 === 0 ? `P${Number(h) / 24}D` : m));
  v = v.replace(/-W(\d)(?!\d)/, '-W0$1');
  while (/-XX$/.test(v)) v = v.slice(0, -3);
  v = v.replace(/^(\d{3})X$/, '$1').replace(/^(\d{2})XX$/, '$1');
  v = v.replace(/T(\d\d)$/, 'T$1:00');
  return v;
}

/**
 * A value that fills in what the gold left unknown: gold 1989-WXX (some week of 1989) and a predicted 1989-W42.
 * Reported apart from the headline accuracy, which requires equal values.
 */
export function compatibleTimexValue(predicted: string, gold: string): boolean {
  const p = normalizeTimexValue(predicted);
  const g = normalizeTimexValue(gold);
  if (p === g) return true;
  if (!g.includes('X')) return false;
  const pattern = g.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/X/g, '[0-9A-Z]');
  return new RegExp(`^${pattern}$`).test(p);
}

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  Math.min(a.end, b.end) - Math.max(a.start, b.start);

/** Pairs each gold timex with the overlapping prediction that shares most characters with it, one to one. */
export function scoreDoc(gold: readonly TimemlTimex[], predicted: readonly TimexMatch[]): DocScore {
  const used = new Set<number>();
  const pairs: TimexPair[] = [];
  const missed: TimemlTimex[] = [];
  let exact = 0;
  for (const g of gold) {
    let best = -1;
    let bestOverlap = 0;
    predicted.forEach((p, i) => {
      const o = overlap(g, p);
      if (!used.has(i) && o > bestOverlap) {
        best = i;
        bestOverlap = o;
      }
    });
    const p = predicted[best];
    if (!p) {
      missed.push(g);
      continue;
    }
    used.add(best);
    pairs.push({ gold: g, predicted: p });
    if (p.start === g.start && p.end === g.end) exact++;
  }
  const spurious = predicted.filter((_, i) => !used.has(i));
  return { gold: gold.length, predicted: predicted.length, pairs, exact, missed, spurious };
}

export interface TimexTotals {
  gold: number;
  predicted: number;
  matched: number;
  exact: number;
  valueCorrect: number;
  /** Values equal as strings, without normalising notation. */
  valueExact: number;
  /** Values equal, or filling in what the gold left unknown. */
  valueCompatible: number;
  typeCorrect: number;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const round = (x: number) => Number(x.toFixed(4));

export function timexMetrics(t: TimexTotals): Record<string, number> {
  const precision = ratio(t.matched, t.predicted);
  const recall = ratio(t.matched, t.gold);
  const strictPrecision = ratio(t.exact, t.predicted);
  const strictRecall = ratio(t.exact, t.gold);
  return {
    detectionF1: round(f1(precision, recall)),
    precision: round(precision),
    recall: round(recall),
    valueAccuracy: round(ratio(t.valueCorrect, t.matched)),
    valueAccuracyExact: round(ratio(t.valueExact, t.matched)),
    valueAccuracyCompatible: round(ratio(t.valueCompatible, t.matched)),
    typeAccuracy: round(ratio(t.typeCorrect, t.matched)),
    strictF1: round(f1(strictPrecision, strictRecall)),
    strictPrecision: round(strictPrecision),
    strictRecall: round(strictRecall),
    /** Value F1 as TempEval-3 counts it: a gold timex is right when found with the right value. */
    valueF1: round(f1(ratio(t.valueCorrect, t.predicted), ratio(t.valueCorrect, t.gold))),
    gold: t.gold,
    predicted: t.predicted,
    matched: t.matched,
  };
}

/** The .tml files under a file or directory, recursively, in a stable order. */
export function timemlFiles(data: string): string[] {
  if (!existsSync(data))
    throw new DyadError('DYAD_E_EVAL_DATA', 'no such file or directory', { origin: data });
  if (!statSync(data).isDirectory()) return [data];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.tml')) out.push(full);
    }
  };
  walk(data);
  if (out.length === 0) throw new DyadError('DYAD_E_EVAL_DATA', 'no .tml files here', { origin: data });
  return out;
}

export type TimexPredictor = (doc: TimemlDoc) => TimexMatch[];

const defaultPredictor: TimexPredictor = (doc) => splitYearRanges(findTimexes(doc.text, doc.dct));

export interface TimexEvalOptions {
  predictions?: string;
  predictor?: TimexPredictor;
  onProgress?: (done: number, total: number) => void;
}

export function evaluateTimex(data: string, options: TimexEvalOptions = {}): EvalOutcome {
  const files = timemlFiles(data);
  const predict = options.predictor ?? defaultPredictor;
  const totals: TimexTotals = {
    gold: 0,
    predicted: 0,
    matched: 0,
    exact: 0,
    valueCorrect: 0,
    valueExact: 0,
    valueCompatible: 0,
    typeCorrect: 0,
  };
  const wrongValues: string[] = [];
  const missed: string[] = [];
  const spurious: string[] = [];
  const predictions: { file: string; doc: TimemlDoc; timexes: TimexMatch[] }[] = [];
  const byType = new Map<string, { gold: number; matched: number; valueCorrect: number }>();
  files.forEach((file, i) => {
    const doc = parseTimeml(readFileSync(file, 'utf8'), path.basename(file, '.tml'));
    const predicted = predict(doc);
    const score = scoreDoc(doc.timexes, predicted);
    totals.gold += score.gold;
    totals.predicted += score.predicted;
    totals.matched += score.pairs.length;
    totals.exact += score.exact;
    for (const g of doc.timexes) {
      const t = byType.get(g.type) ?? { gold: 0, matched: 0, valueCorrect: 0 };
      t.gold++;
      byType.set(g.type, t);
    }
    for (const { gold, predicted: p } of score.pairs) {
      const t = byType.get(gold.type);
      if (t) t.matched++;
      if (p.value === gold.value) totals.valueExact++;
      if (compatibleTimexValue(p.value, gold.value)) totals.valueCompatible++;
      if (normalizeTimexValue(p.value) === normalizeTimexValue(gold.value)) {
        totals.valueCorrect++;
        if (t) t.valueCorrect++;
      } else wrongValues.push(`${doc.id}: "${gold.text}" gold ${gold.value}, got ${p.value} ("${p.text}")`);
      if (p.type === gold.type) totals.typeCorrect++;
    }
    for (const g of score.missed) missed.push(`${doc.id}: "${g.text}" (${g.type} ${g.value})`);
    for (const p of score.spurious) spurious.push(`${doc.id}: "${p.text}" (${p.value})`);
    if (options.predictions) predictions.push({ file, doc, timexes: predicted });
    options.onProgress?.(i + 1, files.length);
  });
  if (options.predictions) writePredictions(options.predictions, predictions);
  const metrics: Record<string, unknown> = { ...timexMetrics(totals), documents: files.length };
  metrics.perType = Object.fromEntries(
    [...byType].map(([type, t]) => [
      type,
      {
        gold: t.gold,
        recall: round(ratio(t.matched, t.gold)),
        valueAccuracy: round(ratio(t.valueCorrect, t.matched)),
      },
    ]),
  );
  const report = [
    ...wrongValues.map((s) => `wrong value ${s}`),
    ...missed.map((s) => `missed ${s}`),
    ...spurious.map((s) => `spurious ${s}`),
  ];
  return { n: totals.gold, metrics, report };
}

/**
 * Writes the predictions: a path ending in .json gets one JSON list ({doc, dct, timexes: [{start, end, text,
 * value, type}]}); any other path is a directory that gets one TimeML file per input, under its base name, with
 * Dyad's TIMEX3 tags inline (overlapping ones dropped), for TimeML tools and the TempEval-3 scorer.
 */
function writePredictions(
  target: string,
  predictions: { file: string; doc: TimemlDoc; timexes: TimexMatch[] }[],
): void {
  if (target.endsWith('.json')) {
    const list = predictions.map(({ doc, timexes }) => ({
      doc: doc.id,
      dct: doc.dct,
      timexes: timexes.map(({ start, end, text, value, type }) => ({ start, end, text, value, type })),
    }));
    writeFileSync(target, `${JSON.stringify(list, null, 1)}\n`);
    return;
  }
  mkdirSync(target, { recursive: true });
  for (const { file, doc, timexes } of predictions)
    writeFileSync(path.join(target, path.basename(file)), writeTimeml(doc, timexes));
}

export const timexTask: EvalTask = {
  name: 'timex',
  description: 'date and time expressions on TimeML (TimeBank, AQUAINT): detection F1 and value accuracy',
  defaultData: '../shared/eval/timeml/TBAQ-cleaned',
  run: async (options) =>
    evaluateTimex(options.data, {
      ...(options.predictions ? { predictions: options.predictions } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    }),
};
