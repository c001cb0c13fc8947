// Which responses a fetch wants: a page wants HTML, a feed wants XML or JSON, robots.txt takes any text. A
// response without a Content-Type is taken and sniffed by the reader.

export type Accept = 'html' | 'feed' | 'html-or-feed' | 'text';

const HTML = new Set(['text/html', 'application/xhtml+xml']);
const FEED = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/xml',
  'text/xml',
  'application/feed+json',
  'application/json',
  'text/x-opml',
  'text/x-opml+xml',
  // Servers often label feeds as plain text or as a download.
  'text/plain',
  'application/octet-stream',
]);

/** "text/html; charset=utf-8" → "text/html"; null when absent or empty. */
export function mimeOf(contentType: string | null): string | null {
  const mime = contentType?.split(';')[0]?.trim().toLowerCase();
  return mime ? mime : null;
}

/** The Accept header sent for each kind. */
export const ACCEPT_HEADER: Record<Accept, string> = {
  html: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
  feed: 'application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1',
  'html-or-feed':
    'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,*/*;q=0.1',
  text: 'text/plain,*/*;q=0.5',
};

export function accepts(accept: Accept, contentType: string | null): boolean {
  const mime = mimeOf(contentType);
  if (mime === null || accept === 'text') return true;
  if (accept === 'html') return HTML.has(mime);
  if (accept === 'feed') return FEED.has(mime) || mime.endsWith('+xml') || mime.endsWith('+json');
  return HTML.has(mime) || FEED.has(mime) || mime.endsWith('+xml') || mime.endsWith('+json');
}

export function isHtmlType(contentType: string | null): boolean {
  const mime = mimeOf(contentType);
  return mime !== null && HTML.has(mime);
}
