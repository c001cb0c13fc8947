// Finds date and time expressions in text and resolves them to TIMEX3 values against the article's date: the
// news rules and chrono-node propose candidates, the longest win, then expressions that hang on another
// ("five days after the January 3 killing", "a year earlier") are resolved from it.

import {
  addDays,
  formatDay,
  formatDuration,
  formatYear,
  parseAnchor,
  shiftValue,
  type Unit,
  weekday,
  type Ymd,
} from './calendar.js';
import { chronoCandidates } from './chrono-adapter.js';
import { sentenceBounds, type Tense, tenseAround } from './context.js';
import { type Granularity, granularityOf, shiftValueBy } from './resolve.js';
import { applyRules, type Candidate, type RuleContext, type TimexType } from './rules.js';

export interface TimexMatch {
  start: number;
  end: number;
  text: string;
  /** TIMEX3 value: 2020-01-08, 2018, 2020-W02, 1989-Q3, 2019-SU, P5D, PRESENT_REF, 2009/2013 … */
  value: string;
  granularity: Granularity;
  type: TimexType;
  /** The rule that found it (for explanations and debugging). */
  rule: string;
}

/** Longest first, then earliest; a candidate is kept when it overlaps none kept before it. */
function selectCandidates(candidates: Candidate[]): Candidate[] {
  const sorted = [...candidates].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    if (c.end <= c.start) continue;
    if (kept.some((k) => c.start < k.end && k.start < c.end)) continue;
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

const isDate = (c: Candidate) =>
  c.type === 'DATE' && c.value !== '' && /^\d{4}/.test(c.value) && !c.value.includes('/');

/** Settles the expressions that depend on others, in text order, so each sees those before it resolved. */
function resolveDeferred(text: string, anchor: Ymd | null, kept: Candidate[]): void {
  kept.forEach((c, i) => {
    // "Saturday, April 25", "5 p.m. EST, Nov. 6", "10:35 a.m. (0735 GMT) Friday": the weekday or the clock time
    // is on the day written after it.
    const next = kept[i + 1];
    const dated = /^(?:month-day|month-day-year|day-month)$/.test(next?.rule ?? '');
    const clockDay = c.rule === 'clock' && /^(?:weekday|today)$/.test(next?.rule ?? '');
    if (next && ((c.rule === 'weekday' && dated) || (c.rule === 'clock' && (dated || clockDay)))) {
      const gap = text.slice(c.end, next.start);
      if (/^\s*(?:\([^)]{0,25}\))?\s*,?\s*(?:(?:on|the)\s+)?$/.test(gap) && /^\d{4}-\d\d-\d\d/.test(c.value))
        c.value = next.value.slice(0, 10) + c.value.slice(10);
    }
    const d = c.deferred;
    if (!d) return;
    if (d.kind === 'weekday') {
      const previous = previousDate(text, kept, i);
      const from = previous && /^\d{4}-\d\d-\d\d/.test(previous.value) ? parseAnchor(previous.value) : null;
      if (from) {
        const step = (((d.dow - weekday(from)) * d.sign + 7) % 7 || 7) * d.sign;
        c.value = formatDay(addDays(from, step)) + c.value.slice(10);
      }
      return;
    }
    if (d.kind === 'period') {
      const quarter = nearbyQuarter(text, kept, i, false);
      if (!quarter) return;
      const y = d.year ?? Number(quarter.value.slice(0, 4)) - d.back;
      c.value = `${formatYear(y)}${quarter.value.slice(4)}`;
      return;
    }
    if (d.kind === 'ago') {
      if (!anchor) return;
      // "a decade ago" names a year ten years back, not the decade before this one.
      if (d.unit === 'decade' || d.unit === 'century') {
        c.value = formatYear(anchor.y - d.amount * (d.unit === 'decade' ? 10 : 100));
        return;
      }
      // "a year ago" in a sentence about a quarter means that quarter a year before.
      const quarter = d.unit === 'year' ? nearbyQuarter(text, kept, i) : null;
      c.value = quarter
        ? `${formatYear(anchor.y - d.amount)}${quarter.value.slice(4)}`
        : shiftValue(anchor, -d.amount, d.unit);
      return;
    }
    if (d.kind === 'earlier' && d.amount === 0) {
      // "that year", "that same day": the date last mentioned, at the unit named, its unknown parts as X.
      const previous = previousDate(text, kept, i);
      c.value = previous ? sameUnitAs(previous.value, d.unit) : '';
      return;
    }
    if (d.kind === 'earlier') {
      const quarter = d.unit === 'year' ? nearbyQuarter(text, kept, i) : null;
      const previous = quarter ?? previousDate(text, kept, i);
      // A year before a quarter, half or season is that same part of the year before; otherwise the offset
      // is stated at its own unit ("a year earlier" than Sept. 30, 1988 is 1987).
      const keep = previous && /^(?:quarter|half|season)$/.test(granularityOf(previous.value));
      if (previous)
        c.value = shiftValueBy(previous.value, d.sign * d.amount, d.unit, keep ? 'value' : 'unit') ?? '';
      else if (anchor) c.value = shiftValue(anchor, d.sign * d.amount, d.unit);
      return;
    }
    // Anchored: "five days after the January 3 killing" counts from the date that follows.
    const following = kept[i + 1];
    const between = following ? text.slice(c.end, following.start) : '';
    if (following && isDate(following) && d.amount !== null && /^[^.;:!?,()–—"“”]{0,40}$/.test(between)) {
      const words = between.trim() === '' ? 0 : between.trim().split(/\s+/).length;
      if (words <= 4) {
        const shifted = shiftValueBy(following.value, d.sign * d.amount, d.unit, 'unit');
        if (shifted) {
          c.value = shifted;
          return;
        }
      }
    }
    // "Five days after <event>, X said on Wednesday …": the phrase dates the main clause, which its own
    // date expression states.
    const own = sentenceDate(text, kept, i);
    if (own) {
      c.value = own.value;
      return;
    }
    // "the day after <event>" with no date to count from has no value we could state.
    if (c.rule === 'the-day-after') {
      c.value = '';
      return;
    }
    c.value = formatDuration(d.amount, d.unit);
    c.type = 'DURATION';
  });
}

/**
 * The period of `unit` holding a DATE value: the year of 1998-10-23 is 1998; the day of 1998-10 is 1998-10-XX
 * (a day of that month the text does not give).
 */
export function sameUnitAs(value: string, unit: Unit): string {
  const g = granularityOf(value);
  const year = value.slice(0, 4);
  switch (unit) {
    case 'year':
      return year;
    case 'month':
      return g === 'day' || g === 'month' ? value.slice(0, 7) : `${year}-XX`;
    case 'week':
      if (g === 'week') return value.slice(0, 8);
      return g === 'day' ? (shiftValueBy(value, 0, 'week') ?? `${year}-WXX`) : `${year}-WXX`;
    default:
      if (g === 'day') return value.slice(0, 10);
      return g === 'month' ? `${value.slice(0, 7)}-XX` : `${year}-XX-XX`;
  }
}

/** The start of the sentence `back` sentences before the one holding `offset`. */
function sentenceStartBefore(text: string, offset: number, back: number): number {
  let start = sentenceBounds(text, offset, offset).start;
  for (let n = 0; n < back; n++) {
    let p = start - 1;
    while (p > 0 && /\s/.test(text[p] as string)) p--;
    if (p <= 0) return 0;
    start = sentenceBounds(text, p, p).start;
  }
  return start;
}

/** The quarter named in the same sentence as kept[i] or the two before it. */
function nearbyQuarter(text: string, kept: Candidate[], i: number, ahead = true): Candidate | null {
  const here = kept[i] as Candidate;
  const sentence = sentenceBounds(text, here.start, here.end);
  const from = sentenceStartBefore(text, here.start, 2);
  for (let j = i - 1; j >= 0; j--) {
    const k = kept[j] as Candidate;
    if (k.end < from) break;
    if (/^\d{4}-Q\d$/.test(k.value) && !k.deferred) return k;
    // A report that has moved on to another period ("in the first nine months") is no longer about a quarter.
    if (k.type === 'DURATION' && /^P\d+M$/.test(k.value)) return null;
  }
  if (!ahead) return null;
  for (let j = i + 1; j < kept.length; j++) {
    const k = kept[j] as Candidate;
    if (k.start >= sentence.end) break;
    if (/^\d{4}-Q\d$/.test(k.value) && !k.deferred) return k;
  }
  return null;
}

/**
 * The last date expression before kept[i] within its paragraph or the one before it (news paragraphs are often
 * a single sentence).
 */
function previousDate(text: string, kept: Candidate[], i: number): Candidate | null {
  const here = kept[i] as Candidate;
  for (let j = i - 1; j >= 0; j--) {
    const k = kept[j] as Candidate;
    if (text.slice(k.end, here.start).split(/\n\s*\n/).length > 2) return null;
    if (isDate(k) && !k.deferred) return k;
  }
  return null;
}

/** The one plain date expression elsewhere in kept[i]'s sentence, when the phrase opens the sentence. */
function sentenceDate(text: string, kept: Candidate[], i: number): Candidate | null {
  const here = kept[i] as Candidate;
  const sentence = sentenceBounds(text, here.start, here.end);
  const lead = text.slice(sentence.start, here.start);
  if (!/^[\s"“'‘(]*(?:[A-Z][\w.]*(?:,\s*[A-Z][\w.]*)*\s*[–—-]+\s*)?$/.test(lead)) return null;
  const others = kept.filter(
    (k, j) => j !== i && k.start >= sentence.start && k.end <= sentence.end && isDate(k) && !k.deferred,
  );
  return others.length === 1 ? (others[0] as Candidate) : null;
}

/**
 * Date and time expressions in `text` with TIMEX3 values resolved against `anchor` (the article's date, ISO
 * YYYY-MM-DD or a date-time). With no anchor only expressions that need none are returned (years, full dates,
 * durations).
 */
export function findTimexes(text: string, anchor: string | null): TimexMatch[] {
  const anchorDate = parseAnchor(anchor);
  const tenses = new Map<string, Tense>();
  const cached = (start: number, end: number, event: boolean): Tense => {
    const key = `${start}:${end}:${event ? 1 : 0}`;
    if (!tenses.has(key)) tenses.set(key, tenseAround(text, start, end, event));
    return tenses.get(key) ?? null;
  };
  const ctx: RuleContext = {
    text,
    anchor: anchorDate,
    tense: (start, end) => cached(start, end, false),
    eventTense: (start, end) => cached(start, end, true),
  };
  const candidates = applyRules(ctx);
  for (const c of chronoCandidates(text, anchorDate)) {
    if (!candidates.some((k) => c.start < k.end && k.start < c.end)) candidates.push(c);
  }
  const kept = selectCandidates(candidates);
  resolveDeferred(text, anchorDate, kept);
  return kept
    .filter((c) => c.value !== '')
    .map((c) => ({
      start: c.start,
      end: c.end,
      text: text.slice(c.start, c.end),
      value: c.value,
      granularity: granularityOf(c.value, c.type),
      type: c.type,
      rule: c.rule,
    }));
}
