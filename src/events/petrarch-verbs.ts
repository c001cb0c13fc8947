// Reader for PETRARCH/TABARI verb dictionaries into event lexicon entries, so that a PETRARCH validation suite can
// run on Dyad's coder. A block `--- VERB [code] ---` names a verb (with `+SYNONYM` lines and `{FORMS}`) and its
// default code; `- pattern [code]` lines refine it: `*` the verb, `$` source, `+` target, `&SET` a synonym set,
// words joined by `_` adjacent, `^` an actor passed over, `[---]` (and TABARI's discard code `[###]`) a pattern that
// codes nothing, `[+++]` a "complex" pattern that codes as the verb does, `%` before the verb a compound actor acting
// on itself.

import type { LexiconEntry } from './lexicon.js';

export interface ParsedVerbs {
  entries: LexiconEntry[];
  warnings: { line: number; message: string }[];
}

/**
 * Codes of a `[...]` block: the source's on the target, and with `a:b` the target's in turn on the source; "---"
 * for PETRARCH's null codes.
 */
function codesOf(raw: string): { code: string; reverse?: string } {
  const [first, second] = raw.split(':').map((c) => c.trim());
  // "###" is TABARI's discard code: nothing is coded from it.
  const code = !first || /^-+$/.test(first) || first === '###' ? '---' : first;
  return second && !/^-+$/.test(second) && code !== '---' ? { code, reverse: second } : { code };
}

/** TABARI's "complex" code: the sentence is flagged for a human coder, and is otherwise coded as the verb codes. */
const COMPLEX = '+++';

/** A line without its "#" comment; a "#" inside a code ("[###]") is no comment. */
function stripComment(line: string): string {
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '[') depth++;
    else if (ch === ']') depth = Math.max(0, depth - 1);
    else if (ch === '#' && depth === 0) return line.slice(0, i).trim();
  }
  return line.trim();
}

export function parsePetrarchVerbs(text: string): ParsedVerbs {
  const warnings: ParsedVerbs['warnings'] = [];
  const lines = text.replace(/<!--[\s\S]*?-->/g, (m) => '\n'.repeat(m.split('\n').length - 1)).split(/\r?\n/);
  // Synonym sets first: `&NAME` then `+WORD` lines.
  const sets = new Map<string, string[]>();
  for (let i = 0; i < lines.length; i++) {
    const head = stripComment(lines[i] as string);
    if (!/^&[A-Z0-9_]+$/i.test(head)) continue;
    const members: string[] = [];
    for (let j = i + 1; j < lines.length; j++) {
      const l = stripComment(lines[j] as string);
      if (!l.startsWith('+')) break;
      members.push(l.slice(1).trim());
    }
    // A set's name may end in "_" where it is defined ("&PREPOSIT1_") and not where it is used.
    sets.set(head.toUpperCase().replace(/_+$/, ''), members);
  }
  const expand = (word: string, depth = 0): string[] => {
    // "NEW_&TIETYPES_RELATIONS": a set inside a phrase.
    const m = /&[A-Z0-9_]+?(?=_|$)/i.exec(word);
    if (!m || depth > 3) return [word];
    const members = sets.get(m[0].toUpperCase());
    if (!members) return [word.replace(m[0], '')];
    const out: string[] = [];
    for (const member of members)
      for (const e of expand(member.replace(/\s+/g, '_'), depth + 1))
        out.push(word.slice(0, m.index) + e + word.slice(m.index + m[0].length));
    return out;
  };
  const entries: LexiconEntry[] = [];
  let verbs: string[] = [];
  let blockCode: { code: string; reverse?: string } = { code: '---' };
  let patterns: { pattern: string; code: { code: string; reverse?: string } }[] = [];
  let blockId = '';
  let blocks = 0;
  const flush = () => {
    if (verbs.length === 0) return;
    const verb = [...new Set(verbs)].join('|');
    const byCode = new Map<string, { codes: { code: string; reverse?: string }; patterns: string[] }>();
    for (const p of patterns) {
      const key = `${p.code.code}:${p.code.reverse ?? ''}`;
      const group = byCode.get(key) ?? { codes: p.code, patterns: [] };
      group.patterns.push(p.pattern);
      byCode.set(key, group);
    }
    let n = 0;
    // A complex pattern ("- * FULL TIES [+++]") codes what the verb codes.
    const plain = blockCode.code === COMPLEX ? { code: '---' } : blockCode;
    for (const { codes, patterns: ps } of byCode.values())
      entries.push({
        id: `petrarch.${blockId}.${n++}`,
        verb,
        ...(codes.code === COMPLEX ? plain : codes),
        tabari: true,
        patterns: ps,
      });
    if (plain.code !== '---')
      entries.push({
        id: `petrarch.${blockId}.default`,
        verb,
        ...plain,
        tabari: true,
        patterns: ['*'],
      });
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    const line = stripComment(raw);
    if (!line) continue;
    // "--- RESTORE [064] ---", "--- LASH OUT [122] ---" (the verb lines that follow spell it), and a second
    // bracket after the code, which is read as a comment ("--- DELAY [120] [031:031] ---").
    const header = /^---\s+([^[]+?)\s+\[([^\]]*)\](?:\s*\[[^\]]*\])*\s*---/.exec(line);
    if (header) {
      flush();
      blockId = `${(header[1] as string).replace(/_+$/, '').replace(/\s+/g, '-').toLowerCase()}-${++blocks}`;
      blockCode = codesOf(header[2] as string);
      verbs = [];
      patterns = [];
      continue;
    }
    if (line.startsWith('&')) {
      flush();
      verbs = [];
      patterns = [];
      blockId = '';
      continue;
    }
    if (!blockId) continue;
    if (line.startsWith('-')) {
      const m = /^-\s*(.*?)\s*\[([^\]]*)\]\s*$/.exec(line);
      if (!m) {
        warnings.push({ line: i + 1, message: `pattern without a [code]: ${line}` });
        continue;
      }
      // "%" before the verb: a compound acting on itself ("% HAVE *"); after it, PETRARCH's reading is unclear, and
      // it is dropped.
      const all = (m[1] as string).split(/\s+/).filter((w) => w);
      const star = all.findIndex((w) => w.includes('*'));
      const words = all.filter((w, k) => w !== '%' || (star >= 0 && k < star));
      if (!words.includes('*') && !words.some((w) => w.includes('*'))) {
        warnings.push({ line: i + 1, message: `pattern without *: ${line}` });
        continue;
      }
      // "FAILED_TO_*" and "*_OUT": the verb inside a phrase becomes its own word, and the words joined to it by "_"
      // must stand right next to it ("RECENTLY_*" is not "recently did allow").
      const split = words.flatMap((w) =>
        w.includes('*') && w !== '*'
          ? w.split(/_?\*_?/).flatMap((x, k) => (k ? ['*', x && `=${x}`] : [x && `${x}=`]))
          : [w],
      );
      const cleaned = split.filter((w) => w !== '');
      const alts = cleaned.map((w) => {
        if (w === '*' || w === '$' || w === '+' || w === '%') return w;
        // "^": an actor passed over ("DINE IN ^ WITH +": not the place, the one after it).
        if (w === '^') return '~';
        const adjacent = w.startsWith('=') || w.endsWith('=');
        const words = expand(w.replace(/^=|=$/g, ''))
          .map((x) =>
            x
              .toLowerCase()
              .replace(/[$+%^]/g, '')
              .replace(/^_+|_+$/g, ''),
          )
          .filter((x) => x)
          .join('|');
        return adjacent && words ? `=${words}` : words;
      });
      if (alts.some((a) => a === '')) {
        warnings.push({ line: i + 1, message: `pattern with an empty word: ${line}` });
        continue;
      }
      if (alts.filter((a) => a === '*').length !== 1) {
        warnings.push({ line: i + 1, message: `pattern needs exactly one *: ${line}` });
        continue;
      }
      patterns.push({ pattern: alts.join(' '), code: codesOf(m[2] as string) });
      continue;
    }
    // A verb line: "RESTORE", "BAN {BANS BANNED}", "+SYNONYM", "LASH OUT" (a phrasal verb), "DOWNPLAY [014]" (a
    // code of its own, not kept: the block's code and patterns apply).
    const word = line
      .replace(/\{[^}]*\}|\[[^\]]*\]/g, '')
      .replace(/^\+/, '')
      .trim()
      .split(/\s+/)
      .join('_');
    // "WIRE_+TAP": a compound verb whose head word is marked by "+".
    const lemma = word.replace(/_+$/, '').toLowerCase();
    if (/^[a-z][a-z_-]*(_\+[a-z][a-z_-]*)?$/.test(lemma)) verbs.push(lemma);
  }
  flush();
  return { entries, warnings };
}
