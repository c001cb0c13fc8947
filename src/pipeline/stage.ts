// A stage is a plain function that adds layers to a Doc; it declares what it requires and adds so that the
// runner can check the order once, when the pipeline is built.

import type { Doc, LayerName } from '../document/index.js';
import type { Context } from './context.js';

export interface Stage {
  name: string;
  /** Layers that must exist before this stage runs. */
  requires: readonly LayerName[];
  /** Layers this stage fills. */
  adds: readonly LayerName[];
  /** Loads heavy resources into ctx once per process (KB, models, lexicons). */
  load?: (ctx: Context) => Promise<void> | void;
  run: (doc: Doc, ctx: Context) => void;
}

/** Layers every Doc has from ingest. */
export const INGEST_LAYERS: readonly LayerName[] = ['text', 'meta', 'paragraphs'];
