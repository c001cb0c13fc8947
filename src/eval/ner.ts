// `dyad eval ner`: tags CoNLL-2003 sentences with Dyad's NER model and scores entities the way conlleval does
// (a hit needs the exact span and type), overall and per type, with the tagger's speed in tokens per second.

import { writeFileSync } from 'node:fs';
import { DyadError } from '../errors.js';
import { loadNer, NER_TYPES, type NerSpan, type NerType, tagsToSpans } from '../nlp/ner/index.js';
import { bioTags, formatPredictions, readConll } from './conll.js';
import type { EvalOptions, EvalOutcome, EvalTask } from './task.js';

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

export interface NerCounts {
  correct: number;
  predicted: number;
  gold: number;
}

export interface NerScore extends PRF {
  perType: Record<NerType, PRF>;
  counts: Record<NerType | 'all', NerCounts>;
}

const round = (x: number) => Number(x.toFixed(4));

export function prf(c: NerCounts): PRF {
  const precision = c.predicted === 0 ? 0 : c.correct / c.predicted;
  const recall = c.gold === 0 ? 0 : c.correct / c.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

const key = (s: NerSpan) => `${s.start}:${s.end}:${s.type}`;

/** Entity-level scores over sentences: a predicted entity counts only if its span and type match exactly. */
export function scoreNer(
  sentences: readonly { gold: readonly NerSpan[]; pred: readonly NerSpan[] }[],
): NerScore {
  const zero = (): NerCounts => ({ correct: 0, predicted: 0, gold: 0 });
  const counts = { all: zero(), PER: zero(), ORG: zero(), LOC: zero(), MISC: zero() };
  for (const { gold, pred } of sentences) {
    const wanted = new Set(gold.map(key));
    for (const s of gold) {
      counts.all.gold++;
      counts[s.type].gold++;
    }
    for (const s of pred) {
      counts.all.predicted++;
      counts[s.type].predicted++;
      if (wanted.has(key(s))) {
        counts.all.correct++;
        counts[s.type].correct++;
      }
    }
  }
  const perType = {} as Record<NerType, PRF>;
  for (const type of NER_TYPES) perType[type] = prf(counts[type]);
  return { ...prf(counts.all), perType, counts };
}

export async function evaluateNer(options: EvalOptions): Promise<EvalOutcome> {
  let sentences = readConll(options.data);
  if (sentences.length === 0)
    throw new DyadError('DYAD_E_EVAL_DATA', 'no sentences', { origin: options.data });
  const limit = Number(options.options.limit);
  if (Number.isInteger(limit) && limit > 0) sentences = sentences.slice(0, limit);
  const modelPath = options.options.model;
  const model = typeof modelPath === 'string' ? loadNer(modelPath) : loadNer();
  // Warm up the JIT so the speed figure reflects steady state, not compilation.
  for (const s of sentences.slice(0, 1000)) model.predict(s.words);
  const golds = sentences.map(bioTags);
  const preds: string[][] = [];
  let tokens = 0;
  let elapsed = 0;
  const step = Math.max(1, Math.floor(sentences.length / 100));
  for (let i = 0; i < sentences.length; i++) {
    const words = (sentences[i] as (typeof sentences)[number]).words;
    const t0 = performance.now();
    preds.push(model.predict(words));
    elapsed += performance.now() - t0;
    tokens += words.length;
    if (i % step === 0) options.onProgress?.(i + 1, sentences.length);
  }
  options.onProgress?.(sentences.length, sentences.length);
  const score = scoreNer(
    golds.map((gold, i) => ({ gold: tagsToSpans(gold), pred: tagsToSpans(preds[i] as string[]) })),
  );
  if (options.predictions) {
    writeFileSync(
      options.predictions,
      formatPredictions(
        sentences.map((s, i) => ({ words: s.words, gold: golds[i] as string[], pred: preds[i] as string[] })),
      ),
    );
  }
  const perType = {} as Record<NerType, PRF>;
  for (const type of NER_TYPES) {
    const p = score.perType[type];
    perType[type] = { precision: round(p.precision), recall: round(p.recall), f1: round(p.f1) };
  }
  const report = [
    `entities: ${score.counts.all.gold} gold, ${score.counts.all.predicted} predicted, ${score.counts.all.correct} correct; ${tokens} tokens`,
    ...NER_TYPES.map((type) => {
      const c = score.counts[type];
      const p = score.perType[type];
      return `  ${type.padEnd(5)} P ${p.precision.toFixed(4)}  R ${p.recall.toFixed(4)}  F1 ${p.f1.toFixed(4)}  (${c.correct}/${c.predicted} predicted, ${c.gold} gold)`;
    }),
  ];
  return {
    n: sentences.length,
    metrics: {
      precision: round(score.precision),
      recall: round(score.recall),
      f1: round(score.f1),
      perType,
      tokensPerSecond: Math.round(tokens / (elapsed / 1000)),
    },
    report,
    details: { counts: score.counts, tokens },
  };
}

export const nerTask: EvalTask = {
  name: 'ner',
  description: 'named entities (PER, ORG, LOC, MISC) on CoNLL-2003: exact-span P/R/F1 and tokens/s',
  defaultData: '../shared/eval/conll2003/eng.testa',
  run: evaluateNer,
};
