// HTML → ArticleDraft: metadata from the whole page (JSON-LD, OpenGraph, <meta>, <time>, the URL), then the
// article body by Mozilla Readability on linkedom after boilerplate rules have cut page furniture, with the
// CMS's body container or a text-density extraction of our own where Readability finds too little or links.

import { Readability } from '@mozilla/readability';
import { type ArticleDraft, type DraftParagraph, emptyDraft } from '../draft.js';
import { normalizeText } from '../text/decode.js';
import { bylineNames, cleanAuthors } from './authors.js';
import { blocksOf, type TextBlock } from './blocks.js';
import { furnitureParagraph, removeBoilerplate, stripInert } from './boilerplate.js';
import { parseDate } from './dates.js';
import { containerParagraphs, densityParagraphs } from './density.js';
import { type DomDocument, type DomElement, parseDocument, textOf } from './dom.js';
import { jsonLdBlocks, str } from './jsonld.js';
import { readMetadata } from './metadata.js';
import { pageDates } from './page-dates.js';

export interface ExtractOptions {
  /** The page's URL: resolves relative links and may carry the date (/2020/01/08/). */
  url?: string;
  /** Recorded as the draft's origin (a file path). */
  origin?: string;
}

/** Below this many characters Readability's result is compared with the fallback's. */
const SHORT_ARTICLE = 400;

/** The draft and how it was made, for evaluation and diagnostics. */
export interface ExtractedPage {
  draft: ArticleDraft;
  /** The lead (standfirst) as shown on the page above the body, when there is one; it is not in the body. */
  shownLead: string | null;
  /** Which extractor gave the body: 'readability', 'container', 'density' or 'json-ld'. */
  method: string;
  dateSource: string | null;
}

export function extractArticle(html: string, options: ExtractOptions = {}): ArticleDraft {
  return extractPage(html, options).draft;
}

export function extractPage(html: string, options: ExtractOptions = {}): ExtractedPage {
  const url = options.url ?? null;
  const draft = emptyDraft('html', options.origin ?? null);
  const blocks = jsonLdBlocks(html);
  const inert = stripInert(html);
  const doc = parseDocument(inert);
  const meta = readMetadata(doc, { url, jsonLdBlocks: blocks });
  const dates = pageDates(doc, meta, url);

  const lead = meta.description ? findLead(doc, meta.description) : null;
  let paragraphs = readabilityParagraphs(doc);
  let method = 'readability';
  // Too little text, or text that is mostly links (a ticker, a list of other stories), means Readability
  // picked the wrong block: the density extraction gets a say.
  if (textLength(paragraphs.body) < SHORT_ARTICLE || linkedShare(paragraphs.body) > 0.5) {
    const fresh = parseDocument(inert);
    if (fresh.body) {
      removeBoilerplate(fresh.body);
      const container = containerParagraphs(fresh.body);
      const dense = container.length ? container : densityParagraphs(fresh.body);
      if (unlinkedLength(dense) > unlinkedLength(paragraphs.body) * 1.5) {
        paragraphs = { body: dense, byline: paragraphs.byline };
        method = container.length ? 'container' : 'density';
      }
    }
  }
  // A lead shown above the body is the standfirst, kept apart from the body as the project's Doc does.
  const shownLead =
    lead && !paragraphs.body.slice(0, 4).some((p) => fold(p.text).includes(fold(lead))) ? lead : null;
  const cleaned = cleanParagraphs(paragraphs.body, meta.title);
  let body = cleaned.paragraphs;
  if (body.length === 0 && meta.jsonLdArticle) {
    const text = str(meta.jsonLdArticle.articleBody);
    if (text) {
      body = text
        .split(/\n\s*\n|\r?\n/)
        .map((t) => t.trim())
        .filter(Boolean)
        .map((t) => ({ text: t, kind: 'body' as const }));
      method = 'json-ld';
    }
  }

  let authors = meta.authors;
  if (authors.length === 0 && paragraphs.byline) authors = cleanAuthors(paragraphs.byline);
  if (authors.length === 0 && cleaned.byline) authors = cleaned.byline;

  draft.title = meta.title;
  draft.authors = authors;
  draft.site = meta.site;
  draft.url = url ?? meta.canonicalUrl;
  draft.canonicalUrl = meta.canonicalUrl;
  // Last, a dateline opening the text ("Berlin, 12.03.2020 – …", "Pressemitteilung vom 25. Januar 2022 | …").
  let published = dates.published;
  let dateFrom = dates.publishedSource;
  for (const opening of published ? [] : [shownLead, ...body.slice(0, 3).map((p) => p.text)]) {
    const day = opening ? parseDate(opening.slice(0, 80)) : null;
    if (day) {
      published = day;
      dateFrom = 'dateline';
      break;
    }
  }
  draft.published = published;
  draft.dateSource = published ? 'metadata' : 'unknown';
  draft.modified = dates.modified;
  draft.language = meta.language;
  draft.standfirst = shownLead ?? meta.description;
  draft.section = meta.section;
  draft.keywords = meta.keywords;
  draft.image = meta.image;
  draft.paragraphs = body;
  if (cleaned.dateLine) draft.dateHints = [cleaned.dateLine];
  draft.messages.push({
    level: 'info',
    code: 'DYAD_I_EXTRACTED',
    message: `article text by ${method}${dateFrom ? `; date from ${dateFrom}` : ''}`,
    stage: 'ingest',
  });
  normalizeDraft(draft);
  return {
    draft,
    shownLead: shownLead === null ? null : normalizeText(shownLead),
    method,
    dateSource: dateFrom,
  };
}

const LEAD_CLASS =
  /lead|intro|teaser|abstract|summary|standfirst|subtitle|description|excerpt|\bdek\b|deck|sapo|chapeau|vorspann|subline/i;

/**
 * The article's lead paragraph, when the page states it in its description and shows it in a paragraph of its
 * own (or a lead/intro/teaser block): Readability often leaves such a lead behind in the page header.
 */
function findLead(doc: DomDocument, description: string): string | null {
  const want = fold(description.replace(/(?:\.\.\.|…)\s*$/, ''));
  if (want.length < 40 || !doc.body) return null;
  const probe = want.slice(0, 60);
  const candidates = doc.body.querySelectorAll(
    'p, h2, [class*="lead"], [class*="intro"], [class*="teaser"], [class*="abstract"], [class*="summary"], [class*="standfirst"], [class*="description"], [class*="excerpt"]',
  );
  for (let i = 0; i < candidates.length; i++) {
    const el = candidates[i]!;
    const text = textOf(el);
    if (text.length < 40 || text.length > want.length * 1.5 + 40) continue;
    const have = fold(text);
    if (
      have.startsWith(probe) ||
      (el.localName !== 'p' && LEAD_CLASS.test(el.className) && have.includes(probe))
    )
      return text;
  }
  return null;
}

/** NFC, \n line ends and no control characters in every text taken from the page, as for every other input. */
function normalizeDraft(draft: ArticleDraft): void {
  const n = (s: string | null | undefined) => (s ? normalizeText(s) : (s ?? null));
  draft.paragraphs = draft.paragraphs.map((p) => ({ text: normalizeText(p.text), kind: p.kind }));
  draft.title = n(draft.title);
  draft.authors = draft.authors.map(normalizeText);
  draft.site = n(draft.site);
  draft.standfirst = n(draft.standfirst);
  draft.section = n(draft.section);
  draft.keywords = (draft.keywords ?? []).map(normalizeText);
  if (draft.dateHints) draft.dateHints = draft.dateHints.map(normalizeText);
}

/** The share of the characters that sit inside links. */
function linkedShare(blocks: readonly TextBlock[]): number {
  const total = textLength(blocks);
  return total > 0 ? 1 - unlinkedLength(blocks) / total : 0;
}

function unlinkedLength(blocks: readonly TextBlock[]): number {
  let n = 0;
  for (const b of blocks) n += b.text.length * (1 - b.linked);
  return n;
}

function textLength(paragraphs: readonly DraftParagraph[]): number {
  let n = 0;
  for (const p of paragraphs) n += p.text.length;
  return n;
}

interface Found {
  body: TextBlock[];
  byline: string | null;
}

function readabilityParagraphs(doc: DomDocument): Found {
  if (!doc.body) return { body: [], byline: null };
  removeBoilerplate(doc.body);
  const reader = new Readability<DomElement>(doc as unknown as ConstructorParameters<typeof Readability>[0], {
    keepClasses: true,
    disableJSONLD: true,
    serializer: (el) => el as unknown as DomElement,
  });
  let result: ReturnType<typeof reader.parse>;
  try {
    result = reader.parse();
  } catch {
    return { body: [], byline: null };
  }
  if (!result?.content) return { body: [], byline: null };
  return {
    body: blocksOf(result.content),
    byline: typeof result.byline === 'string' ? result.byline : null,
  };
}

const LINKED_MAX = 0.7;

const DATE_LABEL =
  /^(?:publiziert|veröffentlicht|aktualisiert|zuletzt aktualisiert|letzte aktualisierung|stand|published|updated|last (?:modified|updated)|release date|erstellt)\b/im;

/** A short line that is a date, with at most a label or a byline around it ("Published Monday, 18 Nov 2019"). */
function datesThePage(line: string): boolean {
  return line.length < 60 && line.split(/\s+/).length <= 8 && parseDate(line) !== null;
}

function danglingLabel(p: DraftParagraph): boolean {
  const text = p.text.trim();
  if (text.length > 60) return false;
  return p.kind === 'heading' || /[:：]$/.test(text);
}

const fold = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Drops the repeated title, byline and date lines and page furniture; keeps the names a byline gives. */
function cleanParagraphs(
  paragraphs: readonly TextBlock[],
  title: string | null,
): { paragraphs: DraftParagraph[]; byline: string[] | null; dateLine: string | null } {
  const out: DraftParagraph[] = [];
  let byline: string[] | null = null;
  let dateLine: string | null = null;
  const titleKey = title ? fold(title) : '';
  paragraphs.forEach((p, i) => {
    const key = fold(p.text);
    if (!key) return;
    if (titleKey && key === titleKey && i < 5) return;
    if (i < 6 && p.text.length < 120) {
      const names = bylineNames(p.text);
      if (names) {
        byline ??= names;
        return;
      }
    }
    // A line that only dates the page: near the top ("8. Januar 2020"), or anywhere when it says so
    // ("Publiziert: 03.04.2020, 12:35", "Last modified: …").
    if ((i < 6 || DATE_LABEL.test(p.text)) && p.text.split('\n').some(datesThePage)) {
      if (i < 6) dateLine ??= p.text;
      return;
    }
    if (furnitureParagraph(p.text)) return;
    // A paragraph that is nearly all link text points elsewhere ("Related: …", tag lists, "see also").
    if (p.linked >= LINKED_MAX && p.text.length < 400) return;
    const last = out[out.length - 1];
    if (last && fold(last.text) === key) return;
    out.push({ text: p.text, kind: p.kind });
  });
  // Labels left at the end introduce what was cut after them ("Kontakt:", "Weiterführende Links", "Von:").
  while (out.length > 1 && danglingLabel(out[out.length - 1]!)) out.pop();
  return { paragraphs: out, byline, dateLine };
}
