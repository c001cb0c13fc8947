// The "actors" stage: links every sentence's names to actors with CAMEO codes (doc.mentions, doc.actors), using
// the knowledge base and the named-entity recogniser, both loaded once per pipeline.

import { kbResource } from '../kb/index.js';
import type { Stage } from '../pipeline/stage.js';
import { linkActors } from './link.js';
import { recogniserResource } from './recogniser.js';
import { buildWords } from './words.js';

export const actorsStage: Stage = {
  name: 'actors',
  requires: ['sentences', 'tokens'],
  adds: ['mentions', 'actors'],
  load(ctx) {
    kbResource(ctx);
    recogniserResource(ctx);
  },
  run(doc, ctx) {
    const kb = kbResource(ctx);
    const recogniser = recogniserResource(ctx);
    const date = doc.meta.published ?? (typeof ctx.options.date === 'string' ? ctx.options.date : null);
    const words = buildWords(doc);
    const { mentions, actors } = linkActors(kb, words, doc.text, {
      date: date ? date.slice(0, 10) : null,
      ner: (w) => recogniser.spans(w),
    });
    doc.mentions = mentions;
    doc.actors = actors;
  },
};
