// Dates in web pages, as htmldate reads them: ISO stamps, numeric day-month-year forms, and written-out dates in
// the languages news is published in, each checked for plausibility (not before 1995, not after tomorrow).

import { MONTHS } from '../../time/lexicon.js';

/**
 * Month names and abbreviations → month number, for the languages of most news pages: the English names the timex
 * rules read, then the other languages'.
 */
const MONTH_NAMES: Record<string, number> = Object.fromEntries(MONTHS);
const MONTH_LISTS: string[][] = [
  // German (with Austrian Jänner)
  [
    'januar',
    'februar',
    'märz',
    'april',
    'mai',
    'juni',
    'juli',
    'august',
    'september',
    'oktober',
    'november',
    'dezember',
  ],
  ['jänner', 'feber', 'maerz', '', '', '', '', '', '', 'okt', '', 'dez'],
  ['', '', 'mär', '', '', '', '', '', '', '', '', ''],
  // French
  [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  ['janv', 'févr', '', 'avr', '', '', 'juil', '', '', '', '', 'déc'],
  ['', 'fevrier', '', '', '', '', '', 'aout', '', '', '', 'decembre'],
  // Spanish
  [
    'enero',
    'febrero',
    'marzo',
    'abril',
    'mayo',
    'junio',
    'julio',
    'agosto',
    'septiembre',
    'octubre',
    'noviembre',
    'diciembre',
  ],
  ['ene', '', '', 'abr', '', '', '', 'ago', 'setiembre', '', '', 'dic'],
  // Italian
  [
    'gennaio',
    'febbraio',
    'marzo',
    'aprile',
    'maggio',
    'giugno',
    'luglio',
    'agosto',
    'settembre',
    'ottobre',
    'novembre',
    'dicembre',
  ],
  ['gen', '', '', '', 'mag', 'giu', 'lug', '', 'set', 'ott', '', ''],
  // Portuguese
  [
    'janeiro',
    'fevereiro',
    'março',
    'abril',
    'maio',
    'junho',
    'julho',
    'agosto',
    'setembro',
    'outubro',
    'novembro',
    'dezembro',
  ],
  ['', 'fev', 'marco', '', '', '', '', '', '', 'out', '', 'dez'],
  // Dutch
  [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ],
  ['', '', 'mrt', '', '', '', '', '', '', '', '', ''],
  // Polish (nominative and genitive)
  [
    'styczeń',
    'luty',
    'marzec',
    'kwiecień',
    'maj',
    'czerwiec',
    'lipiec',
    'sierpień',
    'wrzesień',
    'październik',
    'listopad',
    'grudzień',
  ],
  [
    'stycznia',
    'lutego',
    'marca',
    'kwietnia',
    'maja',
    'czerwca',
    'lipca',
    'sierpnia',
    'września',
    'października',
    'listopada',
    'grudnia',
  ],
  // Swedish, Danish, Norwegian
  [
    'januari',
    'februari',
    'mars',
    'april',
    'maj',
    'juni',
    'juli',
    'augusti',
    'september',
    'oktober',
    'november',
    'december',
  ],
  ['', '', 'marts', '', '', '', '', '', '', '', '', ''],
  // Czech (genitive)
  [
    'ledna',
    'února',
    'března',
    'dubna',
    'května',
    'června',
    'července',
    'srpna',
    'září',
    'října',
    'listopadu',
    'prosince',
  ],
  // Turkish
  [
    'ocak',
    'şubat',
    'mart',
    'nisan',
    'mayıs',
    'haziran',
    'temmuz',
    'ağustos',
    'eylül',
    'ekim',
    'kasım',
    'aralık',
  ],
];
for (const list of MONTH_LISTS) {
  list.forEach((name, i) => {
    if (name && MONTH_NAMES[name] === undefined) MONTH_NAMES[name] = i + 1;
  });
}
const MONTH_ALT = Object.keys(MONTH_NAMES)
  .sort((a, b) => b.length - a.length)
  .join('|');

// Letters for word boundaries that JavaScript's \b does not know (ä, é, ł …).
const L = 'A-Za-zÀ-ÖØ-öø-ɏ';
const DAY_SUFFIX = '(?:st|nd|rd|th|er|e|º|°)?';

/** Month name, then day, then year: "January 8, 2020", "Jan. 8th 2020". */
const MDY_NAMED = new RegExp(
  `(?<![${L}])(${MONTH_ALT})\\.?\\s+(\\d{1,2})${DAY_SUFFIX},?\\s+(?:de\\s+)?(\\d{4})(?!\\d)`,
  'iu',
);
/** Day, month name, year: "8 January 2020", "8. Januar 2020", "8 de enero de 2020", "8 stycznia 2020". */
const DMY_NAMED = new RegExp(
  `(?<!\\d)(\\d{1,2})${DAY_SUFFIX}\\.?\\s*(?:de\\s+|of\\s+)?(${MONTH_ALT})\\.?,?\\s*(?:de\\s+|del\\s+)?(\\d{4})(?!\\d)`,
  'iu',
);
/** Year, month name, day: "2020 January 8". */
const YMD_NAMED = new RegExp(`(?<!\\d)(\\d{4}),?\\s+(${MONTH_ALT})\\.?\\s+(\\d{1,2})(?!\\d)`, 'iu');
/** ISO-like: 2020-01-08, 2020/01/08, 2020.01.08, 2020-01-08T10:00. */
const YMD_NUM = /(?<!\d)((?:19|20)\d{2})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/;
/** Day or month first: 08.01.2020, 8/1/2020, 08-01-2020; two-digit years after dots: 08.01.20. */
const XY_YEAR = /(?<![\d.])(\d{1,2})([-/.])\s?(\d{1,2})\2\s?((?:19|20)\d{2}|\d{2})(?![\d])/;

export const MIN_YEAR = 1995;

export interface DateOptions {
  /** Prefer month-first for ambiguous numeric dates (US English pages). */
  monthFirst?: boolean;
  /** The latest plausible date (default: tomorrow). */
  latest?: Date;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** "YYYY-MM-DD" if the parts make a real, plausible date. */
export function makeDay(year: number, month: number, day: number, options: DateOptions = {}): string | null {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1 || day > 31) return null;
  if (year < MIN_YEAR) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  const latest = options.latest ?? new Date(Date.now() + 36 * 3600 * 1000);
  if (d.getTime() > latest.getTime()) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function expandYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  return n < 50 ? 2000 + n : 1900 + n;
}

/**
 * The first plausible date written in `text`, as "YYYY-MM-DD". An ISO date-time keeps the calendar day as written
 * (its own time zone), which is the day the page says it was published.
 */
export function parseDate(text: string, options: DateOptions = {}): string | null {
  if (!text) return null;
  const s = text.length > 400 ? text.slice(0, 400) : text;
  const found: { at: number; day: string }[] = [];
  const take = (m: RegExpExecArray | null, build: (m: RegExpExecArray) => string | null) => {
    if (!m) return;
    const day = build(m);
    if (day) found.push({ at: m.index, day });
  };
  take(YMD_NUM.exec(s), (m) => makeDay(Number(m[1]), Number(m[3]), Number(m[4]), options));
  take(MDY_NAMED.exec(s), (m) => makeDay(Number(m[3]), monthOf(m[1]), Number(m[2]), options));
  take(DMY_NAMED.exec(s), (m) => makeDay(Number(m[3]), monthOf(m[2]), Number(m[1]), options));
  take(YMD_NAMED.exec(s), (m) => makeDay(Number(m[1]), monthOf(m[2]), Number(m[3]), options));
  take(XY_YEAR.exec(s), (m) => {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const sep = m[2];
    // Two-digit years only in the dotted European form, where they are common ("08.01.20").
    if (m[4]!.length === 2 && sep !== '.') return null;
    const year = expandYear(m[4]!);
    if (sep === '.') return makeDay(year, b, a, options);
    if (a > 12) return makeDay(year, b, a, options);
    if (b > 12) return makeDay(year, a, b, options);
    return options.monthFirst ? makeDay(year, a, b, options) : makeDay(year, b, a, options);
  });
  if (found.length === 0) return null;
  found.sort((x, y) => x.at - y.at);
  return found[0]!.day;
}

function monthOf(name: string | undefined): number {
  return MONTH_NAMES[(name ?? '').toLowerCase()] ?? 0;
}

/** A machine-readable stamp (ISO 8601, RFC 2822, Unix seconds) → "YYYY-MM-DD"; written dates as parseDate. */
export function parseStamp(value: string, options: DateOptions = {}): string | null {
  const s = value.trim();
  if (!s) return null;
  const iso = /^((?:19|20)\d{2})-?(\d{2})-?(\d{2})(?:$|[T\s_])/.exec(s);
  if (iso) return makeDay(Number(iso[1]), Number(iso[2]), Number(iso[3]), options);
  if (/^\d{10}(?:\d{3})?$/.test(s)) {
    const ms = s.length === 13 ? Number(s) : Number(s) * 1000;
    const d = new Date(ms);
    return makeDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), options);
  }
  return parseDate(s, options);
}

/** A date in a URL path: /2020/01/08/, /2020-01-08-, /20200108/. */
export function dateInUrl(url: string, options: DateOptions = {}): string | null {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    pathname = url;
  }
  const slashed = /\/((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?:[/_.-]|$)/.exec(pathname);
  if (slashed) return makeDay(Number(slashed[1]), Number(slashed[2]), Number(slashed[3]), options);
  const compact = /[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|$)/.exec(pathname);
  if (compact) {
    const day = makeDay(Number(compact[1]), Number(compact[2]), Number(compact[3]), options);
    if (day) return day;
  }
  // Day first, as European sites write it: /29-10-2021, /08112021-…
  const dayFirst = /[/_-](\d{2})[-_.]?(\d{2})[-_.]?((?:19|20)\d{2})(?:[/_.-]|$)/.exec(pathname);
  if (dayFirst) return makeDay(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]), options);
  return null;
}
