// The fetcher against local servers: every failure mode is a coded error, retries, redirects, robots.txt,
// politeness and conditional GET.

import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { FetchError } from '../../src/ingest/fetch/fetch-error.js';
import {
  DEFAULT_USER_AGENT,
  Fetcher,
  type FetcherOptions,
  retryAfter,
} from '../../src/ingest/fetch/fetcher.js';
import { page, startServer, type TestServer } from './server.js';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(routes: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const s = await startServer(routes);
  servers.push(s);
  return s;
}

/** Fast settings: no politeness delay, short backoff, robots.txt on. */
const fast = (extra: FetcherOptions = {}) =>
  new Fetcher({ minDelayMs: 0, backoffMs: 20, connectTimeoutMs: 2000, timeoutMs: 4000, ...extra });

async function codeOf(p: Promise<unknown>): Promise<{ code: string; status?: number | undefined }> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(FetchError);
    const f = e as FetchError;
    return { code: f.code, ...(f.status !== undefined ? { status: f.status } : {}) };
  }
  throw new Error('expected the fetch to fail');
}

describe('Fetcher', () => {
  it('fetches a page with a clear user agent and reports validators', async () => {
    const s = await serve({ '/a': page('grain-corridor.html', '"g1"') });
    const res = await fast().get(`${s.url}/a`, { accept: 'html' });
    expect(res.status).toBe(200);
    expect(res.notModified).toBe(false);
    expect(res.etag).toBe('"g1"');
    expect(Buffer.from(res.bytes).toString('utf8')).toContain('protected corridor for grain ships');
    expect(s.hits('/a')[0]?.headers['user-agent']).toBe(DEFAULT_USER_AGENT);
    expect(DEFAULT_USER_AGENT).toMatch(/^Dyad\/\d/);
  });

  it('decodes gzip and brotli bodies', async () => {
    const html = '<html><body><p>Compressed news text.</p></body></html>';
    const s = await serve({
      '/gz': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
        res.end(gzipSync(html));
      },
      '/br': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'br' });
        res.end(brotliCompressSync(html));
      },
    });
    const f = fast();
    for (const p of ['/gz', '/br']) {
      const res = await f.get(`${s.url}${p}`, { accept: 'html' });
      expect(Buffer.from(res.bytes).toString('utf8')).toBe(html);
    }
  });

  it('times out on a server that never answers', async () => {
    const s = await serve({ '/slow': () => {} });
    expect(
      await codeOf(fast({ connectTimeoutMs: 200, timeoutMs: 400 }).get(`${s.url}/slow`, { accept: 'html' })),
    ).toEqual({
      code: 'DYAD_E_FETCH_TIMEOUT',
    });
  });

  it('times out on a body that never ends', async () => {
    const s = await serve({
      '/trickle': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<html><body><p>The first words arrive');
      },
    });
    const err = await codeOf(
      fast({ connectTimeoutMs: 1000, timeoutMs: 300 }).get(`${s.url}/trickle`, { accept: 'html' }),
    );
    expect(err.code).toBe('DYAD_E_FETCH_TIMEOUT');
  });

  it('reports 404 with its status, without retrying', async () => {
    const s = await serve({});
    expect(await codeOf(fast().get(`${s.url}/missing`, { accept: 'html' }))).toEqual({
      code: 'DYAD_E_FETCH_HTTP',
      status: 404,
    });
    expect(s.hits('/missing')).toHaveLength(1);
  });

  it('retries a 500 and succeeds when the server recovers', async () => {
    let calls = 0;
    const s = await serve({
      '/flaky': (_req, res) => {
        calls++;
        if (calls === 1) {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end('oops');
          return;
        }
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html><body><p>Recovered.</p></body></html>');
      },
    });
    const res = await fast().get(`${s.url}/flaky`, { accept: 'html' });
    expect(res.status).toBe(200);
    expect(s.hits('/flaky')).toHaveLength(2);
  });

  it('gives up on a lasting 503 after the allowed retries, with the status', async () => {
    const s = await serve({
      '/down': (_req, res) => {
        res.writeHead(503);
        res.end();
      },
    });
    expect(await codeOf(fast({ retries: 2 }).get(`${s.url}/down`, { accept: 'html' }))).toEqual({
      code: 'DYAD_E_FETCH_HTTP',
      status: 503,
    });
    expect(s.hits('/down')).toHaveLength(3);
  });

  it('honours Retry-After on 429 before trying again', async () => {
    let calls = 0;
    const s = await serve({
      '/busy': (_req, res) => {
        calls++;
        if (calls === 1) {
          res.writeHead(429, { 'retry-after': '1' });
          res.end();
          return;
        }
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<p>ok</p>');
      },
    });
    await fast().get(`${s.url}/busy`, { accept: 'html' });
    const [first, second] = s.hits('/busy');
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
  });

  it('fails instead of waiting for a Retry-After over the limit', async () => {
    const s = await serve({
      '/later': (_req, res) => {
        res.writeHead(503, { 'retry-after': '3600' });
        res.end();
      },
    });
    expect(await codeOf(fast().get(`${s.url}/later`, { accept: 'html' }))).toEqual({
      code: 'DYAD_E_FETCH_HTTP',
      status: 503,
    });
    expect(s.hits('/later')).toHaveLength(1);
  });

  it('follows redirects, and stops a loop and a chain over the cap', async () => {
    const redirect = (to: string) => (_req: unknown, res: import('node:http').ServerResponse) => {
      res.writeHead(302, { location: to });
      res.end();
    };
    const s = await serve({
      '/old': redirect('/new'),
      '/new': page('border-talks.html'),
      '/loop-a': redirect('/loop-b'),
      '/loop-b': redirect('/loop-a'),
      '/r1': redirect('/r2'),
      '/r2': redirect('/r3'),
      '/r3': redirect('/r4'),
      '/r4': page('flood-aid.html'),
    });
    const res = await fast().get(`${s.url}/old`, { accept: 'html' });
    expect(res.url).toBe(`${s.url}/new`);
    expect(res.requestedUrl).toBe(`${s.url}/old`);
    expect((await codeOf(fast().get(`${s.url}/loop-a`, { accept: 'html' }))).code).toBe(
      'DYAD_E_FETCH_REDIRECTS',
    );
    expect((await codeOf(fast({ maxRedirects: 2 }).get(`${s.url}/r1`, { accept: 'html' }))).code).toBe(
      'DYAD_E_FETCH_REDIRECTS',
    );
    expect((await fast({ maxRedirects: 3 }).get(`${s.url}/r1`, { accept: 'html' })).url).toBe(`${s.url}/r4`);
  });

  it('refuses an oversize body, declared or streamed', async () => {
    const big = 'x'.repeat(64 * 1024);
    const s = await serve({
      '/declared': { body: big, type: 'text/html' },
      '/streamed': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        // No Content-Length: chunked, so only counting the bytes can tell.
        let sent = 0;
        const push = () => {
          while (sent < 10 * 1024 * 1024) {
            sent += 16 * 1024;
            if (!res.write('y'.repeat(16 * 1024))) return void res.once('drain', push);
          }
          res.end();
        };
        push();
      },
    });
    const f = fast({ maxBytes: 16 * 1024 });
    expect((await codeOf(f.get(`${s.url}/declared`, { accept: 'html' }))).code).toBe(
      'DYAD_E_FETCH_TOO_LARGE',
    );
    expect((await codeOf(f.get(`${s.url}/streamed`, { accept: 'html' }))).code).toBe(
      'DYAD_E_FETCH_TOO_LARGE',
    );
  });

  it('refuses a response of the wrong content type', async () => {
    const s = await serve({ '/photo': { body: Buffer.from([0x89, 0x50, 0x4e, 0x47]), type: 'image/png' } });
    expect(await codeOf(fast().get(`${s.url}/photo`, { accept: 'html' }))).toEqual({
      code: 'DYAD_E_FETCH_CONTENT_TYPE',
    });
  });

  it('obeys robots.txt, for its own token and for everyone, and reads it once per host', async () => {
    const s = await serve({
      '/robots.txt': {
        body: 'User-agent: *\nDisallow: /private/\n\nUser-agent: Dyad\nDisallow: /no-dyad/\n',
        type: 'text/plain',
      },
      '/private/a': page('grain-corridor.html'),
      '/no-dyad/b': page('grain-corridor.html'),
      '/public/c': page('grain-corridor.html'),
    });
    const f = fast();
    // The Dyad group replaces the * group for Dyad (RFC 9309): /private/ is open to it, /no-dyad/ is not.
    expect((await codeOf(f.get(`${s.url}/no-dyad/b`, { accept: 'html' }))).code).toBe('DYAD_E_FETCH_ROBOTS');
    expect((await f.get(`${s.url}/public/c`, { accept: 'html' })).status).toBe(200);
    expect(s.hits('/no-dyad/b')).toHaveLength(0);
    expect(s.hits('/robots.txt')).toHaveLength(1);

    const t = await serve({
      '/robots.txt': { body: 'User-agent: *\nDisallow: /private/\n', type: 'text/plain' },
      '/private/a': page('grain-corridor.html'),
    });
    expect((await codeOf(f.get(`${t.url}/private/a`, { accept: 'html' }))).code).toBe('DYAD_E_FETCH_ROBOTS');
    expect(t.hits('/private/a')).toHaveLength(0);
    // Off when asked.
    expect((await fast({ robots: false }).get(`${t.url}/private/a`, { accept: 'html' })).status).toBe(200);
  });

  it('treats a robots.txt that answers 5xx as disallowing everything', async () => {
    const s = await serve({
      '/robots.txt': (_req, res) => {
        res.writeHead(500);
        res.end();
      },
      '/a': page('grain-corridor.html'),
    });
    expect((await codeOf(fast({ retries: 0 }).get(`${s.url}/a`, { accept: 'html' }))).code).toBe(
      'DYAD_E_FETCH_ROBOTS',
    );
  });

  it('reports a host name that does not resolve', async () => {
    // .invalid is reserved (RFC 2606): it never resolves, so no packet need leave the machine.
    expect((await codeOf(fast().get('http://news.dyad-test.invalid/story', { accept: 'html' }))).code).toBe(
      'DYAD_E_FETCH_DNS',
    );
  });

  it('reports a refused connection and a non-http URL', async () => {
    const s = await serve({});
    const port = new URL(s.url).port;
    await s.close();
    servers.pop();
    expect((await codeOf(fast().get(`http://127.0.0.1:${port}/gone`, { accept: 'html' }))).code).toBe(
      'DYAD_E_FETCH_CONNECT',
    );
    expect((await codeOf(fast().get('ftp://example.org/file', { accept: 'html' }))).code).toBe(
      'DYAD_E_FETCH_URL',
    );
  });

  it('sends validators and reports 304 as not modified', async () => {
    const s = await serve({
      '/a': { ...page('grain-corridor.html', '"e1"'), lastModified: 'Tue, 03 May 2022 10:00:00 GMT' },
    });
    const f = fast();
    const first = await f.get(`${s.url}/a`, { accept: 'html' });
    const again = await f.get(`${s.url}/a`, {
      accept: 'html',
      validators: { etag: first.etag, lastModified: first.lastModified },
    });
    expect(again.notModified).toBe(true);
    expect(again.status).toBe(304);
    expect(again.bytes.length).toBe(0);
    const conditional = s.hits('/a')[1];
    expect(conditional?.headers['if-none-match']).toBe('"e1"');
    expect(conditional?.headers['if-modified-since']).toBe('Tue, 03 May 2022 10:00:00 GMT');
  });

  it('sends one request at a time per host, with the minimum delay between them', async () => {
    let active = 0;
    let overlap = false;
    const s = await serve({
      '/p': (_req, res) => {
        active++;
        if (active > 1) overlap = true;
        setTimeout(() => {
          active--;
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end('<p>page</p>');
        }, 30);
      },
    });
    const f = fast({ minDelayMs: 100, robots: false });
    await Promise.all([1, 2, 3].map((i) => f.get(`${s.url}/p?i=${i}`, { accept: 'html' })));
    expect(overlap).toBe(false);
    const times = s.requests.map((r) => r.at);
    // Each request starts at least the delay after the previous one ended (30 ms of work + 100 ms of delay).
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(120);
  });
});

describe('retryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfter('5')).toBe(5000);
    expect(retryAfter('Tue, 03 May 2022 10:00:10 GMT', Date.parse('Tue, 03 May 2022 10:00:00 GMT'))).toBe(
      10_000,
    );
    expect(retryAfter('soon')).toBeNull();
    expect(retryAfter(null)).toBeNull();
  });
});
