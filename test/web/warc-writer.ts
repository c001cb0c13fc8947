// Writes WARC records by hand (WARC/1.0 or 1.1, optionally one gzip member per record, as crawlers do), so that
// tests and the memory bench make their own archives without depending on the reader under test.

import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';

export interface WarcRecordSpec {
  version?: '1.0' | '1.1';
  type: 'warcinfo' | 'request' | 'response' | 'metadata' | 'revisit' | 'resource';
  uri?: string;
  date?: string;
  /** For response records: the HTTP status line's code, its headers and body. */
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** The whole block, for records other than HTTP responses. */
  block?: string;
  blockType?: string;
}

const REASONS: Record<number, string> = {
  200: 'OK',
  301: 'Moved Permanently',
  404: 'Not Found',
  500: 'Internal Server Error',
};

export function warcRecord(spec: WarcRecordSpec): Buffer {
  let block: Buffer;
  let contentType = spec.blockType ?? 'application/warc-fields';
  if (spec.type === 'response' || (spec.type === 'revisit' && spec.status)) {
    const body = Buffer.isBuffer(spec.body) ? spec.body : Buffer.from(spec.body ?? '', 'utf8');
    const status = spec.status ?? 200;
    const head = [`HTTP/1.1 ${status} ${REASONS[status] ?? 'Status'}`];
    for (const [k, v] of Object.entries({ 'Content-Length': String(body.length), ...spec.headers }))
      head.push(`${k}: ${v}`);
    block = Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1'), body]);
    contentType = 'application/http; msgtype=response';
  } else if (spec.type === 'request') {
    const u = new URL(spec.uri ?? 'http://example.invalid/');
    block = Buffer.from(
      `GET ${u.pathname} HTTP/1.1\r\nHost: ${u.host}\r\nUser-Agent: test-crawler\r\n\r\n`,
      'latin1',
    );
    contentType = 'application/http; msgtype=request';
  } else block = Buffer.from(spec.block ?? '', 'utf8');
  const headers = [
    `WARC/${spec.version ?? '1.1'}`,
    `WARC-Type: ${spec.type}`,
    `WARC-Record-ID: <urn:uuid:${randomUUID()}>`,
    `WARC-Date: ${spec.date ?? '2022-05-03T10:00:00Z'}`,
    ...(spec.uri ? [`WARC-Target-URI: ${spec.uri}`] : []),
    `Content-Type: ${contentType}`,
    `Content-Length: ${block.length}`,
  ];
  return Buffer.concat([
    Buffer.from(`${headers.join('\r\n')}\r\n\r\n`, 'utf8'),
    block,
    Buffer.from('\r\n\r\n'),
  ]);
}

/** One record, gzipped on its own: concatenated members make a .warc.gz any reader can seek into. */
export function gzipRecord(record: Buffer): Buffer {
  return gzipSync(record);
}
