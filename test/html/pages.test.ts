// What each golden page must and must not yield, stated as plain assertions so that regenerating the golden
// files cannot quietly accept a regression.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocJSON } from '../../src/document/index.js';
import { parseInput } from '../../src/ingest/parse.js';
import { readEntry } from '../../src/ingest/sources.js';

async function ingest(file: string): Promise<DocJSON> {
  const item = await readEntry({ path: path.join('test/html/fixtures', file) });
  if ('error' in item) throw item.error;
  const [first] = parseInput(item.input);
  if (!first?.doc) throw first?.error ?? new Error('no doc');
  return first.doc.toJSON();
}

const paragraphTexts = (doc: DocJSON) =>
  doc.paragraphs.map((p) => ({ kind: p.kind, text: doc.text.slice(p.start, p.end) }));

describe('news page with JSON-LD, OpenGraph and page furniture', () => {
  it('reads the metadata from JSON-LD, OpenGraph and the canonical link', async () => {
    const doc = await ingest('news-jsonld.html');
    expect(doc.meta.title).toBe('Ministers agree on river treaty after night of talks');
    // One author is a JSON-LD @id reference into the @graph, the other an inline Person.
    expect(doc.meta.authors).toEqual(['Ines Marlow', 'Tomas Reyes']);
    expect(doc.meta.site).toBe('The Harbour Ledger');
    expect(doc.meta.canonicalUrl).toBe('https://ledger.example.com/world/2021/03/09/river-treaty');
    expect(doc.meta.published).toBe('2021-03-09');
    expect(doc.meta.modified).toBe('2021-03-10');
    expect(doc.meta.language).toBe('en-GB');
    expect(doc.meta.section).toBe('World');
    expect(doc.meta.keywords).toEqual(['water', 'treaty', 'diplomacy']);
    expect(doc.meta.image).toBe('https://ledger.example.com/img/river-treaty.jpg');
    expect(doc.meta.standfirst).toMatch(/^Water ministers from three countries/);
  });

  it('keeps the article with its structure and drops the furniture', async () => {
    const doc = await ingest('news-jsonld.html');
    const paragraphs = paragraphTexts(doc);
    expect(paragraphs[0]?.text).toMatch(/^Water ministers from the three countries that share/);
    expect(paragraphs.at(-1)?.text).toMatch(/approval of all three parliaments/);
    expect(paragraphs.filter((p) => p.kind === 'heading').map((p) => p.text)).toEqual([
      'What the agreement says',
      'Farmers cautious',
    ]);
    expect(paragraphs.map((p) => p.text)).toContain("Thirty days' notice before a new dam is filled.");
    expect(doc.text).toContain('"Nobody got everything they wanted');
    for (const furniture of [
      'cookies',
      'Sign up',
      'newsletter',
      'Related stories',
      'Share on',
      'Photo:',
      'All rights reserved',
      'Business',
      'By Ines',
    ]) {
      expect(doc.text).not.toContain(furniture);
    }
    // The standfirst is kept apart from the body, as the Doc model has it.
    expect(doc.text).not.toContain('after talks that ran past midnight');
  });
});

describe('windows-1252 page declared by <meta charset>', () => {
  it('decodes the bytes with the declared charset', async () => {
    const doc = await ingest('windows-1252.html');
    expect(doc.text).toContain('1,8 Millionen €');
    expect(doc.text).toContain('„Das ist ein wichtiger Schritt');
    expect(doc.meta.title).toBe('Stadtrat beschließt neuen Radweg am Kanal');
    expect(doc.messages.some((m) => m.code === 'DYAD_I_ENCODING')).toBe(false);
  });

  it('finds the byline and the date written under the headline, and the site in the title', async () => {
    const doc = await ingest('windows-1252.html');
    expect(doc.meta.authors).toEqual(['Jana Köhler']);
    expect(doc.meta.published).toBe('2022-05-17');
    expect(doc.meta.site).toBe('Kreisbote Nordufer');
    expect(doc.meta.language).toBe('de');
    expect(doc.text).not.toMatch(/Cookies|Meistgelesen|Mehr zum Thema|Impressum|Von Jana/);
    expect(doc.paragraphs).toHaveLength(3);
  });
});

describe('blog post with comments and share widgets', () => {
  it('takes the entry title, not the blog name, and the byline author, not "admin"', async () => {
    const doc = await ingest('blog-comments.html');
    expect(doc.meta.title).toBe('Reading old ship logs for weather clues');
    expect(doc.meta.site).toBe('Salt & Ink');
    expect(doc.meta.authors).toEqual(['Mara Lind']);
    expect(doc.meta.published).toBe('2020-01-08');
  });

  it('keeps lists and preformatted text and drops comments, sharing and related posts', async () => {
    const doc = await ingest('blog-comments.html');
    const texts = paragraphTexts(doc).map((p) => p.text);
    expect(texts).toContain('Two volunteers transcribe it separately.');
    expect(texts).toContain('1854-03-02 noon  lat 41.2N  lon 32.7W  wind NW force 6  barometer 29.71');
    expect(texts.at(-1)).toMatch(/^So far the project has recovered/);
    expect(doc.text).not.toMatch(
      /grandfather|Leave a Reply|Share this|lighthouse keepers|Recent Posts|Tagged/,
    );
  });
});

describe('script-rendered page', () => {
  it('falls back to the JSON-LD articleBody when the page body is empty', async () => {
    const doc = await ingest('app-shell.html');
    expect(doc.text.split('\n\n')).toHaveLength(2);
    expect(doc.text).toMatch(/^Le port de commerce a rouvert mardi matin/);
    expect(doc.meta.authors).toEqual(['Claire Dumont']);
    expect(doc.meta.language).toBe('fr');
    expect(doc.text).not.toContain('JavaScript');
  });
});
