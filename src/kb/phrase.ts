// How names become word sequences: one splitting rule for KB names and for a document's tokens (hyphens and a
// possessive 's are words of their own), lower-cased keys with one apostrophe and one hyphen, and case patterns.

/** Lower-cased lookup key of a word: curly apostrophes and Unicode hyphens folded to ASCII. */
export function wordKey(word: string): string {
  let needs = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === 0x2019 || c === 0x2018 || c === 0x02bc || c === 0x2010 || c === 0x2011) {
      needs = true;
      break;
    }
  }
  const lower = word.toLowerCase();
  return needs ? lower.replace(/[\u2019\u2018\u02bc]/g, "'").replace(/[\u2010\u2011]/g, '-') : lower;
}

const isHyphen = (c: number) => c === 45 || c === 0x2010 || c === 0x2011;
const isApostrophe = (c: number) => c === 39 || c === 0x2019 || c === 0x2018 || c === 0x02bc;

function isAlnum(c: number): boolean {
  return (
    (c >= 48 && c <= 57) ||
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000)
  );
}

/**
 * Splits one token [start, end) of `text` into words: internal hyphens between letters or digits become
 * words of their own ("non-combat" → non, -, combat) and a possessive 's is split off ("Iran's" → Iran, 's).
 * Calls `push` per word; returns how many.
 */
export function splitToken(
  text: string,
  start: number,
  end: number,
  push: (start: number, end: number) => void,
): number {
  let n = 0;
  let stop = end;
  let possessive = -1;
  const last = text.charCodeAt(end - 1);
  if (end - start > 2 && (last === 115 || last === 83)) {
    if (isApostrophe(text.charCodeAt(end - 2)) && isAlnum(text.charCodeAt(end - 3))) {
      possessive = end - 2;
      stop = end - 2;
    }
  } else if (end - start > 2 && isApostrophe(last)) {
    // "Workers'" as in "Kurdistan Workers' Party": the apostrophe is a word, as the segmenter makes it.
    const s = text.charCodeAt(end - 2);
    if (s === 115 || s === 83) {
      possessive = end - 1;
      stop = end - 1;
    }
  }
  let from = start;
  for (let i = start + 1; i < stop - 1; i++) {
    const c = text.charCodeAt(i);
    if (isHyphen(c) && isAlnum(text.charCodeAt(i - 1)) && isAlnum(text.charCodeAt(i + 1))) {
      push(from, i);
      push(i, i + 1);
      n += 2;
      from = i + 1;
    }
  }
  push(from, stop);
  n++;
  if (possessive >= 0) {
    push(possessive, end);
    n++;
  }
  return n;
}

const LEADING = new Set(['"', '“', '‘', '(', '[', '«']);
const TRAILING = new Set([',', ';', ':', '!', '?', ')', ']', '"', '”', '»']);

/** The words of a KB name, split the way a document's tokens are: "Washington, D.C." → Washington , D.C. */
export function phraseWords(name: string): string[] {
  const words: string[] = [];
  for (const raw of name.trim().split(/\s+/)) {
    if (!raw) continue;
    let a = 0;
    let b = raw.length;
    const lead: string[] = [];
    const trail: string[] = [];
    while (a < b && LEADING.has(raw[a] as string)) lead.push(raw[a++] as string);
    while (b > a && TRAILING.has(raw[b - 1] as string)) trail.unshift(raw[--b] as string);
    words.push(...lead);
    if (b > a) splitToken(raw, a, b, (s, e) => words.push(raw.slice(s, e)));
    words.push(...trail);
  }
  return words;
}

/** Per-word case constraint: any case, Capitalised (first letter upper), or exactly upper case (acronyms). */
export type CaseRule = 'a' | 'c' | 'u';

function letters(word: string): { upper: number; lower: number; firstUpper: boolean } {
  let upper = 0;
  let lower = 0;
  let firstUpper = false;
  let seen = false;
  for (const ch of word) {
    const up = ch.toUpperCase();
    const low = ch.toLowerCase();
    if (up === low) continue;
    if (ch === up) upper++;
    else lower++;
    if (!seen) {
      firstUpper = ch === up;
      seen = true;
    }
  }
  return { upper, lower, firstUpper };
}

/** The case rule a KB word asks of the document: "NATO" and "U.S." exactly, "Iran" capitalised, "of" any. */
export function caseRuleOf(word: string): CaseRule {
  const l = letters(word);
  if (l.upper + l.lower === 0) return 'a';
  if (l.lower === 0 && l.upper >= 2) return 'u';
  return l.firstUpper ? 'c' : 'a';
}

/** Case class of a document word: 0 lower or no letters, 1 capitalised, 2 all upper (two letters or more). */
export function caseClassOf(word: string): 0 | 1 | 2 {
  const l = letters(word);
  if (l.upper + l.lower === 0) return 0;
  if (l.lower === 0 && l.upper >= 2) return 2;
  return l.firstUpper ? 1 : 0;
}

export function caseFits(rule: CaseRule, cls: number): boolean {
  return rule === 'a' || (rule === 'c' ? cls > 0 : cls === 2);
}
