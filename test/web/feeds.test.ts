// Feeds end to end against a local news site: RSS, Atom, RDF and JSON Feed items fetched, extracted and stored
// once each; a second watch cycle stores nothing and asks conditionally; state survives a restart.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPipeline } from '../../src/annotate.js';
import type { Doc } from '../../src/document/index.js';
import { runIngest } from '../../src/jobs/ingest-job.js';
import { type CycleReport, runWatch, type WatchEvent } from '../../src/jobs/watch-job.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import type { TestServer } from './server.js';
import { FEEDS, feedText, startNewsSite } from './site.js';

const FAST = { minDelayMs: 0, backoffMs: 10, timeoutMs: 5000 };
const tmpDb = () => path.join(mkdtempSync(path.join(tmpdir(), 'dyad-web-')), 'dyad.db');
const pipeline = () => createPipeline({}, ['segment']);

const open: Store[] = [];
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function store(file = tmpDb()): Promise<Store> {
  const s = await openStore(file);
  open.push(s);
  return s;
}

async function site(options: Parameters<typeof startNewsSite>[0] = {}): Promise<TestServer> {
  const s = await startNewsSite(options);
  servers.push(s);
  return s;
}

async function allDocs(s: Store): Promise<Doc[]> {
  const rows = await s.listArticles({ limit: 100 });
  const docs = await Promise.all(rows.map((r) => s.getDoc(r.id)));
  return docs.filter((d): d is Doc => d !== null);
}

const byTitle = (docs: Doc[], title: string) => docs.find((d) => d.meta.title === title);

async function watchOnce(feeds: string[], s: Store, events: WatchEvent[] = []): Promise<CycleReport> {
  let report: CycleReport | undefined;
  await runWatch(feeds, {
    store: s,
    pipeline: pipeline(),
    everyMs: 60_000,
    once: true,
    fetch: FAST,
    onEvent: (e) => {
      events.push(e);
      if (e.type === 'cycle-end') report = e.report;
    },
  });
  if (!report) throw new Error('no cycle ran');
  return report;
}

describe('feeds', () => {
  it('ingests RSS, Atom, RDF and JSON feeds: every item once, pages extracted, feed facts kept', async () => {
    const web = await site();
    const s = await store();
    const summary = await runIngest(
      FEEDS.map((f) => `${web.url}/feeds/${f}`),
      { store: s, pipeline: pipeline(), fetch: FAST },
    );
    // 11 items: 9 distinct articles, the grain and border stories listed twice (found by URL, not re-fetched).
    expect(summary).toMatchObject({ read: 11, stored: 9, duplicates: 2, failed: 0 });
    expect(await s.countArticles()).toBe(9);
    for (const p of ['grain-corridor', 'border-talks', 'election-observers', 'ferry-service']) {
      expect(
        web.hits(`/news/${p}`).length + web.requests.filter((r) => r.path.startsWith(`/news/${p}?`)).length,
      ).toBe(1);
    }

    const docs = await allDocs(s);
    // A page: its own text, from the HTML extractor, with the page's metadata.
    const grain = byTitle(docs, 'Ministers agree protected corridor for grain ships');
    expect(grain?.text).toContain('The first convoy is expected to leave within ten days');
    expect(grain?.text).not.toContain('Related stories');
    expect(grain?.meta).toMatchObject({ format: 'html', authors: ['Ada Lindqvist'], dateSource: 'metadata' });
    expect(grain?.meta.published?.slice(0, 10)).toBe('2022-05-03');

    // A page that states no date or author: the feed's are kept.
    const ferry = byTitle(docs, 'Island ferry service restored after storm');
    expect(ferry?.text).toContain('second vessel to be kept on standby');
    expect(ferry?.meta).toMatchObject({
      published: '2022-05-09T07:45:00.000Z',
      dateSource: 'metadata',
      authors: ['Sigrun Hale'],
    });

    // A page that cannot be had (404): the item's own content, marked as such.
    const fuel = byTitle(docs, 'Customs officers seize smuggled fuel at river crossing');
    expect(fuel?.text).toBe(
      'Customs officers seized about forty thousand litres of smuggled diesel hidden in a grain barge at the river crossing on Thursday, the revenue service said.\n\nThree crew members were detained for questioning.',
    );
    expect(fuel?.meta).toMatchObject({
      format: 'feed-item',
      authors: ['Karel Novak'],
      published: '2022-05-05T11:20:00.000Z',
      dateSource: 'metadata',
      truncated: true,
    });
    expect(fuel?.messages.find((m) => m.code === 'DYAD_W_FEED_CONTENT')?.message).toMatch(
      /DYAD_E_FETCH_HTTP: HTTP 404/,
    );

    // A JSON Feed item with no link: its content_html.
    const bank = byTitle(docs, 'Central bank holds rates steady');
    expect(bank?.paragraphs).toHaveLength(2);
    expect(bank?.meta).toMatchObject({ authors: ['Owen Duarte'], published: '2022-05-10T14:00:00.000Z' });
  });

  it('watch: the first cycle stores every item once, the second stores nothing and asks conditionally', async () => {
    const web = await site();
    const s = await store();
    const feeds = FEEDS.map((f) => `${web.url}/feeds/${f}`);
    const first = await watchOnce(feeds, s);
    expect(first.totals).toEqual({ fresh: 11, stored: 9, duplicates: 2, failed: 0 });
    expect(first.feeds.map((f) => f.outcome)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(first.feeds.map((f) => f.title)).toEqual([
      'Harbour Desk: Wire',
      'Harbour Desk: World',
      'Harbour Desk: Regional',
      'Harbour Desk: Briefing',
    ]);
    const pageRequests = web.requests.filter((r) => r.path.startsWith('/news/')).length;

    const second = await watchOnce(feeds, s);
    expect(second.totals).toEqual({ fresh: 0, stored: 0, duplicates: 0, failed: 0 });
    expect(second.feeds.map((f) => f.outcome)).toEqual([
      'not-modified',
      'not-modified',
      'not-modified',
      'not-modified',
    ]);
    for (const f of FEEDS) {
      const [, again] = web.hits(`/feeds/${f}`);
      expect(again?.headers['if-none-match']).toBe(`"${f}-1"`);
      expect(again?.headers['if-modified-since']).toBe('Mon, 09 May 2022 08:00:00 GMT');
    }
    expect(web.requests.filter((r) => r.path.startsWith('/news/')).length).toBe(pageRequests);
    expect(await s.countArticles()).toBe(9);
  });

  it('survives a restart: a new process with the same database fetches nothing it has', async () => {
    const web = await site({ noValidators: true });
    const file = tmpDb();
    const feeds = FEEDS.map((f) => `${web.url}/feeds/${f}`);
    const first = await store(file);
    expect((await watchOnce(feeds, first)).totals.stored).toBe(9);
    await first.close();
    open.splice(open.indexOf(first), 1);

    const pageRequests = web.requests.filter((r) => r.path.startsWith('/news/')).length;
    const again = await store(file);
    // Without validators the feeds come back in full; their items are known by key and skipped unfetched.
    const report = await watchOnce(feeds, again);
    expect(report.totals).toEqual({ fresh: 0, stored: 0, duplicates: 0, failed: 0 });
    expect(report.feeds.map((f) => f.outcome)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(web.requests.filter((r) => r.path.startsWith('/news/')).length).toBe(pageRequests);
    expect(await again.countArticles()).toBe(9);
  });

  it('stores only the new item when a feed grows', async () => {
    const web = await site();
    const s = await store();
    const feed = `${web.url}/feeds/wire.rss`;
    expect((await watchOnce([feed], s)).totals.stored).toBe(3);
    const grown = feedText('wire.rss', web.url).replace(
      '</channel>',
      `<item><title>Island ferry service restored after storm</title><link>${web.url}/news/ferry-service</link>
       <guid isPermaLink="false">harbour-desk-1004</guid><pubDate>Mon, 09 May 2022 07:45:00 GMT</pubDate></item></channel>`,
    );
    web.route('/feeds/wire.rss', { body: grown, type: 'application/rss+xml', etag: '"wire.rss-2"' });
    const events: WatchEvent[] = [];
    const report = await watchOnce([feed], s, events);
    expect(report.totals).toEqual({ fresh: 1, stored: 1, duplicates: 0, failed: 0 });
    expect(events.filter((e) => e.type === 'item').map((e) => (e.type === 'item' ? e.origin : ''))).toEqual([
      `${web.url}/news/ferry-service`,
    ]);
  });

  it('reports a failing feed and goes on with the others', async () => {
    const web = await site();
    const s = await store();
    const report = await watchOnce(
      [`${web.url}/feeds/gone.rss`, `${web.url}/news/grain-corridor`, `${web.url}/feeds/regional.rdf`],
      s,
    );
    expect(report.feeds.map((f) => [f.outcome, f.error?.code])).toEqual([
      ['failed', 'DYAD_E_FETCH_HTTP'],
      ['failed', 'DYAD_E_FETCH_CONTENT_TYPE'],
      ['ok', undefined],
    ]);
    expect(report.totals.stored).toBe(1);
    expect(await s.getFeedState(`${web.url}/feeds/gone.rss`)).toMatchObject({
      lastStatus: 'DYAD_E_FETCH_HTTP',
    });
  });

  it('reads a local feed file and an OPML list', async () => {
    const web = await site();
    const dir = mkdtempSync(path.join(tmpdir(), 'dyad-feedfile-'));
    const rss = path.join(dir, 'wire.xml');
    writeFileSync(rss, feedText('wire.rss', web.url));
    const s = await store();
    const fromFile = await runIngest([rss], { store: s, pipeline: pipeline(), fetch: FAST });
    expect(fromFile).toMatchObject({ read: 3, stored: 3, failed: 0 });
    const again = await runIngest([rss], { store: s, pipeline: pipeline(), fetch: FAST });
    expect(again).toMatchObject({ read: 0, stored: 0 });

    const opml = path.join(dir, 'all.opml');
    writeFileSync(opml, feedText('all.opml', web.url));
    const fromOpml = await runIngest([opml], { store: s, pipeline: pipeline(), fetch: FAST });
    // The wire feed's items are known by URL now; the other feeds add 6.
    expect(fromOpml).toMatchObject({ stored: 6, failed: 0 });
    expect(await s.countArticles()).toBe(9);
  });
});
