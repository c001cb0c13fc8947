// Name lists for the NER's gazetteer features, gathered from the project's KB files (countries, organisations,
// groups, people) when they exist, and matched against a sentence's tokens as B/I/L/U positions per list.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { HASH_SEED, hashChar, mix } from './hash.js';

/** Category → phrases (each a space-separated token sequence), sorted; stored inside the model file. */
export type GazetteerLists = Record<string, string[]>;

const MAX_PHRASE_TOKENS = 8;

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

const NAME_KEYS = ['name', 'names', 'short', 'aliases', 'surname', 'demonyms', 'adjectives', 'capitalNames'];

/** The records of a KB file whatever its outer shape: an array, `{key: [...]}`, `{id: record}` or one record. */
function recordsOf(json: unknown): Record<string, unknown>[] {
  if (Array.isArray(json)) return json.filter(isObject);
  if (!isObject(json)) return [];
  if (NAME_KEYS.some((k) => k in json)) return [json];
  const out: Record<string, unknown>[] = [];
  for (const value of Object.values(json)) {
    if (Array.isArray(value)) out.push(...value.filter(isObject));
    else if (isObject(value) && NAME_KEYS.some((k) => k in value)) out.push(value);
  }
  return out;
}

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** Splits a name the way CoNLL and wink tokenise news text, closely enough for lookup. */
export function phraseTokens(name: string): string[] {
  return name
    .replace(/\([^)]*\)/g, ' ')
    .replace(/([,;:!?"“”])/g, ' ')
    .replace(/(\w)'s\b/g, "$1 's")
    .split(/\s+/)
    .filter((t) => t.length > 0);
}

function add(lists: Map<string, Set<string>>, category: string, names: string[]): void {
  let set = lists.get(category);
  if (!set) {
    set = new Set();
    lists.set(category, set);
  }
  for (const name of names) {
    const tokens = phraseTokens(name);
    if (tokens.length === 0 || tokens.length > MAX_PHRASE_TOKENS) continue;
    set.add(tokens.join(' '));
  }
}

/**
 * Reads the KB's name lists; missing or malformed files are skipped, so the result may be empty. Sorted, so
 * the same KB always gives the same lists (and the same model bytes).
 */
export function loadGazetteerLists(kbDir: string): GazetteerLists {
  const lists = new Map<string, Set<string>>();
  for (const r of recordsOf(readJson(path.join(kbDir, 'countries.json')))) {
    add(lists, 'country', [...stringsOf(r.names), ...stringsOf(r.name), ...stringsOf(r.short)]);
    add(lists, 'demonym', [...stringsOf(r.demonyms), ...stringsOf(r.adjectives)]);
    add(lists, 'capital', stringsOf(r.capitalNames));
  }
  for (const [file, category] of [
    ['organizations.json', 'org'],
    ['groups.json', 'group'],
  ] as const) {
    for (const r of recordsOf(readJson(path.join(kbDir, file)))) {
      add(lists, category, [...stringsOf(r.names), ...stringsOf(r.name), ...stringsOf(r.aliases)]);
    }
  }
  const peopleDir = path.join(kbDir, 'people');
  if (existsSync(peopleDir)) {
    let files: string[] = [];
    try {
      files = readdirSync(peopleDir)
        .filter((f) => f.endsWith('.json'))
        .sort();
    } catch {
      files = [];
    }
    for (const f of files) {
      for (const r of recordsOf(readJson(path.join(peopleDir, f)))) {
        add(lists, 'person', [...stringsOf(r.name), ...stringsOf(r.names), ...stringsOf(r.aliases)]);
        add(lists, 'surname', stringsOf(r.surname));
      }
    }
  }
  const out: GazetteerLists = {};
  for (const category of [...lists.keys()].sort()) {
    const phrases = [...(lists.get(category) as Set<string>)].sort();
    if (phrases.length > 0) out[category] = phrases;
  }
  return out;
}

/** Hash of a lower-cased token, the same as the feature extractor's word hash. */
export function lowerHash(word: string): number {
  let h = HASH_SEED;
  for (let i = 0; i < word.length; i++) {
    let c = word.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    else if (c > 127) c = word[i]?.toLowerCase().charCodeAt(0) ?? c;
    h = hashChar(h, c);
  }
  return h;
}

interface Entry {
  hashes: Int32Array;
  category: number;
  /** The phrase starts with a lower-case letter, so a lower-case token may match it. */
  lower: boolean;
}

const POSITIONS = 4; // B, I, L, U
export const GAZ_SLOTS = 4;

/** A matcher over the lists: per token, up to GAZ_SLOTS feature ids (category × position), 0 = none. */
export class Gazetteer {
  readonly categories: string[];
  private readonly byFirst = new Map<number, Entry[]>();
  readonly empty: boolean;

  constructor(lists: GazetteerLists) {
    this.categories = Object.keys(lists).sort();
    this.categories.forEach((category, c) => {
      for (const phrase of lists[category] ?? []) {
        const words = phrase.split(' ');
        const hashes = Int32Array.from(words.map(lowerHash));
        const first = hashes[0] as number;
        const entry = { hashes, category: c, lower: /^\p{Ll}/u.test(phrase) };
        const list = this.byFirst.get(first);
        if (list) list.push(entry);
        else this.byFirst.set(first, [entry]);
      }
    });
    // Longest phrases first, so the first hit per category is the longest.
    for (const list of this.byFirst.values()) list.sort((a, b) => b.hashes.length - a.hashes.length);
    this.empty = this.byFirst.size === 0;
  }

  /**
   * Fills `out` (length ≥ n × GAZ_SLOTS) with feature values for each token: for every category with a
   * (longest) match covering the token, mix(category, position). `lower` holds the tokens' lower-case hashes
   * and `capital` whether each token starts with something other than a lower-case letter.
   */
  match(lower: Int32Array, capital: Uint8Array, n: number, out: Int32Array): void {
    out.fill(0, 0, n * GAZ_SLOTS);
    if (this.empty) return;
    const ncat = this.categories.length;
    for (let i = 0; i < n; i++) {
      const list = this.byFirst.get(lower[i] as number);
      if (!list) continue;
      let seen = 0; // categories already matched at this start (bit set; at most 31 categories)
      for (const e of list) {
        const len = e.hashes.length;
        if (i + len > n || (seen & (1 << e.category)) !== 0 || (!capital[i] && !e.lower)) continue;
        let ok = true;
        for (let k = 1; k < len; k++) {
          if (e.hashes[k] !== lower[i + k]) {
            ok = false;
            break;
          }
        }
        if (!ok) continue;
        seen |= 1 << e.category;
        for (let k = 0; k < len; k++) {
          const pos = len === 1 ? 3 : k === 0 ? 0 : k === len - 1 ? 2 : 1;
          const value = mix(0x6a7a + e.category * POSITIONS + pos, ncat);
          const base = (i + k) * GAZ_SLOTS;
          for (let s = 0; s < GAZ_SLOTS; s++) {
            const cur = out[base + s] as number;
            if (cur === value) break;
            if (cur === 0) {
              out[base + s] = value;
              break;
            }
          }
        }
      }
    }
  }
}
