// Publication date, in order of trust: the record's metadata, the --date option, a full date stated in the
// text (year, month and day all written out), a date the file's name starts with (archives named
// 2022-02-24-…), the file's modification time only when asked; never today.

import * as chrono from 'chrono-node';
import type { DateSource } from '../document/index.js';
import { DyadError } from '../errors.js';
import type { ArticleDraft } from './draft.js';

export type DateOption = string | 'mtime' | undefined;

export interface DateContext {
  /** --date: an ISO date, or "mtime" to fall back to the file's modification time. */
  option?: DateOption;
  mtime?: Date | null;
  /** The file the article came from, for a date its name starts with. */
  file?: string;
}

/** Parses a metadata or option date into "YYYY-MM-DD" (date only) or a full ISO date-time; null if unparseable. */
export function normalizeDate(value: string): string | null {
  const s = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return validDay(s) ? s : null;
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(s)) {
    const d = new Date(s.replace(' ', 'T'));
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }
  const parsed = chrono.strict.parse(s, new Date(Date.UTC(2000, 0, 1)));
  const first = parsed[0];
  if (!first?.start.isCertain('year') || !first.start.isCertain('day')) {
    const d = new Date(s);
    return Number.isNaN(d.getTime()) || !/\d{4}/.test(s) ? null : d.toISOString();
  }
  return isoDay(first.start.get('year')!, first.start.get('month')!, first.start.get('day')!);
}

function validDay(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

function isoDay(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Validates a --date option; throws DYAD_E_DATE for anything but an ISO date or "mtime". */
export function parseDateOption(value: string | undefined): DateOption {
  if (value === undefined || value === 'mtime') return value;
  const d = normalizeDate(value);
  if (!d) throw new DyadError('DYAD_E_DATE', `--date "${value}" is not a date (use YYYY-MM-DD or "mtime")`);
  return d;
}

// A line that is only a date, perhaps behind a label: "Published 12 May 2018", "March 3, 2023 10:04 GMT".
const DATE_LINE =
  /^(?:(?:published|posted|updated|first published|date)\b[:\s]*(?:on\s+)?)?[\w ,.:/+-]{6,40}$/i;

/**
 * A full date stated where news states its own date: the dateline, the byline's tail, or a short line that is
 * only a date. Dates inside the story's sentences are about events, not about the article, so they are not used.
 */
export function dateInText(draft: ArticleDraft): string | null {
  const lines = [...draft.paragraphs.slice(0, 3), ...draft.paragraphs.slice(-2)]
    .map((p) => p.text)
    .filter((t) => DATE_LINE.test(t));
  for (const text of [...(draft.dateHints ?? []), ...lines]) {
    for (const r of chrono.strict.parse(text, new Date(Date.UTC(2000, 0, 1)))) {
      const c = r.start;
      if (c.isCertain('year') && c.isCertain('month') && c.isCertain('day')) {
        return isoDay(c.get('year')!, c.get('month')!, c.get('day')!);
      }
    }
  }
  return null;
}

/** "2022-02-24-russia-invades-ukraine.txt" → 2022-02-24: a date at the very start of a file's name. */
export function dateInFileName(file: string | undefined): string | null {
  const base = (file ?? '').split(/[\\/]/).pop() ?? '';
  const m = /^(\d{4})-(\d{2})-(\d{2})(?=$|[-_. ])/.exec(base);
  if (!m) return null;
  const day = `${m[1]}-${m[2]}-${m[3]}`;
  return validDay(day) ? day : null;
}

/** Fills draft.published and draft.dateSource. Metadata already set on the draft wins. */
export function resolvePublished(draft: ArticleDraft, ctx: DateContext): void {
  if (draft.published) {
    const d = normalizeDate(draft.published);
    if (d) {
      draft.published = d;
      draft.dateSource = 'metadata';
      return;
    }
    draft.messages.push({
      level: 'warning',
      code: 'DYAD_W_BAD_DATE',
      message: `the record's date "${draft.published}" does not parse; ignored`,
      stage: 'ingest',
    });
    draft.published = null;
  }
  const set = (value: string, source: DateSource) => {
    draft.published = value;
    draft.dateSource = source;
  };
  if (ctx.option && ctx.option !== 'mtime') {
    set(ctx.option, 'option');
    return;
  }
  const stated = dateInText(draft);
  if (stated) {
    set(stated, 'text');
    return;
  }
  const named = dateInFileName(ctx.file);
  if (named) {
    set(named, 'file-name');
    return;
  }
  if (ctx.option === 'mtime' && ctx.mtime) {
    set(ctx.mtime.toISOString().slice(0, 10), 'file-mtime');
    return;
  }
  draft.dateSource = 'unknown';
  draft.messages.push({
    level: 'warning',
    code: 'DYAD_W_NO_DATE',
    message: 'no publication date in the metadata or the text; pass --date to set one',
    stage: 'ingest',
  });
}
