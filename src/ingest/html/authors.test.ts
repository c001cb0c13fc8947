import { describe, expect, it } from 'vitest';
import { bylineIn, bylineNames, cleanAuthors } from './authors.js';

describe('cleanAuthors', () => {
  it('strips lead words, roles, dates and contact details', () => {
    expect(cleanAuthors('By Jane Doe')).toEqual(['Jane Doe']);
    expect(cleanAuthors('Von Jana Köhler | 17.05.2022')).toEqual(['Jana Köhler']);
    expect(cleanAuthors('Written by: Ana Lima (Reuters)')).toEqual(['Ana Lima']);
    expect(cleanAuthors('Post author By Tom Reyes')).toEqual(['Tom Reyes']);
    expect(cleanAuthors('AuthorAndreas Kalt')).toEqual(['Andreas Kalt']);
    expect(cleanAuthors('Jane Doe jane@example.com @janedoe')).toEqual(['Jane Doe']);
    expect(cleanAuthors('Christoph Hein Chefredakteur')).toEqual(['Christoph Hein']);
  });

  it('splits several names and drops duplicates', () => {
    expect(cleanAuthors('Benjamin Fischer und Marcus Theurer')).toEqual([
      'Benjamin Fischer',
      'Marcus Theurer',
    ]);
    expect(cleanAuthors('A. Writer, B. Other & A. Writer')).toEqual(['A. Writer', 'B. Other']);
  });

  it('refuses what is not a name', () => {
    expect(cleanAuthors('https://example.com/authors/jane')).toEqual([]);
    expect(cleanAuthors('admin')).toEqual([]);
    expect(cleanAuthors('Redaktion')).toEqual([]);
    expect(cleanAuthors('this is a long sentence that is clearly not anybody at all')).toEqual([]);
    expect(cleanAuthors('The Harbour Ledger', { sites: ['The Harbour Ledger'] })).toEqual([]);
  });
});

describe('bylines in text', () => {
  it('reads a byline paragraph', () => {
    expect(bylineNames('By Ines Marlow and Tomas Reyes')).toEqual(['Ines Marlow', 'Tomas Reyes']);
    expect(bylineNames('The minister said the deal was done.')).toBeNull();
  });

  it('finds the names after a lead word anywhere in a line, but not after an ordinary word', () => {
    expect(bylineIn('17.05.2022 · Von Jana Köhler')).toEqual(['Jana Köhler']);
    expect(bylineIn('Posted on January 8, 2020 by Mara Lind')).toEqual(['Mara Lind']);
    expect(bylineIn('January 8, 2020 | by Mara Lind')).toEqual(['Mara Lind']);
    expect(bylineIn('Daten von Rheinmetall gehackt')).toBeNull();
    expect(bylineIn('by the way, nothing here')).toBeNull();
  });
});
