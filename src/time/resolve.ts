// Resolution of underspecified dates against the article's date: which Friday, which January 3, which summer,
// which quarter, and shifting a TIMEX3 value by an offset ("a year earlier" than 1989-Q3 is 1988-Q3).

import {
  addDays,
  addMonths,
  formatDay,
  formatMonth,
  formatWeek,
  formatYear,
  pad,
  quarterOf,
  shiftDate,
  toEpochDay,
  type Unit,
  weekday,
  type Ymd,
} from './calendar.js';
import type { Tense } from './context.js';

export type Direction = 'last' | 'next' | 'this' | null;

/**
 * The date of a weekday named in text. "last"/"next" step strictly back/forward; a bare weekday is the anchor
 * itself when it is that day, else the one before (news reports the past) unless the clause is future.
 */
export function resolveWeekday(anchor: Ymd, dow: number, direction: Direction, tense: Tense): Ymd {
  const today = weekday(anchor);
  const back = (today - dow + 7) % 7;
  const forward = (dow - today + 7) % 7;
  if (direction === 'last') return addDays(anchor, -(back === 0 ? 7 : back));
  if (direction === 'next') return addDays(anchor, forward === 0 ? 7 : forward);
  if (back === 0) return anchor;
  if (direction === 'this') return tense === 'past' ? addDays(anchor, -back) : addDays(anchor, forward);
  return tense === 'future' ? addDays(anchor, forward) : addDays(anchor, -back);
}

/** Picks a year for a month (and day) given without one: the nearest such date in the clause's direction. */
export function resolveYearless(
  anchor: Ymd,
  m: number,
  d: number | null,
  direction: Direction,
  tense: Tense,
): number {
  const probe = (y: number) => toEpochDay({ y, m, d: d ?? 15 });
  const today = toEpochDay(anchor);
  const sameMonth = anchor.m === m && d === null;
  // "last February" said in March is not the month just ended ("last month" says that) but the one a year before.
  const justEnded = d === null && m === (anchor.m === 1 ? 12 : anchor.m - 1);
  if (direction === 'last' && justEnded) return anchor.m === 1 ? anchor.y - 2 : anchor.y - 1;
  if (direction === 'last') return sameMonth || probe(anchor.y) >= today ? anchor.y - 1 : anchor.y;
  if (direction === 'next') return sameMonth || probe(anchor.y) <= today ? anchor.y + 1 : anchor.y;
  if (direction === 'this' || sameMonth) return anchor.y;
  // The nearest such date; a past tense overrides only a pick more than three months ahead ("payable
  // Dec. 15" in October is this December even though the sentence says "said").
  let best = anchor.y;
  for (const y of [anchor.y - 1, anchor.y + 1])
    if (Math.abs(probe(y) - today) < Math.abs(probe(best) - today)) best = y;
  if (tense === 'past' && probe(best) > today + 90) best--;
  // With no cue at all news tells what has happened: a month more than two months ahead is last year's.
  if (tense === null && probe(best) > today + 60) best--;
  // A future clause ("will be reviewed on Nov. 1") is a stronger cue than a reporting verb in the past.
  if (tense === 'future' && probe(best) < today - 7) best++;
  return best;
}

const SEASON_ORDER = ['SP', 'SU', 'FA', 'WI'] as const;

/** Season instance index: spring = 0 of year y … winter (December y to February y+1) = 3. */
function seasonIndexOf(date: Ymd): number {
  if (date.m === 12) return date.y * 4 + 3;
  if (date.m <= 2) return (date.y - 1) * 4 + 3;
  return date.y * 4 + Math.floor((date.m - 3) / 3);
}

/** YYYY-SU etc.: "this summer" is this year's; "last fall" the one before the current season; bare by tense. */
export function resolveSeason(anchor: Ymd, code: string, direction: Direction, tense: Tense): string {
  const s = SEASON_ORDER.indexOf(code as (typeof SEASON_ORDER)[number]);
  const current = seasonIndexOf(anchor);
  const currentYear = Math.floor(current / 4);
  let index: number;
  if (direction === 'last') {
    index = currentYear * 4 + s;
    while (index >= current) index -= 4;
  } else if (direction === 'next') {
    index = currentYear * 4 + s;
    while (index <= current) index += 4;
  } else {
    // "this summer" in January is the coming one; "this winter" in January the current one.
    index = current % 4 === s ? current : anchor.y * 4 + s;
    if (direction !== 'this') {
      if (tense === 'past' && index > current) index -= 4;
      if (tense === 'future' && index < current) index += 4;
    }
  }
  return `${formatYear(Math.floor(index / 4))}-${SEASON_ORDER[index % 4]}`;
}

/** The year of a quarter named without one: the anchor's, or the year before when that quarter is yet to come. */
export function resolveQuarterYear(anchor: Ymd, q: number, tense: Tense): number {
  return q > quarterOf(anchor.m) && tense !== 'future' ? anchor.y - 1 : anchor.y;
}

export type Granularity =
  | 'century'
  | 'decade'
  | 'year'
  | 'half'
  | 'quarter'
  | 'season'
  | 'month'
  | 'week'
  | 'weekend'
  | 'day'
  | 'part-of-day'
  | 'time'
  | 'ref'
  | 'duration'
  | 'set'
  | 'range';

/** The granularity a TIMEX3 value is stated at. */
export function granularityOf(value: string, type = 'DATE'): Granularity {
  if (type === 'SET') return 'set';
  if (value.endsWith('_REF')) return 'ref';
  if (value.startsWith('P')) return 'duration';
  if (value.includes('/')) return 'range';
  if (/T\d/.test(value)) return 'time';
  if (/T[A-Z]{2}$/.test(value)) return 'part-of-day';
  if (/^\d{4}-W\d\d-WE$/.test(value)) return 'weekend';
  if (/^\d{4}-W\d\d$/.test(value)) return 'week';
  if (/^\d{4}-\d\d-\d\d$/.test(value)) return 'day';
  if (/^\d{4}-\d\d$/.test(value)) return 'month';
  if (/^\d{4}-Q\d$/.test(value)) return 'quarter';
  if (/^\d{4}-H\d$/.test(value)) return 'half';
  if (/^\d{4}-(SP|SU|FA|WI)$/.test(value)) return 'season';
  if (/^\d{4}$/.test(value)) return 'year';
  if (/^\d{3}$/.test(value)) return 'decade';
  if (/^\d{2}$/.test(value)) return 'century';
  return 'day';
}

/** A representative date inside a DATE value (its first day), or null for values without one. */
export function dateOfValue(value: string): Ymd | null {
  let m = /^(\d{4})-(\d\d)-(\d\d)/.exec(value);
  if (m) return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  m = /^(\d{4})-W(\d\d)/.exec(value);
  if (m) {
    const jan4 = { y: Number(m[1]), m: 1, d: 4 };
    const monday = addDays(jan4, -((weekday(jan4) + 6) % 7));
    return addDays(monday, 7 * (Number(m[2]) - 1));
  }
  m = /^(\d{4})-(\d\d)$/.exec(value);
  if (m) return { y: Number(m[1]), m: Number(m[2]), d: 1 };
  m = /^(\d{4})-Q(\d)$/.exec(value);
  if (m) return { y: Number(m[1]), m: (Number(m[2]) - 1) * 3 + 1, d: 1 };
  m = /^(\d{4})-H(\d)$/.exec(value);
  if (m) return { y: Number(m[1]), m: Number(m[2]) === 1 ? 1 : 7, d: 1 };
  m = /^(\d{4})(?:-(SP|SU|FA|WI))?$/.exec(value);
  if (m) {
    const month = { SP: 3, SU: 6, FA: 9, WI: 12 }[m[2] ?? ''] ?? 1;
    return { y: Number(m[1]), m: month, d: 1 };
  }
  return null;
}

/**
 * Shifts a DATE value by `n` units. Stated at the unit ("a year ago" from 1998-01-08 is 1997) or at the value's
 * own granularity ("a year earlier" than 1989-Q3 is 1988-Q3), whichever the caller asks for.
 */
export function shiftValueBy(
  value: string,
  n: number,
  unit: Unit,
  at: 'unit' | 'value' = 'unit',
): string | null {
  const date = dateOfValue(value);
  if (!date) return null;
  const g = granularityOf(value);
  const target = shiftDate(date, n, unit);
  const out: Unit | Granularity = at === 'unit' ? unit : g;
  switch (out) {
    case 'century':
      return pad(Math.floor(target.y / 100), 2);
    case 'decade':
      return pad(Math.floor(target.y / 10), 3);
    case 'year':
      return formatYear(target.y);
    case 'season':
    case 'half':
      return `${formatYear(target.y)}${value.slice(4)}`;
    case 'quarter':
      return `${formatYear(target.y)}-Q${quarterOf(target.m)}`;
    case 'month':
      return formatMonth(target.y, target.m);
    case 'week':
      return formatWeek(target);
    case 'day':
      return formatDay(target);
    default:
      return null;
  }
}

/** The anchor's month shifted by n (for "last month" and the like). */
export function monthFrom(anchor: Ymd, n: number): string {
  const t = addMonths({ ...anchor, d: 1 }, n);
  return formatMonth(t.y, t.m);
}
