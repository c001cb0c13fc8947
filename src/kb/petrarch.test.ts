import { describe, expect, it } from 'vitest';
import {
  displayName,
  parseCodeBlock,
  parsePetrarchActors,
  parsePetrarchAgents,
  petrarchDate,
  regularPlural,
} from './petrarch.js';

// A small dictionary in PETRARCH's formats, written for this test (made-up actors).
const ACTORS = `<!-- test actors -->
<!--
# a comment block over
# several lines -->
RURITANIA_  [RUR]  # the country
+RURITANIAN
+STRELSAU_

TAMSIN_VALE_   # a minister who became president
+MINISTER_VALE
	[RURELI <050101]
	[RURGOV 050101-101231]
	[RURELI >110101]
ZENDA_MILITIA_ [RURMILZND] [---]
NOBODY_ [---]
ELPHBERG [RUR/XYZ] #JW 1/2/03
	[pse 990101-000101]
`;

const AGENTS = `# test agents
!PERSON! = MAN, MEN, WOMAN, WOMEN

HARBOURMASTER [~GOV] # pas
FERRY!PERSON! {} [~BUS]
TOLL_COLLECTOR {TOLL_COLLECTORS TOLLMEN} [~GOVTAX]
RELIEF_AGENCY [NGO~]
BROKEN LINE WITHOUT CODE
`;

describe('PETRARCH dates and codes', () => {
  it('reads YYMMDD with the 00–30 pivot and YYYYMMDD', () => {
    expect(petrarchDate('090120')).toBe('2009-01-20');
    expect(petrarchDate('780101')).toBe('1978-01-01');
    expect(petrarchDate('300101')).toBe('2030-01-01');
    expect(petrarchDate('20121109')).toBe('2012-11-09');
    expect(petrarchDate('2004017')).toBeNull();
    expect(petrarchDate('990231')).toBeNull();
  });

  it('reads restrictions: before, after and ranges', () => {
    expect(parseCodeBlock('USAGOV >090120')).toEqual({
      dated: { code: 'USAGOV', from: '2009-01-20' },
      code: 'USAGOV',
    });
    expect(parseCodeBlock('USAELI <170120')).toEqual({
      dated: { code: 'USAELI', to: '2017-01-19' },
      code: 'USAELI',
    });
    expect(parseCodeBlock('HOB < 950601')).toEqual({ dated: { code: 'HOB', to: '1995-05-31' }, code: 'HOB' });
    expect(parseCodeBlock('X 20100109-20100112')).toEqual({
      dated: { code: 'X', from: '2010-01-09', to: '2010-01-12' },
      code: 'X',
    });
    expect(parseCodeBlock('IGOUNO')).toEqual({ dated: null, code: 'IGOUNO' });
    expect(parseCodeBlock('---')).toEqual({ dated: null, code: '' });
    expect(parseCodeBlock('A 2004017-20061201')).toHaveProperty('error');
  });
});

describe('parsePetrarchActors', () => {
  const { actors, warnings } = parsePetrarchActors(ACTORS, 'test');

  it('reads entries, synonyms, comments and dated codes', () => {
    expect(actors.map((a) => a.id)).toEqual([
      'test:ruritania',
      'test:tamsin-vale',
      'test:zenda-militia',
      'test:nobody',
      'test:elphberg',
    ]);
    expect(actors[0]).toMatchObject({
      name: 'Ruritania',
      names: ['Ruritanian', 'Strelsau'],
      defaultCode: 'RUR',
      type: 'GPE',
    });
    expect(actors[1]).toMatchObject({
      name: 'Tamsin Vale',
      names: ['Minister Vale'],
      defaultCode: '',
      type: 'PER',
      codes: [
        { code: 'RURELI', to: '2004-12-31' },
        { code: 'RURGOV', from: '2005-01-01', to: '2010-12-31' },
        { code: 'RURELI', from: '2011-01-01' },
      ],
    });
    expect(actors[2]).toMatchObject({ defaultCode: 'RURMILZND', type: 'ORG' });
    expect(actors[3]).toMatchObject({ defaultCode: '', codes: [] });
    expect(actors[4]).toMatchObject({
      defaultCode: 'RUR',
      codes: [{ code: 'PSE', from: '1999-01-01', to: '2000-01-01' }],
    });
    expect(warnings).toEqual([]);
  });

  it('warns about codes without an entry and unreadable dates, with line numbers', () => {
    const r = parsePetrarchActors('\t[ABC]\nFOO [ABC 2004017-20061201]\n', 'x');
    expect(r.warnings.map((w) => [w.line, w.message.split(' ').slice(0, 2).join(' ')])).toEqual([
      [1, 'code without'],
      [2, 'bad date'],
      [2, 'entry Foo'],
    ]);
  });

  it('makes display names', () => {
    expect(displayName('BARACK OBAMA')).toBe('Barack Obama');
    expect(displayName('U.S. NAVY')).toBe('U.S. Navy');
    expect(displayName('AL-QAEDA')).toBe('Al-Qaeda');
  });
});

describe('parsePetrarchAgents', () => {
  const { roles, warnings } = parsePetrarchAgents(AGENTS);

  it('reads agents with substitution sets, plurals and prefix codes', () => {
    expect(roles).toEqual([
      { word: 'harbourmaster', code: 'GOV', plural: 'harbourmasters' },
      { word: 'ferryman', code: 'BUS' },
      { word: 'ferrymen', code: 'BUS' },
      { word: 'ferrywoman', code: 'BUS' },
      { word: 'ferrywomen', code: 'BUS' },
      { word: 'toll collector', code: 'GOVTAX', plural: 'toll collectors' },
      { word: 'tollmen', code: 'GOVTAX' },
      { word: 'relief agency', code: 'NGO', prefix: true, plural: 'relief agencies' },
    ]);
    expect(warnings.map((w) => w.line)).toEqual([8]);
  });

  it('forms regular plurals', () => {
    expect(regularPlural('militia')).toBe('militias');
    expect(regularPlural('spy agency')).toBe('spy agencies');
    expect(regularPlural('boss')).toBe('bosses');
    expect(regularPlural('fisherman')).toBe('fishermen');
  });
});
