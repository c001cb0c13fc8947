// The named-entity recogniser as the actor stage sees it: Dyad's trained model (src/nlp/ner) when its weights
// are there, otherwise nothing, so that linking still runs on the knowledge base and its patterns alone.

import { DyadError } from '../errors.js';
import { loadNer, type NerSpan } from '../nlp/ner/index.js';
import type { Context } from '../pipeline/context.js';

export type { NerSpan };

export interface Recogniser {
  /** Whether a trained model is loaded. */
  readonly available: boolean;
  /** Entities over word indices, `end` exclusive. */
  spans(words: readonly string[]): NerSpan[];
}

const NONE: Recogniser = { available: false, spans: () => [] };

/** Loads the model, or the empty recogniser when there is no model file (a fresh checkout before training). */
export function loadRecogniser(path?: string): Recogniser {
  try {
    const model = path === undefined ? loadNer() : loadNer(path);
    return { available: true, spans: (words) => model.spans(words) };
  } catch (e) {
    if (e instanceof DyadError && e.code === 'DYAD_E_NOT_FOUND') return NONE;
    throw e;
  }
}

/** The recogniser shared by every stage of a pipeline (loaded once). */
export function recogniserResource(ctx: Context): Recogniser {
  return ctx.resource('actors.recogniser', () => {
    const r = ctx.options.ner === false ? NONE : loadRecogniser();
    ctx.setVersion('ner', r.available ? 'ner-conll2003' : 'none');
    return r;
  });
}
