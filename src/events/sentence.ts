// One sentence seen the way the coder needs it: normalised tokens with part of speech, the actor mentions in it
// grouped into compound lists ("the UK, France and Germany"), verb groups with voice, negation and modality, and
// each verb's subject found by shallow clause structure (appositions, relative clauses, coordination).

import type { Actor, Doc, Mention, MentionRef, PosTag } from '../document/index.js';
import { normal, type VerbForm } from './inflect.js';
import type { Lexicon, OperatorKind } from './lexicon.js';

export interface ActorMember {
  actorId: string;
  code: string;
  name: string;
  mention: MentionRef;
  /** A person or an office ("Cameron", "the minister", "the government"), not a force or a state ("US forces"). */
  person?: boolean;
}

export interface ActorGroup {
  /** Local token indices, [start, end). */
  start: number;
  end: number;
  members: ActorMember[];
  /** Followed by 's: a determiner of the noun after it. */
  possessive: boolean;
  /** The preposition right before it, if any. */
  prep: string | null;
  /** Introduced by "neither", "no" … */
  negated: boolean;
  pronoun: boolean;
  /** A place standing for its country ("arrived in Amman"): a target only, never a subject. */
  place: boolean;
}

export interface VerbGroup {
  /** The main verb (local index). */
  head: number;
  /** First token of the group (auxiliaries, negation, adverbs). */
  start: number;
  lemma: string;
  form: VerbForm | null;
  passive: boolean;
  negated: boolean;
  modal: OperatorKind | null;
  modalWord: string | null;
  infinitive: boolean;
  /** An -ing or -ed form with no auxiliary, heading a participial clause. */
  participle: boolean;
  finite: boolean;
}

export type SubjectHow =
  | 'subject'
  | 'relative'
  | 'coordination'
  | 'participle'
  /** The object of the verb a gerund hangs on ("thanked China for hosting"). */
  | 'object'
  | 'pronoun'
  | 'speaker'
  | 'noun'
  | 'none';

export interface Subject {
  group: ActorGroup | null;
  how: SubjectHow;
  /** A negating determiner on the subject ("No ally supported …"). */
  negated: boolean;
  /** The subject is a pronoun the actor layer did not resolve. */
  pronoun: string | null;
}

const BE = new Set([
  'be',
  'is',
  'are',
  'am',
  'was',
  'were',
  'been',
  'being',
  "'s",
  "'re",
  "'m",
  'get',
  'gets',
  'got',
  'gotten',
  'getting',
]);
const HAVE = new Set(['have', 'has', 'had', 'having', "'ve", "'d"]);
const DO = new Set(['do', 'does', 'did']);
const RELATIVE = new Set(['who', 'whom', 'whose', 'which']);
const CLAUSE_WORDS = new Set([
  'that',
  'because',
  'while',
  'although',
  'though',
  'if',
  'unless',
  'whereas',
  'when',
  'whether',
  'where',
  'since',
  'until',
  'so',
  'once',
]);
// Words that open another event, whether a clause or a noun follows ("after protesters stormed …", "following
// Saudi Arabia's execution of …"): its actors are not this event's.
const EVENT_CONNECTIVES = new Set(['after', 'before', 'following', 'amid', 'despite']);
/** Words that follow a verb before its object ("shot dead a soldier", "gunned down two men"). */
const VERB_PARTICLES = new Set(['dead', 'down', 'up', 'out', 'off']);
const DASHES = new Set(['–', '—', '--', '-']);
const QUOTES = new Set(['"', '“', '”', "'", '‘', '’', '«', '»']);
const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you']);
const PERSONAL = new Set(['he', 'she', 'him', 'her', 'his']);

/** CAMEO role codes that name no country or organisation by themselves. */
const ROLE_CODES = new Set([
  'GOV',
  'MIL',
  'REB',
  'OPP',
  'CVL',
  'COP',
  'JUD',
  'LEG',
  'BUS',
  'MED',
  'EDU',
  'HLH',
  'LAB',
  'REF',
  'ELI',
  'SPY',
  'PTY',
  'UAF',
  'CRM',
  'AGR',
  'ENV',
  'HRI',
  'MOD',
  'RAD',
  'SET',
  'REL',
  'INS',
  'SEP',
]);

/** Roles held by people in office: what resigns, steps down or abdicates ("the minister", "the cabinet"). */
const OFFICE_ROLES = new Set(['GOV', 'LEG', 'JUD', 'ELI', 'PTY']);

/** A person, or a role mention of an office ("the prime minister"); a country named by its capital is neither. */
function personal(m: Mention, actor: Actor): boolean {
  if (m.type === 'PER' || actor.type === 'PER') return true;
  if (m.type !== 'ROLE') return false;
  const code = m.code ?? actor.code;
  for (let i = 0; i + 3 <= code.length; i += 3) {
    const chunk = code.slice(i, i + 3);
    if (ROLE_CODES.has(chunk)) return OFFICE_ROLES.has(chunk);
  }
  return false;
}

/**
 * The code an event takes for an actor named by this mention: the mention's own when it refines the actor's
 * ("Iraqi troops" → IRQMIL for the actor Iraq), else the actor's.
 */
function mentionCode(m: Mention, actor: Actor): string {
  const own = m.code ?? '';
  return own.length > actor.code.length && actor.code !== '' && own.startsWith(actor.code) ? own : actor.code;
}

/** A code that is a CAMEO role alone ("GOV", "REBMIL"), naming no country or organisation. */
export function isRoleCode(code: string): boolean {
  return code === '' || ROLE_CODES.has(code.slice(0, 3));
}

export function isRoleOnly(group: ActorGroup): boolean {
  return group.members.every((m) => isRoleCode(m.code));
}

export function isQuote(t: string): boolean {
  return QUOTES.has(t);
}

export class SentenceView {
  readonly doc: Doc;
  readonly lexicon: Lexicon;
  /** First and one-past-last token of the sentence in doc.tokens. */
  readonly from: number;
  readonly to: number;
  readonly n: number;
  readonly lower: string[];
  readonly pos: PosTag[];
  readonly groups: ActorGroup[] = [];
  /** Local token → index in groups, or -1. */
  readonly groupAt: Int32Array;
  readonly verbs: VerbGroup[] = [];
  /** Local token → index in verbs (for heads), or -1. */
  readonly verbAt: Int32Array;
  /** Per verb (same index as verbs): its subject, computed in order so coordination can inherit. */
  readonly subjects: Subject[] = [];
  /** Tokens inside a parenthetical (dash pair, brackets). */
  readonly paren: Uint8Array;

  constructor(doc: Doc, lexicon: Lexicon, from: number, to: number, actors: Map<string, Actor>) {
    this.doc = doc;
    this.lexicon = lexicon;
    this.from = from;
    this.to = to;
    this.n = to - from;
    this.lower = new Array(this.n);
    this.pos = new Array(this.n);
    for (let i = 0; i < this.n; i++) {
      const t = from + i;
      this.lower[i] = normal(doc.text.slice(doc.tokens.start(t), doc.tokens.end(t)));
      this.pos[i] = doc.tokens.posTag(t);
    }
    this.groupAt = new Int32Array(this.n).fill(-1);
    this.verbAt = new Int32Array(this.n).fill(-1);
    this.paren = new Uint8Array(this.n);
    this.markParentheticals();
    this.buildGroups(actors);
    this.buildVerbs();
    for (let v = 0; v < this.verbs.length; v++) this.subjects.push(this.findSubject(v));
  }

  startOffset(i: number): number {
    return this.doc.tokens.start(this.from + i);
  }

  endOffset(i: number): number {
    return this.doc.tokens.end(this.from + i);
  }

  text(i: number, j: number): string {
    return this.doc.text.slice(this.startOffset(i), this.endOffset(j - 1));
  }

  isPossessiveMark(i: number): boolean {
    const t = this.lower[i];
    return t === "'s" || t === "'" || (t === 's' && this.lower[i - 1] === "'");
  }

  private markParentheticals(): void {
    const open: number[] = [];
    let dash = -1;
    for (let i = 0; i < this.n; i++) {
      const t = this.lower[i] as string;
      if (t === '(' || t === '[') open.push(i);
      else if ((t === ')' || t === ']') && open.length) {
        const s = open.pop() as number;
        for (let k = s; k <= i; k++) this.paren[k] = 1;
      } else if ((t === '–' || t === '—' || t === '--') && this.pos[i] === 'PUNCT') {
        if (dash < 0) dash = i;
        else {
          for (let k = dash; k <= i; k++) this.paren[k] = 1;
          dash = -1;
        }
      }
    }
  }

  private buildGroups(actors: Map<string, Actor>): void {
    const doc = this.doc;
    const sStart = this.startOffset(0);
    const sEnd = this.endOffset(this.n - 1);
    // Outermost actor-bearing mentions win: "NATO's secretary-general" over the "NATO" inside it.
    const spans: {
      a: number;
      b: number;
      member: ActorMember;
      pronoun: boolean;
      place?: boolean;
      /** The mention carries a code of its own naming a country ("Gaddafi's forces" → LBYMIL). */
      coded?: boolean;
      /** A person by name ("Muammar Gaddafi"), not an office ("leaders of Hungary"). */
      named?: boolean;
    }[] = [];
    const mentions = doc.mentions
      .filter((m) => m.actorId !== null && m.start >= sStart && m.end <= sEnd)
      .sort((x, y) => x.start - y.start || y.end - x.end);
    const taken = new Uint8Array(this.n);
    /** The sentence's tokens [a, b) under doc offsets [start, end), claimed for one span; null if any is taken. */
    const claim = (start: number, end: number): [number, number] | null => {
      const a = doc.tokens.indexAt(start) - this.from;
      const b = Math.min(this.n, doc.tokens.indexAt(end - 1) - this.from + 1);
      if (a < 0 || a >= this.n) return null;
      for (let k = a; k < b; k++) if (taken[k]) return null;
      taken.fill(1, a, b);
      return [a, b];
    };
    for (const m of mentions) {
      const actor = actors.get(m.actorId as string);
      if (!actor) continue;
      const claimed = claim(m.start, m.end);
      if (!claimed) continue;
      const [a, b] = claimed;
      spans.push({
        a,
        b,
        member: {
          actorId: actor.id,
          code: mentionCode(m, actor),
          name: actor.name,
          mention: { start: m.start, end: m.end, text: m.text },
          person: personal(m, actor),
        },
        pronoun: m.via === 'pronoun' || PRONOUNS.has(normal(m.text)) || PERSONAL.has(normal(m.text)),
        coded: (m.code ?? '') !== '' && !isRoleCode(m.code ?? ''),
        named: m.type === 'PER' || actor.type === 'PER',
      });
    }
    // Places no actor covers (towns, cities, territories such as the West Bank, countries named as places) stand for
    // their country as targets.
    for (const p of doc.places) {
      if (!p.country || p.end <= p.start || p.start < sStart || p.end > sEnd) continue;
      if (p.kind === 'continent') continue;
      const claimed = claim(p.start, p.end);
      if (!claimed) continue;
      const [a, b] = claimed;
      spans.push({
        a,
        b,
        member: {
          actorId: `place:${p.country}`,
          code: p.country,
          name: p.name,
          mention: { start: p.start, end: p.end, text: p.text },
        },
        pronoun: false,
        place: true,
      });
    }
    spans.sort((x, y) => x.a - y.a);
    // A person's possessive before a role the actor layer coded is that role's owner, not an actor of its own:
    // "struck Gaddafi's forces" strikes the forces (LBYMIL), not Gaddafi.
    for (let k = spans.length - 2; k >= 0; k--) {
      const owner = spans[k] as (typeof spans)[number];
      const owned = spans[k + 1] as (typeof spans)[number];
      if (!owner.named || owner.pronoun || owner.place || !owned.coded) continue;
      let t = owner.b;
      while (t < owned.a && this.isPossessiveMark(t)) t++;
      if (t !== owned.a || owned.a === owner.b) continue;
      owned.a = owner.a;
      spans.splice(k, 1);
    }
    // An opening adverbial ("With the signing of the accord, A and B agreed") ends at its comma: no list runs
    // across it.
    const opening = this.pos[0] === 'ADP' || this.pos[0] === 'SCONJ' ? this.lower.indexOf(',') : -1;
    let k = 0;
    while (k < spans.length) {
      const first = spans[k] as (typeof spans)[number];
      const members = [first.member];
      let end = first.b;
      let joiners: string[] = [];
      let j = k + 1;
      for (; j < spans.length; j++) {
        const next = spans[j] as (typeof spans)[number];
        const between: string[] = [];
        for (let t = end; t < next.a; t++) {
          const word = this.lower[t] as string;
          if (word === 'the' || word === 'both' || word === 'either') continue;
          // Adjectives (and their adverbs) after the joiner describe the next member ("Britain and the ever-cautious Japan").
          if ((this.pos[t] === 'ADJ' || this.pos[t] === 'ADV') && between.length > 0) continue;
          between.push(word);
        }
        const joiner = between.join(' ');
        if (this.isPossessiveMark(end) || this.isPossessiveMark(end - 1)) break;
        if (Boolean(next.place) !== Boolean(first.place)) break;
        if (opening > 0 && end <= opening && next.a > opening) break;
        if (
          ![
            '',
            ',',
            'and',
            '&',
            'or',
            'nor',
            ', and',
            ', or',
            ', nor',
            'as well as',
            ', as well as',
            'and also',
          ].includes(joiner)
        )
          break;
        if (joiner === '') break;
        // "X, Y's ally" is an apposition, not a list member.
        if (next.b < this.n && this.isPossessiveMark(next.b)) break;
        joiners.push(joiner);
        members.push(next.member);
        end = next.b;
      }
      // A list held together by commas alone is an apposition ("Soleimani, the commander of …"): keep the first.
      if (joiners.length > 0 && joiners.every((x) => x === ',')) {
        j = k + 1;
        members.length = 1;
        end = first.b;
        joiners = [];
      }
      // The same actor named twice in a row is one member.
      const unique: ActorMember[] = [];
      for (const m of members) if (!unique.some((u) => u.actorId === m.actorId)) unique.push(m);
      let before = first.a - 1;
      while (before >= 0 && ['both', 'either', 'neither'].includes(this.lower[before] as string)) before--;
      const lead = this.lower[first.a - 1];
      const prepTok = before >= 0 ? (this.lower[before] as string) : null;
      const prep =
        prepTok !== null && (this.pos[before] === 'ADP' || prepTok === 'to') && !this.isPossessiveMark(before)
          ? prepTok
          : null;
      const group: ActorGroup = {
        start: first.a,
        end,
        members: unique,
        possessive: end < this.n && this.isPossessiveMark(end),
        prep,
        negated: lead === 'neither' || lead === 'no' || joiners.includes('nor'),
        pronoun: first.pronoun && unique.length === 1,
        place: first.place === true,
      };
      const gi = this.groups.length;
      this.groups.push(group);
      for (let t = group.start; t < group.end; t++) this.groupAt[t] = gi;
      k = j;
    }
  }

  /** Verb reading of a token: its lemma and form, from the lexicon or the tagger. */
  verbReading(i: number): { lemma: string; form: VerbForm } | null {
    const t = this.lower[i] as string;
    const known = this.lexicon.verbLemmas.get(t);
    if (known) return known;
    const p = this.pos[i];
    if (p === 'VERB')
      return { lemma: t, form: t.endsWith('ing') ? 'ing' : t.endsWith('ed') ? 'past' : 'base' };
    return null;
  }

  /** Whether the token at i reads as a noun here (after a determiner, possessive, adjective or number). */
  nounContext(i: number): boolean {
    const prev = this.lower[i - 1];
    const pp = this.pos[i - 1];
    if (prev === undefined) return this.pos[i] === 'NOUN' || this.pos[i] === 'PROPN';
    if (this.isPossessiveMark(i - 1)) return true;
    if (
      [
        'the',
        'a',
        'an',
        'its',
        'their',
        'his',
        'her',
        'our',
        'this',
        'these',
        'those',
        'any',
        'no',
        'new',
        'further',
        'more',
        'several',
        'many',
        'two',
        'three',
        'renewed',
        'fresh',
        'repeated',
        'recent',
        'latest',
        'such',
        'of',
      ].includes(prev)
    )
      return true;
    if (pp === 'ADJ' || pp === 'NUM' || pp === 'DET') return true;
    return false;
  }

  private buildVerbs(): void {
    const { lower, pos } = this;
    for (let i = 0; i < this.n; i++) {
      const t = lower[i] as string;
      const p = pos[i];
      const reading = this.verbReading(i);
      if (!reading) continue;
      const next = lower[i + 1] ?? '';
      const auxMain =
        p === 'AUX' &&
        this.lexicon.forms.has(t) &&
        next !== 'not' &&
        next !== "n't" &&
        this.pos[i + 1] !== 'VERB' &&
        this.pos[i + 1] !== 'AUX' &&
        !(this.pos[i + 1] === 'ADV' && this.pos[i + 2] === 'VERB');
      const isVerbTag =
        p === 'VERB' ||
        auxMain ||
        (p === 'AUX' && !BE.has(t) && !HAVE.has(t) && !DO.has(t) && !this.lexicon.operators.modals.has(t));
      // wink tags some verbs as nouns or adjectives ("increase its role", "were informed"); believe the context.
      let verbal = isVerbTag;
      if (!verbal && (p === 'NOUN' || p === 'ADJ' || p === 'PROPN')) {
        const prev = lower[i - 1] ?? '';
        verbal =
          !this.nounContext(i) &&
          (prev === 'to' ||
            BE.has(prev) ||
            HAVE.has(prev) ||
            this.lexicon.operators.modals.has(prev) ||
            prev === 'not' ||
            prev === "n't" ||
            ((prev === 'and' || prev === 'or') && i + 1 < this.n && (this.groupAt[i + 1] ?? -1) >= 0) ||
            ((this.groupAt[i - 1] ?? -1) >= 0 && (this.groupAt[i + 1] ?? -1) >= 0) ||
            // "France and Germany welcome a resumption of ties": between an actor and its object's determiner.
            ((this.groupAt[i - 1] ?? -1) >= 0 &&
              !this.isPossessiveMark(i - 1) &&
              this.pos[i + 1] === 'DET' &&
              this.lexicon.forms.has(t)) ||
            // "Gunmen shot dead a soldier", "troops gunned down two men": a particle before the object.
            ((this.groupAt[i - 1] ?? -1) >= 0 &&
              !this.isPossessiveMark(i - 1) &&
              VERB_PARTICLES.has(lower[i + 1] ?? '') &&
              (this.pos[i + 2] === 'DET' || this.pos[i + 2] === 'NUM' || (this.groupAt[i + 2] ?? -1) >= 0) &&
              this.lexicon.forms.has(t)));
      }
      // "reject proposed Israeli changes": a participle between a verb or determiner and a noun is an adjective.
      if (verbal && (reading.form === 'past' || reading.form === 'pp') && p === 'VERB') {
        const np = this.pos[i + 1];
        const pv = i > 0 ? (this.verbAt[i - 1] as number) : -1;
        const prevPos = this.pos[i - 1];
        if (
          (np === 'NOUN' || np === 'ADJ' || np === 'PROPN') &&
          (pv >= 0 || prevPos === 'DET' || prevPos === 'ADJ')
        )
          verbal = false;
        if (lower[i - 1] === '-' && np !== 'DET') verbal = false;
      }
      // "Greece … plans to impose": a verb form tagged as a noun but taking an infinitive.
      if (
        !verbal &&
        p === 'NOUN' &&
        !this.nounContext(i) &&
        lower[i + 1] === 'to' &&
        this.pos[i + 2] === 'VERB'
      )
        verbal = true;
      // "a closed-door meeting": the first half of a hyphenated compound is a modifier.
      if (verbal && lower[i + 1] === '-' && this.endOffset(i) === this.startOffset(i + 1)) verbal = false;
      if (verbal && this.nounContext(i)) {
        const nounReading = this.lexicon.forms.get(t)?.some((r) => r.kind === 'noun') ?? false;
        if (p !== 'VERB' || reading.form === 'ing' || nounReading) verbal = false;
      }
      if (!verbal) continue;
      this.verbAt[i] = this.verbs.length;
      this.verbs.push(this.verbGroup(i, reading.lemma, reading.form));
    }
  }

  private verbGroup(head: number, lemma: string, form: VerbForm): VerbGroup {
    const { lower } = this;
    const ops = this.lexicon.operators;
    let start = head;
    let passive = false;
    let negated = false;
    let modal: OperatorKind | null = null;
    let modalWord: string | null = null;
    let infinitive = false;
    let aux = false;
    let haveAux = false;
    for (let k = head - 1; k >= 0 && k >= head - 6; k--) {
      const t = lower[k] as string;
      const p = this.pos[k];
      if (t === 'not' || t === "n't" || t === 'never') {
        negated = true;
        start = k;
        continue;
      }
      if (ops.modals.has(t) && (p === 'AUX' || p === 'VERB' || t === "'ll")) {
        if (!modal) {
          modal = ops.modals.get(t) as OperatorKind;
          modalWord = t;
        }
        aux = true;
        start = k;
        continue;
      }
      if (BE.has(t) && (p === 'AUX' || p === 'VERB')) {
        if (form === 'pp' || form === 'past') passive = true;
        aux = true;
        start = k;
        continue;
      }
      if (HAVE.has(t) && (p === 'AUX' || p === 'VERB')) {
        aux = true;
        haveAux = true;
        start = k;
        continue;
      }
      if (DO.has(t) && p === 'AUX') {
        aux = true;
        start = k;
        continue;
      }
      if (t === 'to' && (p === 'PART' || p === 'ADP')) {
        infinitive = true;
        start = k;
        break;
      }
      if (
        p === 'ADV' ||
        t === 'also' ||
        t === 'later' ||
        t === 'then' ||
        t === 'reportedly' ||
        t === 'allegedly'
      ) {
        continue;
      }
      break;
    }
    // "been" after "have" is perfect passive only with a participle; "had ordered" is active.
    if (passive && haveAux && !lower.slice(start, head).some((t) => BE.has(t))) passive = false;
    if (form === 'past' && !aux && this.isReducedPassive(head)) passive = true;
    const participle = !aux && !infinitive && (form === 'ing' || (form === 'pp' && passive));
    const finite = !infinitive && !(form === 'ing' && !aux);
    return {
      head,
      start,
      lemma,
      form,
      passive,
      negated,
      modal,
      modalWord,
      infinitive,
      participle,
      finite,
    };
  }

  /** "soldiers killed by rebels": a bare -ed form right after a noun phrase and followed by "by". */
  private isReducedPassive(head: number): boolean {
    const next = this.lower[head + 1];
    if (next !== 'by') return false;
    const prev = head - 1;
    if (prev < 0) return false;
    return (this.groupAt[prev] ?? -1) >= 0 || this.pos[prev] === 'NOUN' || this.lower[prev] === ',';
  }

  isClauseWord(i: number): boolean {
    const t = this.lower[i] as string;
    const p = this.pos[i];
    if (t === ';' || t === ':') return true;
    if (RELATIVE.has(t)) return true;
    if (t === 'that' && (p === 'SCONJ' || p === 'PRON')) return true;
    if (CLAUSE_WORDS.has(t) && t !== 'that' && p === 'SCONJ') return true;
    return false;
  }

  /** A word that opens another event ("after", "following", "amid"). */
  isEventConnective(i: number): boolean {
    return EVENT_CONNECTIVES.has(this.lower[i] as string);
  }

  /** The comma of a date ("September 11, 2001"), which opens no clause or apposition. */
  private dateComma(i: number): boolean {
    if (this.pos[i - 1] === 'NUM' && this.pos[i + 1] === 'NUM') return true;
    const at = this.startOffset(i);
    return this.doc.timexes.some((t) => t.start < at && at < t.end);
  }

  /** The comma-delimited segment ending just before `comma` (exclusive) may be skipped when looking for a subject. */
  private skippableSegment(comma: number): number {
    // Find the comma (or dash) that opens the segment.
    let j = comma - 1;
    while (j >= 0) {
      const g = this.groupAt[j] as number;
      if (g >= 0) {
        j = (this.groups[g] as ActorGroup).start - 1;
        continue;
      }
      const t = this.lower[j] as string;
      if ((t === ',' && !this.dateComma(j)) || DASHES.has(t)) break;
      if (t === ';' || t === ':') return -1;
      j--;
    }
    if (j < 1) return -1;
    const first = j + 1;
    const firstWord = this.lower[first] as string;
    const relative = RELATIVE.has(firstWord);
    let finiteVerb = false;
    for (let k = first; k < comma; k++) {
      const v = this.verbAt[k] as number;
      if (v >= 0 && (this.verbs[v] as VerbGroup).finite) finiteVerb = true;
    }
    if (!relative && finiteVerb) return -1;
    // An apposition or relative clause hangs on a noun phrase.
    let before = j - 1;
    // "The Union of Teachers (NUT), the umbrella union …,": step over a bracketed acronym.
    if (this.lower[before] === ')') while (before > 0 && this.paren[before]) before--;
    const p = this.pos[before];
    const ok =
      (this.groupAt[before] as number) >= 0 ||
      p === 'NOUN' ||
      p === 'PROPN' ||
      p === 'PRON' ||
      (relative && p !== 'VERB');
    return ok ? j : -1;
  }

  private findSubject(v: number): Subject {
    const verb = this.verbs[v] as VerbGroup;
    const none: Subject = { group: null, how: 'none', negated: false, pronoun: null };
    // Relative clause: "Trump, who had ordered …" → the antecedent.
    const rel = verb.start - 1;
    if (rel >= 0 && RELATIVE.has(this.lower[rel] as string)) return this.antecedent(rel);
    if (rel >= 0 && this.lower[rel] === 'that' && this.pos[rel] === 'PRON') return this.antecedent(rel);
    if (verb.infinitive) return none;
    const object = verb.form === 'ing' && verb.participle ? this.gerundObject(verb.start) : null;
    if (object) return { group: object, how: 'object', negated: false, pronoun: null };
    if (verb.participle && this.lower[verb.start - 1] === ',') {
      const main = this.clauseSubjectFor(v);
      if (main) return main;
    }
    return this.subjectBefore(verb.start, v, verb.participle, verb.head);
  }

  /**
   * The subject of the clause a participle after a comma hangs on: the nearest finite verb before it outside
   * relative clauses, raised to the speaker when that verb reports speech ("Trump announced that the US would
   * reimpose sanctions, rejecting appeals": Trump rejects). Null for a parenthetical participle, which describes the
   * noun before it ("said Russian troops, advancing from Belarus, had seized …").
   */
  private clauseSubjectFor(v: number): Subject | null {
    const verb = this.verbs[v] as VerbGroup;
    for (let k = verb.head + 1; k < this.n; k++) {
      const t = this.lower[k] as string;
      if (t === ';' || t === ':' || t === '.') break;
      if ((this.groupAt[k] as number) >= 0 || t !== ',') continue;
      if (this.verbs.some((x) => x.start === k + 1 && x.finite)) return null;
      break;
    }
    for (let w = v - 1; w >= 0; w--) {
      const prev = this.verbs[w] as VerbGroup;
      if (!prev.finite || this.paren[prev.head] || this.inRelativeClause(w)) continue;
      const s = this.subjects[w] as Subject;
      const raised = this.reportingSubject(w) ?? s;
      return raised.group || raised.pronoun ? { ...raised, how: 'participle' } : null;
    }
    return null;
  }

  /**
   * The speaker a verb after ", and" shares when the verb before it is reported speech: only a plain verb of the
   * speaker's own tense ("Johnson said Putin must fail, and promised sanctions"), not one that goes on with the
   * report ("he said the operation targeted the YPG, and would allow refugees to return").
   */
  private speakerAfterComma(v: number, w: number): Subject | null {
    const verb = this.verbs[v];
    if (!verb || verb.modal || verb.start !== verb.head || verb.passive) return null;
    return this.reportingSubject(w, verb.form);
  }

  /** Is verb w in a relative clause ("Rutte, whose country holds the presidency")? */
  private inRelativeClause(w: number): boolean {
    if ((this.subjects[w] as Subject).how === 'relative') return true;
    for (let k = (this.verbs[w] as VerbGroup).start - 1; k >= 0; k--) {
      const g = this.groupAt[k] as number;
      if (g >= 0) {
        k = (this.groups[g] as ActorGroup).start;
        continue;
      }
      const t = this.lower[k] as string;
      if (RELATIVE.has(t)) return true;
      if (t === ',' || t === ';' || t === ':' || DASHES.has(t) || (this.verbAt[k] as number) >= 0)
        return false;
    }
    return false;
  }

  /**
   * The subject of the verb of saying whose reported clause holds verb w, with no comma between them ("said in an
   * address that Putin must fail"), raised again if that verb is itself reported; null if w is not reported speech.
   * With `form`, only a verb of saying of that form ("said …, and promised": both past).
   */
  private reportingSubject(w: number, form?: VerbForm | null): Subject | null {
    const verb = this.verbs[w] as VerbGroup;
    for (let k = verb.start - 1; k >= 0; k--) {
      const g = this.groupAt[k] as number;
      if (g >= 0) {
        k = (this.groups[g] as ActorGroup).start;
        continue;
      }
      const t = this.lower[k] as string;
      if (t === ',' || t === ';' || t === ':' || DASHES.has(t)) return null;
      const sv = this.verbAt[k] as number;
      if (sv < 0 || sv === w) continue;
      const speech = this.verbs[sv] as VerbGroup;
      if (!speech.finite || !this.lexicon.operators.speech.has(speech.lemma)) continue;
      if (form !== undefined && speech.form !== form) return null;
      const s = this.subjects[sv] as Subject;
      if (!s.group && !s.pronoun) return null;
      return this.reportingSubject(sv) ?? s;
    }
    return null;
  }

  /**
   * "thanked China for hosting", "accused Iran of supplying": the object of the verb before "for"/"of" does what
   * the gerund says.
   */
  private gerundObject(start: number): ActorGroup | null {
    const prep = this.lower[start - 1];
    if (prep !== 'for' && prep !== 'of') return null;
    const g = this.groupAt[start - 2] as number;
    if (g < 0) return null;
    const group = this.groups[g] as ActorGroup;
    if (group.prep || group.possessive || group.place) return null;
    const before = group.start - 1;
    const v = before >= 0 ? (this.verbAt[before] as number) : -1;
    return v >= 0 && (this.verbs[v] as VerbGroup).finite ? group : null;
  }

  /** The subject of a clause whose predicate starts at `at`: the nearest actor-bearing noun phrase to the left. */
  subjectBefore(at: number, v = -1, participle = false, head = at): Subject {
    const none: Subject = { group: null, how: 'none', negated: false, pronoun: null };
    let i = at - 1;
    const found: ActorGroup[] = [];
    let negated = false;
    let pronoun: string | null = null;
    let sawNoun = false;
    while (i >= 0) {
      const g = this.groupAt[i] as number;
      if (g >= 0 && (this.groups[g] as ActorGroup).place) {
        sawNoun = true;
        i = (this.groups[g] as ActorGroup).start - 1;
        continue;
      }
      if (g >= 0) {
        const group = this.groups[g] as ActorGroup;
        found.push(group);
        if (group.negated) negated = true;
        i = group.start - 1;
        continue;
      }
      const t = this.lower[i] as string;
      const p = this.pos[i];
      if (this.paren[i] && !this.paren[head]) {
        const close = i;
        while (i >= 0 && this.paren[i]) i--;
        // "Five members of the council – Belgium, France and Poland – requested": the list between dashes names the
        // subject itself.
        const inner = this.groupAt[i + 2] as number;
        const named = inner >= 0 ? (this.groups[inner] as ActorGroup) : null;
        if (
          found.length === 0 &&
          named &&
          !named.place &&
          !named.pronoun &&
          named.start === i + 2 &&
          named.end === close &&
          DASHES.has(this.lower[close] as string)
        )
          found.push(named);
        continue;
      }
      if (t === ',' && !this.dateComma(i)) {
        if (found.length > 0 || sawNoun || pronoun) break;
        const j = this.skippableSegment(i);
        if (j < 0) break;
        if (this.segmentHoldsSubject(j + 1, i)) {
          i--;
          continue;
        }
        i = j - 1;
        continue;
      }
      if (isQuote(t)) {
        i--;
        continue;
      }
      if (this.isClauseWord(i) || (found.length > 0 && this.isEventConnective(i))) break;
      const vi = this.verbAt[i] as number;
      if (vi >= 0 && vi !== v) {
        const other = this.verbs[vi] as VerbGroup;
        if (other.finite || other.head !== i) break;
        // A participle used as a modifier inside the subject ("the so-called …") is skipped.
        i--;
        continue;
      }
      if (
        (t === 'and' || t === 'but' || t === 'or') &&
        p === 'CCONJ' &&
        found.length === 0 &&
        !sawNoun &&
        !pronoun
      ) {
        // "X attacked Y and killed Z": the second verb shares the first one's subject. After ", and" a verb that
        // follows reported speech shares the speaker's ("Johnson said Putin must fail, and promised sanctions").
        for (let w = v - 1; w >= 0; w--) {
          const prev = this.verbs[w] as VerbGroup;
          if (!prev.finite && !prev.participle) continue;
          const s =
            (this.lower[i - 1] === ',' ? this.speakerAfterComma(v, w) : null) ??
            (this.subjects[w] as Subject);
          if (s.group || s.pronoun) return { ...s, how: 'coordination' };
          break;
        }
        return none;
      }
      if (p === 'PRON' && PRONOUNS.has(t) && found.length === 0 && !sawNoun) {
        pronoun = t;
        i--;
        continue;
      }
      if (this.lexicon.operators.subjectNegators.has(t)) negated = true;
      if (p === 'NOUN' || p === 'PROPN') sawNoun = true;
      if (p === 'VERB' || p === 'AUX' || p === 'SCONJ' || p === 'PUNCT') {
        if (p === 'PUNCT' && (t === '-' || t === '‐')) {
          i--;
          continue;
        }
        break;
      }
      i--;
    }
    if (pronoun && found.length === 0) return { group: null, how: 'pronoun', negated, pronoun };
    if (found.length === 0) {
      if (participle && v > 0) {
        for (let w = v - 1; w >= 0; w--) {
          const prev = this.verbs[w] as VerbGroup;
          if (!prev.finite) continue;
          const s = this.subjects[w] as Subject;
          return s.group || s.pronoun ? { ...s, how: 'participle' } : none;
        }
      }
      return { ...none, negated, how: sawNoun ? 'noun' : 'none' };
    }
    // A plain noun phrase first; among equals, one that names a country or organisation over a bare role
    // ("doctors from American aid groups" is the American groups' act).
    const rank = (x: ActorGroup) =>
      (x.possessive ? 2 : x.prep === null ? 0 : x.prep === 'of' ? 3 : 4) + (isRoleOnly(x) ? 4.5 : 0);
    const best = [...found].sort((a, b) => rank(a) - rank(b) || b.start - a.start)[0] as ActorGroup;
    if (best.pronoun) return { group: best, how: 'pronoun', negated, pronoun: null };
    return { group: best, how: 'subject', negated, pronoun: null };
  }

  /** A comma segment that is an actor noun phrase itself ("…, the UK, France and Germany, called …"). */
  private segmentHoldsSubject(first: number, comma: number): boolean {
    let k = first;
    while (
      k < comma &&
      (this.groupAt[k] as number) < 0 &&
      (this.pos[k] === 'DET' || isQuote(this.lower[k] as string))
    )
      k++;
    const g = this.groupAt[k] as number;
    if (g < 0) return false;
    const group = this.groups[g] as ActorGroup;
    return group.start === k && group.end === comma && !group.possessive && group.prep === null;
  }

  private antecedent(rel: number): Subject {
    let k = rel - 1;
    while (k >= 0 && (this.lower[k] === ',' || isQuote(this.lower[k] as string))) k--;
    const g = k >= 0 ? (this.groupAt[k] as number) : -1;
    if (g >= 0 && !(this.groups[g] as ActorGroup).place)
      return { group: this.groups[g] as ActorGroup, how: 'relative', negated: false, pronoun: null };
    const p = k >= 0 ? this.pos[k] : undefined;
    return {
      group: null,
      how: p === 'NOUN' || p === 'PROPN' ? 'noun' : 'none',
      negated: false,
      pronoun: null,
    };
  }
}
