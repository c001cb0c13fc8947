import { describe, expect, it } from 'vitest';
import { parseDocument } from './dom.js';
import { jsonLdBlocks } from './jsonld.js';
import { readMetadata } from './metadata.js';

const metaOf = (html: string, url: string | null = null) =>
  readMetadata(parseDocument(html), { url, jsonLdBlocks: jsonLdBlocks(html) });

describe('readMetadata', () => {
  it('takes the visible headline over a social title that differs', () => {
    const m = metaOf(`<html><head><title>Klimaschutz: Bohren, bis es heiß wird | ZEIT</title>
      <meta property="og:title" content="Klimaschutz: Bohren, bis es heiß wird"></head>
      <body><h1>Bohren, bis es heiß wird</h1></body></html>`);
    expect(m.title).toBe('Bohren, bis es heiß wird');
  });

  it('drops a kicker the heading carries when the metadata title has none', () => {
    const m = metaOf(`<html><head><meta property="og:title" content="Daten von Rheinmetall gehackt"></head>
      <body><h1><span>Interne Unterlagen im Netz</span> <span>Daten von Rheinmetall gehackt</span></h1></body></html>`);
    expect(m.title).toBe('Daten von Rheinmetall gehackt');
  });

  it('skips a logo heading and a one-word section label', () => {
    const logo = metaOf(`<html><head><title>Old ship logs – Salt &amp; Ink</title></head><body>
      <h1><a href="/">Salt &amp; Ink</a></h1><h2 class="entry-title">Old ship logs</h2></body></html>`);
    expect(logo.title).toBe('Old ship logs');
    const label = metaOf(`<html><head><title>Kommunalwahlen in Nordmazedonien - Länderbericht</title></head>
      <body><h1>detail</h1></body></html>`);
    expect(label.title).toBe('Kommunalwahlen in Nordmazedonien');
  });

  it('resolves the canonical URL and names the site from <title> when nothing else does', () => {
    const m = metaOf(
      `<html lang="de_AT"><head><title>Neuer Radweg – Kreisbote</title><link rel="canonical" href="/lokales/radweg"></head>
       <body><h1>Neuer Radweg</h1></body></html>`,
      'https://kreisbote.example/lokales/radweg?utm=x',
    );
    expect(m.canonicalUrl).toBe('https://kreisbote.example/lokales/radweg');
    expect(m.site).toBe('Kreisbote');
    expect(m.language).toBe('de-AT');
  });

  it('collects keywords, section and image from JSON-LD and <meta>', () => {
    const m = metaOf(
      `<html><head>
      <script type="application/ld+json">{"@type":"NewsArticle","headline":"H","articleSection":["Politics"],"keywords":"vote, parliament","image":{"@type":"ImageObject","url":"/img/a.jpg"}}</script>
      <meta name="news_keywords" content="Vote; budget"></head><body></body></html>`,
      'https://x.test/a',
    );
    expect(m.section).toBe('Politics');
    expect(m.keywords).toEqual(['vote', 'parliament', 'budget']);
    expect(m.image).toBe('https://x.test/img/a.jpg');
  });
});
