import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURES } from './features.js';
import { decodeModel, encodeModel } from './model-file.js';
import { Tagger } from './tagger.js';
import { tagsToSpans } from './tags.js';
import { buildLexicon, seededRandom, type TrainingSentence, trainNer } from './train.js';

// A handful of sentences written for this test, in the BIO the trainer takes as spans.
const RAW = [
  'Maria|B-PER Lopez|I-PER visited|O Lisbon|B-LOC on|O Friday|O .|O',
  'The|O Harbour|B-ORG Bank|I-ORG opened|O an|O office|O in|O Lisbon|B-LOC .|O',
  'Peter|B-PER Hall|I-PER joined|O the|O Harbour|B-ORG Bank|I-ORG .|O',
  'Officials|O in|O Madrid|B-LOC praised|O Maria|B-PER Lopez|I-PER .|O',
  'Spanish|B-MISC banks|O followed|O the|O Harbour|B-ORG Bank|I-ORG .|O',
  'Peter|B-PER Hall|I-PER flew|O to|O Madrid|B-LOC .|O',
];
const sentences: TrainingSentence[] = RAW.map((line) => {
  const pairs = line.split(' ').map((p) => p.split('|') as [string, string]);
  return { words: pairs.map(([w]) => w), spans: tagsToSpans(pairs.map(([, t]) => t)) };
});

const options = {
  scheme: 'BILOU' as const,
  features: DEFAULT_FEATURES,
  gazetteer: { capital: ['Madrid', 'Lisbon'], person: ['Maria Lopez'] },
  lexiconMin: 1,
  epochs: 8,
  seed: 7,
  threshold: 0,
  quantum: 0.001,
};

describe('trainNer', () => {
  it('learns its training sentences', () => {
    const tagger = new Tagger(decodeModel(encodeModel(trainNer(sentences, options))));
    for (const s of sentences) expect(tagger.spans(s.words)).toEqual(s.spans);
  });

  it('is deterministic: the same data and options give the same bytes', () => {
    const a = encodeModel(trainNer(sentences, options));
    const b = encodeModel(trainNer(sentences, options));
    expect(Buffer.compare(a, b)).toBe(0);
    const c = encodeModel(trainNer(sentences, { ...options, seed: 8 }));
    expect(c.length).toBeGreaterThan(0);
  });

  it('drops weights under the pruning threshold', () => {
    const full = trainNer(sentences, options);
    const pruned = trainNer(sentences, { ...options, threshold: 0.5 });
    expect(pruned.keys.length).toBeLessThan(full.keys.length);
    for (const w of pruned.weights) expect(w === 0 || Math.abs(w) >= 0.5).toBe(true);
  });
});

describe('model file', () => {
  it('round-trips header, keys and (quantised) weights', () => {
    const model = trainNer(sentences, options);
    const back = decodeModel(encodeModel(model));
    expect(back.header).toEqual(model.header);
    expect([...back.keys]).toEqual([...model.keys]);
    for (let i = 0; i < model.weights.length; i++) {
      expect(back.weights[i]).toBeCloseTo(model.weights[i] as number, 2);
    }
  });

  it('rejects bytes that are not a model', () => {
    expect(() => decodeModel(Buffer.from('not gzip'))).toThrow();
  });
});

describe('helpers', () => {
  it('seededRandom repeats for a seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it('buildLexicon keeps lower-case words seen often enough', () => {
    const lex = buildLexicon(
      [{ words: ['The', 'bank', 'said', 'the', 'bank', 'Bank', 'NATO'] }, { words: ['bank'] }],
      2,
    );
    expect(lex).toEqual(['bank']);
  });
});
