import { describe, expect, it } from 'vitest';
import { addMonths, formatDuration, isoWeek, parseAnchor, shiftValue, weekday } from './calendar.js';
import { granularityOf, resolveSeason, resolveWeekday, resolveYearless, shiftValueBy } from './resolve.js';

describe('calendar', () => {
  it('numbers ISO weeks across year ends', () => {
    expect(isoWeek({ y: 2020, m: 1, d: 8 })).toEqual({ year: 2020, week: 2 });
    expect(isoWeek({ y: 2021, m: 1, d: 1 })).toEqual({ year: 2020, week: 53 });
    expect(isoWeek({ y: 2019, m: 12, d: 30 })).toEqual({ year: 2020, week: 1 });
  });

  it('knows weekdays and clamps month arithmetic', () => {
    expect(weekday({ y: 2020, m: 1, d: 8 })).toBe(3);
    expect(addMonths({ y: 2020, m: 1, d: 31 }, 1)).toEqual({ y: 2020, m: 2, d: 29 });
  });

  it('parses anchors from dates and date-times, rejecting impossible ones', () => {
    expect(parseAnchor('2020-01-08T14:35:00Z')).toEqual({ y: 2020, m: 1, d: 8 });
    expect(parseAnchor('19980108')).toEqual({ y: 1998, m: 1, d: 8 });
    expect(parseAnchor('2020-02-30')).toBeNull();
    expect(parseAnchor(null)).toBeNull();
  });

  it('shifts at a unit’s granularity', () => {
    const a = { y: 2020, m: 1, d: 8 };
    expect(shiftValue(a, -1, 'quarter')).toBe('2019-Q4');
    expect(shiftValue(a, -1, 'month')).toBe('2019-12');
    expect(shiftValue(a, -1, 'decade')).toBe('201');
  });

  it('writes durations', () => {
    expect(formatDuration(5, 'day')).toBe('P5D');
    expect(formatDuration(3, 'hour')).toBe('PT3H');
    expect(formatDuration(null, 'year')).toBe('PXY');
    expect(formatDuration(3, 'quarter')).toBe('P9M');
  });
});

describe('resolution', () => {
  const wed = { y: 2020, m: 1, d: 8 };

  it('resolves weekdays by direction and tense', () => {
    expect(resolveWeekday(wed, 5, null, 'past')).toEqual({ y: 2020, m: 1, d: 3 });
    expect(resolveWeekday(wed, 5, null, 'future')).toEqual({ y: 2020, m: 1, d: 10 });
    expect(resolveWeekday(wed, 3, null, null)).toEqual(wed);
    expect(resolveWeekday(wed, 3, 'last', null)).toEqual({ y: 2020, m: 1, d: 1 });
  });

  it('picks the nearest year for a yearless date unless tense says otherwise', () => {
    expect(resolveYearless(wed, 12, 20, null, null)).toBe(2019);
    expect(resolveYearless(wed, 2, 1, null, 'past')).toBe(2020);
    expect(resolveYearless(wed, 6, 1, null, 'past')).toBe(2019);
    expect(resolveYearless(wed, 11, 1, null, 'future')).toBe(2020);
  });

  it('resolves seasons around the current one', () => {
    expect(resolveSeason(wed, 'WI', 'this', null)).toBe('2019-WI');
    expect(resolveSeason(wed, 'SU', 'last', null)).toBe('2019-SU');
    expect(resolveSeason(wed, 'SU', 'next', null)).toBe('2020-SU');
  });

  it('shifts values keeping or dropping their granularity', () => {
    expect(shiftValueBy('1989-Q3', -1, 'year', 'value')).toBe('1988-Q3');
    expect(shiftValueBy('1998-01-08', -1, 'year')).toBe('1997');
    expect(shiftValueBy('2020-01-03', 5, 'day')).toBe('2020-01-08');
  });

  it('names granularities', () => {
    expect(granularityOf('2020-W02')).toBe('week');
    expect(granularityOf('PRESENT_REF')).toBe('ref');
    expect(granularityOf('P5D')).toBe('duration');
    expect(granularityOf('2009/2013')).toBe('range');
    expect(granularityOf('2020-01-08TNI', 'TIME')).toBe('part-of-day');
  });
});
