import { describe, expect, it } from 'vitest';
import { dateInUrl, makeDay, parseDate, parseStamp } from './dates.js';

const latest = new Date('2024-01-01T00:00:00Z');

describe('parseDate', () => {
  it.each([
    ['Published 2020-01-08T10:00:00+01:00', '2020-01-08'],
    ['2019/12/31', '2019-12-31'],
    ['Stand: 28.04.2020 18:00 Uhr', '2020-04-28'],
    ['1.2.2021', '2021-02-01'],
    ['08.01.20', '2020-01-08'],
    ['January 8, 2020', '2020-01-08'],
    ['Jan. 8th 2020', '2020-01-08'],
    ['8 January 2020', '2020-01-08'],
    ['Dienstag, 01. Februar 2022 12:10', '2022-02-01'],
    ['17. März 2021', '2021-03-17'],
    ['Le 19 février 2020', '2020-02-19'],
    ['3 de mayo de 2022', '2022-05-03'],
    ['12 stycznia 2021', '2021-01-12'],
    ['5 Jänner 2019', '2019-01-05'],
  ])('%s → %s', (text, day) => {
    expect(parseDate(text, { latest })).toBe(day);
  });

  it('takes the first date in the text', () => {
    expect(parseDate('Updated 9 March 2021, first published 2 March 2021', { latest })).toBe('2021-03-09');
  });

  it('reads ambiguous slashed dates day first unless told the page is American', () => {
    expect(parseDate('03/04/2020', { latest })).toBe('2020-04-03');
    expect(parseDate('03/04/2020', { latest, monthFirst: true })).toBe('2020-03-04');
    expect(parseDate('13/04/2020', { latest, monthFirst: true })).toBe('2020-04-13');
  });

  it('refuses impossible and implausible dates', () => {
    expect(parseDate('31.02.2020', { latest })).toBeNull();
    expect(parseDate('12 May 1990', { latest })).toBeNull();
    expect(parseDate('1 January 2030', { latest })).toBeNull();
    expect(parseDate('no date here, only 2020', { latest })).toBeNull();
  });
});

describe('parseStamp', () => {
  it('keeps the calendar day an ISO stamp states, whatever its zone', () => {
    expect(parseStamp('2020-01-08T23:30:00-05:00', { latest })).toBe('2020-01-08');
    expect(parseStamp('20200108', { latest })).toBe('2020-01-08');
  });

  it('reads Unix seconds and milliseconds', () => {
    expect(parseStamp('1578441600', { latest })).toBe('2020-01-08');
    expect(parseStamp('1578441600000', { latest })).toBe('2020-01-08');
  });

  it('falls back to written dates', () => {
    expect(parseStamp('Wed, 08 Jan 2020 10:00:00 GMT', { latest })).toBe('2020-01-08');
  });
});

describe('dateInUrl', () => {
  it.each([
    ['https://example.com/2020/01/08/some-story', '2020-01-08'],
    ['https://example.com/news/2020-01-08-some-story.html', '2020-01-08'],
    ['https://example.com/a/20200108/story', '2020-01-08'],
    ['https://example.com/meldungen/29-10-2021', '2021-10-29'],
    ['https://example.com/aktuelles/08112021-fachtag', '2021-11-08'],
  ])('%s → %s', (url, day) => {
    expect(dateInUrl(url, { latest })).toBe(day);
  });

  it('needs a full day', () => {
    expect(dateInUrl('https://example.com/2020/01/story', { latest })).toBeNull();
    expect(dateInUrl('https://example.com/item/12345678', { latest })).toBeNull();
  });
});

describe('makeDay', () => {
  it('checks the calendar and the plausible range', () => {
    expect(makeDay(2020, 2, 29, { latest })).toBe('2020-02-29');
    expect(makeDay(2021, 2, 29, { latest })).toBeNull();
    expect(makeDay(1994, 12, 31, { latest })).toBeNull();
  });
});
