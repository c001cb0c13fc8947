import { describe, expect, it } from 'vitest';
import { Doc, emptyMeta, type Quote } from '../document/index.js';
import { type DocSource, findQuotes, matchQuotes, speakerMatches, textMatches } from './query.js';

function quote(text: string, speaker: { name: string; code: string } | null): Quote {
  return {
    start: 0,
    end: text.length,
    text,
    kind: 'direct',
    cue: null,
    speaker: speaker ? { actorId: null, start: 0, end: 0, ...speaker } : null,
  };
}

function doc(id: number, published: string | null, quotes: Quote[]): Doc {
  const d = new Doc('', { ...emptyMeta(), published, title: `Article ${id}` });
  d.id = id;
  d.quotes = quotes;
  return d;
}

describe('speakerMatches', () => {
  const q = quote('We will not deploy combat troops.', { name: 'Jens Stoltenberg', code: 'IGOWSTNAT' });

  it('matches any part of the name, in any case and without accents', () => {
    expect(speakerMatches(q, 'stoltenberg')).toBe(true);
    expect(speakerMatches(quote('x', { name: 'José Álvarez', code: '' }), 'jose alvarez')).toBe(true);
    expect(speakerMatches(q, 'Daalder')).toBe(false);
  });

  it('matches a CAMEO code by prefix', () => {
    expect(speakerMatches(q, 'IGOWSTNAT')).toBe(true);
    expect(speakerMatches(q, 'IGO')).toBe(true);
    expect(speakerMatches(q, 'USA')).toBe(false);
  });

  it('never matches an unattributed quote', () => {
    expect(speakerMatches(quote('Nobody asked us.', null), 'farmers')).toBe(false);
  });
});

describe('textMatches', () => {
  it('needs every word, in any case', () => {
    const q = quote('The best way is to enable local forces', null);
    expect(textMatches(q, 'local BEST')).toBe(true);
    expect(textMatches(q, 'local troops')).toBe(false);
  });
});

describe('matchQuotes', () => {
  it('filters one Doc by speaker, words and date', () => {
    const d = doc(7, '2020-01-08', [
      quote('Taxes will not rise.', { name: 'Carla Mendes', code: 'PRTGOV' }),
      quote('The bridge reopens in May.', { name: 'Ana Ortiz', code: '' }),
    ]);
    expect(matchQuotes(d, { speaker: 'PRT' }).map((h) => h.quote.text)).toEqual(['Taxes will not rise.']);
    expect(matchQuotes(d, { text: 'bridge' }).map((h) => h.quote.speaker?.name)).toEqual(['Ana Ortiz']);
    expect(matchQuotes(d, { since: '2020-01-09' })).toEqual([]);
    expect(matchQuotes(d, { since: '2020-01-08' })).toHaveLength(2);
    expect(matchQuotes(d, {})[0]).toMatchObject({
      articleId: 7,
      title: 'Article 7',
      published: '2020-01-08',
    });
  });

  it('leaves out articles without a date when a date is asked for', () => {
    const d = doc(1, null, [quote('Hello.', { name: 'A', code: '' })]);
    expect(matchQuotes(d, { since: '2000-01-01' })).toEqual([]);
  });
});

describe('findQuotes', () => {
  /** An in-memory source that pages like a store. */
  function source(docs: Doc[]): DocSource & { fetched: number[] } {
    const fetched: number[] = [];
    return {
      fetched,
      listArticles: async ({ limit, offset }) =>
        docs.slice(offset, offset + limit).map((d) => ({ id: d.id as number, published: d.meta.published })),
      getDoc: async (id) => {
        fetched.push(id);
        return docs.find((d) => d.id === id) ?? null;
      },
    };
  }

  it('pages through every article and stops at the limit', async () => {
    const docs = Array.from({ length: 250 }, (_, i) =>
      doc(i + 1, '2021-05-01', [quote(`Quote ${i + 1}`, { name: i % 2 ? 'Odd' : 'Even', code: '' })]),
    );
    const all = await findQuotes(source(docs), { speaker: 'odd' });
    expect(all).toHaveLength(125);
    const some = source(docs);
    expect(await findQuotes(some, { limit: 3 })).toHaveLength(3);
    expect(some.fetched).toEqual([1, 2, 3]);
  });

  it('skips articles older than --since before reading them', async () => {
    const s = source([
      doc(1, '2019-12-31', [quote('Old.', null)]),
      doc(2, '2020-02-01', [quote('New.', null)]),
    ]);
    const hits = await findQuotes(s, { since: '2020-01-01' });
    expect(hits.map((h) => h.quote.text)).toEqual(['New.']);
    expect(s.fetched).toEqual([2]);
  });
});
