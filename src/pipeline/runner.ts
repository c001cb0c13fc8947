// Builds a pipeline from stage names, checking once that every stage's required layers come earlier, then
// runs it over documents. A stage that throws leaves a coded message on the Doc instead of losing it.

import type { Doc, LayerName } from '../document/index.js';
import { DyadError } from '../errors.js';
import { Context, type PipelineOptions } from './context.js';
import { getStage } from './registry.js';
import { INGEST_LAYERS, type Stage } from './stage.js';

export interface PipelineConfig {
  stages: string[];
  options: PipelineOptions;
  versions: Record<string, string>;
  dyad: string;
}

export const DYAD_VERSION = '0.1.0';

export class Pipeline {
  readonly stages: readonly Stage[];
  readonly ctx: Context;
  private loaded = false;

  constructor(stages: readonly Stage[], ctx: Context) {
    this.stages = stages;
    this.ctx = ctx;
  }

  /** Loads every stage's resources once. Safe to call more than once. */
  async load(): Promise<this> {
    if (this.loaded) return this;
    for (const stage of this.stages) await stage.load?.(this.ctx);
    this.loaded = true;
    return this;
  }

  run(doc: Doc): Doc {
    if (!this.loaded) throw new DyadError('DYAD_E_PIPELINE', 'pipeline.load() must be awaited before run()');
    for (const stage of this.stages) {
      try {
        stage.run(doc, this.ctx);
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        doc.message('error', 'DYAD_E_STAGE_FAILED', `stage ${stage.name} failed: ${message}`, stage.name);
      }
    }
    return doc;
  }

  config(): PipelineConfig {
    return {
      stages: this.stages.map((s) => s.name),
      options: this.ctx.options,
      versions: this.ctx.resourceVersions(),
      dyad: DYAD_VERSION,
    };
  }
}

/** Checks that each stage's `requires` are added by ingest or an earlier stage. */
export function checkOrder(stages: readonly Stage[]): void {
  const have = new Set<LayerName>(INGEST_LAYERS);
  for (const stage of stages) {
    const missing = stage.requires.filter((layer) => !have.has(layer));
    if (missing.length > 0) {
      throw new DyadError(
        'DYAD_E_PIPELINE',
        `stage "${stage.name}" requires ${missing.join(', ')}, which no earlier stage adds`,
      );
    }
    for (const layer of stage.adds) have.add(layer);
  }
}

export function buildPipeline(names: readonly string[], options: PipelineOptions = {}): Pipeline {
  const stages = names.map(getStage);
  checkOrder(stages);
  return new Pipeline(stages, new Context(options));
}
