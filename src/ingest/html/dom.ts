// The slice of the DOM this extractor uses, typed here because the project builds without the DOM library, and
// linkedom as the parser behind it. Walks go by firstChild/nextSibling, which are cheap on linkedom's linked list.

import { parseHTML } from 'linkedom';

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export interface DomNode {
  nodeType: number;
  nodeName: string;
  parentNode: DomNode | null;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
  previousSibling: DomNode | null;
  lastChild: DomNode | null;
  textContent: string | null;
  remove(): void;
}

export interface DomElement extends DomNode {
  localName: string;
  id: string;
  className: string;
  parentElement: DomElement | null;
  firstElementChild: DomElement | null;
  nextElementSibling: DomElement | null;
  children: ArrayLike<DomElement>;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
  appendChild(node: DomNode): DomNode;
  innerHTML: string;
}

export interface DomDocument {
  documentElement: DomElement | null;
  head: DomElement | null;
  body: DomElement | null;
  title: string;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
  createElement(name: string): DomElement;
}

export function parseDocument(html: string): DomDocument {
  return parseHTML(wellRooted(html)).document as unknown as DomDocument;
}

/**
 * linkedom does not repair markup the way browsers do: text before <html> (a server's PHP warning) would become
 * the whole document, a page without <body> keeps its content inside <head>, and a bare fragment has no body.
 * This puts the few missing tags in.
 */
export function wellRooted(html: string): string {
  let out = html;
  const open = /<html[\s>]/i.exec(out);
  if (open) {
    const before = out.slice(0, open.index);
    if (/<(?!!)[a-z]/i.test(before) || before.replace(/<![^>]*>/g, '').trim()) out = out.slice(open.index);
  }
  if (!/<body[\s>]/i.test(out)) {
    const headEnd = /<\/head\s*>/i.exec(out);
    if (headEnd) {
      const at = headEnd.index + headEnd[0].length;
      out = `${out.slice(0, at)}<body>${out.slice(at)}`;
    } else {
      // The first tag that cannot be in <head> starts the body.
      const bodyTag =
        /<(?!\/|!|(?:html|head|meta|link|title|style|script|base|noscript|template)[\s>/])[a-z]/i.exec(out);
      const at = bodyTag ? bodyTag.index : out.length;
      out = `${out.slice(0, at)}<body>${out.slice(at)}`;
    }
  }
  if (!open) out = `<html>${out}</html>`;
  return out;
}

export function isElement(node: DomNode | null): node is DomElement {
  return node !== null && node.nodeType === ELEMENT_NODE;
}

/** Every element under root (root excluded), document order. */
export function* elementsUnder(root: DomNode): Generator<DomElement> {
  let node = root.firstChild;
  while (node && node !== root) {
    if (isElement(node)) {
      yield node;
      if (node.firstChild) {
        node = node.firstChild;
        continue;
      }
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    if (!node || node === root) return;
    node = node.nextSibling;
  }
}

/** White space collapsed to single spaces, trimmed. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function textOf(node: DomNode): string {
  return squash(node.textContent ?? '');
}

export function hasAncestor(el: DomElement, names: ReadonlySet<string>, limit = 64): boolean {
  let p = el.parentElement;
  for (let i = 0; p && i < limit; i++, p = p.parentElement) if (names.has(p.localName)) return true;
  return false;
}

/** The length of the text inside links under el, and of all its text. */
export function linkDensity(el: DomElement): number {
  const total = textOf(el).length;
  if (total === 0) return 0;
  let linked = 0;
  const links = el.getElementsByTagName('a');
  for (let i = 0; i < links.length; i++) linked += textOf(links[i]!).length;
  return linked / total;
}

/** The next node in document order (descending into children), or null at the end. */
export function nextInOrder(node: DomNode): DomNode | null {
  if (node.firstChild) return node.firstChild;
  let n: DomNode | null = node;
  while (n && !n.nextSibling) n = n.parentNode;
  return n ? n.nextSibling : null;
}

/** The node after node's subtree in document order. */
export function afterSubtree(node: DomNode): DomNode | null {
  let n: DomNode | null = node;
  while (n && !n.nextSibling) n = n.parentNode;
  return n ? n.nextSibling : null;
}

/** The previous node in document order (a previous sibling's last descendant, else the parent), or null. */
export function prevInOrder(node: DomNode): DomNode | null {
  let n = node.previousSibling;
  if (!n) return node.parentNode;
  while (n.lastChild) n = n.lastChild;
  return n;
}
