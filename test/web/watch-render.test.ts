// What `dyad watch` shows: on a terminal one line per feed redrawn in place plus a status line; off a terminal,
// log lines. The terminal output is replayed through a tiny screen model to see what a person would see.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPipeline } from '../../src/annotate.js';
import { liveRenderer, logRenderer } from '../../src/cli/commands/watch.js';
import { parseInterval, runWatch, type WatchEvent } from '../../src/jobs/watch-job.js';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';
import type { TestServer } from './server.js';
import { FEEDS, startNewsSite } from './site.js';

/** Applies what the renderer wrote: "ESC[nA" moves up, "ESC[2K" clears the line, "\n" ends it. */
function screen(output: string): string[] {
  const lines: string[] = [];
  let row = 0;
  const esc = String.fromCharCode(27);
  const re = new RegExp(`${esc}\\[(\\d+)A|${esc}\\[2K|\n|[^${esc}\n]+`, 'g');
  for (let m = re.exec(output); m; m = re.exec(output)) {
    if (m[1]) row = Math.max(0, row - Number(m[1]));
    else if (m[0] === `${esc}[2K`) lines[row] = '';
    else if (m[0] === '\n') row++;
    else lines[row] = (lines[row] ?? '') + m[0];
  }
  return lines;
}

let server: TestServer | undefined;
let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  await server?.close();
});

async function watch(onEvent: (e: WatchEvent) => void): Promise<void> {
  server = await startNewsSite();
  store = await openStore(path.join(mkdtempSync(path.join(tmpdir(), 'dyad-render-')), 'dyad.db'));
  await runWatch(
    FEEDS.map((f) => `${server!.url}/feeds/${f}`),
    {
      store,
      pipeline: createPipeline({}, ['segment']),
      everyMs: 60_000,
      once: true,
      fetch: { minDelayMs: 0 },
      onEvent,
    },
  );
}

describe('watch output', () => {
  it('keeps one live line per feed and a status line on a terminal', async () => {
    let written = '';
    const terminal = {
      columns: 200,
      write: (s: string) => {
        written += s;
        return true;
      },
    };
    await watch(liveRenderer(terminal as never));
    const shown = screen(written);
    expect(shown).toHaveLength(5);
    expect(shown[0]).toMatch(
      /^\d\d:\d\d:\d\d Harbour Desk: Wire: 3 new \(stored 3, duplicates 0, failed 0\)$/,
    );
    expect(shown[1]).toMatch(/Harbour Desk: World: 4 new \(stored 3, duplicates 1, failed 0\)$/);
    expect(shown[2]).toMatch(/Harbour Desk: Regional: 1 new \(stored 0, duplicates 1, failed 0\)$/);
    expect(shown[3]).toMatch(/Harbour Desk: Briefing: 3 new \(stored 3, duplicates 0, failed 0\)$/);
    expect(shown[4]).toMatch(/cycle 1: stored 9, duplicates 2, failed 0$/);
    // Redrawn in place while it worked, not appended.
    expect(written.split('\x1b[').length).toBeGreaterThan(20);
  });

  it('writes log lines off a terminal', async () => {
    const lines: string[] = [];
    await watch(logRenderer((l) => lines.push(l)));
    expect(lines[0]).toMatch(/cycle 1: polling 4 feeds$/);
    expect(lines.filter((l) => / \d+ new \(stored/.test(l))).toHaveLength(4);
    expect(lines.at(-1)).toMatch(/cycle 1 done in [\d.]+s: 11 new, stored 9, duplicates 2, failed 0$/);
  });
});

describe('parseInterval', () => {
  it('reads units and refuses nonsense and sub-second polling', () => {
    expect(parseInterval('15m')).toBe(900_000);
    expect(parseInterval('90s')).toBe(90_000);
    expect(parseInterval('1h')).toBe(3_600_000);
    expect(parseInterval('30')).toBe(30_000);
    expect(() => parseInterval('often')).toThrow(expect.objectContaining({ code: 'DYAD_E_USAGE' }));
    expect(() => parseInterval('200ms')).toThrow(expect.objectContaining({ code: 'DYAD_E_USAGE' }));
  });
});
