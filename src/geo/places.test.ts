import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Doc, emptyMeta, type Meta } from '../document/index.js';
import { createSegmenter, segment } from '../nlp/segment.js';
import { Gazetteer } from './gazetteer.js';
import { findPlaces, resolvePlaceName } from './places.js';

// A small KB and city list of this test's own, so the tests do not move when kb/ or the city package does.
const kbDir = mkdtempSync(path.join(tmpdir(), 'dyad-geo-'));
writeFileSync(
  path.join(kbDir, 'countries.json'),
  JSON.stringify([
    {
      cameo: 'FRA',
      iso2: 'FR',
      name: 'France',
      names: ['France'],
      demonyms: ['French'],
      capitalNames: ['Paris'],
    },
    {
      cameo: 'USA',
      iso2: 'US',
      name: 'United States',
      names: ['United States', 'America'],
      short: ['US', 'U.S.'],
      capitalNames: ['Washington'],
    },
    { cameo: 'IRQ', iso2: 'IQ', name: 'Iraq', names: ['Iraq'], capitalNames: ['Baghdad'] },
    { cameo: 'BEL', iso2: 'BE', name: 'Belgium', names: ['Belgium'], capitalNames: ['Brussels'] },
    { cameo: 'GEO', iso2: 'GE', name: 'Georgia', names: ['Georgia'], capitalNames: ['Tbilisi'] },
  ]),
);
writeFileSync(
  path.join(kbDir, 'regions.json'),
  JSON.stringify([
    { name: 'Middle East', names: ['Middle East', 'the Middle East'], countries: ['IRQ', 'IRN'] },
  ]),
);

const city = (name: string, country: string, population: number, featureCode = 'PPL', adminCode = '') => ({
  name,
  altName: '',
  country,
  featureCode,
  adminCode,
  population,
  loc: { coordinates: [1, 2] as [number, number] },
});

const gazetteer = new Gazetteer({
  kbDir,
  cities: [
    city('Paris', 'FR', 2_138_551, 'PPLC', '11'),
    city('Paris', 'US', 24_782, 'PPLA2', 'TX'),
    city('Washington, D.C.', 'US', 601_723, 'PPLC', 'DC'),
    city('Washington', 'GB', 53_526, 'PPL', 'ENG'),
    city('Baghdad', 'IQ', 7_216_000, 'PPLC', '07'),
    city('Brussels', 'BE', 1_019_022, 'PPLC', 'BRU'),
    city('Tbilisi', 'GE', 1_049_498, 'PPLC', 'TB'),
    city('Us', 'FR', 1_248, 'PPL', '11'),
    city('Genève', 'CH', 183_981, 'PPLA', 'GE'),
  ],
});

const nlp = createSegmenter();

function docOf(text: string, meta: Partial<Meta> = {}): Doc {
  const doc = new Doc(text, { ...emptyMeta(), ...meta });
  doc.paragraphs = [{ start: 0, end: text.length, kind: 'body' }];
  const { sentences, tokens } = segment(nlp, text, doc.paragraphs);
  doc.sentences = sentences;
  doc.tokens = tokens;
  return doc;
}

const placesIn = (text: string, meta: Partial<Meta> = {}) =>
  findPlaces(docOf(text, meta), gazetteer).map((p) => `${p.text}=${p.country ?? p.kind}`);

describe('place or actor', () => {
  it('takes a name after a locative word as a place', () => {
    expect(placesIn('US troops remain in Iraq.')).toEqual(['Iraq=IRQ']);
    expect(placesIn('Officials in Washington were cautious.')).toEqual(['Washington=USA']);
  });

  it('leaves names used as actors alone', () => {
    expect(placesIn('Washington said Iraq had agreed.')).toEqual([]);
    expect(placesIn("Iraq's parliament voted.")).toEqual([]);
  });

  it('needs a word of movement before "to" and "from" for countries and capitals', () => {
    expect(placesIn('More troops were sent to Iraq.')).toEqual(['Iraq=IRQ']);
    expect(placesIn('The message to Iraq went unanswered.')).toEqual([]);
    expect(placesIn('Trump called on NATO to send troops to the Middle East.')).toEqual([
      'Middle East=region',
    ]);
  });

  it('reads a possessive after a preposition as the possessed noun’s, unless that is part of the place', () => {
    expect(placesIn('He spoke of the US’s decision to leave.')).toEqual([]);
    expect(placesIn('Fighting resumed in Iraq’s north.')).toEqual(['Iraq=IRQ']);
  });

  it('never reads a short capitalised abbreviation as a town', () => {
    expect(placesIn('It questioned its value to the US and its allies.')).toEqual([]);
  });

  it('skips names that are part of a longer capitalised name', () => {
    expect(placesIn('He wrote in the Paris Review last year.')).toEqual([]);
  });
});

describe('disambiguation', () => {
  it('prefers the large city when nothing else is known', () => {
    const [p] = findPlaces(docOf('The summit was held in Paris.'), gazetteer);
    expect(p).toMatchObject({ text: 'Paris', name: 'Paris', kind: 'city', country: 'FRA' });
  });

  it('follows the article’s state: a Paris in a Texas story', () => {
    expect(placesIn('Ranchers across Lamar County, Texas, met in Paris on Friday.')).toEqual(['Paris=USA']);
  });

  it('follows an explicit qualifier and takes it into the span', () => {
    expect(placesIn('He flew to Paris, Texas, on Friday.')).toEqual(['Paris, Texas=USA']);
  });

  it('takes a country over a US state of the same name unless the story is American', () => {
    expect(placesIn('Protests spread in Georgia.')).toEqual(['Georgia=GEO']);
    expect(placesIn('Voters in Ohio and in Georgia queued for hours.')).toEqual(['Ohio=USA', 'Georgia=USA']);
  });
});

describe('datelines', () => {
  it('resolves a dateline string with its qualifier', () => {
    expect(resolvePlaceName(gazetteer, 'Brussels, Belgium')).toMatchObject({
      name: 'Brussels',
      kind: 'city',
      country: 'BEL',
    });
    expect(resolvePlaceName(gazetteer, 'WASHINGTON')).toMatchObject({
      name: 'Washington, D.C.',
      country: 'USA',
    });
    expect(resolvePlaceName(gazetteer, 'Atlantis')).toBeNull();
  });

  it('adds the dateline as a zero-width place at offset 0', () => {
    const [first] = findPlaces(
      docOf('Ministers met on Monday.', { dateline: 'Brussels, Belgium' }),
      gazetteer,
    );
    expect(first).toMatchObject({
      start: 0,
      end: 0,
      text: 'Brussels, Belgium',
      country: 'BEL',
      source: 'dateline',
    });
  });

  it('finds a dateline opening the body text', () => {
    expect(placesIn('BAGHDAD (Reuters) - A bomb exploded on Sunday.')).toEqual(['BAGHDAD=IRQ']);
  });
});

describe('gazetteer', () => {
  it('indexes KB capital names and English exonyms', () => {
    expect(gazetteer.lookup('Washington').map((e) => e.name)).toContain('Washington, D.C.');
    expect(gazetteer.lookup('Geneva')[0]?.name).toBe('Genève');
    expect(gazetteer.countryOfIso2('BE')).toBe('BEL');
  });

  it('survives a missing KB', () => {
    const bare = new Gazetteer({
      kbDir: path.join(kbDir, 'none'),
      cities: [city('Baghdad', 'IQ', 7_216_000)],
    });
    expect(bare.countryCount).toBe(0);
    expect(bare.lookup('Baghdad')[0]).toMatchObject({ kind: 'city', country: null });
  });
});
