import { describe, expect, it } from 'vitest';
import { caseClassOf, caseFits, caseRuleOf, phraseWords, splitToken, wordKey } from './phrase.js';

describe('phraseWords', () => {
  it('splits names the way documents are split', () => {
    expect(phraseWords('Washington, D.C.')).toEqual(['Washington', ',', 'D.C.']);
    expect(phraseWords('secretary-general')).toEqual(['secretary', '-', 'general']);
    expect(phraseWords("People's Republic of China")).toEqual(['People', "'s", 'Republic', 'of', 'China']);
    expect(phraseWords("Kurdistan Workers' Party")).toEqual(['Kurdistan', 'Workers', "'", 'Party']);
    expect(phraseWords("Côte d'Ivoire")).toEqual(['Côte', "d'Ivoire"]);
    expect(phraseWords('  the  Kremlin ')).toEqual(['the', 'Kremlin']);
  });
});

describe('splitToken', () => {
  const split = (s: string) => {
    const out: string[] = [];
    splitToken(s, 0, s.length, (a, b) => out.push(s.slice(a, b)));
    return out;
  };
  it('splits a possessive and inner hyphens, and nothing else', () => {
    expect(split('Iran’s')).toEqual(['Iran', '’s']);
    expect(split('non-combat')).toEqual(['non', '-', 'combat']);
    expect(split('U.S.')).toEqual(['U.S.']);
    expect(split('Hay’at')).toEqual(['Hay’at']);
    expect(split('-led')).toEqual(['-led']);
  });
});

describe('keys and case', () => {
  it('folds case, curly apostrophes and Unicode hyphens', () => {
    expect(wordKey('NATO’S')).toBe("nato's");
    expect(wordKey('Al‐Qaeda')).toBe('al-qaeda');
  });

  it('asks acronyms for capitals, names for a capital letter, small words for nothing', () => {
    expect(caseRuleOf('US')).toBe('u');
    expect(caseRuleOf('U.S.')).toBe('u');
    expect(caseRuleOf('Turkey')).toBe('c');
    expect(caseRuleOf('of')).toBe('a');
    expect(caseFits('u', caseClassOf('us'))).toBe(false);
    expect(caseFits('u', caseClassOf('US'))).toBe(true);
    expect(caseFits('c', caseClassOf('turkey'))).toBe(false);
    expect(caseFits('c', caseClassOf('TURKEY'))).toBe(true);
    expect(caseFits('a', caseClassOf('Alliance'))).toBe(true);
  });
});
