// npm run bench [-- --json] [-- --tokens N]: speed figures on the bundled corpus, repeated to size. Prints a
// table, or one flat JSON object of named figures with --json.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createPipeline } from '../src/annotate.js';
import type { Doc } from '../src/document/index.js';
import { parseInput } from '../src/ingest/parse.js';
import { expandPaths, type Input, readEntry } from '../src/ingest/sources.js';
import { openStore } from '../src/store/open.js';

const { values } = parseArgs({
  options: { json: { type: 'boolean', default: false }, tokens: { type: 'string', default: '1000000' } },
});
const targetTokens = Number(values.tokens);
const CORPUS = new URL('../corpus/', import.meta.url).pathname;

async function corpusInputs(): Promise<Input[]> {
  const inputs: Input[] = [];
  for (const entry of await expandPaths([CORPUS])) {
    const item = await readEntry(entry);
    if ('input' in item) inputs.push(item.input);
  }
  return inputs;
}

function parseAll(inputs: Input[]): Doc[] {
  return inputs.flatMap((input) => parseInput(input).flatMap((p) => (p.doc ? [p.doc] : [])));
}

const figures: Record<string, number> = {};
const rows: [string, string, string][] = [];
function record(name: string, value: number, note: string) {
  figures[name] = Math.round(value);
  rows.push([name, Math.round(value).toLocaleString('en-US'), note]);
}

const inputs = await corpusInputs();

// Ingest: decode + layout + date resolution, no annotation.
{
  const rounds = 200;
  const started = performance.now();
  let articles = 0;
  for (let i = 0; i < rounds; i++) articles += parseAll(inputs).length;
  const seconds = (performance.now() - started) / 1000;
  record('ingest.articlesPerSecond', articles / seconds, `${articles} articles parsed from text`);
}

// Annotate: the default pipeline over the corpus repeated to the target number of tokens, each stage timed on
// its own so that every issue's figure can be read off: annotate = segment + actors (tokens, tags, names,
// linking), code = the event coder alone (sentences), pipeline = every stage.
{
  const pipeline = await createPipeline({ date: '2020-01-01' }).load();
  const warm = parseAll(inputs).map((d) => pipeline.run(d));
  const perRound = warm.reduce((n, d) => n + d.tokens.length, 0);
  const rounds = Math.max(1, Math.ceil(targetTokens / Math.max(1, perRound)));
  const stageMs = new Map<string, number>(pipeline.stages.map((s) => [s.name, 0]));
  let tokens = 0;
  let sentences = 0;
  for (let i = 0; i < rounds; i++) {
    for (const doc of parseAll(inputs)) {
      for (const stage of pipeline.stages) {
        const started = performance.now();
        stage.run(doc, pipeline.ctx);
        stageMs.set(stage.name, (stageMs.get(stage.name) ?? 0) + performance.now() - started);
      }
      tokens += doc.tokens.length;
      sentences += doc.sentences.length;
    }
  }
  const seconds = (names: string[]) => names.reduce((t, n) => t + (stageMs.get(n) ?? 0), 0) / 1000;
  const annotate = ['segment', 'actors'].filter((n) => stageMs.has(n));
  record(
    'annotate.tokensPerSecond',
    tokens / seconds(annotate),
    `${tokens} tokens; stages ${annotate.join(' + ')}`,
  );
  if (stageMs.has('events')) {
    record(
      'code.sentencesPerSecond',
      sentences / seconds(['events']),
      `${sentences} sentences; the event coder alone`,
    );
  }
  const all = [...stageMs.keys()];
  record('pipeline.tokensPerSecond', tokens / seconds(all), `every stage: ${all.join(', ')}`);
  record('pipeline.sentencesPerSecond', sentences / seconds(all), `${sentences} sentences`);
  for (const name of all) {
    record(`stage.${name}.tokensPerSecond`, tokens / seconds([name]), `the ${name} stage alone`);
  }
}

// Store: one transaction per document into a fresh SQLite file.
{
  const dir = mkdtempSync(path.join(tmpdir(), 'dyad-bench-'));
  const store = await openStore(path.join(dir, 'bench.db'));
  const pipeline = await createPipeline().load();
  const config = pipeline.config();
  const docs = parseAll(inputs).map((d) => pipeline.run(d));
  const rounds = 100;
  let stored = 0;
  const started = performance.now();
  for (let i = 0; i < rounds; i++) {
    for (const d of docs) {
      d.meta.contentHash = `${d.meta.contentHash.slice(0, 48)}${String(i).padStart(16, '0')}`;
      if ((await store.putDoc(d, config)).status === 'stored') stored++;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  record('store.sqliteDocsPerSecond', stored / seconds, `${stored} documents, one transaction each`);
}

if (values.json) process.stdout.write(`${JSON.stringify(figures)}\n`);
else {
  const w = Math.max(...rows.map((r) => r[0].length));
  const v = Math.max(...rows.map((r) => r[1].length));
  process.stdout.write(`${'figure'.padEnd(w)}  ${'value'.padStart(v)}  note\n`);
  for (const [name, value, note] of rows)
    process.stdout.write(`${name.padEnd(w)}  ${value.padStart(v)}  ${note}\n`);
}
