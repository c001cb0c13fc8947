import { describe, expect, it } from 'vitest';
import { decode, normalizeText } from './decode.js';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('decode', () => {
  it('reads UTF-8 and strips a BOM', () => {
    expect(decode(bytes([0xef, 0xbb, 0xbf], 'Kyiv said')).text).toBe('Kyiv said');
  });

  it('decodes windows-1252 instead of producing mojibake', () => {
    // “Déjà vu” – in windows-1252
    const d = decode(bytes([0x93], 'D', [0xe9], 'j', [0xe0], ' vu', [0x94], ' ', [0x96], ' said the envoy.'));
    expect(d.text).toBe('“Déjà vu” – said the envoy.');
    expect(d.encoding).toBe('windows-1252');
    expect(d.detected).toBe(true);
  });

  it('decodes UTF-16 with a BOM', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Ankara replied', 'utf16le')]);
    expect(decode(utf16).text).toBe('Ankara replied');
  });

  it('refuses damaged UTF-8 with a coded error naming the byte', () => {
    const damaged = bytes('Zürich talks ', [0xc3], ' broke down');
    expect(() => decode(damaged, { origin: 'x.txt' })).toThrow(/invalid UTF-8 at byte 14/);
    try {
      decode(damaged, { origin: 'x.txt' });
    } catch (e) {
      expect(e).toMatchObject({ code: 'DYAD_E_ENCODING', origin: 'x.txt' });
    }
  });

  it('refuses binary and empty input', () => {
    expect(() => decode(bytes([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]))).toThrowError(
      expect.objectContaining({ code: 'DYAD_E_BINARY' }),
    );
    expect(() => decode(new Uint8Array())).toThrowError(expect.objectContaining({ code: 'DYAD_E_EMPTY' }));
    expect(() => decode(bytes(' \n\t\n'))).toThrowError(expect.objectContaining({ code: 'DYAD_E_EMPTY' }));
  });

  it('honours a forced encoding', () => {
    expect(decode(bytes([0xe9, 0x74, 0xe9]), { encoding: 'latin1' }).text).toBe('été');
  });
});

describe('normalizeText', () => {
  it('normalises line endings and Unicode form before offsets are fixed', () => {
    expect(normalizeText('a\r\nb\rc')).toBe('a\nb\nc');
    expect(normalizeText('Cafe\u0301')).toBe('Café');
    expect(normalizeText('Café').length).toBe(4);
  });
});
