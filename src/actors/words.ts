// The words the actor linker works on: the segmenter's tokens, split further the way KB names are split (a
// possessive 's and inner hyphens become words), with lower-cased keys, case classes and POS ids in flat arrays.

import { type Doc, posId } from '../document/index.js';
import { splitToken, wordKey } from '../kb/index.js';

export const POS = {
  ADJ: posId('ADJ'),
  ADP: posId('ADP'),
  ADV: posId('ADV'),
  AUX: posId('AUX'),
  CCONJ: posId('CCONJ'),
  DET: posId('DET'),
  NOUN: posId('NOUN'),
  NUM: posId('NUM'),
  PART: posId('PART'),
  PRON: posId('PRON'),
  PROPN: posId('PROPN'),
  PUNCT: posId('PUNCT'),
  VERB: posId('VERB'),
} as const;

export interface Words {
  length: number;
  start: Int32Array;
  end: Int32Array;
  /** Lower-cased key (curly apostrophes folded). */
  key: string[];
  /** The word as written. */
  text: string[];
  /** 0 lower case or no letters, 1 Capitalised, 2 ALL CAPS. */
  caseClass: Uint8Array;
  pos: Uint8Array;
  /** Per sentence: first word and the word after the last. */
  sentenceStart: Int32Array;
  sentenceEnd: Int32Array;
  /** Sentence index of each word. */
  sentence: Int32Array;
}

const LETTER = /\p{L}/u;

function isLetter(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return LETTER.test(text[i] as string);
}

function caseClass(word: string): number {
  let first = -1;
  let lower = false;
  let letters = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    let up: boolean;
    if (c >= 65 && c <= 90) up = true;
    else if (c >= 97 && c <= 122) up = false;
    else if (c < 0xc0) continue;
    else {
      const ch = word[i] as string;
      const u = ch.toUpperCase();
      const l = ch.toLowerCase();
      if (u === l) continue;
      up = ch === u;
    }
    letters++;
    if (first < 0) first = up ? 1 : 0;
    if (!up) lower = true;
  }
  if (letters === 0) return 0;
  if (!lower && letters >= 2) return 2;
  return first === 1 ? 1 : 0;
}

export function buildWords(doc: Doc): Words {
  const { text, tokens, sentences } = doc;
  const cap = Math.max(16, tokens.length + (tokens.length >> 2));
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let pos = new Uint8Array(cap);
  let n = 0;
  let tokenPos = 0;
  const push = (s: number, e: number) => {
    if (n === start.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      start = grow(start);
      end = grow(end);
      const p = new Uint8Array(pos.length * 2);
      p.set(pos);
      pos = p;
    }
    start[n] = s;
    end[n] = e;
    pos[n] = tokenPos;
    n++;
  };
  for (let t = 0; t < tokens.length; t++) {
    tokenPos = tokens.pos[t] as number;
    const s = tokens.starts[t] as number;
    let e = tokens.ends[t] as number;
    // The segmenter splits some words at letters it does not know ("Erdo ğ an"): glue letters back together.
    while (
      t + 1 < tokens.length &&
      tokens.starts[t + 1] === e &&
      isLetter(text, e - 1) &&
      isLetter(text, e)
    ) {
      t++;
      e = tokens.ends[t] as number;
    }
    if (e - s <= 2) push(s, e);
    else splitToken(text, s, e, push);
  }
  const key = new Array<string>(n);
  const words = new Array<string>(n);
  const cls = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const w = text.slice(start[i], end[i]);
    words[i] = w;
    key[i] = wordKey(w);
    cls[i] = caseClass(w);
  }
  const sentenceStart = new Int32Array(sentences.length);
  const sentenceEnd = new Int32Array(sentences.length);
  const sentence = new Int32Array(n).fill(-1);
  let w = 0;
  for (let si = 0; si < sentences.length; si++) {
    const span = sentences[si] as { start: number; end: number };
    while (w < n && (end[w] as number) <= span.start) w++;
    sentenceStart[si] = w;
    while (w < n && (start[w] as number) < span.end) sentence[w++] = si;
    sentenceEnd[si] = w;
  }
  return {
    length: n,
    start: start.subarray(0, n),
    end: end.subarray(0, n),
    key,
    text: words,
    caseClass: cls,
    pos: pos.subarray(0, n),
    sentenceStart,
    sentenceEnd,
    sentence,
  };
}

/** Whether word i is a possessive marker ('s, ’s, or a bare apostrophe after a plural) glued to word i-1. */
export function isPossessiveMarker(words: Words, i: number): boolean {
  if (i <= 0 || i >= words.length) return false;
  if ((words.start[i] as number) !== (words.end[i - 1] as number)) return false;
  const k = words.key[i] as string;
  if (k === "'s") return true;
  return k === "'" && (words.key[i - 1] as string).endsWith('s');
}

/** End of a run of capitalised proper nouns from word i, hyphen-joined parts included; `stop` ends it. */
export function properRunEnd(w: Words, i: number, s1: number, stop: (j: number) => boolean): number {
  let j = i;
  while (j < s1 && j - i < 5 && w.caseClass[j] !== 0 && w.pos[j] === POS.PROPN && !stop(j)) {
    j++;
    // "Al-Aiban": a hyphen glued to capitalised words on both sides.
    if (
      w.key[j] === '-' &&
      j + 1 < s1 &&
      w.start[j] === w.end[j - 1] &&
      w.start[j + 1] === w.end[j] &&
      w.caseClass[j + 1] !== 0
    )
      j++;
  }
  return Math.max(j, i + 1);
}
