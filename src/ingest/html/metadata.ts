// Page metadata, read from the whole page before extraction changes it: JSON-LD (NewsArticle and kin, through
// @graph), OpenGraph, Twitter cards, Dublin Core and plain <meta> names, <link rel=canonical>, <html lang>, h1s.

import { bylineIn, cleanAuthors } from './authors.js';
import { type DomDocument, type DomElement, squash, textOf } from './dom.js';
import { headlineElement, nearHeadline } from './headline.js';
import { imageUrl, indexById, type JsonObject, jsonLdObjects, mainArticle, namesOf, str } from './jsonld.js';
import { cleanTitle } from './title.js';

export interface PageMeta {
  title: string | null;
  authors: string[];
  site: string | null;
  canonicalUrl: string | null;
  language: string | null;
  description: string | null;
  section: string | null;
  keywords: string[];
  image: string | null;
  /** Publication and modification stamps as found, most trusted first, with where each came from. */
  published: { value: string; source: string }[];
  modified: { value: string; source: string }[];
  /** The JSON-LD article object, if any (its articleBody can stand in when a page has no body text). */
  jsonLdArticle: JsonObject | null;
}

/** Every <meta> value by lower-cased name/property/itemprop/http-equiv, in page order. */
export function metaTags(doc: DomDocument): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const metas = doc.getElementsByTagName('meta');
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i]!;
    const content = m.getAttribute('content') ?? m.getAttribute('value');
    if (content === null || !content.trim()) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const key = m.getAttribute(attr);
      if (!key) continue;
      for (const k of key.toLowerCase().split(/\s+/)) {
        const list = map.get(k);
        if (list) list.push(content.trim());
        else map.set(k, [content.trim()]);
      }
    }
  }
  return map;
}

function first(tags: Map<string, string[]>, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = tags.get(k)?.[0];
    if (v) return squash(v);
  }
  return null;
}

/** Publication-date meta names, most specific first (htmldate's list, trimmed). */
const PUBLISHED_META = [
  'article:published_time',
  'article:published',
  'og:article:published_time',
  'og:published_time',
  'datepublished',
  'article.published',
  'published_time',
  'published-date',
  'publish-date',
  'publish_date',
  'publishdate',
  'publication_date',
  'publication-date',
  'pubdate',
  'date.available',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date.created',
  'dcterms.created',
  'datecreated',
  'article.created',
  'created',
  'sailthru.date',
  'parsely-pub-date',
  'cxenseparse:recs:publishtime',
  'citation_publication_date',
  'citation_date',
  'originalpublicationdate',
  'original-publish-date',
  'bt:pubdate',
  'release_date',
  'dc.date',
  'dcterms.date',
  'date',
  'og:pubdate',
  'pdate',
  'timestamp',
  'displaydate',
  'live_date',
  'uploaddate',
];

const MODIFIED_META = [
  'article:modified_time',
  'og:updated_time',
  'og:article:modified_time',
  'datemodified',
  'dc.date.modified',
  'dcterms.modified',
  'last-modified',
  'lastmod',
  'modified',
  'article.updated',
  'updated_time',
];

export interface MetaContext {
  url: string | null;
  jsonLdBlocks: string[];
}

export function readMetadata(doc: DomDocument, ctx: MetaContext): PageMeta {
  const tags = metaTags(doc);
  const objects = jsonLdObjects(ctx.jsonLdBlocks);
  const article = mainArticle(objects);
  const publisher = objects.find((o) => o.publisher)?.publisher as JsonObject | undefined;
  const webSite = objects.find((o) => str(o['@type'])?.toLowerCase() === 'website');

  const canonical = canonicalOf(doc, tags, ctx.url);
  const host = hostOf(canonical ?? ctx.url);
  const named =
    first(tags, 'og:site_name', 'application-name', 'al:ios:app_name') ??
    (publisher && typeof publisher === 'object' ? str(publisher.name) : null) ??
    (webSite ? str(webSite.name) : null);
  let site = named ?? (host ? host.replace(/^www\./, '') : null);

  const sites = [site, host, host?.replace(/^www\./, '').replace(/\.[a-z]+$/, '')].filter(
    (s): s is string => !!s,
  );
  const rawTitles = [
    article ? str(article.headline) : null,
    first(tags, 'og:title', 'twitter:title', 'dc.title', 'dcterms.title', 'title', 'headline'),
    squash(doc.title ?? '') || null,
  ].filter((t): t is string => !!t);
  const title = chooseTitle(rawTitles, headlines(doc, sites), sites);
  // Without a stated site name, the part a page's <title> adds to the headline ("… – Kreisbote") names the site.
  if (!named && title) site = siteFromTitle(squash(doc.title ?? ''), title) ?? site;

  const authors = authorsOf(article, indexById(objects), tags, doc, sites, title);
  const language = languageOf(doc, tags, article);

  const published: PageMeta['published'] = [];
  const modified: PageMeta['modified'] = [];
  if (article) {
    for (const key of ['datePublished', 'dateCreated', 'uploadDate']) {
      const v = str(article[key]);
      if (v) published.push({ value: v, source: `json-ld:${key}` });
    }
    const m = str(article.dateModified);
    if (m) modified.push({ value: m, source: 'json-ld:dateModified' });
  }
  for (const key of PUBLISHED_META)
    for (const v of tags.get(key) ?? []) published.push({ value: v, source: key });
  // Other JSON-LD objects (the WebPage, or a list of other stories) date something else, at best the page.
  for (const o of objects) {
    if (o === article) continue;
    const v = str(o.datePublished);
    if (v) published.push({ value: v, source: 'json-ld:other' });
  }
  for (const key of MODIFIED_META)
    for (const v of tags.get(key) ?? []) modified.push({ value: v, source: key });

  const keywords = keywordsOf(article, tags);
  return {
    title,
    authors,
    site,
    canonicalUrl: canonical,
    language,
    description:
      first(tags, 'og:description', 'description', 'twitter:description', 'dc.description') ??
      (article ? str(article.description) : null),
    section: (article ? str(article.articleSection) : null) ?? first(tags, 'article:section', 'section'),
    keywords,
    image: absolute(
      first(tags, 'og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src') ??
        (article ? imageUrl(article.image) : null),
      canonical ?? ctx.url,
    ),
    published,
    modified,
    jsonLdArticle: article,
  };
}

function siteFromTitle(pageTitle: string, title: string): string | null {
  const parts = pageTitle.split(/\s+[|–—·•»~-]\s+|\s*\|\s*/).map((p) => p.trim());
  if (parts.length < 2) return null;
  const last = parts[parts.length - 1]!;
  const head = parts.slice(0, -1).join(' ');
  if (!foldKey(head).includes(foldKey(title)) || foldKey(last) === foldKey(title)) return null;
  return last && last.split(/\s+/).length <= 5 ? last : null;
}

const foldKey = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * The title as the reader sees it: the page's one main heading when there is one (a site's social title or
 * <title> often differs, or carries a kicker and the site's name), else the cleaned metadata title.
 */
function chooseTitle(raw: string[], page: Headlines, sites: string[]): string | null {
  const ctx = { sites, headings: page.h1s };
  const cleaned = raw.map((t) => cleanTitle(t, ctx)).filter(Boolean);
  let main = mainHeading(page, cleaned);
  // A one-word heading ("News", "Details") is a section's label when the metadata has a fuller title.
  if (main && !/\s/.test(main.trim()) && cleaned[0] && cleaned[0].split(/\s+/).length >= 3) {
    if (!foldKey(cleaned[0]).includes(foldKey(main))) main = null;
  }
  if (main) {
    const h = foldKey(main);
    for (const c of cleaned) {
      const k = foldKey(c);
      if (k === h) return main;
      // The heading carries a kicker ("Interne Unterlagen Daten von Rheinmetall gehackt"): the metadata has it without.
      if (k.length >= 12 && h.length > k.length && h.endsWith(k)) return c;
    }
    return main;
  }
  return cleaned[0] ?? null;
}

function mainHeading(page: Headlines, cleaned: string[]): string | null {
  const keys = cleaned.map(foldKey);
  if (page.h1s.length === 1) return page.h1s[0]!;
  if (page.h1s.length > 1) {
    // Several h1s: the one the metadata agrees with (contains, or is contained in, a metadata title).
    for (const h1 of page.h1s) {
      const h = foldKey(h1);
      if (h.length >= 4 && keys.some((k) => k.includes(h) || h.includes(k))) return h1;
    }
  }
  return page.classed;
}

interface Headlines {
  /** Texts of the page's h1 elements that are not the site's logo. */
  h1s: string[];
  /** The first element marked as an entry's or article's title (blogs often use an h2). */
  classed: string | null;
}

const TITLE_CLASSES =
  '[itemprop~="headline"], .entry-title, .post-title, .article-title, .article__title, .article-headline, .headline, .story-title, .page-title';

function headlines(doc: DomDocument, sites: string[]): Headlines {
  const out: Headlines = { h1s: [], classed: null };
  const root = doc.body;
  if (!root) return out;
  const siteKeys = sites.map(foldKey).filter((k) => k.length > 1);
  const h1s = root.getElementsByTagName('h1');
  for (let i = 0; i < h1s.length && i < 8; i++) {
    const el = h1s[i]!;
    const text = textOf(el).replace(/[\u00ad\u200b]/g, '');
    if (text.length < 2 || text.length > 300 || isLogo(el, text, siteKeys)) continue;
    if (!out.h1s.includes(text)) out.h1s.push(text);
  }
  const classed = root.querySelectorAll(TITLE_CLASSES);
  for (let i = 0; i < classed.length && i < 5; i++) {
    const el = classed[i]!;
    if (el.localName === 'meta') continue;
    const text = textOf(el).replace(/[\u00ad\u200b]/g, '');
    if (text.length >= 2 && text.length <= 300 && !isLogo(el, text, siteKeys)) {
      out.classed = text;
      break;
    }
  }
  return out;
}

/** A heading that is the site's name or a link to its home page. */
function isLogo(el: DomElement, text: string, siteKeys: string[]): boolean {
  const key = foldKey(text);
  if (siteKeys.some((s) => s === key || (key.length >= 4 && s.includes(key)))) return true;
  const link = el.querySelector('a[href]');
  if (!link || textOf(link).length < text.length * 0.8) return false;
  const href = (link.getAttribute('href') ?? '').trim();
  return href === '/' || /^(?:https?:)?\/\/[^/]+\/?(?:index\.\w+)?$/i.test(href);
}

function authorsOf(
  article: JsonObject | null,
  byId: Map<string, JsonObject>,
  tags: Map<string, string[]>,
  doc: DomDocument,
  sites: string[],
  title: string | null,
): string[] {
  const options = { sites };
  if (article) {
    const { people } = namesOf(article.author ?? article.creator, byId);
    const names = people.flatMap((p) => cleanAuthors(p, options));
    if (names.length) return unique(names);
  }
  for (const key of [
    'author',
    'article:author',
    'dc.creator',
    'dcterms.creator',
    'parsely-author',
    'sailthru.author',
    'byl',
    'citation_author',
  ]) {
    const names = (tags.get(key) ?? []).flatMap((v) => cleanAuthors(v, options));
    if (names.length) return unique(names);
  }
  for (const el of bylineElements(doc)) {
    const names = cleanAuthors(textOf(el), options);
    if (names.length) return unique(names);
  }
  const anchor = headlineElement(doc, title);
  const near = anchor
    ? nearHeadline(anchor, (line) => (line ? bylineIn(line) : null), {
        after: 30,
        before: 10,
        insideHeadline: false,
      })
    : null;
  return near ? unique(near.flatMap((n) => cleanAuthors(n, options))) : [];
}

/** Elements that name an author: rel=author links, itemprop=author, and byline/author classes. */
function bylineElements(doc: DomDocument): DomElement[] {
  const out: DomElement[] = [];
  const push = (list: ArrayLike<DomElement>) => {
    for (let i = 0; i < list.length && out.length < 8; i++) out.push(list[i]!);
  };
  push(
    doc.querySelectorAll('[itemprop~="author"] [itemprop~="name"], [itemprop~="author"], a[rel~="author"]'),
  );
  push(
    doc.querySelectorAll(
      '.byline, .author-name, .author_name, .authorName, .byline-name, .article-author, .post-author, .entry-author, .author, .autor, .vcard .fn',
    ),
  );
  return out.filter((el) => textOf(el).length < 120);
}

function unique(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const k = n.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function languageOf(
  doc: DomDocument,
  tags: Map<string, string[]>,
  article: JsonObject | null,
): string | null {
  const raw =
    doc.documentElement?.getAttribute('lang') ??
    doc.documentElement?.getAttribute('xml:lang') ??
    first(tags, 'content-language', 'og:locale', 'language', 'dc.language') ??
    (article ? str(article.inLanguage) : null);
  if (!raw) return null;
  const m = /^([a-z]{2,3})(?:[-_]([a-z]{2}|\d{3}))?/i.exec(raw.trim());
  if (!m) return null;
  return m[2] ? `${m[1]!.toLowerCase()}-${m[2].toUpperCase()}` : m[1]!.toLowerCase();
}

function keywordsOf(article: JsonObject | null, tags: Map<string, string[]>): string[] {
  const raw: string[] = [];
  const fromLd = article?.keywords;
  if (typeof fromLd === 'string') raw.push(...fromLd.split(','));
  else if (Array.isArray(fromLd)) raw.push(...fromLd.filter((k): k is string => typeof k === 'string'));
  for (const key of ['news_keywords', 'keywords', 'article:tag']) {
    for (const v of tags.get(key) ?? []) raw.push(...v.split(key === 'article:tag' ? /\n/ : /[,;]/));
  }
  const out: string[] = [];
  for (const k of raw) {
    const t = squash(k);
    if (t && t.length < 80 && !out.some((o) => o.toLowerCase() === t.toLowerCase())) out.push(t);
  }
  return out.slice(0, 30);
}

function canonicalOf(doc: DomDocument, tags: Map<string, string[]>, url: string | null): string | null {
  const links = doc.getElementsByTagName('link');
  for (let i = 0; i < links.length; i++) {
    const l = links[i]!;
    if ((l.getAttribute('rel') ?? '').toLowerCase().split(/\s+/).includes('canonical')) {
      const href = absolute(l.getAttribute('href'), url);
      if (href) return href;
    }
  }
  return absolute(first(tags, 'og:url', 'twitter:url'), url);
}

function absolute(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    const u = base ? new URL(href.trim(), base) : new URL(href.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

export function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase() || null;
  } catch {
    return null;
  }
}
