// WARC files (1.0 and 1.1, plain or gzipped per record) read as a stream with warcio: only `response` records
// of HTML pages with status 200 are taken, each payload read up to a cap, so memory stays flat whatever the
// file's size. Everything else (requests, metadata, revisits, images, redirects) is skipped unread.

import { createReadStream, promises as fs } from 'node:fs';
import { WARCParser, type WARCRecord } from 'warcio';
import { DyadError } from '../../errors.js';

export interface WarcPage {
  /** WARC-Target-URI. */
  url: string;
  /** WARC-Date: when the page was captured (not when it was published). */
  capturedAt: string | null;
  contentType: string | null;
  bytes: Uint8Array;
  /** 1-based position of the record in the file, counting every record. */
  record: number;
}

export type WarcItem = { page: WarcPage } | { error: DyadError };

export interface WarcStats {
  records: number;
  pages: number;
  skipped: number;
}

export interface WarcOptions {
  /** Payloads over this size are reported as DYAD_E_TOO_LARGE and skipped (bytes). Default 10 MB. */
  maxBytes?: number;
  signal?: AbortSignal;
  /** Filled in as the file is read. */
  stats?: WarcStats;
}

const HTML_TYPES = /^(?:text\/html|application\/xhtml\+xml)\b/i;

/** Whether a record is an HTML page worth reading; decided on headers alone, before its payload is touched. */
export function isHtmlResponse(record: WARCRecord): boolean {
  if (record.warcType !== 'response') return false;
  const http = record.httpHeaders;
  if (http?.statusCode !== 200) return false;
  const type = http.headers.get('content-type') ?? record.warcHeader('WARC-Identified-Payload-Type') ?? '';
  return HTML_TYPES.test(type.trim());
}

export async function* readWarc(file: string, options: WarcOptions = {}): AsyncGenerator<WarcItem> {
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  const stats = options.stats ?? { records: 0, pages: 0, skipped: 0 };
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    yield {
      error: new DyadError(
        code === 'ENOENT' ? 'DYAD_E_NOT_FOUND' : code === 'EISDIR' ? 'DYAD_E_NOT_FOUND' : 'DYAD_E_PERMISSION',
        code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : 'cannot read the file',
        { origin: file, cause: e },
      ),
    };
    return;
  }
  const stream = createReadStream(file, { highWaterMark: 64 * 1024 });
  try {
    const parser = new WARCParser(stream);
    for await (const record of parser) {
      if (options.signal?.aborted) return;
      stats.records++;
      if (!isHtmlResponse(record)) {
        stats.skipped++;
        continue;
      }
      const bytes = await readPayload(record, maxBytes);
      if (bytes === 'truncated') {
        yield {
          error: new DyadError('DYAD_E_WARC', `the file ends inside record ${stats.records}`, {
            origin: file,
          }),
        };
        return;
      }
      if (bytes === null) {
        stats.skipped++;
        yield {
          error: new DyadError('DYAD_E_TOO_LARGE', `the page is over the limit of ${maxBytes} bytes`, {
            origin: record.warcTargetURI ?? file,
          }),
        };
        continue;
      }
      stats.pages++;
      yield {
        page: {
          url: record.warcTargetURI ?? '',
          capturedAt: record.warcDate ?? null,
          contentType: record.httpHeaders?.headers.get('content-type') ?? null,
          bytes,
          record: stats.records,
        },
      };
    }
  } catch (e) {
    yield {
      error: new DyadError(
        'DYAD_E_WARC',
        `the WARC file cannot be read past record ${stats.records} (${e instanceof Error ? e.message : String(e)})`,
        { origin: file, cause: e },
      ),
    };
  } finally {
    stream.destroy();
  }
}

/**
 * The decoded payload (de-chunked, decompressed), or null once it passes maxBytes (the rest is left unread), or
 * 'truncated' when the file ends before the record's Content-Length, which warcio itself lets pass.
 */
async function readPayload(record: WARCRecord, maxBytes: number): Promise<Uint8Array | null | 'truncated'> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of record) {
    size += chunk.byteLength;
    if (size > maxBytes) return null;
    chunks.push(chunk);
  }
  // The record's raw reader is a LimitReader counting down its Content-Length (`reader` throws once decoding ran).
  const left = (record._reader as { limit?: unknown }).limit;
  if (typeof left === 'number' && left > 0) return 'truncated';
  return chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks);
}

export function isWarcPath(p: string): boolean {
  return /\.warc(?:\.gz)?$/i.test(p);
}
