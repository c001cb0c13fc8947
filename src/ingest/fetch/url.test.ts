import { describe, expect, it } from 'vitest';
import { accepts, mimeOf } from './content-type.js';
import { isHttpUrl, normalizeUrl, urlKeys } from './url.js';
import { parseUrlList } from './url-list.js';

describe('normalizeUrl', () => {
  it('drops fragments, tracking parameters, default ports and case in the host', () => {
    expect(
      normalizeUrl('HTTPS://News.Example.ORG:443/World/Story?utm_source=rss&id=7&fbclid=x#comments'),
    ).toBe('https://news.example.org/World/Story?id=7');
    expect(normalizeUrl('http://example.org/a?utm_medium=feed')).toBe('http://example.org/a');
    expect(normalizeUrl('http://example.org')).toBe('http://example.org/');
  });

  it('resolves against a base and refuses what is not http(s)', () => {
    expect(normalizeUrl('/news/a', 'https://example.org/feed.xml')).toBe('https://example.org/news/a');
    expect(normalizeUrl('mailto:desk@example.org')).toBeNull();
    expect(normalizeUrl('not a url')).toBeNull();
    expect(isHttpUrl(' https://example.org/')).toBe(true);
    expect(isHttpUrl('example.org')).toBe(false);
  });

  it('gives the distinct keys of several URLs', () => {
    expect(
      urlKeys(['https://a.example/x#1', 'https://a.example/x?utm_source=y', null, 'ftp://a.example/x']),
    ).toEqual(['https://a.example/x']);
  });
});

describe('parseUrlList', () => {
  it('skips blanks and comments, and reports a line that is no URL', () => {
    const items = parseUrlList(
      '# morning list\nhttps://a.example/1\n\n  http://b.example/2  \nb.example/3\n',
      'urls.txt',
    );
    expect(items.slice(0, 2)).toEqual([
      { url: 'https://a.example/1', line: 2 },
      { url: 'http://b.example/2', line: 4 },
    ]);
    const bad = items[2];
    expect(bad && 'error' in bad ? [bad.error.code, bad.error.line] : null).toEqual(['DYAD_E_FETCH_URL', 5]);
  });
});

describe('content types', () => {
  it('takes HTML for pages, XML and JSON for feeds, and anything without a type', () => {
    expect(mimeOf('Text/HTML; charset=UTF-8')).toBe('text/html');
    expect(accepts('html', 'text/html; charset=utf-8')).toBe(true);
    expect(accepts('html', 'application/pdf')).toBe(false);
    expect(accepts('feed', 'application/rss+xml')).toBe(true);
    expect(accepts('feed', 'application/feed+json')).toBe(true);
    expect(accepts('feed', 'image/jpeg')).toBe(false);
    expect(accepts('html-or-feed', 'application/atom+xml')).toBe(true);
    expect(accepts('html', null)).toBe(true);
  });
});
