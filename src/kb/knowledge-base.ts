// The loaded knowledge base: records by id and code, one phrase trie over every name (countries, capitals,
// seats, demonyms, organisations and their anaphors, groups, people, role words, imported actors), and
// date-aware codes for office holders and imported actors.

import { caseRuleOf, phraseWords, wordKey } from './phrase.js';
import { PhraseTrie, type TrieEntryBase } from './trie.js';
import type {
  KbActorEntry,
  KbActorRules,
  KbCountry,
  KbGroup,
  KbOffice,
  KbOrganization,
  KbPerson,
  KbRegion,
  KbRole,
} from './types.js';

export type CountryEntryKind = 'country' | 'capital' | 'seat' | 'demonym' | 'adjective';

export type KbEntry = TrieEntryBase &
  (
    | { kind: CountryEntryKind; country: KbCountry }
    | { kind: 'org' | 'orgSeat' | 'orgAnaphor'; org: KbOrganization }
    | { kind: 'region'; region: KbRegion }
    | { kind: 'group'; group: KbGroup }
    | { kind: 'person' | 'surname'; person: KbPerson }
    | { kind: 'role'; role: KbRole; plural: boolean }
    | { kind: 'actor'; actor: KbActorEntry }
  );

export type KbEntryKind = KbEntry['kind'];

/** One layer's records, as read from a directory. */
export interface KbLayerData {
  dir: string;
  countries: KbCountry[];
  regions: KbRegion[];
  organizations: KbOrganization[];
  groups: KbGroup[];
  roles: KbRole[];
  people: KbPerson[];
  actors: KbActorEntry[];
  rules: Partial<KbActorRules> | null;
  /** Content hash of the layer's files. */
  hash: string;
  version: string | null;
}

export interface KbLookup {
  kind: KbEntry['kind'];
  id: string;
  name: string;
  code: string;
  /** The layer directory the entry comes from. */
  layer: string;
}

/** Who held a post: a role phrase of a country (CAMEO code) or an organisation (KB id). */
export interface OfficeQuery {
  role: string;
  country?: string;
  org?: string;
  /** Words the office title must contain ("Quds Force"). */
  titleWords?: string[];
  /** Former holders instead, the most recent first. */
  former?: boolean;
}

export interface OfficeHolding {
  person: KbPerson;
  office: KbOffice;
  /** roleKey of the office title, computed once. */
  titleKey: string;
}

/** Days after an office ends during which news still calls its holder by it ("the commander", killed last week). */
export const OFFICE_GRACE_DAYS = 31;

const FUNCTION_WORDS = new Set([
  'the',
  'of',
  'and',
  'for',
  'al',
  'el',
  'de',
  'du',
  'la',
  'le',
  'von',
  'van',
  'der',
]);

export const EMPTY_RULES: KbActorRules = {
  collective: [],
  roleModifiers: [],
  former: [],
  subordinate: [],
  motionVerbs: [],
  modifierOnly: [],
  targetRoles: [],
  locativePrepositions: [],
  hyphenDetach: [],
  titleAbbreviations: {},
  honorifics: {},
  countryAnaphors: [],
  officeRoles: {},
  speechVerbs: [],
  notSurnames: [],
};

export function addDays(isoDate: string, days: number): string {
  const t = Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(t)) return isoDate;
  return new Date(t + days * 86_400_000).toISOString().slice(0, 10);
}

const graceEnds = new Map<string, string>();

/** The last day an office that ended on `end` still counts (memoised: offices are few, lookups many). */
function graceEnd(end: string): string {
  let day = graceEnds.get(end);
  if (day === undefined) {
    day = addDays(end, OFFICE_GRACE_DAYS);
    graceEnds.set(end, day);
  }
  return day;
}

/** A key for a phrase of role words: lower case, hyphens as spaces ("secretary-general" = "secretary general"). */
export function roleKey(phrase: string): string {
  return wordKey(phrase)
    .replace(/\s*-\s*/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export class KnowledgeBase {
  readonly trie = new PhraseTrie<KbEntry>();
  readonly countries = new Map<string, KbCountry>();
  /** By CAMEO code and by ISO-3 id. */
  readonly countryByCode = new Map<string, KbCountry>();
  readonly regions = new Map<string, KbRegion>();
  readonly organizations = new Map<string, KbOrganization>();
  readonly groups = new Map<string, KbGroup>();
  /** Parties by the adjective a title takes from them, as written: "Republican" → the US Republican Party. */
  readonly partyAdjectives = new Map<string, KbGroup>();
  readonly people = new Map<string, KbPerson>();
  readonly actors = new Map<string, KbActorEntry>();
  /** Role words by roleKey, singular and plural. */
  readonly roles = new Map<string, { role: KbRole; plural: boolean }>();
  readonly rules: KbActorRules;
  /** Role keys of collective roles (a body of people), from the rules. */
  readonly collective: Set<string>;
  /** Words that make a title a lower post ("vice", "deputy"), from the rules. */
  readonly subordinate: Set<string>;
  readonly version: string;
  readonly dirs: string[];
  private readonly officesByCountry = new Map<string, OfficeHolding[]>();
  private readonly officesByOrg = new Map<string, OfficeHolding[]>();
  private readonly surnameCount = new Map<string, number>();
  private groupCodes: Map<string, KbGroup> | null = null;

  constructor(layers: readonly KbLayerData[]) {
    this.dirs = layers.map((l) => l.dir);
    const rules: KbActorRules = structuredClone(EMPTY_RULES);
    const versions: string[] = [];
    layers.forEach((layer, i) => {
      mergeRules(rules, layer.rules);
      versions.push(`${layer.version ?? (i === 0 ? 'kb' : 'user')}@${layer.hash}`);
    });
    this.rules = rules;
    this.collective = new Set(rules.collective.map(roleKey));
    this.subordinate = new Set(rules.subordinate.map(roleKey));
    this.version = versions.join('+');
    layers.forEach((layer, i) => {
      this.addLayer(layer, i);
    });
  }

  private addLayer(layer: KbLayerData, n: number): void {
    for (const c of layer.countries) {
      this.countries.set(c.id, c);
      this.countryByCode.set(c.cameo, c);
      if (!this.countryByCode.has(c.id)) this.countryByCode.set(c.id, c);
      for (const name of unique([c.name, ...c.names, ...c.short]))
        this.addName(name, { kind: 'country', country: c, layer: n, cases: '' });
      for (const name of unique(c.demonyms))
        this.addName(name, { kind: 'demonym', country: c, layer: n, cases: '' });
      for (const name of unique(c.adjectives).filter((a) => !c.demonyms.includes(a)))
        this.addName(name, { kind: 'adjective', country: c, layer: n, cases: '' });
      for (const name of unique([c.capital, ...c.capitalNames]))
        this.addName(name, { kind: 'capital', country: c, layer: n, cases: '' });
      for (const name of unique(c.seatNames ?? []))
        this.addName(name, { kind: 'seat', country: c, layer: n, cases: '' });
    }
    for (const r of layer.regions) {
      this.regions.set(r.id, r);
      for (const name of unique([r.name, ...r.names]))
        this.addName(name, { kind: 'region', region: r, layer: n, cases: '' });
    }
    for (const o of layer.organizations) {
      this.organizations.set(o.id, o);
      for (const name of unique([o.name, o.fullName, ...o.names]))
        this.addName(name, { kind: 'org', org: o, layer: n, cases: '' });
      for (const name of unique(o.seatNames ?? []))
        this.addName(name, { kind: 'orgSeat', org: o, layer: n, cases: '' });
      for (const name of unique(o.anaphors ?? []))
        this.addName(name, { kind: 'orgAnaphor', org: o, layer: n, cases: '' });
    }
    for (const g of layer.groups) {
      this.groups.set(g.id, g);
      for (const name of unique([g.name, ...g.names]))
        this.addName(name, { kind: 'group', group: g, layer: n, cases: '' });
      for (const name of unique(g.adjectives ?? [])) this.partyAdjectives.set(name, g);
    }
    for (const role of layer.roles) {
      if (role.collective) this.collective.add(roleKey(role.word));
      this.roles.set(roleKey(role.word), { role, plural: false });
      this.addName(role.word, { kind: 'role', role, plural: false, layer: n, cases: '' });
      if (role.plural) {
        this.roles.set(roleKey(role.plural), { role, plural: true });
        this.addName(role.plural, { kind: 'role', role, plural: true, layer: n, cases: '' });
      }
    }
    for (const [abbr, word] of Object.entries(layer.rules?.titleAbbreviations ?? {})) {
      const found = this.roles.get(roleKey(word));
      if (found) this.addName(abbr, { kind: 'role', role: found.role, plural: false, layer: n, cases: '' });
    }
    for (const p of mergePeople(layer.people)) {
      const previous = this.people.get(p.id);
      if (previous) this.unindexOffices(previous);
      this.people.set(p.id, p);
      this.indexOffices(p);
      for (const name of unique([p.name, ...p.aliases]))
        this.addName(name, { kind: 'person', person: p, layer: n, cases: '' });
      if (p.surname && p.surname !== p.name) {
        this.surnameCount.set(p.surname, (this.surnameCount.get(p.surname) ?? 0) + 1);
        this.addName(p.surname, { kind: 'surname', person: p, layer: n, cases: '' });
      }
    }
    for (const a of layer.actors) {
      this.actors.set(a.id, a);
      const same = a.codes.length === 0 ? this.recordWithCode(a.defaultCode) : null;
      const code = a.defaultCode || a.codes[0]?.code || '';
      for (const name of unique([a.name, ...a.names])) {
        // A phrase the layers below already know under a compatible code keeps what they know (a capital stays
        // a capital, a person keeps their offices); a user layer only overrides where it disagrees.
        const below = this.trie.get(phraseWords(name).map(wordKey));
        if (below.some((e) => e.layer < n && compatible(e, code))) continue;
        // An imported synonym of a country, organisation or group the KB knows becomes one more of its names.
        if (same) this.addName(name, { ...same, layer: n, cases: '' } as KbEntry, true);
        else this.addName(name, { kind: 'actor', actor: a, layer: n, cases: '' }, true);
      }
    }
  }

  private recordWithCode(
    code: string,
  ):
    | { kind: 'country'; country: KbCountry }
    | { kind: 'org'; org: KbOrganization }
    | { kind: 'group'; group: KbGroup }
    | null {
    if (!code) return null;
    const country = this.countryByCode.get(code);
    if (country && country.cameo === code) return { kind: 'country', country };
    const orgs = [...this.organizations.values()].filter((o) => o.code === code);
    if (orgs.length === 1) return { kind: 'org', org: orgs[0] as KbOrganization };
    const groups = [...this.groups.values()].filter((g) => g.code === code);
    if (groups.length === 1) return { kind: 'group', group: groups[0] as KbGroup };
    return null;
  }

  private addName(name: string, entry: KbEntry, imported = false): void {
    const words = phraseWords(name);
    if (words.length === 0) return;
    let cases = '';
    if (imported) {
      // PETRARCH phrases are upper case: ask for a capital on the first content word only.
      let asked = false;
      for (const w of words) {
        const content = !asked && /\p{L}/u.test(w) && !FUNCTION_WORDS.has(w.toLowerCase());
        cases += content ? 'c' : 'a';
        if (content) asked = true;
      }
    } else {
      for (const w of words) cases += caseRuleOf(w);
    }
    entry.cases = cases;
    this.trie.add(words.map(wordKey), entry);
  }

  private indexOffices(p: KbPerson): void {
    for (const office of p.offices) {
      const holding = { person: p, office, titleKey: roleKey(office.title) };
      if (office.country) push(this.officesByCountry, office.country, holding);
      if (office.org) push(this.officesByOrg, office.org, holding);
    }
  }

  private unindexOffices(p: KbPerson): void {
    for (const map of [this.officesByCountry, this.officesByOrg]) {
      for (const [key, list] of map) {
        map.set(
          key,
          list.filter((h) => h.person !== p),
        );
      }
    }
  }

  /** How many KB people share this surname. */
  surnameShared(surname: string): number {
    return this.surnameCount.get(surname) ?? 0;
  }

  /**
   * The office a person held on `date` (ISO), counting a short grace after it ended; with no date, the latest
   * office. Null when none.
   */
  officeAt(person: KbPerson, date: string | null): KbOffice | null {
    if (person.offices.length === 0) return null;
    if (!date) return latestOffice(person.offices);
    const day = date.slice(0, 10);
    let best: KbOffice | null = null;
    for (const o of person.offices) {
      if (o.start && o.start > day) continue;
      if (o.end && graceEnd(o.end) < day) continue;
      // Prefer an office that has not ended, then the one begun last.
      const open = !o.end || o.end >= day;
      const bestOpen = best ? !best.end || best.end >= day : false;
      if (!best || (open && !bestOpen) || (open === bestOpen && (o.start ?? '') > (best.start ?? '')))
        best = o;
    }
    return best;
  }

  /**
   * A person's CAMEO code on `date`: the office's code while in office; country + ELI once out of office (a
   * former office holder); the country alone for someone the KB lists no office for. Before the first office it
   * lists, nothing: their nationality is only a guess at whom they act for ("Mark Carney" in 2016 ran the Bank
   * of England, not Canada), and a title or apposition in the text fills it in.
   */
  personCode(person: KbPerson, date: string | null): string {
    const office = this.officeAt(person, date);
    if (office) return office.code;
    if (person.offices.length === 0) return person.country ?? '';
    const day = (date ?? '').slice(0, 10);
    const endedBefore = person.offices.some((o) => o.end && o.end < day);
    if (endedBefore) {
      if (person.country) return `${person.country}ELI`;
      return latestOffice(person.offices)?.code ?? '';
    }
    // Before the first office: "Mark Carney" in 2016.
    return '';
  }

  /** An imported actor's code on `date` (its first dated code that holds, else its default). */
  actorCode(actor: KbActorEntry, date: string | null): string {
    const day = date ? date.slice(0, 10) : null;
    if (day) {
      for (const c of actor.codes) {
        if (c.from && day < c.from) continue;
        if (c.to && day > c.to) continue;
        return c.code;
      }
    }
    if (actor.defaultCode) return actor.defaultCode;
    // No date: the code that applies last.
    const open = actor.codes.filter((c) => !c.to);
    return (open.at(-1) ?? actor.codes.at(-1))?.code ?? '';
  }

  /**
   * Who held a post on `date`: a role phrase ("president", "secretary-general", "commander") of a country (CAMEO
   * code) or an organisation (KB id), optionally narrowed by words the office title must contain ("Quds
   * Force"). Office titles naming the role word win over office categories.
   */
  officeHolders(query: OfficeQuery, date: string | null): KbPerson[] {
    const pool = [
      ...(query.country ? (this.officesByCountry.get(query.country) ?? []) : []),
      ...(query.org ? (this.officesByOrg.get(query.org) ?? []) : []),
    ];
    if (pool.length === 0) return [];
    const role = roleKey(query.role);
    const categories = new Set(this.rules.officeRoles[role] ?? []);
    const narrow = (query.titleWords ?? []).map(roleKey);
    const day = date?.slice(0, 10) ?? null;
    const byTitle = new Set<KbPerson>();
    const byCategory = new Set<KbPerson>();
    for (const { person, office, titleKey: title } of pool) {
      if (query.former) {
        // Held it before the date (or before now), no longer.
        if (!office.end || (day && office.end >= day)) continue;
      } else if (day) {
        if (office.start && office.start > day) continue;
        if (office.end && graceEnd(office.end) < day) continue;
      } else if (office.end) continue;
      if (narrow.length > 0 && !narrow.some((w) => title.includes(w))) continue;
      if (containsWords(title, role, this.subordinate)) byTitle.add(person);
      else if (categories.has(office.role)) byCategory.add(person);
    }
    const found = [...(byTitle.size > 0 ? byTitle : byCategory)];
    if (!query.former) return found;
    // Former holders, the most recent first; not anyone who holds the post again on the date.
    const lastEnd = (p: KbPerson) =>
      p.offices.reduce((m, o) => (o.end && (!day || o.end < day) && o.end > m ? o.end : m), '');
    const holdsOn = (p: KbPerson) =>
      day !== null &&
      p.offices.some((o) => (!o.start || o.start <= day) && (!o.end || o.end >= day) && found.includes(p));
    return found.filter((p) => !holdsOn(p)).sort((a, b) => lastEnd(b).localeCompare(lastEnd(a)));
  }

  /** Whether an office title (a roleKey) names a role phrase's post: "vice president" does not name "president". */
  titleNames(titleKey: string, role: string): boolean {
    return containsWords(titleKey, roleKey(role), this.subordinate);
  }

  /** What a name stands for on a date: each KB record it names, with its code (`dyad kb lookup`). */
  lookup(name: string, date: string | null): KbLookup[] {
    const entries = this.trie.get(phraseWords(name).map(wordKey));
    return entries.map((e): KbLookup => {
      const layer = this.dirs[e.layer] ?? '';
      switch (e.kind) {
        case 'country':
        case 'capital':
        case 'seat':
        case 'demonym':
        case 'adjective': {
          const metonym = e.kind === 'capital' || e.kind === 'seat';
          return {
            kind: e.kind,
            id: e.country.id,
            name: e.country.name,
            code: e.country.cameo + (metonym ? 'GOV' : ''),
            layer,
          };
        }
        case 'org':
        case 'orgSeat':
        case 'orgAnaphor':
          return { kind: e.kind, id: e.org.id, name: e.org.name, code: e.org.code, layer };
        case 'region':
          return { kind: e.kind, id: e.region.id, name: e.region.name, code: e.region.cameo ?? '', layer };
        case 'group':
          return { kind: e.kind, id: e.group.id, name: e.group.name, code: e.group.code, layer };
        case 'person':
        case 'surname':
          return {
            kind: e.kind,
            id: e.person.id,
            name: e.person.name,
            code: this.personCode(e.person, date),
            layer,
          };
        case 'role':
          return { kind: e.kind, id: e.role.word, name: e.role.word, code: e.role.code, layer };
        default:
          return {
            kind: e.kind,
            id: e.actor.id,
            name: e.actor.name,
            code: this.actorCode(e.actor, date),
            layer,
          };
      }
    });
  }

  /** Record counts, for `dyad kb info`. */
  counts(): Record<string, number> {
    return {
      countries: this.countries.size,
      regions: this.regions.size,
      organizations: this.organizations.size,
      groups: this.groups.size,
      people: this.people.size,
      roles: this.roles.size,
      importedActors: this.actors.size,
      phrases: this.trie.size,
    };
  }

  /** The group a CAMEO code stands for ("PSEREBHMS" → Hamas); the first listed where several share it. */
  groupByCode(code: string): KbGroup | null {
    if (!this.groupCodes) {
      this.groupCodes = new Map();
      for (const g of this.groups.values()) if (!this.groupCodes.has(g.code)) this.groupCodes.set(g.code, g);
    }
    return this.groupCodes.get(code) ?? null;
  }

  /** The countries a group is tied to (first = main), as records. */
  groupCountry(group: KbGroup): KbCountry | null {
    const id = group.countries[0];
    return id ? (this.countries.get(id) ?? this.countryByCode.get(id) ?? null) : null;
  }
}

/**
 * Whether a title names the post: its words contain the phrase, and not as a lower post ("Vice President" is not
 * the president, "Deputy Prime Minister" not the prime minister; "Vice President and Prime Minister" is both).
 */
function containsWords(title: string, phrase: string, subordinate: ReadonlySet<string> = NO_WORDS): boolean {
  for (let at = title.indexOf(phrase); at >= 0; at = title.indexOf(phrase, at + 1)) {
    const before = at === 0 || title[at - 1] === ' ';
    const end = at + phrase.length;
    const after = end === title.length || title[end] === ' ';
    if (!before || !after) continue;
    const previous =
      title
        .slice(0, Math.max(0, at - 1))
        .split(' ')
        .at(-1) ?? '';
    if (!subordinate.has(previous)) return true;
  }
  return false;
}

const NO_WORDS: ReadonlySet<string> = new Set();

/** Whether an entry's own code is the start of `code` (USA for USAGOV): the two agree. */
function compatible(e: KbEntry, code: string): boolean {
  if (!code) return false;
  switch (e.kind) {
    case 'country':
    case 'capital':
    case 'seat':
    case 'demonym':
    case 'adjective':
      return code.startsWith(e.country.cameo);
    case 'org':
    case 'orgSeat':
      return code.startsWith(e.org.code);
    case 'group':
      return code.startsWith(e.group.code);
    case 'person':
      return (
        e.person.offices.some((o) => code.startsWith(o.code)) || code.startsWith(e.person.country ?? '#')
      );
    default:
      return false;
  }
}

function latestOffice(offices: readonly KbOffice[]): KbOffice | null {
  let best: KbOffice | null = null;
  for (const o of offices) if (!best || (o.start ?? '') >= (best.start ?? '')) best = o;
  return best;
}

function unique(values: readonly (string | undefined | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => typeof v === 'string' && v.trim() !== ''))];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** One record per person id: files that list the same person (a G20 leader who later led an IGO) are merged. */
function mergePeople(people: readonly KbPerson[]): KbPerson[] {
  const byId = new Map<string, KbPerson>();
  for (const p of people) {
    const seen = byId.get(p.id);
    if (!seen) {
      byId.set(p.id, { ...p, aliases: [...(p.aliases ?? [])], offices: [...(p.offices ?? [])] });
      continue;
    }
    for (const a of p.aliases ?? []) if (!seen.aliases.includes(a)) seen.aliases.push(a);
    for (const o of p.offices ?? []) {
      if (!seen.offices.some((s) => s.title === o.title && s.start === o.start)) seen.offices.push(o);
    }
    if (!seen.gender && p.gender) seen.gender = p.gender;
    if (!seen.country && p.country) seen.country = p.country;
  }
  return [...byId.values()];
}

function mergeRules(into: KbActorRules, from: Partial<KbActorRules> | null): void {
  if (!from) return;
  for (const key of Object.keys(EMPTY_RULES) as (keyof KbActorRules)[]) {
    const value = from[key];
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      const list = into[key] as string[];
      for (const v of value) if (!list.includes(v)) list.push(v);
    } else if (value && typeof value === 'object') {
      Object.assign(into[key] as Record<string, unknown>, value);
    }
  }
}
