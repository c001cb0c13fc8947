// Readers for the two article-extraction benchmarks' own layouts: scrapinghub's `html/*.html.gz` with
// `ground-truth.json`, and trafilatura's `evaldata.json` with its pages packed in a .tar.xz that is unpacked once
// into a cache folder outside the repository.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DyadError } from '../../errors.js';

export interface ExtractionGold {
  /** The full article text (scrapinghub). */
  body?: string;
  /** Snippets that must be in the output, and ones that must not (trafilatura). */
  with?: string[];
  without?: string[];
  /** Labels; absent or empty when the set does not label them for this page. */
  title?: string;
  /** One string ("A und B") or a list of names. */
  author?: string[];
  date?: string;
}

export interface ExtractionPage {
  id: string;
  url: string | null;
  /** The page's raw bytes, read when asked so a run holds one page at a time. */
  load(): Uint8Array;
  gold: ExtractionGold;
}

export type ExtractionSetKind = 'scrapinghub' | 'trafilatura';

export interface ExtractionSet {
  kind: ExtractionSetKind;
  dir: string;
  pages: ExtractionPage[];
}

/** The sets under `dir`: the folder is one set, or a parent holding `scrapinghub/` and/or `trafilatura/`. */
export function openExtractionSets(dir: string): ExtractionSet[] {
  const own = kindOf(dir);
  if (own) return [openSet(own, dir)];
  const children = (['scrapinghub', 'trafilatura'] as const)
    .map((name) => path.join(dir, name))
    .filter((d) => kindOf(d) !== null);
  if (children.length === 0) {
    throw new DyadError(
      'DYAD_E_EVAL_DATA',
      'no extraction set here: expected ground-truth.json with html/ (scrapinghub) or evaldata.json (trafilatura)',
      { origin: dir },
    );
  }
  return children.map((d) => openSet(kindOf(d)!, d));
}

function kindOf(dir: string): ExtractionSetKind | null {
  if (existsSync(path.join(dir, 'ground-truth.json')) && existsSync(path.join(dir, 'html')))
    return 'scrapinghub';
  if (existsSync(path.join(dir, 'evaldata.json'))) return 'trafilatura';
  return null;
}

function openSet(kind: ExtractionSetKind, dir: string): ExtractionSet {
  return { kind, dir, pages: kind === 'scrapinghub' ? scrapinghubPages(dir) : trafilaturaPages(dir) };
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new DyadError('DYAD_E_EVAL_DATA', 'cannot read the gold file', { origin: file, cause: e });
  }
}

function scrapinghubPages(dir: string): ExtractionPage[] {
  const truth = readJson(path.join(dir, 'ground-truth.json')) as Record<
    string,
    { articleBody?: string; url?: string }
  >;
  return Object.entries(truth).map(([id, entry]) => {
    const file = path.join(dir, 'html', `${id}.html.gz`);
    return {
      id,
      url: entry.url ?? null,
      load: () => gunzipSync(readFileSync(file)),
      gold: { body: entry.articleBody ?? '' },
    };
  });
}

interface EvalDataEntry {
  file: string;
  with: string[];
  without: string[];
  title?: string | null;
  author?: string | string[] | null;
  date?: string | null;
}

function trafilaturaPages(dir: string): ExtractionPage[] {
  const evaldata = readJson(path.join(dir, 'evaldata.json')) as Record<string, EvalDataEntry>;
  const root = pagesRoot(dir);
  return Object.entries(evaldata).map(([url, entry]) => {
    const file = resolvePage(root, entry.file);
    const gold: ExtractionGold = { with: entry.with, without: entry.without };
    if (entry.title) gold.title = entry.title;
    const author = typeof entry.author === 'string' ? [entry.author] : (entry.author ?? []);
    if (author.some((a) => a.trim())) gold.author = author;
    if (entry.date) gold.date = entry.date;
    return {
      id: entry.file,
      url,
      load: () => {
        if (!file) throw new DyadError('DYAD_E_EVAL_DATA', 'page file missing', { origin: entry.file });
        return readFileSync(file);
      },
      gold,
    };
  });
}

/** trafilatura looks a page up under tests/cache first, then tests/eval. */
function resolvePage(root: string, file: string): string | null {
  for (const sub of ['cache', 'eval']) {
    const p = path.join(root, 'tests', sub, file);
    if (existsSync(p)) return p;
  }
  return null;
}

/** The folder holding `tests/` with the pages: the set's own folder if unpacked there, else the cache. */
function pagesRoot(dir: string): string {
  if (existsSync(path.join(dir, 'tests'))) return dir;
  const tarball = path.join(dir, 'pages-and-evaldata.tar.xz');
  if (!existsSync(tarball)) {
    throw new DyadError('DYAD_E_EVAL_DATA', 'neither tests/ nor pages-and-evaldata.tar.xz is here', {
      origin: dir,
    });
  }
  return unpackOnce(tarball);
}

export function cacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'dyad');
}

/** Unpacks the archive into the cache once (keyed by its path, size and time) with the system tar. */
function unpackOnce(tarball: string): string {
  const stat = statSync(tarball);
  const key = createHash('sha256')
    .update(`${path.resolve(tarball)}\u0000${stat.size}\u0000${stat.mtimeMs}`)
    .digest('hex')
    .slice(0, 12);
  const target = path.join(cacheDir(), 'extraction', `trafilatura-${key}`);
  if (existsSync(path.join(target, 'tests'))) return target;
  mkdirSync(path.dirname(target), { recursive: true });
  // Unpack beside the target and rename, so an interrupted run never leaves a half-filled cache behind.
  const scratch = mkdtempSync(`${target}.partial-`);
  try {
    execFileSync('tar', ['-xJf', tarball, '-C', scratch], { stdio: 'ignore' });
    renameSync(scratch, target);
  } catch (e) {
    rmSync(scratch, { recursive: true, force: true });
    if (existsSync(path.join(target, 'tests'))) return target;
    throw new DyadError('DYAD_E_EVAL_DATA', 'cannot unpack the pages (is xz-capable tar installed?)', {
      origin: tarball,
      cause: e,
    });
  }
  return target;
}
