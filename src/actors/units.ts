// A sentence's candidate names: the longest KB phrase at each word, merged with the recogniser's entities. The
// KB wins where both speak, except where a recognised name only contains a place-like KB word ("George
// Washington", "Washington Post").

import type { KbEntry, KnowledgeBase } from '../kb/index.js';
import type { NerSpan } from './recogniser.js';
import { POS, properRunEnd, type Words } from './words.js';

export type NerType = NerSpan['type'];

export interface Unit {
  /** Word range [start, end). */
  start: number;
  end: number;
  /** KB entries for the phrase ([] for a recogniser-only unit). */
  entries: KbEntry[];
  /** The recogniser's type for exactly this span, if it found it. */
  ner: NerType | null;
}

/** Kinds a longer recognised name may swallow: a capital inside "Washington Post" is not the capital. */
const WEAK_KINDS = new Set([
  'capital',
  'seat',
  'orgSeat',
  'country',
  'demonym',
  'adjective',
  'region',
  'surname',
]);

/** The longest KB phrase at each word of [from, to), left to right. */
export function kbUnits(kb: KnowledgeBase, words: Words, from: number, to: number): Unit[] {
  const units: Unit[] = [];
  for (let i = from; i < to; i++) {
    if (!kb.trie.starts(words.key[i] as string)) continue;
    const m = kb.trie.longest(words.key, words.caseClass, i, to);
    if (!m) continue;
    units.push({ start: i, end: m.end, entries: m.entries, ner: null });
    i = m.end - 1;
  }
  return units;
}

/**
 * Whether the recogniser could add anything: a capitalised word no KB phrase covers (the first word of the
 * sentence counts only as a proper noun). English names are capitalised, so other sentences skip the model.
 */
export function needsRecogniser(units: readonly Unit[], words: Words, from: number, to: number): boolean {
  let u = 0;
  for (let i = from; i < to; i++) {
    while (u < units.length && (units[u] as Unit).end <= i) u++;
    const unit = units[u];
    if (unit && unit.start <= i) {
      i = unit.end - 1;
      continue;
    }
    if (words.caseClass[i] === 0) continue;
    if (i > from || words.pos[i] === POS.PROPN) return true;
  }
  return false;
}

/** KB units merged with the recogniser's entities (word indices relative to `from`). */
export function findUnits(
  kb: KnowledgeBase,
  words: Words,
  from: number,
  to: number,
  spans: readonly NerSpan[],
  honorifics: ReadonlySet<string> = new Set(),
  known: Unit[] = kbUnits(kb, words, from, to),
): Unit[] {
  // "Mr Putin": the honorific is not part of the name (and would hide the KB's "Putin").
  const ner = spans.map((span) =>
    span.type === 'PER' && span.end - span.start > 1 && honorifics.has(words.key[from + span.start] as string)
      ? { ...span, start: span.start + 1 }
      : span,
  );
  const units = known;
  if (ner.length === 0) return units;
  const out = units.slice();
  for (const span of ner) {
    const s = span.start + from;
    const e = span.end + from;
    const inside: Unit[] = [];
    let partial = false;
    for (const u of units) {
      if (u.end <= s || u.start >= e) continue;
      if (u.start >= s && u.end <= e) inside.push(u);
      else partial = true;
    }
    if (partial) continue;
    if (inside.length === 0) {
      out.push({ start: s, end: e, entries: [], ner: span.type });
      continue;
    }
    if (inside.length === 1 && inside[0]?.start === s && inside[0]?.end === e) {
      (inside[0] as Unit).ner = span.type;
      continue;
    }
    // The recogniser's name is longer than the KB phrases in it: it wins only over place-like words, and only
    // when the words it adds are not KB words (so "US Army" stays US + army).
    if (span.type !== 'PER' && span.type !== 'ORG') continue;
    if (!inside.every((u) => u.entries.every((en) => WEAK_KINDS.has(en.kind)))) continue;
    const covered = inside.reduce((n, u) => n + (u.end - u.start), 0);
    if (covered === e - s) continue;
    for (const u of inside) out.splice(out.indexOf(u), 1);
    out.push({ start: s, end: e, entries: [], ner: span.type });
  }
  out.sort((a, b) => a.start - b.start);
  return joinParticles(out, words, to);
}

/** Lower-case name particles that sit inside a person's name: "Osama bin Laden", "Ursula von der Leyen". */
const PARTICLES = new Set([
  'bin',
  'bint',
  'ibn',
  'al',
  'el',
  'de',
  'da',
  'di',
  'del',
  'van',
  'von',
  'der',
  'den',
  'abu',
]);

/** A recognised person followed by particles and a capitalised word is one name, however the model split it. */
function joinParticles(units: Unit[], words: Words, to: number): Unit[] {
  for (let k = 0; k < units.length; k++) {
    const u = units[k] as Unit;
    if (u.ner !== 'PER' || u.entries.length > 0) continue;
    let j = u.end;
    while (j < to && j - u.end < 3 && PARTICLES.has(words.key[j] as string)) j++;
    if (j === u.end || j >= to || words.caseClass[j] === 0) continue;
    const next = units[k + 1];
    if (next && next.start < j) continue;
    const kbAt = (x: number) =>
      units.some((v) => v.start === x && v.entries.some((e) => e.kind !== 'surname'));
    if (kbAt(j)) continue;
    u.end = properRunEnd(words, j, to, kbAt);
    // Recognised pieces inside the joined name ("Al-Aiban" read as an organisation) go.
    while ((units[k + 1]?.start ?? to) < u.end) {
      const v = units[k + 1] as Unit;
      if (v.end > u.end) u.end = v.end;
      units.splice(k + 1, 1);
    }
  }
  return units;
}
