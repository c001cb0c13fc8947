import { describe, expect, it } from 'vitest';
import { BUILTIN_KB_DIR } from '../kb/index.js';
import { loadCameoTable, quadClassOf } from './cameo.js';
import { loadLexicon } from './lexicon.js';

describe('the CAMEO table and the event lexicon', () => {
  const cameo = loadCameoTable(BUILTIN_KB_DIR);

  it('holds every root with label, Goldstein, QuadClass and PLOVER type', () => {
    for (let r = 1; r <= 20; r++) expect(cameo.has(String(r).padStart(2, '0'))).toBe(true);
    expect(cameo.get('186')).toMatchObject({
      root: '18',
      quadClass: 4,
      goldstein: -10,
      plover: { type: 'ASSAULT' },
    });
    expect(cameo.get('0256')?.plover.type).toBe('REQUEST');
    expect(cameo.get('010')?.plover.type).toBe('');
    expect(cameo.lookup('1959')?.code).toBe('195');
    expect([quadClassOf('05'), quadClassOf('07'), quadClassOf('12'), quadClassOf('19')]).toEqual([
      1, 2, 3, 4,
    ]);
  });

  it('compiles a lexicon over all twenty roots whose codes are all in the table', () => {
    const lexicon = loadLexicon(BUILTIN_KB_DIR);
    const roots = new Set(lexicon.entries.map((e) => e.code.slice(0, 2)));
    expect(roots.size).toBe(20);
    expect(lexicon.entries.length).toBeGreaterThan(300);
    for (const e of lexicon.entries) expect(cameo.has(e.code), e.id).toBe(true);
    for (const row of lexicon.families)
      for (const c of [row.appeal, row.intent, row.demand, row.reject, row.threaten])
        if (c) expect(cameo.has(c), `${row.cls} ${c}`).toBe(true);
    expect(lexicon.forms.get('attacked')?.some((r) => r.lemma === 'attack' && r.kind === 'verb')).toBe(true);
    expect(lexicon.forms.get('talks')?.some((r) => r.kind === 'noun')).toBe(true);
  });
});
