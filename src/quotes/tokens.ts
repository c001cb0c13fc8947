// A read-only view of a Doc's tokens for the quote rules: text, lower case and tag per token, the sentence of each
// token, and the word-class tests the rules share (noun-phrase tokens, names, pronouns).

import type { Doc, PosTag, Sentence } from '../document/index.js';

export interface Tok {
  start: number;
  end: number;
  text: string;
  lower: string;
  pos: PosTag;
}

export class TokenView {
  readonly toks: Tok[];
  readonly sentences: readonly Sentence[];
  /** For each sentence, the index of its first token and one past its last. */
  readonly sentenceTokens: [number, number][];
  readonly text: string;

  private readonly doc: Doc;

  constructor(doc: Doc) {
    this.doc = doc;
    this.text = doc.text;
    const table = doc.tokens;
    this.toks = new Array(table.length);
    for (let i = 0; i < table.length; i++) {
      const start = table.start(i);
      const end = table.end(i);
      const text = doc.text.slice(start, end);
      this.toks[i] = { start, end, text, lower: text.toLowerCase(), pos: table.posTag(i) };
    }
    this.sentences = doc.sentences;
    this.sentenceTokens = doc.sentences.map((s) => [
      this.indexAtOrAfter(s.start),
      this.indexAtOrAfter(s.end),
    ]);
  }

  get length(): number {
    return this.toks.length;
  }

  at(i: number): Tok | undefined {
    return this.toks[i];
  }

  /** Index of the first token starting at or after `offset` (the token count when there is none). */
  indexAtOrAfter(offset: number): number {
    let lo = 0;
    let hi = this.toks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.toks[mid] as Tok).start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the sentence holding `offset`, or -1 (the Doc's own lookup). */
  sentenceIndexOf(offset: number): number {
    return this.doc.sentenceIndexOf(offset);
  }

  /** Text from the start of token i to the end of token j (inclusive). */
  span(i: number, j: number): { start: number; end: number; text: string } {
    const start = (this.toks[i] as Tok).start;
    const end = (this.toks[j] as Tok).end;
    return { start, end, text: this.text.slice(start, end) };
  }
}

export const QUOTE_MARK = /^["“”„«»'‘’‹›]$/;

export const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'i', 'we', 'you']);
export const RELATIVE_PRONOUNS = new Set(['who', 'which', 'that']);
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);
const FUNCTION_TAGS = new Set<PosTag>([
  'DET',
  'ADP',
  'CCONJ',
  'SCONJ',
  'PRON',
  'AUX',
  'PART',
  'PUNCT',
  'ADV',
  'INTJ',
  'NUM',
]);

/** A capitalised content word: the tagger often calls first names verbs ("Ted/VERB Cruz"), so case decides. */
export function isNameish(t: Tok): boolean {
  return /^\p{Lu}/u.test(t.text) && !FUNCTION_TAGS.has(t.pos) && !QUOTE_MARK.test(t.text);
}

/** A verb by its tag, unless capitalised mid-sentence: the tagger calls first names verbs ("Josh/VERB Earnest"). */
export function isVerb(t: Tok): boolean {
  return t.pos === 'VERB' && !isNameish(t);
}

export function isPossessive(t: Tok): boolean {
  return t.lower === "'s" || t.lower === '’s' || t.lower === '’' || t.lower === "'";
}

/** A token that can sit inside a noun phrase. */
export function isNounPhraseToken(t: Tok): boolean {
  if (isNameish(t)) return true;
  switch (t.pos) {
    case 'NOUN':
    case 'PROPN':
    case 'ADJ':
    case 'NUM':
      return true;
    case 'DET':
      return true;
    case 'PRON':
      return POSSESSIVE_PRONOUNS.has(t.lower);
    case 'PART':
      return isPossessive(t);
    default:
      return false;
  }
}

/** A token that can head a noun phrase. */
export function isNounHead(t: Tok): boolean {
  return t.pos === 'NOUN' || t.pos === 'PROPN' || isNameish(t);
}

const BE_FORMS = new Set(['is', 'was', 'were', 'are', 'been', 'being', 'be', "'s", '’s']);

export function isBeForm(t: Tok): boolean {
  return BE_FORMS.has(t.lower);
}
