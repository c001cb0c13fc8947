// Bytes → normalised text: rejects binary and empty input, strips a BOM, decodes UTF-8, UTF-16 and legacy
// single-byte encodings (windows-1252 and friends, found by detection), then fixes line endings and Unicode
// form (NFC) so that offsets taken later are stable.

import chardet from 'chardet';
import iconv from 'iconv-lite';
import { DyadError } from '../../errors.js';

export interface Decoded {
  text: string;
  encoding: string;
  /** Set when the encoding had to be guessed. */
  detected: boolean;
}

export interface DecodeOptions {
  origin?: string;
  /** Force an encoding instead of detecting one. */
  encoding?: string;
}

const SAMPLE = 8192;

export function decode(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  const where = options.origin ? { origin: options.origin } : {};
  if (bytes.length === 0) throw new DyadError('DYAD_E_EMPTY', 'the input is empty', where);

  const bom = bomOf(bytes);
  if (options.encoding) {
    if (!iconv.encodingExists(options.encoding)) {
      throw new DyadError('DYAD_E_USAGE', `unknown encoding "${options.encoding}"`, where);
    }
    return finish(iconv.decode(Buffer.from(bytes), options.encoding), options.encoding, false, where);
  }
  if (bom) {
    const body = Buffer.from(bytes.subarray(bom.length));
    const text = bom.encoding === 'utf-8' ? utf8(body, where) : iconv.decode(body, bom.encoding);
    return finish(text, bom.encoding, false, where);
  }
  if (looksBinary(bytes)) throw new DyadError('DYAD_E_BINARY', 'the input is binary, not text', where);

  const strict = tryUtf8(bytes);
  if (strict !== null) return finish(strict, 'utf-8', false, where);

  // Not valid UTF-8. If it has well-formed multi-byte UTF-8 sequences too, it is UTF-8 that got damaged:
  // guessing another encoding would turn the good part into mojibake, so it is an error.
  if (hasUtf8Multibyte(bytes)) {
    throw new DyadError(
      'DYAD_E_ENCODING',
      `invalid UTF-8 at byte ${firstInvalidUtf8(bytes)}; pass --encoding to read it as another encoding`,
      where,
    );
  }
  const guess = chardet.detect(bytes.subarray(0, 64 * 1024));
  const encoding = legacyEncoding(guess);
  return finish(iconv.decode(Buffer.from(bytes), encoding), encoding, true, where);
}

function finish(raw: string, encoding: string, detected: boolean, where: { origin?: string }): Decoded {
  const text = normalizeText(raw.replace(/^\uFEFF/, ''));
  if (text.trim().length === 0) throw new DyadError('DYAD_E_EMPTY', 'the input holds no text', where);
  return { text, encoding, detected };
}

/** Line endings to \n, Unicode to NFC, stray control characters removed (tabs and newlines kept). */
export function normalizeText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      .normalize('NFC')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
  );
}

function bomOf(bytes: Uint8Array): { length: number; encoding: string } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { length: 3, encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { length: 2, encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { length: 2, encoding: 'utf-16be' };
  return null;
}

/** NUL bytes or many control bytes in the first few kilobytes mark a binary file. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SAMPLE);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control / n > 0.1;
}

const fatalDecoder = new TextDecoder('utf-8', { fatal: true });

function tryUtf8(bytes: Uint8Array): string | null {
  try {
    return fatalDecoder.decode(bytes);
  } catch {
    return null;
  }
}

function utf8(bytes: Uint8Array, where: { origin?: string }): string {
  const text = tryUtf8(bytes);
  if (text === null) {
    throw new DyadError('DYAD_E_ENCODING', `invalid UTF-8 at byte ${firstInvalidUtf8(bytes)}`, where);
  }
  return text;
}

/** Length of a well-formed UTF-8 multi-byte sequence starting at i, or 0. */
function utf8SequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i] as number;
  const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
  if (need === 0 || i + need >= bytes.length) return 0;
  for (let k = 1; k <= need; k++) {
    const c = bytes[i + k];
    if (c === undefined || (c & 0xc0) !== 0x80) return 0;
  }
  return need + 1;
}

function hasUtf8Multibyte(bytes: Uint8Array): boolean {
  let found = 0;
  for (let i = 0; i < bytes.length; i++) {
    if ((bytes[i] as number) < 0x80) continue;
    const len = utf8SequenceAt(bytes, i);
    if (len > 0) {
      found++;
      i += len - 1;
    }
  }
  return found > 0;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) {
    if ((bytes[i] as number) < 0x80) continue;
    const len = utf8SequenceAt(bytes, i);
    if (len === 0) return i;
    i += len - 1;
  }
  return -1;
}

/** Maps a detector's guess to an encoding iconv can decode; Latin text defaults to windows-1252. */
function legacyEncoding(guess: string | null): string {
  if (!guess) return 'windows-1252';
  const name = guess.toLowerCase();
  // ISO-8859-1 detections are nearly always windows-1252 in practice (curly quotes live in 0x80–0x9F).
  if (name === 'iso-8859-1' || name === 'ascii' || name === 'utf-8') return 'windows-1252';
  return iconv.encodingExists(name) ? name : 'windows-1252';
}
