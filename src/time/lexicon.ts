// English words for time: month and weekday names, number words, units, seasons, parts of the day, and the
// regular-expression fragments the timex rules are built from.

import type { Unit } from './calendar.js';

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/**
 * Lower-case month name or abbreviation (without its full stop) → 1…12; also the English part of the web-page
 * date reader's table (ingest/html/dates.ts).
 */
export const MONTHS = new Map<string, number>();
MONTH_NAMES.forEach((name, i) => {
  MONTHS.set(name, i + 1);
  MONTHS.set(name.slice(0, 3), i + 1);
});
MONTHS.set('sept', 9);

export function monthNumber(word: string): number | undefined {
  return MONTHS.get(word.toLowerCase().replace(/\.$/, ''));
}

/** Full names, then abbreviations with a full stop (Jan., Sept.) and without (Jan, Sep). "May" is full-length. */
export const MONTH_RE =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|' +
  '(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?)';

const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** Lower-case weekday name → 0 (Sunday) … 6. */
export function weekdayNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  const i = WEEKDAY_NAMES.findIndex((name) => name === w || (w.length >= 3 && name.startsWith(w)));
  return i < 0 ? undefined : i;
}

export const WEEKDAY_RE = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';

const SMALL: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  dozen: 12,
  half: 0.5,
};

const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const UNITS_WORDS = 'one|two|three|four|five|six|seven|eight|nine';
const TEENS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';

/** A cardinal in words ("twenty-four", "a", "two") or digits ("14", "1.5"). */
export const NUMBER_RE = `(?:\\d+(?:\\.\\d+|\\s+1/2)?|(?:${TENS})(?:[- ](?:${UNITS_WORDS}))?|${TEENS}|${UNITS_WORDS}|(?:a )?couple of|a|an|a dozen|a half|half a|hundred|a hundred)`;

/**
 * A year read aloud, as broadcast transcripts write it: "nineteen ninety-four", "nineteen oh five", "two thousand
 * and one". "nineteen" alone is a number, so a spoken year needs its second part, except "two thousand".
 */
export const SPOKEN_YEAR_RE = `(?:nineteen[- ](?:(?:${TENS})(?:[- ](?:${UNITS_WORDS}))?|${TEENS}|oh[- ](?:${UNITS_WORDS}))|two thousand(?:[- ](?:and\\s+)?(?:(?:${TENS})(?:[- ](?:${UNITS_WORDS}))?|${TEENS}|${UNITS_WORDS}))?)`;

/** The year a SPOKEN_YEAR_RE match stands for, or null. */
export function spokenYearValue(text: string): number | null {
  const m = /^(nineteen|two thousand)(?:[- ](?:and\s+)?(?:oh[- ])?(.+))?$/i.exec(text.trim());
  if (!m) return null;
  const rest = m[2] ? numberValue(m[2]) : 0;
  if (rest === null || rest >= 100) return null;
  return (m[1]?.toLowerCase() === 'nineteen' ? 1900 : 2000) + rest;
}

/** Vague amounts that make an unspecified duration (PXY). */
export const VAGUE_RE = '(?:several|a few|few|many|some|a number of|numerous)';

/** The number a NUMBER_RE match stands for, or null for a vague amount. */
export function numberValue(text: string): number | null {
  const t = text.toLowerCase().trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  const half = /^(\d+)\s+1\/2$/.exec(t);
  if (half) return Number(half[1]) + 0.5;
  if (t === 'a dozen') return 12;
  if (t === 'a couple of' || t === 'couple of') return 2;
  if (t === 'a half' || t === 'half a') return 0.5;
  if (t === 'a hundred') return 100;
  let total = 0;
  for (const part of t.split(/[- ]/)) {
    const v = SMALL[part];
    if (v === undefined) return null;
    total += v;
  }
  return total;
}

/** Unit words (singular, plural, hyphenated adjective forms) → unit. */
export function unitOf(word: string): Unit | undefined {
  const w = word.toLowerCase().replace(/s$/, '');
  switch (w) {
    case 'century':
    case 'centurie':
      return 'century';
    case 'decade':
      return 'decade';
    case 'year':
    case 'yr':
      return 'year';
    case 'quarter':
      return 'quarter';
    case 'month':
      return 'month';
    case 'week':
      return 'week';
    case 'day':
      return 'day';
    case 'hour':
    case 'hr':
      return 'hour';
    case 'minute':
    case 'min':
      return 'minute';
    case 'second':
      return 'second';
    default:
      return undefined;
  }
}

export const UNIT_RE = '(?:centur(?:y|ies)|decades?|years?|quarters?|months?|weeks?|days?|hours?|minutes?)';

/** TIMEX3 season codes. */
export const SEASONS: Record<string, string> = {
  spring: 'SP',
  summer: 'SU',
  fall: 'FA',
  autumn: 'FA',
  winter: 'WI',
};

/** TIMEX3 parts of the day. */
export const PARTS_OF_DAY: Record<string, string> = {
  morning: 'MO',
  afternoon: 'AF',
  evening: 'EV',
  night: 'NI',
};

export const ORDINALS: Record<string, number> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
};
