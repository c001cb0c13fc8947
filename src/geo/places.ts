// Place mentions: gazetteer names in the text that are used as places ("in Iraq", "to the Middle East",
// "Paris, Texas", a dateline opening a paragraph), not as actors ("Washington said", "Tehran's programme"),
// each resolved to one gazetteer entry by qualifier, the article's countries and population.

import type { Doc, Place, TokenTable } from '../document/index.js';
import type { Gazetteer, GazetteerEntry, PlaceKind } from './gazetteer.js';

/** A resolved place name without a position in the text (a dateline, a user's query). */
export interface ResolvedPlace {
  name: string;
  kind: PlaceKind;
  country: string | null;
  lat: number | null;
  lon: number | null;
}

/** A place the article names outside its body text (its dateline): a zero-width span at offset 0. */
export interface DatelinePlace extends Place {
  source: 'dateline';
}

const LOCATIVE = new Set([
  'in',
  'at',
  'to',
  'from',
  'near',
  'across',
  'throughout',
  'around',
  'outside',
  'inside',
  'into',
  'toward',
  'towards',
  'via',
  'through',
  'within',
  'beyond',
  'off',
  'along',
  'returned',
  'visited',
  'visiting',
  'entered',
  'left',
]);

// Words that put a name after "of" in place position: "the city of Basra", "the province of Idlib".
const PLACE_NOUNS = new Set([
  'city',
  'town',
  'village',
  'capital',
  'province',
  'port',
  'suburb',
  'district',
  'region',
  'state',
  'county',
  'outskirts',
  'streets',
  'north',
  'south',
  'east',
  'west',
  'center',
  'centre',
]);

// Capitalised words that name a city somewhere but are far more often something else in news text.
const NOT_PLACES = new Set(
  (
    'january february march april may june july august september october november december monday tuesday ' +
    'wednesday thursday friday saturday sunday god police union justice liberty independence hope progress ' +
    'unity victory faith grace charity commerce industry enterprise opportunity truth security peace power ' +
    'of the a an mr mrs ms dr president minister'
  ).split(' '),
);

const CONNECTORS = new Set([
  'of',
  'de',
  'del',
  'la',
  'le',
  'du',
  'des',
  'al',
  'el',
  'and',
  'upon',
  'on',
  'am',
  'sur',
]);

const MIN_UNQUALIFIED_POPULATION = 15_000;

interface Context {
  countries: Map<string, number>;
  states: Set<string>;
}

const isCapitalised = (w: string) => /^[A-Z\u00C0-\u00DE]/.test(w);

function tokenText(doc: Doc, tokens: TokenTable, i: number): string {
  return doc.text.slice(tokens.start(i), tokens.end(i));
}

/** Every capitalised word of a multi-word name is capitalised, bar the connectors ("Rio de Janeiro"). */
function wordsCapitalised(span: string): boolean {
  const words = span.split(/[\s-]+/).filter((w) => /\w/.test(w));
  return (
    words.length > 0 && words.every((w, k) => isCapitalised(w) || (k > 0 && CONNECTORS.has(w.toLowerCase())))
  );
}

interface Match {
  first: number;
  last: number;
  entries: readonly GazetteerEntry[];
}

/** The longest gazetteer name starting at token i, within one line. */
function matchAt(doc: Doc, tokens: TokenTable, gazetteer: Gazetteer, i: number): Match | null {
  const first = tokenText(doc, tokens, i);
  if (!isCapitalised(first) || NOT_PLACES.has(first.toLowerCase())) return null;
  for (let len = Math.min(gazetteer.maxWords + 2, tokens.length - i); len >= 1; len--) {
    const last = i + len - 1;
    const span = doc.text.slice(tokens.start(i), tokens.end(last));
    if (span.includes('\n')) continue;
    if (/[,;:()"“”]$/.test(span) || !wordsCapitalised(span)) continue;
    const entries = gazetteer.lookup(span);
    if (entries.length > 0) return { first: i, last, entries };
  }
  return null;
}

/**
 * The countries and US states the article places things in: names after a locative word, in qualifier
 * position ("…, Texas") or opening a dateline, plus the dateline's country. Names that are both a country and a
 * state ("Georgia") say nothing; countries named as actors ("talks with the US") do not count.
 */
function articleContext(
  doc: Doc,
  tokens: TokenTable,
  gazetteer: Gazetteer,
  dateline: ResolvedPlace | null,
): Context {
  const countries = new Map<string, number>();
  const states = new Set<string>();
  const bump = (code: string | null) => {
    if (code) countries.set(code, (countries.get(code) ?? 0) + 1);
  };
  if (dateline) bump(dateline.country);
  for (let i = 0; i < tokens.length; i++) {
    const m = matchAt(doc, tokens, gazetteer, i);
    if (!m) continue;
    i = m.last;
    const areas = m.entries.filter((e) => e.kind === 'country' || e.kind === 'state');
    // US states are rarely actors: one named anywhere sets the scene.
    if (areas.length === 1 && areas[0]?.kind === 'state' && areas[0].admin) states.add(areas[0].admin);
    const afterComma =
      m.first >= 2 &&
      tokenText(doc, tokens, m.first - 1) === ',' &&
      isCapitalised(tokenText(doc, tokens, m.first - 2));
    if (!afterComma && !locativeBefore(doc, tokens, m.first) && !datelineAt(doc, tokens, m)) continue;
    // Cities do not count: a city name is what this context is for telling apart.
    if (areas.length === 1) {
      const area = areas[0] as GazetteerEntry;
      bump(area.country);
      if (area.kind === 'state' && area.admin) states.add(area.admin);
    }
  }
  return { countries, states };
}

const BASE_SCORE: Record<PlaceKind, number> = { country: 8, region: 7, state: 6, city: 0 };

/** Picks the entry a name most likely means here: a qualifier decides, then the article's countries, then size. */
function choose(
  entries: readonly GazetteerEntry[],
  context: Context,
  qualifier: GazetteerEntry | null,
): GazetteerEntry | null {
  let best: GazetteerEntry | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const e of entries) {
    let score = BASE_SCORE[e.kind];
    if (e.kind === 'city') score += Math.log10(e.population + 1) + (e.capital ? 2 : 0);
    if (e.kind !== 'region' && e.country && context.countries.has(e.country)) score += 4;
    if (e.kind === 'city' && e.admin && e.iso2 === 'US' && context.states.has(e.admin)) score += 3;
    if (qualifier && e.kind === 'city' && fitsQualifier(e, qualifier)) score += 20;
    if (score > bestScore) {
      best = e;
      bestScore = score;
    }
  }
  if (!best) return null;
  // A small town is only a place when the text qualifies it ("Paris, Texas") or names its US state.
  if (
    best.kind === 'city' &&
    best.population < MIN_UNQUALIFIED_POPULATION &&
    !qualifier &&
    !(best.iso2 === 'US' && best.admin && context.states.has(best.admin))
  )
    return null;
  return best;
}

function fitsQualifier(e: GazetteerEntry, qualifier: GazetteerEntry): boolean {
  if (qualifier.kind === 'country') return e.country !== null && e.country === qualifier.country;
  return qualifier.kind === 'state' && e.iso2 === 'US' && e.admin === qualifier.admin;
}

/** A country or state after a comma qualifies the name before it: "Paris, Texas", "Brussels, Belgium". */
function qualifierAt(doc: Doc, tokens: TokenTable, gazetteer: Gazetteer, comma: number): Match | null {
  if (comma >= tokens.length || tokenText(doc, tokens, comma) !== ',') return null;
  const m = matchAt(doc, tokens, gazetteer, comma + 1);
  if (!m?.entries.some((e) => e.kind === 'country' || e.kind === 'state')) return null;
  return m;
}

function qualifierEntry(m: Match | null): GazetteerEntry | null {
  return m?.entries.find((e) => e.kind === 'country') ?? m?.entries.find((e) => e.kind === 'state') ?? null;
}

// "to" and "from" make a country or a capital a place only after a word of movement ("troops to Iraq", "flew
// to Washington"); otherwise they are usually the government ("a threat to Iran", "a message from Tehran").
const MOTION =
  /^(?:send|sends|sent|sending|deploy\w*|troops|forces|soldiers|travel\w*|fl(?:y|ies|ew|own|ying)|flight\w*|return\w*|go|goes|went|gone|going|come|comes|came|coming|mov\w*|arriv\w*|head\w*|trip|trips|visit\w*|journey\w*|fle[de]\w*|flee\w*|withdr\w*|evacuat\w*|transfer\w*|export\w*|import\w*|ship\w*|smuggl\w*|migra\w*|refugees|deport\w*|extradit\w*|road|route|border|way|back|home|path|corridor|pipeline|drive|drove|sail\w*|march\w*|expand\w*|extend\w*|spread\w*)$/i;

interface Locative {
  word: string;
  /** Token index of the locative word. */
  at: number;
}

/** A locative word before token i, skipping a determiner and up to two modifiers ("in the southern", "to neighbouring"). */
function locativeBefore(doc: Doc, tokens: TokenTable, i: number): Locative | null {
  let j = i - 1;
  let skipped = 0;
  while (j >= 0 && skipped < 3) {
    const w = tokenText(doc, tokens, j);
    const lower = w.toLowerCase();
    if (LOCATIVE.has(lower)) return { word: lower, at: j };
    if (lower === 'of' && j > 0 && PLACE_NOUNS.has(tokenText(doc, tokens, j - 1)))
      return { word: 'of', at: j };
    const pos = tokens.posTag(j);
    const modifier = lower === 'the' || pos === 'DET' || (pos === 'ADJ' && !isCapitalised(w)) || /-/.test(w);
    if (!modifier || isCapitalised(w)) return null;
    skipped++;
    j--;
  }
  return null;
}

/** A word of movement among the three tokens before the locative word. */
function motionBefore(doc: Doc, tokens: TokenTable, at: number): boolean {
  for (let j = at - 1; j >= Math.max(0, at - 3); j--) if (MOTION.test(tokenText(doc, tokens, j))) return true;
  return false;
}

/** The name opens a paragraph as a dateline does: "BAGHDAD (Reuters) –", "Brussels, Belgium –". */
function datelineAt(doc: Doc, tokens: TokenTable, m: Match): boolean {
  const start = tokens.start(m.first);
  const paragraph = doc.paragraphOf(start);
  const lineStart = paragraph ? paragraph.start : doc.text.lastIndexOf('\n', start - 1) + 1;
  if (doc.text.slice(lineStart, start).trim() !== '') return false;
  return /^(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?\s*(?:\([^)]{1,30}\)\s*)?[–—-]\s/.test(
    doc.text.slice(tokens.end(m.last), tokens.end(m.last) + 60),
  );
}

function toPlace(doc: Doc, start: number, end: number, e: GazetteerEntry): Place {
  return {
    start,
    end,
    text: doc.text.slice(start, end),
    name: e.name,
    kind: e.kind,
    country: e.country,
    lat: e.lat,
    lon: e.lon,
  };
}

/** The place mentions of a segmented document, in text order; the dateline's place first when it has one. */
export function findPlaces(doc: Doc, gazetteer: Gazetteer): Place[] {
  const tokens = doc.tokens;
  const dateline = doc.meta.dateline ? resolvePlaceName(gazetteer, doc.meta.dateline) : null;
  const context = articleContext(doc, tokens, gazetteer, dateline);
  const places: Place[] = [];
  if (dateline && doc.meta.dateline) {
    const record: DatelinePlace = {
      start: 0,
      end: 0,
      text: doc.meta.dateline,
      ...dateline,
      source: 'dateline',
    };
    places.push(record);
  }
  for (let i = 0; i < tokens.length; i++) {
    const m = matchAt(doc, tokens, gazetteer, i);
    if (!m) continue;
    const qualifier = qualifierAt(doc, tokens, gazetteer, m.last + 1);
    const locative = locativeBefore(doc, tokens, m.first);
    const qualifying = qualifierEntry(qualifier);
    const cityQualified =
      qualifying !== null && m.entries.some((e) => e.kind === 'city' && fitsQualifier(e, qualifying));
    if (!locative && !cityQualified && !datelineAt(doc, tokens, m)) {
      i = m.last;
      continue;
    }
    const next = m.last + 1 < tokens.length ? tokenText(doc, tokens, m.last + 1) : '';
    const afterNext = m.last + 2 < tokens.length ? tokenText(doc, tokens, m.last + 2) : '';
    // "from the US's decision": the preposition governs the possessed noun, unless that is a part of the place
    // ("in Iraq's north").
    const possessive = /^['’]s$/.test(next);
    if (
      possessive &&
      !cityQualified &&
      !PLACE_NOUNS.has(afterNext) &&
      !/^(?:northern|southern|eastern|western|central)$/.test(afterNext)
    ) {
      i = m.last;
      continue;
    }
    // Short capitals ("US", "UK") are abbreviations, never the towns that share their letters.
    const span = doc.text.slice(tokens.start(m.first), tokens.end(m.last));
    const abbreviation = /^[A-Z.]{1,4}$/.test(span);
    let entries: readonly GazetteerEntry[] =
      possessive || abbreviation ? m.entries.filter((e) => e.kind !== 'city') : m.entries;
    if (
      locative &&
      (locative.word === 'to' || locative.word === 'from') &&
      !cityQualified &&
      !motionBefore(doc, tokens, locative.at)
    )
      entries = entries.filter(
        (e) => e.kind === 'region' || e.kind === 'state' || (e.kind === 'city' && !e.capital),
      );
    // A capitalised word straight after makes the name part of a longer one ("in New York Times").
    const continues =
      next !== '' &&
      isCapitalised(next) &&
      !NOT_PLACES.has(next.toLowerCase()) &&
      doc.sentenceIndexOf(tokens.start(m.last + 1)) === doc.sentenceIndexOf(tokens.start(m.first));
    const entry = continues ? null : choose(entries, context, cityQualified ? qualifying : null);
    if (entry) {
      const end =
        cityQualified && entry.kind === 'city' && qualifier ? tokens.end(qualifier.last) : tokens.end(m.last);
      places.push(toPlace(doc, tokens.start(m.first), end, entry));
      if (cityQualified && entry.kind === 'city' && qualifier) {
        i = qualifier.last;
        continue;
      }
    }
    i = m.last;
  }
  return places;
}

/**
 * Resolves a place name given as a string, such as a dateline ("Brussels, Belgium", "WASHINGTON"): the first
 * comma-separated part is the place, a later part naming a country or US state qualifies it.
 */
export function resolvePlaceName(gazetteer: Gazetteer, name: string): ResolvedPlace | null {
  const parts = name
    .replace(/\([^)]*\)/g, ' ')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const head = parts[0];
  if (!head) return null;
  let qualifier: GazetteerEntry | null = null;
  for (const part of parts.slice(1)) {
    const q = gazetteer.lookup(part);
    qualifier = q.find((e) => e.kind === 'country') ?? q.find((e) => e.kind === 'state') ?? qualifier;
  }
  const context: Context = { countries: new Map(), states: new Set() };
  if (qualifier?.country) context.countries.set(qualifier.country, 1);
  if (qualifier?.kind === 'state' && qualifier.admin) context.states.add(qualifier.admin);
  let entries = gazetteer.lookup(head);
  if (entries.length === 0) entries = gazetteer.lookup(name);
  const entry = choose(entries, context, qualifier) ?? (entries.length === 0 ? qualifier : null);
  if (!entry) return null;
  return { name: entry.name, kind: entry.kind, country: entry.country, lat: entry.lat, lon: entry.lon };
}
