import { describe, expect, it } from 'vitest';
import { authorName, feedDate, parseFeedText, parseOpmlText, sniffFeed } from './parse-feed.js';

const RSS_091 = `<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Old wire</title><link>https://old.example/</link><description>d</description>
<item><title>Harbour reopens</title><link>https://old.example/harbour</link><description>The harbour reopened.</description></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">World desk</title><id>urn:x</id>
<updated>2022-05-05T00:00:00Z</updated><link rel="self" href="https://w.example/atom.xml"/><link href="https://w.example/"/>
<entry><title>Plain entry</title><id>urn:x:1</id><link rel="alternate" href="/a/1"/><link rel="enclosure" href="/a/1.mp3"/>
<updated>2022-05-04T10:00:00+02:00</updated><author><name>Ana Ruiz</name></author><author><name>Ben Cole</name></author>
<content type="text">First paragraph.

Second paragraph.</content></entry>
<entry><title>Summary only</title><id>urn:x:2</id><link href="https://w.example/a/2"/><published>2022-05-05T08:00:00Z</published>
<summary type="html">&lt;p&gt;A short summary.&lt;/p&gt;</summary></entry>
</feed>`;

describe('parseFeedText', () => {
  it('reads RSS 0.91 items without GUIDs or dates', () => {
    const feed = parseFeedText(RSS_091);
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('Old wire');
    expect(feed.items).toEqual([
      {
        key: 'https://old.example/harbour',
        url: 'https://old.example/harbour',
        title: 'Harbour reopens',
        published: null,
        modified: null,
        authors: [],
        html: 'The harbour reopened.',
        text: null,
        summaryOnly: true,
      },
    ]);
  });

  it('reads Atom: the alternate link made absolute, several authors, text content, offsets in dates', () => {
    const feed = parseFeedText(ATOM, { url: 'https://w.example/atom.xml' });
    expect(feed.format).toBe('atom');
    expect(feed.title).toBe('World desk');
    const [plain, summary] = feed.items;
    expect(plain).toMatchObject({
      key: 'urn:x:1',
      url: 'https://w.example/a/1',
      published: '2022-05-04T08:00:00.000Z',
      authors: ['Ana Ruiz', 'Ben Cole'],
      html: null,
      summaryOnly: false,
    });
    expect(plain?.text).toContain('Second paragraph.');
    expect(summary).toMatchObject({
      html: '<p>A short summary.</p>',
      summaryOnly: true,
      published: '2022-05-05T08:00:00.000Z',
    });
  });

  it('reads RDF (RSS 1.0) with Dublin Core dates and creators', () => {
    const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://r.example/"><title>Regional</title><link>https://r.example/</link><description>d</description></channel>
<item rdf:about="https://r.example/1"><title>Bridge opens</title><link>https://r.example/1</link><dc:date>2022-05-04</dc:date><dc:creator>Tomas Ferreira</dc:creator></item></rdf:RDF>`;
    const feed = parseFeedText(rdf);
    expect(feed.format).toBe('rdf');
    expect(feed.items[0]).toMatchObject({
      url: 'https://r.example/1',
      published: '2022-05-04',
      authors: ['Tomas Ferreira'],
    });
  });

  it('reads JSON Feed 1.0 (one author) and 1.1 (authors)', () => {
    const v10 = JSON.stringify({
      version: 'https://jsonfeed.org/version/1',
      title: 'Briefing',
      items: [
        {
          id: 7,
          url: 'https://j.example/7',
          title: 'Rates held',
          content_text: 'Rates were held.',
          author: { name: 'Owen Duarte' },
        },
      ],
    });
    const v11 = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Briefing',
      items: [
        {
          id: '8',
          title: 'No link',
          content_html: '<p>Body.</p>',
          authors: [{ name: 'Lena Vasquez' }],
          date_published: '2022-05-07T05:00:00Z',
        },
      ],
    });
    expect(parseFeedText(v10).items[0]).toMatchObject({
      key: '7',
      text: 'Rates were held.',
      authors: ['Owen Duarte'],
    });
    expect(parseFeedText(v11).items[0]).toMatchObject({
      key: '8',
      url: null,
      html: '<p>Body.</p>',
      summaryOnly: false,
    });
  });

  it('keys an item with neither GUID nor link by its title and date', () => {
    const rss =
      '<rss version="2.0"><channel><title>t</title><item><title>Only a title</title><description>x</description></item></channel></rss>';
    expect(parseFeedText(rss).items[0]?.key).toMatch(/^sha1:[0-9a-f]{40}$/);
  });

  it('refuses what is not a feed', () => {
    expect(() => parseFeedText('<html><body>news</body></html>', { origin: 'page.xml' })).toThrow(
      expect.objectContaining({ code: 'DYAD_E_FEED' }),
    );
  });
});

describe('parseOpmlText', () => {
  it('lists feed URLs at any depth, once each', () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>
<outline text="a" xmlUrl="https://a.example/feed"/><outline text="group"><outline text="b" xmlUrl="https://b.example/rss"/>
<outline text="a again" xmlUrl="https://a.example/feed"/></outline><outline text="no feed" htmlUrl="https://c.example/"/></body></opml>`;
    expect(parseOpmlText(opml)).toEqual(['https://a.example/feed', 'https://b.example/rss']);
  });
});

describe('sniffing and small readers', () => {
  it('tells feeds and OPML from articles', () => {
    expect(sniffFeed(RSS_091)).toBe('feed');
    expect(sniffFeed(ATOM)).toBe('feed');
    expect(sniffFeed('\uFEFF<?xml version="1.0"?>\n<!-- list --><opml version="1.0">')).toBe('opml');
    expect(sniffFeed('{"version": "https://jsonfeed.org/version/1.1", "items": []}')).toBe('feed');
    expect(sniffFeed('[{"title": "a record", "text": "x"}]')).toBeNull();
    expect(sniffFeed('<!doctype html><html>')).toBeNull();
    expect(sniffFeed('Plain article text.')).toBeNull();
  });

  it('reads feed dates and author fields', () => {
    expect(feedDate('Tue, 03 May 2022 09:00:00 GMT')).toBe('2022-05-03T09:00:00.000Z');
    expect(feedDate('2022-05-03')).toBe('2022-05-03');
    expect(feedDate('sometime')).toBeNull();
    expect(authorName('desk@harbour.example (Karel Novak)')).toBe('Karel Novak');
    expect(authorName('desk@harbour.example')).toBeNull();
    expect(authorName('By Ada Lindqvist')).toBe('Ada Lindqvist');
  });
});
