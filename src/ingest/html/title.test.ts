import { describe, expect, it } from 'vitest';
import { cleanTitle } from './title.js';

const ctx = (sites: string[] = [], headings: string[] = []) => ({ sites, headings });

describe('cleanTitle', () => {
  it('strips the site name after a separator', () => {
    expect(cleanTitle('Ministers agree on treaty | The Harbour Ledger', ctx(['The Harbour Ledger']))).toBe(
      'Ministers agree on treaty',
    );
    expect(cleanTitle('Ministers agree on treaty - ledger.example.com', ctx(['ledger.example.com']))).toBe(
      'Ministers agree on treaty',
    );
  });

  it('strips a site name put first', () => {
    expect(cleanTitle('Harbour Ledger: Ministers agree on treaty', ctx(['Harbour Ledger']))).toBe(
      'Ministers agree on treaty',
    );
  });

  it('drops short trailing parts after a long headline even when the site is unknown', () => {
    expect(cleanTitle('Ministers agree on river treaty after talks | World | Ledger', ctx())).toBe(
      'Ministers agree on river treaty after talks',
    );
  });

  it('prefers the part that is the page heading', () => {
    expect(cleanTitle('Ledger » World » Treaty signed at dawn', ctx([], ['Treaty signed at dawn']))).toBe(
      'Treaty signed at dawn',
    );
  });

  it('keeps colons and hyphens that belong to the headline', () => {
    expect(cleanTitle('Brexit: Parliament delays vote', ctx(['Ledger']))).toBe(
      'Brexit: Parliament delays vote',
    );
    expect(cleanTitle('COVID-19 cases fall again', ctx())).toBe('COVID-19 cases fall again');
  });
});
