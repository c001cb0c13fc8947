import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseInput } from '../parse.js';
import { looksLikeHtml, parseHtml } from './parse-html.js';

const article =
  '<p>The committee met on Monday and agreed to publish its findings before the summer recess, members said.</p>';

describe('looksLikeHtml', () => {
  it('recognises pages and fragments, after a BOM and white space', () => {
    expect(looksLikeHtml(Buffer.from('  \n<!DOCTYPE html><html></html>'))).toBe(true);
    expect(looksLikeHtml(Buffer.from('\ufeff<html lang="en">'))).toBe(true);
    expect(looksLikeHtml(Buffer.from('<p>Hello</p>'))).toBe(true);
    expect(looksLikeHtml(Buffer.from('Plain text that mentions <p> later'))).toBe(false);
    expect(looksLikeHtml(Buffer.from('<not-a-tag>'))).toBe(false);
    expect(looksLikeHtml(Buffer.from('{"json": true}'))).toBe(false);
  });
});

describe('parseHtml', () => {
  it('notes a detected encoding as an info message', () => {
    const bytes = iconv.encode(
      `<html><body>${article.replace('Monday', 'Montag für Bürger')}</body></html>`,
      'windows-1252',
    );
    const { draft, charsetSource } = parseHtml(bytes);
    expect(charsetSource).toBe('detected');
    expect(draft.paragraphs[0]?.text).toContain('für Bürger');
    expect(draft.messages.some((m) => m.code === 'DYAD_I_ENCODING')).toBe(true);
  });
});

describe('ingest of HTML inputs', () => {
  const input = (bytes: Buffer, ext: string) => ({ origin: `page${ext}`, bytes, mtime: null, ext });

  it('reads .html and .htm files as pages', () => {
    for (const ext of ['.html', '.htm']) {
      const [item] = parseInput(input(Buffer.from(`<html><body>${article}</body></html>`), ext));
      expect(item?.doc?.meta.format).toBe('html');
      expect(item?.doc?.text).toMatch(/^The committee met/);
    }
  });

  it('sniffs HTML on standard input and in extension-less files', () => {
    const [item] = parseInput(
      input(Buffer.from(`\n<!doctype html><html><body>${article}</body></html>`), ''),
    );
    expect(item?.doc?.meta.format).toBe('html');
  });

  it('reports a page without article text as a coded error', () => {
    const [item] = parseInput(
      input(Buffer.from('<html><body><nav><a href="/">Home</a></nav></body></html>'), '.html'),
    );
    expect(item?.error?.code).toBe('DYAD_E_EMPTY');
  });
});
