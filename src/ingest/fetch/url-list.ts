// URL-list files for `dyad ingest --urls FILE`: one URL a line; blank lines and lines starting with # are skipped.

import { promises as fs } from 'node:fs';
import { DyadError } from '../../errors.js';
import { isHttpUrl } from './url.js';

export interface UrlListEntry {
  url: string;
  line: number;
}

export type UrlListItem = UrlListEntry | { error: DyadError };

/** Reads a URL list; a line that is not an http(s) URL comes back as an error item, the rest as URLs. */
export async function readUrlList(file: string): Promise<UrlListItem[]> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new DyadError(
      code === 'ENOENT' ? 'DYAD_E_NOT_FOUND' : 'DYAD_E_PERMISSION',
      'cannot read the URL list',
      {
        origin: file,
        cause: e,
      },
    );
  }
  return parseUrlList(text, file);
}

export function parseUrlList(text: string, origin: string): UrlListItem[] {
  const out: UrlListItem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    if (isHttpUrl(line)) out.push({ url: line, line: i + 1 });
    else
      out.push({
        error: new DyadError('DYAD_E_FETCH_URL', `"${line}" is not an http(s) URL`, { origin, line: i + 1 }),
      });
  });
  return out;
}
