// The NER tagger: first-order Viterbi decoding of an averaged-perceptron model over hashed features, with
// per-position label scores plus label-bigram scores, and ill-formed label sequences ruled out.

import { Featurizer, MAX_STATIC } from './features.js';
import { Gazetteer } from './gazetteer.js';
import type { ModelData } from './model-file.js';
import { LabelSet, NER_TYPES, type NerSpan, type NerType } from './tags.js';
import { WeightTable } from './weights.js';

/** Anything that adds feature weights into a label-score vector (the frozen table, or the trainer's live one). */
export interface Scorer {
  score(feats: Int32Array, from: number, to: number, scores: Float64Array): void;
}

/** Viterbi decoding, shared by the tagger and the trainer; `featurizer.prepare(words)` must have run. */
export class ViterbiDecoder {
  private feats = new Int32Array(MAX_STATIC);
  private cap = 0;
  private delta = new Float64Array(0);
  private back = new Uint8Array(0);
  private emit = new Float64Array(0);
  /** trans[p * n + l]: score of label l after p; p = n is the sentence start. */
  private readonly trans: Float64Array;
  private readonly one = new Int32Array(1);

  constructor(
    readonly featurizer: Featurizer,
    readonly labelSet: LabelSet,
  ) {
    const n = labelSet.size;
    this.trans = new Float64Array((n + 1) * n);
  }

  private ensure(len: number): void {
    if (len <= this.cap) return;
    this.cap = Math.max(64, 1 << Math.ceil(Math.log2(len)));
    const n = this.labelSet.size;
    this.delta = new Float64Array(this.cap * n);
    this.back = new Uint8Array(this.cap * n);
    this.emit = new Float64Array(this.cap * n);
  }

  /** Static features of position i, written to `featureBuffer`; returns the count. */
  staticFeatures(i: number): number {
    return this.featurizer.staticFeatures(i, this.feats, 0);
  }

  get featureBuffer(): Int32Array {
    return this.feats;
  }

  /** The transition feature after label `p1` (-1 = start), as a one-element buffer for the scorer. */
  transitionFeature(p1: number): Int32Array {
    this.one[0] = this.featurizer.transitionFeature(p1);
    return this.one;
  }

  decode(scorer: Scorer, len: number, out: Uint8Array): void {
    if (len === 0) return;
    this.ensure(len);
    const { labelSet, delta, back, emit, trans, feats } = this;
    const n = labelSet.size;
    const allowed = labelSet.allowed;
    const allowedEnd = labelSet.allowedEnd;
    trans.fill(0);
    for (let p = 0; p <= n; p++) {
      scorer.score(this.transitionFeature(p === n ? -1 : p), 0, 1, trans.subarray(p * n, (p + 1) * n));
    }
    emit.fill(0, 0, len * n);
    for (let i = 0; i < len; i++) {
      scorer.score(feats, 0, this.staticFeatures(i), emit.subarray(i * n, (i + 1) * n));
    }
    const NEG = Number.NEGATIVE_INFINITY;
    for (let l = 0; l < n; l++) {
      const ok = allowed[n * n + l] === 1 && (len > 1 || allowedEnd[l] === 1);
      delta[l] = ok ? (trans[n * n + l] as number) + (emit[l] as number) : NEG;
    }
    for (let i = 1; i < len; i++) {
      const base = i * n;
      const prev = base - n;
      const end = i === len - 1;
      for (let l = 0; l < n; l++) {
        let best = NEG;
        let arg = 0;
        if (!end || allowedEnd[l] === 1) {
          for (let p = 0; p < n; p++) {
            if (allowed[p * n + l] === 0) continue;
            const s = (delta[prev + p] as number) + (trans[p * n + l] as number);
            if (s > best) {
              best = s;
              arg = p;
            }
          }
        }
        delta[base + l] = best + (emit[base + l] as number);
        back[base + l] = arg;
      }
    }
    let label = 0;
    let bestScore = NEG;
    const lastBase = (len - 1) * n;
    for (let l = 0; l < n; l++) {
      const s = delta[lastBase + l] as number;
      if (s > bestScore) {
        bestScore = s;
        label = l;
      }
    }
    for (let i = len - 1; i >= 0; i--) {
      out[i] = label;
      label = back[i * n + label] as number;
    }
  }
}

const O = 0;
const B = 1;
const I = 2;

export class Tagger {
  readonly labelSet: LabelSet;
  private readonly table: WeightTable;
  private readonly featurizer: Featurizer;
  private readonly decoder: ViterbiDecoder;
  private labels = new Uint8Array(256);
  private readonly bioPrefix: Uint8Array;
  private readonly bioType: Int8Array;

  constructor(readonly model: ModelData) {
    this.labelSet = new LabelSet(model.header.scheme);
    if (this.labelSet.size !== model.labels) throw new Error('model label count does not match its scheme');
    this.table = new WeightTable(model.keys, model.weights, model.labels);
    this.featurizer = new Featurizer(
      model.header.features,
      new Gazetteer(model.header.gazetteer),
      model.header.lexicon,
    );
    this.decoder = new ViterbiDecoder(this.featurizer, this.labelSet);
    const bio = this.labelSet.bio;
    this.bioPrefix = Uint8Array.from(bio, (tag) => (tag[0] === 'B' ? B : tag[0] === 'I' ? I : O));
    this.bioType = Int8Array.from(bio, (tag) => NER_TYPES.indexOf(tag.slice(2) as NerType));
  }

  /** Label indices for a sentence (a view that the next call overwrites). */
  labelIds(words: readonly string[]): Uint8Array {
    const n = words.length;
    if (this.labels.length < n) this.labels = new Uint8Array(Math.max(n, this.labels.length * 2));
    this.featurizer.prepare(words);
    this.decoder.decode(this.table, n, this.labels);
    return this.labels.subarray(0, n);
  }

  predict(words: readonly string[]): string[] {
    const ids = this.labelIds(words);
    const bio = this.labelSet.bio;
    const out = new Array<string>(ids.length);
    for (let i = 0; i < ids.length; i++) out[i] = bio[ids[i] as number] as string;
    return out;
  }

  /** Entities straight from the label indices, without building the tag strings. */
  spans(words: readonly string[]): NerSpan[] {
    const ids = this.labelIds(words);
    const { bioPrefix, bioType } = this;
    const spans: NerSpan[] = [];
    let start = -1;
    let type = -1;
    // The same chunking as tagsToSpans (conlleval's rules) over the BIO reading of each label.
    for (let i = 0; i <= ids.length; i++) {
      const id = i < ids.length ? (ids[i] as number) : 0;
      const prefix = bioPrefix[id] as number;
      const t = bioType[id] as number;
      const opens = prefix === B || (prefix === I && (start < 0 || t !== type));
      if (start >= 0 && (prefix === O || opens)) {
        spans.push({ start, end: i, type: NER_TYPES[type] as NerType });
        start = -1;
      }
      if (opens) {
        start = i;
        type = t;
      }
    }
    return spans;
  }
}
