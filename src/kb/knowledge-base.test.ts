import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type KbLayerData, KnowledgeBase } from './knowledge-base.js';
import { kbLayerDirs, loadKnowledgeBase } from './load.js';
import type { KbPerson } from './types.js';

const layer = (data: Partial<KbLayerData>): KbLayerData => ({
  dir: 'mem',
  countries: [],
  regions: [],
  organizations: [],
  groups: [],
  roles: [],
  people: [],
  actors: [],
  rules: null,
  hash: 'h',
  version: null,
  ...data,
});

// A made-up republic and its leaders, so the tests do not depend on the real KB's contents.
const ruritania = {
  id: 'RUR',
  cameo: 'RUR',
  iso2: 'RR',
  name: 'Ruritania',
  names: ['Ruritania'],
  short: ['RR'],
  demonyms: ['Ruritanian'],
  adjectives: ['Ruritanian'],
  capital: 'Strelsau',
  capitalNames: ['Strelsau'],
  seatNames: ['the Castle'],
  region: 'Europe',
};
const person = (id: string, name: string, offices: KbPerson['offices']): KbPerson => ({
  id,
  name,
  aliases: [],
  surname: name.split(' ').at(-1) ?? '',
  gender: 'f',
  country: 'RUR',
  offices,
});
const elsa = person('elsa-berg', 'Elsa Berg', [
  {
    title: 'President',
    role: 'head-of-state',
    country: 'RUR',
    code: 'RURGOV',
    start: '2010-01-01',
    end: '2015-06-30',
  },
]);
const ivo = person('ivo-lind', 'Ivo Lind', [
  {
    title: 'President',
    role: 'head-of-state',
    country: 'RUR',
    code: 'RURGOV',
    start: '2015-06-30',
    end: null,
  },
]);

describe('KnowledgeBase', () => {
  const kb = new KnowledgeBase([layer({ countries: [ruritania], people: [elsa, ivo] })]);

  it('finds every kind of name in one trie', () => {
    expect(kb.lookup('Strelsau', null).map((l) => [l.kind, l.code])).toEqual([['capital', 'RURGOV']]);
    expect(kb.lookup('the Castle', null)[0]?.kind).toBe('seat');
    expect(kb.lookup('Ruritanian', null)[0]?.kind).toBe('demonym');
    expect(kb.lookup('Berg', null)[0]?.kind).toBe('surname');
  });

  it('codes office holders by date, with ELI after office and nothing before the first', () => {
    expect(kb.personCode(elsa, '2012-05-05')).toBe('RURGOV');
    expect(kb.personCode(elsa, '2018-01-01')).toBe('RURELI');
    // Not yet in any office the KB lists: whom they act for is not the KB's to guess.
    expect(kb.personCode(ivo, '2012-05-05')).toBe('');
    expect(kb.personCode(ivo, null)).toBe('RURGOV');
    // Someone the KB lists no office for at all keeps the country.
    expect(kb.personCode(person('ana-vel', 'Ana Vel', []), '2012-05-05')).toBe('RUR');
  });

  it('counts a holder a few weeks past the end of office, and finds former holders', () => {
    expect(kb.officeHolders({ role: 'president', country: 'RUR' }, '2012-01-01')).toEqual([elsa]);
    expect(kb.officeHolders({ role: 'president', country: 'RUR' }, '2015-07-10')).toEqual([elsa, ivo]);
    expect(kb.officeHolders({ role: 'president', country: 'RUR' }, '2016-01-01')).toEqual([ivo]);
    expect(kb.officeHolders({ role: 'president', country: 'RUR', former: true }, '2016-01-01')).toEqual([
      elsa,
    ]);
  });

  it('lets a higher layer hide a lower layer’s phrase, and keeps compatible knowledge below', () => {
    const layered = new KnowledgeBase([
      layer({ countries: [ruritania] }),
      layer({
        actors: [
          { id: 'u:strelsau', name: 'Strelsau', names: [], codes: [], defaultCode: 'RURGOV' },
          { id: 'u:castle', name: 'The Castle', names: [], codes: [], defaultCode: 'XYZ' },
          { id: 'u:zenda', name: 'Zenda', names: [], codes: [], defaultCode: 'RUR' },
        ],
      }),
    ]);
    expect(layered.lookup('Strelsau', null).map((l) => l.kind)).toEqual(['capital']);
    expect(layered.lookup('the Castle', null).map((l) => [l.kind, l.code])).toEqual([['actor', 'XYZ']]);
    // An imported synonym of a known country becomes one of its names.
    expect(layered.lookup('Zenda', null).map((l) => [l.kind, l.id])).toEqual([['country', 'RUR']]);
  });

  it('applies an imported actor’s dated codes in order', () => {
    const k = new KnowledgeBase([
      layer({
        actors: [
          {
            id: 'u:x',
            name: 'Tamsin Vale',
            names: [],
            codes: [
              { code: 'RURMIL', from: '2001-01-01', to: '2004-12-31' },
              { code: 'RURGOV', from: '2005-01-01' },
            ],
            defaultCode: 'RUR',
          },
        ],
      }),
    ]);
    const actor = k.actors.get('u:x');
    if (!actor) throw new Error('no actor');
    expect(k.actorCode(actor, '2003-03-03')).toBe('RURMIL');
    expect(k.actorCode(actor, '2009-03-03')).toBe('RURGOV');
    expect(k.actorCode(actor, '1999-03-03')).toBe('RUR');
  });
});

describe('lower posts, collective roles and group codes', () => {
  const deputy = person('ana-voss', 'Ana Voss', [
    {
      title: 'Vice President',
      role: 'vice-president',
      country: 'RUR',
      code: 'RURGOV',
      start: '2016-01-01',
      end: null,
    },
  ]);
  const rules = { subordinate: ['vice', 'deputy'] };
  const kb = new KnowledgeBase([
    layer({
      countries: [ruritania],
      people: [ivo, deputy],
      roles: [{ word: 'gunboat', code: 'MIL', plural: 'gunboats', collective: true }],
      groups: [
        { id: 'red-hand', code: 'RURREBRHD', name: 'Red Hand', names: [], kind: 'armed', countries: ['RUR'] },
      ],
      rules,
    }),
  ]);

  it('does not take a vice president for the president, nor the other way round', () => {
    expect(kb.officeHolders({ role: 'president', country: 'RUR' }, '2017-01-01')).toEqual([ivo]);
    expect(kb.officeHolders({ role: 'vice president', country: 'RUR' }, '2017-01-01')).toEqual([deputy]);
    expect(kb.titleNames('vice president and prime minister', 'prime minister')).toBe(true);
    expect(kb.titleNames('deputy prime minister', 'prime minister')).toBe(false);
  });

  it('counts a role word marked collective as a body even in the singular', () => {
    expect(kb.collective.has('gunboat')).toBe(true);
  });

  it('finds a group by its CAMEO code', () => {
    expect(kb.groupByCode('RURREBRHD')?.name).toBe('Red Hand');
    expect(kb.groupByCode('RURGOV')).toBeNull();
  });
});

describe('loading layers', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dyad-kb-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the built-in KB with a version and the default user layer when it exists', () => {
    const kb = loadKnowledgeBase({ userDir: false });
    expect(kb.version).toMatch(/@[0-9a-f]{12}$/);
    expect(kb.countries.size).toBeGreaterThan(150);
    mkdirSync(path.join(dir, 'roles'), { recursive: true });
    writeFileSync(
      path.join(dir, 'roles', 'mine.json'),
      JSON.stringify([{ word: 'harbourmaster', code: 'GOV' }]),
    );
    expect(kbLayerDirs({ userDir: dir })).toHaveLength(2);
    expect(kbLayerDirs({ userDir: path.join(dir, 'absent') })).toHaveLength(1);
    const layered = loadKnowledgeBase({ userDir: false, kbPaths: [dir] });
    expect(layered.version).toContain('+user@');
    expect(layered.lookup('harbourmaster', null)[0]?.code).toBe('GOV');
  });

  it('reports a missing layer and a broken file with coded errors', () => {
    expect(() => loadKnowledgeBase({ userDir: false, kbPaths: [path.join(dir, 'nope')] })).toThrowError(
      expect.objectContaining({ code: 'DYAD_E_NOT_FOUND' }),
    );
    const broken = path.join(dir, 'broken');
    mkdirSync(broken);
    writeFileSync(path.join(broken, 'countries.json'), '[{');
    expect(() => loadKnowledgeBase({ userDir: false, kbPaths: [broken] })).toThrowError(
      expect.objectContaining({ code: 'DYAD_E_KB' }),
    );
  });
});
