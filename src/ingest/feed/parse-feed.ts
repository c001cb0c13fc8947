// Feeds → items, one shape for every format feedsmith reads (RSS 0.9x/2.0, RDF/RSS 1.0, Atom, JSON Feed), and
// OPML → the feed URLs it lists. Item links are made absolute against the feed's URL.

import { createHash } from 'node:crypto';
import { parseFeed, parseOpml } from 'feedsmith';
import { DyadError } from '../../errors.js';
import { normalizeDate } from '../published.js';

export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json';

export interface FeedItem {
  /** What identifies the item within its feed: GUID, Atom id, JSON Feed id, else the link, else a hash. */
  key: string;
  url: string | null;
  title: string | null;
  published: string | null;
  modified: string | null;
  authors: string[];
  /** The item's own content: full content when the feed carries it, else its summary. */
  html: string | null;
  text: string | null;
  /** True when the content is only a summary (description, Atom summary), not the article. */
  summaryOnly: boolean;
}

export interface ParsedFeed {
  format: FeedFormat;
  title: string | null;
  siteUrl: string | null;
  items: FeedItem[];
}

type Rec = Record<string, unknown>;

const rec = (v: unknown): Rec | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Rec) : null);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

/** A string field, or the `value` of a text construct (Atom titles are {value, type}). */
function text(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  const r = rec(v);
  if (r && 'value' in r) return text(r.value);
  return null;
}

function path(v: unknown, ...keys: string[]): unknown {
  let cur = v;
  for (const k of keys) cur = rec(cur)?.[k];
  return cur;
}

function firstText(...values: unknown[]): string | null {
  for (const v of values) {
    for (const item of list(v)) {
      const t = text(item);
      if (t) return t;
    }
  }
  return null;
}

/** A feed date (RFC 822 in RSS, ISO 8601 in Atom and JSON Feed) → ISO date-time, or a date when only a day. */
export function feedDate(value: string | null): string | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return normalizeDate(v);
  const t = Date.parse(v);
  if (!Number.isNaN(t)) return new Date(t).toISOString();
  return normalizeDate(v);
}

/** "jane@example.org (Jane Roe)" → "Jane Roe"; a bare address is not a name. */
export function authorName(raw: string): string | null {
  const s = raw.trim();
  const paren = /^\S+@\S+\s*\(([^)]+)\)$/.exec(s);
  if (paren?.[1]) return paren[1].trim();
  if (/^\S+@\S+\.\S+$/.test(s)) return null;
  return s.replace(/^by\s+/i, '').trim() || null;
}

function authorsOf(...values: unknown[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    for (const a of list(v)) {
      const raw = typeof a === 'string' ? a : (text(rec(a)?.name) ?? text(rec(a)?.email));
      const name = raw ? authorName(raw) : null;
      if (name && !out.includes(name)) out.push(name);
    }
  }
  return out;
}

function absolute(link: string | null, base: string | null | undefined): string | null {
  if (!link) return null;
  try {
    return new URL(link, base ?? undefined).toString();
  } catch {
    return null;
  }
}

function itemKey(
  guid: string | null,
  url: string | null,
  title: string | null,
  published: string | null,
): string {
  if (guid) return guid;
  if (url) return url;
  return `sha1:${createHash('sha1')
    .update(`${title ?? ''}\u0000${published ?? ''}`)
    .digest('hex')}`;
}

function rssItem(item: Rec, base: string | null): FeedItem {
  const url = absolute(
    text(item.link) ?? (rec(item.guid)?.isPermaLink !== false ? text(item.guid) : null),
    base,
  );
  const title = text(item.title);
  const published = feedDate(firstText(item.pubDate, path(item, 'dc', 'dates'), path(item, 'dc', 'date')));
  const full = text(path(item, 'content', 'encoded'));
  const description = text(item.description);
  return {
    key: itemKey(text(item.guid), url, title, published),
    url,
    title,
    published,
    modified: feedDate(firstText(path(item, 'dcterms', 'modified'))),
    authors: authorsOf(item.authors, item.author, path(item, 'dc', 'creators'), path(item, 'dc', 'creator')),
    html: full ?? description,
    text: null,
    summaryOnly: full === null,
  };
}

function atomLink(entry: Rec): string | null {
  const links = list(entry.links)
    .map(rec)
    .filter((l): l is Rec => l !== null);
  const alternate = links.find((l) => !l.rel || l.rel === 'alternate') ?? links[0];
  return text(alternate?.href);
}

function atomEntry(entry: Rec, base: string | null): FeedItem {
  const url = absolute(atomLink(entry), base);
  const title = text(entry.title);
  const published = feedDate(text(entry.published) ?? text(entry.updated));
  const content = rec(entry.content);
  const contentType = text(content?.type);
  const body = text(content);
  const summary = text(entry.summary);
  const isText = contentType === 'text' || (!contentType && body !== null && !/[<&]/.test(body));
  return {
    key: itemKey(text(entry.id), url, title, published),
    url,
    title,
    published,
    modified: feedDate(text(entry.updated)),
    authors: authorsOf(entry.authors, entry.author),
    html: body && !isText ? body : body ? null : summary,
    text: body && isText ? body : null,
    summaryOnly: body === null,
  };
}

function jsonItem(item: Rec, base: string | null): FeedItem {
  const url = absolute(text(item.url) ?? text(item.external_url), base);
  const title = text(item.title);
  const published = feedDate(text(item.date_published) ?? text(item.date_modified));
  const html = text(item.content_html);
  const plain = text(item.content_text);
  const summary = text(item.summary);
  return {
    key: itemKey(text(item.id), url, title, published),
    url,
    title,
    published,
    modified: feedDate(text(item.date_modified)),
    authors: authorsOf(item.authors, item.author),
    html,
    text: plain ?? (html ? null : summary),
    summaryOnly: html === null && plain === null,
  };
}

/** Parses a feed's text; throws DYAD_E_FEED when it is no feed feedsmith recognises. */
export function parseFeedText(
  body: string,
  options: { url?: string | null; origin?: string } = {},
): ParsedFeed {
  const where = { origin: options.origin ?? options.url ?? '' };
  let parsed: { format: string; feed: unknown };
  try {
    parsed = parseFeed(body) as { format: string; feed: unknown };
  } catch (e) {
    throw new DyadError('DYAD_E_FEED', `not a feed (${e instanceof Error ? e.message : String(e)})`, {
      ...where,
      cause: e,
    });
  }
  const feed = rec(parsed.feed) ?? {};
  const format = parsed.format as FeedFormat;
  if (format === 'atom') {
    const links = list(feed.links).map(rec);
    const site = text(links.find((l) => l?.rel === 'alternate' || !l?.rel)?.href);
    const siteUrl = absolute(site, options.url);
    const base = options.url ?? siteUrl;
    return {
      format,
      title: text(feed.title),
      siteUrl,
      items: list(feed.entries).map((e) => atomEntry(rec(e) ?? {}, base)),
    };
  }
  if (format === 'json') {
    const siteUrl = absolute(text(feed.home_page_url), options.url);
    const base = options.url ?? siteUrl;
    return {
      format,
      title: text(feed.title),
      siteUrl,
      items: list(feed.items).map((i) => jsonItem(rec(i) ?? {}, base)),
    };
  }
  const siteUrl = absolute(text(feed.link), options.url);
  const base = options.url ?? siteUrl;
  return {
    format: format === 'rdf' ? 'rdf' : 'rss',
    title: text(feed.title),
    siteUrl,
    items: list(feed.items).map((i) => rssItem(rec(i) ?? {}, base)),
  };
}

/** The feed URLs an OPML file lists, at any depth of outline, each once. */
export function parseOpmlText(
  body: string,
  options: { url?: string | null; origin?: string } = {},
): string[] {
  let opml: unknown;
  try {
    opml = parseOpml(body);
  } catch (e) {
    throw new DyadError('DYAD_E_FEED', `not an OPML file (${e instanceof Error ? e.message : String(e)})`, {
      origin: options.origin ?? options.url ?? '',
      cause: e,
    });
  }
  const out: string[] = [];
  const visit = (outlines: unknown) => {
    for (const o of list(outlines)) {
      const url = absolute(text(rec(o)?.xmlUrl), options.url);
      if (url && /^https?:/i.test(url) && !out.includes(url)) out.push(url);
      visit(rec(o)?.outlines);
    }
  };
  visit(path(opml, 'body', 'outlines'));
  return out;
}

export type FeedKind = 'feed' | 'opml';

/** Whether a text is a feed or an OPML list, by its opening; null for anything else (HTML, articles). */
export function sniffFeed(body: string): FeedKind | null {
  const head = body
    .slice(0, 2048)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (head.startsWith('{'))
    return /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(head) ? 'feed' : null;
  // Skip the XML declaration, processing instructions, comments and a doctype to reach the root element.
  const root = /^(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<([\w:.-]+)/i
    .exec(head)?.[1]
    ?.toLowerCase();
  if (!root) return null;
  if (root === 'opml') return 'opml';
  if (root === 'rss' || root === 'feed' || root === 'rdf:rdf' || root === 'rdf' || root.endsWith(':rdf'))
    return 'feed';
  return null;
}
