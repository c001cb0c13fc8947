// The event coder: per sentence, finds event words (verbs and nouns of the lexicon), matches their patterns, gives
// them a source and a target by clause position, folds complements into the code ("called on NATO to send troops"
// is one appeal for military cooperation), applies negation and modality, and splits compound actors.

import type { Actor, Doc, PosTag } from '../document/index.js';
import type { CameoTable } from './cameo.js';
import type { Element, FamilyRow, Lexicon, OperatorKind, Rule, TriggerForm } from './lexicon.js';
import {
  type ActorGroup,
  type ActorMember,
  isQuote,
  isRoleOnly,
  SentenceView,
  type Subject,
  type VerbGroup,
} from './sentence.js';

export interface Span2 {
  /** Local token indices [a, b). */
  a: number;
  b: number;
}

export interface Candidate {
  sentence: number;
  view: SentenceView;
  trigger: number;
  kind: 'verb' | 'noun';
  rule: Rule;
  /** Code after complements, negation and modality. */
  code: string;
  cls: string | null;
  source: ActorGroup | null;
  target: ActorGroup | null;
  negated: boolean;
  modality: string | null;
  confidence: number;
  /** Evidence: the trigger, the pattern words matched, the actors. */
  spans: Span2[];
  /** Where the matched pattern ends (local index, exclusive). */
  end: number;
  consumed: boolean;
  /** Notes for the rule string: complement folded in, negation, roles taken from elsewhere. */
  notes: string[];
  dropped: boolean;
  /** How the source was found, for confidence. */
  sourceHow: string;
  /** Made by an operator rule (reported obligation), not by a lexicon word. */
  synthetic?: boolean;
  /** The members of a compound act on each other (PETRARCH's "%"). */
  mutual?: boolean;
  /** The earlier sentence the target was lent from ("the mission" → "a mission in Iraq"). */
  bridgeView?: SentenceView;
}

function syntheticRule(id: string, code: string, pattern: string): Rule {
  return {
    id,
    pattern,
    entry: { id: id.split('#')[0] as string, code },
    kind: 'verb',
    lemma: '',
    pre: [],
    post: [],
    literals: 0,
  };
}

const REPORTED_MUST = syntheticRule('demand.reported-must#0', '100', '$ said + must …');
const REPORTED_SHOULD = syntheticRule('appeal.reported-should#0', '020', '$ said + should …');

/** One coded event before it becomes an EventRecord: a single source and target member. */
export interface CodedEvent {
  sentence: number;
  code: string;
  source: ActorMember | null;
  target: ActorMember | null;
  negated: boolean;
  modality: string | null;
  confidence: number;
  /** Document offsets of the evidence spans. */
  spans: { start: number; end: number }[];
  /** Document offset of the trigger word, for dates and places. */
  at: number;
  rule: string;
}

export interface CodingResources {
  lexicon: Lexicon;
  cameo: CameoTable;
  /**
   * Keep each pattern's own code: no refusal, intent or threat codes derived from negation and modality, no
   * reported-obligation demands (for foreign dictionaries whose patterns spell these cases out themselves).
   */
  literalCodes?: boolean;
  /**
   * PETRARCH's convention for its dictionaries, which mark no reciprocal verbs: a compound source that finds no
   * target acts on each other ("Ruritania and Freedonia renewed ties" → RUR→FRE and FRE→RUR).
   */
  compoundsActOnEachOther?: boolean;
}

const HARD_STOP = new Set([';', ':', '?', '!']);
/** Words opening a conditional or temporal clause, whose words say nothing of the event before them. */
/** Prepositions whose object a passive's subject cannot be ("were flown to the airport"). */
const PASSIVE_PREPS = new Set([
  'to',
  'on',
  'upon',
  'against',
  'with',
  'from',
  'for',
  'in',
  'at',
  'into',
  'over',
  'about',
  'toward',
  'towards',
  'between',
]);
/** Words opening a question clause ("discuss what role the alliance should play"). */
const WH_WORDS = new Set(['what', 'how', 'why', 'whether']);
/** Verbs by which a speaker names something ("what he called an attack"). */
const NAMING_VERBS = new Set(['called', 'described', 'termed', 'dubbed', 'branded', 'labelled', 'labeled']);
const DEFINITE = new Set(['the', 'this', 'these', 'those', 'that']);
const SUBORDINATORS = new Set(['if', 'unless', 'when', 'once', 'until', 'because', 'although', 'though']);
const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'us', 'me']);
/** Prepositions by which a noun points at an actor ("a mission in Iraq", "talks with Iran", "an attack on …"). */
const BRIDGE_PREPS = new Set([
  'to',
  'with',
  'on',
  'against',
  'between',
  'into',
  'toward',
  'towards',
  'for',
  'in',
]);
/** How many words may stand between a pattern word and the next one before it, in patterns that allow gaps. */
const PRE_GAP = 6;
const GAP_ADP = new Set(['of', 'up', 'about', 'around', 'nearly', 'over', 'some', 'almost']);
const ARTICLES = new Set(['a', 'an', 'the']);
/** Conjunctions tagged as prepositions that open a clause with its own subject ("after X was killed"). */
const CLAUSE_OPENERS = new Set(['after', 'before', 'since', 'until', 'till', 'as', 'once']);
const POSS_PRON = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your', 'whose']);
/** Roots of verbal acts that comment on another event: statements, approval, appeals, disapproval, rejection. */
const COMMENT_ROOTS = new Set(['01', '05', '10', '11', '12']);
const MAX_GAP = 5;
/** How many words may stand before a TABARI pattern word after the verb. */
const TABARI_GAP = 10;
/** What each word of a TABARI pattern phrase beyond the first adds to its score (as much as a pattern word). */
const TABARI_WORD = 3;
const SLOT_GAP = 8;
/** What may stand between a support verb and its event noun ("launched [a new] offensive"). */
const SUPPORT_GAP = new Set<PosTag>(['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN', 'PART', 'PRON']);
/** What may stand between a negation and the word it negates ("not [yet] ready"). */
const NEGATION_GAP = new Set<PosTag>(['AUX', 'ADV', 'PART']);

/**
 * Walks back from the token before k, at most `limit` tokens. At each, `stop` may end the walk with its answer
 * (undefined: keep going); otherwise the walk steps over the token if `over` allows it, and ends with null if not, as
 * it does at the limit or the start of the sentence.
 */
function scanBack<T>(
  k: number,
  limit: number,
  rule: { stop: (j: number) => T | null | undefined; over: (j: number) => boolean },
): T | null {
  for (let j = k - 1; j >= 0 && j >= k - limit; j--) {
    const answer = rule.stop(j);
    if (answer !== undefined) return answer;
    if (!rule.over(j)) return null;
  }
  return null;
}

interface Match {
  score: number;
  target: ActorGroup | null;
  source: ActorGroup | null;
  spans: Span2[];
  end: number;
  /** The passive subject filled the target slot. */
  passiveFill: boolean;
  /** A compound acting on itself ("%"): source and target are the same group. */
  mutual: boolean;
}

export class EventCoder {
  private readonly lexicon: Lexicon;
  private readonly cameo: CameoTable;
  private readonly familyByClass: Map<string, FamilyRow>;
  private readonly actCodes: [string, FamilyRow][];
  private readonly literal: boolean;
  private readonly mutualCompounds: boolean;
  /** Each sentence's candidates once coded, for events that look back at them. */
  private readonly coded = new WeakMap<SentenceView, Candidate[]>();

  constructor(resources: CodingResources) {
    this.literal = resources.literalCodes ?? false;
    this.mutualCompounds = resources.compoundsActOnEachOther ?? false;
    this.lexicon = resources.lexicon;
    this.cameo = resources.cameo;
    this.familyByClass = new Map(resources.lexicon.families.map((f) => [f.cls, f]));
    this.actCodes = [];
    for (const f of resources.lexicon.families) for (const c of f.act) this.actCodes.push([c, f]);
    this.actCodes.sort((a, b) => b[0].length - a[0].length);
  }

  /** Codes every sentence of a document; returns the events before merging. */
  codeDoc(doc: Doc): CodedEvent[] {
    const actors = new Map<string, Actor>(doc.actors.map((a) => [a.id, a]));
    const out: CodedEvent[] = [];
    const views: SentenceView[] = [];
    for (let s = 0; s < doc.sentences.length; s++) {
      const sentence = doc.sentences[s];
      if (!sentence) continue;
      const from = doc.tokens.indexAt(sentence.start);
      let to = from;
      while (to < doc.tokens.length && doc.tokens.start(to) < sentence.end) to++;
      if (to <= from) continue;
      const view = new SentenceView(doc, this.lexicon, from, to, actors);
      views[s] = view;
      const candidates = this.codeSentence(view, s, views);
      for (const c of candidates) out.push(...this.expand(c));
    }
    return out;
  }

  /** The candidates of one sentence (exposed for tests and explanations). */
  codeSentence(view: SentenceView, s: number, previous: SentenceView[] = []): Candidate[] {
    const candidates: Candidate[] = [];
    for (let i = 0; i < view.n; i++) {
      const readings = this.lexicon.forms.get(view.lower[i] as string);
      if (!readings) continue;
      const c = this.trigger(view, s, i, readings);
      // A dictionary pattern coded "---" matches in order to code nothing.
      if (c && c.rule.entry.code === '---') c.dropped = true;
      if (c) candidates.push(c);
    }
    // A word that is part of another word's pattern ("reimpose sanctions on Tehran") is no event of its own.
    for (const c of candidates) {
      for (const other of candidates) {
        if (other === c || other.dropped) continue;
        if (
          other.spans
            .slice(1)
            .some((sp) => sp.a <= c.trigger && c.trigger < sp.b && (view.groupAt[c.trigger] as number) < 0)
        )
          c.consumed = true;
      }
    }
    this.verbPhrases(view, candidates);
    this.foldComplements(view, candidates);
    this.coded.set(view, candidates);
    if (!this.literal) this.reportedObligations(view, s, candidates);
    for (const c of candidates) {
      if (c.consumed || c.dropped) continue;
      this.resolveRoles(view, c);
      this.senseByActors(c);
      this.resolveModality(view, c);
      if (!c.target && !c.dropped) this.nextActorTarget(view, c);
      if (!c.target && !c.dropped) this.bridgeTarget(view, c, previous, s);
      if (!c.target && !c.dropped) this.earlierEventTarget(view, c, previous, s);
      if (!c.target && !c.dropped) this.domesticTarget(c);
    }
    return candidates.filter((c) => !c.consumed && !c.dropped && (c.source || c.target));
  }

  /**
   * Senses that depend on who acts: a resignation needs a person or an office holder ("US forces would step aside"
   * is standing back), and militants "driven out" are fought, not expelled.
   */
  private senseByActors(c: Candidate): void {
    const entry = c.rule.entry;
    if (entry.agent === 'person' && c.source && !c.source.members.every((m) => m.person)) c.dropped = true;
    const armed = entry.armed;
    if (armed && c.target?.members.every((m) => isArmedCode(m.code))) {
      c.code = armed;
      c.cls = this.classOf(armed);
      c.notes.push('an armed target: fighting');
    }
  }

  /**
   * PETRARCH codes no verb inside the verb phrase of a verb it has coded: its complements, clauses and objects ("urged
   * Chile to let the envoys leave" is one appeal; "resumed ties after mobs attacked its consulate" one
   * resumption). The phrase runs to the end of the clause: a new clause after a comma ("…, an official said") or a
   * second predicate after "and" ends it. A pattern coded "---" codes nothing and keeps nothing from being coded.
   */
  private verbPhrases(view: SentenceView, candidates: Candidate[]): void {
    for (const c of candidates) {
      if (!c.rule.entry.tabari || c.kind !== 'verb' || c.dropped) continue;
      const end = this.verbPhraseEnd(view, c.trigger);
      for (const other of candidates) {
        if (other === c || !other.rule.entry.tabari || other.kind !== 'verb') continue;
        if (other.trigger > c.trigger && other.trigger < end) other.consumed = true;
      }
    }
  }

  private verbPhraseEnd(view: SentenceView, head: number): number {
    for (let k = head + 1; k < view.n; k++) {
      const t = view.lower[k] as string;
      if (HARD_STOP.has(t)) return k;
      if ((view.groupAt[k] as number) >= 0) continue;
      if (t === ',' && this.clauseAfterComma(view, k)) return k;
      if ((t === 'and' || t === 'but' || t === 'or') && this.predicateAfter(view, k)) return k;
    }
    return view.n;
  }

  /** ", a senior official said", ", he noted": a segment that opens with a noun phrase and holds a finite verb. */
  private clauseAfterComma(view: SentenceView, comma: number): boolean {
    const first = comma + 1;
    if (first >= view.n) return false;
    const p = view.pos[first];
    const t = view.lower[first] as string;
    const nominal =
      (view.groupAt[first] as number) >= 0 ||
      ((p === 'DET' || p === 'NOUN' || p === 'PROPN' || p === 'PRON') && !view.isClauseWord(first));
    if (!nominal || t === 'which' || t === 'who') return false;
    for (let k = first; k < view.n; k++) {
      const w = view.lower[k] as string;
      if (w === ',' || HARD_STOP.has(w)) return false;
      const v = view.verbAt[k] as number;
      if (v >= 0 && (view.verbs[v] as VerbGroup).finite) return true;
    }
    return false;
  }

  /** "… and warned that …", "… and crowds burned …": a finite verb after the conjunction, before any preposition. */
  private predicateAfter(view: SentenceView, conj: number): boolean {
    for (let k = conj + 1; k < view.n; k++) {
      const w = view.lower[k] as string;
      if (w === ',' || HARD_STOP.has(w) || view.isClauseWord(k)) return false;
      const v = view.verbAt[k] as number;
      if (v >= 0) return (view.verbs[v] as VerbGroup).finite;
      if ((view.groupAt[k] as number) < 0 && (view.pos[k] === 'ADP' || view.pos[k] === 'SCONJ')) return false;
    }
    return false;
  }

  private trigger(view: SentenceView, s: number, i: number, readings: TriggerForm[]): Candidate | null {
    const v = view.verbAt[i] as number;
    const isVerb = v >= 0;
    const nounish =
      !isVerb &&
      (view.pos[i] === 'NOUN' || view.pos[i] === 'PROPN' || view.nounContext(i) || view.pos[i] === 'VERB');
    let best: { rule: Rule; match: Match } | null = null;
    for (const reading of readings) {
      if (reading.kind === 'verb' && !isVerb) continue;
      if (reading.kind === 'noun' && !nounish) continue;
      if (reading.kind === 'noun' && reading.form === 'sg' && view.pos[i] === 'VERB' && !view.nounContext(i))
        continue;
      const verb = isVerb ? (view.verbs[v] as VerbGroup) : null;
      for (const rule of reading.rules) {
        const match = this.match(view, i, rule, verb, v);
        if (match && (!best || match.score > best.match.score)) best = { rule, match };
      }
    }
    if (!best) return null;
    const { rule, match } = best;
    return {
      sentence: s,
      view,
      trigger: i,
      kind: rule.kind,
      rule,
      code: rule.entry.code,
      cls: this.classOf(rule.entry.code, rule.entry.class),
      source: match.source,
      target: match.target,
      negated: false,
      modality: null,
      confidence: 0.9,
      // A verb's evidence includes its negation and modal ("would not deploy").
      spans: [
        isVerb && ((view.verbs[v] as VerbGroup).negated || (view.verbs[v] as VerbGroup).modal)
          ? { a: (view.verbs[v] as VerbGroup).start, b: i + 1 }
          : { a: i, b: i + 1 },
        ...match.spans,
      ],
      end: match.end,
      consumed: false,
      notes: match.passiveFill ? ['passive'] : match.mutual ? ['a compound acting on itself'] : [],
      mutual: match.mutual,
      dropped: false,
      sourceHow: '',
    };
  }

  // ---------------------------------------------------------------------------------------------------------
  // Pattern matching

  private skippable(view: SentenceView, k: number): boolean {
    const t = view.lower[k] as string;
    const p = view.pos[k];
    // Dates sit anywhere ("gave a warm welcome on Thursday to …").
    if (this.inTimex(view, k) || (p === 'ADP' && k + 1 < view.n && this.inTimex(view, k + 1))) return true;
    if ((view.groupAt[k] as number) >= 0) return true;
    if (
      p === 'DET' ||
      p === 'ADJ' ||
      p === 'ADV' ||
      p === 'NUM' ||
      p === 'NOUN' ||
      p === 'PROPN' ||
      p === 'SYM'
    )
      return true;
    if (p === 'PRON') return POSS_PRON.has(t) || t === 'itself' || t === 'themselves';
    if (p === 'PART') return view.isPossessiveMark(k) || t === "'s";
    if (p === 'PUNCT') return t === '-' || t === '‐' || isQuote(t) || t === "'s";
    if (p === 'ADP') {
      // Quantities: "up to 4,000 troops", "about 70 million dollars".
      const next = view.pos[k + 1];
      if (t === 'to' && view.lower[k - 1] === 'up') return next === 'NUM';
      return GAP_ADP.has(t) && (t === 'of' || next === 'NUM' || (t === 'up' && view.lower[k + 1] === 'to'));
    }
    if (p === 'CCONJ') return t === 'and' || t === 'or' || t === '&';
    // "peace-keeping force": the second half of a hyphenated compound.
    // A participle the sentence view did not take for a verb is an adjective ("proposed changes").
    if (p === 'VERB') return (view.verbAt[k] as number) < 0 || view.lower[k - 1] === '-';
    return false;
  }

  private hardStop(view: SentenceView, k: number): boolean {
    const t = view.lower[k] as string;
    if (HARD_STOP.has(t)) return true;
    if ((view.groupAt[k] as number) >= 0) return false;
    if (view.isClauseWord(k)) return true;
    return false;
  }

  /** Does the alternative match at token k (forward)? Returns the end index or -1. */
  private altAt(view: SentenceView, k: number, words: Set<string>[]): number {
    let j = k;
    for (const w of words) {
      // Quotes inside a phrase ("“de-escalation”") are transparent.
      while (j < view.n && isQuote(view.lower[j] as string)) j++;
      if (j >= view.n) return -1;
      const tok = view.lower[j] as string;
      if (!w.has(tok)) {
        // "’s" may be split as "’" + "s".
        if (w.has("'s") && tok === "'" && view.lower[j + 1] === 's') {
          j += 2;
          continue;
        }
        return -1;
      }
      j++;
    }
    return j;
  }

  private findLiteral(
    view: SentenceView,
    from: number,
    el: Extract<Element, { kind: 'lit' }>,
    limit: number,
    tabari = false,
  ): Span2 | null {
    // TABARI and PETRARCH look for a pattern word anywhere in the verb phrase, a clause inside it too ("conceded that
    // Peru was a very good partner"), up to a comma.
    const open = tabari && !el.adjacent;
    const maxGap = el.adjacent ? 1 : open ? TABARI_GAP : MAX_GAP;
    let gap = 0;
    for (let k = from; k < limit; k++) {
      // A finite verb starts another predicate ("criticised Turkey and attacked China"): no pattern word there.
      const v = view.verbAt[k] as number;
      if (
        v >= 0 &&
        (view.verbs[v] as VerbGroup).finite &&
        k > from &&
        !(tabari && this.nounModifier(view, k))
      )
        return null;
      for (const alt of el.alts) {
        const end = this.altAt(view, k, alt);
        // "round-the-clock talks": the first half of a hyphenated compound is a modifier, not the object.
        if (end > 0 && !this.hyphenBefore(view, end)) return { a: k, b: end };
      }
      if (open ? HARD_STOP.has(view.lower[k] as string) || view.lower[k] === ',' : this.hardStop(view, k))
        return null;
      // "called repeatedly on": only an adverb or a quote mark may stand before a word that must follow at once.
      if (el.adjacent && view.pos[k] !== 'ADV' && !isQuote(view.lower[k] as string)) return null;
      if (!open && !this.skippable(view, k)) {
        // An adverb or quote mark may sit between a verb and its particle.
        if (!(el.adjacent && (view.pos[k] === 'ADV' || isQuote(view.lower[k] as string)))) return null;
      }
      const g = view.groupAt[k] as number;
      if (g >= 0 && !el.adjacent) {
        // Skip a whole actor group as one step ("deploy NATO troops").
        const group = view.groups[g] as ActorGroup;
        if (group.start === k && group.end - group.start > 1) {
          gap++;
          k = group.end - 1;
          // the words inside the group may still hold the literal
          for (let q = group.start; q < group.end; q++) {
            for (const alt of el.alts) {
              const end = this.altAt(view, q, alt);
              if (end > 0) return { a: q, b: end };
            }
          }
          if (gap > maxGap) return null;
          continue;
        }
      }
      // Quote marks add no distance ("impose “the toughest sanctions ever” on Y").
      if (!isQuote(view.lower[k] as string) && ++gap > maxGap) return null;
    }
    return null;
  }

  /** Is token k a hyphen joined to the words on both sides ("round-the")? */
  private hyphenBefore(view: SentenceView, k: number): boolean {
    const t = view.lower[k];
    if ((t !== '-' && t !== '‐') || k + 1 >= view.n) return false;
    return view.endOffset(k - 1) === view.startOffset(k) && view.endOffset(k) === view.startOffset(k + 1);
  }

  /**
   * A bare participle after a noun and before a preposition modifies the noun ("praised letters sent by Chile",
   * "troops stationed in Y"): it starts no predicate of its own.
   */
  private nounModifier(view: SentenceView, k: number): boolean {
    const v = view.verbAt[k] as number;
    if (v < 0) return false;
    const verb = view.verbs[v] as VerbGroup;
    if (verb.start !== verb.head || (verb.form !== 'past' && verb.form !== 'pp')) return false;
    const prev = view.pos[k - 1];
    const noun = prev === 'NOUN' || prev === 'PROPN' || (view.groupAt[k - 1] as number) >= 0;
    return noun && view.pos[k + 1] === 'ADP';
  }

  private findSlot(
    view: SentenceView,
    from: number,
    limit: number,
    afterPrep: boolean,
    tabari = false,
  ): ActorGroup | null {
    // TABARI's "+" and "$" after the verb take the next actor in the verb phrase, whatever stands before it
    // ("* FESTIVAL ^ $": "mark the festival in Lima with Chile next week").
    if (tabari) {
      for (let k = from, gap = 0; k < limit && gap <= TABARI_GAP; k++, gap++) {
        const g = view.groupAt[k] as number;
        if (g >= 0 && !(view.groups[g] as ActorGroup).pronoun) return view.groups[g] as ActorGroup;
        const t = view.lower[k] as string;
        if (t === ',' || HARD_STOP.has(t)) return null;
      }
      return null;
    }
    let gap = 0;
    let start = from;
    // "a deal that curbed Tehran's programme": after "that", the relative clause's verb stands before its object.
    if (view.lower[from - 1] === 'that')
      while (start < limit && ((view.verbAt[start] as number) >= 0 || view.pos[start] === 'AUX')) start++;
    for (let k = start; k < limit && gap <= SLOT_GAP; k++) {
      const g = view.groupAt[k] as number;
      if (g >= 0) {
        const group = view.groups[g] as ActorGroup;
        if (group.start !== k) continue;
        // A group behind a preposition other than "of" is not a direct object ("sent troops to Y").
        if (!afterPrep && group.prep && group.prep !== 'of' && k > start) return null;
        return group;
      }
      if (this.hardStop(view, k)) return null;
      const t = view.lower[k] as string;
      const p = view.pos[k];
      // "discuss what role the alliance should play": the actors of a question clause are not the object.
      if (WH_WORDS.has(t)) return null;
      if (p === 'ADP' && t !== 'of' && !(t === 'in' && gap > 0)) {
        // "the headquarters of Y" passes; "talks in Geneva" does not.
        if (!afterPrep || k > start) return null;
      }
      if (t === ',') return null;
      if (!this.skippable(view, k) && p !== 'ADP') return null;
      gap++;
    }
    return null;
  }

  private match(
    view: SentenceView,
    head: number,
    rule: Rule,
    verb: VerbGroup | null,
    v: number,
  ): Match | null {
    const spans: Span2[] = [];
    let score = rule.literals * 3 - Number(rule.id.slice(rule.id.lastIndexOf('#') + 1)) * 0.01;
    // TABARI and PETRARCH take the pattern that matches the most words: each word of a phrase counts as a pattern
    // word ("most certainly won't ever *" over "won't ever *").
    const tabari = rule.entry.tabari === true;
    // Words before the head, nearest first.
    let left = head - 1;
    let preTarget: ActorGroup | null = null;
    let preSource: ActorGroup | null = null;
    let mutual = false;
    for (const el of rule.pre) {
      // PETRARCH's "%" before the verb: a compound there, whose members act on each other ("Chile and Peru
      // have put off their meeting").
      if (el.kind === 'compound') {
        const group = this.groupBefore(view, left);
        if (!group || group.members.length < 2) return null;
        preTarget = group;
        preSource = group;
        mutual = true;
        spans.push({ a: group.start, b: group.end });
        score += 3;
        left = group.start - 1;
        continue;
      }
      // TABARI's "+" or "$" before the verb: the nearest actor there ("+ HOSTING * FESTIVAL": whoever is hosting).
      if (tabari && (el.kind === 'target' || el.kind === 'source')) {
        const group = this.groupBefore(view, left);
        if (!group) return null;
        if (el.kind === 'target') preTarget = group;
        else preSource = group;
        spans.push({ a: group.start, b: group.end });
        score += el.kind === 'target' ? 2 : 1;
        left = group.start - 1;
        continue;
      }
      if (el.kind !== 'lit') continue;
      while (
        left >= 0 &&
        (view.pos[left] === 'ADJ' || isQuote(view.lower[left] as string)) &&
        !this.anyAlt(view, left, el)
      )
        left--;
      // Own patterns want the word right there; TABARI's and PETRARCH's let other words come between, unless "_" joins
      // the word to the verb ("RECENTLY_*").
      const floor = rule.entry.tabari && !el.adjacent ? Math.max(0, left - PRE_GAP) : left;
      let hit = -1;
      let last = left;
      for (; last >= floor && hit < 0; last--) {
        if (HARD_STOP.has(view.lower[last] as string)) break;
        for (const alt of el.alts) {
          const start = last - (alt.length - 1);
          if (start >= 0 && this.altAt(view, start, alt) === last + 1) hit = start;
        }
        if (hit >= 0) break;
      }
      if (hit < 0) return null;
      spans.push({ a: hit, b: last + 1 });
      if (tabari) score += (last - hit) * TABARI_WORD;
      left = hit - 1;
    }
    const passive = verb ? this.passive(view, verb, rule.entry.tabari === true) : false;
    let target: ActorGroup | null = null;
    let source: ActorGroup | null = null;
    let passiveFill = false;
    let pos = head + 1;
    let limit = view.n;
    for (let k = head + 1; k < view.n; k++) {
      if (HARD_STOP.has(view.lower[k] as string)) {
        limit = k;
        break;
      }
    }
    // TABARI's patterns run to the end of the verb phrase.
    if (tabari) limit = Math.min(limit, this.verbPhraseEnd(view, head));
    let prevLiteral = false;
    // The pattern word just matched is a preposition ("flown to +"), not a particle ("shot dead +", "driven out").
    let prevPrep = false;
    let modifier: ActorGroup | null = null;
    for (const el of rule.post) {
      if (el.kind === 'lit') {
        const hit = this.findLiteral(view, pos, el, limit, tabari);
        if (!hit) return null;
        // "killed three Turkish soldiers": the pattern word heads an actor of its own.
        const inside = view.groupAt[hit.a] as number;
        if (!modifier && !target && inside >= 0 && !isRoleOnly(view.groups[inside] as ActorGroup))
          modifier = view.groups[inside] as ActorGroup;
        // "support Turkey's efforts", "rejected a U.S. request": an actor before the object noun.
        if (!modifier && !target) {
          for (let k = pos; k < hit.a; k++) {
            const g = view.groupAt[k] as number;
            // Not a group that holds the pattern word itself ("combat troops").
            if (
              g >= 0 &&
              !(view.groups[g] as ActorGroup).prep &&
              (view.groups[g] as ActorGroup).end <= hit.a
            ) {
              modifier = view.groups[g] as ActorGroup;
              break;
            }
          }
        }
        spans.push(hit);
        // A longer phrase is a more specific match ("war games" over "war").
        score += (hit.b - hit.a - 1) * (tabari ? TABARI_WORD : 0.5);
        pos = hit.b;
        prevLiteral = true;
        prevPrep = !el.head && PASSIVE_PREPS.has(view.lower[hit.b - 1] as string);
        continue;
      }
      if (el.kind === 'skip') {
        const group = this.findSlot(view, pos, limit, prevLiteral, tabari);
        if (group) pos = group.end;
        prevLiteral = false;
        continue;
      }
      if (el.kind === 'target') {
        // The subject of a passive is its object, not a phrase behind a preposition ("were flown to the airport").
        if (passive && !passiveFill && !target && v >= 0 && !(prevLiteral && prevPrep && !tabari)) {
          const subject = view.subjects[v] as Subject;
          // The subject of a passive is the phrase itself, not an actor inside it ("talks between X and Y were …").
          if (subject.group && canBePassiveSubject(subject.group)) {
            target = subject.group;
            passiveFill = true;
            score += 2;
          } else if (el.required) return null;
          prevLiteral = false;
          continue;
        }
        const group = this.findSlot(view, pos, limit, prevLiteral, tabari);
        if (group) {
          target = group;
          pos = group.end;
          score += 2;
        } else if (el.required) return null;
        prevLiteral = false;
        continue;
      }
      const group = this.findSlot(view, pos, limit, prevLiteral, tabari);
      if (group) {
        source = group;
        pos = group.end;
        score += 1;
      }
      prevLiteral = false;
    }
    // A pattern that ends in "to" wants an infinitive ("called on X to act"), not a destination ("troops to the border").
    const last = rule.post.at(-1);
    if (last?.kind === 'lit' && last.text === 'to') {
      let k = pos;
      while (k < view.n && view.pos[k] === 'ADV') k++;
      const p = view.pos[k];
      if (p !== 'VERB' && p !== 'AUX' && (view.verbAt[k] as number) < 0) return null;
    }
    if (!target && preTarget) target = preTarget;
    if (!source && preSource) source = preSource;
    // (TABARI's target is found after the match: the first actor with a code in the verb phrase.)
    if (!target && modifier && !passive && !tabari) {
      target = modifier;
      score += 1;
    }
    return { score, target, source, spans, end: pos, passiveFill, mutual };
  }

  /** The nearest actor group ending at or before k, back to a comma, past a bracketed acronym ("the EU (EU)"). */
  private groupBefore(view: SentenceView, k: number): ActorGroup | null {
    for (let j = k; j >= 0; j--) {
      if (view.paren[j]) continue;
      const t = view.lower[j] as string;
      if (t === ',' || HARD_STOP.has(t)) return null;
      const g = view.groupAt[j] as number;
      if (g >= 0 && !(view.groups[g] as ActorGroup).pronoun) return view.groups[g] as ActorGroup;
    }
    return null;
  }

  private anyAlt(view: SentenceView, k: number, el: Extract<Element, { kind: 'lit' }>): boolean {
    return el.alts.some((alt) => this.altAt(view, k - (alt.length - 1), alt) === k + 1);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Classes and families

  classOf(code: string, explicit?: string): string | null {
    if (explicit) return explicit;
    for (const [prefix, row] of this.actCodes) if (code.startsWith(prefix)) return row.cls;
    return null;
  }

  private row(cls: string | null): FamilyRow | undefined {
    if (!cls) return undefined;
    return this.familyByClass.get(cls) ?? this.familyByClass.get(cls.split('.')[0] as string);
  }

  private familyCode(family: string, cls: string | null): string | null {
    const row = cls ? this.familyByClass.get(cls) : undefined;
    const base = cls ? this.familyByClass.get(cls.split('.')[0] as string) : undefined;
    const pick = (r: FamilyRow | undefined) =>
      r ? ((r as unknown as Record<string, string | null>)[family] ?? null) : null;
    return pick(row) ?? pick(base);
  }

  /** The threat that promising an act of harm makes (a promised deployment is not one). */
  private threatOf(cls: string | null): string | null {
    if (!cls || !/^(assault|coerce|reduce|protest)/.test(cls)) return null;
    return this.familyCode('threaten', cls);
  }

  /** The class named by topic words in tokens [from, to): the most specific one wins. */
  private topicClass(view: SentenceView, from: number, to: number): string | null {
    const { classes, dimensions, maxWords } = this.lexicon.topics;
    let found: string | null = null;
    let dim: string | null = null;
    for (let k = from; k < to; k++) {
      let phrase = '';
      for (let w = 0; w < maxWords && k + w < to; w++) {
        phrase = w === 0 ? (view.lower[k] as string) : `${phrase} ${view.lower[k + w]}`;
        const cls = classes.get(phrase);
        if (cls && (!found || (cls.includes('.') && !found.includes('.')))) found = cls;
        const d = dimensions.get(phrase);
        if (d && !dim) dim = d;
      }
    }
    if (found && !found.includes('.') && dim && this.familyByClass.has(`${found}.${dim}`))
      return `${found}.${dim}`;
    return found;
  }

  private dimension(view: SentenceView, from: number, to: number): string | null {
    const { dimensions, maxWords } = this.lexicon.topics;
    for (let k = Math.max(0, from); k < Math.min(view.n, to); k++) {
      let phrase = '';
      for (let w = 0; w < maxWords && k + w < to; w++) {
        phrase = w === 0 ? (view.lower[k] as string) : `${phrase} ${view.lower[k + w]}`;
        const d = dimensions.get(phrase);
        if (d) return d;
      }
    }
    return null;
  }

  /** The end of the clause a complement may run to. */
  private clauseEnd(view: SentenceView, from: number): number {
    for (let k = from; k < view.n; k++) {
      const t = view.lower[k] as string;
      if (HARD_STOP.has(t)) return k;
      if ((view.groupAt[k] as number) >= 0) continue;
      if (t === ',' && k > from + 1) {
        const next = view.lower[k + 1] as string;
        if (
          next === 'while' ||
          next === 'but' ||
          next === 'saying' ||
          next === 'which' ||
          next === 'who' ||
          next === 'and'
        )
          return k;
      }
      if ((t === 'while' || t === 'whereas' || t === 'because' || t === 'although') && k > from) return k;
      if ((k > from || t === ',') && this.closesClause(view, k)) return k;
      if (t === '.' && k === view.n - 1) return k;
    }
    return view.n;
  }

  /**
   * Where the clause of an event word ends for its complement and its later actors: a second predicate ("urged people
   * to stay at home and said weapons would be given …"), a conditional or temporal clause ("… if those talks fail",
   * "where possible"), or a participle after a comma ("bombed civilian areas, causing panic among residents").
   */
  private closesClause(view: SentenceView, k: number): boolean {
    const t = view.lower[k] as string;
    if ((t === 'and' || t === 'but') && this.predicateAfter(view, k)) return true;
    if (SUBORDINATORS.has(t) && view.pos[k] === 'SCONJ') return true;
    if (t === 'where' && (view.groupAt[k] as number) < 0) return true;
    if (t === ',') {
      const v = view.verbAt[k + 1] as number;
      return v >= 0 && (view.verbs[v] as VerbGroup).participle && (view.verbs[v] as VerbGroup).form === 'ing';
    }
    return false;
  }

  /**
   * A family word (appeal, promise, demand, refusal, threat) takes the event it governs as its content: "called on
   * NATO to send troops" is one appeal whose sub-code comes from the embedded deployment, which is not coded alone.
   */
  private foldComplements(view: SentenceView, candidates: Candidate[]): void {
    const byTrigger = new Map(candidates.map((c) => [c.trigger, c]));
    for (const c of candidates) {
      const entry = c.rule.entry;
      const family = entry.family;
      if (!family || c.consumed) continue;
      const end = this.clauseEnd(view, c.end);
      const windowEnd = Math.min(end, c.end + 12);
      let embedded: Candidate | null = null;
      if (family !== 'act') {
        for (let k = c.end; k < windowEnd; k++) {
          const e = byTrigger.get(k);
          if (!e || e === c) {
            // The content is the family word's own object or infinitive, not the object of a verb inside it
            // ("agreed to postpone the demonstration" is no promise about a demonstration).
            const v = view.verbAt[k] as number;
            if (v >= 0 && k > c.end) break;
            if (view.pos[k] === 'ADP' && !['of', 'for', 'to', 'on', 'upon'].includes(view.lower[k] as string))
              break;
            continue;
          }
          if (e.rule.entry.family && e.rule.entry.family !== 'act' && e.kind === 'verb') break;
          if (e.kind === 'noun' && k - c.end > 4) break;
          embedded = e;
          break;
        }
        // "refused to V" right after the head.
        if (!embedded && view.lower[c.trigger + 1] === 'to') {
          const e = byTrigger.get(c.trigger + 2) ?? byTrigger.get(c.trigger + 3);
          if (e) embedded = e;
        }
      }
      if (embedded) {
        embedded.consumed = true;
        const cls = embedded.cls ?? this.classOf(embedded.code, embedded.rule.entry.class);
        // Promising harm is threatening it ("vowed to attack").
        const code = this.familyCode(family, cls) ?? (family === 'intent' ? this.threatOf(cls) : null);
        if (code) c.code = code;
        c.cls = cls;
        if (!c.target && embedded.target) {
          c.target = embedded.target;
          c.notes.push('target of complement');
        }
        // "agreed to US mediation": the actor behind the content is the one answered.
        if (!c.target && embedded.kind === 'noun') {
          const owner = this.nounOwner(view, embedded.trigger);
          if (owner && !owner.place && embedded.rule.entry.poss !== 'target') {
            c.target = owner;
            c.notes.push('target: the actor behind the complement');
          }
        }
        c.spans.push({ a: embedded.trigger, b: embedded.trigger + 1 }, ...embedded.spans.slice(1));
        c.notes.push(`complement ${embedded.rule.id}`);
        // A negated complement ("urged Y not to retaliate") asks for restraint.
        const ev = view.verbAt[embedded.trigger] as number;
        if (ev >= 0 && (view.verbs[ev] as VerbGroup).negated && family === 'appeal') c.code = '0256';
        continue;
      }
      if (family === 'act') {
        const refine = this.lexicon.topics.refine[c.code];
        if (refine) {
          const d = this.dimension(view, c.trigger - 3, windowEnd);
          const code = d ? refine[d] : undefined;
          if (code) c.code = code;
        }
        continue;
      }
      const cls = this.topicClass(view, Math.min(c.end, c.trigger + 1), windowEnd);
      if (cls) {
        const code = this.familyCode(family, cls) ?? (family === 'intent' ? this.threatOf(cls) : null);
        if (code) {
          c.code = code;
          c.cls = cls;
          c.notes.push(`about ${cls}`);
        }
      }
    }
    // Refinement by dimension for entries outside families ("suspended … training activities" → 1622).
    for (const c of candidates) {
      if (c.rule.entry.family) continue;
      const refine = this.lexicon.topics.refine[c.code];
      if (!refine) continue;
      const d = this.dimension(view, c.trigger - 3, Math.min(view.n, c.end + 4));
      const code = d ? refine[d] : undefined;
      if (code) c.code = code;
    }
  }

  /**
   * "Iraq must cooperate fully, Chirac said" is Chirac's demand on Iraq whatever Iraq must do: a must or should in
   * reported speech, with a subject other than the speaker, and no event word of its own.
   */
  private reportedObligations(view: SentenceView, s: number, candidates: Candidate[]): void {
    for (let v = 0; v < view.verbs.length; v++) {
      const verb = view.verbs[v] as VerbGroup;
      if (verb.modal !== 'obligation' && verb.modalWord !== 'should') continue;
      if (verb.negated) continue;
      if (candidates.some((c) => c.trigger === verb.head)) continue;
      const subject = view.subjects[v] as Subject;
      if (!subject.group || subject.group.place) continue;
      const speaker = this.speakerFor(view, verb.head);
      if (!speaker || sameActors(speaker, subject.group)) continue;
      const must = verb.modal === 'obligation';
      candidates.push({
        sentence: s,
        view,
        trigger: verb.head,
        kind: 'verb',
        rule: must ? REPORTED_MUST : REPORTED_SHOULD,
        code: must ? '100' : '020',
        cls: null,
        source: speaker,
        target: subject.group,
        negated: false,
        modality: null,
        confidence: 0.75,
        spans: [
          { a: verb.start, b: verb.head + 1 },
          { a: speaker.start, b: speaker.end },
          { a: subject.group.start, b: subject.group.end },
        ],
        end: verb.head + 1,
        consumed: false,
        notes: [],
        dropped: false,
        sourceHow: 'speaker',
        synthetic: true,
      } as Candidate);
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Roles

  private resolveRoles(view: SentenceView, c: Candidate): void {
    const entry = c.rule.entry;
    if (c.synthetic) return;
    if (c.kind === 'verb') {
      const v = this.headGroup(view, c);
      const verb = view.verbs[v] as VerbGroup;
      if (this.passive(view, verb, entry.tabari === true)) {
        if (!c.source) c.source = this.agent(view, c.trigger);
        const subject = view.subjects[v] as Subject;
        if (subject.negated || subject.group?.negated) c.negated = true;
        if (!c.target && !c.notes.includes('passive')) {
          if (subject.group && canBePassiveSubject(subject.group)) c.target = subject.group;
        }
        c.sourceHow = c.source ? 'agent' : 'none';
        if (!c.source) c.confidence -= 0.25;
      } else {
        const before = this.eventNounBefore(view, verb.start);
        if (before && Number(c.code.slice(0, 2)) >= 18) {
          // "Syrian artillery fire killed three soldiers": the shelling did the killing; its victims are its target.
          if (c.target && !before.target) {
            before.target = c.target;
            before.spans.push({ a: c.trigger, b: c.trigger + 1 }, { a: c.target.start, b: c.target.end });
            before.notes.push(`target of "${view.lower[c.trigger]}"`);
          }
          c.dropped = true;
          return;
        }
        let subject = this.subjectOf(view, c, v);
        // TABARI's source is an actor with a code before one without ("the state news agency KNA said": the agency), and
        // not the one its pattern took as the target ("HINTED + *": "X hinted that Y had erred" is X's act on Y).
        if (
          entry.tabari &&
          (!subject ||
            subject.members.every((m) => m.code === '') ||
            (c.target !== null && sameActors(subject, c.target)))
        )
          subject = this.actorBefore(view, c) ?? subject;
        if (!subject && !c.source) {
          // "A roadside bombing killed one soldier": the event noun before the verb takes the verb's object.
          const noun = this.eventNounSubject(view, c);
          if (noun && c.target && !noun.target) {
            noun.target = c.target;
            noun.spans.push({ a: c.trigger, b: c.trigger + 1 }, { a: c.target.start, b: c.target.end });
            noun.notes.push(`target of "${view.lower[c.trigger]}"`);
          }
          // An event needs someone who does it: an active verb whose subject is no actor is not coded.
          c.dropped = true;
          return;
        }
        if (subject) {
          if (entry.swap) {
            const t = c.target;
            c.target = subject;
            c.source = t;
          } else if (!c.source) c.source = subject;
        }
        if (!c.source) c.confidence -= 0.35;
      }
    } else {
      this.nounRoles(view, c);
    }
    if (c.source && c.target && sameActors(c.source, c.target) && !c.mutual) c.target = null;
    if (c.source && c.target && ownEventWord(view, c)) c.target = null;
    if (!c.target) c.confidence -= 0.08;
    // Background events rank below the sentence's main one: participles, bare passives ("property seized by …"),
    // and clauses hanging on a noun ("an allegation that …").
    if (c.sourceHow === 'participle' || c.sourceHow === 'relative') c.confidence -= 0.1;
    if (c.kind === 'verb') {
      const verb = view.verbs[view.verbAt[c.trigger] as number] as VerbGroup;
      if (verb.passive && verb.start === verb.head) c.confidence -= 0.2;
    }
    if (this.nounClause(view, c.trigger)) c.confidence -= 0.2;
    for (const g of [c.source, c.target]) if (g) c.spans.push({ a: g.start, b: g.end });
  }

  /**
   * The verb group of a verb trigger; for a TABARI phrasal head whose first word was read as a verb of its own ("will
   * not wire tap"), that word's group, which holds the subject, negation and modal.
   */
  private headGroup(view: SentenceView, c: Candidate): number {
    const v = view.verbAt[c.trigger] as number;
    const first = c.rule.pre[0];
    const prev = view.verbAt[c.trigger - 1] as number;
    if (!c.rule.entry.tabari || prev < 0 || first?.kind !== 'lit' || !first.adjacent) return v;
    return this.anyAlt(view, c.trigger - 1, first) ? prev : v;
  }

  /** Is token k inside a clause that hangs on a noun ("the allegation that …", "a deal which …")? */
  private nounClause(view: SentenceView, k: number): boolean {
    for (let j = k - 1; j > 0; j--) {
      const t = view.lower[j] as string;
      if (t === ',' || t === ';') return false;
      if (t === 'that' || t === 'which') {
        const p = view.pos[j - 1];
        return p === 'NOUN' && (view.groupAt[j - 1] as number) < 0;
      }
      if (
        (view.verbAt[j] as number) >= 0 &&
        (view.verbs[view.verbAt[j] as number] as VerbGroup).finite &&
        j < k - 1
      )
        return false;
    }
    return false;
  }

  /** A violent event noun right before a verb group ("… artillery fire killed"). */
  private eventNounBefore(view: SentenceView, start: number): Candidate | null {
    const all = this.coded.get(view) ?? [];
    const k = start - 1;
    return all.find((x) => x.trigger === k && x.kind === 'noun' && Number(x.code.slice(0, 2)) >= 18) ?? null;
  }

  /** A violent event noun heading the verb's subject ("an explosion … killed"). */
  private eventNounSubject(view: SentenceView, c: Candidate): Candidate | null {
    const all = this.coded.get(view) ?? [];
    for (let k = c.trigger - 1; k >= 0 && k >= c.trigger - 8; k--) {
      const t = view.lower[k] as string;
      if (t === ',' || view.isClauseWord(k)) return null;
      const hit = all.find((x) => x.trigger === k && x.kind === 'noun' && Number(x.code.slice(0, 2)) >= 18);
      if (hit) return hit;
    }
    return null;
  }

  /** The subject of a verb trigger, through infinitive governors, pronouns and reported speech. */
  private subjectOf(view: SentenceView, c: Candidate, v: number): ActorGroup | null {
    const verb = view.verbs[v] as VerbGroup;
    let subject = view.subjects[v] as Subject;
    if (verb.infinitive) {
      const gov = this.governor(view, verb.start);
      if (gov?.subject) {
        subject = gov.subject;
        c.sourceHow = gov.how;
      } else if (gov?.drop) {
        c.dropped = true;
        return null;
      }
    }
    if (subject.negated) c.negated = true;
    if (subject.group && !subject.group.pronoun) {
      c.sourceHow ||= subject.how;
      if (subject.how !== 'subject') c.confidence -= 0.05;
      return subject.group;
    }
    if (subject.group?.pronoun) {
      c.sourceHow = 'pronoun';
      return subject.group;
    }
    if (subject.pronoun) {
      const speaker = this.speakerFor(view, c.trigger);
      if (speaker) {
        c.sourceHow = 'speaker';
        c.notes.push('pronoun = speaker');
        c.confidence -= 0.05;
        return speaker;
      }
    }
    return null;
  }

  /** What governs an infinitive at `toIndex` ("ready to", "plans to", "called on NATO to", "decision to"). */
  private governor(
    view: SentenceView,
    start: number,
  ): {
    subject: Subject | null;
    kind: OperatorKind | null;
    negated: boolean;
    how: string;
    drop?: boolean;
  } | null {
    let k = start - 1;
    while (k >= 0 && view.pos[k] === 'ADV') k--;
    // "the decision in 2018 to abandon …": a date between the word and its infinitive.
    while (k > 0 && this.inTimex(view, k)) {
      k--;
      if (view.pos[k] === 'ADP') k--;
    }
    if (k < 0) return null;
    const t = view.lower[k] as string;
    const ops = this.lexicon.operators;
    if (t === 'order' && view.lower[k - 1] === 'in')
      return { subject: null, kind: null, negated: false, how: '', drop: true };
    const g = view.groupAt[k] as number;
    if (g >= 0) {
      // Object control: "called on NATO to …", "asked Iran to …".
      const group = view.groups[g] as ActorGroup;
      let gv = group.start - 1;
      while (gv >= 0 && (view.pos[gv] === 'ADP' || view.pos[gv] === 'DET')) gv--;
      const govVerb =
        gv >= 0 && (view.verbAt[gv] as number) >= 0
          ? (view.verbs[view.verbAt[gv] as number] as VerbGroup)
          : null;
      const family = govVerb
        ? this.lexicon.forms
            .get(view.lower[gv] as string)
            ?.some((r) => r.kind === 'verb' && r.rules.some((x) => x.entry.family))
        : false;
      let kind: OperatorKind | null = family
        ? null
        : govVerb
          ? (ops.verbs.get(govVerb.lemma) ?? 'possible')
          : null;
      // "the right of Russian troops to fire": an operator noun owning the group.
      if (!govVerb && gv >= 0 && ops.nouns.has(view.lower[gv] as string))
        kind = ops.nouns.get(view.lower[gv] as string) ?? null;
      return {
        subject: { group, how: 'subject', negated: false, pronoun: null },
        kind,
        negated: false,
        how: 'object',
      };
    }
    const v = view.verbAt[k] as number;
    if (v >= 0) {
      const verb = view.verbs[v] as VerbGroup;
      const kind = ops.verbs.get(verb.lemma) ?? null;
      let subject = view.subjects[v] as Subject;
      if (verb.infinitive) subject = this.governor(view, verb.start)?.subject ?? subject;
      return { subject, kind, negated: verb.negated, how: 'governor' };
    }
    const adj = ops.adjectives.get(t);
    if (adj) {
      // "Syria says it is willing to …": the subject of the copula before the adjective.
      let c = k - 1;
      while (c >= 0 && (view.pos[c] === 'ADV' || view.lower[c] === 'not' || view.lower[c] === "n't")) c--;
      const cv = c >= 0 ? (view.verbAt[c] as number) : -1;
      let at = c + 1;
      while (
        at > 0 &&
        (view.pos[at - 1] === 'AUX' || view.pos[at - 1] === 'ADV' || view.lower[at - 1] === 'not')
      )
        at--;
      const subject = cv >= 0 ? (view.subjects[cv] as Subject) : view.subjectBefore(at);
      return { subject, kind: adj, negated: this.negatedBefore(view, k), how: 'governor' };
    }
    const noun = ops.nouns.get(t);
    if (noun) {
      const owner = this.nounOwner(view, k);
      if (owner)
        return {
          subject: { group: owner, how: 'subject', negated: false, pronoun: null },
          kind: noun,
          negated: false,
          how: 'owner',
        };
      const support = this.supportSubject(view, k);
      return { subject: support, kind: noun, negated: false, how: 'support' };
    }
    if (view.pos[k] === 'AUX' || t === 'is' || t === 'are' || t === 'was' || t === 'were') {
      let at = k;
      while (at > 0 && (view.pos[at - 1] === 'AUX' || view.pos[at - 1] === 'ADV')) at--;
      return { subject: view.subjectBefore(at), kind: 'intent', negated: false, how: 'governor' };
    }
    return null;
  }

  private inTimex(view: SentenceView, k: number): boolean {
    const at = view.startOffset(k);
    return view.doc.timexes.some((t) => t.start <= at && at < t.end);
  }

  private negatedBefore(view: SentenceView, k: number): boolean {
    const negated = scanBack(k, 3, {
      stop: (j) => {
        const t = view.lower[j];
        return t === 'not' || t === "n't" || t === 'never' ? true : undefined;
      },
      over: (j) => NEGATION_GAP.has(view.pos[j] as PosTag),
    });
    return negated ?? false;
  }

  /** The possessor or actor modifier of a noun at k ("Trump's call", "Iranian attacks", "the US decision"). */
  private nounOwner(view: SentenceView, k: number): ActorGroup | null {
    return scanBack(k, 5, {
      stop: (j) => {
        const g = view.groupAt[j] as number;
        if (g < 0) return undefined;
        const group = view.groups[g] as ActorGroup;
        // A group right before the noun behind a preposition other than "of" is no owner.
        return group.prep && group.prep !== 'of' && j === k - 1 ? null : group;
      },
      over: (j) => {
        const t = view.lower[j] as string;
        const p = view.pos[j];
        return (
          view.isPossessiveMark(j) ||
          p === 'ADJ' ||
          p === 'NUM' ||
          t === '-' ||
          isQuote(t) ||
          p === 'NOUN' ||
          p === 'PROPN' ||
          (p === 'VERB' && (view.verbAt[j] as number) < 0)
        );
      },
    });
  }

  /** "ordered the killing of …", "launched attacks on …": the subject of a support verb governing the noun at k. */
  private supportSubject(view: SentenceView, k: number): Subject | null {
    return scanBack(k, 6, {
      stop: this.atSupportVerb(view, (verb, v) => {
        if (verb.infinitive) return this.governor(view, verb.start)?.subject ?? null;
        const s = view.subjects[v] as Subject;
        return s.group ? s : null;
      }),
      over: (j) => {
        const t = view.lower[j] as string;
        const p = view.pos[j] as PosTag;
        return SUPPORT_GAP.has(p) || p === 'ADV' || t === 'out' || t === 'up' || isQuote(t) || t === '-';
      },
    });
  }

  private nounRoles(view: SentenceView, c: Candidate): void {
    const entry = c.rule.entry;
    if (!c.source) {
      const by = this.agent(view, c.trigger);
      if (by) {
        c.source = by;
        c.sourceHow = 'agent';
      }
    }
    const owner = this.nounOwner(view, c.trigger);
    if (owner && owner !== c.target && owner !== c.source) {
      // "Soleimani's killing": the possessor is the victim, unless "of" names one ("Saudi Arabia's execution of
      // the cleric": then the possessor did it).
      if (entry.poss === 'target' && !c.target) c.target = owner;
      else if (!c.source) {
        c.source = owner;
        c.sourceHow = 'owner';
      }
    }
    if (!c.source) {
      const support = this.supportSubject(view, c.trigger);
      if (support?.group) {
        c.source = support.group;
        c.sourceHow = 'support';
        c.notes.push('source of the governing verb');
      }
    }
    if (!c.source) {
      const subject = this.parentheticalSubject(view, c.trigger);
      if (subject && !(c.target && sameActors(subject, c.target))) {
        c.source = subject;
        c.sourceHow = 'subject';
        c.notes.push('source: the subject the aside hangs on');
      }
    }
    c.confidence -= 0.1;
    if (!c.source) c.confidence -= 0.25;
  }

  /**
   * "Putin, in a telephone call with Erdoğan, urged him …": an event noun in an aside between a subject and its verb
   * is the subject's own act.
   */
  private parentheticalSubject(view: SentenceView, k: number): ActorGroup | null {
    let open = -1;
    for (let j = k - 1; j >= 0 && j >= k - 8; j--) {
      const t = view.lower[j] as string;
      if (t === ',') {
        open = j;
        break;
      }
      const v = view.verbAt[j] as number;
      if (HARD_STOP.has(t) || (v >= 0 && (view.verbs[v] as VerbGroup).finite)) return null;
    }
    if (open < 1 || view.pos[open + 1] !== 'ADP') return null;
    const g = view.groupAt[open - 1] as number;
    if (g < 0) return null;
    const group = view.groups[g] as ActorGroup;
    if (group.place || group.possessive || group.prep) return null;
    for (let j = k + 1; j < view.n; j++) {
      const t = view.lower[j] as string;
      if (HARD_STOP.has(t)) return null;
      if ((view.groupAt[j] as number) >= 0 || t !== ',') {
        const v = view.verbAt[j] as number;
        if (v >= 0 && (view.verbs[v] as VerbGroup).finite) return null;
        continue;
      }
      const verb = view.verbs.find((x) => x.start === j + 1 || (x.head === j + 1 && x.start <= j + 1));
      return verb?.finite ? group : null;
    }
    return null;
  }

  /**
   * TABARI's source when no subject is found: the nearest actor before the verb back to a comma, one with a code
   * first ("Chile is edging closer to accord with Peru": Chile).
   */
  private actorBefore(view: SentenceView, c: Candidate): ActorGroup | null {
    const v = view.verbAt[c.trigger] as number;
    let uncoded: ActorGroup | null = null;
    for (let k = (view.verbs[v] as VerbGroup).start - 1; k >= 0; k--) {
      const t = view.lower[k] as string;
      if (t === ',' || HARD_STOP.has(t)) break;
      const g = view.groupAt[k] as number;
      if (g < 0) continue;
      const group = view.groups[g] as ActorGroup;
      k = group.start;
      if (group.pronoun || group.place || (c.target && sameActors(group, c.target))) continue;
      if (group.members.some((m) => m.code !== '')) {
        c.sourceHow = 'before';
        return group;
      }
      uncoded ??= group;
    }
    if (uncoded) c.sourceHow = 'before';
    return uncoded;
  }

  /**
   * Is the verb group passive? PETRARCH reads a passive as one only with "by" in its verb phrase: "Chile was
   * criticized over its quarrel with Peru" is Chile's act on Peru.
   */
  private passive(view: SentenceView, verb: VerbGroup, tabari: boolean): boolean {
    if (!verb.passive || !tabari) return verb.passive;
    const end = this.verbPhraseEnd(view, verb.head);
    for (let k = verb.head + 1; k < end; k++) if (view.lower[k] === 'by') return true;
    return false;
  }

  /** "by X" after a passive verb or an event noun. */
  private agent(view: SentenceView, head: number): ActorGroup | null {
    for (let k = head + 1; k < Math.min(view.n, head + 18); k++) {
      const t = view.lower[k] as string;
      if (HARD_STOP.has(t) || (view.isClauseWord(k) && (view.groupAt[k] as number) < 0)) return null;
      const g = view.groupAt[k] as number;
      if (g >= 0) {
        const group = view.groups[g] as ActorGroup;
        // "killed by an Israeli air strike": an article may stand between "by" and the actor.
        const article =
          ARTICLES.has(view.lower[group.start - 1] as string) && view.lower[group.start - 2] === 'by';
        if (group.prep === 'by' || article) return group;
        k = group.end - 1;
        continue;
      }
      const v = view.verbAt[k] as number;
      if (v >= 0 && (view.verbs[v] as VerbGroup).finite) return null;
    }
    return null;
  }

  /** The speaker whose reported speech holds token k ("Trump said he would …", "…, Stoltenberg said"). */
  private speakerFor(view: SentenceView, k: number): ActorGroup | null {
    const speech = this.lexicon.operators.speech;
    let best: ActorGroup | null = null;
    for (let v = 0; v < view.verbs.length; v++) {
      const verb = view.verbs[v] as VerbGroup;
      if (!speech.has(verb.lemma)) continue;
      const s = view.subjects[v] as Subject;
      let group = s.group;
      if (!group && verb.head < k) continue;
      if (verb.head > k) {
        // Post-posed: "…, said Ivo Daalder" or "…, Daalder said".
        if (!group) {
          for (let j = verb.head + 1; j < Math.min(view.n, verb.head + 4); j++) {
            const g = view.groupAt[j] as number;
            if (g >= 0) {
              group = view.groups[g] as ActorGroup;
              break;
            }
          }
        }
        if (group && !best) best = group;
        continue;
      }
      if (group) best = group;
    }
    return best;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Negation and modality

  private resolveModality(view: SentenceView, c: Candidate): void {
    if (c.dropped || c.synthetic) return;
    const entry = c.rule.entry;
    let negated = c.negated;
    let intent = false;
    let possible = false;
    let refuse = false;
    let attempt = false;
    let obligation: 'must' | 'should' | null = null;
    let subjectForObligation: ActorGroup | null = null;
    if (c.kind === 'verb') {
      const v = view.verbAt[c.trigger] as number;
      const verb = view.verbs[v] as VerbGroup;
      if (verb.negated) negated = true;
      if (verb.modal === 'intent') intent = true;
      if (verb.modal === 'possible') possible = true;
      if (verb.modalWord === 'should') obligation = 'should';
      if (verb.modal === 'obligation') obligation = 'must';
      if (verb.infinitive) {
        const gov = this.governor(view, verb.start);
        if (gov) {
          if (gov.negated) negated = true;
          if (gov.kind === 'intent') intent = true;
          else if (gov.kind === 'possible') possible = true;
          else if (gov.kind === 'attempt') attempt = true;
          else if (gov.kind === 'negate') {
            if (
              ['unwilling', 'reluctant', 'refusal', 'reluctance', 'loath', 'hesitant'].includes(
                view.lower[verb.start - 1] as string,
              )
            )
              refuse = true;
            else negated = true;
          } else if (gov.kind === 'obligation') obligation = 'must';
          const gk = verb.start - 1;
          const gv = view.verbAt[gk] as number;
          if (gv >= 0) {
            const g = view.verbs[gv] as VerbGroup;
            if (g.modal === 'intent') intent = true;
            if (g.modal === 'possible') possible = true;
          }
        }
      }
      // "denied seeking weapons", "stopped shelling": a gerund taken as the object of an operator verb.
      const gov = verb.form === 'ing' && verb.participle ? this.gerundGovernor(view, verb) : null;
      const kind = gov ? this.lexicon.operators.verbs.get(gov.lemma) : undefined;
      if (kind === 'negate') negated = true;
      else if (kind === 'possible') possible = true;
      else if (kind === 'attempt') attempt = true;
      if (obligation) {
        const s = view.subjects[v] as Subject;
        subjectForObligation = s.group;
      }
    } else {
      // A noun under a support verb shares its negation and modality ("did not launch attacks").
      const s = this.supportVerb(view, c.trigger);
      if (s) {
        if (s.negated) negated = true;
        if (s.modal === 'intent') intent = true;
        if (s.modal === 'possible') possible = true;
      }
      // "the protection of civilians and not the shelling of civilians": a noun negated by "not" did not happen.
      const not = scanBack(c.trigger, 4, {
        stop: (j) => (view.lower[j] === 'not' ? true : undefined),
        over: (j) =>
          ['DET', 'ADJ', 'NUM'].includes(view.pos[j] as string) || isQuote(view.lower[j] as string),
      });
      if (not) negated = true;
      const op = this.nounOperator(view, c.trigger);
      if (op === 'intent') intent = true;
      else if (op === 'possible') possible = true;
      else if (op === 'attempt') attempt = true;
      else if (op === 'negate') negated = true;
    }
    if (this.conditional(view, c.trigger)) possible = true;
    if (view.lower[view.n - 1] === '?') possible = true;
    if (this.literal) {
      c.negated = negated;
      c.modality = intent ? 'intent' : possible ? 'possible' : attempt ? 'attempt' : null;
      return;
    }

    const root = c.code.slice(0, 2);
    const row = this.row(c.cls);
    const isReject = entry.family === 'reject' || root === '12';
    if (negated || refuse) {
      c.negated = true;
      if (isReject || (!intent && !refuse && !entry.family)) {
        c.dropped = true;
        return;
      }
      if (!intent && !refuse) {
        c.dropped = true;
        return;
      }
      const code = entry.neg ?? row?.reject ?? (c.cls ? this.familyCode('reject', c.cls) : null);
      if (!code || code === '-') {
        c.dropped = true;
        return;
      }
      c.code = code;
      c.notes.push('negated: a refusal');
      return;
    }
    if (obligation && subjectForObligation) {
      const speaker = this.speakerFor(view, c.trigger);
      if (speaker && !sameActors(speaker, subjectForObligation)) {
        const family = obligation === 'must' ? 'demand' : 'appeal';
        const code = (c.cls && this.familyCode(family, c.cls)) ?? (family === 'demand' ? '100' : '020');
        c.code = code;
        c.target = subjectForObligation;
        c.source = speaker;
        c.sourceHow = 'speaker';
        c.notes.push(`${obligation} in reported speech: a ${family}`);
        c.spans.push({ a: speaker.start, b: speaker.end });
        return;
      }
    }
    const conflict = Number(root) >= 14;
    const coop = Number(root) >= 3 && Number(root) <= 8;
    const verbal = !coop && !conflict;
    if (intent) {
      if (root === '03' || root === '13' || verbal) {
        c.modality = verbal && root !== '03' && root !== '13' ? 'future' : 'intent';
        if (verbal) c.confidence -= 0.05;
        return;
      }
      const code = entry.intent ?? (coop || c.cls?.startsWith('cooperate') ? row?.intent : null) ?? null;
      if (code) {
        c.code = code;
        c.modality = 'intent';
        c.notes.push('intent');
        return;
      }
      if (conflict || Number(root) === 9) {
        const threat = c.cls ? this.familyCode('threaten', c.cls) : null;
        if (threat && conflict) {
          c.code = threat;
          c.modality = 'intent';
          c.notes.push('future harm: a threat');
          return;
        }
      }
      c.modality = 'future';
      c.confidence -= 0.05;
      return;
    }
    if (possible) {
      if (coop || (c.cls?.startsWith('cooperate') && !verbal)) {
        const code = root === '03' ? c.code : (entry.intent ?? row?.intent ?? '030');
        c.code = code;
        c.modality = 'possible';
        c.confidence -= 0.15;
        return;
      }
      if (conflict) {
        c.dropped = true;
        return;
      }
      c.modality = 'possible';
      c.confidence -= 0.15;
      return;
    }
    if (attempt) {
      if (c.code === '186') c.code = '185';
      c.modality = 'attempt';
    }
  }

  /** The finite verb right before a bare gerund, adverbs aside ("has always denied seeking"). */
  private gerundGovernor(view: SentenceView, verb: VerbGroup): VerbGroup | null {
    let k = verb.start - 1;
    while (k >= 0 && view.pos[k] === 'ADV') k--;
    const v = k >= 0 ? (view.verbAt[k] as number) : -1;
    const gov = v >= 0 ? (view.verbs[v] as VerbGroup) : null;
    return gov?.finite ? gov : null;
  }

  private supportVerb(view: SentenceView, k: number): VerbGroup | null {
    return scanBack(k, 6, {
      stop: this.atSupportVerb(view, (verb) => verb),
      over: (j) => SUPPORT_GAP.has(view.pos[j] as PosTag),
    });
  }

  /**
   * A `stop` for scanBack: the first verb group met ends the walk, with `then` of it (and its index) when it is a
   * support verb, with nothing when it is another verb.
   */
  private atSupportVerb<T>(
    view: SentenceView,
    then: (verb: VerbGroup, v: number) => T | null,
  ): (j: number) => T | null | undefined {
    return (j) => {
      const v = view.verbAt[j] as number;
      if (v < 0) return undefined;
      const verb = view.verbs[v] as VerbGroup;
      return this.lexicon.operators.support.has(verb.lemma) ? then(verb, v) : null;
    };
  }

  /** "threat of attacks", "plans for talks": an operator noun right before an event noun. */
  private nounOperator(view: SentenceView, k: number): OperatorKind | null {
    const prev = view.lower[k - 1];
    const prev2 = view.lower[k - 2];
    const ops = this.lexicon.operators.nouns;
    if ((prev === 'of' || prev === 'for') && prev2 && ops.has(prev2)) {
      const kind = ops.get(prev2) as OperatorKind;
      return kind === 'act' ? null : kind;
    }
    return null;
  }

  private conditional(view: SentenceView, k: number): boolean {
    for (let j = k - 1; j >= 0; j--) {
      const t = view.lower[j] as string;
      if (t === 'if' || t === 'unless') return true;
      if (t === ',' || t === ';' || view.isClauseWord(j)) {
        if (t !== ',') return false;
        // "If X attacks, Y will respond": the conditional is the clause before the comma, not this one.
        return false;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Targets from elsewhere

  /**
   * As TABARI did: with no target in the pattern, the first actor after the event word in the same clause ("promised
   * to continue military aid to war-torn Mozambique"), unless it is an agent ("by …") or the source itself.
   */
  private nextActorTarget(view: SentenceView, c: Candidate): void {
    if (!c.source || c.rule.entry.recip) return;
    // TABARI's target is the first actor in the verb phrase, before or after the pattern's words, in a clause inside
    // it too ("conceded that Peru is …", "put off talks after a raid on Peru"), and after "by" (it knew no
    // agents outside passives).
    const tabari = c.rule.entry.tabari === true;
    // Not where the pattern passed an actor over ("IN ^ WITH +").
    const skips = c.rule.post.some((e) => e.kind === 'skip');
    const comment = COMMENT_ROOTS.has(c.code.slice(0, 2));
    const from = tabari && !skips ? c.trigger + 1 : Math.max(c.end, c.trigger + 1);
    const end = tabari
      ? this.verbPhraseEnd(view, c.trigger)
      : Math.min(this.clauseEnd(view, Math.max(c.end, from)), c.trigger + 16);
    // TABARI's target is the first actor with a code; one the dictionaries do not know only if no other follows
    // ("dropped full &TIETYPE ties with Peru": Peru).
    let uncoded: ActorGroup | null = null;
    const take = (group: ActorGroup) => {
      c.target = group;
      c.spans.push({ a: group.start, b: group.end });
      c.notes.push('target: the next actor');
      c.confidence += 0.03;
    };
    for (let k = from; k < end; k++) {
      const t = view.lower[k] as string;
      if (t === ';' || t === ':') break;
      const v = view.verbAt[k] as number;
      if (!tabari && v >= 0 && (view.verbs[v] as VerbGroup).finite && k > c.trigger + 1) break;
      if (!tabari && (view.isClauseWord(k) || WH_WORDS.has(t)) && (view.groupAt[k] as number) < 0) break;
      // "cut ties after Saudi Arabia's execution of …": the actors of another event.
      if (!tabari && view.isEventConnective(k)) break;
      // "hailed the deal as a triumph for people": what a comment calls its object names no one it is aimed at (but
      // "denounced as a crime Serbia's crackdown" puts the object after it).
      if (!tabari && t === 'as' && comment && k > c.trigger + 1 && view.lower[k + 1] !== 'well') break;
      // "urged him to think about the Syrian conflict": the target is whoever "him" is, not a later actor.
      if (k === c.trigger + 1 && OBJECT_PRONOUNS.has(t) && (view.groupAt[k] as number) < 0) break;
      const g = view.groupAt[k] as number;
      if (g < 0) continue;
      const group = view.groups[g] as ActorGroup;
      // "…, officials said": the speaker of the reporting clause, not a party to the event.
      if (this.reportingSubject(view, group)) break;
      k = group.end - 1;
      // "condemned an attack by Peruvian soldiers": the doer of the event the statement is about is its target.
      const byDoer = group.prep === 'by' && this.aboutAnEventBy(view, c, group);
      if ((group.prep === 'by' && !byDoer && !tabari) || sameActors(group, c.source) || group.pronoun)
        continue;
      if (group.members.some((m) => c.source?.members.some((s) => s.actorId === m.actorId))) continue;
      if (tabari && group.members.every((m) => m.code === '')) {
        uncoded ??= group;
        continue;
      }
      take(group);
      return;
    }
    if (uncoded) take(uncoded);
  }

  /**
   * "by X" after the noun that an active verb of comment takes as its object ("condemned an attack by X",
   * "welcomed the decision by X"): X did what the comment is about. Not a passive's agent.
   */
  private aboutAnEventBy(view: SentenceView, c: Candidate, group: ActorGroup): boolean {
    if (c.kind !== 'verb' || c.notes.includes('passive')) return false;
    const v = view.verbAt[c.trigger] as number;
    if (v < 0 || (view.verbs[v] as VerbGroup).passive) return false;
    const root = c.code.slice(0, 2);
    if (!COMMENT_ROOTS.has(root)) return false;
    const before = group.start - 2;
    return before > c.trigger && view.pos[before] === 'NOUN';
  }

  /** A group between a comma and a verb of saying: the subject of a reporting clause ("…, police said"). */
  private reportingSubject(view: SentenceView, group: ActorGroup): boolean {
    let before = group.start - 1;
    // "…, a clearly weary official said": determiners, adjectives and adverbs before the speaker.
    while (
      before >= 0 &&
      (view.pos[before] === 'DET' || view.pos[before] === 'ADJ' || view.pos[before] === 'ADV')
    )
      before--;
    if (before < 0 || view.lower[before] !== ',') return false;
    const v = view.verbAt[group.end] as number;
    if (v < 0) return false;
    return this.lexicon.operators.speech.has((view.verbs[v] as VerbGroup).lemma);
  }

  /**
   * Protests, strikes and domestic coercion (curfews, bans, martial law, repression) with no one named are aimed at
   * the source's own country, as CAMEO codes domestic events ("Nigerians rallied in Lagos" is NGA→NGA).
   */
  private domesticTarget(c: Candidate): void {
    const code = c.code;
    const domestic =
      code.startsWith('14') ||
      code.startsWith('172') ||
      code.startsWith('175') ||
      code.startsWith('081') ||
      code === '082';
    if (!domestic || !c.source || c.source.members.length !== 1) return;
    const member = c.source.members[0] as ActorMember;
    const country = member.code.slice(0, 3);
    if (
      country.length !== 3 ||
      isRoleOnly(c.source) ||
      country === 'IGO' ||
      country === 'NGO' ||
      country === 'IMG'
    )
      return;
    c.target = {
      start: c.source.start,
      end: c.source.start,
      members: [{ actorId: `country:${country}`, code: country, name: country, mention: member.mention }],
      possessive: false,
      prep: null,
      negated: false,
      pronoun: false,
      place: true,
    };
    c.notes.push(`target: ${country} itself (a domestic event)`);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Targets from earlier sentences

  /**
   * "NATO suspended the mission's training activities": a definite noun in the object whose earlier mention had an
   * actor as its object ("a mission to train the country's army") lends that actor as the target.
   */
  private bridgeTarget(view: SentenceView, c: Candidate, previous: SentenceView[], s: number): void {
    if (c.kind !== 'verb' || !c.source) return;
    const nouns: string[] = [];
    const end = Math.min(view.n, c.end + 6);
    let definite = false;
    for (let k = c.trigger + 1; k < end; k++) {
      const t = view.lower[k] as string;
      if (t === 'the' || view.isPossessiveMark(k) || POSS_PRON.has(t)) definite = true;
      if (view.pos[k] === 'NOUN' && t.length > 3) nouns.push(t);
      if (HARD_STOP.has(t) || t === ',') break;
    }
    if (!definite || nouns.length === 0) return;
    for (let back = s - 1; back >= Math.max(0, s - 2); back--) {
      const prev = previous[back];
      if (!prev) continue;
      for (let k = 0; k < prev.n; k++) {
        if (!nouns.includes(prev.lower[k] as string)) continue;
        for (let j = k + 1; j < Math.min(prev.n, k + 8); j++) {
          const w = prev.verbAt[j] as number;
          if (w >= 0 && (prev.verbs[w] as VerbGroup).finite) break;
          if (prev.isClauseWord(j) || prev.pos[j] === 'CCONJ') break;
          const g = prev.groupAt[j] as number;
          if (g < 0) continue;
          const group = prev.groups[g] as ActorGroup;
          if (c.source && sameActors(group, c.source)) break;
          // Only an actor the noun points at ("a mission to train Iraq's army", "a mission in Iraq", "talks with
          // Iran"), not one that merely comes next ("the talks, but the United States …").
          const object = !group.prep && (prev.verbAt[j - 1] as number) >= 0;
          if (!object && !(group.prep && BRIDGE_PREPS.has(group.prep))) break;
          c.target = group;
          c.notes.push(`target by reference: "${prev.lower[k]}" in an earlier sentence`);
          c.confidence -= 0.3;
          c.bridgeView = prev;
          return;
        }
      }
    }
  }

  /**
   * "Biden condemned what he called an unprovoked attack", "Damascus condemned the incursion": a comment on an act of
   * force the article has already told, named by a definite noun with no actor of its own, is aimed at whoever did
   * the latest such act in an earlier sentence.
   */
  private earlierEventTarget(view: SentenceView, c: Candidate, previous: SentenceView[], s: number): void {
    if (c.kind !== 'verb' || !c.source || c.rule.entry.tabari || !COMMENT_ROOTS.has(c.code.slice(0, 2)))
      return;
    const noun = this.anaphoricEventNoun(view, c.trigger + 1);
    if (!noun) return;
    const { roots, at } = noun;
    for (let back = s - 1; back >= 0; back--) {
      const prev = previous[back];
      const done = (prev ? (this.coded.get(prev) ?? []) : []).filter(
        (x) =>
          !x.consumed &&
          !x.dropped &&
          x.source !== null &&
          !x.negated &&
          !x.modality &&
          roots.has(x.code.slice(0, 2)) &&
          !sameActors(x.source, c.source as ActorGroup),
      );
      const last = done.at(-1);
      if (!last?.source || !prev) continue;
      c.target = last.source;
      c.spans.push({ a: at, b: at + 1 });
      c.notes.push(`target: who did the "${prev.lower[last.trigger]}" of an earlier sentence`);
      c.confidence -= 0.2;
      c.bridgeView = prev;
      return;
    }
  }

  /**
   * The CAMEO roots (force and violence only) and place of a definite event noun from k with no actor around it ("the
   * incursion", "what he called 'an unprovoked attack'"); null if none stands there.
   */
  private anaphoricEventNoun(view: SentenceView, k: number): { roots: Set<string>; at: number } | null {
    let definite = false;
    // "what he called", "what it described as": the speaker's name for something already told.
    if (view.lower[k] === 'what') {
      let j = k + 1;
      const g = view.groupAt[j] as number;
      if (g >= 0) j = (view.groups[g] as ActorGroup).end;
      else if (view.pos[j] === 'PRON') j++;
      else return null;
      if (!NAMING_VERBS.has(view.lower[j] as string)) return null;
      k = view.lower[j + 1] === 'as' ? j + 2 : j + 1;
      definite = true;
    }
    const end = Math.min(this.clauseEnd(view, k), k + 10);
    for (; k < end; k++) {
      const t = view.lower[k] as string;
      const p = view.pos[k];
      if ((view.groupAt[k] as number) >= 0) return null;
      if (p === 'DET') {
        if (DEFINITE.has(t)) definite = true;
        else if (!definite) return null;
        continue;
      }
      if (isQuote(t) || p === 'ADJ' || p === 'ADV' || t === 'and' || t === ',') continue;
      if (p === 'VERB' && (view.verbAt[k] as number) < 0) continue;
      if (p !== 'NOUN') return null;
      const roots = new Set<string>();
      for (const r of this.lexicon.forms.get(t) ?? []) {
        if (r.kind !== 'noun') continue;
        for (const rule of r.rules) {
          const root = rule.entry.code.slice(0, 2);
          if (!rule.entry.tabari && Number(root) >= 14) roots.add(root);
        }
      }
      if (roots.size === 0) {
        if (view.pos[k + 1] === 'NOUN') continue;
        return null;
      }
      if (!definite) return null;
      // "the attack on Kyiv", "the strikes by France": the noun names its own actors.
      for (let j = k + 1; j < end; j++) if ((view.groupAt[j] as number) >= 0) return null;
      return { roots, at: k };
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Compound actors → single events

  private expand(c: Candidate): CodedEvent[] {
    const view = c.view;
    const sources: (ActorMember | null)[] = c.source ? c.source.members : [null];
    const targets: (ActorMember | null)[] = c.target ? c.target.members : [null];
    const bridged = c.bridgeView;
    const pairs: [ActorMember | null, ActorMember | null][] = [];
    const mutual = c.rule.entry.recip || this.mutualCompounds;
    if (c.mutual && c.source) {
      for (const a of c.source.members) for (const b of c.source.members) if (a !== b) pairs.push([a, b]);
    } else if (mutual && c.source && c.source.members.length > 1 && !c.target) {
      for (const a of c.source.members) for (const b of c.source.members) if (a !== b) pairs.push([a, b]);
    } else if (c.rule.entry.recip && c.target && c.target.members.length > 1 && !c.source) {
      for (const a of c.target.members) for (const b of c.target.members) if (a !== b) pairs.push([a, b]);
    } else {
      for (const a of sources)
        for (const b of targets) if (!(a && b && a.actorId === b.actorId)) pairs.push([a, b]);
    }
    const spans: { start: number; end: number }[] = [];
    const seen = new Set<string>();
    for (const sp of c.spans) {
      if (bridged && c.target && sp.a === c.target.start && sp.b === c.target.end) continue;
      const start = view.startOffset(sp.a);
      const end = view.endOffset(sp.b - 1);
      const key = `${start}:${end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      spans.push({ start, end });
    }
    spans.sort((x, y) => x.start - y.start);
    const ruleText = [`${c.rule.id} ${c.rule.pattern}`, ...c.notes].join('; ');
    // What the target does in turn (a visit made is a visit hosted), unless the event did not happen.
    const reverse = c.rule.entry.reverse && !c.negated ? c.rule.entry.reverse : null;
    const coded = pairs.map(([source, target]) => ({ source, target, code: c.code }));
    if (reverse)
      coded.push(...pairs.map(([source, target]) => ({ source: target, target: source, code: reverse })));
    return coded
      .filter(({ source, target }) => source || target)
      .map(({ source, target, code }) => ({
        sentence: c.sentence,
        code,
        source,
        target,
        negated: c.negated,
        modality: c.modality,
        confidence: Math.max(0.05, Math.min(0.99, Number(c.confidence.toFixed(2)))),
        spans,
        at: view.startOffset(c.trigger),
        rule: ruleText,
      }));
  }
}

/** Armed forces and groups: "MIL", "REB", "INS", "UAF", "SEP" in the code, or an international militant group. */
function isArmedCode(code: string): boolean {
  if (code.startsWith('IMG')) return true;
  for (let i = 0; i + 3 <= code.length; i += 3)
    if (['MIL', 'REB', 'INS', 'UAF', 'SEP'].includes(code.slice(i, i + 3))) return true;
  return false;
}

/**
 * The event word inside a phrase the source owns is no other actor: "Turkey expressed its opposition to …" is not
 * aimed at Turkey's opposition party, whereas "protesters stormed its embassy" (another country's) keeps its target.
 */
function ownEventWord(view: SentenceView, c: Candidate): boolean {
  const t = c.target as ActorGroup;
  const s = c.source as ActorGroup;
  if (!POSS_PRON.has(view.lower[t.start] as string)) return false;
  if (!c.spans.slice(1).some((x) => x.a > t.start && x.b <= t.end)) return false;
  const country = (m: ActorMember | undefined) => (m?.code ?? '').slice(0, 3);
  return (
    t.members.length === 1 && country(t.members[0]) !== '' && country(t.members[0]) === country(s.members[0])
  );
}

/**
 * The subject of a passive stands bare, after "of" ("talks of X were …"), or after a word that opens its clause
 * ("after a soldier was shot dead"), but not behind another preposition ("talks with X were held").
 */
function canBePassiveSubject(group: ActorGroup): boolean {
  return !group.prep || group.prep === 'of' || CLAUSE_OPENERS.has(group.prep);
}

function sameActors(a: ActorGroup, b: ActorGroup): boolean {
  return (
    a.members.length === b.members.length && a.members.every((m, i) => m.actorId === b.members[i]?.actorId)
  );
}

export { SentenceView };
