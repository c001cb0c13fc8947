// Expands what a user names (files, directories walked recursively, globs, "-" for standard input) into inputs,
// one at a time, reporting a path that cannot be read as a coded error and going on with the rest.

import { type Dirent, promises as fs } from 'node:fs';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { DyadError, toDyadError } from '../errors.js';

export interface Input {
  /** A file path, or "-" for standard input. */
  origin: string;
  bytes: Uint8Array;
  mtime: Date | null;
  /** Lower-case extension with the dot (".txt"), or "" for stdin and extension-less files. */
  ext: string;
}

export type SourceItem = { input: Input } | { error: DyadError };

export interface SourceOptions {
  /** Inputs larger than this are refused (bytes). Default 20 MB. */
  maxBytes?: number;
  stdin?: NodeJS.ReadableStream;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** Extensions taken when walking a directory; a file named explicitly is read whatever its extension. */
/** Files in a walked directory that document it rather than being articles. */
const NOT_ARTICLES = /^(readme|license|licence|changelog|contributing)(\.|$)/i;

export const ARTICLE_EXTENSIONS = new Set([
  '.txt',
  '.text',
  '.md',
  '.markdown',
  '.json',
  '.jsonl',
  '.ndjson',
  '.html',
  '.htm',
]);

/** Also taken when walking a directory: feeds, OPML lists and WARC archives (read by src/ingest/fetch/web-source). */
const WEB_FILES = /\.(?:rss|atom|opml|warc|warc\.gz)$/i;

/** One thing to read: a file, standard input, or a path that could not be expanded. */
export type SourceEntry = { path: string } | { stdin: true } | { error: DyadError };

/** Expands paths, globs and directories into the list of files to read, so progress can show a total. */
export async function expandPaths(paths: readonly string[]): Promise<SourceEntry[]> {
  const out: SourceEntry[] = [];
  for (const p of paths) {
    if (p === '-') out.push({ stdin: true });
    else if (isDynamicPattern(p)) {
      const files = (await glob(p, { onlyFiles: true, dot: false })).sort();
      if (files.length === 0)
        out.push({ error: new DyadError('DYAD_E_NOT_FOUND', 'no file matches', { origin: p }) });
      for (const f of files) out.push({ path: f });
    } else await walk(p, true, out);
  }
  return out;
}

async function walk(p: string, named: boolean, out: SourceEntry[]): Promise<void> {
  let stat: Awaited<ReturnType<typeof fs.stat>>;
  try {
    stat = await fs.stat(p);
  } catch (e) {
    out.push({ error: fsError(e, p) });
    return;
  }
  if (!stat.isDirectory()) {
    if (named || stat.isFile()) out.push({ path: p });
    return;
  }
  let entries: Dirent[];
  try {
    entries = await fs.readdir(p, { withFileTypes: true });
  } catch (e) {
    out.push({ error: fsError(e, p) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || NOT_ARTICLES.test(entry.name)) continue;
    const child = path.join(p, entry.name);
    if (entry.isDirectory()) await walk(child, false, out);
    else if (
      entry.isFile() &&
      (ARTICLE_EXTENSIONS.has(path.extname(entry.name).toLowerCase()) || WEB_FILES.test(entry.name))
    ) {
      out.push({ path: child });
    }
  }
}

/** Reads one entry, refusing what is over the size limit; errors come back as items, never thrown. */
export async function readEntry(entry: SourceEntry, options: SourceOptions = {}): Promise<SourceItem> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if ('error' in entry) return entry;
  if ('stdin' in entry) return readStdin(options.stdin ?? process.stdin, maxBytes);
  return readFile(entry.path, maxBytes);
}

/** Expands and reads in one go, an item at a time. */
export async function* readSources(
  paths: readonly string[],
  options: SourceOptions = {},
): AsyncGenerator<SourceItem> {
  for (const entry of await expandPaths(paths)) yield await readEntry(entry, options);
}

async function readFile(p: string, maxBytes: number): Promise<SourceItem> {
  try {
    const stat = await fs.stat(p);
    if (stat.size > maxBytes) {
      return {
        error: new DyadError(
          'DYAD_E_TOO_LARGE',
          `the file is ${stat.size} bytes, over the limit of ${maxBytes}`,
          {
            origin: p,
          },
        ),
      };
    }
    const bytes = await fs.readFile(p);
    return { input: { origin: p, bytes, mtime: stat.mtime, ext: path.extname(p).toLowerCase() } };
  } catch (e) {
    return { error: fsError(e, p) };
  }
}

async function readStdin(stream: NodeJS.ReadableStream, maxBytes: number): Promise<SourceItem> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > maxBytes) {
      return {
        error: new DyadError('DYAD_E_TOO_LARGE', `standard input is over the limit of ${maxBytes} bytes`, {
          origin: '-',
        }),
      };
    }
    chunks.push(buf);
  }
  return { input: { origin: '-', bytes: Buffer.concat(chunks), mtime: null, ext: '' } };
}

function fsError(e: unknown, p: string): DyadError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new DyadError('DYAD_E_NOT_FOUND', 'no such file or directory', { origin: p });
  if (code === 'EACCES' || code === 'EPERM') {
    return new DyadError('DYAD_E_PERMISSION', 'permission denied', { origin: p });
  }
  if (code === 'EISDIR') return new DyadError('DYAD_E_NOT_FOUND', 'is a directory', { origin: p });
  return toDyadError(e, 'DYAD_E_IO', p);
}
