// The one place web ingestion calls the HTML extractor (src/ingest/html): a fetched page's bytes and headers
// in, an ArticleDraft out; and HTML fragments (feed item content) to paragraphs.

import type { ArticleDraft, DraftParagraph } from '../draft.js';
import { blocksOf } from '../html/blocks.js';
import { parseDocument } from '../html/dom.js';
import { parseHtml } from '../html/parse-html.js';

export interface PageContext {
  url: string;
  /** The HTTP Content-Type, whose charset comes before the page's own <meta charset>. */
  contentType?: string | null;
}

/** A web page → its article; the draft has no paragraphs when no article text was found. */
export function extractPage(bytes: Uint8Array, page: PageContext): ArticleDraft {
  // Passed as a variable, not a literal: the extractor's options may or may not declare contentType yet.
  const options = {
    url: page.url,
    origin: page.url,
    ...(page.contentType ? { contentType: page.contentType } : {}),
  };
  return parseHtml(bytes, options).draft;
}

/** An HTML fragment (a feed item's content) → paragraphs, block elements ending them. */
export function fragmentParagraphs(html: string): DraftParagraph[] {
  const doc = parseDocument(`<!doctype html><html><body>${html}</body></html>`);
  if (!doc.body) return [];
  return blocksOf(doc.body).map(({ text, kind }) => ({ text, kind }));
}
