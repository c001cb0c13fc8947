import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createPipeline } from '../annotate.js';
import { Doc, emptyMeta } from '../document/index.js';
import { importPetrarch, petrarchKind } from './import.js';
import { loadKnowledgeBase } from './load.js';
import type { KbActorEntry } from './types.js';

// PETRARCH's own dictionaries, read in place from the shared evaluation data (never copied into the repo).
const PETRARCH = path.resolve(fileURLToPath(new URL('../../', import.meta.url)), '../shared/eval/petrarch');
const VALIDATION = path.join(PETRARCH, 'validation', 'PETR.Validate.actors.txt');
const DICTIONARIES = path.join(PETRARCH, 'dictionaries');
const have = existsSync(VALIDATION) && existsSync(DICTIONARIES);

const tmp = mkdtempSync(path.join(tmpdir(), 'dyad-petrarch-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function annotate(text: string, date: string, kbPaths: string[]): Promise<Doc> {
  const pipeline = await createPipeline({ ner: false, kbPaths }, ['segment', 'actors']).load();
  const doc = new Doc(text, { ...emptyMeta(), published: date });
  doc.paragraphs = [{ start: 0, end: text.length, kind: 'body' }];
  return pipeline.run(doc);
}

const codeOf = (doc: Doc, text: string) => {
  const m = doc.mentions.find((x) => x.text === text);
  return doc.actors.find((a) => a.id === m?.actorId)?.code ?? null;
};

describe('petrarchKind', () => {
  it('tells actor files from agents files by name, then by content', () => {
    expect(petrarchKind('Phoenix.agents.txt')).toBe('agents');
    expect(petrarchKind('Phoenix.Countries.actors.txt')).toBe('actors');
    expect(petrarchKind('CAMEO.2.0.txt')).toBeNull();
    expect(petrarchKind('mine.txt', 'CLERK [~GOV]\n')).toBe('agents');
    expect(petrarchKind('mine.txt', 'RURITANIA [RUR]\n')).toBe('actors');
  });
});

describe.skipIf(!have)('importing PETRARCH dictionaries', () => {
  it('makes a validation actor resolve only after import, with its dated codes', async () => {
    const text = 'Sam Gamgee said Gondor would help.';
    const before = await annotate(text, '2010-01-10', []);
    expect(codeOf(before, 'Gondor')).toBeNull();
    expect(codeOf(before, 'Sam Gamgee') ?? '').toBe('');

    const into = path.join(tmp, 'validation');
    const result = importPetrarch([VALIDATION], { into });
    expect(result.files).toHaveLength(1);
    expect(result.files[0]?.entries).toBeGreaterThan(50);
    const after = await annotate(text, '2010-01-10', [into]);
    expect(codeOf(after, 'Gondor')).toBe('GON');
    // The validation file's date restrictions: one code for a few days in January 2010, another later.
    expect(codeOf(after, 'Sam Gamgee')).toBe('ORCHOB');
    expect(codeOf(await annotate(text, '2012-06-01', [into]), 'Sam Gamgee')).toBe('HOBMIL');
  });

  it('imports the Phoenix dictionaries from a directory, skipping verbs and discards', async () => {
    const into = path.join(tmp, 'phoenix');
    const result = importPetrarch([DICTIONARIES], { into });
    expect(result.files.map((f) => f.kind).sort()).toEqual(['actors', 'actors', 'actors', 'agents']);
    expect(result.skipped.some((f) => f.endsWith('CAMEO.2.0.txt'))).toBe(true);
    expect(readdirSync(path.join(into, 'actors')).length).toBe(3);
    const kb = loadKnowledgeBase({ userDir: false, kbPaths: [into] });
    expect(kb.actors.size).toBeGreaterThan(10_000);
    // Every imported actor keeps a code or a dated code.
    const actors = JSON.parse(
      readFileSync(path.join(into, 'actors', readdirSync(path.join(into, 'actors'))[0] as string), 'utf8'),
    ) as KbActorEntry[];
    expect(actors.every((a) => a.defaultCode !== undefined && Array.isArray(a.codes))).toBe(true);
    // A province Phoenix files under its country becomes one of that country's names; the built-in KB does
    // not know it.
    expect(loadKnowledgeBase({ userDir: false }).lookup('Badghis', null)).toEqual([]);
    expect(kb.lookup('Badghis', null).map((l) => l.code)).toContain('AFG');
    // Names the built-in KB already has keep their meaning: a capital stays a capital.
    expect(kb.lookup('Washington', null).map((l) => l.kind)).toEqual(['capital']);
  });
});

describe('imported actors after a title', () => {
  it('take the title: a person coded by country alone after "Prime Minister" is that country\'s government', async () => {
    // A dictionary written for this test: a country and a person both coded by country only, as PETRARCH
    // dictionaries often code people.
    const file = path.join(tmp, 'ruritania.actors.txt');
    writeFileSync(file, 'RURITANIA [RUR]\n+RURITANIAN\nOSRIC_ZENDA [RUR]\n');
    const into = path.join(tmp, 'ruritania');
    importPetrarch([file], { into });
    const doc = await annotate(
      'Ruritanian Prime Minister Osric Zenda met the envoy. Osric Zenda left.',
      '2010-01-10',
      [into],
    );
    expect(doc.mentions.map((m) => m.text)).toContain('Ruritanian Prime Minister Osric Zenda');
    expect(codeOf(doc, 'Ruritanian Prime Minister Osric Zenda')).toBe('RURGOV');
    // Untitled, the same entry is still what its dictionary says.
    const plain = await annotate('Osric Zenda met the envoy.', '2010-01-10', [into]);
    expect(codeOf(plain, 'Osric Zenda')).toBe('RUR');
  });
});

describe('imported agents in role phrases', () => {
  // A dictionary pair written for this test: an NGO-type agent PETRARCH puts before the actor's code ([NGO~]),
  // an ordinary agent, and an agent the built-in KB does not know.
  const into = path.join(tmp, 'agents');
  const layer = () => {
    const actors = path.join(tmp, 'rur.actors.txt');
    const agents = path.join(tmp, 'rur.agents.txt');
    writeFileSync(actors, 'RURITANIA [RUR]\n+RURITANIAN\n');
    writeFileSync(agents, 'MERCY_WATCH {} [NGO~]\nENVOY [~GOV]\nDOCKWORKER [~LAB]\n');
    importPetrarch([actors, agents], { into });
    return [into];
  };
  const mentionCode = (doc: Doc, text: string) =>
    (doc.mentions.find((m) => m.text === text) as { code?: string } | undefined)?.code ?? null;

  it('puts a prefix agent before the actor’s code, and an agent after it behind', async () => {
    const kbPaths = layer();
    const alone = await annotate('Mercy Watch Ruritania sent food to the border.', '2010-01-10', kbPaths);
    expect(mentionCode(alone, 'Mercy Watch Ruritania')).toBe('NGORUR');
    const doc = await annotate(
      'A Mercy Watch Ruritania envoy arrived, and Ruritania protested.',
      '2010-01-10',
      kbPaths,
    );
    expect(mentionCode(doc, 'A Mercy Watch Ruritania envoy')).toBe('NGORURGOV');
    // The NGO's branch is not the country: Ruritania keeps its own code.
    expect(codeOf(doc, 'Ruritania')).toBe('RUR');
  });

  it('lets the user’s agent outrank a built-in role word in the same phrase', async () => {
    const kbPaths = layer();
    const plain = await annotate('Ruritanian leaders met.', '2010-01-10', kbPaths);
    expect(mentionCode(plain, 'Ruritanian leaders')).toBe('RURGOV');
    const doc = await annotate('Ruritanian dockworker leaders met.', '2010-01-10', kbPaths);
    expect(mentionCode(doc, 'Ruritanian dockworker leaders')).toBe('RURLAB');
  });
});
