// Direct and partial quotes: each quoted span is read with the words before it in its sentence (the head: "X said:")
// and after it (the tail: ", said X"), which give its cue, its speaker and whether it is a whole quote or a fragment
// inside the writer's sentence. Quoted words with no cue and no sentence of their own are scare quotes or titles.

import type { Candidate, Cue, QuoteContext } from './context.js';
import type { QuotedSpan } from './marks.js';
import {
  clauseStart,
  clauseSubject,
  isPronounPhrase,
  objectAfter,
  type Phrase,
  phraseEndingAt,
  phraseStartingAt,
  subjectOf,
} from './speaker.js';
import { isNameish, isVerb, type Tok } from './tokens.js';

interface Attribution {
  cue: Cue;
  speaker: Phrase | null;
}

const TAIL_PUNCT = /^[,—–-]$/;
const HEAD_PUNCT = /^[:,—–-]$/;
const INTRO = new Set(['and', 'but', 'so', 'yet', 'or', 'then', 'still', 'now']);
const SENTENCE_END = /[.?!…]$/;
const SKIP_ADP = new Set([
  'on',
  'in',
  'at',
  'during',
  'after',
  'before',
  'via',
  'through',
  'to',
  'with',
  'from',
  'over',
  'of',
  'about',
]);
const TIME_WORDS = new Set(
  'monday tuesday wednesday thursday friday saturday sunday today yesterday tonight earlier later recently again also then repeatedly previously publicly privately'.split(
    ' ',
  ),
);
const TIME_NOUNS = new Set([
  'morning',
  'afternoon',
  'evening',
  'night',
  'week',
  'weekend',
  'month',
  'year',
  'day',
]);
const OBJECT_TAGS = new Set(['DET', 'NOUN', 'PROPN', 'ADJ', 'NUM']);
const FUNCTION_WORDS = new Set(
  'a an the of and or in on at to for with by from as is are was be it its not no but'.split(' '),
);

/**
 * Skips the hearer and the adjuncts between a cue and what it reports: "told reporters on Wednesday (that)",
 * "said in a statement:". `isClause` says where a reported clause starts, so that it is not taken for the hearer.
 */
export function skipAdjuncts(
  ctx: QuoteContext,
  cue: Cue,
  k: number,
  hi: number,
  isClause: (at: number) => boolean = () => false,
): number {
  const v = ctx.v;
  if (cue.verb.object && v.at(k)?.lower !== 'that') {
    const hearer = phraseStartingAt(v, k, hi);
    // "told The Post on Saturday that…": a hearer, since "that" follows; "told him she…": a clause follows it.
    if (
      hearer &&
      (!isClause(k) ||
        /^(that|:|,)$/.test(
          v.at(skipAdjuncts(ctx, { ...cue, verb: { ...cue.verb, object: false } }, hearer.last + 1, hi))
            ?.lower ?? '',
        ))
    ) {
      k = hearer.last + 1;
    }
  }
  for (let guard = 0; guard < 5 && k < hi; guard++) {
    const t = v.at(k) as Tok;
    if (TIME_WORDS.has(t.lower) || (t.pos === 'ADV' && !/^(that|so|how|why|when)$/.test(t.lower))) {
      k++;
      continue;
    }
    if (SKIP_ADP.has(t.lower)) {
      const np = phraseStartingAt(v, k + 1, hi);
      if (np) {
        k = np.last + 1;
        continue;
      }
    }
    if ((t.lower === 'last' || t.lower === 'this' || t.lower === 'next') && v.at(k + 1)?.pos === 'NOUN') {
      k += 2;
      continue;
    }
    if (TIME_NOUNS.has(t.lower)) {
      k++;
      continue;
    }
    break;
  }
  return k;
}

/** The speaker of a cue in a clause starting at token lo. */
export function speakerOfCue(ctx: QuoteContext, cue: Cue, lo: number, hi: number): Phrase | null {
  const v = ctx.v;
  if (cue.verb.lemma === 'according to') return objectAfter(v, cue.last + 1, hi);
  const word = v.at(cue.first) as Tok;
  if (/ing$/.test(word.lower) && word.lower !== 'sing') {
    // The main clause may lie before an earlier quote of the sentence, so look from the sentence start.
    const sentence = v.sentenceIndexOf(word.start);
    const start = sentence >= 0 ? Math.min(lo, (v.sentenceTokens[sentence] as [number, number])[0]) : lo;
    // "with Trump reportedly yelling": the participle has a subject of its own; after a comma it takes the main one.
    let j = cue.first - 1;
    while (j >= lo && (v.at(j) as Tok).pos === 'ADV') j--;
    const own = j >= lo ? phraseEndingAt(v, j, lo) : null;
    if (own && (isNameish(v.at(own.head) as Tok) || isPronounPhrase(v, own))) return own;
    return mainClauseSubject(ctx, start, cue.first);
  }
  const subject = subjectOf(v, cue.first, lo);
  if (subject) return subject;
  // "…, said X": the speaker after the verb.
  const before = v.at(cue.first - 1);
  if (!before || cue.first === lo || TAIL_PUNCT.test(before.text) || /^["”»’']$/.test(before.text)) {
    return objectAfter(v, cue.last + 1, hi);
  }
  return null;
}

/** The subject of a sentence's main clause, for "…, saying" and "…, adding". */
export function mainClauseSubject(ctx: QuoteContext, lo: number, hi: number): Phrase | null {
  const v = ctx.v;
  for (let k = lo; k < hi; k++) {
    const t = v.at(k) as Tok;
    if (!isVerb(t) || /ing$/.test(t.lower) || v.at(k - 1)?.lower === 'to') continue;
    if (ctx.quoteAt(t.start)) continue;
    const subject = subjectOf(v, k, lo);
    if (subject) return subject;
  }
  return clauseSubject(v, lo, hi);
}

/** A verb of saying proper (say, tell, write, add…), which can introduce a whole quote. */
function isSaying(cue: Cue): boolean {
  return cue.verb.strong || cue.verb.clausal;
}

function isCore(cue: Cue): boolean {
  return cue.verb.clausal && cue.verb.strong;
}

/** After a tail cue, only adjuncts may follow: "said Friday", "told Reuters in an interview when asked". */
function endsAttribution(ctx: QuoteContext, cue: Cue, k: number, hi: number): boolean {
  const after = skipAdjuncts(ctx, cue, k, hi);
  const t = ctx.v.at(after);
  if (after >= hi || !t) return true;
  // "wrote a viral blog": the verb has an object of its own, so it does not report the quote.
  return !OBJECT_TAGS.has(t.pos) && !isNameish(t);
}

/** ", X said", ", said X", ", X, the minister, said", ", according to X" right after the closing mark. */
function tailAttribution(
  ctx: QuoteContext,
  q: QuotedSpan,
  t0: number,
  t1: number,
  lexiconOnly: boolean,
): Attribution | null {
  const v = ctx.v;
  let k = t0;
  while (k < t1 && TAIL_PUNCT.test((v.at(k) as Tok).text)) k++;
  if (k >= t1) return null;
  const lastInner = ctx.doc.text.slice(q.start, q.end).trimEnd().slice(-1);
  const commaAfter = k > t0 && (v.at(t0) as Tok).text === ',';
  // ", said X" — or any verb before a name: "“This is fantastic!” beamed Donald Hartley".
  const first = ctx.cueAt(k, true);
  const firstTok = v.at(k) as Tok;
  if (first && (first.verb.strong || first.verb.lemma === 'according to') && !first.particle) {
    const speaker = objectAfter(v, first.last + 1, t1);
    if (speaker) return { cue: first, speaker };
  } else if ((first || firstTok.pos === 'VERB') && !lexiconOnly && (/[,?!]/.test(lastInner) || commaAfter)) {
    // "reads a Wednesday editorial", "beamed Donald Hartley": the phrase after the verb must end the clause.
    const speaker = objectAfter(v, (first?.last ?? k) + 1, t1);
    const next = speaker ? v.at(speaker.last + 1) : undefined;
    const named = speaker && (isNameish(v.at(speaker.head) as Tok) || first !== null);
    if (speaker && named && (!next || /^[,.;]$/.test(next.text))) {
      return { cue: first ?? { first: k, last: k, verb: GENERIC(firstTok.lower), particle: false }, speaker };
    }
  }
  // The first verb after the quote, with nothing but its subject between.
  for (let m = k + 1; m < t1 && m < k + 32; m++) {
    const t = v.at(m) as Tok;
    const cue = ctx.cueAt(m, true);
    if (!cue && !isVerb(t)) continue;
    const generic = !cue && !lexiconOnly && (/[,?!]/.test(lastInner) || commaAfter);
    if (!cue && !generic) return null;
    const subject = subjectOf(v, m, k);
    if (!subject || subject.first !== clauseStart(v, k, m)) return null;
    // A verb outside the lexicon reports a quote only with a person for subject ("Trump joked", not "the balloons").
    if (!cue && !isNameish(v.at(subject.head) as Tok) && !isPronounPhrase(v, subject)) return null;
    const found: Cue = cue ?? { first: m, last: m, verb: GENERIC(t.lower), particle: false };
    if (!found.particle && !endsAttribution(ctx, found, found.last + 1, t1)) return null;
    return { cue: found, speaker: subject };
  }
  return null;
}

interface HeadResult {
  /** Nothing before the quote in its sentence but punctuation and conjunctions. */
  empty: boolean;
  attribution: Attribution | null;
  /** The quote is the whole of what the cue reports ("X said: “…”"), not a fragment of the writer's sentence. */
  direct: boolean;
}

function headAttribution(ctx: QuoteContext, h0: number, h1: number): HeadResult {
  const v = ctx.v;
  let j = h1 - 1;
  let punct = '';
  while (j >= h0 && HEAD_PUNCT.test((v.at(j) as Tok).text)) {
    punct = (v.at(j) as Tok).text;
    j--;
  }
  let content = h0;
  while (content <= j && (INTRO.has((v.at(content) as Tok).lower) || (v.at(content) as Tok).pos === 'CCONJ'))
    content++;
  if (content > j) return { empty: true, attribution: null, direct: false };
  const at = (cue: Cue, direct: boolean): HeadResult => ({
    empty: false,
    attribution: { cue, speaker: speakerOfCue(ctx, cue, h0, h1) },
    direct,
  });
  const marked = punct === ':' || punct === ',';
  // "X said: “…”", "X says “…”".
  for (let m = j; m >= Math.max(h0, j - 1); m--) {
    const cue = ctx.cueAt(m);
    if (cue && cue.last === j) {
      if (cue.particle || cue.verb.lemma === 'according to') break;
      return at(cue, isSaying(cue));
    }
  }
  // "told reporters: “…”", "said in a statement, “…”".
  if (marked) {
    for (let m = j - 1; m >= h0 && m >= j - 12; m--) {
      const cue = ctx.cueAt(m);
      if (!cue) continue;
      if (!cue.particle && isSaying(cue) && skipAdjuncts(ctx, cue, cue.last + 1, j + 1) === j + 1)
        return at(cue, true);
      break;
    }
    // "According to the newspaper, “…”".
    for (let m = content; m < j; m++) {
      const cue = ctx.cueAt(m);
      if (cue?.verb.lemma !== 'according to') continue;
      const source = objectAfter(v, cue.last + 1, j + 1);
      if (source && source.last === j)
        return { empty: false, attribution: { cue, speaker: source }, direct: true };
      break;
    }
    // "Kasich: “…”" — a name and a colon, as in headlines and transcripts.
    if (punct === ':' && content <= j) {
      const speaker = phraseStartingAt(v, content, j + 1);
      let colon = j + 1;
      while (colon < h1 && (v.at(colon) as Tok).text !== ':') colon++;
      if (speaker && speaker.last === j && isNameish(v.at(speaker.head) as Tok)) {
        return {
          empty: false,
          attribution: { cue: { first: colon, last: colon, verb: COLON, particle: false }, speaker },
          direct: true,
        };
      }
    }
  }
  // A fragment inside the writer's sentence: the nearest verb of saying before it, preferring say/tell/write.
  let nearest: Cue | null = null;
  for (let m = j; m >= h0; m--) {
    const cue = ctx.cueAt(m);
    if (!cue) continue;
    if (isCore(cue)) return at(cue, false);
    nearest ??= cue;
  }
  return nearest ? at(nearest, false) : { empty: false, attribution: null, direct: false };
}

const COLON = { lemma: ':', clausal: false, object: false, strong: true };

/** A verb outside the lexicon that the position shows to be a cue ("beamed", "went on"). */
function GENERIC(lemma: string) {
  return { lemma, clausal: false, object: false, strong: false };
}

/** The last sentence of the previous paragraph, when it ends with a colon: "McCrummen reports:", "X echoed:". */
function colonLead(ctx: QuoteContext, paragraph: number): Attribution | null {
  const prev = ctx.paragraphs[paragraph - 1];
  if (!prev || prev.kind === 'heading' || !ctx.doc.text.slice(prev.start, prev.end).trimEnd().endsWith(':'))
    return null;
  const v = ctx.v;
  const last = v.indexAtOrAfter(prev.end) - 1;
  const sentence = v.sentenceIndexOf((v.at(last) as Tok).start);
  const lo =
    sentence >= 0 ? (v.sentenceTokens[sentence] as [number, number])[0] : v.indexAtOrAfter(prev.start);
  for (let m = last - 1; m >= lo && m >= last - 12; m--) {
    const cue = ctx.cueAt(m);
    if (cue) return { cue, speaker: speakerOfCue(ctx, cue, lo, last) };
  }
  // "President Clinton released the following statement:": the main verb and its subject.
  for (let m = lo; m < last; m++) {
    const t = v.at(m) as Tok;
    if (!isVerb(t) || /ing$/.test(t.lower)) continue;
    const speaker = subjectOf(v, m, lo);
    if (speaker) return { cue: { first: m, last: m, verb: GENERIC(t.lower), particle: false }, speaker };
    break;
  }
  return null;
}

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/** "Parks and Recreation", "Make America Great Again": every content word capitalised, a title or a slogan. */
function isTitleCase(text: string): boolean {
  const ws = words(text);
  if (ws.length === 0 || ws.length > 8) return false;
  const content = ws.filter((w) => !FUNCTION_WORDS.has(w.toLowerCase()));
  return (
    content.length > 0 && content.every((w) => /^[\p{Lu}\p{N}]/u.test(w.replace(/^[^\p{L}\p{N}]+/u, '')))
  );
}

/** Reads one quoted span; null when it is not a quote of anyone (a title, a scare-quoted term, a heading). */
function readQuote(ctx: QuoteContext, index: number): Candidate | null {
  const q = ctx.spans[index] as QuotedSpan;
  const prevQ = ctx.spans[index - 1];
  const nextQ = ctx.spans[index + 1];
  if (ctx.isHeading(q.open)) return null;
  const v = ctx.v;
  const text = ctx.doc.text;
  const paragraph = ctx.paragraphIndexOf(q.open);
  const sOpen = v.sentenceIndexOf(q.open);
  const sClose = v.sentenceIndexOf(Math.max(q.open, q.close - 1));
  const openSentence = ctx.v.sentences[sOpen];
  const closeSentence = ctx.v.sentences[sClose];
  // Head: from the start of the sentence (or the end of the quote before it) to the opening mark.
  let headStart = openSentence ? openSentence.start : (ctx.paragraphs[paragraph]?.start ?? 0);
  if (prevQ && prevQ.close > headStart) headStart = prevQ.close;
  const h0 = v.indexAtOrAfter(headStart);
  const h1 = v.indexAtOrAfter(q.open);
  // Tail: from the closing mark to the end of its sentence, or of the next when a "?”" ended the sentence early.
  const limit = nextQ ? nextQ.open : Number.POSITIVE_INFINITY;
  const t0 = v.indexAtOrAfter(q.close);
  let tailEnd = closeSentence ? Math.max(closeSentence.end, q.close) : q.close;
  const tailText = text.slice(q.close, tailEnd).trim();
  const nextSentence = ctx.v.sentences[sClose + 1];
  // A "?”" or "!”" often ends the tagger's sentence before ", he asked": the tail is then the next sentence.
  let newSentence = false;
  const endsWithMark = /[?!,]$/.test(text.slice(q.start, q.end).trimEnd());
  if (
    q.closed &&
    (tailText === '' || tailText === '.') &&
    nextSentence &&
    nextSentence.start >= q.close &&
    ctx.paragraphIndexOf(nextSentence.start) === paragraph &&
    (endsWithMark || /^\p{Ll}/u.test(text.slice(nextSentence.start, nextSentence.start + 1)))
  ) {
    tailEnd = Math.min(nextSentence.end, limit);
    newSentence = /^\p{Lu}/u.test(text.slice(nextSentence.start, nextSentence.start + 1));
  }
  const t1 = Math.max(t0, v.indexAtOrAfter(tailEnd));
  const inner = text.slice(q.start, q.end);
  const count = words(inner).length;
  const sentenceLike = SENTENCE_END.test(inner.trimEnd()) || /[,?!]$/.test(inner.trimEnd());
  // The comma that stands for the full stop before "he said" is the writer's, not the speaker's.
  let end = q.end;
  while (end > q.start && /[\s,]/.test(text[end - 1] as string)) end--;
  const base = { start: q.start, end, paragraph, sentence: sOpen, mayContinue: false };
  const make = (kind: Candidate['kind'], a: Attribution | null): Candidate => ({
    ...base,
    kind,
    cue: a ? ctx.cueRef(a.cue) : null,
    speaker: a?.speaker ?? null,
  });

  const head = headAttribution(ctx, h0, h1);
  const tail = q.closed ? tailAttribution(ctx, q, t0, t1, newSentence) : null;
  // Words of the writer's sentence going on after the quote make it a fragment of that sentence.
  const rest = text.slice(q.close, tailEnd).trim();
  const runsOn = !tail && !/^[.?!…,;:)\]—–-]*$/.test(rest) && !/^[,;—–-]/.test(rest);
  const title = isTitleCase(inner) && !SENTENCE_END.test(inner.trimEnd());
  if (tail) {
    if (title && !isCore(tail.cue)) return null;
    return make(head.empty || head.direct ? 'direct' : 'partial', tail);
  }
  if (head.attribution) {
    if (title && !(head.direct && isCore(head.attribution.cue))) return null;
    return make(head.direct && !runsOn ? 'direct' : 'partial', head.attribution);
  }
  if (!head.empty) return null;
  // A quote that opens its sentence with no cue in it.
  if (runsOn && !sentenceLike) return null;
  if ((count <= 3 && !SENTENCE_END.test(inner.trimEnd())) || title) return null;
  const atParagraphStart = text.slice(ctx.paragraphs[paragraph]?.start ?? 0, q.open).trim() === '';
  const lead = atParagraphStart ? colonLead(ctx, paragraph) : null;
  if (lead) return make('direct', lead);
  return { ...make('direct', null), mayContinue: true };
}

/** Direct and partial quotes from the quoted spans of a Doc. */
export function directQuotes(ctx: QuoteContext): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < ctx.spans.length; i++) {
    const candidate = readQuote(ctx, i);
    if (candidate) out.push(candidate);
  }
  return out;
}
