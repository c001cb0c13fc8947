// What the quote rules share while working on one Doc: its tokens, its quoted spans, paragraph lookup, the cue
// recogniser over tokens, and the candidate record that the rules produce before speakers are resolved.

import type { Doc, MentionRef, Paragraph } from '../document/index.js';
import { CUE_PARTICLES, type CueVerb, cueVerb } from './cues.js';
import { findQuotedSpans, type QuotedSpan } from './marks.js';
import type { Phrase } from './speaker.js';
import { type Tok, TokenView } from './tokens.js';

export type QuoteKind = 'direct' | 'partial' | 'indirect';

/** A quote found by the rules, its speaker still a phrase of the text (resolved and linked later). */
export interface Candidate {
  start: number;
  end: number;
  kind: QuoteKind;
  cue: MentionRef | null;
  speaker: Phrase | null;
  /** The candidate this one continues (a run of quotes), whose speaker and cue it takes. */
  from?: Candidate;
  /** A sentence-initial quote without a cue of its own, which may continue the previous speaker's run. */
  mayContinue: boolean;
  paragraph: number;
  sentence: number;
}

export interface Cue {
  /** First and last token of the cue ("called for", "according to"). */
  first: number;
  last: number;
  verb: CueVerb;
  /** The cue ends in a particle ("called for", "pointed out"): what follows is its object, not a clause. */
  particle: boolean;
}

const ACCORDING: CueVerb = { lemma: 'according to', clausal: true, object: false, strong: true };
// Forms that are verbs of saying whatever the tagger says (it sometimes tags "says" as a noun).
const ALWAYS_VERBS = new Set(['said', 'says', 'told', 'tweeted', 'wrote', 'asked']);

export class QuoteContext {
  readonly doc: Doc;
  readonly v: TokenView;
  readonly spans: QuotedSpan[];
  readonly paragraphs: readonly Paragraph[];

  constructor(doc: Doc) {
    this.doc = doc;
    this.v = new TokenView(doc);
    this.paragraphs =
      doc.paragraphs.length > 0 ? doc.paragraphs : [{ start: 0, end: doc.text.length, kind: 'body' }];
    this.spans = findQuotedSpans(doc.text, this.paragraphs);
  }

  paragraphIndexOf(offset: number): number {
    let lo = 0;
    let hi = this.paragraphs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const p = this.paragraphs[mid] as Paragraph;
      if (offset < p.start) hi = mid - 1;
      else if (offset >= p.end) lo = mid + 1;
      else return mid;
    }
    return Math.max(0, Math.min(lo, this.paragraphs.length - 1));
  }

  isHeading(offset: number): boolean {
    return this.paragraphs[this.paragraphIndexOf(offset)]?.kind === 'heading';
  }

  /** The quoted span (marks included) holding `offset`, or null. */
  quoteAt(offset: number): QuotedSpan | null {
    // The outermost spans are sorted and do not overlap: a binary search finds the last one opening before offset.
    let lo = 0;
    let hi = this.spans.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.spans[mid] as QuotedSpan).open <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const s = this.spans[found];
    return s && offset < s.close ? s : null;
  }

  /**
   * The cue that starts at token i, or null. `loose` accepts a form the tagger did not call a verb, for places where
   * only a verb can stand (", Viguerie notes.").
   */
  cueAt(i: number, loose = false): Cue | null {
    const t = this.v.at(i);
    if (!t) return null;
    if (t.lower === 'according' && this.v.at(i + 1)?.lower === 'to') {
      return { first: i, last: i + 1, verb: ACCORDING, particle: false };
    }
    const verb = cueVerb(t.lower);
    if (!verb) return null;
    if (t.pos !== 'VERB' && !ALWAYS_VERBS.has(t.lower) && !loose) return null;
    // "…, say, hooking them": the discourse marker.
    const prev = this.v.at(i - 1);
    const next = this.v.at(i + 1);
    if (t.lower === 'say' && prev?.text === ',' && next?.text === ',') return null;
    // "so-called", "well-said": part of a compound.
    if (prev && prev.end === t.start && /^[-‐]$/.test(prev.text)) return null;
    // "a Twitter comment", "the report": a noun the tagger took for a verb.
    if (
      prev &&
      (/^(a|an|the|his|her|its|their|our|my|your)$/.test(prev.lower) || /^['’]s$/.test(prev.lower))
    ) {
      return null;
    }
    const particles = CUE_PARTICLES[verb.lemma];
    if (particles) {
      if (next && particles.includes(next.lower)) return { first: i, last: i + 1, verb, particle: true };
      if (verb.lemma === 'point') return null;
    }
    return { first: i, last: i, verb, particle: false };
  }

  cueRef(cue: Cue): MentionRef {
    return this.v.span(cue.first, cue.last);
  }

  tok(i: number): Tok | undefined {
    return this.v.at(i);
  }
}
