// JSON and JSON Lines records: {title, text|body|content, url, date|published, source, authors}. Each record is
// its own article; a line that does not parse is reported with its line number and the rest go on.

import { DyadError } from '../../errors.js';
import type { ArticleDraft } from '../draft.js';
import { siteOf } from '../draft.js';
import { parseLayout } from './layout.js';

export interface RecordResult {
  /** 1-based line (JSON Lines) or index (JSON array) of the record. */
  line: number;
  draft?: ArticleDraft;
  error?: DyadError;
}

type Json = Record<string, unknown>;

function str(v: unknown): string | null {
  if (typeof v === 'string' && v.trim().length > 0) return v.trim();
  if (typeof v === 'number') return String(v);
  return null;
}

function pick(record: Json, keys: string[]): string | null {
  for (const k of keys) {
    const v = str(record[k]);
    if (v !== null) return v;
  }
  return null;
}

function authorsOf(record: Json): string[] {
  const v = record.authors ?? record.author ?? record.byline;
  const list = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  return list
    .map((a) => (typeof a === 'object' && a !== null ? str((a as Json).name) : str(a)))
    .filter((a): a is string => a !== null);
}

export function recordToDraft(
  value: unknown,
  origin: string,
  format: 'json' | 'jsonl',
  line: number,
): ArticleDraft {
  const where = { origin, line };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DyadError('DYAD_E_RECORD', 'a record must be a JSON object', where);
  }
  const record = value as Json;
  const text = pick(record, ['text', 'body', 'content', 'articleBody', 'maintext']);
  if (!text) throw new DyadError('DYAD_E_RECORD', 'the record has no "text" or "body"', where);
  const draft = parseLayout(text, { origin: `${origin}:${line}`, header: false, format });
  draft.format = format;
  draft.title = pick(record, ['title', 'headline']);
  draft.url = pick(record, ['url', 'link']);
  draft.site = pick(record, ['source', 'site', 'siteName', 'source_domain']) ?? siteOf(draft.url);
  draft.authors = authorsOf(record);
  draft.published = pick(record, [
    'published',
    'date',
    'publishedAt',
    'pubDate',
    'date_publish',
    'datePublished',
  ]);
  draft.language = pick(record, ['language', 'lang']);
  draft.standfirst = pick(record, ['standfirst', 'description', 'summary']);
  return draft;
}

export function parseJsonLines(text: string, origin: string): RecordResult[] {
  const out: RecordResult[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    try {
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch (e) {
        throw new DyadError('DYAD_E_JSON', `the line is not valid JSON (${(e as Error).message})`, {
          origin,
          line,
        });
      }
      out.push({ line, draft: recordToDraft(value, origin, 'jsonl', line) });
    } catch (e) {
      out.push({ line, error: e as DyadError });
    }
  });
  return out;
}

export function parseJsonDocument(text: string, origin: string): RecordResult[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new DyadError('DYAD_E_JSON', `the file is not valid JSON (${(e as Error).message})`, { origin });
  }
  const records = Array.isArray(value) ? value : [value];
  return records.map((r, i) => {
    try {
      return { line: i + 1, draft: recordToDraft(r, origin, 'json', i + 1) };
    } catch (e) {
      return { line: i + 1, error: e as DyadError };
    }
  });
}
