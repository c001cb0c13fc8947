// HTML bytes → ArticleDraft: decodes the page with its declared or detected character set, then extracts the
// article; the encoding and how it was found are kept as an info message.

import type { ArticleDraft } from '../draft.js';
import { type CharsetSource, decodeHtml } from './decode-html.js';
import { type ExtractedPage, extractPage } from './extract.js';

export interface HtmlParseOptions {
  /** The page's URL, when it was fetched or is known. */
  url?: string;
  /** The HTTP Content-Type header, whose charset outranks the page's own. */
  contentType?: string;
  /** Force an input encoding. */
  encoding?: string;
  origin?: string;
}

export interface HtmlParsed extends ExtractedPage {
  draft: ArticleDraft;
  encoding: string;
  charsetSource: CharsetSource;
}

export function parseHtml(bytes: Uint8Array, options: HtmlParseOptions = {}): HtmlParsed {
  const { html, encoding, source } = decodeHtml(bytes, {
    ...(options.contentType ? { contentType: options.contentType } : {}),
    ...(options.encoding ? { encoding: options.encoding } : {}),
    ...(options.origin ? { origin: options.origin } : {}),
  });
  const page = extractPage(html, {
    ...(options.url ? { url: options.url } : {}),
    ...(options.origin ? { origin: options.origin } : {}),
  });
  const { draft } = page;
  if (source === 'detected') {
    draft.messages.push({
      level: 'info',
      code: 'DYAD_I_ENCODING',
      message: `decoded as ${encoding} (detected)`,
      stage: 'ingest',
    });
  }
  return { ...page, encoding, charsetSource: source };
}

/** Do these bytes look like HTML (a tag or doctype first, after a BOM and white space)? */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && i < 1024 && (bytes[i] === 0x20 || (bytes[i]! >= 0x09 && bytes[i]! <= 0x0d))) i++;
  if (bytes[i] !== 0x3c) return false;
  const head = Buffer.from(bytes.subarray(i, i + 512))
    .toString('latin1')
    .toLowerCase();
  return /^<(?:!doctype\s+html|html|head|body|meta|title|!--|article|div|p|h[1-6]|section|main|script|link|style)\b/.test(
    head,
  );
}
