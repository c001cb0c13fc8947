// Bytes → HTML text. The character set comes from, in order: a forced option, a byte-order mark, the HTTP
// Content-Type header, the page's own <meta charset>/http-equiv, then detection. (The extracted text is then
// normalised, NFC and line endings, by the extractor, like every other input's.)

import chardet from 'chardet';
import iconv from 'iconv-lite';
import { DyadError } from '../../errors.js';

export type CharsetSource = 'option' | 'bom' | 'header' | 'meta' | 'utf-8' | 'detected';

export interface HtmlDecoded {
  html: string;
  encoding: string;
  source: CharsetSource;
}

export interface HtmlDecodeOptions {
  /** The HTTP Content-Type header, e.g. "text/html; charset=ISO-8859-1". */
  contentType?: string;
  /** Force an encoding. */
  encoding?: string;
  origin?: string;
}

/** How far into the page to look for a <meta> charset; long <head>s put it past the 1 KB of the HTML spec. */
const PRESCAN = 16 * 1024;

export function decodeHtml(bytes: Uint8Array, options: HtmlDecodeOptions = {}): HtmlDecoded {
  const where = options.origin ? { origin: options.origin } : {};
  if (bytes.length === 0) throw new DyadError('DYAD_E_EMPTY', 'the input is empty', where);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (options.encoding) {
    if (!iconv.encodingExists(options.encoding)) {
      throw new DyadError('DYAD_E_USAGE', `unknown encoding "${options.encoding}"`, where);
    }
    return done(iconv.decode(buf, options.encoding), options.encoding, 'option');
  }
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    return done(utf8(buf.subarray(3)), 'utf-8', 'bom');
  if (buf[0] === 0xff && buf[1] === 0xfe)
    return done(iconv.decode(buf.subarray(2), 'utf-16le'), 'utf-16le', 'bom');
  if (buf[0] === 0xfe && buf[1] === 0xff)
    return done(iconv.decode(buf.subarray(2), 'utf-16be'), 'utf-16be', 'bom');

  const strict = strictUtf8(buf);
  const declared = [
    {
      charset: options.contentType ? charsetOfContentType(options.contentType) : null,
      source: 'header' as const,
    },
    { charset: metaCharset(buf), source: 'meta' as const },
  ];
  for (const { charset, source } of declared) {
    const encoding = charset ? canonicalCharset(charset) : null;
    if (!encoding) continue;
    // A page declared in a single-byte charset whose bytes are valid UTF-8 with non-ASCII in them is UTF-8:
    // such a byte sequence almost never arises by chance, and the mislabel is common on old servers.
    if (encoding !== 'utf-8' && strict !== null && strict.nonAscii)
      return done(strict.text, 'utf-8', 'utf-8');
    return done(
      encoding === 'utf-8' ? (strict?.text ?? utf8(buf)) : iconv.decode(buf, encoding),
      encoding,
      source,
    );
  }
  if (strict !== null) return done(strict.text, 'utf-8', 'utf-8');
  // Not valid UTF-8, so a detector's "UTF-8" is wrong; Latin text then is nearly always windows-1252.
  const guess = chardet.detect(buf.subarray(0, 64 * 1024));
  const guessed = (guess && canonicalCharset(guess)) || 'windows-1252';
  const encoding = guessed === 'utf-8' ? 'windows-1252' : guessed;
  return done(iconv.decode(buf, encoding), encoding, 'detected');
}

function done(raw: string, encoding: string, source: CharsetSource): HtmlDecoded {
  // The markup is left as it is (normalising all of it costs more than the text it holds); extraction
  // normalises the text it takes out.
  return { html: raw.replace(/^\uFEFF/, ''), encoding, source };
}

const fatal = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

function utf8(buf: Uint8Array): string {
  return lenient.decode(buf);
}

function strictUtf8(buf: Uint8Array): { text: string; nonAscii: boolean } | null {
  let nonAscii = false;
  for (let i = 0; i < buf.length; i++) {
    if ((buf[i] as number) >= 0x80) {
      nonAscii = true;
      break;
    }
  }
  if (!nonAscii) return { text: buf.length ? latin(buf) : '', nonAscii };
  try {
    return { text: fatal.decode(buf), nonAscii };
  } catch {
    return null;
  }
}

function latin(buf: Uint8Array): string {
  return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('latin1');
}

export function charsetOfContentType(contentType: string): string | null {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType);
  return m ? (m[1] ?? null) : null;
}

/** The charset a page declares in <meta charset> or <meta http-equiv="Content-Type" content="…charset=…">. */
export function metaCharset(bytes: Uint8Array): string | null {
  const head = latin(bytes.subarray(0, PRESCAN));
  const re = /<meta\b[^>]*>/gi;
  for (let m = re.exec(head); m; m = re.exec(head)) {
    const tag = m[0];
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct?.[1]) return direct[1];
  }
  return null;
}

/**
 * A declared charset → the encoding to decode with, following the WHATWG Encoding Standard's aliases where it
 * matters (Latin-1 and ASCII labels mean windows-1252; UTF-16 labels on an ASCII-compatible page mean UTF-8).
 */
export function canonicalCharset(label: string): string | null {
  const name = label.trim().toLowerCase();
  if (/^(?:utf-?8|unicode-1-1-utf-8|utf-16(?:le|be)?|unicode)$/.test(name)) return 'utf-8';
  if (
    /^(?:iso[-_]?8859-1|latin-?1|l1|us-ascii|ascii|ansi_x3\.4-1968|cp1252|windows-1252|x-cp1252)$/.test(name)
  ) {
    return 'windows-1252';
  }
  if (/^(?:iso[-_]?8859-9|latin-?5)$/.test(name)) return 'windows-1254';
  if (/^(?:gb2312|gbk|x-gbk|gb_2312-80)$/.test(name)) return 'gbk';
  if (/^(?:tis-620|iso-8859-11)$/.test(name)) return 'windows-874';
  if (/^(?:ks_c_5601-1987|euc-kr)$/.test(name)) return 'euc-kr';
  return iconv.encodingExists(name) ? name : null;
}
