// Events and places over the whole pipeline: the place an event gets (its sentence's, else the dateline's), the
// country a role-only actor takes from that place, and territories standing for their country as targets.

import { describe, expect, it } from 'vitest';
import { analyzeText, createPipeline } from '../../src/annotate.js';
import type { Doc } from '../../src/document/index.js';
import type { Pipeline } from '../../src/pipeline/runner.js';

let pipeline: Pipeline | null = null;

async function analyze(text: string): Promise<Doc> {
  pipeline ??= await createPipeline({ date: '2001-03-05' }).load();
  return analyzeText(text, { pipeline, date: '2001-03-05' });
}

describe('the place of an event', () => {
  it('is a place its own sentence puts it in', async () => {
    const doc = await analyze('Kenya deployed troops in Mombasa on Monday.');
    expect(doc.events[0]?.place?.country).toBe('KEN');
  });

  it('falls back to the dateline when the sentence names none', async () => {
    const doc = await analyze('A story\n\nNAIROBI, March 4 (Reuters) - Kenya criticised Uganda on Sunday.\n');
    expect(doc.meta.dateline).toBe('Nairobi');
    const e = doc.events.find((x) => x.source?.code === 'KEN');
    expect(e?.place?.name).toBe('Nairobi');
  });
});

describe('a role-only actor in an event placed in a country', () => {
  it('takes that country, and the rule says so', async () => {
    const doc = await analyze('Rebels attacked a government convoy in Chad on Monday.');
    const e = doc.events.find((x) => x.root === '19' || x.root === '18');
    expect(e?.source?.code).toBe('TCDREB');
    expect(e?.rule).toContain("source's country from the event's place");
  });

  it('keeps meetings out of it: a venue says nothing of who met there', async () => {
    const doc = await analyze('Diplomats met in Geneva on Tuesday.');
    const e = doc.events.find((x) => x.root === '04');
    expect(e).toBeDefined();
    expect(e?.source?.code).toBe('GOV');
  });

  it('does not take a dateline’s country', async () => {
    const doc = await analyze(
      'A story\n\nNAIROBI, March 4 (Reuters) - Rebels attacked a convoy on Sunday.\n',
    );
    expect(doc.events.length).toBeGreaterThan(0);
    for (const e of doc.events) expect(e.source?.code ?? '').not.toMatch(/^KEN/);
  });
});

describe('territories as targets', () => {
  it('codes a blockade of the West Bank as aimed at Palestine', async () => {
    const doc = await analyze('Israel reimposed blockades in the West Bank on Friday.');
    const e = doc.events.find((x) => x.source?.code === 'ISR');
    expect(e?.target?.code).toBe('PSE');
  });

  it('does not take the speaker of a reporting clause for a target', async () => {
    const doc = await analyze('Rebels shelled the town of Juba, local officials said.');
    expect(doc.events.length).toBeGreaterThan(0);
    for (const e of doc.events) expect(e.target?.code ?? '').not.toBe('GOV');
  });
});

describe('seas, straits and lakes named after a country', () => {
  it('are places, not that country', async () => {
    const doc = await analyze(
      'Vietnam sent coastguard ships into the South China Sea, and Iran seized a tanker in the Gulf of Oman.',
    );
    const codes = doc.mentions.map((m) => m.code ?? doc.actors.find((a) => a.id === m.actorId)?.code ?? '');
    expect(codes).not.toContain('CHN');
    expect(codes).not.toContain('OMN');
    expect(codes).not.toContain('PGS');
    expect(doc.events.every((e) => e.target?.code !== 'CHN' && e.target?.code !== 'OMN')).toBe(true);
  });

  it('and a US state named after a country is American', async () => {
    const doc = await analyze('The governor of New Mexico criticised the plan.');
    expect(doc.events[0]?.source?.code).toBe('USAGOV');
  });
});
