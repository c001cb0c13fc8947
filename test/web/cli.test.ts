// The web commands as a user runs them, against local servers: `dyad ingest URL…|--urls FILE|FEED|file.warc.gz`,
// `dyad watch … --once`, Ctrl-C on a running watch, and near-duplicates in `dyad show`.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dyadAsync } from '../cli/run-cli.js';
import { page, startServer, type TestServer } from './server.js';
import { FEEDS, feedText, startNewsSite } from './site.js';
import { gzipRecord, warcRecord } from './warc-writer.js';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'dyad-webcli-'));
const FAST_ENV = { DYAD_FETCH_DELAY_MS: '0', DYAD_FETCH_RETRY_MS: '10', DYAD_FETCH_TIMEOUT_MS: '1500' };

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs dyad without blocking this process, so the local servers keep answering. */
function dyad(
  args: string[],
  onStdout?: (text: string, child: ReturnType<typeof dyadAsync>) => void,
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = dyadAsync(args, { env: { ...process.env, ...FAST_ENV } });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
      onStdout?.(stdout, child);
    });
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

async function serve(s: Promise<TestServer>): Promise<TestServer> {
  const server = await s;
  servers.push(server);
  return server;
}

describe('dyad ingest with URLs', () => {
  it('reports every fetch failure with its code, stores the rest, and exits 1', async () => {
    const s = await serve(
      startServer({
        '/robots.txt': { body: 'User-agent: *\nDisallow: /private/\n', type: 'text/plain' },
        '/news/grain': page('grain-corridor.html'),
        '/news/border': page('border-talks.html'),
        '/private/memo': page('flood-aid.html'),
        '/photo.jpg': { body: Buffer.alloc(64), type: 'image/jpeg' },
        '/hang': () => {},
        '/big': { body: `<html><body><p>${'word '.repeat(200_000)}</p></body></html>`, type: 'text/html' },
        '/loop': (_req, res) => {
          res.writeHead(301, { location: '/loop' });
          res.end();
        },
        '/broken': (_req, res) => {
          res.writeHead(500);
          res.end();
        },
      }),
    );
    const dir = tmp();
    const list = path.join(dir, 'urls.txt');
    writeFileSync(
      list,
      [
        '# failures, each a different way',
        `${s.url}/news/missing`,
        'http://wire.dyad-test.invalid/story',
        `${s.url}/private/memo`,
        `${s.url}/photo.jpg`,
        `${s.url}/hang`,
        `${s.url}/big`,
        `${s.url}/loop`,
        `${s.url}/broken`,
        'not-a-url',
        '',
        `${s.url}/news/border`,
      ].join('\n'),
    );
    const db = path.join(dir, 'dyad.db');
    const r = await dyad([
      'ingest',
      `${s.url}/news/grain`,
      '--urls',
      list,
      '--max-size',
      '512KB',
      '--db',
      db,
    ]);
    expect(r.stdout).toMatch(/read 11, stored 2, duplicates 0, failed 9/);
    const codes = r.stderr
      .trim()
      .split('\n')
      .map((l) => /^dyad: (DYAD_E_\w+)/.exec(l)?.[1]);
    expect(codes).toEqual([
      'DYAD_E_FETCH_HTTP',
      'DYAD_E_FETCH_DNS',
      'DYAD_E_FETCH_ROBOTS',
      'DYAD_E_FETCH_CONTENT_TYPE',
      'DYAD_E_FETCH_TIMEOUT',
      'DYAD_E_FETCH_TOO_LARGE',
      'DYAD_E_FETCH_REDIRECTS',
      'DYAD_E_FETCH_HTTP',
      'DYAD_E_FETCH_URL',
    ]);
    expect(r.stderr).toContain(`${s.url}/news/missing: HTTP 404`);
    expect(r.stderr).toContain(`${s.url}/broken: HTTP 500`);
    expect(r.stderr).toContain('urls.txt:10');
    expect(r.status).toBe(1);
    expect(s.hits('/broken')).toHaveLength(3);

    const list2 = JSON.parse((await dyad(['articles', '--db', db, '--json'])).stdout) as { url: string }[];
    expect(list2.map((a) => a.url).sort()).toEqual([`${s.url}/news/border`, `${s.url}/news/grain`]);
  });

  it('re-fetches conditionally, and a page reached by another URL is the same article', async () => {
    const s = await serve(
      startServer({
        '/news/grain': page('grain-corridor.html', '"g1"'),
        '/amp/grain': (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/html' });
          // The same article under another address, declaring the first as canonical, one word edited: its text
          // hash differs, its canonical URL does not.
          res.end(
            page('grain-corridor.html')
              .body.toString()
              .replace('<title>', `<link rel="canonical" href="${s.url}/news/grain"><title>`)
              .replace('tripled since the winter', 'tripled since winter'),
          );
        },
      }),
    );
    const db = path.join(tmp(), 'dyad.db');
    expect((await dyad(['ingest', `${s.url}/news/grain`, '--db', db])).stdout).toMatch(/stored 1/);
    const again = await dyad(['ingest', `${s.url}/news/grain`, '--db', db, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ read: 1, stored: 0, duplicates: 1, failed: 0 });
    expect(s.hits('/news/grain')[1]?.headers['if-none-match']).toBe('"g1"');
    const amp = await dyad(['ingest', `${s.url}/amp/grain?utm_source=share`, '--db', db, '--json']);
    expect(JSON.parse(amp.stdout)).toMatchObject({ read: 1, stored: 0, duplicates: 1 });
  });

  it('ingests a feed URL and a WARC file', async () => {
    const web = await serve(startNewsSite());
    const db = path.join(tmp(), 'dyad.db');
    const feed = await dyad(['ingest', `${web.url}/feeds/world.atom`, '--db', db, '--json']);
    expect(JSON.parse(feed.stdout)).toMatchObject({ read: 4, stored: 4, failed: 0 });

    const warc = path.join(tmp(), 'crawl.warc.gz');
    const html = { 'Content-Type': 'text/html' };
    writeFileSync(
      warc,
      Buffer.concat(
        [
          warcRecord({ type: 'warcinfo', block: 'software: test\r\n' }),
          warcRecord({ type: 'request', uri: 'https://x.example/port' }),
          warcRecord({
            type: 'response',
            uri: 'https://x.example/port',
            headers: html,
            body: page('port-strike.html').body,
          }),
          warcRecord({
            type: 'response',
            uri: 'https://x.example/gone',
            status: 404,
            headers: html,
            body: 'gone',
          }),
        ].map(gzipRecord),
      ),
    );
    const fromWarc = await dyad(['ingest', warc, '--db', db, '--json']);
    expect(JSON.parse(fromWarc.stdout)).toMatchObject({ read: 1, stored: 1, failed: 0 });
  });
});

describe('near-duplicates', () => {
  it('links a syndicated copy to the original and says so in dyad show', async () => {
    const s = await serve(
      startServer({
        '/coastline/talks': page('wire-original.html'),
        '/valley/talks': page('wire-reprint.html'),
        '/harbour/border': page('border-talks.html'),
      }),
    );
    const db = path.join(tmp(), 'dyad.db');
    const r = await dyad([
      'ingest',
      `${s.url}/coastline/talks`,
      `${s.url}/valley/talks`,
      `${s.url}/harbour/border`,
      '--db',
      db,
      '--json',
    ]);
    // A near-duplicate is stored (it is another site's page) but marked and linked, not taken as new evidence.
    expect(JSON.parse(r.stdout)).toMatchObject({ stored: 3, failed: 0 });
    const shown = await dyad(['show', '2', '--db', db]);
    expect(shown.stdout).toMatch(
      /DYAD_I_NEAR_DUPLICATE \[ingest\] a near-duplicate of article 1 \(similarity 0\.\d\d\)/,
    );
    const json = JSON.parse((await dyad(['show', '2', '--db', db, '--json'])).stdout) as {
      messages: { code: string }[];
    };
    expect(json.messages.map((m) => m.code)).toContain('DYAD_I_NEAR_DUPLICATE');
    for (const id of ['1', '3']) {
      expect((await dyad(['show', id, '--db', db])).stdout).not.toContain('DYAD_I_NEAR_DUPLICATE');
    }
  });
});

describe('dyad watch', () => {
  it('stores every item once, then nothing new on the next run, with log lines off a terminal', async () => {
    const web = await serve(startNewsSite());
    const db = path.join(tmp(), 'dyad.db');
    const feeds = FEEDS.map((f) => `${web.url}/feeds/${f}`);
    const first = await dyad(['watch', ...feeds, '--once', '--db', db]);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/cycle 1: polling 4 feeds/);
    expect(first.stdout).toMatch(/Harbour Desk: Wire: 3 new \(stored 3, duplicates 0, failed 0\)/);
    expect(first.stdout).toMatch(/watched 1 cycle\(s\): stored 9, duplicates 2, failed 0/);

    const second = await dyad(['watch', ...feeds, '--once', '--db', db, '--json']);
    const report = JSON.parse(second.stdout.trim());
    expect(report.totals).toEqual({ fresh: 0, stored: 0, duplicates: 0, failed: 0 });
    expect(report.feeds.map((f: { outcome: string }) => f.outcome)).toEqual([
      'not-modified',
      'not-modified',
      'not-modified',
      'not-modified',
    ]);
  });

  it('reads an OPML list, refuses bad arguments, and stops cleanly on SIGINT', async () => {
    const web = await serve(startNewsSite());
    const dir = tmp();
    const db = path.join(dir, 'dyad.db');
    const opml = path.join(dir, 'feeds.opml');
    writeFileSync(opml, feedText('all.opml', web.url));

    expect((await dyad(['watch', '--db', db])).status).toBe(2);
    expect((await dyad(['watch', 'feeds.example/rss', '--db', db])).status).toBe(2);
    expect((await dyad(['watch', `${web.url}/feeds/wire.rss`, '--every', 'often', '--db', db])).status).toBe(
      2,
    );

    let signalled = false;
    const r = await dyad(['watch', '--opml', opml, '--every', '1h', '--db', db], (out, child) => {
      if (!signalled && /cycle 1 done/.test(out)) {
        signalled = true;
        child.kill('SIGINT');
      }
    });
    expect(signalled).toBe(true);
    expect(r.stdout).toMatch(/next poll at/);
    expect(r.stdout).toMatch(/watched 1 cycle\(s\): stored 9, duplicates 2, failed 0 \(stopped\)/);
    expect(r.status).toBe(130);
  });
});
