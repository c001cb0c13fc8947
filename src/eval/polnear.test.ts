import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAnn, readPolnear } from './polnear.js';

const TEXT = '“The bridge opens in May,” the mayor said. "It is late," she added.\n';

// A brat file written for this test: two attributions, the second with a discontinuous content and no source line
// of its own (it shares the first one's), plus an annotator note and a stray line.
const ANN = [
  'T1\tSource 27 36\tthe mayor',
  'T2\tCue 37 41\tsaid',
  'T3\tContent 0 26\t“The bridge opens in May,”',
  'T4\tAttribution 37 41\tsaid',
  'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
  'T5\tCue 61 66\tadded',
  'T6\tContent 43 49;50 55\t"It is late,"',
  'T7\tAttribution 61 66\tadded',
  'E2\tAttribution:T7 Cue:T5 Source:T1 Content:T6',
  '#1\tAnnotatorNotes T6\tcheck',
  'a stray line',
  '',
].join('\n');

describe('parseAnn', () => {
  it('ties Source, Cue and Content spans together by their E lines', () => {
    const [a, b] = parseAnn(ANN, TEXT);
    expect(a).toEqual({
      id: 'E1',
      source: [{ start: 27, end: 36 }],
      cue: [{ start: 37, end: 41 }],
      content: [{ start: 0, end: 26 }],
    });
    expect(b?.content).toEqual([
      { start: 43, end: 49 },
      { start: 50, end: 55 },
    ]);
    expect(b?.source).toEqual([{ start: 27, end: 36 }]);
  });

  it('leaves the source null when an attribution has none', () => {
    const [a] = parseAnn(
      'T1\tCue 5 9\tsaid\nT2\tContent 10 20\tx\nE1\tAttribution-no-source:T1 Cue:T1 Content:T2\n',
    );
    expect(a?.source).toBeNull();
  });

  it('turns code-point offsets into string offsets past astral characters', () => {
    const text = '🙂 “Yes,” he said.';
    const [a] = parseAnn('T1\tContent 2 8\t“Yes,”\nE1\tAttribution:T1 Content:T1\n', text);
    expect(text.slice(a?.content[0]?.start, a?.content[0]?.end)).toBe('“Yes,”');
  });
});

describe('readPolnear', () => {
  it('reads a split, one annotation file per text', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'polnear-'));
    mkdirSync(path.join(dir, 'text'));
    mkdirSync(path.join(dir, 'attributions'));
    writeFileSync(path.join(dir, 'text', 'paper_2016-01-01_bridge.txt'), TEXT);
    writeFileSync(path.join(dir, 'attributions', 'paper_2016-01-01_bridge_4b22.ann'), ANN);
    writeFileSync(path.join(dir, 'attributions', 'paper_2016-01-01_bridge_ef2d.ann'), '');
    const docs = readPolnear(dir);
    expect(docs).toHaveLength(1);
    expect(docs[0]?.annotator).toBe('4b22');
    expect(docs[0]?.attributions).toHaveLength(2);
  });

  it('says when a folder is not a PolNeAR split', () => {
    expect(() => readPolnear(tmpdir())).toThrow(/DYAD_E_EVAL_DATA|not a PolNeAR split/);
  });
});
