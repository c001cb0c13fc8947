import { describe, expect, it } from 'vitest';
import { parseDocument } from './dom.js';
import { jsonLdBlocks } from './jsonld.js';
import { readMetadata } from './metadata.js';
import { pageDates } from './page-dates.js';

function datesOf(html: string, url: string | null = null) {
  const doc = parseDocument(html);
  const meta = readMetadata(doc, { url, jsonLdBlocks: jsonLdBlocks(html) });
  return pageDates(doc, meta, url);
}

const body = '<p>The council met and decided on the new plan for the harbour after a long debate.</p>';

describe('pageDates', () => {
  it('takes a full date in the URL first', () => {
    const d = datesOf(
      `<html><head><meta name="date" content="2019-05-04"></head><body>${body}</body></html>`,
      'https://x.test/2020/01/08/a',
    );
    expect(d).toMatchObject({ published: '2020-01-08', publishedSource: 'url' });
  });

  it('prefers the date written under the headline to the markup', () => {
    const d = datesOf(
      `<html><head><meta property="article:published_time" content="2020-04-29T08:00:00+02:00"></head>
       <body><h1>Data leak at arms maker</h1><p class="stand">Stand: 28.04.2020 18:00 Uhr</p>${body}</body></html>`,
    );
    expect(d).toMatchObject({ published: '2020-04-28', publishedSource: 'headline' });
  });

  it('reads a date standing alone in its element inside a longer header block', () => {
    const d = datesOf(
      `<html><body><div><h1>Wages are not enough</h1><span>07.11.2023</span> <a href="/x">Ormalingen</a>, <a href="/y">Baselbiet</a> and a long list of further places named in this header line</div>${body}</body></html>`,
    );
    expect(d.published).toBe('2023-11-07');
  });

  it('does not take a date from the running text near the headline', () => {
    const d = datesOf(
      `<html><body><h1>Fair next spring</h1><p>The organisers said on Monday that the fair will take place on 21 and 22 May 2022 in the park, as every year since the first edition.</p></body></html>`,
    );
    expect(d.published).toBeNull();
  });

  it('uses JSON-LD and <meta> stamps, and the modified date', () => {
    const d = datesOf(
      `<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"H","datePublished":"2021-03-09T06:15:00+01:00","dateModified":"2021-03-10T11:40:00+01:00"}</script></head><body>${body}</body></html>`,
    );
    expect(d).toEqual({
      published: '2021-03-09',
      publishedSource: 'json-ld:datePublished',
      modified: '2021-03-10',
    });
  });

  it('takes the local day from a <time> when a UTC stamp falls on the day after', () => {
    const d = datesOf(
      `<html><head><meta property="article:published_time" content="2022-05-04T03:37:37+00:00"></head>
       <body>${body}<footer><time datetime="2022-05-03T23:37:37-04:00">3 May 2022</time></footer></body></html>`,
    );
    expect(d.published).toBe('2022-05-03');
  });

  it('falls back to elements whose class names a date, then to the description', () => {
    expect(
      datesOf(
        `<html><body>${body}<div><span class="itemPostDate">am 25.08.2015 22:30</span></div></body></html>`,
      ).published,
    ).toBe('2015-08-25');
    expect(
      datesOf(
        `<html><head><meta name="description" content="Fachmeldung vom 18.10.2021 aus dem Bereich Steuern"></head><body>${body}</body></html>`,
      ).published,
    ).toBe('2021-10-18');
  });
});
