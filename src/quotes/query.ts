// Finds stored quotes by speaker (name or CAMEO code), words and date. Works over any source that lists articles and
// returns their Docs (the Store does), reading each Doc's quotes layer; an indexed store query can replace it later.

import type { Doc, Quote } from '../document/index.js';

export interface QuoteQuery {
  /** A speaker's name (any part of it, any case) or a CAMEO code prefix ("USA" matches USAGOV). */
  speaker?: string;
  /** Words that must all occur in the quote, in any case. */
  text?: string;
  /** Only articles published on or after this ISO date (YYYY-MM-DD). */
  since?: string;
  /** At most this many hits. */
  limit?: number;
}

export interface QuoteHit {
  articleId: number | null;
  title: string | null;
  url: string | null;
  /** The article's publication date (ISO), or null. */
  published: string | null;
  quote: Quote;
}

/** What findQuotes needs from a store: a page of article summaries and one Doc by id. */
export interface DocSource {
  listArticles(options: {
    limit: number;
    offset: number;
  }): Promise<{ id: number; published: string | null }[]>;
  getDoc(id: number): Promise<Doc | null>;
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[’']/g, "'").toLowerCase();

/** A query string that looks like a CAMEO code: capitals only, three letters or more. */
function isCode(s: string): boolean {
  return /^[A-Z]{3,}$/.test(s);
}

export function speakerMatches(quote: Quote, speaker: string, text = ''): boolean {
  const s = quote.speaker;
  if (!s) return false;
  const wanted = speaker.trim();
  if (wanted === '') return true;
  if (isCode(wanted) && s.code.toUpperCase().startsWith(wanted)) return true;
  const name = fold(s.name);
  const mention = fold(text.slice(s.start, s.end));
  const q = fold(wanted);
  return name.includes(q) || mention.includes(q) || (s.code !== '' && s.code.toLowerCase() === q);
}

export function textMatches(quote: Quote, words: string): boolean {
  const hay = fold(quote.text);
  return fold(words)
    .split(/\s+/)
    .filter((w) => w !== '')
    .every((w) => hay.includes(w));
}

function publishedOnOrAfter(published: string | null, since: string): boolean {
  return published !== null && published.slice(0, 10) >= since.slice(0, 10);
}

/** The quotes of one Doc that match a query, in text order. */
export function matchQuotes(doc: Doc, query: QuoteQuery): QuoteHit[] {
  if (query.since && !publishedOnOrAfter(doc.meta.published, query.since)) return [];
  const hits: QuoteHit[] = [];
  for (const quote of doc.quotes) {
    if (query.speaker !== undefined && !speakerMatches(quote, query.speaker, doc.text)) continue;
    if (query.text !== undefined && !textMatches(quote, query.text)) continue;
    hits.push({
      articleId: doc.id,
      title: doc.meta.title,
      url: doc.meta.url,
      published: doc.meta.published,
      quote,
    });
  }
  return hits;
}

const PAGE = 100;

/** Matching quotes across every article of a source, newest articles first (as the source lists them). */
export async function findQuotes(source: DocSource, query: QuoteQuery = {}): Promise<QuoteHit[]> {
  const limit = query.limit ?? Number.POSITIVE_INFINITY;
  const hits: QuoteHit[] = [];
  for (let offset = 0; hits.length < limit; offset += PAGE) {
    const page = await source.listArticles({ limit: PAGE, offset });
    for (const article of page) {
      if (query.since && !publishedOnOrAfter(article.published, query.since)) continue;
      const doc = await source.getDoc(article.id);
      if (!doc) continue;
      for (const hit of matchQuotes(doc, query)) {
        hits.push(hit);
        if (hits.length >= limit) break;
      }
      if (hits.length >= limit) break;
    }
    if (page.length < PAGE) break;
  }
  return hits;
}
