// Named-entity recognition (PER, ORG, LOC, MISC) over a sentence's words, by Dyad's own averaged-perceptron
// model trained on CoNLL-2003 (`npm run train:ner`); the pipeline loads it once into ctx via loadNer().

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DyadError } from '../../errors.js';
import { decodeModel } from './model-file.js';
import { Tagger } from './tagger.js';
import type { NerSpan } from './tags.js';

export type { NerSpan, NerType } from './tags.js';
export { iob1ToBio, NER_TYPES, tagsToSpans } from './tags.js';

export interface NerModel {
  /** BIO tags, one per word: 'B-PER', 'I-PER', 'O' … */
  predict(words: readonly string[]): string[];
  /** Entities over word indices, `end` exclusive. */
  spans(words: readonly string[]): NerSpan[];
}

/** The committed model, trained on CoNLL-2003 eng.train. */
export const DEFAULT_NER_MODEL = fileURLToPath(
  new URL('../../../models/ner-conll2003.bin.gz', import.meta.url),
);

export function loadNer(path: string = DEFAULT_NER_MODEL): NerModel {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new DyadError('DYAD_E_NOT_FOUND', 'no NER model here (run `npm run train:ner`)', {
      origin: path,
      cause: e,
    });
  }
  try {
    return new Tagger(decodeModel(bytes));
  } catch (e) {
    throw new DyadError('DYAD_E_NER_MODEL', 'not a readable NER model', { origin: path, cause: e });
  }
}
