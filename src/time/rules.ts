// The timex rules: regular expressions for the date and time expressions of news text, each with the function
// that turns a match into a TIMEX3 value (or leaves it to the second pass when it hangs on another expression).

import {
  addDays,
  formatDay,
  formatDuration,
  formatMonth,
  formatWeek,
  formatYear,
  pad,
  quarterOf,
  shiftValue,
  type Unit,
  type Ymd,
} from './calendar.js';
import { sentenceBounds, type Tense } from './context.js';
import {
  MONTH_RE,
  monthNumber,
  NUMBER_RE,
  numberValue,
  ORDINALS,
  PARTS_OF_DAY,
  SEASONS,
  SPOKEN_YEAR_RE,
  spokenYearValue,
  UNIT_RE,
  unitOf,
  VAGUE_RE,
  WEEKDAY_RE,
  weekdayNumber,
} from './lexicon.js';
import {
  type Direction,
  dateOfValue,
  monthFrom,
  resolveQuarterYear,
  resolveSeason,
  resolveWeekday,
  resolveYearless,
} from './resolve.js';

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

/** An expression whose value depends on another expression, settled in the second pass. */
export type Deferred =
  /** "five days after <date>": shifted from the date that follows, or the date of its own sentence. */
  | { kind: 'anchored'; amount: number | null; unit: Unit; sign: 1 | -1 }
  /**
   * "a year earlier": shifted from the last date mentioned, or from the article date. With amount 0 ("that year",
   * "later that day") it is the last date mentioned itself, at the unit named.
   */
  | { kind: 'earlier'; amount: number; unit: Unit; sign: 1 | -1 }
  /** "a year ago": shifted from the article date, at the granularity of a quarter named just before. */
  | { kind: 'ago'; amount: number; unit: Unit }
  /**
   * "the 1988 quarter", "last year's quarter", "the year-ago period": the quarter the report is about, in the
   * year stated or `back` years before it; the value already set stands when no quarter is named nearby.
   */
  | { kind: 'period'; year: number | null; back: number }
  /** "the previous Friday": that weekday before (or after) the date last mentioned; the anchor's otherwise. */
  | { kind: 'weekday'; dow: number; sign: 1 | -1 };

export interface Candidate {
  start: number;
  end: number;
  value: string;
  type: TimexType;
  rule: string;
  deferred?: Deferred;
}

export interface RuleContext {
  text: string;
  anchor: Ymd | null;
  tense(start: number, end: number): Tense;
  /** The tense of the event around [start, end), reporting verbs ("said") left out. */
  eventTense(start: number, end: number): Tense;
}

type Made = { value: string; type?: TimexType; deferred?: Deferred; start?: number; end?: number } | null;

interface Rule {
  name: string;
  /** What every match contains: a text without it skips the rule (a cheap scan before the costly one). */
  gate?: RegExp;
  re: RegExp;
  make(m: RegExpExecArray, ctx: RuleContext, span: { start: number; end: number }): Made;
}

const B = '(?<![\\w$£€#.-])';
const E = '(?![\\w])';
const APPROX =
  '(?:(?:about|around|approximately|roughly|nearly|almost|some|over|more than|less than|at least|up to|just|only|barely|well over)\\s+)?';
const FULL_MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const YEAR = '(?:1[6-9]\\d\\d|20\\d\\d)';
const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
const MOD =
  '(?:(early|mid|late|the end of|the beginning of|the start of|the middle of|the first half of|the second half of)[- ]\\s*)?';
const PART = '(morning|afternoon|evening|night)';

const rx = (source: string, flags = 'g') => new RegExp(source, flags);

/** Alternatives that may open a sentence: each word also with a capital first letter ("in" and "In"). */
const either = (...words: string[]) =>
  words.map((w) => (/^[a-z]/.test(w) ? `[${w[0]?.toUpperCase()}${w[0]}]${w.slice(1)}` : w)).join('|');

const lower = (s: string | undefined) => (s ?? '').toLowerCase();

function direction(word: string | undefined): Direction {
  const w = lower(word).trim();
  if (w === 'last' || w === 'past' || w === 'previous' || w === 'this past') return 'last';
  if (w === 'next' || w === 'coming' || w === 'following') return 'next';
  if (w === 'this' || w === 'current') return 'this';
  return null;
}

function dayValid(y: number, m: number, d: number): boolean {
  return d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

// Counted things that make a four-digit number a quantity rather than a year ("2000 troops").
const COUNT_NOUNS =
  /^\s+(?:people|persons|troops|soldiers|men|women|children|workers|employees|jobs|shares|tons|tonnes|barrels|dollars|marks|yen|francs|pounds|euros|members|cases|deaths|votes|feet|foot|miles|meters|metres|kilometers|kilometres|acres|points|homes|houses|cars|vehicles|units|residents|refugees|students|police|officers|passengers|civilians|prisoners|delegates|fans|copies|pages|words|rooms|beds|cattle|sheep|head|hectares|stores|planes|aircraft|ships|guns|rounds|rockets|missiles|square|cubic|percent|calories|degrees|employees|customers|patients|others|more|of\s+(?:the|them|whom|which|these|those))\b/i;

/** A four-digit year standing alone: not an amount ($1990, 1,990, 1990 troops), not part of a longer number. */
function yearOk(text: string, start: number, end: number): boolean {
  if (/[\d,$£€#/:.]/.test(text[start - 1] ?? ' ')) return false;
  const after = text.slice(end, end + 40);
  if (
    /^(?:[.,:]\d|\d|%|-\d\d\d|\s*percent\b|\s*(?:a\.m|p\.m|am\b|pm\b|GMT|EST|EDT|local time|hours\b|hrs\b))/i.test(
      after,
    )
  )
    return false;
  return !COUNT_NOUNS.test(after);
}

const monthDay = (
  ctx: RuleContext,
  m: number,
  d: number,
  dir: Direction,
  at: { start: number; end: number },
) => {
  if (!ctx.anchor) return null;
  // The event's own tense first: a reporting verb ("…Feb. 1, the bank said") dates the report, not the date.
  const tense = ctx.eventTense(at.start, at.end) ?? ctx.tense(at.start, at.end);
  const y = resolveYearless(ctx.anchor, m, d, dir, tense);
  return dayValid(y, m, d) ? formatDay({ y, m, d }) : null;
};

const num = (s: string | undefined) => Number.parseInt(s ?? '', 10);

// Words that put what follows them ahead of the moment they were said: plans, agreements, deadlines.
const AHEAD =
  /\b(?:will|would|shall|could|may|might|'ll|to be|plans?|planned|planning|slated|scheduled|expected|expects?|due|set to|decided to|agreed to|intends?|aims?|hopes?|until|by|through|next|coming|upcoming|deadline|effective)\b/i;

// News tells a scheduled event in the present tense ("Arafat meets Albright Monday", "the talks resume on
// Tuesday"): such a verb just before a weekday, not as a noun ("the close Thursday"), points ahead.
const SCHEDULED_PRESENT =
  /(?<!\b(?:the|a|an|its|their|his|her|of|to|did|would)\s)\b(?:meets?|visits?|travels?|leaves?|begins?|starts?|resumes?|votes?|arrives?|convenes?|reconvenes?|flies)(?:\s+\w+ly)?(?:\s+\w+){0,2}?(?:\s+on)?\s+$/i;

/** Whether the sentence around [start, end) speaks of something still to come. */
function lookingAhead(text: string, start: number, end: number): boolean {
  const s = sentenceBounds(text, start, end);
  // A relative clause after the expression ("…, who will remain chairman") speaks of someone, not of it.
  const after = text.slice(end, s.end);
  const relative = /,\s+(?:who|which|whose|whom)\b/i.exec(after);
  return AHEAD.test(text.slice(s.start, relative ? end + relative.index : s.end));
}

/** Quarters as TIMEX3: YYYY-Qn, with the year given, implied by "last year's", or the anchor's. */
function quarterValue(
  ctx: RuleContext,
  q: number,
  yearWord: string | undefined,
  at: { start: number; end: number },
) {
  const y = lower(yearWord).trim();
  if (/^\d{4}$/.test(y)) return `${y}-Q${q}`;
  if (!ctx.anchor) return null;
  if (/last|previous|year-earlier|year-ago|prior/.test(y)) return `${formatYear(ctx.anchor.y - 1)}-Q${q}`;
  if (/next/.test(y)) return `${formatYear(ctx.anchor.y + 1)}-Q${q}`;
  if (/this|current/.test(y)) return `${formatYear(ctx.anchor.y)}-Q${q}`;
  return `${formatYear(resolveQuarterYear(ctx.anchor, q, ctx.tense(at.start, at.end)))}-Q${q}`;
}

const lastCompletedQuarter = (a: Ymd, back = 1) =>
  shiftValue({ ...a, m: (quarterOf(a.m) - 1) * 3 + 1 }, -back, 'quarter');

const PART_CODE = (word: string | undefined) => PARTS_OF_DAY[lower(word)] ?? 'NI';

const POSTPONED = /\b(?:postpone|delay|extend|adjourn|defer|suspend|put off|push(?:ed)? back)\w*\b/i;

/** What makes a weekday before it recurring too: "(Monday) and Tuesday nights", "(Monday) or Fridays". */
const RECURRING_NEXT = new RegExp(`^\\s+(?:and|or)\\s+${WEEKDAY_RE}(?:s|\\s+${PART}s)${E}`);

export const RULES: Rule[] = [
  // ---- Absolute dates --------------------------------------------------------------------------------------
  {
    name: 'month-day-year',
    re: rx(`${B}(${MONTH_RE})\\s+(${DAY}),?\\s+(${YEAR})${E}`),
    make: (m) => {
      const mo = monthNumber(m[1] as string) as number;
      const d = num(m[2]);
      const y = num(m[3]);
      return dayValid(y, mo, d) ? { value: formatDay({ y, m: mo, d }) } : null;
    },
  },
  {
    name: 'day-month-year',
    re: rx(`${B}(${DAY})\\s+(?:of\\s+)?(${MONTH_RE}),?\\s+(${YEAR})${E}`),
    make: (m) => {
      const mo = monthNumber(m[2] as string) as number;
      const d = num(m[1]);
      const y = num(m[3]);
      return dayValid(y, mo, d) ? { value: formatDay({ y, m: mo, d }) } : null;
    },
  },
  {
    name: 'iso-date',
    re: rx(`${B}(${YEAR})-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])${E}`),
    make: (m) => ({ value: `${m[1]}-${m[2]}-${m[3]}` }),
  },
  {
    name: 'numeric-date',
    re: rx(`${B}(0?[1-9]|1[0-2])/(0?[1-9]|[12]\\d|3[01])/(\\d{4}|\\d{2})${E}`),
    make: (m) => {
      let y = num(m[3]);
      if (y < 100) y += y < 50 ? 2000 : 1900;
      const mo = num(m[1]);
      const d = num(m[2]);
      return dayValid(y, mo, d) ? { value: formatDay({ y, m: mo, d }) } : null;
    },
  },
  {
    name: 'month-year',
    re: rx(`${B}${MOD}(${MONTH_RE})(?:\\s+of)?,?\\s+(${YEAR}|${SPOKEN_YEAR_RE})${E}`, 'gi'),
    make: (m) => {
      if (!/^[A-Z]/.test(m[2] as string)) return null;
      const y = /^\d/.test(m[3] as string) ? num(m[3]) : spokenYearValue(m[3] as string);
      return y === null ? null : { value: formatMonth(y, monthNumber(m[2] as string) as number) };
    },
  },
  {
    name: 'month-this-year',
    re: rx(`${B}${MOD}(${MONTH_RE})(?:\\s+of)?\\s+(this|last|next) year${E}`),
    make: (m, ctx) => {
      if (!ctx.anchor) return null;
      const n = lower(m[3]) === 'last' ? -1 : lower(m[3]) === 'next' ? 1 : 0;
      return { value: formatMonth(ctx.anchor.y + n, monthNumber(m[2] as string) as number) };
    },
  },
  {
    name: 'year-range',
    re: rx(
      `${B}(?:between\\s+(${YEAR})\\s+and\\s+(${YEAR})|from\\s+(${YEAR})\\s+(?:to|until|till|through)\\s+(${YEAR})|(${YEAR})\\s*[-–]\\s*(${YEAR}|\\d\\d))${E}`,
    ),
    make: (m) => {
      const a = m[1] ?? m[3] ?? m[5];
      let b = m[2] ?? m[4] ?? m[6];
      if (!a || !b) return null;
      if (b.length === 2) b = a.slice(0, 2) + b;
      return Number(b) > Number(a) ? { value: `${a}/${b}` } : null;
    },
  },
  {
    name: 'year',
    re: rx(
      `${B}(?:(?:pre|post)-)?${MOD}(?:(?:(?:fiscal|calendar|the year|model|the)\\s+)?)(${YEAR})(?:'s)?(?!\\s*[-–]\\s*\\d)${E}`,
      'gi',
    ),
    make: (m, ctx, span) => {
      const digits = m[2] as string;
      const at = span.start + m[0].lastIndexOf(digits);
      if (!yearOk(ctx.text, at, at + 4)) return null;
      // "the 1990" is only a year when what follows is not a noun it counts; keep "the" out of the span.
      const lead = /^the\s+/i.test(m[0]) && !/^the year/i.test(m[0]);
      return { value: digits, ...(lead ? { start: at } : {}), end: at + 4 };
    },
  },
  {
    name: 'spoken-year',
    gate: /nineteen|two thousand/i,
    re: rx(`${B}(?:(?:the\\s+)?year\\s+)?(${SPOKEN_YEAR_RE})${E}`, 'gi'),
    make: (m) => {
      const y = spokenYearValue(m[1] as string);
      // "two thousand" alone is a year only after "the year".
      if (y === null || (y === 2000 && /^two thousand$/i.test(m[1] as string) && !/year/i.test(m[0])))
        return null;
      return { value: formatYear(y) };
    },
  },
  {
    name: 'decade',
    gate: /\d0['’]?s/,
    re: rx(`${B}(?:the\\s+)?(?:(early|mid|late)[- ])?(?:(1[6-9]\\d0|20\\d0)|'(\\d0))'?s${E}`, 'gi'),
    make: (m, ctx) => {
      if (m[2]) return { value: m[2].slice(0, 3) };
      const yy = num(m[3]);
      const refYear = ctx.anchor?.y ?? 1999;
      let century = Math.floor(refYear / 100) * 100;
      if (century + yy > refYear) century -= 100;
      return { value: String((century + yy) / 10) };
    },
  },
  {
    // "the nineties", "the early seventies": the decade of the century before the anchor's year (or its own).
    name: 'decade-word',
    gate: /ties\b/i,
    re: rx(
      `${B}the\\s+(?:(early|mid|late)[- ])?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)${E}`,
      'gi',
    ),
    make: (m, ctx) => {
      const tens = numberValue((m[2] as string).replace(/ies$/i, 'y')) as number;
      const refYear = ctx.anchor?.y ?? 1999;
      let century = Math.floor(refYear / 100) * 100;
      if (century + tens > refYear) century -= 100;
      return { value: String((century + tens) / 10) };
    },
  },
  {
    name: 'century',
    gate: /century/i,
    re: rx(`${B}(?:the\\s+)?(?:(early|mid|late)[- ])?(\\d{1,2})(?:st|nd|rd|th)[- ]century${E}`, 'gi'),
    make: (m) => ({ value: pad(num(m[2]) - 1, 2) }),
  },
  {
    name: 'this-century',
    gate: /century|decade/i,
    re: rx(`${B}(this|last|next|the (?:last|past|previous))\\s+(century|decade)${E}`, 'gi'),
    make: (m, ctx) => {
      if (!ctx.anchor) return null;
      const dir = direction(lower(m[1]).replace('the ', ''));
      const unit = lower(m[2]) as Unit;
      if (lower(m[1]).startsWith('the ')) return { value: formatDuration(1, unit), type: 'DURATION' };
      return { value: shiftValue(ctx.anchor, dir === 'last' ? -1 : dir === 'next' ? 1 : 0, unit) };
    },
  },
  // ---- Month and day without a year ------------------------------------------------------------------------
  {
    name: 'month-day',
    re: rx(`${B}(?:(last|next|this)\\s+)?(${MONTH_RE})\\s+(${DAY})(?![\\d,.]*\\d)${E}`),
    make: (m, ctx, span) => monthDayMade(ctx, m[2] as string, m[3] as string, direction(m[1]), span),
  },
  {
    // "the week of March 6": the calendar week that holds the day.
    name: 'week-of',
    gate: /week of/i,
    re: rx(`${B}the\\s+week\\s+of\\s+(${MONTH_RE})\\s+(${DAY})(?:,?\\s+(${YEAR}))?(?![\\d,.]*\\d)${E}`),
    make: (m, ctx, span) => {
      const mo = monthNumber(m[1] as string);
      const d = num(m[2]);
      if (!mo) return null;
      const value = m[3]
        ? dayValid(num(m[3]), mo, d)
          ? formatDay({ y: num(m[3]), m: mo, d })
          : null
        : monthDay(ctx, mo, d, null, span);
      const day = value ? dateOfValue(value) : null;
      return day ? { value: formatWeek(day) } : null;
    },
  },
  {
    name: 'day-month',
    re: rx(`${B}(?:the\\s+)?(${DAY})\\s+(?:of\\s+)?(${MONTH_RE})${E}`),
    make: (m, ctx, span) => monthDayMade(ctx, m[2] as string, m[1] as string, null, span),
  },
  {
    name: 'month',
    re: rx(
      `${B}(?:(${either('in', 'since', 'until', 'till', 'by', 'from', 'through', 'to', 'during', 'of', 'before', 'after', 'last', 'next', 'this', 'early', 'mid', 'late', 'mid-', 'the end of', 'the beginning of', 'the start of', 'the middle of')})[- ]\\s*)?(${FULL_MONTH}|Sept\\.)(?![\\w'’]|\\s+\\d)`,
    ),
    make: (m, ctx, span) => {
      const word = m[1]?.trim();
      const name = m[2] as string;
      // "May" and "March" are also a modal and a noun; take them only with a word that makes them a date.
      if ((name === 'May' || name === 'March') && !word) return null;
      if (!ctx.anchor) return null;
      const mo = monthNumber(name) as number;
      const dir = direction(word);
      const lead = lower(word);
      const tense = /^(?:by|until|till|through)$/.test(lead)
        ? 'future'
        : lead === 'since'
          ? 'past'
          : ctx.tense(span.start, span.end);
      // The month an event told in the past happened in ("the company changed its year in December") is the
      // latest such month up to the article's own, even when the next one is nearer.
      const past =
        (lead === 'in' || lead === 'during') &&
        tense !== 'future' &&
        ctx.eventTense(span.start, span.end) === 'past' &&
        !lookingAhead(ctx.text, span.start, span.end);
      // "this year through August", "earlier this year in May": the month of the year just named.
      const thisYear = /\bthis year,?\s+$/i.test(ctx.text.slice(Math.max(0, span.start - 20), span.start));
      const y = thisYear
        ? ctx.anchor.y
        : past
          ? ctx.anchor.m >= mo
            ? ctx.anchor.y
            : ctx.anchor.y - 1
          : resolveYearless(ctx.anchor, mo, null, dir, tense);
      const keep = dir || /early|mid|late|end|beginning|start|middle/.test(lower(word));
      const start = keep ? span.start : span.start + m[0].indexOf(name);
      return { value: formatMonth(y, mo), start };
    },
  },
  // ---- Weekdays and holidays ----------------------------------------------------------------------------
  {
    name: 'weekday',
    re: rx(
      `${B}(?:(${either('last', 'next', 'this', 'this coming', 'the previous', 'the following', 'early', 'late', 'earlier', 'later', 'on', 'since', 'until', 'by', 'before', 'after')})\\s+)?(${WEEKDAY_RE})('s|’s)?(?:\\s+${PART})?${E}`,
    ),
    make: (m, ctx, span) => {
      if (!ctx.anchor) return null;
      const word = lower(m[1]).replace(/^the /, '');
      const dir = direction(word);
      const dow = weekdayNumber(m[2] as string) as number;
      // "on Monday and Tuesday nights" recurs: the set rule reads it.
      if (!m[4] && RECURRING_NEXT.test(ctx.text.slice(span.end, span.end + 40))) return null;
      let tense = ctx.tense(span.start, span.end);
      // "Wednesday's ruling" names something that has happened.
      if (word === 'since' || word === 'earlier' || (m[3] && !dir)) tense = 'past';
      if (word === 'by' || word === 'until' || word === 'later') tense = tense === 'past' ? 'past' : 'future';
      // What is put off until a day is still to come ("postponed the vote until Tuesday").
      if (word === 'until' && POSTPONED.test(ctx.text.slice(Math.max(0, span.start - 40), span.start)))
        tense = 'future';
      if (word === 'this coming') tense = 'future';
      if (!dir && SCHEDULED_PRESENT.test(ctx.text.slice(Math.max(0, span.start - 40), span.start)))
        tense = 'future';
      const date = resolveWeekday(ctx.anchor, dow, dir, tense);
      // "the previous Friday", "the following Monday": counted from the date last mentioned.
      const relative = /^the (?:previous|following)$/i.test(m[1] ?? '');
      const deferred: Deferred | undefined = relative
        ? { kind: 'weekday', dow, sign: word === 'following' ? 1 : -1 }
        : undefined;
      const keep = dir || word === 'early' || word === 'late' || word === 'earlier' || word === 'later';
      const start = keep ? span.start : span.start + m[0].indexOf(m[2] as string);
      if (m[4])
        return {
          value: `${formatDay(date)}T${PART_CODE(m[4])}`,
          type: 'TIME',
          start,
          ...(deferred ? { deferred } : {}),
        };
      return { value: formatDay(date), start, ...(deferred ? { deferred } : {}) };
    },
  },
  {
    name: 'holiday',
    gate: /Christmas|New Year|Thanksgiving|Independence/,
    re: rx(`${B}(Christmas(?: Day| Eve)?|New Year's (?:Day|Eve)|Thanksgiving(?: Day)?|Independence Day)${E}`),
    make: (m, ctx, span) => {
      if (!ctx.anchor) return null;
      const name = m[1] as string;
      const fixed = (mo: number, d: number) => {
        const y = resolveYearless(ctx.anchor as Ymd, mo, d, null, ctx.tense(span.start, span.end));
        return formatDay({ y, m: mo, d });
      };
      if (name.startsWith('Christmas')) return { value: fixed(12, name.endsWith('Eve') ? 24 : 25) };
      if (name.startsWith('New Year')) return { value: name.endsWith('Eve') ? fixed(12, 31) : fixed(1, 1) };
      if (name.startsWith('Independence')) return { value: fixed(7, 4) };
      // Thanksgiving (US): the fourth Thursday of November.
      const y = resolveYearless(ctx.anchor, 11, 25, null, ctx.tense(span.start, span.end));
      const first = { y, m: 11, d: 1 };
      const firstThursday = 1 + ((4 - new Date(Date.UTC(y, 10, 1)).getUTCDay() + 7) % 7);
      return { value: formatDay({ ...first, d: firstThursday + 21 }) };
    },
  },
  // ---- Deictic words ---------------------------------------------------------------------------------------
  {
    name: 'today',
    gate: /today|tonight|yesterday|tomorrow/i,
    re: rx(
      `${B}(?:(earlier|later|early|late)\\s+)?(today|tonight|yesterday|tomorrow)(?:'s)?(?:\\s+${PART})?${E}`,
      'gi',
    ),
    make: (m, ctx) => {
      if (!ctx.anchor) return null;
      const word = lower(m[2]);
      const shift = word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : 0;
      const date = formatDay(addDays(ctx.anchor, shift));
      if (word === 'tonight') return { value: `${date}TNI`, type: 'TIME' };
      if (m[3]) return { value: `${date}T${PART_CODE(m[3])}`, type: 'TIME' };
      return { value: date };
    },
  },
  {
    name: 'part-of-day',
    re: rx(`${B}(?:(?:earlier|later)\\s+)?(this|last|that)\\s+${PART}${E}`, 'gi'),
    make: (m, ctx) => {
      if (!ctx.anchor) return null;
      const which = lower(m[1]);
      if (which === 'that') return null;
      const part = lower(m[2]);
      const date = which === 'last' && part === 'night' ? addDays(ctx.anchor, -1) : ctx.anchor;
      if (which === 'last' && part !== 'night') return null;
      return { value: `${formatDay(date)}T${PART_CODE(part)}`, type: 'TIME' };
    },
  },
  {
    // "mid-afternoon yesterday", "by mid morning": a part of the day on the day given, or the article's.
    name: 'mid-part',
    gate: /mid/i,
    re: rx(`${B}mid-?\\s?(morning|afternoon)(?:\\s+(today|yesterday|tomorrow))?${E}`, 'gi'),
    make: (m, ctx) => {
      if (!ctx.anchor) return null;
      const day = lower(m[2]);
      const date = addDays(ctx.anchor, day === 'yesterday' ? -1 : day === 'tomorrow' ? 1 : 0);
      return { value: `${formatDay(date)}T${PART_CODE(m[1])}`, type: 'TIME' };
    },
  },
  {
    name: 'present-ref',
    re: rx(`${B}(now|right now|currently|at present|at the moment|nowadays|these days)${E}`, 'gi'),
    make: () => ({ value: 'PRESENT_REF' }),
  },
  {
    name: 'past-ref',
    re: rx(
      `${B}(recently|in the past|the past|lately|in recent (?:years|times)|recent years|once upon a time)${E}`,
      'gi',
    ),
    make: (m, ctx) => {
      // "the past" only as a noun phrase ("in the past", "the past is"), not "the past two years".
      if (
        /^the past$/i.test(m[0]) &&
        /^\s+(?:\w+\s+)?(?:years?|months?|weeks?|days?|decades?|hours?)\b/i.test(
          ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 30),
        )
      )
        return null;
      return { value: 'PAST_REF' };
    },
  },
  {
    // "current" and "recent" before a noun place it at the present or in the past ("the current weakness",
    // "a recent filing", "the then current price"); economics' fixed terms are not times.
    name: 'ref-adjective',
    gate: /current|recent/i,
    re: rx(
      `${B}(?:(then)\\s+)?(current|recent)(?!\\s+(?:account|accounts|assets|liabilities|affairs|events|history|years|months|weeks|days|quarters|decades|times)\\b)(?=\\s+[a-z])`,
      'gi',
    ),
    make: (m) => ({ value: m[1] || lower(m[2]) === 'recent' ? 'PAST_REF' : 'PRESENT_REF' }),
  },
  {
    // "soon" looks ahead, except in "as soon as <event>" and "soon after" and in a past clause ("soon became").
    name: 'soon',
    gate: /soon/i,
    re: rx(`${B}(?:as\\s+)?soon(?:\\s+as\\s+possible)?${E}`, 'gi'),
    make: (m, ctx, span) => {
      if (/^as\s+soon$/i.test(m[0])) return null;
      if (/^\s+(?:after|as|afterwards?|thereafter)\b/i.test(ctx.text.slice(span.end, span.end + 14)))
        return null;
      const modal = /\b(?:will|would|shall|may|might|could|should|can|'ll)\s+$/i.test(
        ctx.text.slice(Math.max(0, span.start - 8), span.start),
      );
      if (!/possible$/i.test(m[0]) && !modal && ctx.tense(span.start, span.end) === 'past') return null;
      return { value: 'FUTURE_REF' };
    },
  },
  {
    name: 'future-ref',
    gate: /future/i,
    re: rx(`${B}(?:(?:in|for)\\s+)?(the (?:near |distant |foreseeable )?future)${E}`, 'gi'),
    make: () => ({ value: 'FUTURE_REF' }),
  },
  // ---- this/last/next + unit ----------------------------------------------------------------------------
  {
    name: 'this-unit',
    re: rx(
      `${B}(?:(earlier|later|early|late|the end of|the beginning of|the start of|the rest of|the remainder of)\\s+)?(this past|this|last|next|the coming|the current|the previous|the following|the past|the last|the next)\\s+(?:fiscal\\s+)?(year|month|week|weekend|quarter|spring|summer|fall|autumn|winter)(?:'s|’s|\\s+or\\s+so)?${E}`,
      'gi',
    ),
    make: (m, ctx, span) => {
      const which = lower(m[2]);
      const what = lower(m[3]);
      // A capitalised unit is a title ("ABC's This Week"), not a time.
      if (/^[A-Z]/.test(m[3] as string)) return null;
      // "the past week" is a stretch of time; "last week" a calendar week. "The past year" and "the next year
      // (or so)" are written as the calendar year before or after the article's.
      if (
        /^the (past|last|next|coming)$/.test(which) &&
        what === 'year' &&
        !/fiscal/i.test(m[0]) &&
        ctx.anchor
      )
        return { value: formatYear(ctx.anchor.y + (/next|coming/.test(which) ? 1 : -1)) };
      if (/^the (past|last|next|coming)$/.test(which) && what !== 'weekend' && !SEASONS[what]) {
        const unit = unitOf(what) as Unit;
        return { value: formatDuration(1, unit), type: 'DURATION' };
      }
      // "the following year" counts from the date last mentioned, not from today.
      if ((which === 'the following' || which === 'the previous') && unitOf(what))
        return {
          value: '',
          deferred: {
            kind: 'earlier',
            amount: 1,
            unit: unitOf(what) as Unit,
            sign: which === 'the following' ? 1 : -1,
          },
        };
      if (!ctx.anchor) return null;
      const a = ctx.anchor;
      const dir = direction(which.replace(/^the /, ''));
      const n = dir === 'last' ? -1 : dir === 'next' ? 1 : 0;
      if (SEASONS[what])
        return { value: resolveSeason(a, SEASONS[what] as string, dir, ctx.tense(span.start, span.end)) };
      switch (what) {
        case 'year':
          return { value: formatYear(a.y + n) };
        case 'month':
          return { value: monthFrom(a, n) };
        case 'week':
          return { value: formatWeek(addDays(a, 7 * n)) };
        case 'weekend': {
          // The weekend of the anchor's week, the one before it, or the one after.
          const dow = (new Date(Date.UTC(a.y, a.m - 1, a.d)).getUTCDay() + 6) % 7; // Monday 0
          const saturday = addDays(a, 5 - dow + 7 * n);
          const before = dir === null && dow < 5 ? addDays(saturday, -7) : saturday;
          return { value: `${formatWeek(which === 'this' ? saturday : before)}-WE` };
        }
        case 'quarter':
          return { value: shiftValue(a, n, 'quarter') };
        default:
          return null;
      }
    },
  },
  {
    name: 'the-weekend',
    gate: /weekend/i,
    re: rx(`${B}(?:over\\s+)?(the weekend)${E}`, 'gi'),
    make: (m, ctx, span) => {
      if (!ctx.anchor) return null;
      const a = ctx.anchor;
      const dow = (new Date(Date.UTC(a.y, a.m - 1, a.d)).getUTCDay() + 6) % 7;
      const future = ctx.tense(span.start, span.end) === 'future';
      const saturday = future || dow >= 5 ? addDays(a, 5 - dow) : addDays(a, 5 - dow - 7);
      return {
        value: `${formatWeek(saturday)}-WE`,
        start: span.start + m[0].toLowerCase().indexOf('the weekend'),
      };
    },
  },
  {
    name: 'year-end',
    re: rx(
      `${B}(year-end|year end|(?:the\\s+)?year['’]s end|the end of the year|the turn of the year|the full year|the fiscal year|the calendar year)${E}`,
      'gi',
    ),
    make: (m, ctx) => {
      if (!ctx.anchor) return null;
      if (/fiscal|calendar/i.test(m[1] as string)) return { value: 'P1Y', type: 'DURATION' };
      return { value: formatYear(ctx.anchor.y) };
    },
  },
  {
    // "the year" in news is the current one ("a high for the year", "earlier in the year"); "the year ended
    // Sept. 30" is a fiscal year stated as a stretch of time.
    name: 'the-year',
    gate: /he year/,
    re: rx(
      `${B}(?:(?:earlier|later|early|late)\\s+in\\s+)?[Tt]he year(?![-'’\\w]|\\s+(?:before|after|earlier|later|ago|two|nineteen|of|\\d)\\b)`,
    ),
    make: (_m, ctx, span) => {
      if (/^\s+(?:ended|ending|to date)\b/i.test(ctx.text.slice(span.end, span.end + 12)))
        return { value: 'P1Y', type: 'DURATION' };
      if (!ctx.anchor) return null;
      return { value: formatYear(ctx.anchor.y) };
    },
  },
  {
    // "that year", "later that day", "that same month": the date last mentioned, at the unit named.
    name: 'that-unit',
    gate: /that\s/i,
    re: rx(
      `${B}(?:(?:earlier|later)\\s+(?:in\\s+|on\\s+)?)?that\\s+(?:same\\s+)?(year|month|week|day)(?![-'’\\w])`,
      'gi',
    ),
    make: (m) => ({
      value: '',
      deferred: { kind: 'earlier', amount: 0, unit: unitOf(m[1] as string) as Unit, sign: -1 },
    }),
  },
  // ---- Seasons, quarters, halves ------------------------------------------------------------------------
  {
    name: 'season',
    gate: /spring|summer|fall|autumn|winter/i,
    re: rx(
      `${B}(?:(early|late|mid|in|during|the|this|last|next)[- ]\\s*)?(?:the\\s+)?(spring|summer|fall|autumn|winter)(?:\\s+of)?(?:,?\\s+(${YEAR}|${SPOKEN_YEAR_RE}))?${E}`,
      'gi',
    ),
    make: (m, ctx, span) => {
      const code = SEASONS[lower(m[2])] as string;
      const word = lower(m[1]);
      const start = ['in', 'during'].includes(word)
        ? span.start + m[0].indexOf(m[0].slice(word.length).trim())
        : span.start;
      const year = m[3] ? (/^\d/.test(m[3]) ? num(m[3]) : spokenYearValue(m[3])) : null;
      if (year !== null) return { value: `${formatYear(year)}-${code}`, start };
      if (!ctx.anchor) return null;
      // "fall" and "spring" are common verbs and nouns: require a determiner or a preposition before them.
      if (!word && (code === 'FA' || code === 'SP')) return null;
      if (
        word === 'the' &&
        /^\s+(?:of|in)\s+(?:the|a|an|his|her|its|their)\b/i.test(ctx.text.slice(span.end, span.end + 20))
      )
        return null;
      const dir = direction(word);
      const value = resolveSeason(ctx.anchor, code, dir, ctx.tense(span.start, span.end));
      return { value, start };
    },
  },
  {
    name: 'quarter',
    gate: /quarter/i,
    re: rx(
      `${B}(?:(the|this|last|next|(?:last|this|next|the previous|the prior) year['’]s|(?:the )?year-(?:earlier|ago)|(?:the\\s+)?(${YEAR})(?:'s)?)\\s+)?(?:(?:fiscal|calendar)[- ])?(first|second|third|fourth|1st|2nd|3rd|4th)[- ](?:fiscal[- ])?quarter(?:\\s+of\\s+(${YEAR}|last year|this year|next year))?${E}`,
      'gi',
    ),
    make: (m, ctx, span) => {
      const q = ORDINALS[lower(m[3])] as number;
      const yearWord = m[4] ?? m[2] ?? m[1];
      const value = quarterValue(ctx, q, yearWord, span);
      return value ? { value } : null;
    },
  },
  {
    name: 'quarter-code',
    gate: /Q/,
    re: rx(`${B}(?:Q([1-4])|([1-4])Q)(?:\\s+(${YEAR}))?${E}`),
    make: (m, ctx, span) => {
      const value = quarterValue(ctx, num(m[1] ?? m[2]), m[3], span);
      return value ? { value } : null;
    },
  },
  {
    name: 'the-quarter',
    gate: /quarter|period|year-/i,
    re: rx(
      `${B}(the (?:latest|most recent|recent|just-ended|just-completed|past|last|previous|current|same|year-earlier|year-ago|prior-year|comparable|second|first|third|fourth)?\\s*quarter|the quarter|the (?:latest|most recent) period|year-(?:earlier|ago)(?= (?:quarter|period|results|profit|net|earnings|loss|sales|revenue)))${E}`,
      'gi',
    ),
    make: (m, ctx) => {
      if (!ctx.anchor) return null;
      const t = lower(m[1]);
      if (/first|second|third|fourth/.test(t)) return null;
      if (/current/.test(t)) return { value: shiftValue(ctx.anchor, 0, 'quarter') };
      if (/same|year-earlier|year-ago|prior-year|comparable/.test(t))
        return {
          value: lastCompletedQuarter(ctx.anchor, 5),
          deferred: { kind: 'period', year: null, back: 1 },
        };
      return { value: lastCompletedQuarter(ctx.anchor) };
    },
  },
  {
    // Earnings reports name the quarter they are about once, then refer back to it: "the 1988 quarter", "the
    // 1989 period", "last year's quarter", "the quarter a year ago", "the corresponding period last year".
    name: 'period-of-year',
    gate: /quarter|period/i,
    re: rx(
      `${B}(?:the\\s+(${YEAR})\\s+(?:quarter|period)|last year['’]s\\s+(?:quarter|period)|the\\s+(?:same\\s+|corresponding\\s+|comparable\\s+)?(?:quarter|period)\\s+(?:of\\s+)?(?:a\\s+year\\s+(?:ago|earlier)|last\\s+year)|the\\s+(?:same|corresponding|comparable)\\s+(?:year-(?:ago|earlier)\\s+)?(?:quarter|period))${E}`,
      'gi',
    ),
    make: (m, ctx) => {
      if (m[1]) return { value: m[1], deferred: { kind: 'period', year: num(m[1]), back: 0 } };
      if (!ctx.anchor) return null;
      const back = /last year|year-ago|year-earlier|a year/i.test(m[0]) ? 1 : 0;
      return {
        value: lastCompletedQuarter(ctx.anchor, back ? 5 : 1),
        deferred: { kind: 'period', year: null, back },
      };
    },
  },
  {
    name: 'half',
    gate: /half|two quarters/i,
    re: rx(
      `${B}(?:the\\s+)?(?:(first|second|last|latter)[- ]half|(first|last) two quarters)(?:\\s+of\\s+(${YEAR}|(?:this|last|next) year))?${E}`,
      'gi',
    ),
    make: (m, ctx, span) => {
      const h = lower(m[1] ?? m[2]) === 'first' ? 1 : 2;
      const y = lower(m[3]);
      // "the last half of the '80s", "the first half of the match": a half of something else.
      if (!y && /^\s+of\b/i.test(ctx.text.slice(span.end, span.end + 4))) return null;
      // "the first two quarters" without a year is a stretch of time, left to the duration rule.
      if (m[2] && !y) return null;
      if (/^\d{4}$/.test(y)) return { value: `${y}-H${h}` };
      if (!ctx.anchor) return null;
      const year = ctx.anchor.y + (y.startsWith('last') ? -1 : y.startsWith('next') ? 1 : 0);
      return { value: `${formatYear(year)}-H${h}` };
    },
  },
  // ---- Offsets from now or from another date --------------------------------------------------------------
  {
    name: 'ago',
    gate: /ago\b/i,
    re: rx(
      `${B}${APPROX}(${NUMBER_RE}|${VAGUE_RE})(?:\\s+or\\s+(?:so|two|three|more))?[- ](${UNIT_RE})(?:\\s+or\\s+so)?\\s+ago${E}`,
      'gi',
    ),
    make: (m) => {
      const amount = numberValue(m[1] as string);
      const unit = unitOf(m[2] as string) as Unit;
      if (amount === null || !Number.isInteger(amount)) return { value: 'PAST_REF' };
      return { value: '', deferred: { kind: 'ago', amount, unit } };
    },
  },
  {
    name: 'units-ago',
    gate: /ago\b/i,
    re: rx(`${B}(years|months|weeks|decades|days|a while|some time|long)\\s+ago${E}`, 'gi'),
    make: () => ({ value: 'PAST_REF' }),
  },
  {
    name: 'earlier-later',
    re: rx(
      `${B}${APPROX}(${NUMBER_RE})[- ](${UNIT_RE})\\s+(earlier|later|before|after|previously|from now|hence)(?![\\w-])`,
      'gi',
    ),
    make: (m, ctx, span) => {
      const amount = numberValue(m[1] as string);
      const unit = unitOf(m[2] as string) as Unit;
      if (amount === null) return null;
      const word = lower(m[3]);
      const sign = word === 'earlier' || word === 'before' || word === 'previously' ? -1 : 1;
      if (word === 'from now' || word === 'hence') {
        if (!ctx.anchor || !Number.isInteger(amount)) return null;
        return { value: shiftValue(ctx.anchor, amount, unit) };
      }
      // "before"/"after" followed by what they are counted from: settled in the second pass.
      const rest = ctx.text.slice(span.end, span.end + 3);
      if ((word === 'before' || word === 'after') && /^\s*\w/.test(rest))
        return { value: '', deferred: { kind: 'anchored', amount, unit, sign } };
      // Hours and minutes later say how long, not when: a duration.
      if (!Number.isInteger(amount) || unit === 'hour' || unit === 'minute' || unit === 'second')
        return {
          value: formatDuration(amount, unit),
          type: 'DURATION',
          end: span.start + m[0].search(/\s+(?:earlier|later|before|after|previously)$/i),
        };
      return { value: '', deferred: { kind: 'earlier', amount, unit, sign } };
    },
  },
  {
    name: 'the-day-after',
    gate: / (?:after|before)/i,
    re: rx(`${B}(the (?:day|week|month|year) (?:after|before))(?=\\s+\\w)`, 'gi'),
    make: (m) => {
      const unit = unitOf((m[1] as string).split(' ')[1] as string) as Unit;
      const sign = /after/i.test(m[1] as string) ? 1 : -1;
      return { value: '', deferred: { kind: 'anchored', amount: 1, unit, sign } };
    },
  },
  // ---- Durations and sets ----------------------------------------------------------------------------
  {
    name: 'duration',
    re: rx(
      `${B}${APPROX}(?:the\\s+(?:(?:first|last|past|next|previous|coming|final|latest|remaining|following|full|same)\\s+)?)?(?:(${NUMBER_RE}|${VAGUE_RE})(?:\\s+(?:and\\s+a\\s+half|or\\s+(?:so|more|two|three)))?)(?:\\s+(?:more|additional|extra|further))?[- ](${UNIT_RE})(?:\\s+and\\s+a\\s+half)?(?![\\w-]*-old)${E}`,
      'gi',
    ),
    make: (m, ctx, span) => {
      const amountText = m[1] as string;
      const unitWord = m[2] as string;
      const unit = unitOf(unitWord) as Unit;
      // A capitalised unit is a name ("60 Minutes"); "three-quarters" and "a quarter" are fractions.
      if (unitWord !== unitWord.toLowerCase()) return null;
      if (unit === 'quarter' && (/-quarter/i.test(m[0]) || /^(?:a|an|one)$/i.test(amountText))) return null;
      let amount = numberValue(amountText);
      if (/and\s+a\s+half/i.test(m[0]) && amount !== null) amount += 0.5;
      const lead = /^(?:the\s+)?$/i.test(
        ctx.text.slice(span.start, span.start + m[0].indexOf(amountText)).trim(),
      );
      // "a year" after an amount is a rate ("$5 a year"): a set.
      const before = ctx.text.slice(Math.max(0, span.start - 25), span.start);
      if (
        /^(?:a|an|per)$/i.test(amountText) &&
        /(?:\d|percent|%|cents?|dollars?|times|once|twice)\s*$/i.test(before)
      )
        return { value: formatDuration(1, unit), type: 'SET' };
      // "will one day be": some time in the future, not a day's length.
      if (
        /^one day$/i.test(m[0]) &&
        /\b(?:will|would|could|may|might|can|shall|to)\s+$/i.test(
          ctx.text.slice(Math.max(0, span.start - 8), span.start),
        )
      )
        return { value: 'FUTURE_REF' };
      // "One day, he …" opening a sentence is rarely a duration.
      if (
        amount === 1 &&
        /^(?:one|a|an)$/i.test(amountText) &&
        lead &&
        /^\s*,/.test(ctx.text.slice(span.end)) &&
        /(?:^|[.!?;:"“”]\s*)$/.test(ctx.text.slice(Math.max(0, span.start - 3), span.start).trimEnd())
      )
        return null;
      if (amount !== null && amount > 1000) return null;
      // "the first two quarters of 1990" is a part of that year, read by the half rule.
      if (
        unit === 'quarter' &&
        amount === 2 &&
        /\bthe\s+(?:first|last)\s/i.test(m[0]) &&
        /^\s+of\s+(?:\d{4}|(?:this|last|next) year)\b/i.test(ctx.text.slice(span.end, span.end + 16))
      )
        return null;
      // A person's age ("52 years old", "37 years of age") is not a time expression.
      if (/^\s+(?:old|of age)\b/i.test(ctx.text.slice(span.end, span.end + 8))) return null;
      return { value: formatDuration(amount, unit), type: 'DURATION' };
    },
  },
  {
    name: 'vague-duration',
    // "for years", "in recent weeks", "in the coming months": some number of the unit, before or after now.
    re: rx(
      `${B}(?:for|over|in|within|recent|coming)\\s+(years|months|weeks|days|decades|centuries)${E}`,
      'gi',
    ),
    make: (m, _ctx, span) => {
      const unit = unitOf(m[1] as string) as Unit;
      const start = span.start + m[0].indexOf(m[1] as string);
      // "days" alone ("in days") is too often a count in a figure of speech; with "recent" or "coming" it is not.
      if (unit === 'day' && !/^(?:recent|coming)/i.test(m[0])) return null;
      return /^(?:recent|coming)/i.test(m[0])
        ? { value: formatDuration(null, unit), type: 'DURATION', start: span.start }
        : { value: formatDuration(null, unit), type: 'DURATION', start };
    },
  },
  {
    // "the weeks ahead", "the months ahead": some number of the unit from now.
    name: 'units-ahead',
    gate: / ahead/i,
    re: rx(`${B}the\\s+(?:(?:next|coming)\\s+)?(years|months|weeks|days)\\s+ahead${E}`, 'gi'),
    make: (m) => ({ value: formatDuration(null, unitOf(m[1] as string) as Unit), type: 'DURATION' }),
  },
  {
    name: 'hyphen-duration',
    gate: /-(?:year|month|week|day|hour|minute|decade)/i,
    re: rx(`${B}(${NUMBER_RE})-(year|month|week|day|hour|minute|decade)(?![\\w-]*-old)(?!-)${E}`, 'gi'),
    make: (m) => {
      const amount = numberValue(m[1] as string);
      const unit = unitOf(m[2] as string) as Unit;
      return amount === null ? null : { value: formatDuration(amount, unit), type: 'DURATION' };
    },
  },
  {
    name: 'set',
    re: rx(
      `${B}(daily|weekly|monthly|yearly|annually|hourly|nightly|every (?:day|week|month|year|hour|morning|night|quarter)|each (?:day|week|month|year|quarter)|per (?:day|week|month|year|hour))${E}`,
      'gi',
    ),
    make: (m) => {
      const t = lower(m[1]);
      const unitWord = t
        .replace(/^(?:every|each|per) /, '')
        .replace(/ly$/, '')
        .replace(/^dai$/, 'day')
        .replace(/^annual$/, 'year')
        .replace(/^night$/, 'day');
      const unit = unitOf(unitWord === 'morning' ? 'day' : unitWord) ?? 'day';
      return { value: formatDuration(1, unit), type: 'SET' };
    },
  },
  {
    // A weekday that recurs: "every Thursday", "on Mondays", "Tuesday nights", and "Monday" coordinated with
    // such a plural ("on Monday and Tuesday nights"): XXXX-WXX-4, XXXX-WXX-2TNI.
    name: 'set-weekday',
    gate: /days|nights|mornings|evenings|afternoons|(?:every|each)\s/,
    re: rx(
      `${B}(?:(?:every|each)\\s+)?(${WEEKDAY_RE})(?:s|\\s+${PART}s|(?=\\s+(?:and|or)\\s+${WEEKDAY_RE}(?:s|\\s+${PART}s)${E}))?${E}`,
    ),
    make: (m, ctx, span) => {
      const recurring = /^(?:every|each)\s/i.test(m[0]) || m[0].length > (m[1] as string).length;
      let part = m[2];
      if (!recurring) {
        const coordinated = RECURRING_NEXT.exec(ctx.text.slice(span.end, span.end + 40));
        if (!coordinated) return null;
        part = coordinated[1];
      }
      const iso = (weekdayNumber(m[1] as string) as number) || 7;
      const value = `XXXX-WXX-${iso}${part ? `T${PART_CODE(part)}` : ''}`;
      return { value, type: 'SET' };
    },
  },
  {
    name: 'set-month',
    gate: /(?:every|each)\s/,
    re: rx(`${B}(?:every|each)\\s+(${FULL_MONTH})${E}`),
    make: (m) => ({ value: `XXXX-${pad(monthNumber(m[1] as string) as number)}`, type: 'SET' }),
  },
  // ---- Clock times ------------------------------------------------------------------------------------------
  {
    name: 'clock',
    gate: /\d\s*[ap]\.?m/i,
    re: rx(
      `${B}(?:(?:at|around|about|by|until|before|after)\\s+)?(\\d{1,2})(?::(\\d\\d))?\\s*(a\\.?m\\.?|p\\.?m\\.?)(?:\\s+(?:local time|[A-Z]{3}))?(?:,?\\s+(?:on\\s+)?(${WEEKDAY_RE}|today|yesterday|tomorrow))?(?![\\w])`,
      'gi',
    ),
    make: (m, ctx, span) => {
      if (!ctx.anchor) return null;
      let h = num(m[1]);
      const min = m[2] ? num(m[2]) : 0;
      if (h > 12 || min > 59) return null;
      const pm = /^p/i.test(m[3] as string);
      if (pm && h < 12) h += 12;
      if (!pm && h === 12) h = 0;
      let date = ctx.anchor;
      const day = lower(m[4]);
      const lead = /^(?:at|around|about|by|until|before|after)\s/i.exec(m[0]);
      const tense = /^(?:by|until)/i.test(lead?.[0] ?? '') ? 'future' : ctx.tense(span.start, span.end);
      if (day === 'yesterday') date = addDays(ctx.anchor, -1);
      else if (day === 'tomorrow') date = addDays(ctx.anchor, 1);
      else if (day && day !== 'today')
        date = resolveWeekday(ctx.anchor, weekdayNumber(day) as number, null, tense);
      const start = lead && !/^(?:around|about)/i.test(lead[0]) ? span.start + lead[0].length : span.start;
      return { value: `${formatDay(date)}T${pad(h)}:${pad(min)}`, type: 'TIME', start };
    },
  },
  {
    name: 'noon',
    gate: /noon|midnight|midday/i,
    re: rx(`${B}(noon|midnight|midday)(?:\\s+(${WEEKDAY_RE}|today|yesterday|tomorrow))?${E}`, 'gi'),
    make: (m, ctx, span) => {
      if (!ctx.anchor) return null;
      let date = ctx.anchor;
      const day = lower(m[2]);
      if (day === 'yesterday') date = addDays(ctx.anchor, -1);
      else if (day === 'tomorrow') date = addDays(ctx.anchor, 1);
      else if (day && day !== 'today')
        date = resolveWeekday(
          ctx.anchor,
          weekdayNumber(day) as number,
          null,
          ctx.tense(span.start, span.end),
        );
      const time = lower(m[1]) === 'midnight' ? '24:00' : '12:00';
      return { value: `${formatDay(date)}T${time}`, type: 'TIME' };
    },
  },
];

function monthDayMade(
  ctx: RuleContext,
  monthWord: string,
  dayWord: string,
  dir: Direction,
  span: { start: number; end: number },
): Made {
  const mo = monthNumber(monthWord);
  if (!mo) return null;
  // A bare abbreviation without its full stop ("Jan 3") is fine; "May 3" needs nothing more.
  const value = monthDay(ctx, mo, num(dayWord), dir, span);
  return value ? { value } : null;
}

/** Runs every rule over the text and returns all candidates, overlapping ones included. */
export function applyRules(ctx: RuleContext): Candidate[] {
  const out: Candidate[] = [];
  for (const rule of RULES) {
    if (rule.gate && !rule.gate.test(ctx.text)) continue;
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(ctx.text); m; m = rule.re.exec(ctx.text)) {
      const span = { start: m.index, end: m.index + m[0].length };
      const made = rule.make(m, ctx, span);
      if (!made) continue;
      const start = made.start ?? span.start;
      const end = made.end ?? span.end;
      const candidate: Candidate = {
        start,
        end,
        value: made.value,
        type: made.type ?? 'DATE',
        rule: rule.name,
      };
      if (made.deferred) candidate.deferred = made.deferred;
      out.push(candidate);
    }
  }
  return out;
}
