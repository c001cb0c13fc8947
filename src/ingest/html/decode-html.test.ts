import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { canonicalCharset, charsetOfContentType, decodeHtml, metaCharset } from './decode-html.js';

const page = (head: string, body: string) =>
  `<!DOCTYPE html><html><head>${head}</head><body><p>${body}</p></body></html>`;
const cp1252 = (s: string) => iconv.encode(s, 'windows-1252');
const SAMPLE = 'Café – „Preis“ 5 €';

describe('decodeHtml', () => {
  it('uses <meta charset>', () => {
    const out = decodeHtml(cp1252(page('<meta charset="windows-1252">', SAMPLE)));
    expect(out.encoding).toBe('windows-1252');
    expect(out.source).toBe('meta');
    expect(out.html).toContain(SAMPLE);
  });

  it('uses <meta http-equiv="Content-Type">, mapping ISO-8859-1 to windows-1252 as browsers do', () => {
    const bytes = cp1252(
      page('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', SAMPLE),
    );
    const out = decodeHtml(bytes);
    expect(out.encoding).toBe('windows-1252');
    expect(out.html).toContain(SAMPLE);
  });

  it('lets the HTTP header outrank the page', () => {
    const bytes = iconv.encode(page('<meta charset="utf-8">', 'Ğüzel şehir'), 'iso-8859-9');
    const out = decodeHtml(bytes, { contentType: 'text/html; charset=ISO-8859-9' });
    expect(out.source).toBe('header');
    expect(out.html).toContain('Ğüzel şehir');
  });

  it('reads UTF-8 mislabelled as Latin-1 as UTF-8', () => {
    const bytes = Buffer.from(page('<meta charset="iso-8859-1">', SAMPLE), 'utf8');
    const out = decodeHtml(bytes);
    expect(out.encoding).toBe('utf-8');
    expect(out.html).toContain(SAMPLE);
  });

  it('detects an undeclared legacy page', () => {
    const out = decodeHtml(cp1252(page('', `${SAMPLE} ${'Straße über Brücke. '.repeat(20)}`)));
    expect(out.source).toBe('detected');
    expect(out.html).toContain(SAMPLE);
  });

  it('reads undeclared valid UTF-8 as UTF-8, and honours a BOM', () => {
    expect(decodeHtml(Buffer.from(page('', SAMPLE))).source).toBe('utf-8');
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page('', SAMPLE))]);
    const out = decodeHtml(bom);
    expect(out.source).toBe('bom');
    expect(out.html.startsWith('<!DOCTYPE')).toBe(true);
  });

  it('refuses an empty input and an unknown forced encoding', () => {
    expect(() => decodeHtml(new Uint8Array())).toThrow(/empty/);
    expect(() => decodeHtml(Buffer.from('<p>x</p>'), { encoding: 'no-such' })).toThrow(/unknown encoding/);
  });
});

describe('charset helpers', () => {
  it('reads the charset of a Content-Type header and a page', () => {
    expect(charsetOfContentType('text/html; charset="Shift_JIS"')).toBe('Shift_JIS');
    expect(charsetOfContentType('text/html')).toBeNull();
    expect(metaCharset(Buffer.from("<head><meta charset='koi8-r'></head>"))).toBe('koi8-r');
    expect(metaCharset(Buffer.from('<head><meta name="x" content="y"></head>'))).toBeNull();
  });

  it('maps labels the way the Encoding Standard does', () => {
    expect(canonicalCharset('ISO-8859-1')).toBe('windows-1252');
    expect(canonicalCharset('us-ascii')).toBe('windows-1252');
    expect(canonicalCharset('UTF8')).toBe('utf-8');
    expect(canonicalCharset('utf-16')).toBe('utf-8');
    expect(canonicalCharset('gb2312')).toBe('gbk');
    expect(canonicalCharset('koi8-r')).toBe('koi8-r');
    expect(canonicalCharset('x-unknown-thing')).toBeNull();
  });
});
