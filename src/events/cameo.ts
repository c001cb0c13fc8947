// The CAMEO event table (code, label, Goldstein) and its PLOVER mapping, read from kb/cameo.tsv and
// kb/cameo-plover.tsv; QuadClass follows from the root (01–05 verbal cooperation … 14–20 material conflict).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DyadError } from '../errors.js';

export interface CameoCode {
  code: string;
  root: string;
  label: string;
  goldstein: number;
  quadClass: number;
  plover: { type: string; mode: string | null; context: string | null };
}

export class CameoTable {
  private readonly codes = new Map<string, CameoCode>();

  constructor(entries: Iterable<CameoCode>) {
    for (const e of entries) this.codes.set(e.code, e);
  }

  get(code: string): CameoCode | undefined {
    return this.codes.get(code);
  }

  has(code: string): boolean {
    return this.codes.has(code);
  }

  /** The entry for a code, or for its nearest listed parent (a dictionary may use codes we do not list). */
  lookup(code: string): CameoCode | undefined {
    for (let c = code; c.length >= 2; c = c.slice(0, -1)) {
      const hit = this.codes.get(c);
      if (hit) return hit;
    }
    return undefined;
  }

  all(): CameoCode[] {
    return [...this.codes.values()];
  }

  get size(): number {
    return this.codes.size;
  }
}

export function rootOf(code: string): string {
  return code.slice(0, 2);
}

export function quadClassOf(root: string): number {
  const n = Number(root);
  if (n >= 1 && n <= 5) return 1;
  if (n >= 6 && n <= 8) return 2;
  if (n >= 9 && n <= 13) return 3;
  return 4;
}

/** Rows of a TSV with a header line, skipping # comments and blank lines. */
export function readTsv(file: string): Record<string, string>[] {
  const lines = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const header = (lines.shift() ?? '').split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(header.map((h, i) => [h, (cells[i] ?? '').trim()]));
  });
}

export function loadCameoTable(kbDir: string): CameoTable {
  const tablePath = path.join(kbDir, 'cameo.tsv');
  const ploverPath = path.join(kbDir, 'cameo-plover.tsv');
  let rows: Record<string, string>[];
  let plover: Record<string, string>[];
  try {
    rows = readTsv(tablePath);
    plover = readTsv(ploverPath);
  } catch (e) {
    throw new DyadError('DYAD_E_KB', `cannot read the CAMEO table: ${(e as Error).message}`, { cause: e });
  }
  const types = new Map(plover.map((r) => [r.code as string, r]));
  return new CameoTable(
    rows.map((r) => {
      const code = r.code as string;
      const root = rootOf(code);
      const p = types.get(code);
      return {
        code,
        root,
        label: r.label ?? '',
        goldstein: Number(r.goldstein ?? 0),
        quadClass: quadClassOf(root),
        plover: { type: p?.type ?? '', mode: p?.mode || null, context: p?.context || null },
      };
    }),
  );
}
