// Reads the layout of a plain-text article: the scraped form (title, "- title", "by NAME, URL", standfirst,
// paragraphs between dash lines), plain prose, and the body conventions of news copy — a dateline before the
// first sentence, short subheadings, and excerpt trailers ("read more.", "end", "[…]") that mark truncation.

import type { ArticleDraft, DraftParagraph } from '../draft.js';
import { emptyDraft, siteOf } from '../draft.js';

export interface LayoutOptions {
  origin: string | null;
  /** Look for a title, byline and standfirst at the top (off for JSON records, whose fields say them). */
  header: boolean;
  format?: string;
}

const SEPARATOR = /^\s*[-–—]{1,3}\s*$/;
const REPEATED_TITLE = /^\s*[-–—]\s+(.+?)\s*$/;
const BYLINE = /^\s*by\s+(.+)$/i;
const URL_IN = /(https?:\/\/[^\s,]+|www\.[^\s,]+)/i;
const TRAILER =
  /^(?:read more|continue reading(?:\b.{0,40})?|read the full (?:story|article)|full story|more to follow|\(?more\)?|ends?|\[?(?:…|\.\.\.)\]?)[\s.:!…»›→]*$/i;
const INLINE_TRAILER =
  /\s*(?:\[(?:…|\.\.\.)\]|\((?:…|\.\.\.)\)|(?:…|\.\.\.)\s*(?:read more|continue reading)\.?)\s*$/i;
const NOT_DATELINE_START =
  /^(?:The|A|An|In|On|At|But|And|It|This|That|These|Those|He|She|They|We|I|If|As|After|Before|When|While|For|From|With|By|Of|To|Its|His|Her|Their|Our|One|Two|Three)\b/;
// "Brussels, Belgium – ", "WASHINGTON (Reuters) - ", "GENEVA, March 3 (AP) — ", "KYIV — ".
const DATELINE = new RegExp(
  '^(' +
    "[\\p{Lu}][\\p{L}'’.\\-]*(?: [\\p{Lu}][\\p{L}'’.\\-]*){0,3}" +
    "(?:,\\s*[\\p{Lu}][\\p{L}'’.\\-]*(?: [\\p{Lu}][\\p{L}'’.\\-]*){0,3})?" +
    ')' +
    '(?:,\\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?\\s+\\d{1,2})?' +
    '(?:\\s*\\([\\p{L} .&]{1,30}\\))?' +
    '\\s*[–—-]{1,2}\\s+(?=\\S)',
  'u',
);

export function parseLayout(text: string, options: LayoutOptions): ArticleDraft {
  const draft = emptyDraft(options.format ?? 'plain-text', options.origin);
  const lines = text.split('\n').map((l) => l.trim());
  let i = 0;
  while (i < lines.length && lines[i] === '') i++;

  if (options.header) i = readHeader(lines, i, draft);

  const hasSeparators = lines.slice(i).some((l) => SEPARATOR.test(l));
  const blocks = splitBlocks(lines.slice(i), hasSeparators);
  let paragraphs = blocksToParagraphs(blocks, hasSeparators);
  paragraphs = stripTrailers(paragraphs, draft);
  takeDateline(paragraphs, draft);
  draft.paragraphs = paragraphs;
  return draft;
}

/** Reads title, byline and standfirst from the top; returns the index where the body starts. */
function readHeader(lines: string[], start: number, draft: ArticleDraft): number {
  let i = start;
  const first = lines[i] ?? '';
  const repeated = REPEATED_TITLE.exec(lines[i + 1] ?? '');
  if (repeated && sameTitle(repeated[1] ?? '', first)) {
    draft.title = first;
    draft.format = 'scraped-text';
    i += 2;
  }
  const byline = parseByline(lines[i] ?? '');
  if (byline) {
    draft.authors = byline.authors;
    if (byline.url) draft.url = byline.url;
    draft.site = byline.site ?? siteOf(byline.url);
    draft.format = 'scraped-text';
    i++;
  }
  if (draft.title === null && looksLikeTitle(lines, i)) {
    draft.title = lines[i] as string;
    i++;
  }
  // A standfirst is the lone line between the header and the first separator.
  while (i < lines.length && lines[i] === '') i++;
  if (draft.format === 'scraped-text' && lines[i] && !SEPARATOR.test(lines[i] as string)) {
    let j = i + 1;
    while (j < lines.length && lines[j] === '') j++;
    if (SEPARATOR.test(lines[j] ?? '')) {
      draft.standfirst = lines[i] as string;
      i = j;
    }
  }
  return i;
}

function sameTitle(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}

/** A short first line without final punctuation, followed by a blank line and more text, is a headline. */
function looksLikeTitle(lines: string[], i: number): boolean {
  const line = lines[i];
  if (!line || lines[i + 1] !== '') return false;
  const words = line.split(/\s+/).length;
  if (words > 16 || line.length > 140 || /[.,;:]$/.test(line)) return false;
  return lines.slice(i + 2).some((l) => l.length > 0);
}

export interface Byline {
  authors: string[];
  url: string | null;
  site: string | null;
  rest: string | null;
}

/** "by Samuel Stolton, https://www.aljazeera.com/", "By Jane Roe and Ali Khan — Reuters, 12 May 2018". */
export function parseByline(line: string): Byline | null {
  const m = BYLINE.exec(line);
  if (!m) return null;
  let body = (m[1] ?? '').trim();
  const urlMatch = URL_IN.exec(body);
  let url: string | null = null;
  if (urlMatch) {
    url = urlMatch[1]!.startsWith('http') ? urlMatch[1]! : `https://${urlMatch[1]}`;
    body = (body.slice(0, urlMatch.index) + body.slice(urlMatch.index + urlMatch[0].length)).trim();
  }
  const [namesPart = '', ...restParts] = body.split(/\s+[—–|]\s+/);
  const rest = restParts.join(' — ').trim() || null;
  const names = namesPart
    .replace(/[,;]\s*$/, '')
    .split(/\s*,\s*|\s+and\s+|\s*&\s*/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  const authors = names.filter((n) => isPersonName(n));
  if (authors.length === 0) return null;
  const site = rest ? (rest.split(',')[0]?.trim() ?? null) : null;
  return { authors, url, site, rest };
}

function isPersonName(s: string): boolean {
  const words = s.split(/\s+/);
  return words.length >= 1 && words.length <= 5 && /^\p{Lu}/u.test(s) && !/\d/.test(s);
}

/** Groups lines into blocks at separator lines (scraped form) and at blank lines. */
function splitBlocks(lines: string[], hasSeparators: boolean): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) blocks.push(current);
    current = [];
  };
  for (const line of lines) {
    if (line === '' || (hasSeparators && SEPARATOR.test(line))) flush();
    else current.push(line);
  }
  flush();
  return blocks;
}

function blocksToParagraphs(blocks: string[][], hasSeparators: boolean): DraftParagraph[] {
  const out: DraftParagraph[] = [];
  // In the scraped form each line is a paragraph; in prose, lines within a block are hard-wrapped text,
  // unless no block has more than one line's worth of breaks (one paragraph per line, no blank lines).
  const onePerLine = hasSeparators || blocks.length === 1;
  for (const block of blocks) {
    const lines = onePerLine ? block : [block.join(' ')];
    lines.forEach((line, k) => {
      const heading = isHeading(line, {
        alone: lines.length === 1,
        followed: k < lines.length - 1,
      });
      out.push({ text: line.replace(/\s+/g, ' '), kind: heading ? 'heading' : 'body' });
    });
  }
  // A "heading" with nothing after it is a last short paragraph, not a heading.
  const last = out[out.length - 1];
  if (last && last.kind === 'heading') last.kind = 'body';
  return out;
}

function isHeading(line: string, where: { alone: boolean; followed: boolean }): boolean {
  if (!where.alone && !where.followed) return false;
  const words = line.split(/\s+/).length;
  if (words > 8 || line.length > 70) return false;
  if (/[.,;:]["'’”]?$/.test(line)) return false;
  return /^["'‘“«(]?\p{Lu}/u.test(line) || /^\d/.test(line);
}

function stripTrailers(paragraphs: DraftParagraph[], draft: ArticleDraft): DraftParagraph[] {
  const out = [...paragraphs];
  while (out.length > 0 && TRAILER.test((out[out.length - 1] as DraftParagraph).text)) {
    out.pop();
    draft.truncated = true;
  }
  const last = out[out.length - 1];
  if (last && INLINE_TRAILER.test(last.text)) {
    last.text = last.text.replace(INLINE_TRAILER, '');
    draft.truncated = true;
  }
  return out;
}

/** Moves a dateline ("Brussels, Belgium – ") from the first body paragraph into the draft's metadata. */
function takeDateline(paragraphs: DraftParagraph[], draft: ArticleDraft): void {
  const first = paragraphs.find((p) => p.kind === 'body');
  if (!first) return;
  const m = DATELINE.exec(first.text);
  if (!m || NOT_DATELINE_START.test(first.text)) return;
  const place = (m[1] ?? '').trim();
  const rest = first.text.slice(m[0].length);
  // The dateline must leave a sentence behind it, starting with a word.
  if (rest.length < 20 || !/^[\p{L}\d"“‘']/u.test(rest)) return;
  draft.dateline = titleCaseIfShouting(place);
  draft.dateHints = [...(draft.dateHints ?? []), m[0]];
  first.text = rest;
}

function titleCaseIfShouting(s: string): string {
  if (s !== s.toUpperCase()) return s;
  return s
    .toLowerCase()
    .replace(/(^|[\s,(-])(\p{L})/gu, (_, pre: string, c: string) => pre + c.toUpperCase());
}
