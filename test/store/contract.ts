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
  });
}
