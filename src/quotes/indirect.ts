// Indirect speech: a verb of saying with a reported clause after it ("said (that) NATO would not…", "…, saying the
// alliance could do more", "according to X, …") or before it ("NATO will not deploy, Stoltenberg said.").

import type { Candidate, Cue, QuoteContext } from './context.js';
import { skipAdjuncts, speakerOfCue } from './direct.js';
import { clauseStart, type Phrase, phraseStartingAt } from './speaker.js';
import { isBeForm, isNameish, isVerb, type Tok } from './tokens.js';

const WH_WORDS = new Set(['if', 'whether', 'why', 'how', 'what', 'when', 'where', 'who', 'which']);
const CLAUSE_STARTERS = new Set([
  'there',
  'it',
  'he',
  'she',
  'they',
  'we',
  'i',
  'you',
  'this',
  'these',
  'those',
]);
const STOP_AT = new Set([';']);
const CLAUSE_BREAKS = new Set(['while', 'whereas', 'although', 'though', 'compared', 'but', 'however']);
const PARTICIPLE_CUE =
  /^(saying|adding|noting|insisting|arguing|warning|explaining|claiming|stressing|writing|telling)$/;

interface Clause {
  first: number;
  last: number;
}

const OBJECT_PRONOUNS = new Set(['us', 'him', 'them', 'me']);

function isFiniteVerb(u: Tok): boolean {
  return u.pos === 'AUX' || (isVerb(u) && !/ing$/.test(u.lower));
}

/**
 * A reported clause starts at token k: a subject followed by a finite verb ("NATO would not deploy"). After verbs
 * that take clauses (`loose`), a longer subject will do as long as a finite verb comes before the next comma — or,
 * after say/tell/write (`pastCommas`), before the end of the sentence.
 */
function isClauseStart(ctx: QuoteContext, k: number, hi: number, loose = false, pastCommas = false): boolean {
  const v = ctx.v;
  const t = v.at(k);
  if (!t || k >= hi || OBJECT_PRONOUNS.has(t.lower)) return false;
  const gerund = t.pos === 'VERB' && /ing$/.test(t.lower);
  const nounish =
    gerund ||
    t.pos === 'DET' ||
    t.pos === 'NOUN' ||
    t.pos === 'PROPN' ||
    t.pos === 'ADJ' ||
    t.pos === 'NUM' ||
    isNameish(t) ||
    CLAUSE_STARTERS.has(t.lower) ||
    (t.pos === 'PRON' && t.lower !== 'that');
  if (!nounish) return false;
  // The subject, then (past adverbs) its verb.
  const subject = gerund ? null : phraseStartingAt(v, k, hi);
  let m = subject ? subject.last + 1 : k + 1;
  while (m < hi && (v.at(m) as Tok).pos === 'ADV') m++;
  const next = v.at(m);
  if (m < hi && next && isFiniteVerb(next)) return true;
  if (!loose && !gerund) return false;
  for (let n = k + 1; n < hi && n < k + 40; n++) {
    const u = v.at(n) as Tok;
    if (/^[.;:]$/.test(u.text) || (u.text === ',' && !pastCommas)) return false;
    if (isFiniteVerb(u)) return true;
  }
  return false;
}

/** Where a reported clause starting at token k ends (inclusive), before the next attribution or a semicolon. */
function clauseEnd(ctx: QuoteContext, k: number, hi: number): number {
  const v = ctx.v;
  let end = hi - 1;
  for (let m = k; m < hi; m++) {
    const t = v.at(m) as Tok;
    if (STOP_AT.has(t.text)) {
      end = m - 1;
      break;
    }
    if ((t.text === ',' || t.text === '—' || t.text === '–') && !ctx.quoteAt(t.start)) {
      const next = v.at(m + 1);
      // ", saying…", ", according to…", ", while…", and "who said X, said Y": the clause ends here.
      const nextCue = next ? ctx.cueAt(m + 1) : null;
      if (
        next &&
        (PARTICIPLE_CUE.test(next.lower) ||
          (isVerb(next) && /ing$/.test(next.lower)) ||
          next.lower === 'according' ||
          CLAUSE_BREAKS.has(next.lower) ||
          (nextCue?.verb.clausal && !nextCue.particle))
      ) {
        end = m - 1;
        break;
      }
      // ", he said" / ", officials said" closing the sentence.
      const cueAhead = findTrailingCue(ctx, m + 1, hi);
      if (cueAhead) {
        end = m - 1;
        break;
      }
    }
    // "…, and three-quarters said the same": another attribution begins.
    if ((t.lower === 'and' || t.lower === 'but') && m > k && anotherAttribution(ctx, m + 1, hi)) {
      end = m - 1;
      break;
    }
    if (t.text === ':' && v.at(m + 1) && ctx.quoteAt((v.at(m + 1) as Tok).start)) {
      end = m - 1;
      break;
    }
  }
  while (end >= k && /^[.,;:—–-]$/.test((v.at(end) as Tok).text)) end--;
  return end;
}

/** A subject and a cue verb within a few words: "64 percent who say", "three-quarters said". */
function anotherAttribution(ctx: QuoteContext, k: number, hi: number): boolean {
  for (let m = k; m < hi && m < k + 8; m++) {
    const t = ctx.v.at(m) as Tok;
    const cue = ctx.cueAt(m);
    if (cue?.verb.clausal && m > k) return true;
    if (isVerb(t) || t.pos === 'AUX' || t.pos === 'PUNCT') return false;
  }
  return false;
}

/** A cue right after a comma that ends the sentence: ", X said (in a statement)." / ", said X." */
function findTrailingCue(ctx: QuoteContext, k: number, hi: number): Cue | null {
  const v = ctx.v;
  for (let m = k; m < hi && m < k + 12; m++) {
    const t = v.at(m) as Tok;
    if (t.text === ',' || t.text === '.') {
      if (m === k) return null;
    }
    const cue = ctx.cueAt(m);
    if (cue) {
      if (cue.particle || !cue.verb.clausal) return null;
      // Only adjuncts may follow the cue up to the end of the sentence.
      const after = skipAdjuncts(ctx, cue, cue.last + 1, hi);
      const rest =
        after >= hi ? '' : ctx.doc.text.slice((v.at(after) as Tok).start, (v.at(hi - 1) as Tok).end);
      if (/^[.!?]?$/.test(rest.trim()) || /^,\s*(adding|saying|noting)\b/.test(rest.trim())) return cue;
      return null;
    }
    if (
      isVerb(t) ||
      t.pos === 'AUX' ||
      t.pos === 'SCONJ' ||
      (t.pos === 'PUNCT' && t.text !== ',' && t.text !== '-')
    )
      return null;
  }
  return null;
}

function isPassive(ctx: QuoteContext, cue: Cue): boolean {
  const v = ctx.v;
  let j = cue.first - 1;
  while (j >= 0 && (v.at(j) as Tok).pos === 'ADV') j--;
  const t = v.at(j);
  return !!t && isBeForm(t) && !/ing$/.test((v.at(cue.first) as Tok).lower);
}

function forwardClause(ctx: QuoteContext, cue: Cue, hi: number): Clause | null {
  const v = ctx.v;
  let k = skipAdjuncts(ctx, cue, cue.last + 1, hi, (at) => isClauseStart(ctx, at, hi));
  const t = v.at(k);
  if (!t || k >= hi) return null;
  const afterThat = v.at(k + 1);
  if (t.lower === 'that' && afterThat && (afterThat.pos === 'AUX' || afterThat.pos === 'VERB')) {
    // "said that was a natural part": a demonstrative subject, not the complementiser.
  } else if (t.lower === 'that' && (t.pos === 'SCONJ' || t.pos === 'PRON' || t.pos === 'DET')) {
    k++;
    if (v.at(k)?.text === ',') k++;
  } else if (
    WH_WORDS.has(t.lower) &&
    (cue.verb.lemma === 'ask' || cue.verb.lemma === 'wonder' || cue.verb.lemma === 'say')
  ) {
    // "asked whether…": the question is the content.
  } else if (cue.verb.lemma === 'according to') {
    const source = phraseStartingAt(v, k, hi);
    if (!source || v.at(source.last + 1)?.text !== ',') return null;
    k = source.last + 2;
  } else if (!isClauseStart(ctx, k, hi, cue.verb.clausal, cue.verb.clausal && cue.verb.strong)) {
    return null;
  }
  if (k >= hi) return null;
  const start = v.at(k) as Tok;
  const quote = ctx.quoteAt(start.start);
  // "said: “…”" or "said “…”": the direct quote is the content.
  if (quote && quote.open === start.start) {
    const after = v.indexAtOrAfter(quote.close);
    const rest = after >= hi ? '' : ctx.doc.text.slice((v.at(after) as Tok).start, (v.at(hi - 1) as Tok).end);
    if (/^[.!?,;]?$/.test(rest.trim()) || /^,/.test(rest.trim())) return null;
  }
  const last = clauseEnd(ctx, k, hi);
  if (last < k) return null;
  return { first: k, last };
}

/** "NATO will not deploy, Stoltenberg said." — the clause before a sentence-final cue. */
function backwardClause(ctx: QuoteContext, cue: Cue, lo: number, hi: number): Clause | null {
  const v = ctx.v;
  // The comma that closes the reported clause: just before the subject, or just before the verb ("…, said X").
  let comma = -1;
  for (let m = cue.first - 1; m >= lo && m >= cue.first - 10; m--) {
    const t = v.at(m) as Tok;
    if (t.text === ',') {
      comma = m;
      break;
    }
    if (isVerb(t) || t.pos === 'SCONJ' || t.pos === 'CCONJ' || ctx.quoteAt(t.start)) return null;
  }
  if (comma < 0) return null;
  const after = skipAdjuncts(ctx, cue, cue.last + 1, hi);
  if (cue.verb.lemma !== 'according to') {
    const rest =
      after >= hi ? '' : ctx.doc.text.slice((v.at(after) as Tok).start, (v.at(hi - 1) as Tok).end).trim();
    if (!/^[.!?]?$/.test(rest) && !/^,\s*(adding|saying|noting)\b/.test(rest)) return null;
  }
  const first = clauseStart(ctx.v, lo, comma);
  if (first >= comma) return null;
  const firstTok = v.at(first) as Tok;
  if (ctx.quoteAt(firstTok.start)) return null;
  let hasVerb = false;
  for (let m = first; m < comma; m++) {
    const t = v.at(m) as Tok;
    if (t.pos === 'AUX' || isVerb(t)) hasVerb = true;
    if (m > first && t.text === ',' && ctx.cueAt(m + 1)) return null;
  }
  if (!hasVerb) return null;
  let last = comma - 1;
  while (last >= first && /^[.,;:—–-]$/.test((v.at(last) as Tok).text)) last--;
  return last >= first ? { first, last } : null;
}

/** Indirect quotes of a Doc; quotes already found (direct and partial) say where not to look. */
export function indirectQuotes(ctx: QuoteContext): Candidate[] {
  const v = ctx.v;
  const out: Candidate[] = [];
  for (let s = 0; s < v.sentenceTokens.length; s++) {
    const [lo, hi] = v.sentenceTokens[s] as [number, number];
    if (lo >= hi) continue;
    const first = v.at(lo) as Tok;
    if (ctx.isHeading(first.start)) continue;
    const paragraph = ctx.paragraphIndexOf(first.start);
    for (let i = lo; i < hi; i++) {
      const t = v.at(i) as Tok;
      if (ctx.quoteAt(t.start)) continue;
      const cue = ctx.cueAt(i);
      if (!cue || cue.particle) continue;
      const asks = cue.verb.lemma === 'ask' || cue.verb.lemma === 'wonder';
      if (!cue.verb.clausal && !asks) continue;
      if (isPassive(ctx, cue)) continue;
      let clause = forwardClause(ctx, cue, hi);
      if (clause && asks && !WH_WORDS.has((v.at(clause.first) as Tok).lower)) clause = null;
      const forward = clause !== null;
      clause ??= asks ? null : backwardClause(ctx, cue, lo, hi);
      if (!clause) continue;
      let speaker: Phrase | null;
      if (cue.verb.lemma === 'according to') speaker = phraseStartingAt(v, cue.last + 1, hi);
      else speaker = speakerOfCue(ctx, cue, lo, hi);
      if (!speaker) continue;
      // The speaker cannot sit inside what they are reported to have said.
      if (speaker.first >= clause.first && speaker.last <= clause.last) continue;
      const a = v.at(clause.first) as Tok;
      const b = v.at(clause.last) as Tok;
      out.push({
        start: a.start,
        end: b.end,
        kind: 'indirect',
        cue: ctx.cueRef(cue),
        speaker,
        mayContinue: false,
        paragraph,
        sentence: s,
      });
      // A clause reported inside another is part of it, not a second attribution.
      i = forward ? clause.last : cue.last;
    }
  }
  return out;
}
