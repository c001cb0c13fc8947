// The publication and modification dates of a page, much as htmldate finds them: the URL path, then the date
// written under the headline, then metadata (JSON-LD, <meta>), then <time> and itemprop elements, then elements
// whose class names a date, then the description. The first plausible date in that order wins.

import { type DateOptions, dateInUrl, parseDate, parseStamp } from './dates.js';
import { type DomDocument, type DomElement, elementsUnder, squash, textOf } from './dom.js';
import { headlineElement, nearHeadline } from './headline.js';
import type { PageMeta } from './metadata.js';

export interface PageDates {
  published: string | null;
  /** Where the date came from: "url", "json-ld:datePublished", a meta name, "time", "element", "text". */
  publishedSource: string | null;
  modified: string | null;
}

const DATE_CLASS =
  /(?:^|[-_\s])(?:date|dates|datum|fecha|data|time|timestamp|published|publish|pubdate|posted|post-?date|entry-?date|article-?date|dateline|byline|meta|post-?meta|entry-?meta|article-?meta|info|article-?info|post-?info|details|zeit|datetime|created|submitted|veroeffentlicht|autor|author)(?:$|[-_\s]|\d)/i;

const MODIFIED_CLASS = /updated|modified|aktualisiert|geändert/i;

export function pageDates(doc: DomDocument, meta: PageMeta, url: string | null): PageDates {
  const options: DateOptions =
    meta.language?.startsWith('en-US') || meta.language === 'en' ? { monthFirst: true } : {};
  const modified = firstStamp(meta.modified, options)?.day ?? null;
  const done = (day: string, source: string): PageDates => ({
    published: day,
    publishedSource: source,
    modified,
  });

  const fromUrl = url ? dateInUrl(url, options) : null;
  if (fromUrl) return done(fromUrl, 'url');
  const canonicalDate = meta.canonicalUrl ? dateInUrl(meta.canonicalUrl, options) : null;
  if (canonicalDate) return done(canonicalDate, 'url');

  // The date a reader sees under the headline outranks the markup: sites' stamps are often the time the page was
  // built, re-published or moved, while the line under the headline is what the newsroom states.
  const near = headlineDate(doc, meta.title, options);
  if (near) return done(near, 'headline');

  const timed = timeElements(doc, options);
  const stamped = firstStamp(meta.published, options);
  if (stamped) {
    // A UTC stamp falls on the next or previous day for much of the world; a <time> shows the local day.
    if (stamped.utc && timed && Math.abs(dayNumber(timed) - dayNumber(stamped.day)) === 1)
      return done(timed, 'time');
    return done(stamped.day, stamped.source);
  }
  if (timed) return done(timed, 'time');

  const classed = classedElements(doc, options);
  if (classed) return done(classed, 'element');

  const described = meta.description ? parseDate(meta.description, options) : null;
  if (described) return done(described, 'description');

  return { published: null, publishedSource: null, modified };
}

function dayNumber(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / 86_400_000;
}

/** A date written just after the headline (or just before it), where most pages state when they were published. */
function headlineDate(doc: DomDocument, title: string | null, options: DateOptions): string | null {
  const anchor = headlineElement(doc, title);
  if (!anchor) return null;
  return nearHeadline(anchor, (line, own, alone) => {
    if (!/\d/.test(own)) return null;
    if (line !== null) return parseDate(line, options);
    // Inside a long block, only a date standing in an element of its own ("<span>07.11.2023</span>").
    return alone && own.length <= 40 ? parseDate(own, options) : null;
  });
}

function firstStamp(
  stamps: readonly { value: string; source: string }[],
  options: DateOptions,
): { day: string; source: string; utc: boolean } | null {
  for (const s of stamps) {
    const day = parseStamp(s.value, options);
    if (day) return { day, source: s.source, utc: /T\d{2}:\d{2}.*(?:Z|[+-]00:?00)$/.test(s.value.trim()) };
  }
  return null;
}

/** <time> and itemprop=datePublished elements, those marked as the publication date first. */
function timeElements(doc: DomDocument, options: DateOptions): string | null {
  const marked = doc.querySelectorAll(
    '[itemprop="datePublished"], time[pubdate], time.published, time.entry-date, abbr.published, time[class*="publish"], time[class*="date"]',
  );
  for (let i = 0; i < marked.length; i++) {
    const day = dateOfElement(marked[i]!, options);
    if (day) return day;
  }
  const times = doc.getElementsByTagName('time');
  for (let i = 0; i < times.length; i++) {
    const el = times[i]!;
    if (MODIFIED_CLASS.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('itemprop') ?? ''}`))
      continue;
    const day = dateOfElement(el, options);
    if (day) return day;
  }
  return null;
}

function dateOfElement(el: DomElement, options: DateOptions): string | null {
  for (const attr of ['datetime', 'content', 'title', 'data-datetime', 'data-date', 'data-utime']) {
    const v = el.getAttribute(attr);
    if (v) {
      const day = parseStamp(v, options);
      if (day) return day;
    }
  }
  const text = textOf(el);
  return text.length < 200 ? parseDate(text, options) : null;
}

/** Elements whose class or id names a date (or a byline or meta line), short enough to be a date line. */
function classedElements(doc: DomDocument, options: DateOptions): string | null {
  const root = doc.body;
  if (!root) return null;
  let seen = 0;
  for (const el of elementsUnder(root)) {
    // camelCase class names ("itemPostDate") split into words like kebab-case ones.
    const label = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.replace(
      /([a-z])([A-Z])/g,
      '$1-$2',
    );
    if (label.length < 3 || !DATE_CLASS.test(label) || MODIFIED_CLASS.test(label)) continue;
    if (++seen > 60) break;
    const text = squash(el.textContent ?? '');
    if (text.length === 0 || text.length > 250) continue;
    const day = parseDate(text, options);
    if (day) return day;
  }
  return null;
}
