// Golden pages: each HTML page under test/html/fixtures/ goes through ingest (decoding, extraction, metadata)
// and must give the Doc JSON stored under test/html/golden/. To regenerate after a deliberate change, run
// `DYAD_GOLDEN_UPDATE=1 npx vitest run test/html/golden.test.ts` and review the diff like code.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseInput } from '../../src/ingest/parse.js';
import { readEntry } from '../../src/ingest/sources.js';

const FIXTURES = 'test/html/fixtures';
const GOLDEN = 'test/html/golden';

async function renderPage(file: string): Promise<string> {
  const item = await readEntry({ path: path.join(FIXTURES, file) });
  if ('error' in item) throw item.error;
  const docs = parseInput(item.input).map((p) =>
    p.doc ? p.doc.toJSON() : { error: p.error?.toJSON() ?? null },
  );
  return `${JSON.stringify(docs.length === 1 ? docs[0] : docs, null, 2)}\n`;
}

const pages = readdirSync(FIXTURES).filter((f) => f.endsWith('.html'));

describe('HTML golden pages', () => {
  it('has pages to check', () => {
    expect(pages.length).toBeGreaterThanOrEqual(4);
  });
  for (const page of pages) {
    const golden = path.join(GOLDEN, page.replace(/\.html$/, '.json'));
    it(`${page} → ${golden}`, async () => {
      const rendered = await renderPage(page);
      if (process.env.DYAD_GOLDEN_UPDATE) writeFileSync(golden, rendered);
      expect(rendered).toBe(readFileSync(golden, 'utf8'));
    });
  }
});
