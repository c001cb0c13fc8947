// Reads the knowledge base: the built-in kb/ directory, then ./dyad-kb/ if it exists, then any directories the
// user names (ctx.options.kbPaths), each layer above the one before. A layer holds the same files as kb/.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DyadError } from '../errors.js';
import { type KbLayerData, KnowledgeBase } from './knowledge-base.js';
import type {
  KbActorEntry,
  KbActorRules,
  KbCountry,
  KbGroup,
  KbOrganization,
  KbPerson,
  KbRegion,
  KbRole,
  KbVersionFile,
} from './types.js';

/** The knowledge base shipped with Dyad. */
export const BUILTIN_KB_DIR = fileURLToPath(new URL('../../kb/', import.meta.url));

/** The user layer `dyad kb import` writes to by default, loaded automatically when it exists. */
export const DEFAULT_USER_KB_DIR = 'dyad-kb';

export interface LoadKbOptions {
  /** Extra layers, lowest first, above the built-in KB and the default user layer. */
  kbPaths?: readonly string[];
  /** The built-in directory (tests). */
  builtinDir?: string;
  /** The default user layer; false to skip it. Default ./dyad-kb relative to the working directory. */
  userDir?: string | false;
}

/** The layer directories in order, lowest first. */
export function kbLayerDirs(options: LoadKbOptions = {}): string[] {
  const dirs = [path.resolve(options.builtinDir ?? BUILTIN_KB_DIR)];
  const userDir = options.userDir === undefined ? DEFAULT_USER_KB_DIR : options.userDir;
  if (userDir !== false) {
    const resolved = path.resolve(userDir);
    if (existsSync(resolved) && statSync(resolved).isDirectory()) dirs.push(resolved);
  }
  for (const p of options.kbPaths ?? []) {
    const resolved = path.resolve(p);
    if (!existsSync(resolved) || !statSync(resolved).isDirectory()) {
      throw new DyadError('DYAD_E_NOT_FOUND', 'no knowledge-base directory here', { origin: p });
    }
    dirs.push(resolved);
  }
  return [...new Set(dirs)];
}

const cache = new Map<string, KnowledgeBase>();

/** Loads (or reuses) the knowledge base for these layers. */
export function loadKnowledgeBase(options: LoadKbOptions = {}): KnowledgeBase {
  const layers = kbLayerDirs(options).map(readLayer);
  const key = layers.map((l) => `${l.dir}@${l.hash}`).join('|');
  const cached = cache.get(key);
  if (cached) return cached;
  const kb = new KnowledgeBase(layers);
  cache.set(key, kb);
  return kb;
}

/** Reads one layer directory; missing files are empty. */
export function readLayer(dir: string): KbLayerData {
  if (!existsSync(dir))
    throw new DyadError('DYAD_E_NOT_FOUND', 'no knowledge-base directory here', { origin: dir });
  const hash = createHash('sha1');
  const read = (rel: string): unknown => {
    const file = path.join(dir, rel);
    const text = readFileSync(file, 'utf8');
    hash.update(rel).update('\0').update(text).update('\0');
    try {
      return JSON.parse(text) as unknown;
    } catch (e) {
      throw new DyadError('DYAD_E_KB', `not valid JSON: ${(e as Error).message}`, { origin: file, cause: e });
    }
  };
  /** `name.json` and every `name/*.json`, concatenated. */
  const records = <T>(name: string, valid: (r: Record<string, unknown>) => boolean): T[] => {
    const out: T[] = [];
    const files: string[] = [];
    if (existsSync(path.join(dir, `${name}.json`))) files.push(`${name}.json`);
    const sub = path.join(dir, name);
    if (existsSync(sub) && statSync(sub).isDirectory()) {
      for (const f of readdirSync(sub).sort()) if (f.endsWith('.json')) files.push(`${name}/${f}`);
    }
    for (const rel of files) {
      const json = read(rel);
      const list = Array.isArray(json) ? json : [];
      if (!Array.isArray(json)) {
        throw new DyadError('DYAD_E_KB', 'expected a JSON array of records', { origin: path.join(dir, rel) });
      }
      for (const r of list)
        if (r && typeof r === 'object' && valid(r as Record<string, unknown>)) out.push(r as T);
    }
    return out;
  };
  const str = (r: Record<string, unknown>, ...keys: string[]) => keys.every((k) => typeof r[k] === 'string');
  const arr = (r: Record<string, unknown>, ...keys: string[]) => keys.every((k) => Array.isArray(r[k]));
  const countries = records<KbCountry>('countries', (r) => str(r, 'id', 'cameo', 'name')).map(
    (c): KbCountry => ({
      ...c,
      names: c.names ?? [],
      short: c.short ?? [],
      demonyms: c.demonyms ?? [],
      adjectives: c.adjectives ?? [],
      capital: c.capital ?? '',
      capitalNames: c.capitalNames ?? [],
    }),
  );
  const regions = records<KbRegion>('regions', (r) => str(r, 'id', 'name') && arr(r, 'names'));
  const organizations = records<KbOrganization>('organizations', (r) => str(r, 'id', 'code', 'name')).map(
    (o): KbOrganization => ({
      ...o,
      fullName: o.fullName ?? o.name,
      names: o.names ?? [],
      anaphors: o.anaphors ?? [],
    }),
  );
  const groups = records<KbGroup>('groups', (r) => str(r, 'id', 'code', 'name')).map(
    (g): KbGroup => ({ ...g, names: g.names ?? [], countries: g.countries ?? [] }),
  );
  const roles = records<KbRole>('roles', (r) => str(r, 'word', 'code'));
  const people = records<KbPerson>('people', (r) => str(r, 'id', 'name') && arr(r, 'offices')).map(
    (p): KbPerson => ({
      ...p,
      aliases: p.aliases ?? [],
      surname: p.surname ?? '',
      gender: p.gender ?? '',
      country: p.country ?? null,
    }),
  );
  const actors = records<KbActorEntry>('actors', (r) => str(r, 'id', 'name')).map(
    (a): KbActorEntry => ({
      ...a,
      names: a.names ?? [],
      codes: a.codes ?? [],
      defaultCode: a.defaultCode ?? '',
    }),
  );
  let rules: Partial<KbActorRules> | null = null;
  if (existsSync(path.join(dir, 'actor-rules.json')))
    rules = read('actor-rules.json') as Partial<KbActorRules>;
  let version: string | null = null;
  if (existsSync(path.join(dir, 'version.json'))) {
    const v = read('version.json') as Partial<KbVersionFile>;
    version = typeof v.version === 'string' ? v.version : null;
  }
  return {
    dir,
    countries,
    regions,
    organizations,
    groups,
    roles,
    people,
    actors,
    rules,
    hash: hash.digest('hex').slice(0, 12),
    version,
  };
}
