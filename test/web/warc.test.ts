// WARC files written here by hand (1.0 plain, 1.1 gzipped per record): HTML 200 responses become documents,
// everything else is skipped, an oversize record or a broken tail is reported without losing the rest.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createPipeline } from '../../src/annotate.js';
import { readWarc, type WarcStats } from '../../src/ingest/warc/read-warc.js';
import { runIngest } from '../../src/jobs/ingest-job.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import { fixture } from './server.js';
import { gzipRecord, type WarcRecordSpec, warcRecord } from './warc-writer.js';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'dyad-warc-'));
const html = { 'Content-Type': 'text/html; charset=utf-8' };
const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

function chunked(body: string): string {
  const bytes = Buffer.byteLength(body);
  const half = Math.floor(body.length / 2);
  const a = body.slice(0, half);
  const b = body.slice(half);
  if (Buffer.byteLength(a) + Buffer.byteLength(b) !== bytes) throw new Error('split');
  return `${Buffer.byteLength(a).toString(16)}\r\n${a}\r\n${Buffer.byteLength(b).toString(16)}\r\n${b}\r\n0\r\n\r\n`;
}

/** A crawl of a few pages with the records a real crawler writes around them. */
function crawl(version: '1.0' | '1.1'): WarcRecordSpec[] {
  return [
    { version, type: 'warcinfo', block: 'software: dyad-test-writer\r\nformat: WARC File Format\r\n' },
    { version, type: 'request', uri: 'https://harbour.example/news/grain-corridor' },
    {
      version,
      type: 'response',
      uri: 'https://harbour.example/news/grain-corridor',
      headers: html,
      body: fixture('pages/grain-corridor.html'),
    },
    {
      version,
      type: 'metadata',
      uri: 'https://harbour.example/news/grain-corridor',
      block: 'fetchTimeMs: 120\r\n',
    },
    {
      version,
      type: 'response',
      uri: 'https://harbour.example/news/gone',
      status: 404,
      headers: html,
      body: '<p>Not found</p>',
    },
    {
      version,
      type: 'response',
      uri: 'https://harbour.example/logo.png',
      headers: { 'Content-Type': 'image/png' },
      body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]),
    },
    {
      version,
      type: 'response',
      uri: 'https://harbour.example/old',
      status: 301,
      headers: { Location: 'https://harbour.example/news/border-talks' },
    },
    {
      version,
      type: 'response',
      uri: 'https://harbour.example/news/border-talks',
      headers: { ...html, 'Transfer-Encoding': 'chunked' },
      body: chunked(fixture('pages/border-talks.html')),
    },
    {
      version,
      type: 'response',
      uri: 'https://harbour.example/news/flood-aid',
      headers: { ...html, 'Content-Encoding': 'gzip' },
      body: gzipSync(fixture('pages/flood-aid.html')),
    },
    {
      version,
      type: 'revisit',
      uri: 'https://harbour.example/news/grain-corridor',
      block: 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n',
      blockType: 'application/http; msgtype=response',
    },
  ];
}

async function ingest(file: string, maxBytes?: number) {
  const store = await openStore(path.join(tmp(), 'dyad.db'));
  stores.push(store);
  const summary = await runIngest([file], {
    store,
    pipeline: createPipeline({}, ['segment']),
    ...(maxBytes ? { maxBytes } : {}),
  });
  return { store, summary };
}

describe('WARC', () => {
  it('takes the HTML 200 responses of a WARC/1.0 file and skips every other record', async () => {
    const file = path.join(tmp(), 'crawl.warc');
    writeFileSync(file, Buffer.concat(crawl('1.0').map(warcRecord)));
    const stats: WarcStats = { records: 0, pages: 0, skipped: 0 };
    const urls: string[] = [];
    for await (const item of readWarc(file, { stats })) if ('page' in item) urls.push(item.page.url);
    expect(urls).toEqual([
      'https://harbour.example/news/grain-corridor',
      'https://harbour.example/news/border-talks',
      'https://harbour.example/news/flood-aid',
    ]);
    expect(stats).toEqual({ records: 10, pages: 3, skipped: 7 });

    const { store, summary } = await ingest(file);
    expect(summary).toMatchObject({ read: 3, stored: 3, failed: 0 });
    const rows = await store.listArticles();
    expect(rows.map((r) => r.url).sort()).toEqual(urls.slice().sort());
    const border = await store.getDoc(rows.find((r) => r.url?.endsWith('border-talks'))!.id);
    // De-chunked: the text runs across the chunk boundary unbroken.
    expect(border?.text).toContain(
      'the status of three disputed river islands and a stretch of mountain road',
    );
    const flood = await store.getDoc(rows.find((r) => r.url?.endsWith('flood-aid'))!.id);
    expect(flood?.text).toContain('additional pumping equipment');
    expect(await store.findByUrl('https://harbour.example/news/grain-corridor')).not.toBeNull();
  });

  it('reads a WARC/1.1 .warc.gz with one gzip member per record, and adds nothing the second time', async () => {
    const file = path.join(tmp(), 'crawl.warc.gz');
    writeFileSync(file, Buffer.concat(crawl('1.1').map((r) => gzipRecord(warcRecord(r)))));
    const { store, summary } = await ingest(file);
    expect(summary).toMatchObject({ read: 3, stored: 3, failed: 0 });
    const again = await runIngest([file], { store, pipeline: createPipeline({}, ['segment']) });
    expect(again).toMatchObject({ read: 3, stored: 0, duplicates: 3 });
  });

  it('reports an oversize record, keeping the pages before and after it', async () => {
    const big = `<html><body><p>${'A very long page. '.repeat(4000)}</p></body></html>`;
    const records = [
      ...crawl('1.1').slice(0, 3),
      { type: 'response' as const, uri: 'https://harbour.example/huge', headers: html, body: big },
      crawl('1.1')[7]!,
    ];
    const file = path.join(tmp(), 'big.warc.gz');
    writeFileSync(file, Buffer.concat(records.map((r) => gzipRecord(warcRecord(r)))));
    const { summary } = await ingest(file, 32 * 1024);
    expect(summary.stored).toBe(2);
    expect(summary.failures.map((f) => [f.code, f.origin])).toEqual([
      ['DYAD_E_TOO_LARGE', 'https://harbour.example/huge'],
    ]);
  });

  it('reports a file cut off inside a record, keeping the records before it', async () => {
    const whole = Buffer.concat(crawl('1.0').slice(0, 8).map(warcRecord));
    const file = path.join(tmp(), 'cut.warc');
    // The last record (border-talks) loses its final 500 bytes.
    writeFileSync(file, whole.subarray(0, whole.length - 500));
    const { summary } = await ingest(file);
    expect(summary.stored).toBe(1);
    expect(summary.failures.map((f) => f.code)).toEqual(['DYAD_E_WARC']);
  });

  it('reports a missing WARC file as not found', async () => {
    const { summary } = await ingest(path.join(tmp(), 'nowhere.warc.gz'));
    expect(summary.failures.map((f) => f.code)).toEqual(['DYAD_E_NOT_FOUND']);
  });
});
