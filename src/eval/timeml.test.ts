import { describe, expect, it } from 'vitest';
import { findTimexes, type TimexMatch } from '../time/timex.js';
import { parseTimeml, splitYearRanges, writeTimeml } from './timeml.js';
import { compatibleTimexValue, normalizeTimexValue, scoreDoc } from './timex.js';

// A TimeML document written for this test, with the shapes TimeBank and AQUAINT use: the DCT outside <TEXT>,
// attributes in any order, events inside, entities in the text.
const XML = `<?xml version="1.0" ?>
<TimeML>
<DOCID>TEST001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2020-01-08" temporalFunction="false" functionInDocument="CREATION_TIME">20200108</TIMEX3></DCT>
<TITLE>Talks <TIMEX3 tid="t9" type="DATE" value="2020-01-08">today</TIMEX3></TITLE>
<TEXT>
Ministers <EVENT eid="e1" class="OCCURRENCE">met</EVENT> <TIMEX3 type="DATE" tid="t1" value="2020-01-03" functionInDocument="NONE">Friday</TIMEX3> in Oslo &amp; Bergen.
The talks <EVENT eid="e2" class="OCCURRENCE">lasted</EVENT> <TIMEX3 tid='t2' type='DURATION' value='P2D'>two days</TIMEX3>.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST"/>
</TimeML>`;

describe('TimeML reader', () => {
  const doc = parseTimeml(XML);

  it('reads the document id and the creation time', () => {
    expect(doc.id).toBe('TEST001');
    expect(doc.dct).toBe('2020-01-08');
  });

  it('strips tags and decodes entities, keeping timex offsets into the plain text', () => {
    expect(doc.text).toBe('\nMinisters met Friday in Oslo & Bergen.\nThe talks lasted two days.\n');
    expect(doc.timexes).toHaveLength(2);
    for (const t of doc.timexes) expect(doc.text.slice(t.start, t.end)).toBe(t.text);
    expect(doc.timexes[0]).toMatchObject({ text: 'Friday', tid: 't1', type: 'DATE', value: '2020-01-03' });
    expect(doc.timexes[1]).toMatchObject({ text: 'two days', type: 'DURATION', value: 'P2D' });
  });

  it('writes TimeML that reads back to the same spans', () => {
    const xml = writeTimeml(doc, [{ start: 15, end: 21, value: '2020-01-03', type: 'DATE' }]);
    const again = parseTimeml(xml);
    expect(again.text).toBe(doc.text);
    expect(again.dct).toBe('2020-01-08');
    expect(again.timexes).toEqual([
      { start: 15, end: 21, text: 'Friday', tid: 't1', type: 'DATE', value: '2020-01-03' },
    ]);
  });
});

describe('timex scoring', () => {
  const gold = [
    { start: 0, end: 6, text: 'Friday', tid: 't1', type: 'DATE', value: '2020-01-03' },
    { start: 20, end: 28, text: 'two days', tid: 't2', type: 'DURATION', value: 'P2D' },
    { start: 40, end: 44, text: '1998', tid: 't3', type: 'DATE', value: '1998' },
  ];
  const p = (start: number, end: number, value: string) => ({
    start,
    end,
    text: '',
    value,
    granularity: 'day' as const,
    type: 'DATE' as const,
    rule: 'test',
  });

  it('pairs overlapping expressions one to one and counts exact spans', () => {
    const score = scoreDoc(gold, [p(0, 6, '2020-01-03'), p(16, 28, 'P2D'), p(50, 54, '2001')]);
    expect(score.pairs).toHaveLength(2);
    expect(score.exact).toBe(1);
    expect(score.missed.map((g) => g.text)).toEqual(['1998']);
    expect(score.spurious).toHaveLength(1);
  });

  it('treats equivalent notations of a value as equal', () => {
    expect(normalizeTimexValue('2000-W7')).toBe(normalizeTimexValue('2000-W07'));
    expect(normalizeTimexValue('1949-XX')).toBe('1949');
    expect(normalizeTimexValue('199X')).toBe('199');
    expect(normalizeTimexValue('1989-10-27T17')).toBe('1989-10-27T17:00');
    expect(normalizeTimexValue('1989-WXX')).not.toBe(normalizeTimexValue('1989-W42'));
  });

  it('spells a known number of quarters, decades, centuries and millennia in months or years, and whole days in hours', () => {
    expect(normalizeTimexValue('P2Q')).toBe(normalizeTimexValue('P6M'));
    expect(normalizeTimexValue('P1DE')).toBe('P10Y');
    expect(normalizeTimexValue('P3CE')).toBe('P300Y');
    expect(normalizeTimexValue('P2L')).toBe('P2000Y');
    expect(normalizeTimexValue('P1E')).toBe('P10Y');
    expect(normalizeTimexValue('PT24H')).toBe(normalizeTimexValue('P1D'));
    expect(normalizeTimexValue('PT72H')).toBe('P3D');
    expect(normalizeTimexValue('PT36H')).toBe('PT36H');
    expect(normalizeTimexValue('P2C')).toBe('P200Y');
    // TimeML's and TIMEX2's spellings of an unknown number of decades or centuries are one value.
    expect(normalizeTimexValue('PXCE')).toBe(normalizeTimexValue('PXC'));
    expect(normalizeTimexValue('PXDE')).toBe(normalizeTimexValue('PXE'));
    expect(normalizeTimexValue('PXE')).not.toBe(normalizeTimexValue('PXC'));
    // Vague amounts stay in their own unit: "decades" is not "years".
    expect(normalizeTimexValue('PXDE')).not.toBe(normalizeTimexValue('PXY'));
  });

  it('counts a value that fills in the gold’s unknown parts as compatible, apart from equal', () => {
    expect(compatibleTimexValue('1989-W42', '1989-WXX')).toBe(true);
    expect(compatibleTimexValue('1998-W43', '1998-10-XX')).toBe(false);
    expect(compatibleTimexValue('1990-W42', '1989-WXX')).toBe(false);
  });
});

describe('TimeML view of year ranges', () => {
  const range = (text: string, start: number): TimexMatch => {
    const [match] = findTimexes(text, '2020-01-08').filter((t) => t.start >= start);
    if (!match) throw new Error(`no timex in ${text}`);
    return match;
  };

  it('splits a range into its two endpoint years, each over its own digits', () => {
    const text = 'Output fell between 2009 and 2013, the ministry said.';
    const t = range(text, 0);
    expect(t.value).toBe('2009/2013');
    const [a, b] = splitYearRanges([t]);
    expect([a?.value, b?.value]).toEqual(['2009', '2013']);
    expect([text.slice(a?.start, a?.end), text.slice(b?.start, b?.end)]).toEqual(['2009', '2013']);
  });

  it('reads a two-digit second year and leaves other timexes alone', () => {
    const text = 'He governed in 1994-97 and resigned on Friday.';
    const found = findTimexes(text, '2020-01-08');
    const split = splitYearRanges(found);
    expect(split.map((t) => [t.text, t.value])).toEqual([
      ['1994', '1994'],
      ['97', '1997'],
      ...found.slice(1).map((t) => [t.text, t.value]),
    ]);
  });
});
