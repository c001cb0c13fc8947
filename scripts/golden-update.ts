// Rewrites every golden file from its fixture (see test/golden-cases.ts). Review the diff like code.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GOLDEN_CASES, renderGolden } from '../test/golden-cases.js';

for (const c of GOLDEN_CASES) {
  mkdirSync(path.dirname(c.output), { recursive: true });
  writeFileSync(c.output, await renderGolden(c));
  process.stdout.write(`wrote ${c.output}\n`);
}
