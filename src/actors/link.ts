// Links a document's names to actors and codes them in CAMEO: KB phrases, recognised names, titles and
// appositions ("US President Donald Trump", "Jens Stoltenberg, NATO's secretary-general"), role phrases ("a top
// Iranian military commander" → IRNMIL), office holders by date, and aliases within the article (surnames, org
// anaphors such as "the alliance", "the country's army", he/she).

import type { Actor, EntityType, Mention } from '../document/index.js';
import type {
  KbActorEntry,
  KbCountry,
  KbEntry,
  KbGroup,
  KbOrganization,
  KbPerson,
  KbRole,
  KnowledgeBase,
} from '../kb/index.js';
import { type OfficeQuery, roleKey } from '../kb/index.js';
import type { NerSpan } from './recogniser.js';
import { findUnits, kbUnits, needsRecogniser, type Unit } from './units.js';
import { isPossessiveMarker, POS, properRunEnd, type Words } from './words.js';

/** A mention as the actor stage writes it: the layer's record plus the CAMEO code this mention itself carries. */
export interface ActorMention extends Mention {
  /** The code of this mention ("the country's army" → IRQMIL, though its actor is Iraq, IRQ). */
  code: string;
}

export interface LinkOptions {
  /** The article's date (YYYY-MM-DD) for office holders and dated codes; null = latest known. */
  date: string | null;
  /** Recogniser spans per sentence (word indices relative to the sentence start). */
  ner: (words: readonly string[]) => NerSpan[];
}

export interface LinkResult {
  mentions: ActorMention[];
  actors: Actor[];
}

interface ActorDraft {
  key: string;
  name: string;
  code: string;
  type: EntityType;
  kbId: string | null;
  gender: string;
  person: KbPerson | null;
  org: KbOrganization | null;
  group: KbGroup | null;
  country: KbCountry | null;
  /** Named by a proper name (not only described). */
  named: boolean;
  /** For described people: the head role word, and whether the first description was indefinite. */
  roleHead: string | null;
  indefinite: boolean;
  /** An anonymous source ("a senior official said"): never the same as someone named later. */
  anonymousSource: boolean;
  mentions: MentionDraft[];
}

interface MentionDraft {
  w0: number;
  w1: number;
  type: EntityType;
  via: string;
  /** null: the actor's code at the end. */
  code: string | null;
  actor: ActorDraft | null;
  sentence: number;
  possessive: boolean;
  subject: boolean;
  /** A plural role phrase ("Iraqi officials"), which "their" can refer back to. */
  plural: boolean;
}

interface Affiliation {
  code: string;
  /** The doc actor it names, when it is a country, organisation or group. */
  country: KbCountry | null;
  org: KbOrganization | null;
  group: KbGroup | null;
  actor: KbActorEntry | null;
  /** For "the country's": the actor it refers back to. */
  anaphor: ActorDraft | null;
  /** Named by a territory of the country ("Crimea", "Darfur"), whose officials are not the country's. */
  territory?: boolean;
}

interface RolePart {
  role: KbRole;
  plural: boolean;
  w0: number;
  w1: number;
  /** The KB layer the role word comes from (0 built-in, higher = a user's dictionary). */
  layer: number;
}

interface RolePhrase {
  /** The person whose role it is, named before it ("Gaddafi's"); w0 is then the first word after "'s". */
  owner: Owner | null;
  w0: number;
  w1: number;
  det: string | null;
  aff: Affiliation | null;
  roles: RolePart[];
  head: RolePart;
  headKey: string;
  code: string;
  /** The agent the roles give ("GOV", "ELI"), before any affiliation is put to it. */
  agent: string;
  /** Agents that go before the affiliation's code: PETRARCH's `[NGO~]` in "a Mercy Watch Ruritania doctor" (NGO). */
  lead: string;
  /** A body of people (plural, or an institution such as "army", "government"). */
  collective: boolean;
  former: boolean;
  /** The affiliation came after the role ("the ambassadors of Freedonia"), not before it. */
  tail: boolean;
  /**
   * Where the phrase's own words end: before a tail naming someone else ("its ambassador | to Saudi Arabia"),
   * which the scan then links on its own; else w1. A title before a name or an apposition after one keeps the
   * tail ("Ana Ruiz, Chile's ambassador to Peru"): it describes the person, not a second actor.
   */
  cut: number;
  /** The affiliation is where the phrase puts them ("students in Chile"). */
  placed: boolean;
  /** The named bodies of the tail, in order: "Guard Corps" and "Quds Force" in "the commander of the Guard Corps' Quds Force". */
  tailUnits: { u: Unit; aff: Affiliation }[];
}

/** A person named before a role in the possessive ("Gaddafi's forces"): their own mention, and whose role it is. */
interface Owner {
  w0: number;
  w1: number;
  actor: ActorDraft;
  via: string;
  aff: Affiliation;
}

interface NameHit {
  start: number;
  end: number;
  unit: Unit | null;
}

const DETERMINERS = new Set(['a', 'an', 'the']);
const NO_AFF = { country: null, org: null, group: null, actor: null, anaphor: null } as const;
const INDEFINITE = new Set(['a', 'an']);
const POSSESSIVE_PRONOUNS = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your']);
/** Possessive pronouns that can stand for a country, organisation or group ("its embassy", "their fighters"). */
const OWNER_PRONOUNS = new Set(['its', 'their']);
const TAIL_PREPS = new Set(['of', 'to', 'for']);
const AFFILIATING_PREPS = new Set(['of', 'for']);
const STATE_SECTORS = ['GOV', 'MIL', 'COP', 'JUD', 'LEG', 'SPY'];
const NON_STATE = new Set(['REB', 'INS', 'SEP', 'OPP', 'UAF', 'CRM']);
/** Agents of people under arms, which add nothing to an armed group's own code. */
const ARMED_AGENTS = new Set(['MIL', 'REB', 'INS', 'SEP', 'UAF', 'CRM']);
const RELATIVE_VERBS = new Set([
  'served',
  'serves',
  'serving',
  'as',
  'is',
  'was',
  'has',
  'had',
  'been',
  'became',
  'becomes',
  'now',
  'currently',
  'then',
  'also',
  'later',
  'previously',
]);
const AFF_KINDS = new Set([
  'country',
  'capital',
  'seat',
  'demonym',
  'adjective',
  'org',
  'orgSeat',
  'group',
  'actor',
  'region',
]);
const PRONOUNS: Record<string, string> = { he: 'm', she: 'f' };
/** Members of a people named by nationality ("ethnic Turks"): civilians of no country by themselves. */
const ETHNIC_CODE = 'CVL';
const LOCATIVE_PREPS = new Set(['in', 'from', 'throughout', 'across', 'inside']);
/** Agents a place names the country of: civilians, opposition and rebels, police, courts, parliaments. */
const PLACED_AGENTS = new Set([
  'CVL',
  'OPP',
  'REB',
  'INS',
  'SEP',
  'LAB',
  'EDU',
  'BUS',
  'MED',
  'REL',
  'COP',
  'JUD',
  'LEG',
  'HLH',
  'AGR',
  'PTY',
]);
const COMPASS = new Set([
  'northern',
  'southern',
  'eastern',
  'western',
  'central',
  'north',
  'south',
  'east',
  'west',
]);
/** Before "of", nouns that make what follows a place: "the outskirts of Kabul", "the heart of the capital". */
const PLACE_PARTS = new Set([
  'edge',
  'outskirts',
  'centre',
  'center',
  'heart',
  'suburbs',
  'suburb',
  'streets',
  'part',
  'parts',
  'district',
  'districts',
  'north',
  'south',
  'east',
  'west',
  'northeast',
  'northwest',
  'southeast',
  'southwest',
]);
const COUNT_NOUNS = new Set(['member', 'members', 'nation', 'country', 'state', 'strong']);
const KIND_ORDER: Record<string, number> = {
  person: 0,
  actor: 1,
  org: 2,
  group: 3,
  country: 4,
  orgSeat: 5,
  seat: 6,
  capital: 7,
  demonym: 8,
  adjective: 8,
  region: 9,
  surname: 10,
  orgAnaphor: 11,
  role: 12,
};

export function linkActors(
  kb: KnowledgeBase,
  words: Words,
  docText: string,
  options: LinkOptions,
): LinkResult {
  return new Linker(kb, words, docText, options).run();
}

class Linker {
  private readonly actors: ActorDraft[] = [];
  private readonly byKey = new Map<string, ActorDraft>();
  private readonly mentions: MentionDraft[] = [];
  /** The unit starting at each word, if any. */
  private unitAt: (Unit | null)[] = [];
  private sentence = 0;
  /** KB people whose full name appears anywhere in the article (so "Trump" before "Donald Trump" is him). */
  private readonly namedPeople = new Set<KbPerson>();
  /** Lower-cased surname or acronym → actor, for "Daalder" after "Ivo Daalder" and "(IAEA)". */
  private readonly aliases = new Map<string, ActorDraft | null>();
  private readonly collective: Set<string>;
  /** The rules' word lists (kb/actor-rules.json). */
  private readonly sets: WordSets;
  private descriptions = 0;
  private readonly affCache = new Map<Unit, Affiliation | null>();
  /** Countries and organisations in the order the article brings them up, role phrases' affiliations included. */
  private readonly focus: { actor: ActorDraft; sentence: number }[] = [];

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly w: Words,
    private readonly text: string,
    private readonly options: LinkOptions,
  ) {
    this.sets = wordSets(kb);
    this.collective = kb.collective;
  }

  run(): LinkResult {
    const w = this.w;
    const perSentence: Unit[][] = [];
    for (let s = 0; s < w.sentenceStart.length; s++) {
      const s0 = w.sentenceStart[s] as number;
      const s1 = w.sentenceEnd[s] as number;
      const known = kbUnits(this.kb, w, s0, s1);
      const ner = needsRecogniser(known, w, s0, s1) ? this.options.ner(w.text.slice(s0, s1)) : [];
      const units = findUnits(this.kb, w, s0, s1, ner, this.sets.honorificWords, known);
      perSentence.push(units);
      for (const u of units)
        for (const e of u.entries) if (e.kind === 'person') this.namedPeople.add(e.person);
    }
    this.unitAt = new Array(w.length).fill(null);
    for (const units of perSentence) for (const u of units) this.unitAt[u.start] = u;
    for (let s = 0; s < perSentence.length; s++) {
      this.sentence = s;
      this.scanSentence(w.sentenceStart[s] as number, w.sentenceEnd[s] as number);
    }
    this.bridgeDescriptions();
    return this.finish();
  }

  // ---- the scan -------------------------------------------------------------------------------------------

  private scanSentence(s0: number, s1: number): void {
    const w = this.w;
    let i = s0;
    while (i < s1) {
      // "pro-Russian", "anti-Syria": go on at the country word, which the stance keeps from being an actor.
      if (
        STANCES.has(w.key[i] as string) &&
        (w.key[i + 1] === '-' || w.key[i + 1] === '‐') &&
        this.unitAt[i + 2]
      ) {
        i += 2;
        continue;
      }
      const shared = this.sharedRole(i, s1);
      if (shared > i) {
        i = shared;
        continue;
      }
      const rp = this.rolePhrase(i, s1);
      if (rp) {
        i = this.onRolePhrase(rp, s1);
        continue;
      }
      const u = this.unitAt[i];
      if (u) {
        i = this.onUnit(u, s1);
        continue;
      }
      const key = w.key[i] as string;
      const gender = PRONOUNS[key];
      if (gender !== undefined && (w.pos[i] === POS.PRON || w.caseClass[i] !== 2)) {
        this.onPronoun(i, gender);
        i++;
        continue;
      }
      if (key === 'the' && i + 1 < s1 && this.sets.countryAnaphors.has(w.key[i + 1] as string)) {
        const next = this.onCountryAnaphor(i, s1);
        if (next > i) {
          i = next;
          continue;
        }
      }
      if (w.caseClass[i] !== 0 && w.pos[i] === POS.PROPN) {
        i = this.onProperWords(i, s1);
        continue;
      }
      i++;
    }
  }

  /** Capitalised words no KB phrase or recognised name covers: an alias, or a name in a telling pattern. */
  private onProperWords(i: number, s1: number): number {
    const w = this.w;
    const alias = this.aliases.get(w.key[i] as string);
    if (alias && !this.isDateWord(i, s1)) {
      this.addMention(i, i + 1, alias.type === 'PER' ? 'PER' : alias.type, alias, 'alias', null);
      return i + 1;
    }
    const end = this.properRun(i, s1);
    if (end - i >= 2) {
      const rp = this.appositive(end, s1);
      const speech =
        this.sets.speechVerbs.has(w.key[i - 1] as string) ||
        (end < s1 && this.sets.speechVerbs.has(w.key[end] as string));
      if (rp && !rp.collective) {
        const actor = this.namedActor(i, end, rp.code, 'PER');
        this.addMention(i, end, 'PER', actor, 'pattern', null);
        this.addMention(rp.w0, rp.w1, 'ROLE', actor, 'apposition', rp.code);
        return rp.w1;
      }
      if (speech) {
        const actor = this.namedActor(i, end, '', 'PER');
        this.addMention(i, end, 'PER', actor, 'pattern', null);
        return end;
      }
    }
    return end;
  }

  /** End of a run of capitalised proper nouns that no unit covers (at most five words; "Al-Aiban" is one). */
  private properRun(i: number, s1: number): number {
    return properRunEnd(this.w, i, s1, (j) => this.unitAt[j] !== null && this.unitAt[j] !== undefined);
  }

  // ---- role phrases ---------------------------------------------------------------------------------------

  private roleEntry(u: Unit | null): { role: KbRole; plural: boolean; layer: number } | null {
    if (!u) return null;
    let found: { role: KbRole; plural: boolean; layer: number } | null = null;
    for (const e of u.entries) {
      if (e.kind === 'role') found ??= { role: e.role, plural: e.plural, layer: e.layer };
      // "the union" after the EU is the EU, not a trade union.
      if (e.kind === 'orgAnaphor' && this.byKey.has(`org:${e.org.id}`)) return null;
      if (e.kind !== 'role' && e.kind !== 'orgAnaphor') return null;
    }
    return found;
  }

  private affiliationOf(u: Unit): Affiliation | null {
    let aff = this.affCache.get(u);
    if (aff === undefined) {
      aff = this.makeAffiliation(u);
      this.affCache.set(u, aff);
    }
    return aff;
  }

  private makeAffiliation(u: Unit): Affiliation | null {
    if (u.entries.length === 0) return null;
    const e = pickEntry(u.entries.filter((x) => AFF_KINDS.has(x.kind)));
    if (!e) return null;
    const base = { country: null, org: null, group: null, actor: null, anaphor: null };
    switch (e.kind) {
      case 'country':
      case 'capital':
      case 'seat':
      case 'demonym':
      case 'adjective':
        return { ...base, code: e.country.cameo, country: e.country };
      case 'org':
      case 'orgSeat':
        return { ...base, code: e.org.code, org: e.org };
      case 'group':
        return { ...base, code: e.group.code, group: e.group };
      case 'actor':
        return { ...base, code: this.kb.actorCode(e.actor, this.options.date), actor: e.actor };
      case 'region': {
        // A territory of one country ("Darfur rebels", "West Bank settlers"); not "Middle East leaders".
        const only = e.region.countries.length === 1 ? e.region.countries[0] : undefined;
        const country = only ? this.kb.countryByCode.get(only) : undefined;
        return country ? { ...base, code: country.cameo, country, territory: true } : null;
      }
      default:
        return null;
    }
  }

  /**
   * Parses a role phrase at word i: [det] [modifiers] [affiliation['s]] [modifiers] role+ [of|to|for [the]
   * affiliation…]. Null when no role word heads it.
   */
  private rolePhrase(i: number, s1: number): RolePhrase | null {
    const w = this.w;
    const first = w.key[i] as string;
    const u0 = this.unitAt[i];
    const det = DETERMINERS.has(first) ? first : null;
    // "its embassy", "their commanders": the pronoun stands for the actor it refers back to.
    const possessor = OWNER_PRONOUNS.has(first) && w.pos[i] === POS.PRON ? this.possessor(i) : null;
    if (
      !det &&
      !possessor &&
      !u0 &&
      !this.kb.partyAdjectives.has(w.text[i] as string) &&
      !this.sets.modifiers.has(first) &&
      w.pos[i] !== POS.ADJ &&
      w.pos[i] !== POS.NUM
    )
      return null;
    // "his opposition", "their troops" with no one to refer back to: whose is not ours to guess.
    if (!det && i > 0 && POSSESSIVE_PRONOUNS.has(w.key[i - 1] as string)) return null;
    let j = det || possessor ? i + 1 : i;
    let aff: Affiliation | null = possessor;
    let owner: Owner | null = null;
    let former = false;
    let tail = false;
    let pre = 0;
    let subordinate = '';
    /** Agents that go before the affiliation's code ([NGO~]), in the order they come. */
    const lead: RolePart[] = [];
    /** The last word taken as a modifier, for "awful and evil". */
    let lastModifier = -1;
    while (j < s1) {
      const u = this.unitAt[j];
      const k = w.key[j] as string;
      const party = aff ? null : this.partyCountry(j, s1);
      if (party) {
        aff = { ...NO_AFF, code: party.cameo, country: party };
        j = u ? u.end : j + 1;
        continue;
      }
      if (u) {
        const r = this.roleEntry(u);
        // "Mercy Watch Ruritania", "a Mercy Watch Ruritania doctor": an agent PETRARCH puts before the actor's code ([NGO~]) may stand
        // before the actor's name.
        const next = r?.role.prefix && !aff ? this.unitAt[u.end] : null;
        if (r && next && !this.roleEntry(next) && this.affiliationOf(next)) {
          lead.push({ role: r.role, plural: r.plural, w0: u.start, w1: u.end, layer: r.layer });
          j = u.end;
          continue;
        }
        if (r) break;
      }
      // "the alliance's secretary-general": the organisation last brought up.
      if (u && !aff && det === 'the' && j === i + 1 && isPossessiveMarker(w, u.end)) {
        const orgs = new Set(u.entries.flatMap((e) => (e.kind === 'orgAnaphor' ? [e.org] : [])));
        const anaphor = orgs.size > 0 ? this.lastOrg(orgs) : null;
        if (anaphor?.org) {
          aff = { code: anaphor.code, country: null, org: anaphor.org, group: null, actor: null, anaphor };
          j = u.end + 1;
          continue;
        }
      }
      // "Gaddafi's forces", "Putin's spokesman": what the person holds on the date gives the role its country.
      if (u && !aff && j === i && isPossessiveMarker(w, u.end) && isPersonUnit(u)) {
        owner = this.officeOwner(u);
        if (!owner) return null;
        aff = owner.aff;
        j = u.end + 1;
        continue;
      }
      // "the Trump administration", "the Putin government": a leader's name before a body of government.
      if (u && !aff && isPersonUnit(u)) {
        const r = this.roleEntry(this.unitAt[u.end] ?? null);
        if (!r || !this.collective.has(roleKey(r.role.word))) return null;
        const person = this.personOf(u) ?? this.resolveSurname(u, true)?.person;
        const country = person?.country ? this.kb.countryByCode.get(person.country) : undefined;
        if (!country) return null;
        aff = { code: country.cameo, country, org: null, group: null, actor: null, anaphor: null };
        j = u.end;
        continue;
      }
      // "Crimea's pro-Russian prime minister": a stance after the affiliation is a modifier; the post stays Crimea's.
      const stanceOn = aff && !u && STANCES.has(k) && (w.key[j + 1] === '-' || w.key[j + 1] === '‐');
      const stanceUnit = stanceOn ? this.unitAt[j + 2] : null;
      if (stanceUnit && (isNationality(stanceUnit) || isCountry(stanceUnit))) {
        j += 2;
        continue;
      }
      // "ethnic Albanian guerrillas": a people, not the state of that name; where they are says whose they are.
      // "pro-Russian separatists", "anti-Syria activists": a stance towards a country is no affiliation.
      if (u && this.stanceBefore(u.start) && (isNationality(u) || isCountry(u))) {
        j = u.end;
        pre++;
        continue;
      }
      if (u && !aff && w.key[j - 1] === 'ethnic' && isNationality(u)) {
        j = u.end;
        continue;
      }
      if (u && !aff) {
        aff = this.affiliationOf(u);
        if (!aff) return null;
        j = u.end;
        if (isPossessiveMarker(w, j)) j++;
        // "Vietnamese-led forces" are the leader's; "US-backed forces" are not the backer's.
        else if (w.key[j] === '-' && w.key[j + 1] === 'led') j += 2;
        else if (w.key[j] === '-') return null;
        // "Mercy Watch Ruritania said …": the name after a prefix agent may end the phrase.
        if (
          lead.length > 0 &&
          j === u.end &&
          !this.roleEntry(this.unitAt[j] ?? null) &&
          !this.isModifier(j, i, s1)
        )
          break;
        continue;
      }
      if (
        !aff &&
        det === 'the' &&
        j === i + 1 &&
        this.sets.countryAnaphors.has(k) &&
        isPossessiveMarker(w, j + 1)
      ) {
        const anaphor = this.lastCountry();
        if (!anaphor) return null;
        aff = { code: anaphor.code, country: anaphor.country, org: null, group: null, actor: null, anaphor };
        j += 2;
        continue;
      }
      if (u) return null;
      // "Syldavia's young and ambitious minister": modifiers joined by "and" or a comma describe one role. Not "former
      // and current officials", which are two sets of people.
      if (
        (k === 'and' || k === ',') &&
        lastModifier === j - 1 &&
        j + 1 < s1 &&
        !this.unitAt[j + 1] &&
        this.isModifier(j + 1, i, s1) &&
        !this.changesPost(j - 1) &&
        !this.changesPost(j + 1)
      ) {
        j++;
        continue;
      }
      if (aff && !this.isModifier(j, i, s1) && this.titleWordsAt(j, s1)) {
        pre++;
        j++;
        continue;
      }
      if (!this.isModifier(j, i, s1) || ++pre > 4) return null;
      if (this.sets.former.has(k)) former = true;
      if (this.sets.subordinate.has(k)) subordinate += `${k} `;
      lastModifier = j;
      j++;
    }
    const roles: RolePart[] = [];
    while (j < s1) {
      const u = this.unitAt[j] ?? null;
      const r = this.roleEntry(u);
      if (!u || !r) break;
      roles.push({ role: r.role, plural: r.plural, w0: u.start, w1: u.end, layer: r.layer });
      j = u.end;
    }
    // "Mercy Watch Ruritania": the agent before the name is the phrase's only role word.
    if (roles.length === 0 && lead.length > 0) roles.push(lead.pop() as RolePart);
    // "the Ruritania Mercy Watch officials": a prefix agent among the role words still goes first (NGORURGOV).
    const head = roles.at(-1);
    for (const r of roles) if (r !== head && r.role.prefix) lead.push(r);
    const own = roles.filter((r) => r === head || !r.role.prefix);
    if (!head || this.sets.modifierOnly.has(head.role.word.toLowerCase())) return null;
    // A bare role word after a word we do not understand as its modifier ("a European state", "Kurdish
    // fighters"): not ours to code.
    if (!det && !aff && pre === 0 && i > 0) {
      // "Kurdish-led forces": led by someone we cannot code, so not a state's forces either.
      if (i >= 2 && w.key[i - 1] === 'led' && w.key[i - 2] === '-') return null;
      const p = w.pos[i - 1];
      if (p === POS.ADJ || p === POS.PROPN || (p === POS.NOUN && w.caseClass[i - 1] === 0)) return null;
    }
    // A role word used as a modifier of another noun ("military operation", "state-owned") heads nothing, nor of
    // a group's or organisation's name ("the rebel Revolutionary United Front", "the militant Hamas").
    if (head.role.modifier && j < s1 && this.namesBody(this.unitAt[j] ?? null)) return null;
    if (j < s1) {
      const next = w.key[j] as string;
      if (next === '-' || (head.role.modifier && w.pos[j] === POS.NOUN && w.caseClass[j] === 0)) return null;
    }
    if (head.w1 - head.w0 === 1) {
      const p = w.pos[head.w0];
      if (p !== POS.NOUN && p !== POS.PROPN && !(p === POS.ADJ && roles.length === 1 && aff)) return null;
    }
    // Tail: "the commander of the Islamic Revolutionary Guard Corps' Quds Force", "ambassador to NATO".
    let end = j;
    let cut = -1;
    const tailUnits: { u: Unit; aff: Affiliation }[] = [];
    if (j < s1 && TAIL_PREPS.has(w.key[j] as string)) {
      let k = j + 1;
      if (w.key[k] === 'the') k++;
      let last: Affiliation | null = null;
      while (k < s1) {
        const u = this.unitAt[k];
        const a = u ? this.affiliationOf(u) : null;
        if (!u || !a) break;
        last = a;
        tailUnits.push({ u, aff: a });
        k = u.end;
        if (isPossessiveMarker(w, k) && this.unitAt[k + 1] && this.affiliationOf(this.unitAt[k + 1] as Unit))
          k++;
        else break;
      }
      const prep = w.key[j] as string;
      const target = this.sets.targetRoles.has(roleKey(w.text.slice(head.w0, head.w1).join(' ')));
      if (last) {
        end = k;
        if (!aff && (prep === 'of' || (AFFILIATING_PREPS.has(prep) && !target))) {
          aff = last;
          tail = true;
        } else cut = j;
      } else if (!aff && !target && !head.plural && !this.collective.has(roleKey(head.role.word))) {
        // "an aide to Prime Minister Ehud Barak", "a spokesman for Putin": whose the one person serves. The name
        // keeps its own mention.
        aff = this.ownerAfter(j + 1, s1)?.aff ?? null;
      }
    }
    let headKey = roleKey(w.text.slice(head.w0, head.w1).join(' '));
    // "former president" and "ex-minister" are role words of their own (ELI); the post is the rest.
    const space = headKey.indexOf(' ');
    if (space > 0 && this.sets.former.has(headKey.slice(0, space))) {
      former = true;
      headKey = headKey.slice(space + 1);
    }
    headKey = subordinate + headKey;
    // A prefix agent ([NGO~]) names an organisation ("Mercy Watch Ruritania"), not a person.
    const collective = head.plural || this.collective.has(headKey) || head.role.prefix === true;
    const roleAgent = agentCode(own);
    let placedAff = false;
    if (!aff) {
      const placed = this.placedIn(i, j, s1, roleAgent);
      aff = placed?.aff ?? null;
      placedAff = placed !== null;
      // "Lawmakers in Chile and Peru": the role goes with each country of the list (sharedTail).
      if (placed && collective && this.nextListState(placed.end, s1)) {
        end = placed.end;
        tail = true;
      }
    }
    // "the government", "the army" with no country: the one country this sentence or the last one brings up. Not
    // "the presidents of the European council", whose owner is named, if not known.
    if (
      !aff &&
      det === 'the' &&
      this.collective.has(headKey) &&
      !placedAff &&
      !TAIL_PREPS.has(w.key[end] as string) &&
      STATE_SECTORS.some((x) => roleAgent.startsWith(x))
    ) {
      const sole = this.soleCountry();
      if (sole?.country) aff = { ...NO_AFF, code: sole.country.cameo, country: sole.country, anaphor: sole };
    }
    if (cut < 0) cut = end;
    const agent = former ? 'ELI' : roleAgent;
    const leadCode = lead.map((r) => r.role.code).join('');
    const code = leadCode + (aff ? combine(aff, agent, head.role) : agent);
    return {
      owner,
      w0: owner ? owner.w1 + 1 : i,
      w1: end,
      det,
      aff,
      roles,
      head,
      headKey,
      code,
      agent,
      lead: leadCode,
      collective,
      former,
      tail,
      cut,
      placed: placedAff,
      tailUnits: tail ? tailUnits : [],
    };
  }

  /**
   * The country of a party named by its adjective at word j right before a role word: "Republican Senator Ana
   * Ruiz" sits in the US legislature (USALEG), "a Labour MP" in Britain's. Not the start of a longer name
   * ("Democratic Alliance") or a party the KB places in more than one country.
   */
  private partyCountry(j: number, s1: number): KbCountry | null {
    const w = this.w;
    const party = w.caseClass[j] === 1 ? this.kb.partyAdjectives.get(w.text[j] as string) : undefined;
    if (party?.countries.length !== 1) return null;
    const u = this.unitAt[j];
    // A bare word, the recogniser's name for just this word, or a role word's modifier ("Labour" as labour).
    if (u && (u.end !== j + 1 || (u.entries.length > 0 && !this.roleEntry(u)))) return null;
    const next = j + 1 < s1 ? this.unitAt[j + 1] : null;
    if (!next || !this.roleEntry(next)) return null;
    return this.kb.countryByCode.get(party.countries[0] as string) ?? null;
  }

  /**
   * The person a name in the possessive stands for, and the country or organisation of the office they hold on the
   * article's date ("Gaddafi's forces" → Libya). Null for anyone out of office: "Navalny's supporters" are no
   * state's.
   */
  private officeOwner(u: Unit): Owner | null {
    const person = this.personOf(u);
    const actor = person ? this.personActor(person) : this.resolveSurname(u, true);
    const office = actor?.person ? this.kb.officeAt(actor.person, this.options.date) : null;
    if (!actor || !office) return null;
    const base = { country: null, org: null, group: null, actor: null, anaphor: null };
    // A group's leader ("Nasrallah's fighters") speaks for the group, not for the country it sits in.
    const group = this.kb.groupByCode(office.code);
    const country = office.country ? this.kb.countryByCode.get(office.country) : undefined;
    const org = office.org ? this.kb.organizations.get(office.org) : undefined;
    let aff: Affiliation;
    if (group) aff = { ...base, code: group.code, group };
    else if (country) aff = { ...base, code: country.cameo, country };
    else if (org) aff = { ...base, code: org.code, org };
    else return null;
    return { w0: u.start, w1: u.end, actor, via: person ? 'kb' : 'alias', aff };
  }

  /** A serving office holder named at word k, after at most three title words ("Prime Minister", "Israeli"). */
  private ownerAfter(k: number, s1: number): Owner | null {
    const w = this.w;
    let x = k;
    if (w.key[x] === 'the') x++;
    for (let n = 0; x < s1 && n < 3; n++) {
      const u = this.unitAt[x];
      if (!u) return null;
      if (isPersonUnit(u)) return this.officeOwner(u);
      if (!this.roleEntry(u) && !isNationality(u)) return null;
      x = u.end;
    }
    return null;
  }

  /** The code of a role phrase put to another affiliation: "Peru" in "lawmakers in Chile and Peru". */
  private codeFor(rp: RolePhrase, aff: Affiliation): string {
    return rp.lead + combine(aff, rp.agent, rp.head.role);
  }

  /** Whether the role phrase's agent adds anything to its affiliation's code ("NATO officials" do not). */
  private addsAgent(rp: RolePhrase): boolean {
    return rp.aff !== null && (rp.lead !== '' || combine(rp.aff, rp.agent, rp.head.role) !== rp.aff.code);
  }

  /** Where a list goes on after the joiner at word k (",", "and", ", and"); k when none stands there. */
  private listJoin(k: number): number {
    const w = this.w;
    let x = k;
    if (w.key[x] === ',') x++;
    if (w.key[x] === 'and') x++;
    return x;
  }

  /** ", Peru" or "and the Gambia" at word k: the next country (or imported actor) of a list, or null. */
  private nextListState(k: number, s1: number): { u: Unit; aff: Affiliation } | null {
    const w = this.w;
    let x = this.listJoin(k);
    if (x === k) return null;
    if (w.key[x] === 'the') x++;
    const u = x < s1 ? this.unitAt[x] : null;
    const aff = u ? this.affiliationOf(u) : null;
    return u && aff && isState(aff) && !isPossessiveMarker(w, u.end) ? { u, aff } : null;
  }

  private onRolePhrase(rp: RolePhrase, s1: number): number {
    const w = this.w;
    const o = rp.owner;
    if (o) this.addMention(o.w0, o.w1, 'PER', o.actor, o.via, null);
    if (rp.aff?.country) this.noteFocus(this.countryActor(rp.aff.country));
    else if (rp.aff?.org) this.noteFocus(this.orgActor(rp.aff.org));
    if (!rp.collective) {
      // Title + name: "US President Donald Trump". Not a capitalised word the KB does not know before a common
      // noun: "the official Leave campaign".
      let name = this.nameAt(rp.w1, s1, true);
      const unknown = name !== null && (name.unit === null || name.unit.entries.length === 0);
      if (name && unknown && w.pos[name.end] === POS.NOUN && w.caseClass[name.end] === 0) name = null;
      if (name) {
        const actor = this.personFor(name, rp.code, rp.headKey);
        if (actor) {
          this.addMention(rp.w0, name.end, 'PER', actor, 'title', null);
          return name.end;
        }
      }
      // Apposition the other way round: "NATO's secretary-general, Jens Stoltenberg, said".
      if (w.key[rp.w1] === ',') {
        const after = this.nameAt(rp.w1 + 1, s1, false);
        if (after && this.isPersonName(after)) {
          const actor = this.personFor(after, rp.code, rp.headKey);
          if (actor) {
            this.addMention(rp.w0, rp.w1, 'ROLE', actor, 'apposition', rp.code);
            this.addMention(after.start, after.end, 'PER', actor, this.viaOf(after), null);
            return this.afterName(after.end, s1, actor);
          }
        }
      }
      const holder = this.officeHolder(rp);
      if (holder) {
        this.addMention(rp.w0, rp.cut, 'ROLE', holder, 'office', rp.code);
        this.nestTail(rp);
        return rp.cut;
      }
      const previous = this.describedBefore(rp);
      if (previous) {
        this.addMention(rp.w0, rp.cut, 'ROLE', previous, 'anaphor', rp.code);
        this.nestTail(rp);
        return rp.cut;
      }
      const actor = this.newDescription(rp);
      this.addMention(rp.w0, rp.cut, 'ROLE', actor, 'role', rp.code);
      this.nestTail(rp);
      return rp.cut;
    }
    const actor = this.collectiveActor(rp);
    this.addMention(rp.w0, rp.cut, 'ROLE', actor, 'role', rp.code);
    this.nestTail(rp);
    (this.mentions.at(-1) as MentionDraft).plural = rp.head.plural;
    if (rp.cut < rp.w1) return rp.cut;
    return rp.tail ? this.sharedTail(rp, s1) : this.sharedAffiliation(rp, s1);
  }

  /**
   * The bodies a role's tail names are actors of their own, inside the role's mention: "the commander of the
   * Guard Corps' Quds Force" also mentions "Guard Corps" and "Quds Force". The coder takes the outer mention.
   */
  private nestTail(rp: RolePhrase): void {
    if (rp.cut < rp.w1) return;
    for (const { u, aff } of rp.tailUnits) {
      if (aff.anaphor) continue;
      if (aff.group) this.addMention(u.start, u.end, 'ORG', this.groupActor(aff.group), 'kb', null);
      else if (aff.org) this.addMention(u.start, u.end, 'ORG', this.orgActor(aff.org), 'kb', null);
      else if (aff.actor) {
        const actor = this.importedActor(aff.actor);
        this.addMention(u.start, u.end, actor.type, actor, 'kb', null);
      }
      // A country by its name ("the president of Chile"), not a capital or seat standing for its government.
      else if (aff.country && !aff.territory && u.entries.some((e) => e.kind === 'country'))
        this.addMention(u.start, u.end, 'GPE', this.countryActor(aff.country), 'kb', null);
    }
  }

  /**
   * "Danish media and government", "Iraqi soldiers and police": a bare body of the state after "and" belongs to
   * the country the first role phrase names ("government" → DNKGOV), so the coder sees a compound. Only state
   * bodies: "Israeli troops and militants" are seldom the same side.
   */
  private sharedAffiliation(rp: RolePhrase, s1: number): number {
    const w = this.w;
    let j = rp.w1;
    const aff = rp.aff;
    if (!aff || rp.placed || rp.lead) return j;
    for (;;) {
      const k = this.listJoin(j);
      const joined = w.key[k - 1] === 'and';
      if (k === j || k >= s1 || !this.roleEntry(this.unitAt[k] ?? null)) return j;
      const next = this.rolePhrase(k, s1);
      if (!next || next.w0 !== k || next.aff || next.lead || next.former || !next.collective) return j;
      // "…, police and soldiers" goes on a list; "the Israeli military, officials said" starts a clause.
      if (!joined && w.key[next.w1] !== ',' && w.key[next.w1] !== 'and') return j;
      if (!STATE_SECTORS.some((s) => next.agent.startsWith(s))) return j;
      const own: RolePhrase = { ...next, aff, code: combine(aff, next.agent, next.head.role) };
      this.addMention(next.w0, next.w1, 'ROLE', this.collectiveActor(own), 'role', own.code);
      j = next.w1;
    }
  }

  /**
   * "the foreign ministers of France, Germany and Britain": every country of the list after a plural role takes
   * the role ("Germany" → DEUGOV), so the coder sees a compound of ministers, not of countries.
   */
  private sharedTail(rp: RolePhrase, s1: number): number {
    let j = rp.w1;
    if (!this.addsAgent(rp) || !isState(rp.aff)) return j;
    for (;;) {
      const next = this.nextListState(j, s1);
      if (!next) return j;
      const { u, aff } = next;
      const own: RolePhrase = { ...rp, w0: u.start, w1: u.end, cut: u.end, aff, code: this.codeFor(rp, aff) };
      this.addMention(u.start, u.end, 'ROLE', this.collectiveActor(own), 'role', own.code);
      j = u.end;
    }
  }

  private collectiveActor(rp: RolePhrase): ActorDraft {
    // A body a prefix agent names ("Mercy Watch Ruritania", NGORUR) is an organisation of its own, not Ruritania.
    const aff = rp.lead || rp.head.role.prefix ? null : rp.aff;
    const stateSector = STATE_SECTORS.some((s) => rp.agent.startsWith(s));
    if (aff?.anaphor && stateSector) return aff.anaphor;
    if (aff?.country && stateSector) return this.countryActor(aff.country);
    if (aff?.org) return this.orgActor(aff.org);
    if (aff?.group) return this.groupActor(aff.group);
    if (aff?.actor) return this.importedActor(aff.actor);
    const w = this.w;
    const from = rp.det ? rp.w0 + 1 : rp.w0;
    const name = this.text.slice(w.start[from], w.end[rp.cut - 1]);
    const key = `role:${rp.code}:${rp.head.role.word}`;
    return this.actor(key, () => draft(key, name, rp.code, 'ROLE'));
  }

  /**
   * "Demonstrators in Baghdad", "rebels in southern Sudan", "students throughout Indonesia": people at home in the
   * country the phrase puts them in. Not officials, soldiers or refugees, who are as often abroad ("troops in
   * Iraq", "the minister in Paris"). "Soldiers from Chad" says where anyone comes from, unless a verb before
   * the phrase moves them ("withdrew troops from Iraq").
   */
  private placedIn(
    i: number,
    j: number,
    s1: number,
    agent: string,
  ): { aff: Affiliation; end: number } | null {
    const w = this.w;
    const prep = w.key[j] as string;
    const origin = prep === 'from' && (i === 0 || w.pos[i - 1] !== POS.VERB);
    if (!origin && (!LOCATIVE_PREPS.has(prep) || !PLACED_AGENTS.has(agent.slice(0, 3)))) return null;
    let k = j + 1;
    if (w.key[k] === 'the') k++;
    for (let skipped = 0; skipped < 2 && k < s1 && !this.unitAt[k]; skipped++) {
      if (w.caseClass[k] !== 0 || (w.pos[k] !== POS.ADJ && !COMPASS.has(w.key[k] as string))) return null;
      k++;
    }
    const u = k < s1 ? this.unitAt[k] : null;
    if (!u || isPossessiveMarker(w, u.end)) return null;
    const aff = this.affiliationOf(u);
    return aff?.country || aff?.actor ? { aff, end: u.end } : null;
  }

  /** A KB group or organisation, or a recognised organisation: a name a role word before it only describes. */
  private namesBody(u: Unit | null): boolean {
    if (!u) return false;
    if (u.entries.length === 0) return u.ner === 'ORG';
    const e = pickEntry(u.entries);
    return e?.kind === 'group' || e?.kind === 'org';
  }

  /**
   * "the UN Emergency Relief Coordinator": after an affiliation, capitalised words of a title-case post (at most
   * three) lead to a capitalised role word.
   */
  private titleWordsAt(j: number, s1: number): boolean {
    const w = this.w;
    for (let k = j; k < s1 && k - j < 3; k++) {
      const u = this.unitAt[k];
      if (u) return this.roleEntry(u) !== null && w.caseClass[k] === 1;
      if (w.caseClass[k] !== 1 || (w.pos[k] !== POS.PROPN && w.pos[k] !== POS.NOUN)) return false;
    }
    return false;
  }

  /** Whether word x can stand before a role word in a phrase starting at i ("top", "senior", "-ranking"). */
  private isModifier(x: number, i: number, s1: number): boolean {
    const w = this.w;
    const k = w.key[x] as string;
    return (
      this.sets.modifiers.has(k) ||
      (w.caseClass[x] === 0 && (w.pos[x] === POS.ADJ || w.pos[x] === POS.NUM)) ||
      (k === '-' && x > i && x + 1 < s1 && this.sets.modifiers.has(w.key[x + 1] as string))
    );
  }

  /** A modifier that makes the role another post: "former", "deputy". */
  private changesPost(x: number): boolean {
    const k = this.w.key[x] as string;
    return this.sets.former.has(k) || this.sets.subordinate.has(k);
  }

  /**
   * "Israeli and Palestinian negotiators", "US, British and French troops": nationalities sharing one role word.
   * Each earlier nationality becomes a mention of its own with the role's agent ("Israeli" → ISRGOV), the last
   * one heads the role phrase, so the coder sees a compound actor. Returns where the scan goes on (i if none).
   */
  private sharedRole(i: number, s1: number): number {
    const w = this.w;
    let j = DETERMINERS.has(w.key[i] as string) ? i + 1 : i;
    const firsts: Unit[] = [];
    for (;;) {
      const u = this.unitAt[j];
      if (!u || !(isNationality(u) || this.isCountryAbbreviation(u)) || this.roleEntry(u)) return i;
      const k = this.listJoin(u.end);
      if (k === u.end) break;
      firsts.push(u);
      j = k;
    }
    if (firsts.length === 0) return i;
    const rp = this.rolePhrase(j, s1);
    if (!rp?.aff || !isState(rp.aff) || rp.w0 !== j) return i;
    if (!this.addsAgent(rp)) return i;
    for (const u of firsts) {
      const aff = this.affiliationOf(u);
      if (!aff || !isState(aff)) return i;
    }
    for (const u of firsts) {
      const aff = this.affiliationOf(u) as Affiliation;
      const own: RolePhrase = { ...rp, w0: u.start, w1: u.end, cut: u.end, aff, code: this.codeFor(rp, aff) };
      const actor = rp.collective ? this.collectiveActor(own) : this.newDescription(own);
      this.addMention(u.start, u.end, 'ROLE', actor, 'role', own.code);
    }
    return this.onRolePhrase(rp, s1);
  }

  /** "pro-" or "anti-" right before word i ("pro-Russian", "anti-Syria"). */
  private stanceBefore(i: number): boolean {
    const w = this.w;
    if (i < 1) return false;
    const prev = w.key[i - 1] as string;
    if (prev === 'pro' || prev === 'anti') return true;
    return i >= 2 && (prev === '-' || prev === '‐') && STANCES.has(w.key[i - 2] as string);
  }

  /** "US", "UK", "U.S.": a country's short form, which news uses as an adjective ("US and Iraqi forces"). */
  private isCountryAbbreviation(u: Unit): boolean {
    if (!u.entries.some((e) => e.kind === 'country')) return false;
    const text = this.w.text.slice(u.start, u.end).join('');
    return /^(?:[A-Z]\.?){2,3}$/.test(text);
  }

  /** "the commander of … Quds Force", "Iran's president": who held that post on the article's date. */
  private officeHolder(rp: RolePhrase): ActorDraft | null {
    const aff = rp.aff;
    if (!aff || aff.territory || (rp.det && INDEFINITE.has(rp.det))) return null;
    const query: OfficeQuery = { role: rp.headKey, former: rp.former };
    if (aff.org) query.org = aff.org.id;
    else if (aff.group) {
      const c = aff.group.countries[0];
      if (!c) return null;
      query.country = this.kb.countries.get(c)?.cameo ?? c;
      query.titleWords = [aff.group.name, ...aff.group.names];
    } else if (aff.country) query.country = aff.country.cameo;
    else return null;
    const holders = this.kb.officeHolders(query, this.options.date);
    if (holders.length === 0) return null;
    // Several holders (a successor named days ago, or former holders): the one the article is about, else
    // for "the former president" the latest.
    const present = holders.filter((p) => this.byKey.has(`person:${p.id}`) || this.namedPeople.has(p));
    let pick: KbPerson | undefined;
    if (holders.length === 1) pick = holders[0];
    else if (present.length === 1) pick = present[0];
    else if (rp.former) pick = present[0] ?? holders[0];
    return pick ? this.personActor(pick) : null;
  }

  /** "the official", "the president" with no affiliation: someone already described or holding that post. */
  private describedBefore(rp: RolePhrase): ActorDraft | null {
    if (rp.det !== 'the' || rp.aff) return null;
    for (let m = this.mentions.length - 1; m >= 0; m--) {
      const actor = (this.mentions[m] as MentionDraft).actor;
      if (actor?.type !== 'PER') continue;
      if (actor.roleHead === rp.headKey) return actor;
      const office = actor.person ? this.kb.officeAt(actor.person, this.options.date) : null;
      if (office && this.kb.titleNames(roleKey(office.title), rp.headKey)) return actor;
    }
    return null;
  }

  private newDescription(rp: RolePhrase): ActorDraft {
    const w = this.w;
    const from = rp.det ? rp.w0 + 1 : rp.w0;
    const name = this.text.slice(w.start[from], w.end[rp.cut - 1]);
    const key = `desc:${++this.descriptions}`;
    const actor = this.actor(key, () => draft(key, name, rp.code, 'PER'));
    actor.roleHead = rp.headKey;
    actor.indefinite = rp.det !== null && INDEFINITE.has(rp.det);
    const before = rp.w0 >= 2 && w.key[rp.w0 - 2] === 'according' && w.key[rp.w0 - 1] === 'to';
    actor.anonymousSource = before || this.sets.speechVerbs.has(w.key[rp.w1] as string);
    return actor;
  }

  /** ", NATO's secretary-general," or ", who served as Washington's ambassador to NATO" after a name. */
  private appositive(j: number, s1: number): RolePhrase | null {
    const w = this.w;
    if (w.key[j] !== ',') return null;
    let k = j + 1;
    if (w.key[k] === 'who') {
      k++;
      let skipped = 0;
      while (k < s1 && skipped < 4 && RELATIVE_VERBS.has(w.key[k] as string)) {
        k++;
        skipped++;
      }
      if (skipped === 0) return null;
    }
    const rp = k < s1 ? this.rolePhrase(k, s1) : null;
    if (!rp || rp.collective) return null;
    // In a list ("Zarif, U.S. Secretary of State John Kerry", "Hollande, the Italian prime minister, Matteo
    // Renzi") the role phrase belongs to the name after it.
    if (this.nameAt(rp.w1, s1, true)) return null;
    if (w.key[rp.w1] === ',') {
      const next = this.nameAt(rp.w1 + 1, s1, false);
      if (next && this.isPersonName(next)) return null;
    }
    return rp;
  }

  /** After a person's name: an appositive role phrase, linked to them. */
  private afterName(end: number, s1: number, actor: ActorDraft): number {
    const rp = this.appositive(end, s1);
    if (!rp) return end;
    if (!actor.code) actor.code = rp.code;
    this.addMention(rp.w0, rp.w1, 'ROLE', actor, 'apposition', rp.code);
    return rp.w1;
  }

  // ---- names ----------------------------------------------------------------------------------------------

  /**
   * A person's name at word j: a KB person or surname, an imported person, a recognised PER, or (with `allowRun`,
   * right after a title) any imported actor or a run of proper nouns.
   */
  private nameAt(j: number, s1: number, allowRun: boolean): NameHit | null {
    const w = this.w;
    if (j >= s1) return null;
    const u = this.unitAt[j];
    if (u) {
      // "Vice President Omar Suleiman": a known surname used as a first name starts a longer name.
      const run = allowRun && isSurnameOnly(u) ? this.surnameRunEnd(u, s1, true) : u.end;
      if (run > u.end) return { start: j, end: run, unit: null };
      if (u.entries.some((e) => e.kind === 'person' || e.kind === 'surname'))
        return { start: j, end: u.end, unit: u };
      // Right after a title, any imported actor is a name: PETRARCH dictionaries do not say which entries are
      // people, and a person coded by country alone ("OSRIC_ZENDA [RUR]") reads like a country.
      if (u.entries.some((e) => e.kind === 'actor' && (e.actor.type === 'PER' || allowRun)))
        return { start: j, end: u.end, unit: u };
      if (u.entries.length === 0 && u.ner === 'PER') return { start: j, end: u.end, unit: u };
      return null;
    }
    // Weekdays and months are never the start of a name ("said the foreign minister Tuesday").
    if (
      allowRun &&
      w.caseClass[j] !== 0 &&
      w.pos[j] === POS.PROPN &&
      !this.sets.notSurnames.has(w.key[j] as string)
    ) {
      return { start: j, end: this.properRun(j, s1), unit: null };
    }
    return null;
  }

  /**
   * The end of a name that starts with a KB surname and goes on with capitalised words: further KB surnames, or
   * (with `anyWords`, right after a title) any proper noun. At most four words; the surname's own end if none.
   */
  private surnameRunEnd(u: Unit, s1: number, anyWords: boolean): number {
    const w = this.w;
    let end = u.end;
    while (end < s1 && end - u.start < 4 && w.caseClass[end] !== 0 && w.pos[end] === POS.PROPN) {
      if (this.sets.notSurnames.has(w.key[end] as string)) break;
      const v = this.unitAt[end];
      if (v ? !isSurnameOnly(v) : !anyWords) break;
      end = v ? v.end : end + 1;
    }
    return end;
  }

  private isPersonName(name: NameHit): boolean {
    return name.unit !== null || name.end - name.start >= 2;
  }

  private viaOf(name: NameHit): string {
    if (!name.unit) return 'pattern';
    return name.unit.entries.length === 0 ? 'ner' : 'kb';
  }

  /**
   * The KB person a full name names. Where two share it ("George Bush"), the one in office on the article's
   * date, else the one whose time in office lies nearest to it, else the one the KB lists first.
   */
  private personOf(u: Unit): KbPerson | null {
    const people = u.entries.flatMap((e) => (e.kind === 'person' ? [e.person] : []));
    if (people.length <= 1 || !this.options.date) return people[0] ?? null;
    const date = this.options.date;
    const serving = people.filter((p) => this.kb.officeAt(p, date));
    if (serving.length > 0) return serving[0] as KbPerson;
    return nearestInOffice(people, date);
  }

  /** The actor for a person's name; a title's code fills in when the KB has none. */
  private personFor(name: NameHit, titleCode: string, title = ''): ActorDraft | null {
    const u = name.unit;
    if (u) {
      const person = this.personOf(u);
      if (person) {
        const actor = this.personActor(person, titleCode);
        this.titleFills(
          actor,
          person.country ?? '',
          this.kb.officeAt(person, this.options.date) !== null,
          titleCode,
        );
        return actor;
      }
      const imported = u.entries.find((e) => e.kind === 'actor');
      if (imported && imported.kind === 'actor') {
        const actor = this.importedActor(imported.actor);
        if (titleCode) {
          actor.type = 'PER';
          const country = this.kb.countryByCode.has(actor.code) ? actor.code : '';
          this.titleFills(actor, country, false, titleCode);
        }
        return actor;
      }
      if (u.entries.some((e) => e.kind === 'surname')) {
        const resolved = this.resolveSurname(u, true, title);
        if (resolved) {
          const p = resolved.person;
          if (p)
            this.titleFills(
              resolved,
              p.country ?? '',
              this.kb.officeAt(p, this.options.date) !== null,
              titleCode,
            );
          return resolved;
        }
      }
    }
    const actor = this.namedActor(name.start, name.end, titleCode, 'PER');
    if (!actor.code) actor.code = titleCode;
    return actor;
  }

  /**
   * A titled person the KB gives no office on this date ("Vice President Joe Biden" in 2015, before the offices
   * it lists; an imported "OSRIC_ZENDA [RUR]" after "Ruritanian Prime Minister") takes the title's code, with their
   * country in front when the title names none.
   */
  private titleFills(actor: ActorDraft, country: string, inOffice: boolean, titleCode: string): void {
    if (!titleCode || inOffice) return;
    if (actor.code.length > 3 && !actor.code.endsWith('ELI')) return;
    actor.code =
      titleCode.length === 3 && country && !this.kb.countryByCode.has(titleCode)
        ? country + titleCode
        : titleCode;
  }

  private personActor(person: KbPerson, titleCode = ''): ActorDraft {
    const key = `person:${person.id}`;
    return this.actor(key, () => {
      const code = this.kb.personCode(person, this.options.date) || titleCode;
      const a = draft(key, person.name, code, 'PER');
      a.kbId = person.id;
      a.person = person;
      a.gender = person.gender === 'm' || person.gender === 'f' ? person.gender : '';
      a.named = true;
      this.registerSurname(a, person.surname || lastWord(person.name));
      return a;
    });
  }

  /** A person or organisation known only by name in this article (no KB entry): one actor per name. */
  private namedActor(w0: number, w1: number, code: string, type: EntityType): ActorDraft {
    const w = this.w;
    const words = w.text.slice(w0, w1);
    const name = words.join(' ').replace(/ ([-'’]) /g, '$1');
    const lower = name.toLowerCase();
    // "Mr Daalder", "Ivo H. Daalder" after "Ivo Daalder": the same person by surname.
    if (type === 'PER') {
      const alias = this.aliases.get((w.key[w1 - 1] as string) ?? '');
      const first = words[0]?.toLowerCase() ?? '#';
      const sameFirst = alias?.name.toLowerCase().startsWith(first) || this.sets.honorifics.has(first);
      if (alias && alias.type === 'PER' && (w1 - w0 === 1 || sameFirst)) return alias;
    }
    const key = `name:${type}:${lower}`;
    return this.actor(key, () => {
      const a = draft(key, name, code, type);
      a.named = true;
      const title = this.sets.honorifics.get((w.key[w0 - 1] as string) ?? '');
      if (title) a.gender = title;
      if (type === 'PER' && w1 - w0 >= 2) this.registerSurname(a, w.text[w1 - 1] as string);
      return a;
    });
  }

  private registerSurname(actor: ActorDraft, surname: string): void {
    const key = surname.toLowerCase();
    if (!key) return;
    const seen = this.aliases.get(key);
    if (seen === undefined) this.aliases.set(key, actor);
    else if (seen !== actor) this.aliases.set(key, null);
  }

  /**
   * A bare surname ("Trump"): someone of that name already in (or later named in) the article; else the one
   * person of that name in office on the article's date; else, after a title ("President Obama" in an article
   * the KB dates outside his terms), the one person of that name who ever held such an office; else, for a word
   * the recogniser reads as a person, the one KB person of that name.
   */
  private resolveSurname(u: Unit, titled: boolean, title = ''): ActorDraft | null {
    const people = u.entries.flatMap((e) => (e.kind === 'surname' ? [e.person] : []));
    const inDoc = people.filter((p) => this.byKey.has(`person:${p.id}`));
    if (inDoc.length === 1) return this.personActor(inDoc[0] as KbPerson);
    const later = people.filter((p) => this.namedPeople.has(p));
    if (later.length === 1) return this.personActor(later[0] as KbPerson);
    if (u.ner && u.ner !== 'PER') return null;
    const word = this.w.key[u.start] as string;
    if (this.sets.notSurnames.has(word) && !titled) return null;
    const local = this.aliases.get(word);
    if (local) return local;
    if (!this.options.date) return null;
    const serving = people.filter((p) => {
      const o = this.kb.officeAt(p, this.options.date);
      return o !== null && (!o.end || o.end >= (this.options.date as string));
    });
    if (serving.length === 1) return this.personActor(serving[0] as KbPerson);
    if (serving.length > 1) return null;
    if (titled && title) {
      const held = people.filter((p) => p.offices.some((o) => this.kb.titleNames(roleKey(o.title), title)));
      if (held.length > 0) return this.personActor(nearestInOffice(held, this.options.date));
      // "Prime Minister Obama": a title the one person of that name never held says it is someone else.
      return null;
    }
    // "Biden called Putin." in 2014, outside every office the KB gives him: the one KB person of that name, coded
    // by what they were on the date (their country, or ELI once out of office), when the word reads as a name.
    if (people.length === 1 && (u.ner === 'PER' || (u.ner === null && this.readsAsName(u))))
      return this.personActor(people[0] as KbPerson);
    return null;
  }

  /** A KB surname the tagger reads as a proper noun, not after a determiner ("the Powell doctrine"). */
  private readsAsName(u: Unit): boolean {
    const w = this.w;
    if (w.pos[u.start] !== POS.PROPN || w.caseClass[u.start] === 0) return false;
    const before = u.start > 0 ? (w.key[u.start - 1] as string) : '';
    if (DETERMINERS.has(before)) return false;
    // "Abu Omar", "Omar Abdullah": part of a longer name the KB does not know.
    const nameWord = (k: number) =>
      k >= 0 &&
      k < w.length &&
      w.caseClass[k] !== 0 &&
      w.pos[k] === POS.PROPN &&
      !this.unitAt[k]?.entries.length;
    return !nameWord(u.start - 1) && !nameWord(u.end);
  }

  // ---- KB units ------------------------------------------------------------------------------------------

  private onUnit(u: Unit, s1: number): number {
    if (u.entries.length === 0) return this.onRecognised(u, s1);
    const e = pickEntry(u.entries);
    if (!e) return u.end;
    if (this.stanceBefore(u.start) && (isNationality(u) || isCountry(u))) return u.end;
    switch (e.kind) {
      case 'person': {
        const actor = this.personActor(this.personOf(u) ?? e.person);
        this.addMention(u.start, u.end, 'PER', actor, 'kb', null);
        return this.afterName(u.end, s1, actor);
      }
      case 'surname': {
        if (this.isDateWord(u.start, s1)) return u.end;
        // "Omar Suleiman": KB surnames side by side are one person's name, not two people.
        const run = isSurnameOnly(u) ? this.surnameRunEnd(u, s1, false) : u.end;
        if (run > u.end) {
          const named = this.namedActor(u.start, run, '', 'PER');
          this.addMention(u.start, run, 'PER', named, 'pattern', null);
          return this.afterName(run, s1, named);
        }
        const actor = this.resolveSurname(u, false);
        if (actor) {
          this.addMention(u.start, u.end, 'PER', actor, 'alias', null);
          return this.afterName(u.end, s1, actor);
        }
        if (u.ner === 'PER') return this.onRecognised(u, s1);
        return u.end;
      }
      case 'actor': {
        const actor = this.importedActor(e.actor);
        const type: EntityType = e.actor.type ?? 'ORG';
        const start = type === 'PER' ? u.start : this.withThe(u);
        this.addMention(start, u.end, type, actor, 'kb', null);
        return type === 'PER' ? this.afterName(u.end, s1, actor) : u.end;
      }
      case 'org':
        this.addMention(this.withThe(u), u.end, 'ORG', this.orgActor(e.org), 'kb', null);
        return this.parenthetical(u.end, s1, this.orgActor(e.org));
      case 'group':
        this.addMention(this.withThe(u), u.end, 'ORG', this.groupActor(e.group), 'kb', null);
        return this.parenthetical(u.end, s1, this.groupActor(e.group));
      case 'country':
        // "a US-based cleric", "Swiss-born": where someone lives or was born, not who acts.
        if (this.w.key[u.end] === '-' && /^(based|born)$/.test((this.w.key[u.end + 1] as string) ?? '')) {
          this.addMention(u.start, u.end, 'LOC', null, 'kb-place', '');
          return u.end;
        }
        this.addMention(this.withThe(u), u.end, 'GPE', this.countryActor(e.country), 'kb', e.country.cameo);
        return u.end;
      case 'demonym':
      case 'adjective':
        if (this.isDescribedCapital(u)) return this.onDescribedCapital(u, e.country, s1);
        if (this.w.key[u.start - 1] === 'ethnic') {
          this.addMention(u.start - 1, u.end, 'NORP', this.ethnicGroup(u), 'role', ETHNIC_CODE);
          return u.end;
        }
        this.addMention(u.start, u.end, 'NORP', this.countryActor(e.country), 'kb', e.country.cameo);
        return u.end;
      case 'capital':
      case 'seat':
      case 'orgSeat': {
        if (this.isPlace(u, s1)) {
          // A capital inside a longer name ("St George's Hall", "Tehran Times") takes the whole name with it.
          let end = u.end;
          while (
            end < s1 &&
            end - u.end < 4 &&
            this.w.caseClass[end] !== 0 &&
            this.w.pos[end] === POS.PROPN
          ) {
            const next = this.unitAt[end];
            if (next && next.entries.length > 0) break;
            end = next ? next.end : end + 1;
          }
          this.addMention(u.start, end, 'LOC', null, 'kb-place', '');
          return end;
        }
        if (e.kind === 'orgSeat') {
          this.addMention(u.start, u.end, 'ORG', this.orgActor(e.org), 'kb-seat', e.org.code);
        } else if (e.kind === 'capital' || e.kind === 'seat') {
          const via = e.kind === 'capital' ? 'kb-capital' : 'kb-seat';
          this.addMention(u.start, u.end, 'GPE', this.countryActor(e.country), via, `${e.country.cameo}GOV`);
        }
        return u.end;
      }
      case 'region':
        this.addMention(u.start, u.end, 'LOC', null, 'kb', e.region.cameo ?? '');
        return u.end;
      case 'orgAnaphor':
        return this.onOrgAnaphor(u) ?? u.end;
      case 'role':
        return u.end;
    }
    return u.end;
  }

  /**
   * "the Iranian capital" names Tehran: a place where "Tehran" would be one ("in the Iranian capital"), else the
   * government, as "Tehran" is. A capital's name right after it ("the Syrian capital Damascus") is the same.
   */
  private onDescribedCapital(u: Unit, country: KbCountry, s1: number): number {
    const w = this.w;
    const start = w.key[u.start - 1] === 'the' && !this.coveredBefore(u.start - 1) ? u.start - 1 : u.start;
    let end = u.end + 1;
    const capitalAt = (k: number) => {
      const named = k < s1 ? this.unitAt[k] : null;
      return named?.entries.some((e) => e.kind === 'capital' && e.country === country) ? named : null;
    };
    end = capitalAt(end)?.end ?? end;
    const place = this.isPlace({ start, end, entries: [], ner: null }, s1);
    const mark = (w0: number, w1: number) => {
      if (place) this.addMention(w0, w1, 'LOC', null, 'kb-place', '');
      else this.addMention(w0, w1, 'GPE', this.countryActor(country), 'kb-capital', `${country.cameo}GOV`);
    };
    mark(start, end);
    // "in the Syrian capital, Damascus,": the name in apposition is the same place.
    const apposed = w.key[end] === ',' ? capitalAt(end + 1) : null;
    if (apposed) {
      mark(apposed.start, apposed.end);
      return apposed.end;
    }
    return end;
  }

  /** "the Iranian capital", not "Iranian capital markets". */
  private isDescribedCapital(u: Unit): boolean {
    const w = this.w;
    if (w.key[u.end] !== 'capital' || w.pos[u.end] !== POS.NOUN) return false;
    const next = u.end + 1;
    return !(next < w.length && w.pos[next] === POS.NOUN && w.caseClass[next] === 0);
  }

  /** "ethnic Albanians": members of a people wherever they live, coded by role until a place says where. */
  private ethnicGroup(u: Unit): ActorDraft {
    const w = this.w;
    const name = `ethnic ${w.text.slice(u.start, u.end).join(' ')}`;
    const key = `ethnic:${name.toLowerCase()}`;
    return this.actor(key, () => draft(key, name, ETHNIC_CODE, 'ROLE'));
  }

  /** "the alliance", "the Atlantic alliance", "the 29-member alliance": the organisation last named. */
  private onOrgAnaphor(u: Unit): number | null {
    const w = this.w;
    let b = u.start;
    if (b >= 3 && COUNT_NOUNS.has(w.key[b - 1] as string) && w.key[b - 2] === '-' && w.pos[b - 3] === POS.NUM)
      b -= 3;
    if (w.key[b - 1] !== 'the' || this.coveredBefore(b - 1)) return null;
    const actor = this.lastOrg(new Set(u.entries.flatMap((e) => (e.kind === 'orgAnaphor' ? [e.org] : []))));
    if (!actor) return null;
    this.addMention(b - 1, u.end, 'ORG', actor, 'anaphor', null);
    return u.end;
  }

  /** "the country" on its own: the country last named, within the last three sentences. */
  private onCountryAnaphor(i: number, s1: number): number {
    const w = this.w;
    if (this.unitAt[i + 1]) return i;
    const next = i + 2;
    if (next < s1 && (w.pos[next] === POS.NOUN || w.key[next] === '-') && !isPossessiveMarker(w, next))
      return i;
    const country = this.lastCountry();
    if (!country) return i;
    this.addMention(i, i + 2, 'GPE', country, 'anaphor', null);
    return i + 2;
  }

  /** "(IAEA)" right after a name: an alias for the rest of the article. */
  private parenthetical(end: number, s1: number, actor: ActorDraft): number {
    const w = this.w;
    if (w.key[end] === '(' && end + 2 < s1 && w.key[end + 2] === ')' && w.caseClass[end + 1] === 2) {
      const alias = w.key[end + 1] as string;
      if (!this.unitAt[end + 1] && !this.aliases.has(alias)) this.aliases.set(alias, actor);
    }
    return end;
  }

  private onRecognised(u: Unit, s1: number): number {
    const type = u.ner;
    if (type === 'PER') {
      const actor = this.namedActor(u.start, u.end, '', 'PER');
      this.addMention(
        u.start,
        u.end,
        'PER',
        actor,
        actor.named && actor.mentions.length > 0 ? 'alias' : 'ner',
        null,
      );
      return this.afterName(u.end, s1, actor);
    }
    if (type === 'ORG') {
      const alias = u.end - u.start === 1 ? this.aliases.get(this.w.key[u.start] as string) : undefined;
      const actor = alias ?? this.namedActor(u.start, u.end, '', 'ORG');
      this.addMention(this.withThe(u), u.end, 'ORG', actor, alias ? 'alias' : 'ner', null);
      return this.parenthetical(u.end, s1, actor);
    }
    if (type) this.addMention(u.start, u.end, type, null, 'ner', '');
    return u.end;
  }

  /** Whether a capital or seat names the place rather than the government: "in Washington", a dateline. */
  private isPlace(u: Unit, s1: number): boolean {
    const w = this.w;
    const before = (w.key[u.start - 1] as string) ?? '';
    if (u.start > 0 && this.sets.locative.has(before)) return true;
    // "returned to Vienna", "visited Moscow": going somewhere.
    if (this.sets.motionVerbs.has(before)) return true;
    if (before === 'to' && this.sets.motionVerbs.has((w.key[u.start - 2] as string) ?? '')) return true;
    // "on the northern edge of the French capital", "30 km north of Kabul": a part of the city, or a bearing.
    if (before === 'of' && PLACE_PARTS.has((w.key[u.start - 2] as string) ?? '')) return true;
    // "bombs exploded in the capital Kabul", "in the Iraqi capital, Baghdad": the phrase it is named in says.
    if (before === 'capital' || (before === ',' && w.key[u.start - 2] === 'capital')) {
      let k = u.start - (before === ',' ? 3 : 2);
      for (
        let n = 0;
        k >= 0 && n < 3 && w.pos[k] !== POS.VERB && !this.sets.locative.has(w.key[k] as string);
        n++
      )
        k--;
      if (k >= 0 && this.sets.locative.has(w.key[k] as string)) return true;
    }
    const next = u.end < s1 ? (w.key[u.end] as string) : '';
    if (u.start === w.sentenceStart[this.sentence] && (next === '–' || next === '—' || next === '('))
      return true;
    if (next === '-' && /^(based|born|bound)$/.test((w.key[u.end + 1] as string) ?? '')) return true;
    // "the Lisbon treaty", "the Moscow talks": a capital between a determiner and a noun names a thing, not a
    // government. Seats keep theirs: "the Kremlin statement" is the Kremlin's.
    if (
      DETERMINERS.has(before) &&
      w.pos[u.end] === POS.NOUN &&
      w.caseClass[u.end] === 0 &&
      u.entries.some((e) => e.kind === 'capital') &&
      !u.entries.some((e) => e.kind === 'seat' || e.kind === 'orgSeat')
    )
      return true;
    // Part of a longer name the KB lacks: "Washington Post", "Tehran Times".
    const after = this.unitAt[u.end];
    if (
      next &&
      w.caseClass[u.end] !== 0 &&
      w.pos[u.end] === POS.PROPN &&
      (!after || after.entries.length === 0)
    )
      return true;
    return false;
  }

  /** The start of a name's mention, taking in a "the" before it unless "the" belongs to a following noun. */
  private withThe(u: Unit): number {
    const w = this.w;
    if (u.start === 0 || w.key[u.start - 1] !== 'the' || this.coveredBefore(u.start - 1)) return u.start;
    const next = u.end;
    if (next < w.length && (w.key[next] === '-' || (w.pos[next] === POS.NOUN && w.caseClass[next] === 0)))
      return u.start;
    return u.start - 1;
  }

  private coveredBefore(i: number): boolean {
    const last = this.mentions.at(-1);
    return last !== undefined && last.w1 > i;
  }

  private isDateWord(i: number, s1: number): boolean {
    const w = this.w;
    if (!this.sets.notSurnames.has(w.key[i] as string)) return false;
    return (i + 1 < s1 && w.pos[i + 1] === POS.NUM) || w.pos[i - 1] === POS.ADP || w.pos[i - 1] === POS.NUM;
  }

  // ---- pronouns -------------------------------------------------------------------------------------------

  /**
   * he/she: in the same sentence, the nearest earlier person who is a subject (a verb follows); else the first
   * person of the previous sentence not in a possessive. Only people of a matching or unknown gender count.
   */
  private onPronoun(i: number, gender: string): void {
    const fits = (m: MentionDraft) =>
      m.actor !== null && m.actor.type === 'PER' && (m.actor.gender === gender || m.actor.gender === '');
    const same: MentionDraft[] = [];
    const previous: MentionDraft[] = [];
    for (let k = this.mentions.length - 1; k >= 0; k--) {
      const m = this.mentions[k] as MentionDraft;
      if (m.sentence < this.sentence - 1) break;
      if (m.w1 > i || !fits(m)) continue;
      (m.sentence === this.sentence ? same : previous).push(m);
    }
    let pick: ActorDraft | null = null;
    // People of the pronoun's gender first, then named people, then anyone described.
    const known = (list: MentionDraft[]) => {
      const gendered = list.filter((m) => m.actor?.gender === gender);
      if (gendered.length > 0) return gendered;
      const named = list.filter((m) => m.actor?.named);
      return named.length > 0 ? named : list;
    };
    if (same.length > 0) {
      const gendered = same.filter((m) => m.actor?.gender === gender);
      // Someone of unknown gender in the same sentence only as the subject ("Daalder said he …").
      const list = gendered.length > 0 ? gendered : same.filter((m) => m.subject);
      pick = (list.find((m) => m.subject && !m.possessive) ?? list.find((m) => !m.possessive))?.actor ?? null;
    }
    // The previous sentence's subject before anyone it merely names: "Senator Ana Ruiz, an ally of the
    // president, wrote … He said" is Ruiz, not the president.
    if (!pick) {
      const subjects = previous.filter((m) => m.subject && !m.possessive);
      pick = known(subjects).at(-1)?.actor ?? null;
    }
    if (!pick && previous.length > 0) {
      const list = known(previous).reverse();
      pick = list.find((m) => !m.possessive)?.actor ?? null;
      if (!pick && new Set(list.map((m) => m.actor)).size === 1) pick = list[0]?.actor ?? null;
    }
    if (pick) this.addMention(i, i + 1, 'PER', pick, 'pronoun', null);
  }

  /**
   * Whose "its"/"their" at word i is: in the same sentence, the nearest earlier subject (else the nearest earlier
   * mention) that can own things; else the first such mention of the previous sentence. "Its" stands for one
   * country, organisation, group or state body ("Riyadh severed ties after protesters stormed its embassy");
   * "their" for a group or a plural role of a country ("Iraqi officials said their forces …"). People ("his",
   * "her") and bodies of no known country are left alone.
   */
  private possessor(i: number): Affiliation | null {
    const plural = this.w.key[i] === 'their';
    const fits = (m: MentionDraft): boolean => {
      const a = m.actor;
      if (!a || a.type === 'PER' || m.possessive || m.w1 > i) return false;
      if (!a.country && !a.org && !a.group) return false;
      return plural ? m.plural || (a.group !== null && !m.plural) : !m.plural;
    };
    const same: MentionDraft[] = [];
    let previous: MentionDraft | null = null;
    for (let k = this.mentions.length - 1; k >= 0; k--) {
      const m = this.mentions[k] as MentionDraft;
      if (m.sentence < this.sentence - 1) break;
      if (!fits(m)) continue;
      if (m.sentence === this.sentence) same.push(m);
      else previous = m;
    }
    const pick = same.find((m) => m.subject) ?? same[0] ?? previous;
    const a = pick?.actor;
    if (!a) return null;
    const base = { country: null, org: null, group: null, actor: null, anaphor: a };
    if (a.country) return { ...base, code: a.country.cameo, country: a.country };
    if (a.org) return { ...base, code: a.org.code, org: a.org };
    if (a.group) return { ...base, code: a.group.code, group: a.group };
    return null;
  }

  // ---- actors ---------------------------------------------------------------------------------------------

  private actor(key: string, make: () => ActorDraft): ActorDraft {
    let a = this.byKey.get(key);
    if (!a) {
      a = make();
      this.byKey.set(key, a);
      this.actors.push(a);
    }
    return a;
  }

  private countryActor(country: KbCountry): ActorDraft {
    const key = `country:${country.id}`;
    return this.actor(key, () => {
      const a = draft(key, country.name, country.cameo, 'GPE');
      a.kbId = country.id;
      a.country = country;
      a.named = true;
      return a;
    });
  }

  private orgActor(org: KbOrganization): ActorDraft {
    const key = `org:${org.id}`;
    return this.actor(key, () => {
      const a = draft(key, org.name, org.code, 'ORG');
      a.kbId = org.id;
      a.org = org;
      a.named = true;
      return a;
    });
  }

  private groupActor(group: KbGroup): ActorDraft {
    const key = `group:${group.id}`;
    return this.actor(key, () => {
      const a = draft(key, group.name, group.code, 'ORG');
      a.kbId = group.id;
      a.group = group;
      a.named = true;
      return a;
    });
  }

  private importedActor(entry: KbActorEntry): ActorDraft {
    const key = `actor:${entry.id}`;
    return this.actor(key, () => {
      const a = draft(key, entry.name, this.kb.actorCode(entry, this.options.date), entry.type ?? 'ORG');
      a.kbId = entry.id;
      a.named = true;
      if (entry.type === 'PER') this.registerSurname(a, lastWord(entry.name));
      return a;
    });
  }

  /**
   * The country most recently brought up (named, or as a role's affiliation) in this or the last two sentences.
   * Before reaching back past this sentence, the country its subject holds office in: "Rouhani said … China. But
   * he warned that he had ordered the country's agency" is Iran's agency.
   */
  private lastCountry(): ActorDraft | null {
    let f = this.focus.length - 1;
    for (; f >= 0; f--) {
      const { actor, sentence } = this.focus[f] as { actor: ActorDraft; sentence: number };
      if (sentence < this.sentence) break;
      if (actor.country) return actor;
    }
    const own = this.subjectCountry();
    if (own) return own;
    for (; f >= 0; f--) {
      const { actor, sentence } = this.focus[f] as { actor: ActorDraft; sentence: number };
      if (sentence < this.sentence - 2) break;
      if (actor.country) return actor;
    }
    return null;
  }

  /** The country whose state the first subject of this sentence serves, if a person ("he", "Rouhani"). */
  private subjectCountry(): ActorDraft | null {
    let first: MentionDraft | null = null;
    for (let k = this.mentions.length - 1; k >= 0; k--) {
      const m = this.mentions[k] as MentionDraft;
      if (m.sentence < this.sentence) break;
      if (m.subject && !m.possessive) first = m;
    }
    const a = first?.actor;
    if (a?.type !== 'PER') return null;
    const office = a.person ? this.kb.officeAt(a.person, this.options.date) : null;
    const code = office ? (office.country ?? '') : STATE_SECTORS.includes(a.code.slice(3, 6)) ? a.code : '';
    const country = this.kb.countryByCode.get(code.slice(0, 3));
    return country ? this.countryActor(country) : null;
  }

  /** The only country brought up (named, or as a role's affiliation) in this sentence and the one before, if one. */
  private soleCountry(): ActorDraft | null {
    let found: ActorDraft | null = null;
    for (let f = this.focus.length - 1; f >= 0; f--) {
      const { actor, sentence } = this.focus[f] as { actor: ActorDraft; sentence: number };
      if (sentence < this.sentence - 1) break;
      if (!actor.country) continue;
      if (found && found !== actor) return null;
      found = actor;
    }
    return found;
  }

  /** The organisation among `orgs` most recently brought up in the article. */
  private lastOrg(orgs: ReadonlySet<KbOrganization>): ActorDraft | null {
    for (let f = this.focus.length - 1; f >= 0; f--) {
      const { actor } = this.focus[f] as { actor: ActorDraft; sentence: number };
      if (actor.org && orgs.has(actor.org)) return actor;
    }
    return null;
  }

  private noteFocus(actor: ActorDraft): void {
    if (actor.country || actor.org) this.focus.push({ actor, sentence: this.sentence });
  }

  private addMention(
    w0: number,
    w1: number,
    type: EntityType,
    actor: ActorDraft | null,
    via: string,
    code: string | null,
  ): void {
    const w = this.w;
    let k = w1;
    while (k < w.length && k - w1 < 2 && w.pos[k] === POS.ADV) k++;
    const m: MentionDraft = {
      w0,
      w1,
      type,
      via,
      code,
      actor,
      sentence: this.sentence,
      possessive: isPossessiveMarker(w, w1),
      subject: this.isSubject(k),
      plural: false,
    };
    this.mentions.push(m);
    if (actor) {
      actor.mentions.push(m);
      this.noteFocus(actor);
    }
  }

  /**
   * Whether a mention ending before word k is a subject: a verb follows, or follows a comma-enclosed apposition
   * without a verb of its own ("Ana Ruiz, a close ally of the president, wrote").
   */
  private isSubject(k: number): boolean {
    const w = this.w;
    const isVerb = (x: number) => w.pos[x] === POS.VERB || w.pos[x] === POS.AUX;
    if (k < w.length && isVerb(k)) return true;
    if (w.key[k] !== ',') return false;
    const s1 = w.sentenceEnd[this.sentence] as number;
    for (let x = k + 1; x < s1 && x - k <= 12; x++) {
      if (w.key[x] === ',') return x > k + 1 && x + 1 < s1 && isVerb(x + 1);
      if (isVerb(x) || w.key[x] === 'who' || w.key[x] === 'which') return false;
    }
    return false;
  }

  /**
   * "the United States assassinated a top Iranian military commander … the killing of Qassem Soleimani": an
   * indefinite description is the person of exactly that code named first within the next two sentences, if
   * the article names no one else with that code. Anonymous sources stay anonymous.
   */
  private bridgeDescriptions(): void {
    for (const d of this.actors) {
      if (!d.indefinite || d.named || d.anonymousSource || d.mentions.length === 0 || d.code.length < 6)
        continue;
      const first = d.mentions[0] as MentionDraft;
      const sameCode = this.actors.filter((a) => a !== d && a.named && a.type === 'PER' && a.code === d.code);
      if (sameCode.length !== 1) continue;
      const target = sameCode[0] as ActorDraft;
      const firstNamed = target.mentions.find((m) => m.via !== 'pronoun');
      if (!firstNamed || firstNamed.w0 < first.w1 || firstNamed.sentence > first.sentence + 2) continue;
      for (const m of d.mentions) {
        m.actor = target;
        target.mentions.push(m);
      }
      d.mentions = [];
    }
  }

  private finish(): LinkResult {
    const w = this.w;
    const live = this.actors.filter((a) => a.mentions.length > 0);
    for (const a of live) a.mentions.sort((x, y) => x.w0 - y.w0);
    live.sort((a, b) => (a.mentions[0] as MentionDraft).w0 - (b.mentions[0] as MentionDraft).w0);
    const ids = new Map<ActorDraft, string>();
    live.forEach((a, n) => {
      ids.set(a, `a${n + 1}`);
    });
    const ref = (m: MentionDraft) => {
      const start = w.start[m.w0] as number;
      const end = w.end[m.w1 - 1] as number;
      return { start, end, text: this.text.slice(start, end) };
    };
    const mentions: ActorMention[] = this.mentions
      .slice()
      .sort((a, b) => a.w0 - b.w0)
      .map((m) => ({
        ...ref(m),
        type: m.type,
        actorId: m.actor ? (ids.get(m.actor) ?? null) : null,
        via: m.via,
        code: m.code ?? m.actor?.code ?? '',
      }));
    const actors: Actor[] = live.map((a) => ({
      id: ids.get(a) as string,
      name: a.name,
      code: a.code,
      type: a.type,
      kbId: a.kbId,
      mentions: a.mentions.map(ref),
    }));
    return { mentions, actors };
  }
}

interface WordSets {
  modifiers: Set<string>;
  former: Set<string>;
  subordinate: Set<string>;
  motionVerbs: Set<string>;
  modifierOnly: Set<string>;
  targetRoles: Set<string>;
  locative: Set<string>;
  countryAnaphors: Set<string>;
  speechVerbs: Set<string>;
  notSurnames: Set<string>;
  honorifics: Map<string, string>;
  honorificWords: Set<string>;
}

const wordSetCache = new WeakMap<KnowledgeBase, WordSets>();

/** The rules' word lists as lower-cased sets, built once per knowledge base. */
function wordSets(kb: KnowledgeBase): WordSets {
  let sets = wordSetCache.get(kb);
  if (!sets) {
    const r = kb.rules;
    const lower = (list: readonly string[]) => new Set(list.map((x) => x.toLowerCase()));
    sets = {
      modifiers: lower(r.roleModifiers),
      former: lower(r.former),
      subordinate: lower(r.subordinate),
      motionVerbs: lower(r.motionVerbs),
      modifierOnly: lower(r.modifierOnly),
      targetRoles: new Set(r.targetRoles.map(roleKey)),
      locative: lower(r.locativePrepositions),
      countryAnaphors: lower(r.countryAnaphors),
      speechVerbs: lower(r.speechVerbs),
      notSurnames: lower(r.notSurnames),
      honorifics: new Map(Object.entries(r.honorifics).map(([k, v]) => [k.toLowerCase(), v])),
      honorificWords: lower(Object.keys(r.honorifics)),
    };
    wordSetCache.set(kb, sets);
  }
  return sets;
}

function draft(key: string, name: string, code: string, type: EntityType): ActorDraft {
  return {
    key,
    name,
    code,
    type,
    kbId: null,
    gender: '',
    person: null,
    org: null,
    group: null,
    country: null,
    named: false,
    roleHead: null,
    indefinite: false,
    anonymousSource: false,
    mentions: [],
  };
}

function lastWord(name: string): string {
  return name.split(/\s+/).at(-1) ?? '';
}

/** The entry a phrase stands for when it could be several things (Brussels: the EU's seat before Belgium's capital). */
function pickEntry(entries: readonly KbEntry[]): KbEntry | null {
  let best: KbEntry | null = null;
  for (const e of entries) if (!best || (KIND_ORDER[e.kind] ?? 99) < (KIND_ORDER[best.kind] ?? 99)) best = e;
  return best;
}

/**
 * The agent code of role words: a sector-giving modifier wins ("rebel commander" REB), else the head's. Where a
 * user's dictionary knows some of the words, only those count, as they would in PETRARCH ("world government
 * activists" with `WORLD_GOVERNMENT [~WGO]` imported is WGO, whatever the built-in KB makes of "activists").
 */
function agentCode(all: readonly RolePart[]): string {
  const top = all.reduce((m, r) => Math.max(m, r.layer), 0);
  const roles = all.filter((r) => r.layer === top);
  for (const r of roles.slice(0, -1)) {
    const c = r.role.code.slice(0, 3);
    if (NON_STATE.has(c)) return r.role.code;
  }
  const first = roles[0] as RolePart;
  const head = roles.at(-1) as RolePart;
  return first !== head && first.role.modifier ? first.role.code : head.role.code;
}

/** An affiliation's code with a role's: NATO + secretary-general = IGOWSTNAT; Iran + military commander = IRNMIL. */
/** Of several people, the one whose time in office lies nearest to `date` (the first listed on a tie). */
function nearestInOffice(people: readonly KbPerson[], date: string): KbPerson {
  const at = Date.parse(date);
  const distance = (p: KbPerson): number => {
    let best = Number.POSITIVE_INFINITY;
    for (const o of p.offices) {
      const start = o.start ? Date.parse(o.start) : Number.NEGATIVE_INFINITY;
      const end = o.end ? Date.parse(o.end) : Number.POSITIVE_INFINITY;
      best = Math.min(best, at < start ? start - at : at > end ? at - end : 0);
    }
    return best;
  };
  let pick = people[0] as KbPerson;
  for (const p of people) if (distance(p) < distance(pick)) pick = p;
  return pick;
}

/** A country, or an actor a user layer defines (PETRARCH's countries): what a role can belong to in a list. */
function isState(aff: Affiliation | null): boolean {
  return Boolean(aff?.country || aff?.actor);
}

const STANCES = new Set(['pro', 'anti']);

function isSurnameOnly(u: Unit): boolean {
  return u.entries.length > 0 && u.entries.every((e) => e.kind === 'surname');
}

function isPersonUnit(u: Unit): boolean {
  return u.entries.some((e) => e.kind === 'person' || e.kind === 'surname');
}

function isCountry(u: Unit): boolean {
  return u.entries.some((e) => e.kind === 'country');
}

function isNationality(u: Unit): boolean {
  return u.entries.some((e) => e.kind === 'demonym' || e.kind === 'adjective');
}

function combine(aff: Affiliation, agent: string, head: KbRole): string {
  const base = aff.code;
  if (!base) return agent;
  if ((aff.org || aff.group) && (head.inheritOrg || agent.startsWith('GOV'))) return base;
  // "Taliban fighters", "YPG militia", "Peshmerga forces": an armed group's fighters are the group itself.
  if (aff.group && aff.group.kind !== 'political' && ARMED_AGENTS.has(agent.slice(0, 3))) return base;
  if (base.endsWith(agent)) return base;
  if (head.prefix) return agent + base;
  return base + agent;
}
