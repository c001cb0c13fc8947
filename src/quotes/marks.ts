// Finds the spans between quotation marks in every common style: straight and curly double quotes, British
// single quotes (told apart from apostrophes), guillemets, and quotes re-opened on each paragraph they run over.

import type { Span } from '../document/index.js';

export type QuoteStyle = 'double' | 'single';

export interface QuotedSpan extends Span {
  /** Offset of the opening mark; `start` is just after it. */
  open: number;
  /** Offset just past the closing mark; `end` is the closing mark (or the paragraph end when unclosed). */
  close: number;
  style: QuoteStyle;
  /** False when no closing mark was found and the span stops at the end of its paragraph. */
  closed: boolean;
  /** Index of the paragraph holding the opening mark, and of the one holding the end. */
  firstParagraph: number;
  lastParagraph: number;
}

const DOUBLE_OPEN = new Set(['“', '„', '«']);
const DOUBLE_CLOSE = new Set(['”', '»']);
const SINGLE_OPEN = new Set(['‘', '‹']);
const SINGLE_CLOSE = new Set(['’', '›']);
const ALL_MARKS = /["“”„«»'‘’‹›]/;
const OPENING_CONTEXT = /[([{—–\-/]/;
const CLOSING_CONTEXT = /[.,;:!?)\]}—–\-…]/;
const SPACE = /\s/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

interface Flanks {
  /** Can open: followed by text, preceded by nothing, space or an opening bracket/dash/mark. */
  left: boolean;
  /** Can close: preceded by text, followed by nothing, space or punctuation. */
  right: boolean;
}

function flanks(text: string, i: number, lo: number, hi: number): Flanks {
  const prev = i > lo ? (text[i - 1] as string) : '';
  const next = i + 1 < hi ? (text[i + 1] as string) : '';
  const left =
    next !== '' &&
    !SPACE.test(next) &&
    (prev === '' || SPACE.test(prev) || OPENING_CONTEXT.test(prev) || ALL_MARKS.test(prev));
  const right =
    prev !== '' &&
    !SPACE.test(prev) &&
    (next === '' || SPACE.test(next) || CLOSING_CONTEXT.test(next) || ALL_MARKS.test(next));
  return { left, right };
}

type Direction = 'open' | 'close' | 'either' | 'none';

function doubleDirection(text: string, i: number, lo: number, hi: number): Direction {
  const c = text[i] as string;
  const f = flanks(text, i, lo, hi);
  // Context overrides the glyph: typesetting software often turns a mark the wrong way.
  if (f.left && !f.right) return 'open';
  if (f.right && !f.left) return 'close';
  if (DOUBLE_OPEN.has(c)) return 'open';
  if (DOUBLE_CLOSE.has(c)) return 'close';
  return c === '"' ? 'either' : 'none';
}

interface Paragraphish extends Span {}

/** The first non-space offset of a paragraph at which an opening double (or single) mark stands, or -1. */
function leadingMark(text: string, p: Paragraphish, style: QuoteStyle): number {
  let i = p.start;
  while (i < p.end && SPACE.test(text[i] as string)) i++;
  if (i >= p.end) return -1;
  const c = text[i] as string;
  if (style === 'double') return DOUBLE_OPEN.has(c) || c === '"' ? i : -1;
  return (SINGLE_OPEN.has(c) || c === "'") && WORD_CHAR.test(text[i + 1] ?? '') ? i : -1;
}

function inner(text: string, open: number, endMark: number): Span {
  let start = open + 1;
  let end = endMark;
  while (start < end && SPACE.test(text[start] as string)) start++;
  while (end > start && SPACE.test(text[end - 1] as string)) end--;
  return { start, end };
}

function findDouble(text: string, paragraphs: readonly Paragraphish[]): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  // A quote left open at the end of a paragraph whose next paragraph re-opens it.
  let carried: { open: number; paragraph: number } | null = null;
  for (let pi = 0; pi < paragraphs.length; pi++) {
    const p = paragraphs[pi] as Paragraphish;
    let openAt = -1;
    let openParagraph = pi;
    let skip = -1;
    if (carried) {
      openAt = carried.open;
      openParagraph = carried.paragraph;
      skip = leadingMark(text, p, 'double');
      carried = null;
    }
    for (let i = p.start; i < p.end; i++) {
      const c = text[i] as string;
      if (c !== '"' && !DOUBLE_OPEN.has(c) && !DOUBLE_CLOSE.has(c)) continue;
      if (i === skip) continue;
      let dir = doubleDirection(text, i, p.start, p.end);
      if (dir === 'none') continue;
      if (dir === 'either') dir = openAt < 0 ? 'open' : 'close';
      if (dir === 'open') {
        openAt = i;
        openParagraph = pi;
      } else if (openAt >= 0) {
        out.push({
          ...inner(text, openAt, i),
          open: openAt,
          close: i + 1,
          style: 'double',
          closed: true,
          firstParagraph: openParagraph,
          lastParagraph: pi,
        });
        openAt = -1;
      }
    }
    if (openAt >= 0) {
      const next = paragraphs[pi + 1];
      if (next && leadingMark(text, next, 'double') >= 0)
        carried = { open: openAt, paragraph: openParagraph };
      else
        out.push({
          ...inner(text, openAt, p.end),
          open: openAt,
          close: p.end,
          style: 'double',
          closed: false,
          firstParagraph: openParagraph,
          lastParagraph: pi,
        });
    }
  }
  return out;
}

type SingleRole = 'open' | 'close' | 'weak-close' | 'none';

/** Single marks double as apostrophes (Trump’s, allies’ plans, ’90s), so only clear contexts count. */
function singleRole(text: string, i: number, lo: number, hi: number): SingleRole {
  const c = text[i] as string;
  if (c !== "'" && !SINGLE_OPEN.has(c) && !SINGLE_CLOSE.has(c)) return 'none';
  const prev = i > lo ? (text[i - 1] as string) : '';
  const next = i + 1 < hi ? (text[i + 1] as string) : '';
  const f = flanks(text, i, lo, hi);
  if (c !== '’' && c !== '›' && f.left && !f.right && WORD_CHAR.test(next) && !/\d/.test(next)) return 'open';
  if (c === '‘' || c === '‹') return 'none';
  if (!f.right || f.left) return 'none';
  // "the allies’ position": a plural possessive, unless nothing better closes the quote.
  if (/s/i.test(prev) && SPACE.test(next) && WORD_CHAR.test(text[i + 2] ?? '')) return 'weak-close';
  return 'close';
}

function findSingle(
  text: string,
  paragraphs: readonly Paragraphish[],
  doubles: readonly QuotedSpan[],
): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  const insideDouble = (i: number) => doubles.some((d) => i >= d.open && i < d.close);
  let carried: { open: number; paragraph: number } | null = null;
  for (let pi = 0; pi < paragraphs.length; pi++) {
    const p = paragraphs[pi] as Paragraphish;
    let openAt = -1;
    let openParagraph = pi;
    let weak = -1;
    let skip = -1;
    if (carried) {
      openAt = carried.open;
      openParagraph = carried.paragraph;
      skip = leadingMark(text, p, 'single');
      carried = null;
    }
    const emit = (closeMark: number) => {
      out.push({
        ...inner(text, openAt, closeMark),
        open: openAt,
        close: closeMark + 1,
        style: 'single',
        closed: true,
        firstParagraph: openParagraph,
        lastParagraph: pi,
      });
      openAt = -1;
      weak = -1;
    };
    for (let i = p.start; i < p.end; i++) {
      if (i === skip) continue;
      const role = singleRole(text, i, p.start, p.end);
      if (role === 'none' || insideDouble(i)) continue;
      if (role === 'open') {
        if (openAt < 0) {
          openAt = i;
          openParagraph = pi;
        }
      } else if (openAt >= 0) {
        if (role === 'close') emit(i);
        else if (weak < 0) weak = i;
      }
    }
    if (openAt >= 0) {
      if (weak >= 0) emit(weak);
      else {
        const next = paragraphs[pi + 1];
        if (next && leadingMark(text, next, 'single') >= 0)
          carried = { open: openAt, paragraph: openParagraph };
      }
    }
  }
  // A single-quoted span must not cut through a double-quoted one.
  return out.filter(
    (s) =>
      !doubles.some(
        (d) =>
          d.open < s.close &&
          s.open < d.close &&
          !(s.open <= d.open && d.close <= s.close) &&
          !(d.open <= s.open && s.close <= d.close),
      ),
  );
}

/**
 * All outermost quoted spans, in text order. Marks nested inside a quote (‘…’ inside “…”, or the other way round
 * in British style) belong to the outer quote.
 */
export function findQuotedSpans(text: string, paragraphs: readonly Paragraphish[]): QuotedSpan[] {
  const blocks = paragraphs.length > 0 ? paragraphs : [{ start: 0, end: text.length }];
  const doubles = findDouble(text, blocks);
  const singles = findSingle(text, blocks, doubles);
  const all = [...doubles, ...singles].sort((a, b) => a.open - b.open || b.close - a.close);
  const outer: QuotedSpan[] = [];
  for (const span of all) {
    const last = outer[outer.length - 1];
    if (last && span.open >= last.open && span.close <= last.close) continue;
    if (last && span.open < last.close) continue;
    outer.push(span);
  }
  return outer.filter((s) => s.end > s.start);
}
