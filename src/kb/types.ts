// The shapes of the knowledge-base files under kb/ (and of user layers above it), as they are stored on disk.
// Loading turns them into the lookup structures of knowledge-base.ts.

export interface KbCountry {
  id: string;
  cameo: string;
  iso2: string;
  name: string;
  names: string[];
  short: string[];
  demonyms: string[];
  adjectives: string[];
  capital: string;
  capitalNames: string[];
  seatNames?: string[];
  region: string;
  status?: string;
  sovereign?: string;
}

export interface KbRegion {
  id: string;
  name: string;
  names: string[];
  cameo?: string;
  countries: string[];
}

export interface KbOrganization {
  id: string;
  code: string;
  name: string;
  fullName: string;
  names: string[];
  anaphors: string[];
  kind: string;
  seatNames?: string[];
}

export interface KbGroup {
  id: string;
  code: string;
  name: string;
  names: string[];
  kind: string;
  countries: string[];
  parent?: string;
  /** A party's adjective before a title, naming the country it sits in: "Republican" in "Republican Senator X". */
  adjectives?: string[];
}

export interface KbRole {
  word: string;
  code: string;
  plural?: string;
  /** The word also works as a modifier before another role word ("military commander"). */
  modifier?: boolean;
  /** Before an organisation the role takes the organisation's code as it is ("NATO's secretary-general"). */
  inheritOrg?: boolean;
  /** CAMEO agents that go before the actor's code rather than after it (PETRARCH's `[NGO~]`). */
  prefix?: boolean;
  /** The word names a body or a force even in the singular ("artillery", "a warplane"), never one person. */
  collective?: boolean;
}

export interface KbOffice {
  title: string;
  role: string;
  country: string | null;
  org?: string | null;
  code: string;
  start: string | null;
  end: string | null;
  uncertain?: boolean;
}

export type Gender = 'm' | 'f' | '';

export interface KbPerson {
  id: string;
  name: string;
  aliases: string[];
  surname: string;
  gender: Gender | string;
  country: string | null;
  offices: KbOffice[];
}

/** A dated code of an imported actor: `[USAGOV >090120]` becomes {code: 'USAGOV', from: '2009-01-20'}. */
export interface KbDatedCode {
  code: string;
  /** First day the code applies (inclusive, YYYY-MM-DD). */
  from?: string;
  /** Last day the code applies (inclusive, YYYY-MM-DD). */
  to?: string;
}

/** A generic actor of a user layer, e.g. an entry imported from a PETRARCH actor dictionary. */
export interface KbActorEntry {
  id: string;
  name: string;
  names: string[];
  /** Checked in order; the first whose dates hold wins. */
  codes: KbDatedCode[];
  /** The code when no dated code holds ('' = none). */
  defaultCode: string;
  type?: 'PER' | 'ORG' | 'GPE';
  /** Where the entry came from (file name), for `kb` listings. */
  source?: string;
}

/** kb/actor-rules.json: the small word lists the actor linker needs besides the KB records. */
export interface KbActorRules {
  /** Role words (and compounds) that name an institution or a body of people rather than one person. */
  collective: string[];
  /** Words that may stand between a determiner and a role word: "a top Iranian military commander". */
  roleModifiers: string[];
  /** Modifiers that make a role a former one (code ELI). */
  former: string[];
  /** Modifiers that make a different, lower post ("deputy foreign minister" is not the foreign minister). */
  subordinate: string[];
  /** Before "to": a capital after "returned to" or "flew to" is a place; "visited Vienna" too. */
  motionVerbs: string[];
  /** Role words that are adjectives: they qualify a role ("presidential adviser") but never head one. */
  modifierOnly: string[];
  /** Roles whose "to X"/"for X" names who they are sent to, not whom they serve ("ambassador to NATO"). */
  targetRoles: string[];
  /** After these a capital or seat is a place, not an actor: "in Washington". */
  locativePrepositions: string[];
  /** "U.S.-led", "Iranian-backed": the country is mentioned but does not give its nationality to what follows. */
  hyphenDetach: string[];
  /** Abbreviated titles before a name: "Gen." → general. */
  titleAbbreviations: Record<string, string>;
  /** Honorifics before a name and the gender they imply. */
  honorifics: Record<string, string>;
  /** Nouns that refer back to the country last mentioned: "the country's army". */
  countryAnaphors: string[];
  /** Role words → office categories of kb/people, to find who held a post on a date. */
  officeRoles: Record<string, string[]>;
  /** Reporting verbs: an anonymous source ("a senior official said") is not someone named later. */
  speechVerbs: string[];
  /** Capitalised words that are never a surname on their own (months, weekdays). */
  notSurnames: string[];
}

/** kb/version.json */
export interface KbVersionFile {
  version: string;
}
