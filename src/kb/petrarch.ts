// Readers for PETRARCH/TABARI dictionaries: actor files (names with `+` synonyms and date-bounded codes such as
// `[USAGOV >090120]`) and agents files (`MINISTER [~GOV]`, `!PERSON!` substitution sets, `{PLURALS}`), turned
// into the records of a user KB layer. Pure functions over the file text; import.ts does the file work.

import type { KbActorEntry, KbDatedCode, KbRole } from './types.js';

export interface PetrarchWarning {
  line: number;
  message: string;
}

export interface ParsedActors {
  actors: KbActorEntry[];
  warnings: PetrarchWarning[];
}

export interface ParsedAgents {
  roles: KbRole[];
  warnings: PetrarchWarning[];
}

/** Lines with `<!-- … -->` blocks (one or several lines), `<…>` lines and `#` comments removed. */
function cleanLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  let inBlock = false;
  return lines.map((raw) => {
    let line = raw;
    if (inBlock) {
      const close = line.indexOf('-->');
      if (close < 0) return '';
      inBlock = false;
      line = line.slice(close + 3);
    }
    const trimmed = line.trim();
    if (trimmed.startsWith('<')) {
      if (trimmed.includes('<!--') && !trimmed.includes('-->')) inBlock = true;
      return '';
    }
    const hash = line.indexOf('#');
    if (hash >= 0) line = line.slice(0, hash);
    return line.replace(/\{[^}]*\}/g, ' ').trimEnd();
  });
}

/**
 * A PETRARCH date (YYMMDD, or YYYYMMDD from 8 digits) as YYYY-MM-DD. Two-digit years 00–30 are 20YY and the rest
 * 19YY, as in KEDS, TABARI and PETRARCH. Null when it is not a valid date.
 */
export function petrarchDate(s: string): string | null {
  const digits = s.trim();
  if (!/^\d+$/.test(digits)) return null;
  let y: number;
  let rest: string;
  if (digits.length === 6) {
    const yy = Number(digits.slice(0, 2));
    y = yy <= 30 ? 2000 + yy : 1900 + yy;
    rest = digits.slice(2);
  } else if (digits.length === 8) {
    y = Number(digits.slice(0, 4));
    rest = digits.slice(4);
  } else return null;
  const m = Number(rest.slice(0, 2));
  const d = Number(rest.slice(2, 4));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

function shiftDay(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The code of a bracket's text: first of `A/B`, upper-cased; PETRARCH's null codes (`---`, `+++`) are ''. */
function normCode(s: string): string {
  const first = (s.trim().split('/')[0] ?? '').toUpperCase();
  return /^[A-Z0-9]+$/.test(first) ? first : '';
}

/** Parses one `[CODE restriction]` body into a dated code, or a default code (no dates). */
export function parseCodeBlock(
  body: string,
): { dated: KbDatedCode | null; code: string } | { error: string } {
  const text = body.trim();
  const m = /^(\S+)\s*(.*)$/.exec(text);
  if (!m) return { error: `empty code block [${body}]` };
  const code = normCode(m[1] as string);
  const restriction = (m[2] as string).replace(/\s+/g, '');
  if (!restriction) return { dated: null, code };
  const before = /^<(\d+)$/.exec(restriction);
  if (before) {
    const d = petrarchDate(before[1] as string);
    return d ? { dated: { code, to: shiftDay(d, -1) }, code } : { error: `bad date in [${body}]` };
  }
  const after = /^>(\d+)$/.exec(restriction);
  if (after) {
    const d = petrarchDate(after[1] as string);
    return d ? { dated: { code, from: d }, code } : { error: `bad date in [${body}]` };
  }
  const range = /^(\d+)-(\d+)$/.exec(restriction);
  if (range) {
    const a = petrarchDate(range[1] as string);
    const b = petrarchDate(range[2] as string);
    return a && b ? { dated: { code, from: a, to: b }, code } : { error: `bad date range in [${body}]` };
  }
  return { error: `unreadable restriction in [${body}]` };
}

/** "DONALD_TRUMP_" → "DONALD TRUMP" (underscores are spaces; trailing ones only stop stemming in TABARI). */
function phraseOf(s: string): string {
  return s.replace(/_+$/g, '').replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Upper-case dictionary text as a display name: "BARACK OBAMA" → "Barack Obama"; "U.S." stays. */
export function displayName(phrase: string): string {
  return phrase
    .split(' ')
    .map((w) =>
      w.includes('.') || /^[^aeiouy]*$/i.test(w) ? w.toUpperCase() : w[0] + w.slice(1).toLowerCase(),
    )
    .map((w) => w.replace(/-(\p{L})/gu, (_, c: string) => `-${c.toUpperCase()}`))
    .join(' ');
}

function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'x'
  );
}

const COUNTRY_CODE = /^[A-Z]{3}$/;

/**
 * Reads a PETRARCH actor dictionary. `source` names the file (ids are `source:slug`). Entries keep their
 * synonyms and codes; a person's terms (dated codes) make its type PER.
 */
export function parsePetrarchActors(text: string, source: string): ParsedActors {
  const warnings: PetrarchWarning[] = [];
  const actors: KbActorEntry[] = [];
  const ids = new Map<string, number>();
  let draft: { entry: KbActorEntry; line: number; hadNull: boolean } | null = null;
  const finish = () => {
    if (!draft) return;
    const { entry, line, hadNull } = draft;
    draft = null;
    if (entry.codes.length === 0 && !entry.defaultCode && !hadNull) {
      warnings.push({ line, message: `entry ${entry.name} has no code` });
    }
    const codes = [entry.defaultCode, ...entry.codes.map((c) => c.code)].filter(Boolean);
    if (entry.codes.length > 0) entry.type = 'PER';
    else if (codes.length > 0 && codes.every((c) => COUNTRY_CODE.test(c))) entry.type = 'GPE';
    else entry.type = 'ORG';
    actors.push(entry);
  };
  const addCodes = (line: string, n: number) => {
    if (!draft) {
      warnings.push({ line: n, message: 'code without an entry' });
      return;
    }
    for (const m of line.matchAll(/\[([^\]]*)\]/g)) {
      const parsed = parseCodeBlock(m[1] as string);
      if ('error' in parsed) {
        warnings.push({ line: n, message: parsed.error });
        continue;
      }
      if (!parsed.code) draft.hadNull = true;
      if (parsed.dated) {
        if (parsed.dated.code) draft.entry.codes.push(parsed.dated);
      } else if (parsed.code) draft.entry.defaultCode = parsed.code;
    }
  };
  cleanLines(text).forEach((line, i) => {
    const n = i + 1;
    if (!line.trim()) return;
    const first = line[0] as string;
    const trimmed = line.trim();
    if (first === ' ' || first === '\t' || trimmed.startsWith('[')) {
      addCodes(trimmed, n);
      return;
    }
    const bracket = trimmed.indexOf('[');
    const namePart = phraseOf(bracket >= 0 ? trimmed.slice(0, bracket) : trimmed);
    if (trimmed.startsWith('+')) {
      if (!draft) {
        warnings.push({ line: n, message: 'synonym without an entry' });
        return;
      }
      const synonym = phraseOf(namePart.slice(1));
      if (synonym) draft.entry.names.push(displayName(synonym));
      if (bracket >= 0) addCodes(trimmed.slice(bracket), n);
      return;
    }
    finish();
    if (!namePart) {
      warnings.push({ line: n, message: 'entry without a name' });
      return;
    }
    const base = `${source}:${slug(namePart)}`;
    const seen = ids.get(base) ?? 0;
    ids.set(base, seen + 1);
    draft = {
      entry: {
        id: seen === 0 ? base : `${base}-${seen + 1}`,
        name: displayName(namePart),
        names: [],
        codes: [],
        defaultCode: '',
        source,
      },
      line: n,
      hadNull: false,
    };
    if (bracket >= 0) addCodes(trimmed.slice(bracket), n);
  });
  finish();
  return { actors, warnings };
}

/** A regular English plural of the last word, as PETRARCH forms agent plurals. */
export function regularPlural(phrase: string): string {
  const m = /^(.*?)(\S+)$/.exec(phrase);
  if (!m) return phrase;
  const [, head, word] = m as unknown as [string, string, string];
  let plural: string;
  if (/[^aeiou]y$/i.test(word)) plural = `${word.slice(0, -1)}ies`;
  else if (/(s|sh|ch|x|z)$/i.test(word)) plural = `${word}es`;
  else if (/man$/i.test(word)) plural = `${word.slice(0, -3)}men`;
  else plural = `${word}s`;
  return head + plural;
}

/**
 * Reads a PETRARCH agents dictionary into role words. `[~GOV]` is an agent that follows the actor's code;
 * `[NGO~]` one that comes before it. `{}` means no plural; `{A B}` lists plurals; otherwise a regular plural.
 */
export function parsePetrarchAgents(text: string): ParsedAgents {
  const warnings: PetrarchWarning[] = [];
  const roles: KbRole[] = [];
  const sets = new Map<string, string[]>();
  const seen = new Set<string>();
  // Braces matter here, so strip comments by hand instead of using cleanLines.
  const lines = text.split(/\r?\n/);
  let inBlock = false;
  lines.forEach((raw, i) => {
    const n = i + 1;
    let line = raw;
    if (inBlock) {
      if (!line.includes('-->')) return;
      inBlock = false;
      line = line.slice(line.indexOf('-->') + 3);
    }
    if (line.trim().startsWith('<')) {
      if (line.includes('<!--') && !line.includes('-->')) inBlock = true;
      return;
    }
    const hash = line.indexOf('#');
    if (hash >= 0) line = line.slice(0, hash);
    line = line.trim();
    if (!line) return;
    const set = /^!(\w+)!\s*=\s*(.+)$/.exec(line);
    if (set) {
      sets.set(
        (set[1] as string).toUpperCase(),
        (set[2] as string)
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      );
      return;
    }
    const m = /^([^[{]+?)\s*(?:\{([^}]*)\})?\s*\[([^\]]*)\]/.exec(line);
    if (!m) {
      warnings.push({ line: n, message: `unreadable agent line: ${line}` });
      return;
    }
    const codeText = (m[3] as string).replace(/\s+/g, '');
    const prefix = codeText.endsWith('~') && !codeText.startsWith('~');
    const code = normCode(codeText.replace(/~/g, ''));
    if (!code) {
      warnings.push({ line: n, message: `agent without a code: ${line}` });
      return;
    }
    const plurals = m[2] === undefined ? null : (m[2] as string).split(/\s+/).filter(Boolean);
    for (const form of expandSets(m[1] as string, sets)) {
      const word = phraseOf(form).toLowerCase();
      if (!word || seen.has(word)) continue;
      seen.add(word);
      const role: KbRole = { word, code };
      if (prefix) role.prefix = true;
      if (plurals === null) role.plural = regularPlural(word);
      else if (plurals.length > 0) role.plural = phraseOf(plurals[0] as string).toLowerCase();
      roles.push(role);
      for (const extra of plurals?.slice(1) ?? []) {
        const p = phraseOf(extra).toLowerCase();
        if (p && !seen.has(p)) {
          seen.add(p);
          roles.push({ word: p, code, ...(prefix ? { prefix: true } : {}) });
        }
      }
    }
  });
  return { roles, warnings };
}

/** "CONGRESS!PERSON!" with !PERSON! = MAN, MEN → CONGRESSMAN, CONGRESSMEN. */
function expandSets(phrase: string, sets: Map<string, string[]>): string[] {
  const m = /!(\w+)!/.exec(phrase);
  if (!m) return [phrase.trim()];
  const values = sets.get((m[1] as string).toUpperCase());
  if (!values) return [phrase.replace(m[0], '').trim()];
  return values.flatMap((v) =>
    expandSets(phrase.slice(0, m.index) + v + phrase.slice(m.index + m[0].length), sets),
  );
}
