// The Store contract: every backend must pass this same suite (see sqlite.test.ts; a PostgreSQL backend adds
// its own file calling storeContract with its opener).

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDoc, emptyDraft } from '../../src/ingest/draft.js';
import type { PipelineConfig } from '../../src/pipeline/runner.js';
import type { Store } from '../../src/store/store.js';

const config: PipelineConfig = { stages: ['segment'], options: {}, versions: { kb: 'test' }, dyad: '0.0.0' };

export function sampleDoc(title: string, body: string, published: string | null = '2021-05-01') {
  const draft = emptyDraft('plain-text', `test:${title}`);
  draft.title = title;
  draft.published = published;
  draft.dateSource = published ? 'metadata' : 'unknown';
  draft.site = 'example.org';
  draft.url = `https://example.org/${encodeURIComponent(title)}`;
  draft.paragraphs = body.split('\n\n').map((text) => ({ text, kind: 'body' as const }));
  const doc = buildDoc(draft);
  doc.sentences = [{ start: 0, end: Math.min(10, doc.text.length) }];
  doc.tokens.push(0, 3, 6);
  doc.tokens.push(4, 10, 8);
  doc.actors = [{ id: 'a1', name: 'NATO', code: 'IGOWSTNAT', type: 'ORG', kbId: 'nato', mentions: [] }];
  return doc;
}

export function storeContract(name: string, open: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('stores a document and gives it back with every layer', async () => {
      const doc = sampleDoc('Envoys meet', 'The envoys met in Geneva on Monday.\n\nThey will meet again.');
      const put = await store.putDoc(doc, config);
      expect(put.status).toBe('stored');
      const back = await store.getDoc(put.id);
      expect(back?.id).toBe(put.id);
      expect(back?.text).toBe(doc.text);
      expect(back?.meta).toEqual(doc.meta);
      expect(back?.paragraphs).toEqual(doc.paragraphs);
      expect(back?.sentences).toEqual(doc.sentences);
      expect(back?.actors).toEqual(doc.actors);
      expect(back?.tokens.toArray()).toEqual(doc.tokens.toArray());
    });

    it('is idempotent by content hash', async () => {
      const a = await store.putDoc(sampleDoc('Same story', 'Identical text.'), config);
      const b = await store.putDoc(sampleDoc('Same story', 'Identical text.'), config);
      expect(b).toEqual({ id: a.id, status: 'duplicate' });
      expect(await store.countArticles()).toBe(1);
      expect(await store.findByHash(sampleDoc('Same story', 'Identical text.').meta.contentHash)).toBe(a.id);
      expect(await store.findByHash('0'.repeat(64))).toBeNull();
    });

    it('lists articles newest first, with limit and offset', async () => {
      await store.putDoc(sampleDoc('Old', 'Old text.', '2019-01-01'), config);
      await store.putDoc(sampleDoc('New', 'New text.', '2022-01-01'), config);
      await store.putDoc(sampleDoc('Undated', 'Undated text.', null), config);
      const all = await store.listArticles();
      expect(all.map((a) => a.title)).toEqual(['New', 'Old', 'Undated']);
      expect(Object.keys(all[0] ?? {}).sort()).toEqual([
        'id',
        'ingestedAt',
        'published',
        'site',
        'title',
        'url',
      ]);
      expect((await store.listArticles({ limit: 1, offset: 1 })).map((a) => a.title)).toEqual(['Old']);
    });

    it('searches titles and text, quoting user input', async () => {
      await store.putDoc(
        sampleDoc('Sanctions lifted', 'The council lifted sanctions on grain exports.'),
        config,
      );
      await store.putDoc(sampleDoc('Storm warning', 'Forecasters warned of a storm.'), config);
      const hits = await store.search('grain sanctions');
      expect(hits.map((h) => h.title)).toEqual(['Sanctions lifted']);
      expect(hits[0]?.snippet).toContain('[grain]');
      expect(await store.search('storm AND "unbalanced (')).toHaveLength(0);
      expect(await store.search('')).toEqual([]);
    });

    it('returns null for an unknown id', async () => {
      expect(await store.getDoc(999_999)).toBeNull();
    });

    it('finds a document by any URL recorded with it, also when it came again as a duplicate', async () => {
      const a = await store.putDoc(sampleDoc('Port reopens', 'The port reopened.'), config, {
        urls: ['https://example.org/port', 'https://example.org/amp/port'],
      });
      expect(await store.findByUrl('https://example.org/amp/port')).toBe(a.id);
      const again = await store.putDoc(sampleDoc('Port reopens', 'The port reopened.'), config, {
        urls: ['https://mirror.example.net/port'],
      });
      expect(again).toEqual({ id: a.id, status: 'duplicate' });
      expect(await store.findByUrl('https://mirror.example.net/port')).toBe(a.id);
      expect(await store.findByUrl('https://example.org/other')).toBeNull();
    });

    it('keeps fetch validators per URL, replacing the old ones', async () => {
      expect(await store.getFetchRecord('https://example.org/a')).toBeNull();
      const first = {
        url: 'https://example.org/a',
        etag: '"v1"',
        lastModified: 'Tue, 03 May 2022 10:00:00 GMT',
        status: 200,
        fetchedAt: '2022-05-03T10:00:00.000Z',
      };
      await store.putFetchRecord(first);
      expect(await store.getFetchRecord(first.url)).toEqual(first);
      const second = { ...first, etag: '"v2"', lastModified: null, fetchedAt: '2022-05-04T10:00:00.000Z' };
      await store.putFetchRecord(second);
      expect(await store.getFetchRecord(first.url)).toEqual(second);
    });

    it('keeps feed state and the items taken from each feed', async () => {
      const feed = 'https://example.org/feed.xml';
      expect(await store.getFeedState(feed)).toBeNull();
      const state = {
        url: feed,
        title: 'Example wire',
        etag: '"f1"',
        lastModified: null,
        lastPolledAt: '2022-05-03T10:00:00.000Z',
        lastStatus: 'ok',
        lastError: null,
      };
      await store.putFeedState(state);
      expect(await store.getFeedState(feed)).toEqual(state);
      await store.putFeedState({ ...state, lastStatus: 'DYAD_E_FETCH_HTTP', lastError: 'HTTP 500' });
      expect(await store.getFeedState(feed)).toMatchObject({ lastStatus: 'DYAD_E_FETCH_HTTP', etag: '"f1"' });

      const doc = await store.putDoc(sampleDoc('Item one', 'First item.'), config);
      await store.markFeedItem(feed, 'guid-1', doc.id);
      await store.markFeedItem(feed, 'guid-2', null);
      await store.markFeedItem(feed, 'guid-1', null);
      expect((await store.seenFeedItems(feed, ['guid-1', 'guid-2', 'guid-3'])).sort()).toEqual([
        'guid-1',
        'guid-2',
      ]);
      expect(await store.seenFeedItems('https://example.org/other.xml', ['guid-1'])).toEqual([]);
    });

    it('finds near-duplicate candidates by shared bands and links them both ways', async () => {
      const sig = (n: number) => new Uint8Array([n, n, n, n]);
      const a = await store.putDoc(sampleDoc('Wire story', 'Agency text.'), config, {
        fingerprint: { signature: sig(1), bands: [10, 11, 12] },
      });
      const b = await store.putDoc(sampleDoc('Other story', 'Unrelated text.'), config, {
        fingerprint: { signature: sig(2), bands: [12, 20, 21] },
      });
      const hits = await store.nearDuplicateCandidates([10, 11, 12, 99]);
      expect(hits.map((h) => h.id)).toEqual([a.id, b.id]);
      expect(Array.from(hits[0]?.signature ?? [])).toEqual([1, 1, 1, 1]);
      expect(await store.nearDuplicateCandidates([99])).toEqual([]);
      expect(await store.nearDuplicateCandidates([])).toEqual([]);

      const c = await store.putDoc(sampleDoc('Wire story, reprinted', 'Agency text, reprinted.'), config, {
        fingerprint: { signature: sig(1), bands: [10, 11] },
        nearDuplicateOf: { id: a.id, similarity: 0.9, method: 'minhash' },
      });
      expect(await store.nearDuplicates(c.id)).toEqual([
        { id: a.id, relation: 'duplicate-of', similarity: 0.9, method: 'minhash' },
      ]);
      expect(await store.nearDuplicates(a.id)).toEqual([
        { id: c.id, relation: 'duplicated-by', similarity: 0.9, method: 'minhash' },
      ]);
      expect(await store.nearDuplicates(b.id)).toEqual([]);
    });
  });
}
