// The fallback extractor, for pages where Readability finds nothing or too little: keeps the page's text blocks
// that are long and not made of links (jusText's idea), and the short ones lying between two such blocks.

import { blocksOf, type TextBlock } from './blocks.js';
import type { DomElement } from './dom.js';

/** Containers that CMSs give the article body, most specific first (trafilatura looks for the same). */
const BODY_CONTAINERS = [
  '[itemprop~="articleBody"]',
  '.entry-content',
  '.post-content',
  '.article-body',
  '.article__body',
  '.article-content',
  '.story-body',
  '.post-body',
  '.td-post-content',
  'article',
];

/** The text of the first body container that holds a fair amount of prose, or []. */
export function containerParagraphs(root: DomElement): TextBlock[] {
  for (const selector of BODY_CONTAINERS) {
    const el = root.querySelector(selector);
    if (!el) continue;
    const blocks = blocksOf(el);
    let prose = 0;
    for (const b of blocks) prose += b.text.length * (1 - b.linked);
    if (prose >= 200) return blocks;
  }
  return [];
}

const LINK_DENSITY_MAX = 0.33;
const GOOD_LENGTH = 80;
const SHORT = 30;

export function densityParagraphs(root: DomElement): TextBlock[] {
  const blocks = blocksOf(root);
  const good = blocks.map((b) => b.text.length >= GOOD_LENGTH && b.linked < LINK_DENSITY_MAX);
  const out: TextBlock[] = [];
  let firstGood = good.indexOf(true);
  if (firstGood < 0) return out;
  const lastGood = good.lastIndexOf(true);
  // A heading just before the first good block belongs to it.
  if (firstGood > 0 && blocks[firstGood - 1]!.kind === 'heading') firstGood--;
  for (let i = firstGood; i <= lastGood; i++) {
    const b = blocks[i]!;
    if (
      good[i] ||
      (b.linked < LINK_DENSITY_MAX && (b.kind === 'heading' || b.text.length >= SHORT) && nearGood(good, i))
    )
      out.push(b);
  }
  return out;
}

function nearGood(good: boolean[], i: number): boolean {
  let before = false;
  let after = false;
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) if (good[k]) before = true;
  for (let k = i + 1; k < good.length && k <= i + 3; k++) if (good[k]) after = true;
  return before && after;
}
