// `dyad eval events`: event coding against the PLOVER gold records (one PLOVER type per sentence, then the type
// with source and target on their three-letter country/IGO prefix) or PETRARCH validation XML; with
// --dictionaries, PETRARCH's own unit-test suite run with its validation dictionaries.

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { analyzeText, createPipeline } from '../annotate.js';
import type { Doc, EventRecord } from '../document/index.js';
import { DyadError } from '../errors.js';
import { EventCoder } from '../events/coder.js';
import {
  codeEvents,
  type EventResources,
  eventResources,
  loadEventResources,
} from '../events/events-stage.js';
import { compileLexicon } from '../events/lexicon.js';
import { parsePetrarchVerbs } from '../events/petrarch-verbs.js';
import { isRoleCode } from '../events/sentence.js';
import { importPetrarch } from '../kb/import.js';
import type { Pipeline } from '../pipeline/runner.js';
import { type PetrarchRecord, readPetrarchRecords } from './petrarch-records.js';
import { actorPrefix, goldPairs, type PloverRecord, readPlover } from './plover.js';
import type { EvalOptions, EvalOutcome, EvalTask } from './task.js';

interface Scored {
  id: string;
  gold: string;
  goldPairs: string[];
  predicted: string | null;
  predictedPair: string | null;
  typeOk: boolean;
  actorsOk: boolean;
  rule: string | null;
}

function round(x: number): number {
  return Number(x.toFixed(4));
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : round((2 * p * r) / (p + r));
}

/** The event Dyad would report for a one-event sentence: the most confident one with a PLOVER type. */
export function primaryEvent(events: readonly EventRecord[]): EventRecord | null {
  let best: EventRecord | null = null;
  for (const e of events) {
    if (!e.plover.type) continue;
    if (!best || e.confidence > best.confidence) best = e;
  }
  return best;
}

function pairOf(e: EventRecord): string {
  return `${actorPrefix(e.source?.code)}>${actorPrefix(e.target?.code)}`;
}

/** One gold record against Dyad's event for it: the type, then the type with the source>target prefixes. */
function scoreRecord(
  id: string,
  goldType: string,
  goldLabel: string,
  pairs: ReadonlySet<string>,
  e: EventRecord | null,
): Scored {
  const typeOk = e !== null && e.plover.type === goldType;
  return {
    id,
    gold: goldLabel,
    goldPairs: [...pairs],
    predicted: e?.plover.type ?? null,
    predictedPair: e ? pairOf(e) : null,
    typeOk,
    actorsOk: typeOk && e !== null && pairs.has(pairOf(e)),
    rule: e?.rule ?? null,
  };
}

function limitOf(options: EvalOptions): number {
  const raw = options.options.limit;
  if (raw === undefined || raw === false || raw === true) return Number.POSITIVE_INFINITY;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new DyadError('DYAD_E_USAGE', `--limit ${raw} is not a count`);
  return n;
}

interface Timing {
  analyze: number;
  code: number;
  sentences: number;
}

async function analyzeTimed(
  text: string,
  pipeline: Pipeline,
  date: string,
  resources: EventResources,
  timing: Timing,
): Promise<Doc> {
  const started = performance.now();
  const doc = await analyzeText(text, { pipeline, date });
  timing.analyze += performance.now() - started;
  // The coder alone, again on the annotated document, for its own speed figure.
  const coding = performance.now();
  codeEvents(doc, resources);
  timing.code += performance.now() - coding;
  timing.sentences += doc.sentences.length;
  return doc;
}

function metricsOf(scored: Scored[], timing: Timing): Record<string, unknown> {
  const n = scored.length;
  const predicted = scored.filter((s) => s.predicted !== null).length;
  const typeHits = scored.filter((s) => s.typeOk).length;
  const actorHits = scored.filter((s) => s.actorsOk).length;
  const tp = predicted ? typeHits / predicted : 0;
  const tr = n ? typeHits / n : 0;
  const ap = predicted ? actorHits / predicted : 0;
  const ar = n ? actorHits / n : 0;
  return {
    typePrecision: round(tp),
    typeRecall: round(tr),
    typeF1: f1(tp, tr),
    typedActorsPrecision: round(ap),
    typedActorsRecall: round(ar),
    typedActorsF1: f1(ap, ar),
    sentencesPerSecond: Math.round(timing.sentences / Math.max(1e-9, timing.analyze / 1000)),
    codeSentencesPerSecond: Math.round(timing.sentences / Math.max(1e-9, timing.code / 1000)),
    predicted,
  };
}

function confusion(scored: Scored[]): string[] {
  const byType = new Map<string, { n: number; hit: number; none: number; wrong: Map<string, number> }>();
  for (const s of scored) {
    const row = byType.get(s.gold) ?? { n: 0, hit: 0, none: 0, wrong: new Map() };
    row.n++;
    if (s.typeOk) row.hit++;
    else if (s.predicted === null) row.none++;
    else row.wrong.set(s.predicted, (row.wrong.get(s.predicted) ?? 0) + 1);
    byType.set(s.gold, row);
  }
  const lines = ['per gold type: found/total, not coded, coded as'];
  for (const [type, row] of [...byType].sort((a, b) => b[1].n - a[1].n)) {
    const wrong = [...row.wrong].map(([t, k]) => `${t}×${k}`).join(' ');
    lines.push(`  ${type.padEnd(10)} ${row.hit}/${row.n}  none ${row.none}  ${wrong}`);
  }
  return lines;
}

async function evaluatePlover(records: PloverRecord[], options: EvalOptions): Promise<EvalOutcome> {
  const date = '2000-01-01';
  const pipeline = await createPipeline({ date }).load();
  const resources = eventResources(pipeline.ctx);
  const timing: Timing = { analyze: 0, code: 0, sentences: 0 };
  const scored: Scored[] = [];
  for (const [i, r] of records.entries()) {
    const doc = await analyzeTimed(r.text, pipeline, date, resources, timing);
    scored.push(scoreRecord(r.id, r.type, r.type, goldPairs(r), primaryEvent(doc.events)));
    options.onProgress?.(i + 1, records.length);
  }
  return { n: scored.length, metrics: metricsOf(scored, timing), report: confusion(scored), details: scored };
}

/** PETRARCH XML without its dictionaries: expected CAMEO codes read as PLOVER types, actors on their prefix. */
async function evaluatePetrarchTypes(records: PetrarchRecord[], options: EvalOptions): Promise<EvalOutcome> {
  const pipeline = await createPipeline({ date: '2000-01-01' }).load();
  const resources = eventResources(pipeline.ctx);
  const timing: Timing = { analyze: 0, code: 0, sentences: 0 };
  const scored: Scored[] = [];
  const usable = records.filter((r) => !r.expectsError && r.events.length > 0);
  for (const [i, r] of usable.entries()) {
    const doc = await analyzeTimed(r.text, pipeline, r.date ?? '2000-01-01', resources, timing);
    const gold = r.events[0] as PetrarchRecord['events'][number];
    const goldType = resources.cameo.lookup(gold.code)?.plover.type ?? '';
    const pairs = new Set(r.events.map((x) => `${actorPrefix(x.source)}>${actorPrefix(x.target)}`));
    scored.push(scoreRecord(r.id, goldType, goldType || `(${gold.code})`, pairs, primaryEvent(doc.events)));
    options.onProgress?.(i + 1, usable.length);
  }
  return {
    n: scored.length,
    metrics: metricsOf(scored, timing),
    report: [
      'PETRARCH records without --dictionaries: expected codes read as CAMEO (the suite uses WEIS-style codes too)',
      ...confusion(scored),
    ],
    details: scored,
  };
}

function dictionaryFiles(dir: string): { verbs: string; actorDicts: string[] } {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new DyadError('DYAD_E_EVAL_DATA', 'no dictionary directory here', { origin: dir });
  const files = readdirSync(dir).map((f) => path.join(dir, f));
  const verbs = files.find((f) => /verbs?\.txt$/i.test(f));
  if (!verbs)
    throw new DyadError('DYAD_E_EVAL_DATA', 'no PETRARCH verbs dictionary (*verbs.txt) here', {
      origin: dir,
    });
  const actorDicts = files.filter((f) => /(actors?|agents?)\.txt$/i.test(f));
  return { verbs, actorDicts };
}

/**
 * PETRARCH writes an agent of no known country with "---" in the country's place ("---GOV"), and an actor it has no
 * code for, or none at all, as "---".
 */
function petrarchCode(code: string | undefined): string {
  if (!code) return '---';
  return isRoleCode(code) ? `---${code}` : code;
}

function key(e: { source: string; target: string; code: string }): string {
  return `${e.source}|${e.target}|${e.code}`;
}

/**
 * A document's events as PETRARCH writes them ("SRC|TGT|CODE", sorted, each once). With require_dyad, PETRARCH
 * drops an event whose source or target has no code ("---").
 */
export function petrarchEvents(events: readonly EventRecord[], requireDyad: boolean): string[] {
  const coded = events.map((e) => ({
    source: petrarchCode(e.source?.code),
    target: petrarchCode(e.target?.code),
    code: e.code,
  }));
  const kept = coded.filter((e) => !requireDyad || (e.source !== '---' && e.target !== '---'));
  return [...new Set(kept.map(key))].sort();
}

/** The PETRARCH unit-test suite with its own dictionaries: a record passes when its events are exactly those expected. */
async function evaluatePetrarchSuite(
  records: PetrarchRecord[],
  dictionaries: string,
  options: EvalOptions,
): Promise<EvalOutcome> {
  const { verbs, actorDicts } = dictionaryFiles(dictionaries);
  const layer = mkdtempSync(path.join(tmpdir(), 'dyad-petrarch-'));
  try {
    importPetrarch(actorDicts, { into: layer });
    const base = loadEventResources({ kbPaths: [layer] });
    const parsed = parsePetrarchVerbs(readFileSync(verbs, 'utf8'));
    const lexicon = compileLexicon(parsed.entries, {
      families: base.lexicon.families,
      topics: base.lexicon.topics,
      operators: base.lexicon.operators,
      version: 'petrarch-validation',
    });
    const resources: EventResources = {
      lexicon,
      cameo: base.cameo,
      coder: new EventCoder({
        lexicon,
        cameo: base.cameo,
        literalCodes: true,
        compoundsActOnEachOther: true,
      }),
    };
    const pipeline = await createPipeline({
      date: '2000-01-01',
      kbPaths: [layer],
      eventResources: resources,
    }).load();
    const usable = records.filter((r) => !r.expectsError);
    const timing: Timing = { analyze: 0, code: 0, sentences: 0 };
    const details: { id: string; ok: boolean; expected: string[]; got: string[] }[] = [];
    for (const [i, r] of usable.entries()) {
      const doc = await analyzeTimed(r.text, pipeline, r.date ?? '2000-01-01', resources, timing);
      // PETRARCH codes only source-target pairs unless a record's configuration says otherwise.
      const requireDyad = (r.config.require_dyad ?? 'true').toLowerCase() !== 'false';
      const got = petrarchEvents(doc.events, requireDyad);
      const expected = [...new Set(r.events.map(key))].sort();
      details.push({ id: r.id, ok: JSON.stringify(got) === JSON.stringify(expected), expected, got });
      options.onProgress?.(i + 1, usable.length);
    }
    const exact = details.filter((d) => d.ok).length;
    return {
      n: details.length,
      metrics: {
        exactRecords: exact,
        records: details.length,
        exactFraction: round(exact / Math.max(1, details.length)),
        verbPatterns: parsed.entries.length,
        verbWarnings: parsed.warnings.length,
        sentencesPerSecond: Math.round(timing.sentences / Math.max(1e-9, timing.analyze / 1000)),
      },
      report: [
        'PETRARCH-1 scores 204/277 on the non-error records.',
        ...details
          .filter((d) => !d.ok)
          .slice(0, 40)
          .map(
            (d) =>
              `  ${d.id}: expected ${d.expected.join(' ') || '(none)'}; got ${d.got.join(' ') || '(none)'}`,
          ),
      ],
      details,
    };
  } finally {
    rmSync(layer, { recursive: true, force: true });
  }
}

export async function evaluateEvents(options: EvalOptions): Promise<EvalOutcome> {
  const file = options.data;
  if (!existsSync(file) || !statSync(file).isFile())
    throw new DyadError('DYAD_E_EVAL_DATA', 'no such file (a PLOVER JSON file or PETRARCH records XML)', {
      origin: file,
    });
  const limit = limitOf(options);
  const head = readFileSync(file, 'utf8').slice(0, 4096).trimStart();
  const dictionaries = options.options.dictionaries;
  if (head.startsWith('<')) {
    const records = readPetrarchRecords(file).slice(0, limit);
    if (typeof dictionaries === 'string') return evaluatePetrarchSuite(records, dictionaries, options);
    return evaluatePetrarchTypes(records, options);
  }
  if (typeof dictionaries === 'string')
    throw new DyadError('DYAD_E_USAGE', '--dictionaries goes with PETRARCH validation records (XML)');
  return evaluatePlover(readPlover(file).slice(0, limit), options);
}

export const eventsTask: EvalTask = {
  name: 'events',
  description:
    'event coding: PLOVER gold records, or PETRARCH validation XML (--dictionaries DIR: its unit-test suite)',
  defaultData: '../shared/eval/plover/PLOVER_GSR_CAMEO.txt',
  run: (options) => evaluateEvents(options),
};
