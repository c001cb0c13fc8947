import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GOLDEN_CASES, renderGolden } from './golden-cases.js';

describe('golden files (regenerate with npm run golden:update, then review the diff)', () => {
  for (const c of GOLDEN_CASES) {
    it(`${c.input} → ${c.output}`, async () => {
      expect(await renderGolden(c)).toBe(readFileSync(c.output, 'utf8'));
    });
  }
});
