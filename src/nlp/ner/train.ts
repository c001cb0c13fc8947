// Training of the NER model: a structured averaged perceptron (Collins 2002) over Viterbi decoding, with
// seeded shuffling so that runs are repeatable, then pruning of the averaged weights.

import { type FeatureOptions, Featurizer } from './features.js';
import { Gazetteer, type GazetteerLists } from './gazetteer.js';
import type { ModelData } from './model-file.js';
import { ViterbiDecoder } from './tagger.js';
import { LabelSet, type NerSpan, type TagScheme } from './tags.js';
import { TrainTable } from './weights.js';

export interface TrainingSentence {
  words: readonly string[];
  spans: readonly NerSpan[];
}

export interface TrainOptions {
  scheme: TagScheme;
  features: FeatureOptions;
  gazetteer: GazetteerLists;
  /** Minimum lower-case occurrences in the training text for a word to enter the lexicon. */
  lexiconMin: number;
  epochs: number;
  seed: number;
  /** Averaged weights below this magnitude are dropped. */
  threshold: number;
  /** Weights are stored as multiples of this. */
  quantum: number;
  info?: Record<string, unknown>;
  /** Called after each epoch with the model as it would be saved then. */
  onEpoch?: (epoch: number, model: () => ModelData, mistakes: number, tokens: number) => void;
}

/** mulberry32: a small seeded PRNG, so that shuffles are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Words written in lower case at least `min` times in the text (labels unused), sorted: tells a capitalised
 * common word ("Police said") from a name.
 */
export function buildLexicon(sentences: readonly { words: readonly string[] }[], min: number): string[] {
  const counts = new Map<string, number>();
  for (const s of sentences) {
    for (const w of s.words) {
      if (/^\p{Ll}[\p{Ll}'-]*$/u.test(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  return [...counts]
    .filter(([, c]) => c >= min)
    .map(([w]) => w)
    .sort();
}

export function trainNer(sentences: readonly TrainingSentence[], options: TrainOptions): ModelData {
  const labelSet = new LabelSet(options.scheme);
  const lexicon = options.features.lexicon ? buildLexicon(sentences, options.lexiconMin) : [];
  const featurizer = new Featurizer(options.features, new Gazetteer(options.gazetteer), lexicon);
  const decoder = new ViterbiDecoder(featurizer, labelSet);
  const table = new TrainTable(labelSet.size);
  const gold = sentences.map((s) => labelSet.encode(s.spans, s.words.length));
  const order = sentences.map((_, i) => i);
  const random = seededRandom(options.seed);
  let guess = new Uint8Array(256);
  // Averaging clock: one tick per sentence.
  let time = 1;

  const snapshot = (): ModelData => {
    const { keys, weights } = table.averaged(time, options.threshold);
    return {
      header: {
        scheme: options.scheme,
        features: options.features,
        gazetteer: options.gazetteer,
        lexicon,
        quantum: options.quantum,
        info: options.info ?? {},
      },
      labels: labelSet.size,
      keys,
      weights,
    };
  };

  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = order[i] as number;
      order[i] = order[j] as number;
      order[j] = t;
    }
    let mistakes = 0;
    let tokens = 0;
    for (const index of order) {
      const words = (sentences[index] as TrainingSentence).words;
      const truth = gold[index] as Uint8Array;
      const n = words.length;
      if (guess.length < n) guess = new Uint8Array(n * 2);
      featurizer.prepare(words);
      decoder.decode(table, n, guess);
      const buf = decoder.featureBuffer;
      // Update only where the gold and guessed sequences differ: elsewhere the two updates cancel.
      for (let i = 0; i < n; i++) {
        const want = truth[i] as number;
        const got = guess[i] as number;
        if (want !== got) {
          const count = decoder.staticFeatures(i);
          table.update(buf, 0, count, want, 1, time);
          table.update(buf, 0, count, got, -1, time);
          mistakes++;
        }
        const wantPrev = i === 0 ? -1 : (truth[i - 1] as number);
        const gotPrev = i === 0 ? -1 : (guess[i - 1] as number);
        if (want !== got || wantPrev !== gotPrev) {
          table.update(decoder.transitionFeature(wantPrev), 0, 1, want, 1, time);
          table.update(decoder.transitionFeature(gotPrev), 0, 1, got, -1, time);
        }
      }
      tokens += n;
      time++;
    }
    options.onEpoch?.(epoch, snapshot, mistakes, tokens);
  }
  return snapshot();
}
