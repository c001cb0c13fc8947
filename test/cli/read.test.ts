import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dyad } from './run-cli.js';

const SEED = path.resolve('../shared/seed/nato-middle-east.txt');
const expected = JSON.parse(readFileSync(path.resolve('../shared/seed/expected.json'), 'utf8'));

describe('dyad analyze', () => {
  it('gives the seed meta of expected.json', () => {
    const r = dyad(['analyze', SEED, '--date', '2020-01-08', '--json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    const e = expected.meta;
    expect(doc.meta).toMatchObject({
      title: e.title,
      authors: e.authors,
      site: e.site,
      url: e.url,
      standfirst: e.standfirst,
      dateline: e.dateline,
      truncated: e.truncated,
      published: '2020-01-08',
      dateSource: 'option',
    });
    expect(doc.text.startsWith(e.bodyStartsWith)).toBe(true);
    expect(doc.text.endsWith(e.bodyEndsWith)).toBe(true);
    for (const bad of e.bodyMustNotContain) expect(doc.text).not.toContain(bad);
    const headings = doc.paragraphs.filter((p: { kind: string }) => p.kind === 'heading');
    expect(headings.map((p: { start: number; end: number }) => doc.text.slice(p.start, p.end))).toEqual(
      e.subheadings,
    );
    for (const key of ['sentences', 'actors', 'events', 'quotes', 'timexes', 'places', 'messages']) {
      expect(Array.isArray(doc[key])).toBe(true);
    }
    expect(doc.sentences.length).toBeGreaterThan(10);
    expect(doc.tokens).toBeUndefined();
    const withTokens = JSON.parse(
      dyad(['analyze', SEED, '--date', '2020-01-08', '--json', '--tokens']).stdout,
    );
    expect(withTokens.tokens[0]).toEqual({ start: 0, end: 4, pos: expect.any(String) });
  });

  it('prints a readable view and refuses a bad --date with exit 2', () => {
    const r = dyad(['analyze', SEED, '--date', '2020-01-08']);
    expect(r.stdout).toMatch(/^Is NATO About to Become/);
    expect(r.stdout).toMatch(/dateline\s+Brussels, Belgium/);
    expect(r.stdout).toContain('## ‘Unpredictable’');
    const bad = dyad(['analyze', SEED, '--date', 'soon']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/DYAD_E_DATE/);
  });

  it('says so when the file does not exist (exit 4)', () => {
    const r = dyad(['analyze', '/nonexistent/story.txt']);
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/DYAD_E_NOT_FOUND: \/nonexistent\/story.txt/);
  });
});

describe('articles, show, search', () => {
  it('lists, shows and finds stored articles', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dyad-read-'));
    const db = path.join(dir, 'dyad.db');
    writeFileSync(
      path.join(dir, 'a.txt'),
      'Grain Deal Extended\n\n17 May 2023\n\nThe two sides extended the grain corridor deal.',
    );
    writeFileSync(
      path.join(dir, 'b.txt'),
      'Election Called\n\nUpdated: 22 May 2024\n\nThe prime minister called an early election.',
    );
    expect(dyad(['ingest', dir, '--db', db]).status).toBe(0);

    const table = dyad(['articles', '--db', db]);
    expect(table.stdout.split('\n')[0]).toMatch(/^id\s+published\s+site\s+title/);
    expect(table.stdout).toMatch(/2 of 2 articles/);
    expect(table.stdout.indexOf('Election Called')).toBeLessThan(table.stdout.indexOf('Grain Deal Extended'));

    const hits = JSON.parse(dyad(['search', 'grain corridor', '--db', db, '--json']).stdout);
    expect(hits).toHaveLength(1);
    expect(hits[0].title).toBe('Grain Deal Extended');

    const shown = dyad(['show', String(hits[0].id), '--db', db]);
    expect(shown.stdout).toMatch(/^Grain Deal Extended/);
    expect(shown.stdout).toMatch(/published\s+2023-05-17 \(text\)/);
    const missing = dyad(['show', '999', '--db', db]);
    expect(missing.status).toBe(4);
    expect(missing.stderr).toMatch(/DYAD_E_NOT_FOUND/);
    expect(dyad(['show', 'abc', '--db', db]).status).toBe(2);
  });

  it('has help on every command', () => {
    for (const cmd of ['ingest', 'analyze', 'articles', 'show', 'search', 'eval', 'start']) {
      const r = dyad([cmd, '--help']);
      expect(r.status, cmd).toBe(0);
      expect(r.stdout).toMatch(/^Usage: dyad /);
    }
  });
});

describe('dyad eval', () => {
  it('prints the eval contract as JSON for the seed', () => {
    const r = dyad(['eval', 'seed', '--data', '../shared/seed', '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).sort()).toEqual(['data', 'metrics', 'n', 'seconds', 'task']);
    expect(out.task).toBe('seed');
    expect(out.metrics.meta).toMatchObject({ must: 1 });
  });

  it('refuses an unknown task with exit 2', () => {
    const r = dyad(['eval', 'astrology']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown eval task/);
  });
});
