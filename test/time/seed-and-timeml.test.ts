// The timex recogniser on shared gold data: the seed article's expected timexes and the TimeBank/AQUAINT
// figures, as regression floors. Skipped where the shared data is not checked out.

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateTimex } from '../../src/eval/timex.js';
import { findTimexes } from '../../src/time/timex.js';

const SEED = '../shared/seed';
const TBAQ = '../shared/eval/timeml/TBAQ-cleaned';

describe.skipIf(!existsSync(`${SEED}/expected.json`))('seed article timexes', () => {
  const expected = JSON.parse(readFileSync(`${SEED}/expected.json`, 'utf8')) as {
    article: string;
    publishedDate: string;
    timexes: { text: string; value: string }[];
  };
  const text = readFileSync(`${SEED}/${expected.article}`, 'utf8');
  const found = findTimexes(text, expected.publishedDate);

  for (const e of expected.timexes) {
    it(`resolves "${e.text}" to ${e.value}`, () => {
      const t = found.find((x) => x.text.toLowerCase().includes(e.text.toLowerCase()));
      expect(t?.value).toBe(e.value);
    });
  }
});

describe.skipIf(!existsSync(TBAQ))('TimeBank and AQUAINT', () => {
  it('keeps detection and value accuracy above their floors', () => {
    const { metrics } = evaluateTimex(TBAQ);
    expect(metrics.detectionF1).toBeGreaterThanOrEqual(0.93);
    expect(metrics.valueAccuracy).toBeGreaterThanOrEqual(0.875);
  });
});
