// The stages Dyad runs by default, registered by name, and the one way to build the pipeline from them.

import { actorsStage } from './actors/actors-stage.js';
import type { Doc } from './document/index.js';
import { eventsStage } from './events/events-stage.js';
import { placesStage } from './geo/places-stage.js';
import { type ParsedItem, type ParseOptions, parseInput } from './ingest/parse.js';
import { readEntry } from './ingest/sources.js';
import { segmentStage } from './nlp/segment-stage.js';
import type { PipelineOptions } from './pipeline/context.js';
import { registerStage, stageNames } from './pipeline/registry.js';
import { buildPipeline, type Pipeline } from './pipeline/runner.js';
import { quotesStage } from './quotes/quotes-stage.js';
import { timexStage } from './time/timex-stage.js';
import { toneStage } from './tone/tone-stage.js';

const ALL_STAGES = [segmentStage, actorsStage, timexStage, placesStage, quotesStage, toneStage, eventsStage];

for (const stage of ALL_STAGES) if (!stageNames().includes(stage.name)) registerStage(stage);

/** The default stage order; later stages (actors, timex, places, quotes, events, tone) append here. */
export const DEFAULT_STAGES: readonly string[] = ALL_STAGES.map((s) => s.name);

export function createPipeline(
  options: PipelineOptions = {},
  stages: readonly string[] = DEFAULT_STAGES,
): Pipeline {
  return buildPipeline(stages, options);
}

export interface AnalyzeOptions extends ParseOptions {
  pipeline?: Pipeline;
  maxBytes?: number;
}

/** Reads one file (or "-"), parses its article(s) and runs the pipeline, without storing anything. */
export async function analyzeFile(path: string, options: AnalyzeOptions = {}): Promise<ParsedItem[]> {
  const pipeline = await (
    options.pipeline ?? createPipeline(options.date ? { date: options.date } : {})
  ).load();
  const item = await readEntry(path === '-' ? { stdin: true } : { path }, options);
  if ('error' in item) throw item.error;
  const parsed = parseInput(item.input, options);
  for (const p of parsed) if (p.doc) pipeline.run(p.doc);
  return parsed;
}

/** Parses and annotates text already in memory (tests, the API). */
export async function analyzeText(
  text: string,
  options: AnalyzeOptions & { ext?: string } = {},
): Promise<Doc> {
  const pipeline = await (options.pipeline ?? createPipeline()).load();
  const input = { origin: '-', bytes: Buffer.from(text), mtime: null, ext: options.ext ?? '.txt' };
  const [first] = parseInput(input, options);
  if (!first?.doc) throw first?.error ?? new Error('no article');
  return pipeline.run(first.doc);
}
