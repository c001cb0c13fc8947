// Finds who speaks: the noun phrase that is the subject of a cue verb ("X said", "X, the minister, said"), the one
// after it ("said X"), the subject of a main clause for "…, saying", and the name a phrase gives a person.

import {
  isNameish,
  isNounHead,
  isNounPhraseToken,
  isPossessive,
  RELATIVE_PRONOUNS,
  SUBJECT_PRONOUNS,
  type Tok,
  type TokenView,
} from './tokens.js';

/** A noun phrase by token indices, inclusive; `head` is its last word outside any parentheses. */
export interface Phrase {
  first: number;
  last: number;
  head: number;
}

const CONNECTORS = new Set(['of', 'for', 'at', 'to']);
const MAX_PHRASE = 14;

function isHyphenInside(v: TokenView, k: number): boolean {
  const t = v.at(k);
  const prev = v.at(k - 1);
  const next = v.at(k + 1);
  return (
    !!t &&
    !!prev &&
    !!next &&
    (t.text === '-' || t.text === '‐') &&
    prev.end === t.start &&
    t.end === next.start
  );
}

/** A bare apostrophe closing a plural possessive ("the farmers’ union"), which the tagger may call punctuation. */
function isPossessiveMark(v: TokenView, k: number): boolean {
  const t = v.at(k);
  const prev = v.at(k - 1);
  const next = v.at(k + 1);
  return (
    !!t &&
    !!prev &&
    !!next &&
    (t.text === '’' || t.text === "'") &&
    prev.end === t.start &&
    /s$/i.test(prev.text) &&
    next.start > t.end &&
    isNounPhraseToken(next)
  );
}

function inPhrase(v: TokenView, k: number): boolean {
  const t = v.at(k);
  // The first half of a hyphenated word belongs to the phrase whatever its tag ("far-right commentators").
  return (
    !!t &&
    (isNounPhraseToken(t) || isHyphenInside(v, k) || isHyphenInside(v, k + 1) || isPossessiveMark(v, k))
  );
}

function isPronoun(t: Tok): boolean {
  return (
    (t.pos === 'PRON' || t.pos === 'DET' || t.pos === 'SCONJ') &&
    (SUBJECT_PRONOUNS.has(t.lower) || RELATIVE_PRONOUNS.has(t.lower))
  );
}

function hasHead(v: TokenView, p: Phrase): boolean {
  for (let k = p.first; k <= p.last; k++) if (isNounHead(v.at(k) as Tok)) return true;
  return false;
}

/** The noun phrase ending at token j, reaching back no further than lo. */
export function phraseEndingAt(v: TokenView, j: number, lo: number): Phrase | null {
  const t = v.at(j);
  if (!t || j < lo) return null;
  if (isPronoun(t) && (SUBJECT_PRONOUNS.has(t.lower) || t.lower === 'who' || t.lower === 'which')) {
    return { first: j, last: j, head: j };
  }
  let k = j;
  let head = j;
  if (t.text === ')') {
    let open = k - 1;
    while (open >= lo && open > j - 8 && v.at(open)?.text !== '(') open--;
    if (open < lo || v.at(open)?.text !== '(') return null;
    k = open - 1;
    head = k;
  }
  let first = -1;
  while (k >= lo && j - k < MAX_PHRASE) {
    const tk = v.at(k) as Tok;
    if (inPhrase(v, k)) {
      first = k;
      k--;
      // A determiner opens its phrase, unless the phrase goes on behind a connector ("the head of the agency").
      const back = v.at(k);
      const noun = v.at(k - 1);
      if (tk.pos === 'DET' && !(back && CONNECTORS.has(back.lower) && noun && isNounHead(noun))) break;
      continue;
    }
    const before = v.at(k - 1);
    if (first >= 0 && CONNECTORS.has(tk.lower) && k - 1 >= lo && before && isNounHead(before)) {
      k--;
      continue;
    }
    break;
  }
  if (first < 0) return null;
  while (head > first && isPossessive(v.at(head) as Tok)) head--;
  const phrase = { first, last: j, head };
  return hasHead(v, phrase) ? phrase : null;
}

/** The noun phrase starting at token i, reaching no further than hi (exclusive). */
export function phraseStartingAt(v: TokenView, i: number, hi: number): Phrase | null {
  const t = v.at(i);
  if (!t || i >= hi) return null;
  if (isPronoun(t) && SUBJECT_PRONOUNS.has(t.lower)) return { first: i, last: i, head: i };
  let k = i;
  let last = -1;
  let head = -1;
  while (k < hi && k - i < MAX_PHRASE) {
    const tk = v.at(k) as Tok;
    // A determiner after the head starts something else ("Wednesday that taxes…").
    if (tk.pos === 'DET' && last >= 0 && !CONNECTORS.has(v.at(k - 1)?.lower ?? '')) break;
    if (isNounPhraseToken(tk) || (last >= 0 && (isHyphenInside(v, k) || isPossessiveMark(v, k)))) {
      last = k;
      if (!isPossessive(tk)) head = k;
      k++;
      continue;
    }
    if (tk.text === '(' && last >= 0) {
      let close = k + 1;
      while (close < hi && close < k + 8 && v.at(close)?.text !== ')') close++;
      if (close < hi && v.at(close)?.text === ')') {
        last = close;
        k = close + 1;
        continue;
      }
      break;
    }
    const next = v.at(k + 1);
    const lastTok = v.at(last);
    // "The Post and Courier", "AT&T": a conjunction inside a name.
    if (
      (tk.lower === 'and' || tk.text === '&') &&
      lastTok &&
      isNameish(lastTok) &&
      next &&
      isNameish(next) &&
      k + 1 < hi
    ) {
      k++;
      continue;
    }
    if (
      last >= 0 &&
      lastTok &&
      CONNECTORS.has(tk.lower) &&
      isNounHead(lastTok) &&
      next &&
      k + 1 < hi &&
      isNounPhraseToken(next)
    ) {
      k++;
      continue;
    }
    break;
  }
  if (last < 0 || head < 0) return null;
  const phrase = { first: i, last, head };
  return hasHead(v, phrase) ? phrase : null;
}

const INTRO_WORDS = new Set([
  'and',
  'but',
  'so',
  'yet',
  'meanwhile',
  'however',
  'still',
  'now',
  'also',
  'then',
  'indeed',
  'instead',
]);

/** Extends "the UK" to "the UK, France and Germany" when a list ending in and/or follows. */
function extendList(v: TokenView, p: Phrase, hi: number): Phrase {
  let k = p.last + 1;
  let best = p;
  let members = 0;
  while (k < hi && members < 6) {
    const sep = v.at(k);
    if (!sep || (sep.text !== ',' && sep.lower !== 'and' && sep.lower !== 'or')) break;
    let start = k + 1;
    if (sep.text === ',' && (v.at(start)?.lower === 'and' || v.at(start)?.lower === 'or')) start++;
    const next = phraseStartingAt(v, start, hi);
    if (!next) break;
    members++;
    const joined = sep.lower === 'and' || sep.lower === 'or' || start > k + 1;
    if (joined) best = { first: p.first, last: next.last, head: next.head };
    k = next.last + 1;
    if (joined) break;
  }
  return best;
}

/** Skips a clause's opening conjunctions and an introductory phrase ("In a statement, …") from token lo. */
export function clauseStart(v: TokenView, lo: number, hi: number): number {
  let k = lo;
  while (k < hi) {
    const t = v.at(k) as Tok;
    if (
      t.pos === 'CCONJ' ||
      t.pos === 'INTJ' ||
      INTRO_WORDS.has(t.lower) ||
      t.text === ',' ||
      /^[—–-]$/.test(t.text)
    )
      k++;
    else break;
  }
  const t = v.at(k);
  if (
    t &&
    (t.pos === 'ADP' ||
      t.pos === 'SCONJ' ||
      t.lower === 'according' ||
      (t.pos === 'ADV' && v.at(k + 1)?.text === ','))
  ) {
    for (let c = k + 1; c < hi && c < k + 18; c++) {
      if (v.at(c)?.text === ',') return c + 1;
    }
  }
  return k;
}

/**
 * The subject at the start of a clause: the first noun phrase after conjunctions and an introductory phrase. With
 * `needComma`, only a phrase followed by a comma counts (it opens an apposition or a relative clause).
 */
export function clauseSubject(v: TokenView, lo: number, hi: number, needComma = false): Phrase | null {
  const k = clauseStart(v, lo, hi);
  const p = phraseStartingAt(v, k, hi);
  if (!p) return null;
  const extended = extendList(v, p, hi);
  if (needComma && !/^[,—–(]$/.test(v.at(extended.last + 1)?.text ?? '')) return null;
  return extended;
}

const SKIP_BACK = new Set([
  'not',
  "n't",
  'n’t',
  'also',
  'later',
  'then',
  'since',
  'again',
  'once',
  'earlier',
  'previously',
]);
const TIME_WORDS = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday today yesterday tonight morning afternoon evening ' +
    'night week weekend month year day last this next january february march april may june july august september ' +
    'october november december'
  ).split(' '),
);

/** "Wednesday", "last month": a time phrase, which can stand between a subject and its verb but is no speaker. */
function isTimePhrase(v: TokenView, p: Phrase): boolean {
  for (let k = p.first; k <= p.last; k++) if (!TIME_WORDS.has((v.at(k) as Tok).lower)) return false;
  return true;
}

/** The grammatical subject of the verb at token `verb`, searching back no further than lo. */
export function subjectOf(v: TokenView, verb: number, lo: number): Phrase | null {
  let j = verb - 1;
  while (j >= lo) {
    const t = v.at(j) as Tok;
    if (t.pos === 'AUX' || t.pos === 'ADV' || SKIP_BACK.has(t.lower)) {
      j--;
      continue;
    }
    // "refused to say", "went on to say": the subject of the governing verb.
    if (t.lower === 'to' && j - 1 >= lo) {
      const before = v.at(j - 1) as Tok;
      if (before.pos === 'VERB') {
        j -= 2;
        continue;
      }
      if ((before.pos === 'ADP' || before.pos === 'ADV') && v.at(j - 2)?.pos === 'VERB' && j - 2 >= lo) {
        j -= 3;
        continue;
      }
    }
    break;
  }
  if (j < lo) return null;
  const t = v.at(j) as Tok;
  if (t.text === ',' || t.text === '—' || t.text === '–') {
    // "X, the minister, said", "X — a teacher — says", and "X did this, then says".
    return clauseSubject(v, lo, j + 1, true) ?? clauseSubject(v, lo, j);
  }
  // "Hayek confirmed she had been and said": the verbs share the subject of the clause.
  if (t.pos === 'CCONJ' || (t.text === ',' && v.at(j + 1)?.pos === 'CCONJ')) return clauseSubject(v, lo, j);
  let p = phraseEndingAt(v, j, lo);
  if (!p) return null;
  // "Police had last month charged", "a report published Wednesday said": look past the time phrase.
  if (isTimePhrase(v, p) && p.first - 1 >= lo) {
    let k = p.first - 1;
    while (k >= lo && ((v.at(k) as Tok).pos === 'AUX' || (v.at(k) as Tok).pos === 'ADV')) k--;
    if (k >= lo && v.at(k)?.pos === 'VERB' && /(ed|en)$/.test((v.at(k) as Tok).lower) && k > p.first - 3) k--;
    p = k >= lo ? phraseEndingAt(v, k, lo) : null;
    if (!p || isTimePhrase(v, p)) return null;
  }
  // "…, the UK, France and Germany said": take the whole list.
  const before = v.at(p.first - 1);
  if (before && (before.lower === 'and' || before.text === ',') && p.first - 1 > lo) {
    const start = clauseStart(v, lo, verb);
    const list = phraseStartingAt(v, start, verb);
    if (list) {
      const extended = extendList(v, list, verb);
      if (extended.last === p.last) return extended;
    }
  }
  return p;
}

/** The noun phrase after a verb ("said Ivo Daalder, who…"), skipping nothing but a determiner-led phrase. */
export function objectAfter(v: TokenView, i: number, hi: number): Phrase | null {
  return phraseStartingAt(v, i, hi);
}

const TITLES = new Set(
  (
    'president vice sen. senator rep. representative gov. governor mr. mrs. ms. miss dr. secretary minister prime ' +
    'chancellor king queen gen. general col. lt. maj. sgt. capt. judge justice mayor speaker pope prince princess ' +
    'sheikh ambassador chairman chairwoman chair ceo director professor prof. rev. sir dame lord lady state foreign ' +
    'defense defence attorney commissioner spokesman spokeswoman spokesperson candidate nominee leader chief ' +
    'officer adviser advisor aide former house senate presidential republican democratic democrat gop ' +
    'first deputy acting interior finance treasury commander admiral adm. sec. atty. supt. premier'
  ).split(' '),
);

function isTitle(t: Tok): boolean {
  return TITLES.has(t.lower) || TITLES.has(t.lower.replace(/\.$/, ''));
}

/** The name part of a phrase headed by a name, without titles: "US President Donald Trump" → "Donald Trump". */
export function nameTokens(v: TokenView, p: Phrase): [number, number] | null {
  const head = v.at(p.head);
  // Capitals, not the tagger's PROPN, say what is a name: it tags "official" and "spokesman" PROPN at times.
  if (!head || !isNameish(head)) return null;
  let a = p.head;
  while (a - 1 >= p.first) {
    const t = v.at(a - 1) as Tok;
    if (isNameish(t) || isHyphenInside(v, a - 1)) a--;
    else break;
  }
  let b = a;
  while (b < p.head) {
    const t = v.at(b) as Tok;
    const next = v.at(b + 1) as Tok;
    if (isTitle(t) || (isNameish(t) && isTitle(next))) b++;
    else break;
  }
  return [b, p.head];
}

/** The text that names the speaker: the name without titles for a named head, otherwise the phrase itself. */
export function phraseName(v: TokenView, p: Phrase): string {
  for (let k = p.first + 1; k < p.last; k++) {
    const t = v.at(k) as Tok;
    // A list of speakers ("the UK, France and Germany") is named as a whole.
    if (t.lower === 'and' || t.lower === 'or' || t.text === ',') return v.span(p.first, p.last).text;
  }
  const name = nameTokens(v, p);
  if (name) return v.span(name[0], name[1]).text;
  return v.span(p.first, p.last).text;
}

export function isPronounPhrase(v: TokenView, p: Phrase): boolean {
  const t = v.at(p.first) as Tok;
  return p.first === p.last && isPronoun(t);
}
