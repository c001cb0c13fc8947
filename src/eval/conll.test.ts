import { describe, expect, it } from 'vitest';
import { bioTags, formatPredictions, parseConll } from './conll.js';

const SAMPLE = [
  '-DOCSTART- -X- O O',
  '',
  'Acme NNP I-NP I-ORG',
  'hired VBD I-VP O',
  'Jo NNP I-NP I-PER',
  'Smith NNP I-NP I-PER',
  '. . O O',
  '',
  'Oslo NNP I-NP I-LOC',
  '',
  '-DOCSTART- -X- O O',
  '',
  'Dutch JJ I-NP I-MISC',
  'Swedish JJ I-NP B-MISC',
  'fans NNS I-NP O',
  '',
].join('\n');

describe('parseConll', () => {
  it('reads words and the last column, split into sentences and documents', () => {
    const sentences = parseConll(SAMPLE);
    expect(sentences.map((s) => s.words)).toEqual([
      ['Acme', 'hired', 'Jo', 'Smith', '.'],
      ['Oslo'],
      ['Dutch', 'Swedish', 'fans'],
    ]);
    expect(sentences[0]?.tags).toEqual(['I-ORG', 'O', 'I-PER', 'I-PER', 'O']);
    expect(sentences.map((s) => s.doc)).toEqual([0, 0, 1]);
    expect(sentences.map((s) => s.line)).toEqual([3, 9, 13]);
  });

  it('accepts a -DOCSTART- at the end, CRLF line ends and a missing final blank line', () => {
    const text = 'Paris NNP I-NP I-LOC\r\nwins VBZ I-VP O\r\n\r\n-DOCSTART- -X- O O\r\nRome NNP I-NP I-LOC';
    const sentences = parseConll(text);
    expect(sentences.map((s) => s.words)).toEqual([['Paris', 'wins'], ['Rome']]);
    expect(sentences.map((s) => s.doc)).toEqual([0, 1]);
  });

  it('reads two-column files (word tag)', () => {
    expect(parseConll('Bonn B-LOC\nsaid O\n')[0]?.tags).toEqual(['B-LOC', 'O']);
  });

  it('rejects a line with one column, with its line number', () => {
    expect(() => parseConll('Bonn I-LOC\nbroken\n', 'x.conll')).toThrow(
      expect.objectContaining({ code: 'DYAD_E_EVAL_DATA', origin: 'x.conll', line: 2 }),
    );
  });

  it('gives BIO tags for IOB1 input', () => {
    const sentences = parseConll(SAMPLE);
    expect(bioTags(sentences[0] as (typeof sentences)[number])).toEqual([
      'B-ORG',
      'O',
      'B-PER',
      'I-PER',
      'O',
    ]);
    expect(bioTags(sentences[2] as (typeof sentences)[number])).toEqual(['B-MISC', 'B-MISC', 'O']);
  });
});

describe('formatPredictions', () => {
  it('writes "word gold pred" lines with a blank line after each sentence', () => {
    const text = formatPredictions([
      { words: ['Jo', 'ran'], gold: ['B-PER', 'O'], pred: ['B-PER', 'O'] },
      { words: ['Oslo'], gold: ['B-LOC'], pred: ['B-ORG'] },
    ]);
    expect(text).toBe('Jo B-PER B-PER\nran O O\n\nOslo B-LOC B-ORG\n');
  });
});
