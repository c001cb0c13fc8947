import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NerSpan } from '../nlp/ner/index.js';
import { evaluateNer, prf, scoreNer } from './ner.js';

const span = (start: number, end: number, type: NerSpan['type']): NerSpan => ({ start, end, type });

describe('scoreNer', () => {
  it('counts only exact span and type matches', () => {
    const score = scoreNer([
      {
        gold: [span(0, 2, 'PER'), span(3, 4, 'LOC'), span(5, 7, 'ORG')],
        // right; wrong type; right type but wrong end
        pred: [span(0, 2, 'PER'), span(3, 4, 'ORG'), span(5, 6, 'ORG')],
      },
      { gold: [span(1, 2, 'MISC')], pred: [span(1, 2, 'MISC'), span(3, 4, 'LOC')] },
    ]);
    expect(score.counts.all).toEqual({ correct: 2, predicted: 5, gold: 4 });
    expect(score.precision).toBeCloseTo(2 / 5);
    expect(score.recall).toBeCloseTo(2 / 4);
    expect(score.f1).toBeCloseTo((2 * 0.4 * 0.5) / 0.9);
    expect(score.perType.PER).toEqual({ precision: 1, recall: 1, f1: 1 });
    expect(score.counts.ORG).toEqual({ correct: 0, predicted: 2, gold: 1 });
    expect(score.perType.ORG).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(score.counts.LOC).toEqual({ correct: 0, predicted: 1, gold: 1 });
    expect(score.perType.MISC).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it('gives zeros, not NaN, when nothing is predicted or expected', () => {
    expect(prf({ correct: 0, predicted: 0, gold: 3 })).toEqual({ precision: 0, recall: 0, f1: 0 });
    expect(scoreNer([]).f1).toBe(0);
  });
});

describe('evaluateNer', () => {
  it('tags a CoNLL file with the committed model, scores it and writes conlleval input', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'dyad-ner-'));
    const data = path.join(dir, 'tiny.conll');
    const lines = [
      '-DOCSTART- -X- O O',
      '',
      ...'Angela I-PER|Merkel I-PER|visited O|Paris I-LOC|on O|Tuesday O|. O'.split('|'),
      '',
      ...'The O|United I-ORG|Nations I-ORG|met O|in O|Geneva I-LOC|. O'.split('|'),
      '',
    ].map((l) => (l.includes(' ') && !l.startsWith('-DOCSTART-') ? l.replace(' ', ' X X ') : l));
    writeFileSync(data, lines.join('\n'));
    const predictions = path.join(dir, 'pred.txt');
    const outcome = await evaluateNer({ data, predictions, options: {} });
    expect(outcome.n).toBe(2);
    const metrics = outcome.metrics as {
      f1: number;
      perType: Record<string, { f1: number }>;
      tokensPerSecond: number;
    };
    expect(metrics.f1).toBe(1);
    expect(metrics.perType.PER?.f1).toBe(1);
    expect(metrics.tokensPerSecond).toBeGreaterThan(0);
    const written = readFileSync(predictions, 'utf8').split('\n');
    expect(written.slice(0, 3)).toEqual(['Angela B-PER B-PER', 'Merkel I-PER I-PER', 'visited O O']);
    expect(written[7]).toBe('');
  });
});
