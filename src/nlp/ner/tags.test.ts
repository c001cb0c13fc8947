import { describe, expect, it } from 'vitest';
import { iob1ToBio, LabelSet, spansToBio, tagsToSpans } from './tags.js';

describe('tagsToSpans', () => {
  it('reads BIO', () => {
    expect(tagsToSpans(['B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'I-LOC'])).toEqual([
      { start: 0, end: 2, type: 'PER' },
      { start: 3, end: 4, type: 'LOC' },
      { start: 4, end: 6, type: 'LOC' },
    ]);
  });

  it('follows conlleval on ill-formed input: I- after O or after another type starts a chunk', () => {
    expect(tagsToSpans(['O', 'I-ORG', 'I-ORG', 'I-PER', 'O', 'I-MISC'])).toEqual([
      { start: 1, end: 3, type: 'ORG' },
      { start: 3, end: 4, type: 'PER' },
      { start: 5, end: 6, type: 'MISC' },
    ]);
  });

  it('closes a chunk at the end of the sentence and ignores unknown types', () => {
    expect(tagsToSpans(['B-DATE', 'O', 'I-LOC'])).toEqual([{ start: 2, end: 3, type: 'LOC' }]);
    expect(tagsToSpans([])).toEqual([]);
  });
});

describe('iob1ToBio', () => {
  it('turns the I- opening each chunk into B- and keeps B- between adjacent chunks', () => {
    expect(iob1ToBio(['I-ORG', 'I-ORG', 'O', 'I-PER', 'B-PER', 'I-PER', 'I-LOC'])).toEqual([
      'B-ORG',
      'I-ORG',
      'O',
      'B-PER',
      'B-PER',
      'I-PER',
      'B-LOC',
    ]);
  });

  it('leaves BIO input as it is', () => {
    const bio = ['B-MISC', 'I-MISC', 'O', 'B-LOC'];
    expect(iob1ToBio(bio)).toEqual(bio);
  });
});

describe('LabelSet', () => {
  const spans = [
    { start: 0, end: 1, type: 'LOC' as const },
    { start: 2, end: 5, type: 'PER' as const },
  ];

  it('encodes spans in BILOU and decodes back to BIO', () => {
    const set = new LabelSet('BILOU');
    expect(set.size).toBe(17);
    const ids = set.encode(spans, 6);
    expect([...ids].map((i) => set.labels[i])).toEqual(['U-LOC', 'O', 'B-PER', 'I-PER', 'L-PER', 'O']);
    expect([...ids].map((i) => set.bio[i])).toEqual(spansToBio(spans, 6));
  });

  it('encodes spans in BIO', () => {
    const set = new LabelSet('BIO');
    expect(set.size).toBe(9);
    expect([...set.encode(spans, 6)].map((i) => set.labels[i])).toEqual([
      'B-LOC',
      'O',
      'B-PER',
      'I-PER',
      'I-PER',
      'O',
    ]);
  });

  it('rules out ill-formed transitions', () => {
    const set = new LabelSet('BILOU');
    const ok = (prev: string | null, next: string) =>
      set.allowed[(prev === null ? set.size : set.id(prev)) * set.size + set.id(next)] === 1;
    expect(ok(null, 'B-PER')).toBe(true);
    expect(ok(null, 'I-PER')).toBe(false);
    expect(ok('B-PER', 'L-PER')).toBe(true);
    expect(ok('B-PER', 'L-ORG')).toBe(false);
    expect(ok('B-PER', 'O')).toBe(false);
    expect(ok('L-PER', 'B-PER')).toBe(true);
    expect(ok('U-LOC', 'I-LOC')).toBe(false);
    expect(set.allowedEnd[set.id('I-PER')]).toBe(0);
    expect(set.allowedEnd[set.id('U-PER')]).toBe(1);
  });
});
