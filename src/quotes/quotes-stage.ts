// The "quotes" stage: who said what. Runs after the actors stage when there is one, so that speakers link to actors;
// without it, speakers keep the text that names them.

import type { Stage } from '../pipeline/stage.js';
import { detectQuotes } from './detect.js';

export const quotesStage: Stage = {
  name: 'quotes',
  requires: ['sentences', 'tokens'],
  adds: ['quotes'],
  run(doc) {
    doc.quotes = detectQuotes(doc);
  },
};
