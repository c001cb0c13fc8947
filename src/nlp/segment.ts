// Sentences and part-of-speech-tagged tokens, by wink-nlp (one pass does both), paragraph by paragraph so that
// no sentence crosses a paragraph break and a headline without a full stop stays a sentence of its own.

import model from 'wink-eng-lite-web-model';
import winkNLP, { type WinkMethods } from 'wink-nlp';
import type { Paragraph, Sentence } from '../document/index.js';
import { posId, TokenTable } from '../document/index.js';

export type Segmenter = WinkMethods;

export function createSegmenter(): Segmenter {
  return winkNLP(model, ['sbd', 'pos']);
}

export interface Segmentation {
  sentences: Sentence[];
  tokens: TokenTable;
}

const SPACE = posId('SPACE');

export function segment(nlp: Segmenter, text: string, paragraphs: readonly Paragraph[]): Segmentation {
  const its = nlp.its;
  const sentences: Sentence[] = [];
  const tokens = new TokenTable(Math.max(64, text.length >> 2));
  const spans = paragraphs.length > 0 ? paragraphs : [{ start: 0, end: text.length, kind: 'body' as const }];
  for (const p of spans) {
    const slice = text.slice(p.start, p.end);
    const wdoc = nlp.readDoc(slice);
    const values = wdoc.tokens().out(its.value) as string[];
    const pos = wdoc.tokens().out(its.pos) as string[];
    // Token offsets: wink keeps each token's text; find it from a running cursor.
    const starts = new Int32Array(values.length);
    const ends = new Int32Array(values.length);
    const tableIndex = new Int32Array(values.length);
    let cursor = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as string;
      let at = slice.startsWith(v, cursor) ? cursor : slice.indexOf(v, cursor);
      if (at < 0) at = cursor;
      starts[i] = p.start + at;
      ends[i] = p.start + at + v.length;
      cursor = at + v.length;
      const tag = posId(pos[i] ?? 'X');
      if (tag === SPACE || v.trim() === '') tableIndex[i] = -1;
      else {
        tableIndex[i] = tokens.length;
        tokens.push(starts[i] as number, ends[i] as number, tag);
      }
    }
    const sentenceSpans = wdoc.sentences().out(its.span) as unknown as [number, number][];
    for (const [first, last] of sentenceSpans) {
      let a = first;
      let b = last;
      while (a <= b && tableIndex[a] === -1) a++;
      while (b >= a && tableIndex[b] === -1) b--;
      if (a > b) continue;
      sentences.push({ start: starts[a] as number, end: ends[b] as number });
    }
  }
  return { sentences, tokens };
}
