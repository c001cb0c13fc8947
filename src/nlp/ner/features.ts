// Feature extraction for the NER tagger: per-token attributes (lower-cased word, shape, affixes, flags,
// gazetteer hits) hashed to 32-bit keys into reusable buffers, then template features per position. Only the
// words are used (no part-of-speech or chunk columns), since at run time tokens come from another tokenizer.

import { GAZ_SLOTS, type Gazetteer, lowerHash } from './gazetteer.js';
import { HASH_SEED, hashChar, mix, mix3 } from './hash.js';

/** Feature-set switches, stored in the model file so the tagger extracts what the trainer did. */
export interface FeatureOptions {
  /** Longest prefix and suffix length (0 = none). */
  affixes: number;
  /** Context window for neighbouring words (1 or 2). */
  window: number;
  /** Word-pair features (w-1 w0, w0 w+1). */
  bigrams: boolean;
  /** Gazetteer membership features (only when the model carries lists). */
  gazetteer: boolean;
  /** Whether a capitalised word is also seen in lower case (only when the model carries a lexicon). */
  lexicon: boolean;
  /** Suffixes of the neighbouring words. */
  neighbourAffixes: boolean;
  /** Word pairs one step further out (w-2 w-1, w+1 w+2). */
  wideBigrams: boolean;
}

export const DEFAULT_FEATURES: FeatureOptions = {
  affixes: 4,
  window: 2,
  bigrams: true,
  gazetteer: true,
  lexicon: true,
  neighbourAffixes: true,
  wideBigrams: true,
};

// Template ids: any distinct constants; changing one changes every key (retrain).
const T = {
  bias: 1,
  w0: 2,
  o0: 3,
  wm1: 4,
  wp1: 5,
  wm2: 6,
  wp2: 7,
  shape0: 8,
  short0: 9,
  shortm1: 10,
  shortp1: 11,
  shortm1_0: 12,
  short0_p1: 13,
  shortm1_0_p1: 14,
  prefix: 20,
  suffix: 30,
  flag: 40,
  start: 41,
  wm1_w0: 42,
  w0_wp1: 43,
  wm1_short0: 44,
  wp1_short0: 45,
  gaz0: 46,
  gazm1: 47,
  gazp1: 48,
  gaz0_short0: 49,
  shortm2: 50,
  shortp2: 51,
  lex: 52,
  lexStart: 53,
  suffixm1: 56,
  suffixp1: 57,
  wm2_wm1: 58,
  wp1_wp2: 59,
  p1: 60,
} as const;

// Flag bits.
const F_INIT_CAP = 1;
const F_ALL_CAPS = 2;
const F_HAS_DIGIT = 4;
const F_ALL_DIGIT = 8;
const F_HYPHEN = 16;
const F_PERIOD = 32;
const F_PUNCT = 64;
const F_MIXED = 128;
const F_APOS = 256;
const F_LONG = 512;
const F_SINGLE = 1024;
const FLAG_COUNT = 11;

// Hashes for positions outside the sentence.
const BOS = [0x5b_b0_5a, 0x5b_b0_5b];
const EOS = [0xe0_5e_0a, 0xe0_5e_0b];

const MAX_AFFIX = 4;

/** Upper bound on static features per token, for buffer sizing. */
export const MAX_STATIC = 40 + 2 * MAX_AFFIX + FLAG_COUNT + 3 * GAZ_SLOTS * 2;

export class Featurizer {
  private cap = 0;
  private n = 0;
  lower = new Int32Array(0);
  private orig = new Int32Array(0);
  private shape = new Int32Array(0);
  short = new Int32Array(0);
  private prefix = new Int32Array(0);
  private suffix = new Int32Array(0);
  private flags = new Int32Array(0);
  private lens = new Int32Array(0);
  capital = new Uint8Array(0);
  private gaz = new Int32Array(0);
  private useGaz: boolean;
  private lexicon: Set<number> | undefined;

  constructor(
    readonly options: FeatureOptions,
    private readonly gazetteer: Gazetteer | undefined,
    lexicon: readonly string[] = [],
  ) {
    this.useGaz = options.gazetteer && gazetteer !== undefined && !gazetteer.empty;
    if (options.lexicon && lexicon.length > 0) this.lexicon = new Set(lexicon.map(lowerHash));
  }

  private ensure(n: number): void {
    if (n <= this.cap) return;
    const cap = Math.max(64, 1 << Math.ceil(Math.log2(n)));
    this.cap = cap;
    this.lower = new Int32Array(cap);
    this.orig = new Int32Array(cap);
    this.shape = new Int32Array(cap);
    this.short = new Int32Array(cap);
    this.prefix = new Int32Array(cap * MAX_AFFIX);
    this.suffix = new Int32Array(cap * MAX_AFFIX);
    this.flags = new Int32Array(cap);
    this.lens = new Int32Array(cap);
    this.capital = new Uint8Array(cap);
    this.gaz = new Int32Array(cap * GAZ_SLOTS);
  }

  /** Computes the per-token attributes of a sentence; must precede `staticFeatures` for its positions. */
  prepare(words: readonly string[]): void {
    const n = words.length;
    this.ensure(n);
    this.n = n;
    for (let i = 0; i < n; i++) this.attributes(i, words[i] ?? '');
    if (this.useGaz) (this.gazetteer as Gazetteer).match(this.lower, this.capital, n, this.gaz);
  }

  private attributes(i: number, word: string): void {
    const len = word.length;
    let hl = HASH_SEED;
    let ho = HASH_SEED;
    let hs = HASH_SEED;
    let hss = HASH_SEED;
    let upper = 0;
    let lowerCount = 0;
    let digits = 0;
    let other = 0;
    let flags = 0;
    let lastKind = -1;
    let run = 0;
    let lowerSeen = false;
    const pbase = i * MAX_AFFIX;
    for (let k = 0; k < len; k++) {
      let c = word.charCodeAt(k);
      ho = hashChar(ho, c);
      let kind: number;
      if (c >= 65 && c <= 90) {
        kind = 88;
        c += 32;
      } else if (c >= 97 && c <= 122) kind = 120;
      else if (c >= 48 && c <= 57) kind = 100;
      else if (c > 127) {
        const ch = word[k] as string;
        const lo = ch.toLowerCase();
        const up = ch.toUpperCase();
        if (lo !== up) {
          kind = ch === up ? 88 : 120;
          c = lo.charCodeAt(0);
        } else kind = c;
      } else kind = c;
      hl = hashChar(hl, c);
      if (k < MAX_AFFIX) this.prefix[pbase + k] = hl;
      if (kind === 88) {
        upper++;
        if (lowerSeen) flags |= F_MIXED;
      } else if (kind === 120) {
        lowerCount++;
        lowerSeen = true;
      } else if (kind === 100) digits++;
      else {
        other++;
        if (c === 45) flags |= F_HYPHEN;
        else if (c === 46) flags |= F_PERIOD;
        else if (c === 39 || c === 8217) flags |= F_APOS;
      }
      if (kind === lastKind) run++;
      else {
        run = 1;
        lastKind = kind;
        hss = hashChar(hss, kind);
      }
      if (run <= 4) hs = hashChar(hs, kind);
    }
    // Suffixes, hashed from the end backwards.
    let hx = HASH_SEED;
    for (let k = 0; k < MAX_AFFIX && k < len; k++) {
      let c = word.charCodeAt(len - 1 - k);
      if (c >= 65 && c <= 90) c += 32;
      else if (c > 127) c = (word[len - 1 - k] as string).toLowerCase().charCodeAt(0);
      hx = hashChar(hx, c);
      this.suffix[pbase + k] = hx;
    }
    const first = len > 0 ? word.charCodeAt(0) : 0;
    const firstUpper = isUpperFirst(word, first);
    if (firstUpper) flags |= F_INIT_CAP;
    if (upper > 0 && lowerCount === 0) flags |= F_ALL_CAPS;
    if (digits > 0) flags |= F_HAS_DIGIT;
    if (digits > 0 && digits === len) flags |= F_ALL_DIGIT;
    if (len > 0 && upper + lowerCount + digits === 0) flags |= F_PUNCT;
    if (len >= 12) flags |= F_LONG;
    if (len === 1) flags |= F_SINGLE;
    if (other === 0) flags &= ~(F_HYPHEN | F_PERIOD | F_APOS);
    this.lower[i] = hl;
    this.orig[i] = ho;
    this.shape[i] = hs;
    this.short[i] = hss;
    this.flags[i] = flags;
    this.lens[i] = len;
    // "Capital" for gazetteer matching: anything but a lower-case letter first.
    this.capital[i] = len > 0 && !isLowerFirst(word, first) ? 1 : 0;
  }

  private w(i: number): number {
    return i < 0
      ? (BOS[-i - 1] as number)
      : i >= this.n
        ? (EOS[i - this.n] as number)
        : (this.lower[i] as number);
  }

  private s(i: number): number {
    return i < 0
      ? (BOS[-i - 1] as number)
      : i >= this.n
        ? (EOS[i - this.n] as number)
        : (this.short[i] as number);
  }

  /** Writes token i's tag-independent feature keys into `out` from `at`; returns the new end. */
  staticFeatures(i: number, out: Int32Array, at: number): number {
    const o = this.options;
    let k = at;
    const w0 = this.lower[i] as number;
    const s0 = this.short[i] as number;
    const sm1 = this.s(i - 1);
    const sp1 = this.s(i + 1);
    const wm1 = this.w(i - 1);
    const wp1 = this.w(i + 1);
    out[k++] = mix(T.bias, 0);
    out[k++] = mix(T.w0, w0);
    out[k++] = mix(T.o0, this.orig[i] as number);
    out[k++] = mix(T.wm1, wm1);
    out[k++] = mix(T.wp1, wp1);
    out[k++] = mix(T.shape0, this.shape[i] as number);
    out[k++] = mix(T.short0, s0);
    out[k++] = mix(T.shortm1, sm1);
    out[k++] = mix(T.shortp1, sp1);
    out[k++] = mix3(T.shortm1_0, sm1, s0);
    out[k++] = mix3(T.short0_p1, s0, sp1);
    out[k++] = mix(mix3(T.shortm1_0_p1, sm1, s0), sp1);
    out[k++] = mix3(T.wm1_short0, wm1, s0);
    out[k++] = mix3(T.wp1_short0, wp1, s0);
    if (o.window >= 2) {
      out[k++] = mix(T.wm2, this.w(i - 2));
      out[k++] = mix(T.wp2, this.w(i + 2));
      out[k++] = mix(T.shortm2, this.s(i - 2));
      out[k++] = mix(T.shortp2, this.s(i + 2));
    }
    if (o.bigrams) {
      out[k++] = mix3(T.wm1_w0, wm1, w0);
      out[k++] = mix3(T.w0_wp1, w0, wp1);
    }
    const len = this.lens[i] as number;
    const affixes = Math.min(o.affixes, len);
    for (let a = 0; a < affixes; a++) {
      out[k++] = mix(T.prefix + a, this.prefix[i * MAX_AFFIX + a] as number);
      out[k++] = mix(T.suffix + a, this.suffix[i * MAX_AFFIX + a] as number);
    }
    const flags = this.flags[i] as number;
    for (let b = 0; b < FLAG_COUNT; b++) if (flags & (1 << b)) out[k++] = mix(T.flag, b);
    if (i === 0) out[k++] = mix(T.start, s0);
    if (this.lexicon && flags & (F_INIT_CAP | F_ALL_CAPS)) {
      const known = this.lexicon.has(w0) ? 1 : 0;
      out[k++] = mix(T.lex, known);
      out[k++] = mix3(T.lexStart, known, i === 0 ? 1 : 0);
    }
    if (o.neighbourAffixes) {
      if (i > 0 && (this.lens[i - 1] as number) >= 3)
        out[k++] = mix(T.suffixm1, this.suffix[(i - 1) * MAX_AFFIX + 2] as number);
      if (i + 1 < this.n && (this.lens[i + 1] as number) >= 3)
        out[k++] = mix(T.suffixp1, this.suffix[(i + 1) * MAX_AFFIX + 2] as number);
    }
    if (o.wideBigrams) {
      out[k++] = mix3(T.wm2_wm1, this.w(i - 2), wm1);
      out[k++] = mix3(T.wp1_wp2, wp1, this.w(i + 2));
    }
    if (this.useGaz) {
      k = this.gazFeatures(i, T.gaz0, out, k, s0);
      if (i > 0) k = this.gazFeatures(i - 1, T.gazm1, out, k, 0);
      if (i + 1 < this.n) k = this.gazFeatures(i + 1, T.gazp1, out, k, 0);
    }
    return k;
  }

  private gazFeatures(j: number, template: number, out: Int32Array, at: number, shape: number): number {
    let k = at;
    for (let s = 0; s < GAZ_SLOTS; s++) {
      const g = this.gaz[j * GAZ_SLOTS + s] as number;
      if (g === 0) break;
      out[k++] = mix(template, g);
      if (shape !== 0) out[k++] = mix3(T.gaz0_short0, g, shape);
    }
    return k;
  }

  /**
   * The key of the label-bigram feature for previous label `p1` (-1 = sentence start). It is the only
   * label-dependent feature, so a sentence's transition scores are the same at every position.
   */
  transitionFeature(p1: number): number {
    return mix(T.p1, p1);
  }
}

function isUpperFirst(word: string, first: number): boolean {
  if (first >= 65 && first <= 90) return true;
  if (first <= 127) return false;
  const ch = word[0] as string;
  return ch.toUpperCase() === ch && ch.toLowerCase() !== ch;
}

function isLowerFirst(word: string, first: number): boolean {
  if (first >= 97 && first <= 122) return true;
  if (first <= 127) return false;
  const ch = word[0] as string;
  return ch.toLowerCase() === ch && ch.toUpperCase() !== ch;
}
