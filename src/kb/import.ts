// `dyad kb import --petrarch`: reads PETRARCH actor and agents dictionaries (files, or the dictionary files of a
// directory) and writes them as a user KB layer (actors/<file>.json, roles/<file>.json) that loads above kb/.

import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DyadError } from '../errors.js';
import { DEFAULT_USER_KB_DIR } from './load.js';
import { type PetrarchWarning, parsePetrarchActors, parsePetrarchAgents } from './petrarch.js';

export type PetrarchFileKind = 'actors' | 'agents';

export interface ImportedFile {
  source: string;
  kind: PetrarchFileKind;
  /** Actors or role words written. */
  entries: number;
  output: string;
  warnings: PetrarchWarning[];
}

export interface ImportResult {
  into: string;
  files: ImportedFile[];
  /** Files of a directory that are not actor or agents dictionaries (verbs, discards, issues). */
  skipped: string[];
}

/** What a dictionary file holds, from its name, else from its text; null for other PETRARCH files. */
export function petrarchKind(file: string, text?: string): PetrarchFileKind | null {
  const base = path.basename(file).toLowerCase();
  if (base.includes('agent')) return 'agents';
  if (base.includes('actor')) return 'actors';
  if (text === undefined) return null;
  if (/\[\s*~|~\s*\]/.test(text)) return 'agents';
  if (/^\s*[^#\s][^[\n]*\[[A-Za-z]{3}/m.test(text)) return 'actors';
  return null;
}

function sourceName(file: string): string {
  return (
    path
      .basename(file)
      .replace(/\.txt$/i, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'dictionary'
  );
}

/** Imports the given files and directories into `into` (default ./dyad-kb). */
export function importPetrarch(paths: readonly string[], options: { into?: string } = {}): ImportResult {
  if (paths.length === 0)
    throw new DyadError('DYAD_E_USAGE', 'name PETRARCH dictionary files or a directory');
  const into = path.resolve(options.into ?? DEFAULT_USER_KB_DIR);
  const files: { file: string; explicit: boolean }[] = [];
  const skipped: string[] = [];
  for (const p of paths) {
    if (!existsSync(p)) throw new DyadError('DYAD_E_NOT_FOUND', 'no such file or directory', { origin: p });
    if (statSync(p).isDirectory()) {
      for (const f of readdirSync(p).sort()) {
        const full = path.join(p, f);
        if (!statSync(full).isFile()) continue;
        if (petrarchKind(f)) files.push({ file: full, explicit: false });
        else skipped.push(full);
      }
    } else files.push({ file: p, explicit: true });
  }
  const result: ImportResult = { into, files: [], skipped };
  for (const { file } of files) {
    const text = readFileSync(file, 'utf8');
    const kind = petrarchKind(file, text);
    if (!kind) {
      skipped.push(file);
      continue;
    }
    const source = sourceName(file);
    const outDir = path.join(into, kind === 'actors' ? 'actors' : 'roles');
    mkdirSync(outDir, { recursive: true });
    const output = path.join(outDir, `${source}.json`);
    if (kind === 'actors') {
      const { actors, warnings } = parsePetrarchActors(text, source);
      writeFileSync(output, `${JSON.stringify(actors, null, 1)}\n`);
      result.files.push({ source: file, kind, entries: actors.length, output, warnings });
    } else {
      const { roles, warnings } = parsePetrarchAgents(text);
      writeFileSync(output, `${JSON.stringify(roles, null, 1)}\n`);
      result.files.push({ source: file, kind, entries: roles.length, output, warnings });
    }
  }
  if (result.files.length === 0) {
    throw new DyadError('DYAD_E_KB', 'no PETRARCH actor or agents dictionary among these files', {
      origin: paths.join(', '),
    });
  }
  return result;
}
