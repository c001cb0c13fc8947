import { describe, expect, it } from 'vitest';
import type { Quote } from '../document/index.js';
import type { PolnearAttribution } from './polnear.js';
import { docFromText, groupQuotes, isDirect, quotedRegions, score, toBrat } from './quotes.js';

const TEXT = [
  'Ah, the river. “The bridge opens in May,” the mayor said.',
  '',
  'The mayor said the works were late. She said people could “wait a little longer”.',
].join('\n');

const at = (s: string, from = 0) => {
  const start = TEXT.indexOf(s, from);
  return { start, end: start + s.length };
};

function gold(content: string, source: string | null, cue: string): PolnearAttribution {
  return {
    id: 'E',
    content: [at(content)],
    source: source ? [at(source)] : null,
    cue: [at(cue, TEXT.indexOf(content))],
  };
}

/** A predicted quote; its cue is the first occurrence of the cue word at or after `cueFrom`. */
function quote(
  text: string,
  kind: Quote['kind'],
  cue: string | null,
  speaker: string | null,
  cueFrom = 0,
): Quote {
  return {
    ...at(text),
    text,
    kind,
    cue: cue ? { ...at(cue, cueFrom), text: cue } : null,
    speaker: speaker ? { actorId: null, name: speaker, code: '', ...at(speaker) } : null,
  };
}

describe('docFromText', () => {
  it('keeps the text and makes one paragraph per block of lines', () => {
    const doc = docFromText(`${TEXT}\n`);
    expect(doc.text).toBe(`${TEXT}\n`);
    expect(doc.paragraphs.map((p) => doc.text.slice(p.start, p.end))).toEqual(TEXT.split('\n\n'));
  });
});

describe('isDirect', () => {
  const regions = quotedRegions(TEXT);

  it('calls an attribution direct when its content lies in quotation marks', () => {
    expect(isDirect(TEXT, regions, gold('“The bridge opens in May,”', 'the mayor', 'said'))).toBe(true);
    expect(isDirect(TEXT, regions, gold('The bridge opens in May', 'the mayor', 'said'))).toBe(true);
  });

  it('does not call a paraphrase with a quoted fragment direct', () => {
    expect(isDirect(TEXT, regions, gold('people could “wait a little longer”', 'She', 'said'))).toBe(false);
    expect(isDirect(TEXT, regions, gold('the works were late', 'The mayor', 'said'))).toBe(false);
  });
});

describe('score', () => {
  const golds = [
    gold('“The bridge opens in May,”', 'the mayor', 'said'),
    gold('the works were late', 'The mayor', 'said'),
    gold('people could “wait a little longer”', 'She', 'said'),
  ];

  it('matches by overlap and exactly, one to one, and checks the speaker span', () => {
    const predicted = groupQuotes([
      quote('The bridge opens in May', 'direct', 'said', 'the mayor'),
      quote('the works were late', 'indirect', 'said', 'Ah', TEXT.indexOf('The mayor said')),
      quote('Ah, the river', 'direct', null, null),
    ]);
    const s = score(TEXT, golds, predicted);
    expect(s.counts).toMatchObject({
      gold: 3,
      predicted: 3,
      matched: 2,
      exact: 2,
      speakerScored: 2,
      speakerRight: 1,
    });
    expect(s.missed.map((g) => TEXT.slice(g.content[0]?.start, g.content[0]?.end))).toEqual([
      'people could “wait a little longer”',
    ]);
    expect(s.spurious).toHaveLength(1);
  });

  it('needs an overlap of at least half of the longer span', () => {
    const predicted = groupQuotes([quote('wait a little longer', 'partial', null, null)]);
    expect(score(TEXT, [golds[2] as PolnearAttribution], predicted).counts.matched).toBe(1);
    const short = groupQuotes([quote('longer', 'partial', null, null)]);
    expect(score(TEXT, [golds[2] as PolnearAttribution], short).counts.matched).toBe(0);
  });
});

describe('groupQuotes', () => {
  it('counts quotes sharing a cue as one attribution, direct only when all are direct', () => {
    const a = quote('The bridge opens in May', 'direct', 'said', 'the mayor');
    const b: Quote = { ...quote('Ah, the river', 'direct', null, null), cue: a.cue };
    const c = quote('wait a little longer', 'partial', null, null);
    const groups = groupQuotes([a, b, c]);
    expect(groups).toHaveLength(2);
    expect(groups[0]?.fragments).toHaveLength(2);
    expect(groups[0]?.direct).toBe(true);
    expect(groups[1]?.direct).toBe(false);
  });
});

describe('toBrat', () => {
  it('writes Content, Cue and Source lines tied by an E line', () => {
    const ann = toBrat(TEXT, [quote('The bridge opens in May', 'direct', 'said', 'the mayor')]);
    const lines = ann.trim().split('\n');
    expect(lines[0]).toMatch(/^T1\tContent \d+ \d+\tThe bridge opens in May$/);
    expect(lines).toContainEqual(expect.stringMatching(/^T2\tCue \d+ \d+\tsaid$/));
    expect(lines).toContainEqual(expect.stringMatching(/^T3\tSource \d+ \d+\tthe mayor$/));
    expect(lines[3]).toMatch(/^T4\tAttribution \d+ \d+\tsaid$/);
    expect(lines[4]).toBe('E1\tAttribution:T4 Content:T1 Cue:T2 Source:T3');
  });
});
