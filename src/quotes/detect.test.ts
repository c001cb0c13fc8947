import { beforeAll, describe, expect, it } from 'vitest';
import { type Actor, Doc, emptyMeta, type Paragraph, type Quote } from '../document/index.js';
import { createSegmenter, type Segmenter, segment } from '../nlp/segment.js';
import { detectQuotes } from './detect.js';

let nlp: Segmenter;
beforeAll(() => {
  nlp = createSegmenter();
});

/** A Doc from blank-line blocks; a block written as "## …" becomes a heading (the marks are dropped). */
function docOf(source: string, actors: Actor[] = []): Doc {
  const parts = source.split(/\n\n/);
  let text = '';
  const paragraphs: Paragraph[] = [];
  for (const part of parts) {
    if (text) text += '\n\n';
    const heading = part.startsWith('## ');
    const body = heading ? part.slice(3) : part;
    paragraphs.push({
      start: text.length,
      end: text.length + body.length,
      kind: heading ? 'heading' : 'body',
    });
    text += body;
  }
  const doc = new Doc(text, emptyMeta());
  doc.paragraphs = paragraphs;
  const { sentences, tokens } = segment(nlp, text, paragraphs);
  doc.sentences = sentences;
  doc.tokens = tokens;
  doc.actors = actors;
  return doc;
}

function quotes(source: string, actors: Actor[] = []): Quote[] {
  return detectQuotes(docOf(source, actors));
}

function speakerText(doc: Doc, q: Quote): string | null {
  return q.speaker ? doc.text.slice(q.speaker.start, q.speaker.end) : null;
}

describe('direct quotes and their speakers', () => {
  it('finds the speaker after the quote', () => {
    const [q] = quotes('“Our borders stay open,” the minister said.');
    expect(q?.text).toBe('Our borders stay open');
    expect(q?.kind).toBe('direct');
    expect(q?.cue?.text).toBe('said');
    expect(q?.speaker?.name).toBe('the minister');
  });

  it('finds the speaker after an inverted cue and keeps the name without its clause', () => {
    const [q] = quotes('“The harvest is lost,” said Carla Mendes, who farms near the river.');
    expect(q?.speaker?.name).toBe('Carla Mendes');
  });

  it('takes the name before an apposition', () => {
    const [q] = quotes('“Taxes will not rise,” Carla Mendes, the finance minister, said on Monday.');
    expect(q?.speaker?.name).toBe('Carla Mendes');
    expect(q?.kind).toBe('direct');
  });

  it('finds the speaker before the quote', () => {
    const [q] = quotes('Finance Minister Carla Mendes told reporters: “Taxes will not rise this year.”');
    expect(q?.kind).toBe('direct');
    expect(q?.cue?.text).toBe('told');
    expect(q?.speaker?.name).toBe('Carla Mendes');
  });

  it('keeps a description as the speaker text', () => {
    const [q] = quotes('“The talks have stalled,” a senior European diplomat said.');
    expect(q?.speaker?.name).toBe('a senior European diplomat');
    expect(q?.speaker?.actorId).toBeNull();
    expect(q?.speaker?.code).toBe('');
  });

  it('resolves a pronoun speaker to its antecedent and keeps the pronoun span', () => {
    const doc = docOf('Carla Mendes met the union leaders on Tuesday.\n\n“We have a deal,” she said.');
    const [q] = detectQuotes(doc);
    expect(q?.speaker?.name).toBe('Carla Mendes');
    expect(speakerText(doc, q as Quote)).toBe('she');
  });

  it('carries the speaker over a run of quotes and shares the cue', () => {
    const all = quotes(
      '“The river rose in an hour,” said Tomas Berg. “Nobody was ready.”\n\n“We lost everything.”',
    );
    expect(all.map((q) => q.text)).toEqual([
      'The river rose in an hour',
      'Nobody was ready.',
      'We lost everything.',
    ]);
    expect(all.every((q) => q.speaker?.name === 'Tomas Berg')).toBe(true);
    expect(new Set(all.map((q) => q.cue?.start)).size).toBe(1);
  });

  it('gives both halves of a quote split by its attribution to the same speaker', () => {
    const all = quotes('“The river rose,” Berg said, “and nobody was ready.”');
    expect(all).toHaveLength(2);
    expect(all.map((q) => q.speaker?.name)).toEqual(['Berg', 'Berg']);
    expect(all.map((q) => q.kind)).toEqual(['direct', 'direct']);
  });

  it('reads one quote running over several paragraphs', () => {
    const all = quotes(
      'The mayor said: “The first phase is finished.\n\n“The second phase starts in May and takes a year.”\n\nThe council agreed.',
    );
    expect(all).toHaveLength(1);
    expect(all[0]?.text).toContain('The second phase starts in May');
    expect(all[0]?.speaker?.name).toBe('The mayor');
  });

  it('keeps a quote nested inside another as part of it', () => {
    const all = quotes('“My father told me ‘never give up’, and I never have,” the coach said.');
    expect(all).toHaveLength(1);
    expect(all[0]?.text).toBe('My father told me ‘never give up’, and I never have');
    expect(all[0]?.speaker?.name).toBe('the coach');
  });

  it('reads British single quotes without mistaking apostrophes', () => {
    const doc = docOf('‘The ministry’s plan won’t work,’ the farmers’ union said.');
    const all = detectQuotes(doc);
    expect(all).toHaveLength(1);
    expect(all[0]?.text).toBe('The ministry’s plan won’t work');
    expect(speakerText(doc, all[0] as Quote)).toBe('the farmers’ union');
    expect(quotes('The farmers’ union rejected the ministry’s plan in the ’90s.')).toEqual([]);
  });

  it('reads guillemets', () => {
    const [q] = quotes('«We will stay,» the minister said.');
    expect(q?.text).toBe('We will stay');
    expect(q?.speaker?.name).toBe('the minister');
  });

  it('leaves a quote without any speaker unattributed', () => {
    const all = quotes(
      'The harvest failed for the third year running.\n\n“Nobody asked the farmers what they wanted.”',
    );
    expect(all).toHaveLength(1);
    expect(all[0]?.kind).toBe('direct');
    expect(all[0]?.speaker).toBeNull();
    expect(all[0]?.cue).toBeNull();
  });
});

describe('partial quotes', () => {
  it('attributes a quoted fragment to the speaker of the sentence', () => {
    const all = quotes('The minister promised a “complete overhaul of the tax code” by next year.');
    const partial = all.find((q) => q.kind === 'partial');
    expect(partial?.text).toBe('complete overhaul of the tax code');
    expect(partial?.speaker?.name).toBe('The minister');
    expect(partial?.cue?.text).toBe('promised');
  });

  it('prefers the verb of saying over a verb inside what was said', () => {
    const all = quotes(
      'Mayor Ana Ortiz said on Friday she would ask the state “to pay its share of the bridge”.',
    );
    const partial = all.find((q) => q.kind === 'partial');
    expect(partial?.cue?.text).toBe('said');
    expect(partial?.speaker?.name).toBe('Ana Ortiz');
  });
});

describe('what is not a quote', () => {
  it('ignores a heading in quotation marks', () => {
    expect(quotes('## ‘Unpredictable’\n\nThe council met on Monday.')).toEqual([]);
  });

  it('ignores scare quotes and titles', () => {
    expect(quotes('The so-called “reform” changed nothing.')).toEqual([]);
    expect(quotes('She watched “The Long Road Home” twice.')).toEqual([]);
  });
});

describe('indirect speech', () => {
  it('finds a reported clause after the cue', () => {
    const [q] = quotes('The mayor said the bridge would reopen in May.');
    expect(q?.kind).toBe('indirect');
    expect(q?.text).toBe('the bridge would reopen in May');
    expect(q?.speaker?.name).toBe('The mayor');
  });

  it('finds "that" clauses after a hearer', () => {
    const [q] = quotes('Mendes told reporters on Wednesday that taxes would not rise.');
    expect(q?.text).toBe('taxes would not rise');
    expect(q?.speaker?.name).toBe('Mendes');
  });

  it('finds "according to" and a sentence-final cue', () => {
    const [a] = quotes('According to the ministry, exports fell by a third.');
    expect(a?.text).toBe('exports fell by a third');
    expect(a?.speaker?.name).toBe('the ministry');
    const [b] = quotes('Exports fell by a third, the ministry said.');
    expect(b?.text).toBe('Exports fell by a third');
    expect(b?.speaker?.name).toBe('the ministry');
  });

  it('gives a participle the subject of the main clause', () => {
    const all = quotes(
      'Carla Mendes, the finance minister, rejected the plan, saying it would cost too much.',
    );
    const q = all.find((x) => x.cue?.text === 'saying');
    expect(q?.text).toBe('it would cost too much');
    expect(q?.speaker?.name).toBe('Carla Mendes');
  });

  it('does not report a clause said inside a quote', () => {
    const all = quotes('“The unions said they would strike,” the minister said.');
    expect(all).toHaveLength(1);
    expect(all[0]?.kind).toBe('direct');
  });
});

describe('linking speakers to actors', () => {
  const mendes: Actor = {
    id: 'a1',
    name: 'Carla Mendes',
    code: 'PRTGOV',
    type: 'PER',
    kbId: null,
    mentions: [],
  };

  it('takes the actor whose mention overlaps the speaker', () => {
    const text = '“Taxes will not rise,” Finance Minister Carla Mendes said.';
    const at = text.indexOf('Carla');
    const actor = { ...mendes, mentions: [{ start: at, end: at + 12, text: 'Carla Mendes' }] };
    const [q] = quotes(text, [actor]);
    expect(q?.speaker).toMatchObject({ actorId: 'a1', name: 'Carla Mendes', code: 'PRTGOV' });
  });

  it('links a pronoun through its antecedent', () => {
    const text = 'Carla Mendes met the unions.\n\n“We have a deal,” she said.';
    const actor = { ...mendes, mentions: [{ start: 0, end: 12, text: 'Carla Mendes' }] };
    const [q] = quotes(text, [actor]);
    expect(q?.speaker).toMatchObject({ actorId: 'a1', code: 'PRTGOV' });
  });

  it('keeps the speaker text when no actor is named there', () => {
    const [q] = quotes('“Taxes will not rise,” the spokesman said.', [mendes]);
    expect(q?.speaker).toMatchObject({ actorId: null, name: 'the spokesman', code: '' });
  });
});

describe('edge cases', () => {
  it('copes with an empty Doc and with a Doc that was never segmented', () => {
    expect(quotes('')).toEqual([]);
    // Without tokens nothing names a speaker, so the quote stays unattributed rather than guessed.
    const raw = new Doc('“We are ready for the vote,” she said.', emptyMeta());
    expect(detectQuotes(raw)).toEqual([
      { start: 1, end: 26, text: 'We are ready for the vote', kind: 'direct', cue: null, speaker: null },
    ]);
  });
});
