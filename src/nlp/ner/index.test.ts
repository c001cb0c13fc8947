import { describe, expect, it } from 'vitest';
import { loadNer, type NerModel, tagsToSpans } from './index.js';

// The committed model, loaded once for the file.
const ner: NerModel = loadNer();

const tagged = (words: string[]) =>
  ner.spans(words).map((s) => `${words.slice(s.start, s.end).join(' ')}/${s.type}`);

describe('the committed NER model', () => {
  it('finds the people, organisations and places of a sentence', () => {
    const words = 'German Chancellor Angela Merkel met NATO officials in Brussels on Monday .'.split(' ');
    const found = tagged(words);
    expect(found).toContain('Angela Merkel/PER');
    expect(found).toContain('NATO/ORG');
    expect(found).toContain('Brussels/LOC');
    expect(found.some((f) => f.startsWith('Monday'))).toBe(false);
  });

  it('tags a second sentence of its own', () => {
    const words = 'The European Union said Vladimir Putin would travel to Beijing next week .'.split(' ');
    expect(tagged(words)).toEqual(['European Union/ORG', 'Vladimir Putin/PER', 'Beijing/LOC']);
  });

  it('gives one well-formed BIO tag per word, consistent with spans()', () => {
    const words = 'Officials from Reuters and the U.N. flew from New York to Geneva .'.split(' ');
    const tags = ner.predict(words);
    expect(tags).toHaveLength(words.length);
    for (const [i, tag] of tags.entries()) {
      expect(tag).toMatch(/^(O|[BI]-(PER|ORG|LOC|MISC))$/);
      if (tag.startsWith('I-')) expect(tags[i - 1]?.slice(2)).toBe(tag.slice(2));
    }
    expect(ner.spans(words)).toEqual(tagsToSpans(tags));
    expect(ner.spans(words).length).toBeGreaterThan(0);
  });

  it('copes with empty input, one word and odd tokens', () => {
    expect(ner.predict([])).toEqual([]);
    expect(ner.spans([])).toEqual([]);
    expect(ner.predict(['Paris'])).toHaveLength(1);
    expect(ner.predict(['', '—', 'Ünïcödé', '1996-08-22', '😀'])).toHaveLength(5);
  });

  it('gives the same answer on repeated calls (no state leaks between sentences)', () => {
    const a = 'Angela Merkel met Emmanuel Macron in Berlin .'.split(' ');
    const first = ner.predict(a);
    ner.predict(
      'A much longer sentence with many words about nothing in particular at all , really .'.split(' '),
    );
    expect(ner.predict(a)).toEqual(first);
  });

  it('reports a missing model file with a stable error code', () => {
    expect(() => loadNer('/nonexistent/ner.bin.gz')).toThrow(
      expect.objectContaining({ code: 'DYAD_E_NOT_FOUND' }),
    );
  });
});
