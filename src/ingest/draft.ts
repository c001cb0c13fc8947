// An ArticleDraft is what every ingester (text, Markdown, JSON, HTML, feeds) produces: metadata plus a list of
// paragraphs. buildDoc fixes the text once — paragraphs joined by blank lines — and records their offsets.

import { createHash } from 'node:crypto';
import { type DateSource, Doc, emptyMeta, type Message, type ParagraphKind } from '../document/index.js';

export interface DraftParagraph {
  text: string;
  kind: ParagraphKind;
}

export interface ArticleDraft {
  title: string | null;
  authors: string[];
  site: string | null;
  url: string | null;
  canonicalUrl?: string | null;
  published: string | null;
  dateSource: DateSource;
  modified?: string | null;
  dateline: string | null;
  standfirst: string | null;
  language: string | null;
  truncated: boolean;
  format: string;
  origin: string | null;
  section?: string | null;
  keywords?: string[];
  image?: string | null;
  paragraphs: DraftParagraph[];
  messages: Message[];
  /** Text outside the body that may state the publication date (a byline's tail, a raw dateline). */
  dateHints?: string[];
}

export function emptyDraft(format: string, origin: string | null): ArticleDraft {
  return {
    title: null,
    authors: [],
    site: null,
    url: null,
    published: null,
    dateSource: 'unknown',
    dateline: null,
    standfirst: null,
    language: null,
    truncated: false,
    format,
    origin,
    paragraphs: [],
    messages: [],
  };
}

export const PARAGRAPH_SEPARATOR = '\n\n';

/** The identity of an article for de-duplication: its title and cleaned text. */
export function contentHash(title: string | null, text: string): string {
  return createHash('sha256')
    .update(title ?? '')
    .update('\u0000')
    .update(text)
    .digest('hex');
}

export function buildDoc(draft: ArticleDraft): Doc {
  const paragraphs = draft.paragraphs.filter((p) => p.text.trim().length > 0);
  const spans: { start: number; end: number; kind: ParagraphKind }[] = [];
  let text = '';
  for (const p of paragraphs) {
    if (text.length > 0) text += PARAGRAPH_SEPARATOR;
    const start = text.length;
    text += p.text;
    spans.push({ start, end: text.length, kind: p.kind });
  }
  const meta = emptyMeta(contentHash(draft.title, text));
  meta.title = draft.title;
  meta.authors = draft.authors;
  meta.site = draft.site;
  meta.url = draft.url;
  meta.canonicalUrl = draft.canonicalUrl ?? null;
  meta.published = draft.published;
  meta.dateSource = draft.dateSource;
  meta.modified = draft.modified ?? null;
  meta.dateline = draft.dateline;
  meta.standfirst = draft.standfirst;
  meta.language = draft.language;
  meta.truncated = draft.truncated;
  meta.origin = draft.origin;
  meta.format = draft.format;
  meta.section = draft.section ?? null;
  meta.keywords = draft.keywords ?? [];
  meta.image = draft.image ?? null;
  const doc = new Doc(text, meta);
  doc.paragraphs = spans;
  doc.messages = [...draft.messages];
  return doc;
}

/** The site name of a URL: its host without "www.". */
export function siteOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}
