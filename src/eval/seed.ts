// `dyad eval seed`: scores `dyad analyze` on the seed article against its hand-annotated expected.json, section
// by section (meta, actors, events, quotes, timexes, places), and says what is missing.

import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { analyzeFile } from '../annotate.js';
import type { DocJSON } from '../document/index.js';
import { DyadError } from '../errors.js';
import type { EvalOutcome, EvalTask } from './task.js';

interface Expected {
  article: string;
  publishedDate: string;
  meta: {
    title: string;
    authors: string[];
    site: string;
    url: string;
    standfirst: string;
    dateline: string;
    truncated: boolean;
    bodyStartsWith: string;
    bodyEndsWith: string;
    subheadings: string[];
    bodyMustNotContain: string[];
  };
  actors: { tier: string; name: string; code: string; mentions: string[] }[];
  events: {
    tier: string;
    id: string;
    source: string;
    target: string;
    codes: string[];
    date?: string;
    place?: string;
  }[];
  mustNotEvents: { code_root: string; source?: string; target?: string; reason: string }[];
  quotes: { tier: string; speaker: string; kind: string; text: string; cue?: string }[];
  mustNotQuotes: { text: string; reason: string }[];
  timexes: { tier: string; text: string; value: string }[];
  places: { tier: string; text: string; country?: string; kind?: string }[];
}

export interface SeedCheck {
  section: string;
  tier: 'must' | 'should';
  item: string;
  ok: boolean;
  detail?: string;
}

const norm = (s: string) =>
  s
    .replace(/[“”"‘’']/g, '')
    .replace(/[.,;:]+$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

function tierOf(t: string): 'must' | 'should' {
  return t === 'must' ? 'must' : 'should';
}

export function checkMeta(doc: DocJSON, e: Expected['meta']): SeedCheck[] {
  const checks: SeedCheck[] = [];
  const eq = (item: string, got: unknown, want: unknown) =>
    checks.push({
      section: 'meta',
      tier: 'must',
      item,
      ok: JSON.stringify(got) === JSON.stringify(want),
      detail: `got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`,
    });
  eq('title', doc.meta.title, e.title);
  eq('authors', doc.meta.authors, e.authors);
  eq('site', doc.meta.site, e.site);
  eq('url', doc.meta.url, e.url);
  eq('standfirst', doc.meta.standfirst, e.standfirst);
  eq('dateline', doc.meta.dateline, e.dateline);
  eq('truncated', doc.meta.truncated, e.truncated);
  eq('bodyStartsWith', doc.text.slice(0, e.bodyStartsWith.length), e.bodyStartsWith);
  eq('bodyEndsWith', doc.text.slice(-e.bodyEndsWith.length), e.bodyEndsWith);
  const headings = doc.paragraphs
    .filter((p) => p.kind === 'heading')
    .map((p) => doc.text.slice(p.start, p.end));
  eq('subheadings', headings, e.subheadings);
  for (const bad of e.bodyMustNotContain) {
    checks.push({
      section: 'meta',
      tier: 'must',
      item: `body has no ${JSON.stringify(bad)}`,
      ok: !doc.text.includes(bad) && !(bad.startsWith('\n') && doc.text.startsWith(bad.slice(1))),
    });
  }
  return checks;
}

export function checkActors(doc: DocJSON, expected: Expected['actors']): SeedCheck[] {
  return expected.map((e) => {
    const actor = doc.actors.find((a) =>
      a.mentions.some((m) => m.text === e.mentions[0] || m.text === e.name),
    );
    if (!actor)
      return { section: 'actors', tier: tierOf(e.tier), item: e.name, ok: false, detail: 'not found' };
    const codeOk = actor.code.startsWith(e.code);
    const texts = new Set(actor.mentions.map((m) => m.text));
    const missing = e.mentions.filter((m) => !texts.has(m));
    const problems = [
      ...(codeOk ? [] : [`code ${actor.code || '(none)'}, want ${e.code}`]),
      ...(missing.length ? [`mentions not linked: ${missing.join(' | ')}`] : []),
    ];
    return {
      section: 'actors',
      tier: tierOf(e.tier),
      item: e.name,
      ok: problems.length === 0,
      ...(problems.length ? { detail: problems.join('; ') } : {}),
    };
  });
}

export function checkEvents(doc: DocJSON, expected: Expected): SeedCheck[] {
  const checks: SeedCheck[] = expected.events.map((e) => {
    const found = doc.events.find(
      (ev) =>
        e.codes.includes(ev.code) &&
        (ev.source?.code ?? '').startsWith(e.source) &&
        (e.target === '' || (ev.target?.code ?? '').startsWith(e.target)),
    );
    return {
      section: 'events',
      tier: tierOf(e.tier),
      item: `${e.id} (${e.source}→${e.target || '*'} ${e.codes[0]}…)`,
      ok: found !== undefined,
    };
  });
  for (const bad of expected.mustNotEvents) {
    const hit = doc.events.find(
      (ev) =>
        ev.root === bad.code_root &&
        (!bad.source || (ev.source?.code ?? '').startsWith(bad.source)) &&
        (!bad.target || (ev.target?.code ?? '').startsWith(bad.target)),
    );
    checks.push({
      section: 'events',
      tier: 'must',
      item: `no root ${bad.code_root} event${bad.source ? ` ${bad.source}→${bad.target}` : ''}`,
      ok: hit === undefined,
      ...(hit ? { detail: `produced ${hit.code} by rule ${hit.rule}` } : {}),
    });
  }
  return checks;
}

export function checkQuotes(doc: DocJSON, expected: Expected): SeedCheck[] {
  const checks: SeedCheck[] = expected.quotes.map((e) => {
    const quote = doc.quotes.find((q) => norm(q.text) === norm(e.text));
    const speakerOk = quote?.speaker ? norm(e.speaker).includes(norm(quote.speaker.name)) : false;
    return {
      section: 'quotes',
      tier: tierOf(e.tier),
      item: `${e.speaker}: “${e.text.slice(0, 40)}…”`,
      ok: quote !== undefined && speakerOk,
      ...(quote && !speakerOk ? { detail: `speaker ${quote.speaker?.name ?? '(none)'}` } : {}),
    };
  });
  for (const bad of expected.mustNotQuotes) {
    checks.push({
      section: 'quotes',
      tier: 'must',
      item: `no quote “${bad.text}”`,
      ok: !doc.quotes.some((q) => norm(q.text) === norm(bad.text)),
    });
  }
  return checks;
}

export function checkTimexes(doc: DocJSON, expected: Expected['timexes']): SeedCheck[] {
  return expected.map((e) => {
    const t = doc.timexes.find((x) => norm(x.text).includes(norm(e.text)));
    return {
      section: 'timexes',
      tier: tierOf(e.tier),
      item: `${e.text} = ${e.value}`,
      ok: t?.value === e.value,
      ...(t && t.value !== e.value ? { detail: `resolved to ${t.value}` } : {}),
    };
  });
}

export function checkPlaces(doc: DocJSON, expected: Expected['places']): SeedCheck[] {
  return expected.map((e) => {
    const p = doc.places.find(
      (x) =>
        norm(x.text).includes(norm(e.text)) &&
        (!e.country || x.country === e.country) &&
        (!e.kind || x.kind === e.kind),
    );
    return { section: 'places', tier: tierOf(e.tier), item: e.text, ok: p !== undefined };
  });
}

function locate(data: string): { expectedPath: string; dir: string } {
  if (!existsSync(data))
    throw new DyadError('DYAD_E_EVAL_DATA', 'no such file or directory', { origin: data });
  const expectedPath = statSync(data).isDirectory() ? path.join(data, 'expected.json') : data;
  if (!existsSync(expectedPath)) {
    throw new DyadError('DYAD_E_EVAL_DATA', 'no expected.json here', { origin: data });
  }
  return { expectedPath, dir: path.dirname(expectedPath) };
}

export async function evaluateSeed(data: string): Promise<EvalOutcome> {
  const { expectedPath, dir } = locate(data);
  const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as Expected;
  const [item] = await analyzeFile(path.join(dir, expected.article), { date: expected.publishedDate });
  if (!item?.doc) throw item?.error ?? new DyadError('DYAD_E_EVAL_DATA', 'the seed article gave no document');
  const doc = item.doc.toJSON();
  const checks = [
    ...checkMeta(doc, expected.meta),
    ...checkActors(doc, expected.actors),
    ...checkEvents(doc, expected),
    ...checkQuotes(doc, expected),
    ...checkTimexes(doc, expected.timexes),
    ...checkPlaces(doc, expected.places),
  ];
  const metrics: Record<string, unknown> = {};
  for (const section of ['meta', 'actors', 'events', 'quotes', 'timexes', 'places']) {
    const mine = checks.filter((c) => c.section === section);
    const must = mine.filter((c) => c.tier === 'must');
    const should = mine.filter((c) => c.tier === 'should');
    metrics[section] = {
      must: fraction(must),
      mustPassed: must.filter((c) => c.ok).length,
      mustTotal: must.length,
      should: fraction(should),
    };
  }
  const must = checks.filter((c) => c.tier === 'must');
  metrics.mustPassed = must.filter((c) => c.ok).length;
  metrics.mustTotal = must.length;
  metrics.must = fraction(must);
  const report = checks
    .filter((c) => !c.ok)
    .map(
      (c) =>
        `${c.tier === 'must' ? 'MISSING' : 'missing (should)'} ${c.section}: ${c.item}${c.detail ? ` — ${c.detail}` : ''}`,
    );
  return { n: checks.length, metrics, report, details: checks };
}

function fraction(checks: SeedCheck[]): number | null {
  if (checks.length === 0) return null;
  return Number((checks.filter((c) => c.ok).length / checks.length).toFixed(4));
}

export const seedTask: EvalTask = {
  name: 'seed',
  description: 'the seed article against its expected.json, section by section',
  defaultData: '../shared/seed',
  run: (options) => evaluateSeed(options.data),
};
