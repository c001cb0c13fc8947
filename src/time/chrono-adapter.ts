// chrono-node as a second opinion: its strict English parser finds clock times and numeric or written dates
// the news rules do not cover; each result becomes a TIMEX3 candidate at the precision chrono is sure of.

import * as chrono from 'chrono-node';
import { formatDay, formatMonth, formatYear, pad, type Ymd } from './calendar.js';
import type { Candidate } from './rules.js';

const parser = chrono.en.strict;

interface Components {
  isCertain(c: 'year' | 'month' | 'day' | 'hour' | 'minute' | 'weekday'): boolean;
  get(c: 'year' | 'month' | 'day' | 'hour' | 'minute' | 'weekday'): number | null;
}

function componentsValue(c: Components, anchor: Ymd | null): { value: string; type: 'DATE' | 'TIME' } | null {
  const year = c.get('year');
  const month = c.get('month');
  const day = c.get('day');
  if (year === null || month === null || day === null) return null;
  const dateKnown = c.isCertain('day') || c.isCertain('weekday');
  // Without an article date only what the text states outright counts.
  if (!anchor && !(c.isCertain('year') && (c.isCertain('month') || !dateKnown))) return null;
  if (c.isCertain('hour')) {
    const minute = c.get('minute') ?? 0;
    return {
      value: `${formatDay({ y: year, m: month, d: day })}T${pad(c.get('hour') ?? 0)}:${pad(minute)}`,
      type: 'TIME',
    };
  }
  if (dateKnown) return { value: formatDay({ y: year, m: month, d: day }), type: 'DATE' };
  if (c.isCertain('month')) return { value: formatMonth(year, month), type: 'DATE' };
  if (c.isCertain('year')) return { value: formatYear(year), type: 'DATE' };
  return null;
}

/** chrono's results over the text as candidates, chrono's reference instant being noon of the anchor date. */
export function chronoCandidates(text: string, anchor: Ymd | null): Candidate[] {
  const ref = anchor
    ? new Date(Date.UTC(anchor.y, anchor.m - 1, anchor.d, 12))
    : new Date(Date.UTC(2000, 0, 1, 12));
  const out: Candidate[] = [];
  for (const r of parser.parse(text, { instant: ref, timezone: 0 }, { forwardDate: false })) {
    // Bare weekday abbreviations ("Sun", "Sat", "Wed") are names and words far more often than dates.
    if (/^(?:sun|sat|mon|tue|wed|thu|fri)\.?$/i.test(r.text)) continue;
    // Only what states a number or a month: chrono's word-only readings ("in the year") are the rules' job.
    // Fractions ("7/8", "1/2") are not dates.
    if (/^\d{1,2}\/\d{1,2}$/.test(r.text)) continue;
    if (!/\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i.test(r.text)) continue;
    const v = componentsValue(r.start as unknown as Components, anchor);
    if (!v) continue;
    // A time must look like one ("10:35", "6 p.m."), not a price read as a clock ("$1.35 a share").
    if (v.type === 'TIME' && !/\d:\d\d|\d\s*[ap]\.?m\b|noon|midnight/i.test(r.text)) continue;
    if (/[$£€#]\s*$/.test(text.slice(Math.max(0, r.index - 2), r.index))) continue;
    let value = v.value;
    let type: Candidate['type'] = v.type;
    if (r.end) {
      const end = componentsValue(r.end as unknown as Components, anchor);
      if (end && end.value !== v.value && end.value.length === v.value.length) {
        value = `${v.value}/${end.value}`;
        type = 'DATE';
      }
    }
    out.push({ start: r.index, end: r.index + r.text.length, value, type, rule: 'chrono' });
  }
  return out;
}
