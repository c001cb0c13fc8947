// Article titles from page titles: strips the site's name and section crumbs that sites append or prepend
// (" | Site", "Site - ", " – Section – Site"), preferring the part that matches the page's main heading.

import { squash } from './dom.js';

/** Separators sites put between a title and their name; a bare hyphen or colon only with spaces round it. */
const SEPARATOR = /\s+[|–—\-·•»«~:/\\]+\s+|\s*[|]\s*|\s+::\s+/;

function fold(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Does a part of a title name the site (its name, or its host name)? */
function namesSite(part: string, sites: readonly string[]): boolean {
  const p = fold(part);
  if (!p) return true;
  return sites.some((s) => {
    const f = fold(s);
    return f.length > 1 && (p === f || (p.length >= 4 && (f.includes(p) || p.includes(f)) && p.length < 40));
  });
}

export interface TitleContext {
  /** The site's name and host ("The Daily Planet", "dailyplanet.com"). */
  sites: string[];
  /** The page's main headings (h1 texts), to prefer the part of a title that equals one. */
  headings: string[];
}

/** Cleans one title candidate. */
export function cleanTitle(raw: string, ctx: TitleContext): string {
  const title = squash(raw);
  if (!title) return title;
  const headings = ctx.headings.map(squash).filter(Boolean);
  if (headings.some((h) => fold(h) === fold(title))) return title;
  // "Site: Headline", where the colon has no space before it.
  const prefixed = /^(.{2,40}?):\s+(.{8,})$/.exec(title);
  if (prefixed && namesSite(prefixed[1]!, ctx.sites)) return prefixed[2]!.trim();
  const parts = title.split(SEPARATOR).map((p) => p.trim());
  if (parts.length === 1) return title;
  // The title is the part that is a main heading …
  for (const h of headings) {
    if (fold(h).length < 4) continue;
    const hit = parts.find((p) => fold(p) === fold(h));
    if (hit) return hit;
    if (fold(title).startsWith(fold(h)) || fold(title).endsWith(fold(h))) return h;
  }
  // … or what is left once the site's name is gone, when that leaves one run of parts.
  const kept = parts.filter((p) => !namesSite(p, ctx.sites));
  if (kept.length > 0 && kept.length < parts.length) {
    const first = parts.findIndex((p) => !namesSite(p, ctx.sites));
    const last = parts.length - 1 - [...parts].reverse().findIndex((p) => !namesSite(p, ctx.sites));
    const sepRe = new RegExp(SEPARATOR.source, 'g');
    const pieces = title.split(sepRe);
    const seps = title.match(sepRe) ?? [];
    let out = pieces[first] ?? '';
    for (let i = first + 1; i <= last; i++) out += (seps[i - 1] ?? ' ') + (pieces[i] ?? '');
    return out.trim();
  }
  // Short parts after a long first one are nearly always a site's name and sections ("Long headline | Brand").
  const strong = title.split(STRONG_SEPARATOR).map((p) => p.trim());
  if (strong.length >= 2) {
    const head = strong[0]!;
    const rest = strong.slice(1);
    if (wordCount(head) >= 3 && rest.every((p) => wordCount(p) <= 4 && p.length < head.length)) return head;
    // "Brand | Long headline": a short first part before a long one.
    const tail = strong[strong.length - 1]!;
    if (strong.length === 2 && wordCount(head) <= 3 && wordCount(tail) >= 4) return tail;
  }
  return title;
}

const STRONG_SEPARATOR = /\s+[|–—\-·•»~]\s+|\s*\|\s*/;

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}
