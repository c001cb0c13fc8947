// Golden cases: a fixture article run through a list of stages → the expected Doc JSON (or a part of it).
// test/golden.test.ts checks every case; `npm run golden:update` rewrites the expected files for review.

import { createPipeline } from '../src/annotate.js';
import type { DocJSON } from '../src/document/index.js';
import { parseInput } from '../src/ingest/parse.js';
import { readEntry } from '../src/ingest/sources.js';

export interface GoldenCase {
  /** Fixture path, relative to the repo root. */
  input: string;
  /** Expected output path, relative to the repo root. */
  output: string;
  /** Stages to run after ingest ([] = the ingested Doc only). */
  stages: string[];
  /** Publication date to pass as --date. */
  date?: string;
  /** The part of the Doc JSON to compare (default: all of it). */
  select?: (doc: DocJSON) => unknown;
}

const ingestOnly = (input: string, output: string, date?: string): GoldenCase => ({
  input: `test/fixtures/ingest/${input}`,
  output: `test/golden/ingest/${output}`,
  stages: [],
  ...(date ? { date } : {}),
});

/** The actors stage on a fixture article: its mentions and actors (test/actors/). */
const actorsCase = (name: string, date: string): GoldenCase => ({
  input: `test/actors/fixtures/${name}.txt`,
  output: `test/actors/golden/${name}.json`,
  stages: ['segment', 'actors'],
  date,
  select: (doc) => ({ mentions: doc.mentions, actors: doc.actors }),
});

/** The events stage on a fixture article, over the actor, timex and place layers: its events (test/events/). */
const eventsCase = (name: string, date: string): GoldenCase => ({
  input: `test/events/fixtures/${name}.txt`,
  output: `test/events/golden/${name}.json`,
  stages: ['segment', 'actors', 'timex', 'places', 'events'],
  date,
  select: (doc) => doc.events,
});

export const GOLDEN_CASES: GoldenCase[] = [
  ingestOnly('scraped-summit.txt', 'scraped-summit.json', '2019-02-28'),
  ingestOnly('plain-prose.txt', 'plain-prose.json'),
  ingestOnly('markdown-briefing.md', 'markdown-briefing.json'),
  ingestOnly('records.jsonl', 'records.json'),
  ingestOnly('windows-1252.txt', 'windows-1252.json', '2021-06-16'),
  ingestOnly('bom-crlf.txt', 'bom-crlf.json', '2023-09-09'),
  actorsCase('mosul-victory', '2017-07-10'),
  actorsCase('nato-leaders-meet', '2019-12-04'),
  actorsCase('vienna-talks', '2015-07-06'),
  eventsCase('border-crisis', '2019-10-15'),
];

/** Renders a case to the JSON text stored in its output file. */
export async function renderGolden(c: GoldenCase): Promise<string> {
  const pipeline = await createPipeline(c.date ? { date: c.date } : {}, c.stages).load();
  const item = await readEntry({ path: c.input });
  if ('error' in item) throw item.error;
  const docs = parseInput(item.input, c.date ? { date: c.date } : {}).map((p) => {
    if (!p.doc) return { error: p.error?.toJSON() ?? null };
    const json = pipeline.run(p.doc).toJSON();
    return c.select ? c.select(json) : json;
  });
  return `${JSON.stringify(docs.length === 1 ? docs[0] : docs, null, 2)}\n`;
}
