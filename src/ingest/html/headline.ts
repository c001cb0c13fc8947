// The page's headline element and the short lines around it, where pages state the date and the byline
// ("By Jane Doe · 8 January 2020") whatever their markup.

import {
  type DomDocument,
  type DomElement,
  type DomNode,
  isElement,
  nextInOrder,
  prevInOrder,
  squash,
  TEXT_NODE,
  textOf,
} from './dom.js';

/** The page's headline element: an h1 that states the title, else the first h1, else itemprop=headline. */
export function headlineElement(doc: DomDocument, title: string | null): DomElement | null {
  const root = doc.body;
  if (!root) return null;
  const h1s = root.getElementsByTagName('h1');
  const want = title ? squash(title).toLowerCase() : '';
  let firstH1: DomElement | null = null;
  for (let i = 0; i < h1s.length && i < 10; i++) {
    const h = h1s[i]!;
    firstH1 ??= h;
    const t = textOf(h).toLowerCase();
    if (want && t && (t === want || t.includes(want) || want.includes(t))) return h;
  }
  return firstH1 ?? root.querySelector('[itemprop~="headline"]');
}

const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'cite',
  'em',
  'font',
  'i',
  'label',
  'mark',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
]);

/** The nearest ancestor of a text node that is not an inline element. */
function blockOf(node: DomNode): DomElement | null {
  let p = node.parentNode;
  while (p && isElement(p) && INLINE.has(p.localName)) p = p.parentNode;
  return p && isElement(p) ? p : null;
}

export interface NearOptions {
  /** Read the headline's own lines too (a date inside an h1's <small>); off for bylines. */
  insideHeadline?: boolean;
  /** Text nodes to look at after the headline, and before it. */
  after?: number;
  before?: number;
  /** Longest line (the text of a text node's block) worth reading. */
  maxLength?: number;
}

/**
 * Reads the short lines after the headline, then before it, nearest first, and returns the first value `read`
 * finds. A line is the text of a text node's nearest block, or null when that is long (running text); `own` is
 * the text node's own text and `alone` says whether it is all of its element's text (a date in its own <span>).
 * The headline's own wording is skipped.
 */
export function nearHeadline<T>(
  anchor: DomElement,
  read: (line: string | null, own: string, alone: boolean) => T | null,
  options: NearOptions = {},
): T | null {
  const maxLength = options.maxLength ?? 120;
  const check = (n: DomNode): T | null => {
    const own = squash(n.textContent ?? '');
    const block = blockOf(n);
    if (block === anchor && (own.length > 40 || options.insideHeadline === false)) return null;
    const line = block ? textOf(block) : own;
    const parent = n.parentNode;
    const alone = parent !== null && isElement(parent) && textOf(parent) === own;
    return read(line.length > maxLength ? null : line, own, alone);
  };
  let seen = 0;
  for (let n = nextInOrder(anchor); n && seen < (options.after ?? 40); n = nextInOrder(n)) {
    if (n.nodeType !== TEXT_NODE || !(n.textContent ?? '').trim()) continue;
    seen++;
    const found = check(n);
    if (found !== null) return found;
  }
  seen = 0;
  for (let n = prevInOrder(anchor); n && seen < (options.before ?? 15); n = prevInOrder(n)) {
    if (n.nodeType !== TEXT_NODE || !(n.textContent ?? '').trim()) continue;
    seen++;
    const found = check(n);
    if (found !== null) return found;
  }
  return null;
}
