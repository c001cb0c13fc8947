// Calendar arithmetic on plain year/month/day triples (proleptic Gregorian, no time zones) and the TIMEX3
// value formats built from them: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www, YYYY-Qn, YYYY-SU, durations P5D.

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const DAY_MS = 86_400_000;

export function toEpochDay(date: Ymd): number {
  return Math.floor(Date.UTC(date.y, date.m - 1, date.d) / DAY_MS);
}

export function fromEpochDay(day: number): Ymd {
  const dt = new Date(day * DAY_MS);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function addDays(date: Ymd, n: number): Ymd {
  return fromEpochDay(toEpochDay(date) + n);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Adds months, clamping the day to the target month's length (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: Ymd, n: number): Ymd {
  const index = date.y * 12 + (date.m - 1) + n;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return { y, m, d: Math.min(date.d, daysInMonth(y, m)) };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: Ymd): number {
  return (((toEpochDay(date) + 4) % 7) + 7) % 7;
}

/** ISO 8601 week-numbering year and week of a date. */
export function isoWeek(date: Ymd): { year: number; week: number } {
  const day = toEpochDay(date);
  const isoDow = ((weekday(date) + 6) % 7) + 1; // Monday 1 … Sunday 7
  const thursday = fromEpochDay(day + 4 - isoDow);
  const jan1 = toEpochDay({ y: thursday.y, m: 1, d: 1 });
  return { year: thursday.y, week: Math.floor((toEpochDay(thursday) - jan1) / 7) + 1 };
}

export const pad = (n: number, width = 2): string => {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${s}` : s;
};

export const formatYear = (y: number): string => pad(y, 4);
export const formatMonth = (y: number, m: number): string => `${pad(y, 4)}-${pad(m)}`;
export const formatDay = (date: Ymd): string => `${pad(date.y, 4)}-${pad(date.m)}-${pad(date.d)}`;

export function formatWeek(date: Ymd): string {
  const { year, week } = isoWeek(date);
  return `${pad(year, 4)}-W${pad(week)}`;
}

export const quarterOf = (m: number): number => Math.floor((m - 1) / 3) + 1;

/** Parses the date part of an ISO date or date-time (YYYY, YYYY-MM, YYYY-MM-DD, YYYYMMDD…); null if none. */
export function parseAnchor(value: string | null | undefined): Ymd | null {
  if (!value) return null;
  const m = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(value.trim());
  if (!m) return null;
  const date = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  if (date.m < 1 || date.m > 12 || date.d < 1 || date.d > daysInMonth(date.y, date.m)) return null;
  return date;
}

export type Unit =
  | 'century'
  | 'decade'
  | 'year'
  | 'quarter'
  | 'month'
  | 'week'
  | 'day'
  | 'hour'
  | 'minute'
  | 'second';

// TimeML's unit letters: E for decades and C for centuries (TIMEX2 wrote DE and CE).
const DURATION_CODE: Record<Unit, string> = {
  century: 'C',
  decade: 'E',
  year: 'Y',
  quarter: 'Q',
  month: 'M',
  week: 'W',
  day: 'D',
  hour: 'H',
  minute: 'M',
  second: 'S',
};

const TIME_UNITS = new Set<Unit>(['hour', 'minute', 'second']);

/** A TIMEX3 duration: P5D, P2Y, PT3H, PXY when the amount is unknown; half amounts as P1.5Y. */
export function formatDuration(amount: number | null, unit: Unit): string {
  // TimeML states known numbers of decades and centuries in years (P20Y), vague ones in their own unit.
  if (amount !== null && (unit === 'decade' || unit === 'century'))
    return `P${amount * (unit === 'decade' ? 10 : 100)}Y`;
  if (amount !== null && unit === 'quarter') return `P${amount * 3}M`;
  // Halves in the next smaller unit, as TimeML writes them: 2 1/2 years is P2Y6M, 5 1/2 hours PT5H30M.
  if (amount !== null && amount % 1 === 0.5 && amount > 0.5) {
    const whole = Math.floor(amount);
    if (unit === 'year') return `P${whole}Y6M`;
    if (unit === 'day') return `P${whole}DT12H`;
    if (unit === 'hour') return `PT${whole}H30M`;
    if (unit === 'minute') return `PT${whole}M30S`;
  }
  const n = amount === null ? 'X' : String(amount);
  return TIME_UNITS.has(unit) ? `PT${n}${DURATION_CODE[unit]}` : `P${n}${DURATION_CODE[unit]}`;
}

/** The value `n` units away from `date`, at that unit's granularity (years → YYYY, weeks → YYYY-Www …). */
export function shiftValue(date: Ymd, n: number, unit: Unit): string {
  switch (unit) {
    case 'century':
      return pad(Math.floor(date.y / 100) + n, 2);
    case 'decade':
      return pad(Math.floor(date.y / 10) + n, 3);
    case 'year':
      return formatYear(date.y + n);
    case 'quarter': {
      const q = date.y * 4 + quarterOf(date.m) - 1 + n;
      return `${formatYear(Math.floor(q / 4))}-Q${(q % 4) + 1}`;
    }
    case 'month': {
      const t = addMonths({ ...date, d: 1 }, n);
      return formatMonth(t.y, t.m);
    }
    case 'week':
      return formatWeek(addDays(date, 7 * n));
    default:
      return formatDay(addDays(date, unit === 'day' ? n : 0));
  }
}

/** The date `n` units away (days exact; months and years clamped). */
export function shiftDate(date: Ymd, n: number, unit: Unit): Ymd {
  switch (unit) {
    case 'century':
      return addMonths(date, 1200 * n);
    case 'decade':
      return addMonths(date, 120 * n);
    case 'year':
      return addMonths(date, 12 * n);
    case 'quarter':
      return addMonths(date, 3 * n);
    case 'month':
      return addMonths(date, n);
    case 'week':
      return addDays(date, 7 * n);
    case 'day':
      return addDays(date, n);
    default:
      return date;
  }
}
