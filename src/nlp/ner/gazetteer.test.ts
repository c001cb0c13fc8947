import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURES, Featurizer } from './features.js';
import { GAZ_SLOTS, Gazetteer, loadGazetteerLists, lowerHash, phraseTokens } from './gazetteer.js';

function kbDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dyad-gaz-'));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

describe('loadGazetteerLists', () => {
  it('gathers names from the KB files by category, sorted and de-duplicated', () => {
    const dir = kbDir({
      'countries.json': [
        {
          name: 'Norway',
          names: ['Norway', 'Kingdom of Norway'],
          short: [],
          demonyms: ['Norwegian', 'Norwegians'],
          adjectives: ['Norwegian'],
          capitalNames: ['Oslo'],
        },
      ],
      'organizations.json': { organizations: [{ name: 'Nordic Council', names: ['Nordic Council'] }] },
      'groups.json': [{ name: 'Sea Wolves (militia)', names: ['Sea Wolves'] }],
      'people/a.json': [{ name: 'Kari Nordmann', aliases: ['K. Nordmann'], surname: 'Nordmann' }],
      'people/b.json': { name: 'Ola Hansen', surname: 'Hansen' },
    });
    expect(loadGazetteerLists(dir)).toEqual({
      capital: ['Oslo'],
      country: ['Kingdom of Norway', 'Norway'],
      demonym: ['Norwegian', 'Norwegians'],
      group: ['Sea Wolves'],
      org: ['Nordic Council'],
      person: ['K. Nordmann', 'Kari Nordmann', 'Ola Hansen'],
      surname: ['Hansen', 'Nordmann'],
    });
  });

  it('skips missing and malformed files', () => {
    expect(loadGazetteerLists(kbDir({ 'countries.json': '{ not json', 'groups.json': 42 }))).toEqual({});
    expect(loadGazetteerLists('/nonexistent/kb')).toEqual({});
  });

  it('splits names into tokens the way news text is tokenised', () => {
    expect(phraseTokens("People's Republic of China")).toEqual(['People', "'s", 'Republic', 'of', 'China']);
    expect(phraseTokens('Hamas (Islamic Resistance Movement)')).toEqual(['Hamas']);
  });
});

describe('Gazetteer', () => {
  const gaz = new Gazetteer({ capital: ['New Delhi', 'Oslo'], person: ['Ola Hansen'], surname: ['Hansen'] });

  function hits(words: string[]): number[][] {
    const lower = Int32Array.from(words.map(lowerHash));
    const capital = Uint8Array.from(words.map((w) => (/^\p{Ll}/u.test(w) ? 0 : 1)));
    const out = new Int32Array(words.length * GAZ_SLOTS);
    gaz.match(lower, capital, words.length, out);
    return words.map((_, i) => [...out.subarray(i * GAZ_SLOTS, (i + 1) * GAZ_SLOTS)].filter((v) => v !== 0));
  }

  it('marks every token of a match, longest match per category, case-insensitively for capitals', () => {
    const h = hits(['Ola', 'Hansen', 'flew', 'to', 'NEW', 'DELHI', 'and', 'oslo']);
    expect(h[0]).toHaveLength(1); // person B
    expect(h[1]).toHaveLength(2); // person L, surname U
    expect(h[2]).toEqual([]);
    expect(h[4]).toHaveLength(1);
    expect(h[5]).toHaveLength(1);
    expect(h[4]?.[0]).not.toBe(h[5]?.[0]); // B and L differ
    expect(h[7]).toEqual([]); // lower-case "oslo" does not match a capitalised name
  });

  it('hashes words like the feature extractor does', () => {
    const words = ['Oslo', 'ÉLYSÉE', "d'Ivoire", 'İstanbul'];
    const f = new Featurizer(DEFAULT_FEATURES, undefined);
    f.prepare(words);
    expect([...f.lower.subarray(0, words.length)]).toEqual(words.map(lowerHash));
  });
});
