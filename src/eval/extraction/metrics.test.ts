import { describe, expect, it } from 'vitest';
import {
  authorSet,
  meanTokenPRF,
  sameAuthors,
  sameDay,
  sameTitle,
  shingleCounts,
  shinglePRF,
  snippetCounts,
  snippetPRF,
  tokenPRF,
  words,
} from './metrics.js';

describe('words', () => {
  it("splits like Python's \\w+ in Unicode mode", () => {
    expect(words('Größe: 1,8 Mio. € – naïve_case')).toEqual(['Größe', '1', '8', 'Mio', 'naïve_case']);
  });
});

describe('token F1', () => {
  it('counts the multiset overlap of lower-cased tokens', () => {
    // gold: a b b c (4); predicted: A b d (3); overlap a, b = 2
    const r = tokenPRF('a b b c', 'A b d');
    expect(r.precision).toBeCloseTo(2 / 3);
    expect(r.recall).toBeCloseTo(2 / 4);
    expect(r.f1).toBeCloseTo((2 * (2 / 3) * 0.5) / (2 / 3 + 0.5));
  });

  it('scores an empty prediction 0 and two empty texts 1', () => {
    expect(tokenPRF('some text', '').f1).toBe(0);
    expect(tokenPRF('', '').f1).toBe(1);
  });

  it('averages over pages', () => {
    const mean = meanTokenPRF([tokenPRF('a b', 'a b'), tokenPRF('a b', 'c d')]);
    expect(mean.f1).toBeCloseTo(0.5);
  });
});

describe('shingle F1 (scrapinghub)', () => {
  it("normalises one page's TP/FP/FN to sum 1", () => {
    // gold shingles: "a b c d", "b c d e"; predicted: "a b c d", "b c d f"
    const [tp, fp, fn] = shingleCounts('a b c d e', 'a b c d f');
    expect(tp).toBeCloseTo(1 / 3);
    expect(fp).toBeCloseTo(1 / 3);
    expect(fn).toBeCloseTo(1 / 3);
  });

  it('keeps case, unlike token F1', () => {
    expect(shingleCounts('A b c d', 'a b c d')[0]).toBe(0);
  });

  it('treats a text shorter than four tokens as one shingle', () => {
    expect(shingleCounts('a b', 'a b')).toEqual([1, 0, 0]);
  });

  it('leaves an empty prediction out of the mean precision but counts it in the mean recall', () => {
    const perfect = shingleCounts('a b c d e', 'a b c d e');
    const empty = shingleCounts('a b c d e', '');
    expect(empty).toEqual([0, 0, 1]);
    const r = shinglePRF([perfect, empty]);
    expect(r.precision).toBe(1);
    expect(r.recall).toBe(0.5);
    expect(r.f1).toBeCloseTo(2 / 3);
  });
});

describe('snippet F1 (trafilatura)', () => {
  it('finds snippets case-insensitively across white space', () => {
    const c = snippetCounts('The  Minister said\nhello. Cookie notice.', {
      with: ['the minister said hello', 'missing part'],
      without: ['cookie NOTICE', 'footer'],
    });
    expect(c).toEqual({ tp: 1, fp: 1, fn: 1, tn: 1 });
  });

  it('pools counts over all pages', () => {
    const r = snippetPRF([
      { tp: 3, fp: 1, fn: 0, tn: 2 },
      { tp: 1, fp: 0, fn: 2, tn: 1 },
    ]);
    expect(r.precision).toBeCloseTo(4 / 5);
    expect(r.recall).toBeCloseTo(4 / 6);
  });
});

describe('metadata comparisons', () => {
  it('compares titles after folding case, quotes and dashes', () => {
    expect(sameTitle('„Wir dekorieren um“ – sagt er', '"wir dekorieren um" - sagt er')).toBe(true);
    expect(sameTitle('A title', null)).toBe(false);
    expect(sameTitle('A title', 'A title | Site')).toBe(false);
  });

  it('compares authors as sets of names whatever the separators', () => {
    expect(sameAuthors(['Benjamin Fischer und Marcus Theurer'], ['Marcus Theurer', 'Benjamin Fischer'])).toBe(
      true,
    );
    expect(sameAuthors(['Von Roland Brockmann'], ['Roland Brockmann'])).toBe(true);
    expect(sameAuthors(['A. Writer'], ['A. Writer', 'B. Other'])).toBe(false);
    expect([...authorSet(['Jane Doe; John Roe'])]).toEqual(['jane doe', 'john roe']);
  });

  it('compares dates on the calendar day', () => {
    expect(sameDay('2020-01-08', '2020-01-08T23:10:00.000Z')).toBe(true);
    expect(sameDay('2020-01-08', '2020-01-09')).toBe(false);
    expect(sameDay('2020-01-08', null)).toBe(false);
  });
});
