// Places on the seed article through the real pipeline (ingest, segment, places) and the real gazetteer:
// every place of expected.json is found, and no actor-only name is taken for a place.

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeFile, createPipeline } from '../../src/annotate.js';

const SEED = '../shared/seed';

describe.skipIf(!existsSync(`${SEED}/expected.json`))('seed article places', async () => {
  const expected = JSON.parse(readFileSync(`${SEED}/expected.json`, 'utf8')) as {
    article: string;
    publishedDate: string;
    places: { text: string; country?: string; kind?: string }[];
  };
  const pipeline = createPipeline({ date: expected.publishedDate }, ['segment', 'places']);
  const [item] = await analyzeFile(`${SEED}/${expected.article}`, { date: expected.publishedDate, pipeline });
  const places = item?.doc?.places ?? [];

  for (const e of expected.places) {
    it(`finds ${e.text}`, () => {
      const p = places.find(
        (x) =>
          x.text.toLowerCase().includes(e.text.toLowerCase()) &&
          (!e.country || x.country === e.country) &&
          (!e.kind || x.kind === e.kind),
      );
      expect(p).toBeDefined();
    });
  }

  it('takes no place where the article names Washington or Tehran as actors', () => {
    expect(places.filter((p) => /Washington|Tehran/.test(p.text))).toEqual([]);
  });

  it('points every in-text place at its own words', () => {
    for (const p of places) if (p.end > p.start) expect(item?.doc?.text.slice(p.start, p.end)).toBe(p.text);
  });
});
