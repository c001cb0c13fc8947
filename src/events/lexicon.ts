// The event lexicon: entries (verb or noun lemma → CAMEO code + patterns) read from kb/events/*.json and compiled
// into rules indexed by every inflected surface form, plus the families, topics and operator tables they lean on.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DyadError } from '../errors.js';
import { readTsv } from './cameo.js';
import { normal, nounPlural, type VerbForm, verbForms, wordForms } from './inflect.js';

export type Family = 'appeal' | 'intent' | 'demand' | 'reject' | 'threaten' | 'act';
export type OperatorKind = 'act' | 'intent' | 'possible' | 'attempt' | 'negate' | 'obligation';

export interface LexiconEntry {
  id: string;
  code: string;
  /**
   * Verb lemma(s), "a|b"; words joined by "_" form a phrasal head ("carry_out", "sexually_assault"), whose head word
   * may be marked by "+" ("wire_+tap").
   */
  verb?: string;
  /** Noun lemma(s), "a|b"; "air_strike" is a compound whose head is the last word before any preposition. */
  noun?: string;
  patterns?: string[];
  family?: Family;
  poss?: 'source' | 'target';
  recip?: boolean;
  /**
   * Read from a TABARI or PETRARCH dictionary, and matched as they match: pattern words are matched as written
   * ("RESOLUTION" is not "resolutions"), words before the verb may have other words between them, and a verb named
   * by an inflected form ("MET", "LEFT") owns that form.
   */
  tabari?: boolean;
  /** The code of what the target does in turn (PETRARCH's `[032:033]`: a visit made, and hosted). */
  reverse?: string;
  swap?: boolean;
  /**
   * "person": only a person or an office holder does this ("the minister resigned"); with any other source the
   * word means something else and codes nothing ("US forces would step aside" is standing back, not resigning).
   */
  agent?: 'person';
  /** The code when the target is an armed force: militants "driven out" of a town are fought, not expelled. */
  armed?: string;
  neg?: string;
  intent?: string;
  class?: string;
}

/** One alternative of a pattern word: a sequence of words, each a set of accepted surface forms. */
export type Alt = Set<string>[];

export type Element =
  /** `head`: a word of a phrasal head after the verb ("drive_out"), a particle rather than a preposition. */
  | { kind: 'lit'; alts: Alt[]; adjacent: boolean; text: string; head?: boolean }
  | { kind: 'target'; required: boolean }
  | { kind: 'source' }
  /** "~": an actor passed over, neither source nor target ("complained to the UN about Israel"). */
  | { kind: 'skip' }
  /** "%" before the head (PETRARCH): a compound actor whose members act on each other ("% HAVE * [191]"). */
  | { kind: 'compound' };

export interface Rule {
  /** "entry-id#n", unique. */
  id: string;
  /** The pattern as written, for explanations. */
  pattern: string;
  entry: LexiconEntry;
  kind: 'verb' | 'noun';
  lemma: string;
  /** Elements before the head, nearest first. */
  pre: Element[];
  post: Element[];
  literals: number;
}

export interface TriggerForm {
  lemma: string;
  kind: 'verb' | 'noun';
  form: VerbForm | 'sg' | 'pl';
  rules: Rule[];
}

export interface FamilyRow {
  cls: string;
  act: string[];
  appeal: string | null;
  intent: string | null;
  demand: string | null;
  reject: string | null;
  threaten: string | null;
}

export interface Topics {
  classes: Map<string, string>; // phrase "a b" → class
  dimensions: Map<string, string>; // phrase → dimension
  refine: Record<string, Record<string, string>>;
  macros: Record<string, string[]>;
  /** The longest phrase in words, to bound look-ups. */
  maxWords: number;
}

export interface Operators {
  modals: Map<string, OperatorKind>;
  verbs: Map<string, OperatorKind>;
  nouns: Map<string, OperatorKind>;
  adjectives: Map<string, OperatorKind>;
  speech: Set<string>;
  support: Set<string>;
  negators: Set<string>;
  subjectNegators: Set<string>;
}

export interface Lexicon {
  entries: LexiconEntry[];
  rules: Rule[];
  /** Surface form (lower case) → the verb and noun readings it may have. */
  forms: Map<string, TriggerForm[]>;
  families: FamilyRow[];
  topics: Topics;
  operators: Operators;
  /** Surface form → verb lemma for operator and speech verbs (not event triggers). */
  verbLemmas: Map<string, { lemma: string; form: VerbForm }>;
  version: string;
}

const PREPOSITIONS = new Set([
  'of',
  'on',
  'into',
  'to',
  'against',
  'from',
  'for',
  'in',
  'at',
  'with',
  'over',
]);

function splitAlternatives(text: string): string[] {
  return text.split('|').filter((s) => s.length > 0);
}

function altOf(words: string[], inflectLast: boolean): Alt {
  return words.map((w, i) => new Set(i === words.length - 1 && inflectLast ? wordForms(w) : [w]));
}

/** A pattern word: with `inflect`, any of its forms ("resolution" also "resolutions"); TABARI's are exact. */
function parseLiteral(
  text: string,
  macros: Record<string, string[]>,
  adjacent: boolean,
  inflect: boolean,
): Element {
  const alts: Alt[] = [];
  for (const alt of splitAlternatives(text)) {
    if (alt.startsWith('@')) {
      const words = macros[alt.slice(1)];
      if (!words) throw new DyadError('DYAD_E_KB', `unknown word set ${alt}`);
      for (const w of words) alts.push(altOf(normal(w).split('_'), inflect));
    } else alts.push(altOf(normal(alt).split('_'), inflect));
  }
  return { kind: 'lit', alts, adjacent, text };
}

/** A head as written ("carry_out", "air_strike", "death_of") → head word plus required words around it. */
function splitHead(
  phrase: string,
  kind: 'verb' | 'noun',
): { head: string; before: string[]; after: string[] } {
  const words = normal(phrase).split('_');
  if (words.length === 1) return { head: words[0] as string, before: [], after: [] };
  // "wire_+tap": "+" marks the head word (PETRARCH's compound verbs).
  const marked = words.findIndex((w) => w.startsWith('+'));
  if (marked >= 0) {
    const bare = words.map((w) => w.replace(/^\+/, ''));
    return { head: bare[marked] as string, before: bare.slice(0, marked), after: bare.slice(marked + 1) };
  }
  let at: number;
  if (kind === 'verb') at = (words[0] as string).endsWith('ly') ? 1 : 0;
  else {
    const prep = words.findIndex((w, i) => i > 0 && PREPOSITIONS.has(w));
    at = prep > 0 ? prep - 1 : words.length - 1;
  }
  return { head: words[at] as string, before: words.slice(0, at), after: words.slice(at + 1) };
}

function parsePattern(
  entry: LexiconEntry,
  pattern: string,
  index: number,
  kind: 'verb' | 'noun',
  headPhrase: string,
  macros: Record<string, string[]>,
): Rule {
  const { head, before, after } = splitHead(headPhrase, kind);
  const parts = pattern.trim().split(/\s+/);
  const star = parts.indexOf('*');
  if (star < 0 || parts.lastIndexOf('*') !== star)
    throw new DyadError('DYAD_E_KB', `pattern "${pattern}" of ${entry.id} needs exactly one *`);
  const toElement = (p: string, adjacent: boolean): Element => {
    if (p === '+') return { kind: 'target', required: false };
    if (p === '+!') return { kind: 'target', required: true };
    if (p === '$') return { kind: 'source' };
    if (p === '~') return { kind: 'skip' };
    if (p === '%') return { kind: 'compound' };
    // "=to": the word must follow at once (an adverb may sit between).
    const inflect = !entry.tabari;
    if (p.startsWith('=')) return parseLiteral(p.replace(/(^|\|)=/g, '$1'), macros, true, inflect);
    return parseLiteral(p, macros, adjacent, inflect);
  };
  const pre: Element[] = [];
  for (let i = before.length - 1; i >= 0; i--)
    pre.push({
      kind: 'lit',
      alts: [[new Set([before[i] as string])]],
      adjacent: true,
      text: before[i] as string,
    });
  for (let i = star - 1; i >= 0; i--) pre.push(toElement(parts[i] as string, false));
  const post: Element[] = after.map((w) => ({
    kind: 'lit' as const,
    alts: [[new Set([w])]],
    adjacent: true,
    text: w,
    head: true,
  }));
  for (const p of parts.slice(star + 1)) post.push(toElement(p, false));
  const literals = [...pre, ...post].filter((e) => e.kind === 'lit').length - before.length - after.length;
  return {
    id: `${entry.id}#${index}`,
    pattern,
    entry,
    kind,
    lemma: head,
    pre,
    post,
    literals,
  };
}

function addForm(
  forms: Map<string, TriggerForm[]>,
  surface: string,
  reading: Omit<TriggerForm, 'rules'>,
): TriggerForm {
  const list = forms.get(surface) ?? [];
  let hit = list.find((r) => r.lemma === reading.lemma && r.kind === reading.kind && r.form === reading.form);
  if (!hit) {
    hit = { ...reading, rules: [] };
    list.push(hit);
    forms.set(surface, list);
  }
  return hit;
}

export function compileLexicon(
  entries: LexiconEntry[],
  tables: { families: FamilyRow[]; topics: Topics; operators: Operators; version?: string },
): Lexicon {
  const forms = new Map<string, TriggerForm[]>();
  const rules: Rule[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.id))
      throw new DyadError('DYAD_E_KB', `event lexicon entry ${entry.id} is defined twice`);
    seen.add(entry.id);
    for (const kind of ['verb', 'noun'] as const) {
      const heads = entry[kind];
      if (!heads) continue;
      const patterns = entry.patterns?.length ? entry.patterns : [kind === 'verb' ? '* +' : '*'];
      for (const phrase of splitAlternatives(heads)) {
        const compiled = patterns.map((p, i) =>
          parsePattern(entry, p, i, kind, phrase, tables.topics.macros),
        );
        rules.push(...compiled);
        const head = compiled[0]?.lemma as string;
        const surfaces: [string, VerbForm | 'sg' | 'pl'][] =
          kind === 'verb'
            ? verbForms(head)
            : [
                [head, 'sg'],
                [nounPlural(head), 'pl'],
              ];
        const done = new Set<string>();
        for (const [surface, form] of surfaces) {
          const key = `${surface}/${form}`;
          if (done.has(key)) continue;
          done.add(key);
          addForm(forms, surface, { lemma: head, kind, form }).rules.push(...compiled);
        }
      }
    }
  }
  // TABARI and PETRARCH dictionaries give irregular pasts blocks of their own ("MET" beside "MEET"): there, the
  // form belongs to its own block only.
  for (const [surface, readings] of forms) {
    const owner = readings.some((r) => r.kind === 'verb' && r.lemma === surface && r.rules[0]?.entry.tabari);
    if (!owner) continue;
    const kept = readings.filter(
      (r) => r.kind !== 'verb' || r.lemma === surface || !r.rules.every((rule) => rule.entry.tabari),
    );
    forms.set(surface, kept);
  }
  const verbLemmas = new Map<string, { lemma: string; form: VerbForm }>();
  const opVerbs = [...tables.operators.verbs.keys(), ...tables.operators.speech, ...tables.operators.support];
  for (const lemma of opVerbs) {
    for (const [surface, form] of verbForms(lemma))
      if (!verbLemmas.has(surface)) verbLemmas.set(surface, { lemma, form });
  }
  for (const [surface, readings] of forms) {
    const verb = readings.find((r) => r.kind === 'verb');
    if (verb && !verbLemmas.has(surface))
      verbLemmas.set(surface, { lemma: verb.lemma, form: verb.form as VerbForm });
  }
  return {
    entries,
    rules,
    forms,
    families: tables.families,
    topics: tables.topics,
    operators: tables.operators,
    verbLemmas,
    version: tables.version ?? '1',
  };
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new DyadError('DYAD_E_KB', `cannot read ${file}: ${(e as Error).message}`, {
      origin: file,
      cause: e,
    });
  }
}

export function readFamilies(file: string): FamilyRow[] {
  const code = (v: string | undefined) => (v && v !== '-' ? v : null);
  return readTsv(file).map((r) => ({
    cls: r.class as string,
    act: r.act && r.act !== '-' ? r.act.split(',') : [],
    appeal: code(r.appeal),
    intent: code(r.intent),
    demand: code(r.demand),
    reject: code(r.reject),
    threaten: code(r.threaten),
  }));
}

export function readTopics(file: string): Topics {
  const raw = readJson(file) as {
    classes: Record<string, string[]>;
    dimensions: Record<string, string[]>;
    refine: Record<string, Record<string, string>>;
    macros: Record<string, string[]>;
  };
  const phrase = (w: string) => normal(w).replace(/_/g, ' ');
  const classes = new Map<string, string>();
  const dimensions = new Map<string, string>();
  let maxWords = 1;
  for (const [cls, words] of Object.entries(raw.classes)) {
    for (const w of words) {
      const p = phrase(w);
      if (!classes.has(p)) classes.set(p, cls);
      maxWords = Math.max(maxWords, p.split(' ').length);
    }
  }
  for (const [dim, words] of Object.entries(raw.dimensions)) {
    for (const w of words) {
      const p = phrase(w);
      if (!dimensions.has(p)) dimensions.set(p, dim);
      maxWords = Math.max(maxWords, p.split(' ').length);
    }
  }
  return { classes, dimensions, refine: raw.refine ?? {}, macros: raw.macros ?? {}, maxWords };
}

export function readOperators(file: string): Operators {
  const raw = readJson(file) as {
    modals: Record<string, OperatorKind>;
    verbs: Record<string, OperatorKind>;
    nouns: Record<string, OperatorKind>;
    adjectives: Record<string, OperatorKind>;
    speech: string[];
    support: string[];
    negators: string[];
    subjectNegators: string[];
  };
  return {
    modals: new Map(Object.entries(raw.modals)),
    verbs: new Map(Object.entries(raw.verbs)),
    nouns: new Map(Object.entries(raw.nouns)),
    adjectives: new Map(Object.entries(raw.adjectives)),
    speech: new Set(raw.speech),
    support: new Set(raw.support),
    negators: new Set(raw.negators.map((w) => w.replace(/_/g, ' '))),
    subjectNegators: new Set(raw.subjectNegators),
  };
}

/** Lexicon entry files of a directory: every *.json with an `entries` array. */
export function readEntryFiles(dir: string): LexiconEntry[] {
  if (!existsSync(dir)) return [];
  const out: LexiconEntry[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.json')) continue;
    const json = readJson(path.join(dir, name)) as { entries?: LexiconEntry[] };
    if (Array.isArray(json.entries)) out.push(...json.entries);
  }
  return out;
}

/** Loads kb/events (and the events/ folder of each extra KB directory, whose entries add to or replace ours). */
export function loadLexicon(kbDir: string, extraDirs: readonly string[] = []): Lexicon {
  const dir = path.join(kbDir, 'events');
  const entries = readEntryFiles(dir);
  for (const extra of extraDirs) {
    const more = readEntryFiles(path.join(extra, 'events'));
    for (const e of more) {
      const at = entries.findIndex((x) => x.id === e.id);
      if (at >= 0) entries[at] = e;
      else entries.push(e);
    }
  }
  const topicsMeta = readJson(path.join(dir, 'topics.json')) as { version?: string };
  return compileLexicon(entries, {
    families: readFamilies(path.join(dir, 'families.tsv')),
    topics: readTopics(path.join(dir, 'topics.json')),
    operators: readOperators(path.join(dir, 'operators.json')),
    version: `${entries.length}e-${topicsMeta.version ?? '1'}`,
  });
}
