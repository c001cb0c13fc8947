import { describe, expect, it } from 'vitest';
import { createToneAnalyzer, toneOf } from './tone.js';

const analyzer = createToneAnalyzer();

describe('tone', () => {
  it('is negative for a text about killing and war', () => {
    const t = toneOf(
      analyzer,
      'Bombs killed dozens and wounded hundreds in a brutal attack; the war worsened.',
    );
    expect(t.tone).toBeLessThan(0);
    expect(t.negative).toBeGreaterThan(t.positive);
  });

  it('is positive for a text about agreement and praise', () => {
    const t = toneOf(
      analyzer,
      'Leaders welcomed the peace agreement and praised the successful, friendly talks.',
    );
    expect(t.tone).toBeGreaterThan(0);
  });

  it('is GDELT’s percentage: (positive − negative) / words × 100', () => {
    const t = toneOf(analyzer, 'good bad bad table');
    expect(t).toEqual({ tone: -25, positive: 1, negative: 2, words: 4 });
  });

  it('is zero for a text without words', () => {
    expect(toneOf(analyzer, '— 42 —').tone).toBe(0);
  });
});
