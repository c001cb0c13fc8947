// Author names from bylines and metadata: strips "By"/"Von"/"Written by", dates, roles and e-mail addresses,
// splits "A and B" / "A, B", and refuses what is not a name (URLs, handles, long phrases, site names).

import { squash } from './dom.js';

const LEAD =
  /^(?:(?:post author|erstellt|eingestellt|artikel|ein beitrag|beitrag|vom|written|posted|published|reported|text|story|words|photos?|interview|recherche|gepostet|geschrieben|veröffentlicht|verfasst|publié|escrito|scritto|autor(?:in)?|author|autore|auteur|redakteur(?:in)?|von|by|par|por|door|av|af|przez)\b\s*(?:by|von|par|por|di|:)?\s*:?\s*)+/i;
const TRAIL =
  /\s*(?:[|•·,–—-]\s*)?(?:\b(?:updated|published|posted|aktualisiert|veröffentlicht|am|on|le|el|il)\b.*|\d{1,2}[./]\d{1,2}[./]\d{2,4}.*|\d{4}-\d{2}-\d{2}.*|\(.*\)|\d+\s+(?:min|minutes?|minuten)\b.*)$/i;
const ROLE =
  /^(?:staff|staff writer|editor|redaktion|red|reporter|correspondent|korrespondent(?:in)?|contributor|guest|gastautor(?:in)?|admin|administrator|team|editorial|editorial staff|agency|agenturen|dpa|afp|ap|reuters|kna|epd|phd|md|ph\.d\.?|jr\.?|sr\.?)$/i;

/** Words after a name that say what the person is or link elsewhere ("Jane Doe Chefredakteurin", "Alle Artikel"). */
const TRAILING_ROLE =
  /\s+(?:alle artikel|all (?:posts|articles)|staff|chefredakteur(?:in)?|redakteur(?:in)?|redaktion|symbolbild|mo|di|mi|do|fr|sa|so|mon|tue|wed|thu|fri|sat|sun)\.?$/i;

/** Names in one author string, cleaned; [] when it holds none. */
export function cleanAuthors(raw: string, options: { sites?: readonly string[] } = {}): string[] {
  let s = squash(raw.replace(/<[^>]+>/g, ' '));
  if (!s || /^(?:https?:|www\.)/i.test(s) || s.length > 200) return [];
  s = s.replace(/\S+@\S+\.\S+/g, ' ').replace(/(?:^|\s)@\w+/g, ' ');
  // "AuthorJane Doe": a screen-reader label glued to the name.
  s = s.replace(/^(?:[Aa]uthor|[Aa]utor|[Bb]y|[Vv]on)(?=\p{Lu}\p{Ll})/u, '');
  s = s.replace(LEAD, '').replace(TRAIL, '').replace(TRAILING_ROLE, '');
  s = s.replace(/\s*\|.*$/, '');
  const out: string[] = [];
  for (let part of s.split(/\s*(?:;|,|&|\+|\/|\band\b|\bund\b|\bet\b|\bsowie\b)\s*/i)) {
    part = part.replace(LEAD, '').replace(/^[\s.:,-]+|[\s.:,-]+$/g, '');
    if (!isName(part)) continue;
    if (options.sites?.some((site) => sameName(site, part))) continue;
    if (!out.some((o) => sameName(o, part))) out.push(part);
  }
  return out;
}

function isName(s: string): boolean {
  if (s.length < 2 || s.length > 60) return false;
  if (ROLE.test(s)) return false;
  if (/\d|https?:|www\.|\.(?:com|de|org|net)\b|[<>{}[\]=]/.test(s)) return false;
  const words = s.split(/\s+/);
  if (words.length > 5) return false;
  // A name has a capital letter (or is in a script without case).
  return /\p{Lu}|[^\p{L}\p{N}\s\p{P}]|[\u0600-\u06ff\u0900-\u0dff\u3040-\u9fff]/u.test(s);
}

function sameName(a: string, b: string): boolean {
  const f = (x: string) => x.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return f(a) === f(b);
}

/** A "By …" line: the names it gives, or null when the text is not a byline. */
export function bylineNames(text: string): string[] | null {
  const t = squash(text);
  if (t.length > 120) return null;
  if (!/^(?:by|von|text|written by|autor(?:in)?|author|par|por|di|door)\b\s*:?\s+\p{Lu}/iu.test(t))
    return null;
  const names = cleanAuthors(t);
  return names.length > 0 ? names : null;
}

const NAME_WORD = "\\p{Lu}[\\p{L}'’.-]*";
const NAMES = `${NAME_WORD}(?:\\s+(?:(?:von|van|de|der|den|da|di|del|la|le|zu)\\s+)?${NAME_WORD}){0,3}`;
/**
 * Lead words, matched in any case, at the start of a line or after a separator or a time ("12:30 · Von …"), never
 * after an ordinary word: "Daten von Rheinmetall" is not a byline.
 */
const BYLINE_LEAD =
  /(?:^|[|•·–—(,:-]\s*|\d\s+(?:uhr\s+)?)(?:by|von|text|autor(?:in)?|author|redaktion|written by|posted by|geschrieben von|beitrag von|par|por|door)\s*:?\s+/giu;
/** Names after the lead, capitalised, matched where the lead ends. */
const BYLINE_NAMES = new RegExp(`(${NAMES}(?:\\s*(?:,|&|und|and|y|et)\\s*${NAMES})*)`, 'uy');

/** The names a line gives after "By", "Von", "Text:" …, wherever in the line ("12.01.2020 · Von Jane Doe"). */
export function bylineIn(line: string): string[] | null {
  BYLINE_LEAD.lastIndex = 0;
  for (let lead = BYLINE_LEAD.exec(line); lead; lead = BYLINE_LEAD.exec(line)) {
    BYLINE_NAMES.lastIndex = lead.index + lead[0].length;
    const m = BYLINE_NAMES.exec(line);
    if (m?.[1]) {
      const names = cleanAuthors(m[1]);
      if (names.length > 0) return names;
    }
  }
  return null;
}
