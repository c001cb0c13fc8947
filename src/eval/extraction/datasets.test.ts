import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { openExtractionSets } from './datasets.js';
import { scoreSet } from './score.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'dyad-extraction-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const page = (body: string) => `<html><body><p>${body}</p></body></html>`;

function scrapinghubSet(): string {
  const dir = path.join(root, 'scrapinghub');
  mkdirSync(path.join(dir, 'html'), { recursive: true });
  writeFileSync(path.join(dir, 'html', 'abc.html.gz'), gzipSync(page('alpha beta gamma delta epsilon')));
  writeFileSync(
    path.join(dir, 'ground-truth.json'),
    JSON.stringify({ abc: { articleBody: 'alpha beta gamma delta epsilon', url: 'https://x.test/a' } }),
  );
  return dir;
}

function trafilaturaSet(packed: boolean): string {
  const dir = path.join(root, packed ? 'trafilatura-packed' : 'trafilatura');
  mkdirSync(path.join(dir, 'tests', 'eval'), { recursive: true });
  mkdirSync(path.join(dir, 'tests', 'cache'), { recursive: true });
  // A file name ending in a quote, as 40 of the real set's do.
  writeFileSync(path.join(dir, 'tests', 'eval', 'one.html"'), page('Keep this sentence. Footer text'));
  writeFileSync(path.join(dir, 'tests', 'cache', 'two.html'), page('Second page text'));
  writeFileSync(
    path.join(dir, 'evaldata.json'),
    JSON.stringify({
      'https://x.test/2020/01/08/one': {
        file: 'one.html"',
        with: ['keep this sentence'],
        without: ['footer text'],
        title: 'One',
        author: ['A. Writer'],
        date: '2020-01-08',
      },
      'https://x.test/two': { file: 'two.html', with: ['second page'], without: ['missing'], title: null },
    }),
  );
  if (packed) {
    execFileSync('tar', ['-cJf', path.join(dir, 'pages-and-evaldata.tar.xz'), '-C', dir, 'tests']);
    rmSync(path.join(dir, 'tests'), { recursive: true });
  }
  return dir;
}

describe('extraction sets', () => {
  it('reads the scrapinghub layout', () => {
    const [set] = openExtractionSets(scrapinghubSet());
    expect(set?.kind).toBe('scrapinghub');
    expect(set?.pages[0]?.url).toBe('https://x.test/a');
    expect(Buffer.from(set!.pages[0]!.load()).toString()).toContain('alpha beta');
  });

  it('reads the trafilatura layout, unpacking the archive once into the cache', () => {
    const cache = path.join(root, 'cache');
    const before = process.env.XDG_CACHE_HOME;
    process.env.XDG_CACHE_HOME = cache;
    try {
      const [set] = openExtractionSets(trafilaturaSet(true));
      expect(set?.kind).toBe('trafilatura');
      expect(set?.pages.map((p) => p.id)).toEqual(['one.html"', 'two.html']);
      expect(Buffer.from(set!.pages[0]!.load()).toString()).toContain('Keep this');
      expect(set?.pages[0]?.gold).toMatchObject({ title: 'One', author: ['A. Writer'], date: '2020-01-08' });
      expect(set?.pages[1]?.gold.title).toBeUndefined();
      // A second open finds the unpacked pages in the cache.
      expect(openExtractionSets(path.join(root, 'trafilatura-packed'))[0]?.pages).toHaveLength(2);
    } finally {
      if (before === undefined) delete process.env.XDG_CACHE_HOME;
      else process.env.XDG_CACHE_HOME = before;
    }
  });

  it('opens both sets under a parent folder and refuses a folder with neither', () => {
    trafilaturaSet(false);
    expect(openExtractionSets(root).map((s) => s.kind)).toEqual(['scrapinghub', 'trafilatura']);
    expect(() => openExtractionSets(path.join(root, 'scrapinghub', 'html'))).toThrow(/no extraction set/);
  });
});

describe('scoreSet', () => {
  it("scores text, labels and speed, and writes the set's prediction format", () => {
    const [set] = openExtractionSets(trafilaturaSet(false));
    const score = scoreSet(set!, (bytes, url) => ({
      text: Buffer.from(bytes)
        .toString()
        .replace(/<[^>]+>/g, ' '),
      title: url?.includes('one') ? 'One' : null,
      authors: ['A. Writer'],
      published: url?.includes('one') ? '2020-01-08' : null,
    }));
    expect(score.n).toBe(2);
    expect(score.metrics).toMatchObject({
      snippetPrecision: 2 / 3,
      snippetRecall: 1,
      titleAccuracy: 1,
      authorAccuracy: 1,
      dateAccuracy: 1,
      errors: 0,
    });
    expect(score.metrics.pagesPerSecond).toBeGreaterThan(0);
    expect(Object.keys(score.predictions)).toEqual(['https://x.test/2020/01/08/one', 'https://x.test/two']);
  });

  it('counts a crashing extractor as empty output', () => {
    const [set] = openExtractionSets(scrapinghubSet());
    const score = scoreSet(set!, () => {
      throw new Error('boom');
    });
    expect(score.metrics).toMatchObject({ f1: 0, errors: 1 });
    expect(score.predictions).toEqual({ abc: { articleBody: '' } });
  });
});
