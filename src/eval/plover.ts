// Reader for the PLOVER gold-standard records (PLOVER_GSR_CAMEO.txt): one JSON array whose first record documents
// the file; each other record is a sentence with source and target actors and a PLOVER 0.5 event type, mapped here
// to today's types as the PLOVER manual's CAMEO→PLOVER table folds them.

import { readFileSync } from 'node:fs';
import { DyadError } from '../errors.js';

/** PLOVER 0.5 type names that today's PLOVER folds into others (PLOVER manual, CAMEO to PLOVER translation). */
export const PLOVER_05_TYPES: Readonly<Record<string, string>> = {
  DEMAND: 'REQUEST',
  DISAPPROVE: 'ACCUSE',
  INVESTIGATE: 'ACCUSE',
  FIGHT: 'ASSAULT',
  YIELD: 'CONCEDE',
};

/** Superseded or non-ISO country codes in the gold set, as today's CAMEO writes them. */
export const LEGACY_CODES: Readonly<Record<string, string>> = {
  JAP: 'JPN',
  ITL: 'ITA',
  VTN: 'VNM',
  ROM: 'ROU',
  ZAR: 'COD',
};

export interface PloverRecord {
  id: string;
  text: string;
  /** Today's PLOVER type. */
  type: string;
  /** The type as the file writes it. */
  rawType: string;
  mode: string | null;
  /** Three-letter actor codes (country, IGO, NGO …), legacy codes normalised. */
  sources: string[];
  targets: string[];
  /** Marked SRC/TAR: each source acts on the others. */
  reciprocal: boolean;
}

export function ploverType(raw: string): string {
  const t = raw.trim().toUpperCase();
  return PLOVER_05_TYPES[t] ?? t;
}

/**
 * The gold set writes "IGO" for international non-governmental bodies too (Amnesty International, the Red Cross),
 * so both international prefixes compare as one.
 */
export function actorPrefix(code: string | null | undefined): string {
  const c = (code ?? '').trim().toUpperCase().slice(0, 3);
  if (c === 'NGO') return 'IGO';
  return LEGACY_CODES[c] ?? c;
}

interface RawActor {
  actorText?: string;
  code?: string;
}

interface RawRecord {
  id?: string;
  event?: string;
  text?: string;
  mode?: string;
  source?: RawActor[] | string;
  target?: RawActor[] | string;
  textInfo?: { markup?: string };
}

function codes(v: RawActor[] | string | undefined): string[] {
  if (!Array.isArray(v)) return [];
  return [...new Set(v.map((a) => actorPrefix(a.code)).filter((c) => c.length === 3))];
}

export function parsePlover(json: string, origin = 'PLOVER'): PloverRecord[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    throw new DyadError('DYAD_E_EVAL_DATA', `not JSON: ${(e as Error).message}`, { origin, cause: e });
  }
  if (!Array.isArray(raw))
    throw new DyadError('DYAD_E_EVAL_DATA', 'expected a JSON array of records', { origin });
  const out: PloverRecord[] = [];
  for (const r of raw as RawRecord[]) {
    if (!r || typeof r !== 'object' || !r.event || r.event === 'DOCUMENT' || !r.text) continue;
    out.push({
      id: r.id ?? `record-${out.length + 1}`,
      text: r.text,
      type: ploverType(r.event),
      rawType: r.event,
      mode: r.mode?.trim() || null,
      sources: codes(r.source),
      targets: codes(r.target),
      reciprocal: (r.textInfo?.markup ?? '').includes('SRC/TAR'),
    });
  }
  return out;
}

export function readPlover(file: string): PloverRecord[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new DyadError('DYAD_E_EVAL_DATA', 'cannot read the PLOVER file', { origin: file, cause: e });
  }
  return parsePlover(text, file);
}

/** The (source, target) pairs a record accepts; "" stands for no target. */
export function goldPairs(r: PloverRecord): Set<string> {
  const pairs = new Set<string>();
  const targets = r.targets.length ? r.targets : [''];
  for (const s of r.sources) for (const t of targets) pairs.add(`${s}>${t}`);
  if (r.reciprocal) for (const s of r.sources) for (const t of r.sources) if (s !== t) pairs.add(`${s}>${t}`);
  return pairs;
}
