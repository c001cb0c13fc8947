// DOM → paragraphs: block elements (p, div, li, blockquote, table rows …) end a paragraph, headings become
// 'heading' paragraphs, inline elements flow into the text around them, and <br><br> splits a paragraph.

import type { DraftParagraph } from '../draft.js';
import { type DomElement, type DomNode, isElement, TEXT_NODE } from './dom.js';

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'ul',
  'caption',
]);

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'button',
  'select',
  'option',
  'textarea',
  'input',
  'iframe',
  'object',
  'embed',
  'canvas',
  'head',
  'title',
  'meta',
  'link',
]);
const CELLS = new Set(['td', 'th']);

/** A paragraph with the share of its characters that sit inside links. */
export interface TextBlock extends DraftParagraph {
  linked: number;
}

export interface BlockOptions {
  /** Called for each element before it is read; returning false skips it and everything under it. */
  keep?: (el: DomElement) => boolean;
}

/** The paragraphs of the text under root, in document order. */
export function blocksOf(root: DomNode, options: BlockOptions = {}): TextBlock[] {
  const out: TextBlock[] = [];
  let parts: string[] = [];
  let heading = false;
  let pre = 0;
  let breaks = 0;
  let inLink = 0;
  let linkChars = 0;

  const flush = () => {
    if (parts.length) {
      const text = pre > 0 ? tidyPre(parts.join('')) : tidy(parts.join(''));
      if (text) {
        out.push({ text, kind: heading ? 'heading' : 'body', linked: Math.min(1, linkChars / text.length) });
      }
    }
    parts = [];
    breaks = 0;
    linkChars = 0;
  };

  const visit = (node: DomNode, depth: number) => {
    if (node.nodeType === TEXT_NODE) {
      const t = node.textContent ?? '';
      if (t) {
        // Source line breaks are white space, except in <pre>; kept breaks come from <br>.
        const piece = pre > 0 ? t : t.replace(/\s+/g, ' ');
        parts.push(piece);
        if (inLink > 0) linkChars += piece.trim().length;
        if (/\S/.test(t)) breaks = 0;
      }
      return;
    }
    if (!isElement(node)) return;
    const name = node.localName;
    if (SKIP.has(name)) return;
    if (options.keep && !options.keep(node)) return;
    if (name === 'br') {
      breaks++;
      if (breaks >= 2) flush();
      else parts.push('\n');
      return;
    }
    if (HEADINGS.has(name)) {
      flush();
      heading = true;
      children(node, depth);
      flush();
      heading = false;
      return;
    }
    if (name === 'pre') {
      flush();
      pre++;
      children(node, depth);
      flush();
      pre--;
      return;
    }
    if (CELLS.has(name)) {
      parts.push(' ');
      children(node, depth);
      parts.push(' ');
      return;
    }
    if (BLOCK_TAGS.has(name)) {
      flush();
      children(node, depth);
      flush();
      return;
    }
    if (name === 'a') {
      inLink++;
      children(node, depth);
      inLink--;
      return;
    }
    children(node, depth);
  };

  const children = (node: DomNode, depth: number) => {
    if (depth > 1000) return;
    for (let c = node.firstChild; c; c = c.nextSibling) visit(c, depth + 1);
  };

  children(root, 0);
  flush();
  return out;
}

/** Preformatted text keeps its spacing; only blank lines (which would split the paragraph) and line ends go. */
export function tidyPre(text: string): string {
  return text
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .filter((line) => line.trim().length > 0)
    .join('\n');
}

/** Collapses white space within lines, keeps single line breaks from <br>, drops zero-width characters. */
export function tidy(text: string): string {
  return text
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}
