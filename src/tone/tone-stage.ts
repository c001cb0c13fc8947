// The "tone" stage: the document's GDELT-style tone (doc.tone), from the AFINN lexicon.

import type { Stage } from '../pipeline/stage.js';
import { createToneAnalyzer, type ToneAnalyzer, toneOf } from './tone.js';

export const toneStage: Stage = {
  name: 'tone',
  requires: ['tokens'],
  adds: ['tone'],
  load(ctx) {
    ctx.resource('tone.analyzer', createToneAnalyzer);
    ctx.setVersion('sentiment', 'afinn-165');
  },
  run(doc, ctx) {
    doc.tone = toneOf(ctx.resource<ToneAnalyzer>('tone.analyzer', createToneAnalyzer), doc.text).tone;
  },
};
