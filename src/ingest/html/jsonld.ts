// JSON-LD in a page's <script type="application/ld+json"> blocks: parsed leniently (sites ship trailing commas and
// raw newlines), flattened through arrays and @graph, and the main article object picked out.

import { decodeHTML } from 'entities';

export type JsonObject = Record<string, unknown>;

const ARTICLE_TYPES = new Set([
  'article',
  'newsarticle',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'reviewnewsarticle',
  'backgroundnewsarticle',
  'askpublicnewsarticle',
  'satiricalarticle',
  'blogposting',
  'liveblogposting',
  'socialmediaposting',
  'discussionforumposting',
  'techarticle',
  'scholarlyarticle',
  'report',
  'medicalscholarlyarticle',
  'advertisercontentarticle',
  'review',
  'recipe',
  'howto',
  'creativework',
]);

const PAGE_TYPES = new Set(['webpage', 'itempage', 'aboutpage', 'qapage', 'faqpage', 'collectionpage']);

const SCRIPT_RE = /<script\b[^>]*\btype\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script\s*>/gi;

/** The raw bodies of a page's JSON-LD blocks, found in the HTML text before any DOM exists. */
export function jsonLdBlocks(html: string): string[] {
  const out: string[] = [];
  SCRIPT_RE.lastIndex = 0;
  for (let m = SCRIPT_RE.exec(html); m; m = SCRIPT_RE.exec(html)) if (m[1]?.trim()) out.push(m[1]);
  return out;
}

export function parseJsonLoose(text: string): unknown {
  const body = text.trim().replace(/^<!\[CDATA\[|\]\]>$/g, '');
  try {
    return JSON.parse(body);
  } catch {
    try {
      // Raw control characters inside strings and trailing commas are the usual faults.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
      return JSON.parse(body.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1'));
    } catch {
      return undefined;
    }
  }
}

/** Every object in the blocks, through arrays, @graph and mainEntity. */
export function jsonLdObjects(blocks: readonly string[]): JsonObject[] {
  const out: JsonObject[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 6 || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value) visit(v, depth + 1);
      return;
    }
    const obj = value as JsonObject;
    out.push(obj);
    if (obj['@graph']) visit(obj['@graph'], depth + 1);
    if (obj.mainEntity && typeof obj.mainEntity === 'object') visit(obj.mainEntity, depth + 1);
    if (obj.mainEntityOfPage && typeof obj.mainEntityOfPage === 'object' && obj.mainEntityOfPage !== null) {
      const page = obj.mainEntityOfPage as JsonObject;
      if (page['@type']) visit(page, depth + 1);
    }
  };
  for (const block of blocks) visit(parseJsonLoose(block), 0);
  return out;
}

export function typesOf(obj: JsonObject): string[] {
  const t = obj['@type'];
  if (typeof t === 'string') return [t.toLowerCase().replace(/^.*[/:]/, '')];
  if (Array.isArray(t))
    return t.filter((x) => typeof x === 'string').map((x) => x.toLowerCase().replace(/^.*[/:]/, ''));
  return [];
}

export function isArticle(obj: JsonObject): boolean {
  return typesOf(obj).some((t) => ARTICLE_TYPES.has(t) || t.endsWith('article'));
}

export function isPage(obj: JsonObject): boolean {
  return typesOf(obj).some((t) => PAGE_TYPES.has(t));
}

/** The objects that have an @id, by it. */
export function indexById(objects: readonly JsonObject[]): Map<string, JsonObject> {
  const map = new Map<string, JsonObject>();
  for (const o of objects) if (typeof o['@id'] === 'string' && (o.name || o['@type'])) map.set(o['@id'], o);
  return map;
}

/** The article object: the first of an article type with a headline or date, else the first of one, else a page. */
export function mainArticle(objects: readonly JsonObject[]): JsonObject | null {
  const articles = objects.filter(isArticle);
  return (
    articles.find((o) => o.headline || o.datePublished) ??
    articles[0] ??
    objects.find((o) => isPage(o) && (o.datePublished || o.headline)) ??
    null
  );
}

/** A string field, or the first string of an array field. */
export function str(value: unknown): string | null {
  // CMSs that escape twice leave character references in strings ("&#8211;", "&amp;", "&oacute;").
  if (typeof value === 'string') return decodeHTML(value).trim() || null;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    for (const v of value) {
      const s = str(v);
      if (s) return s;
    }
  }
  return null;
}

/** Names from a field holding a string, a {name} object or a list of either; organisations kept apart. */
export function namesOf(
  value: unknown,
  byId: ReadonlyMap<string, JsonObject> = new Map(),
): { people: string[]; organisations: string[] } {
  const people: string[] = [];
  const organisations: string[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 3 || v === null || v === undefined) return;
    if (typeof v === 'string') {
      if (v.trim()) people.push(v.trim());
    } else if (Array.isArray(v)) for (const x of v) visit(x, depth + 1);
    else if (typeof v === 'object') {
      let o = v as JsonObject;
      // {"@id": "…#author"} points at a Person elsewhere in the @graph.
      if (!o.name && typeof o['@id'] === 'string') o = byId.get(o['@id']) ?? o;
      const name = str(o.name) ?? ([str(o.givenName), str(o.familyName)].filter(Boolean).join(' ') || null);
      if (!name) return;
      const types = typesOf(o);
      if (types.some((t) => t === 'organization' || t === 'newsmediaorganization' || t === 'corporation'))
        organisations.push(name);
      else people.push(name);
    }
  };
  visit(value, 0);
  return { people, organisations };
}

/** The URL of an image field: a string, an ImageObject or a list of either. */
export function imageUrl(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) {
    for (const v of value) {
      const u = imageUrl(v);
      if (u) return u;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    const o = value as JsonObject;
    return str(o.url) ?? str(o.contentUrl) ?? null;
  }
  return null;
}
