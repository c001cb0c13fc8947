// Reads PolNeAR (political news attribution relations): text/*.txt with brat standoff attributions/*.ann whose
// Source, Cue and Content spans (some discontinuous) are tied together by E lines.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Span } from '../document/index.js';
import { DyadError } from '../errors.js';

export interface PolnearAttribution {
  /** The E line's id (E12). */
  id: string;
  /** Fragments of the source span, or null for an attribution without a source. */
  source: Span[] | null;
  cue: Span[] | null;
  /** Fragments of the content (discontinuous contents and Content2 links add fragments). */
  content: Span[];
}

export interface PolnearDoc {
  /** The article's file name without extension. */
  name: string;
  /** The annotator id taken from the .ann file name. */
  annotator: string;
  text: string;
  attributions: PolnearAttribution[];
}

interface TextBound {
  type: string;
  spans: Span[];
}

/**
 * brat counts offsets in Unicode code points; JavaScript strings index UTF-16 units. Returns a converter
 * (the identity when the text has no astral characters, as PolNeAR's texts do not).
 */
function codePointToUtf16(text: string): (offset: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return (offset) => offset;
  const map: number[] = [];
  let unit = 0;
  for (const ch of text) {
    map.push(unit);
    unit += ch.length;
  }
  map.push(unit);
  return (offset) => map[offset] ?? unit;
}

/** Parses one .ann file. Lines that are not T or E records (notes, stray text) are ignored. */
export function parseAnn(ann: string, text = ''): PolnearAttribution[] {
  const toUnit = codePointToUtf16(text);
  const bounds = new Map<string, TextBound>();
  const events: { id: string; args: [string, string][] }[] = [];
  for (const line of ann.split('\n')) {
    const t = /^(T\d+)\t(\S+) ([\d ;]+)\t/.exec(line);
    if (t) {
      const spans: Span[] = [];
      for (const part of (t[3] as string).split(';')) {
        const [a, b] = part.trim().split(/\s+/).map(Number);
        if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b)) continue;
        spans.push({ start: toUnit(a), end: toUnit(b) });
      }
      bounds.set(t[1] as string, { type: t[2] as string, spans });
      continue;
    }
    const e = /^(E\d+)\t(.+)$/.exec(line);
    if (e) {
      const args = (e[2] as string)
        .trim()
        .split(/\s+/)
        .map((arg) => arg.split(':') as [string, string])
        .filter((arg) => arg.length === 2);
      events.push({ id: e[1] as string, args });
    }
  }
  const attributions: PolnearAttribution[] = [];
  for (const event of events) {
    let source: Span[] | null = null;
    let cue: Span[] | null = null;
    const content: Span[] = [];
    for (const [role, ref] of event.args) {
      const bound = bounds.get(ref);
      if (!bound) continue;
      if (role === 'Source') source = [...(source ?? []), ...bound.spans];
      else if (role === 'Cue') cue = [...(cue ?? []), ...bound.spans];
      else if (role.startsWith('Content')) content.push(...bound.spans);
    }
    if (content.length === 0) continue;
    content.sort((a, b) => a.start - b.start);
    attributions.push({ id: event.id, source, cue, content });
  }
  return attributions;
}

/**
 * Reads a PolNeAR split directory (text/ and attributions/). An article annotated by several annotators is read
 * once, with the first annotation file in name order, so that no article weighs more than another.
 */
export function readPolnear(dir: string): PolnearDoc[] {
  const textDir = path.join(dir, 'text');
  const annDir = path.join(dir, 'attributions');
  if (!existsSync(textDir) || !statSync(textDir).isDirectory() || !existsSync(annDir)) {
    throw new DyadError('DYAD_E_EVAL_DATA', 'not a PolNeAR split: expected text/ and attributions/', {
      origin: dir,
    });
  }
  const anns = readdirSync(annDir)
    .filter((f) => f.endsWith('.ann'))
    .sort();
  const byName = new Map<string, string>();
  for (const file of anns) {
    const name = file.replace(/_[0-9a-f]+\.ann$/, '');
    if (!byName.has(name)) byName.set(name, file);
  }
  const docs: PolnearDoc[] = [];
  for (const file of readdirSync(textDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const name = file.slice(0, -4);
    const annFile = byName.get(name);
    if (!annFile) continue;
    const text = readFileSync(path.join(textDir, file), 'utf8');
    const ann = readFileSync(path.join(annDir, annFile), 'utf8');
    const annotator = /_([0-9a-f]+)\.ann$/.exec(annFile)?.[1] ?? '';
    docs.push({ name, annotator, text, attributions: parseAnn(ann, text) });
  }
  if (docs.length === 0) {
    throw new DyadError('DYAD_E_EVAL_DATA', 'no annotated texts found', { origin: dir });
  }
  return docs;
}
