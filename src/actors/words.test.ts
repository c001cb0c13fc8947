import { describe, expect, it } from 'vitest';
import { Doc, emptyMeta, posId, TokenTable } from '../document/index.js';
import { buildWords, isPossessiveMarker } from './words.js';

function docOf(text: string, tokens: [string, string][]): Doc {
  const doc = new Doc(text, emptyMeta());
  const table = new TokenTable();
  let at = 0;
  for (const [t, pos] of tokens) {
    const start = text.indexOf(t, at);
    table.push(start, start + t.length, posId(pos));
    at = start + t.length;
  }
  doc.tokens = table;
  doc.sentences = [{ start: 0, end: text.length }];
  return doc;
}

describe('buildWords', () => {
  it('splits possessives and hyphens the segmenter left whole, and glues words it split at odd letters', () => {
    const text = "Iran's non-combat Erdoğan";
    const doc = docOf(text, [
      ["Iran's", 'PROPN'],
      ['non-combat', 'ADJ'],
      ['Erdo', 'PROPN'],
      ['ğ', 'X'],
      ['an', 'DET'],
    ]);
    const w = buildWords(doc);
    expect(w.text).toEqual(['Iran', "'s", 'non', '-', 'combat', 'Erdoğan']);
    expect(w.key).toEqual(['iran', "'s", 'non', '-', 'combat', 'erdoğan']);
    expect([...w.caseClass]).toEqual([1, 0, 0, 0, 0, 1]);
    expect([w.sentenceStart[0], w.sentenceEnd[0]]).toEqual([0, 6]);
    expect(isPossessiveMarker(w, 1)).toBe(true);
    expect(isPossessiveMarker(w, 3)).toBe(false);
  });

  it('takes a bare apostrophe as a possessive only after a plural', () => {
    const text = 'the Corps’ unit ‘Unpredictable’';
    const doc = docOf(text, [
      ['the', 'DET'],
      ['Corps', 'PROPN'],
      ['’', 'PUNCT'],
      ['unit', 'NOUN'],
      ['‘', 'PUNCT'],
      ['Unpredictable', 'ADJ'],
      ['’', 'PUNCT'],
    ]);
    const w = buildWords(doc);
    expect(isPossessiveMarker(w, 2)).toBe(true);
    expect(isPossessiveMarker(w, 6)).toBe(false);
  });
});
