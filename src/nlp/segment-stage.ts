// The "segment" stage: sentences and tokens with part of speech (wink-nlp tags as it tokenises, so tagging is
// part of this stage rather than a stage of its own).

import type { Stage } from '../pipeline/stage.js';
import { createSegmenter, type Segmenter, segment } from './segment.js';

export const segmentStage: Stage = {
  name: 'segment',
  requires: ['text', 'paragraphs'],
  adds: ['sentences', 'tokens'],
  load(ctx) {
    ctx.resource('nlp.segmenter', createSegmenter);
    ctx.setVersion('wink-eng-lite-web-model', '1');
  },
  run(doc, ctx) {
    const nlp = ctx.resource<Segmenter>('nlp.segmenter', createSegmenter);
    const { sentences, tokens } = segment(nlp, doc.text, doc.paragraphs);
    doc.sentences = sentences;
    doc.tokens = tokens;
  },
};
