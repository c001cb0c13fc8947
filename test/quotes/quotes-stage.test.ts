// The quotes stage in the default pipeline, on an article written for this test (test/quotes/harbour-strike.txt).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText, createPipeline, DEFAULT_STAGES } from '../../src/annotate.js';
import type { Doc, Quote } from '../../src/document/index.js';

const article = readFileSync(new URL('./harbour-strike.txt', import.meta.url), 'utf8');

function find(doc: Doc, words: string): Quote | undefined {
  return doc.quotes.find((q) => q.text.includes(words));
}

describe('quotes stage', () => {
  it('is a default stage that runs after segmenting (and after actors, when there is an actors stage)', () => {
    expect(DEFAULT_STAGES).toContain('quotes');
    expect(DEFAULT_STAGES.indexOf('quotes')).toBeGreaterThan(DEFAULT_STAGES.indexOf('segment'));
    if (DEFAULT_STAGES.includes('actors')) {
      expect(DEFAULT_STAGES.indexOf('quotes')).toBeGreaterThan(DEFAULT_STAGES.indexOf('actors'));
    }
  });

  it('fills the quotes layer of an analysed article', async () => {
    // The stages up to quotes: what later stages do is theirs to test.
    const pipeline = createPipeline(
      { date: '2024-03-07' },
      DEFAULT_STAGES.slice(0, DEFAULT_STAGES.indexOf('quotes') + 1),
    );
    const doc = await analyzeText(article, { date: '2024-03-07', pipeline });
    const offsetsHold = doc.quotes.every((q) => doc.text.slice(q.start, q.end) === q.text);
    expect(offsetsHold).toBe(true);

    const first = find(doc, 'six months');
    expect(first).toMatchObject({ kind: 'direct', cue: { text: 'told' } });
    expect(first?.speaker?.name).toContain('Farrugia');

    // The paragraph that opens with “But …” continues Farrugia's quote.
    const run = find(doc, 'nobody can live on these wages');
    expect(run?.speaker?.name).toContain('Farrugia');

    const partial = doc.quotes.find((q) => q.kind === 'partial' && q.text.includes('fair and final'));
    expect(partial).toMatchObject({ kind: 'partial' });
    expect(partial?.speaker?.name).toContain('Camilleri');

    const indirect = doc.quotes.find((q) => q.kind === 'indirect' && q.text.includes('twelve vessels'));
    expect(indirect?.speaker?.name).toBe('a senior shipping official');

    const british = find(doc, 'stand idle');
    expect(british?.kind).toBe('direct');
    expect(british?.speaker?.name).toContain('spokesman');

    expect(doc.quotes.some((q) => q.text.includes('Unreasonable'))).toBe(false);
  });
});
