// Builds a Doc's quotes layer: direct, partial and indirect quotes, runs of quotes carried over to the speaker who
// opened them, pronoun and relative-pronoun speakers resolved to their antecedent, speakers linked to actors.

import type { Doc, Quote, Span } from '../document/index.js';
import { type Candidate, QuoteContext } from './context.js';
import { directQuotes } from './direct.js';
import { indirectQuotes } from './indirect.js';
import { linkSpeaker } from './link.js';
import {
  clauseSubject,
  isPronounPhrase,
  nameTokens,
  type Phrase,
  phraseEndingAt,
  phraseName,
} from './speaker.js';
import { isNameish, type Tok } from './tokens.js';

interface Resolved {
  span: Span;
  /** Where the speaker was named, when the span itself is a pronoun. */
  antecedent: Span | null;
  name: string;
  /** The speaker is named (not a bare pronoun left unresolved). */
  named: boolean;
}

const PERSONAL = new Set(['he', 'she', 'i', 'we', 'you']);

/**
 * Gives sentence-initial quotes without a cue to the run they belong to: the speaker quoted just before in the same
 * paragraph, or at the end of the previous one; failing that, the quote right after that names its speaker ("“…” ¶
 * “…,” X said."). A run shares its cue, so that it reads as one attribution.
 */
function continueRuns(ctx: QuoteContext, candidates: Candidate[]): void {
  const v = ctx.v;
  const atParagraphStart = (c: Candidate) => {
    const p = ctx.paragraphs[c.paragraph];
    return !!p && ctx.doc.text.slice(p.start, c.start).replace(/["“”„«»'‘’‹›\s]/g, '') === '';
  };
  const endsParagraph = (c: Candidate) => {
    const p = ctx.paragraphs[c.paragraph];
    const lastSentence = p ? v.sentenceIndexOf(p.end - 1) : -1;
    return lastSentence < 0 || v.sentenceIndexOf(Math.max(c.start, c.end - 1)) >= lastSentence;
  };
  const join = (c: Candidate, other: Candidate) => {
    const from = other.from ?? other;
    c.from = from;
    c.speaker = from.speaker;
    c.cue = from.cue;
  };
  let last: Candidate | null = null;
  for (const c of candidates) {
    if (c.mayContinue && !c.speaker && last?.speaker) {
      const sameParagraph = last.paragraph === c.paragraph;
      const previousParagraph =
        last.paragraph === c.paragraph - 1 && atParagraphStart(c) && endsParagraph(last);
      if (sameParagraph || previousParagraph) join(c, last);
    }
    if (c.speaker) last = c;
  }
  let next: Candidate | null = null;
  for (let i = candidates.length - 1; i >= 0; i--) {
    const c = candidates[i] as Candidate;
    if (c.mayContinue && !c.speaker && next?.speaker && next.kind === 'direct' && next.cue) {
      const sameParagraph = next.paragraph === c.paragraph;
      const nextParagraph = next.paragraph === c.paragraph + 1 && atParagraphStart(next) && endsParagraph(c);
      if (sameParagraph || nextParagraph) join(c, next);
    }
    if (c.kind !== 'indirect') next = c;
  }
}

class Resolver {
  private readonly ctx: QuoteContext;
  private readonly done = new Map<Candidate, Resolved>();
  private nameRuns: { end: number; last: string; text: string }[] | null = null;

  constructor(ctx: QuoteContext) {
    this.ctx = ctx;
  }

  resolve(c: Candidate, earlier: readonly Candidate[]): Resolved | null {
    if (!c.speaker) return null;
    const cached = this.done.get(c.from ?? c);
    if (cached) return cached;
    const r = this.resolvePhrase(c, c.speaker, earlier);
    this.done.set(c, r);
    return r;
  }

  private resolvePhrase(c: Candidate, p: Phrase, earlier: readonly Candidate[]): Resolved {
    const v = this.ctx.v;
    const span = v.span(p.first, p.last);
    if (!isPronounPhrase(v, p)) {
      return { span, antecedent: null, name: this.fullName(p, span.start), named: true };
    }
    const word = (v.at(p.first) as Tok).lower;
    let antecedent: Phrase | null = null;
    if (word === 'who' || word === 'which' || word === 'that') {
      const before = v.at(p.first - 1)?.text === ',' ? p.first - 2 : p.first - 1;
      antecedent = phraseEndingAt(v, before, Math.max(0, before - 12));
      if (antecedent && isPronounPhrase(v, antecedent)) antecedent = null;
      if (antecedent) {
        const a = v.span(antecedent.first, antecedent.last);
        return { span, antecedent: a, name: this.fullName(antecedent, a.start), named: true };
      }
    }
    const found = this.antecedentOf(c, p, word, earlier);
    if (found) return { span, antecedent: found.antecedent, name: found.name, named: true };
    return { span, antecedent: null, name: span.text, named: false };
  }

  /** The nearest earlier speaker or sentence subject that a pronoun can refer to, within a few sentences. */
  private antecedentOf(
    c: Candidate,
    p: Phrase,
    word: string,
    earlier: readonly Candidate[],
  ): { antecedent: Span; name: string } | null {
    const v = this.ctx.v;
    const at = (v.at(p.first) as Tok).start;
    const personal = PERSONAL.has(word);
    const sentence = v.sentenceIndexOf(at);
    for (let s = sentence; s >= 0 && s >= sentence - 4; s--) {
      const sentenceSpan = v.sentences[s];
      if (!sentenceSpan) continue;
      // Speakers quoted in that sentence are the likeliest referents.
      for (let i = earlier.length - 1; i >= 0; i--) {
        const e = earlier[i] as Candidate;
        if (e === c || e.sentence !== s) continue;
        const r = this.done.get(e);
        if (!r?.named || r.span.start >= at) continue;
        return { antecedent: r.antecedent ?? r.span, name: r.name };
      }
      const [lo, hi] = v.sentenceTokens[s] as [number, number];
      const subject = clauseSubject(v, lo, s === sentence ? v.indexAtOrAfter(at) : hi);
      if (!subject || isPronounPhrase(v, subject) || subject.first >= p.first) continue;
      // Words inside a quote are the speaker's, not the writer's: their subject is no antecedent.
      if (this.ctx.quoteAt((v.at(subject.first) as Tok).start)) continue;
      const head = v.at(subject.head) as Tok;
      if (personal && !isNameish(head)) continue;
      const a = v.span(subject.first, subject.last);
      return { antecedent: a, name: this.fullName(subject, a.start) };
    }
    return null;
  }

  /** The name a phrase gives; a lone surname takes the fuller name used earlier ("Cruz" → "Ted Cruz"). */
  private fullName(p: Phrase, at: number): string {
    const v = this.ctx.v;
    const name = phraseName(v, p);
    const tokens = nameTokens(v, p);
    if (!tokens || tokens[0] !== tokens[1]) return name;
    const last = (v.at(tokens[1]) as Tok).text;
    let best: string | null = null;
    for (const run of this.runs()) {
      if (run.end > at) break;
      if (run.last === last) best = run.text;
    }
    return best ?? name;
  }

  /** Every run of two or more name words in the text, titles stripped, in text order. */
  private runs(): { end: number; last: string; text: string }[] {
    if (this.nameRuns) return this.nameRuns;
    const v = this.ctx.v;
    const runs: { end: number; last: string; text: string }[] = [];
    let i = 0;
    while (i < v.length) {
      const t = v.at(i) as Tok;
      if (!isNameish(t) && t.pos !== 'PROPN') {
        i++;
        continue;
      }
      let j = i;
      while (j + 1 < v.length) {
        const next = v.at(j + 1) as Tok;
        if ((isNameish(next) || next.pos === 'PROPN') && next.start - (v.at(j) as Tok).end <= 1) j++;
        else break;
      }
      const name = nameTokens(v, { first: i, last: j, head: j });
      if (name && name[1] > name[0]) {
        const s = v.span(name[0], name[1]);
        runs.push({ end: s.end, last: (v.at(name[1]) as Tok).text, text: s.text });
      }
      i = j + 1;
    }
    this.nameRuns = runs;
    return runs;
  }
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The quotes of a Doc with sentences and tokens (and actors, when the actors stage ran). */
export function detectQuotes(doc: Doc): Quote[] {
  const ctx = new QuoteContext(doc);
  const direct = directQuotes(ctx);
  const whole = direct.filter((c) => c.kind === 'direct');
  const indirect = indirectQuotes(ctx).filter((c) => !whole.some((d) => overlaps(c, d)));
  const candidates = [...direct, ...indirect].sort((a, b) => a.start - b.start || b.end - a.end);
  continueRuns(ctx, candidates);
  const resolver = new Resolver(ctx);
  // Resolve in speaker order, so that a pronoun can refer to a speaker named earlier in the text.
  const bySpeaker = [...candidates].sort(
    (a, b) =>
      (a.speaker ? (ctx.v.at(a.speaker.first) as Tok).start : a.start) -
      (b.speaker ? (ctx.v.at(b.speaker.first) as Tok).start : b.start),
  );
  const resolved = new Map<Candidate, Resolved | null>();
  const seen: Candidate[] = [];
  for (const c of bySpeaker) {
    resolved.set(c, resolver.resolve(c, seen));
    seen.push(c);
  }
  return candidates.map((c) => {
    const r = resolved.get(c) ?? null;
    return {
      start: c.start,
      end: c.end,
      text: doc.text.slice(c.start, c.end),
      kind: c.kind,
      cue: c.cue,
      speaker: r ? linkSpeaker(doc, r.span, r.antecedent, r.name) : null,
    };
  });
}
