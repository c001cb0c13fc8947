// Reads TimeML (TimeBank, AQUAINT, TempEval-3) documents: the <TEXT> with its tags stripped, the inline TIMEX3
// spans as offsets into that plain text, and the document creation time; and writes TimeML back out.

import type { TimexMatch } from '../time/timex.js';
import { decodeEntities, encodeEntities, parseAttributes } from './xml.js';

export interface TimemlTimex {
  start: number;
  end: number;
  text: string;
  tid: string;
  type: string;
  value: string;
}

export interface TimemlDoc {
  id: string;
  /** The value of the CREATION_TIME timex (YYYY-MM-DD or longer), or null. */
  dct: string | null;
  /** The <TEXT> element's content, tags removed and entities decoded. */
  text: string;
  timexes: TimemlTimex[];
}

/** Parses one TimeML file's content. Timexes are read from <TEXT> only; the DCT from the CREATION_TIME timex. */
export function parseTimeml(xml: string, id = ''): TimemlDoc {
  const docId = id || (/<DOCID>\s*([^<]*?)\s*<\/DOCID>/.exec(xml)?.[1] ?? '');
  let dct: string | null = null;
  for (const m of xml.matchAll(/<TIMEX3\b[^>]*>/g)) {
    const attrs = parseAttributes(m[0]);
    if (attrs.functionInDocument === 'CREATION_TIME' && attrs.value) {
      dct = attrs.value;
      break;
    }
  }
  const open = /<TEXT\b[^>]*>/.exec(xml);
  const closeAt = xml.lastIndexOf('</TEXT>');
  const body = open && closeAt > open.index ? xml.slice(open.index + open[0].length, closeAt) : '';

  let text = '';
  const timexes: TimemlTimex[] = [];
  const stack: { attrs: Record<string, string>; start: number }[] = [];
  const tagRe = /<(\/?)([A-Za-z][\w:-]*)\b([^>]*?)(\/?)>/g;
  let last = 0;
  for (let m = tagRe.exec(body); m; m = tagRe.exec(body)) {
    text += decodeEntities(body.slice(last, m.index));
    last = m.index + m[0].length;
    const [, closing, name, , selfClosing] = m;
    if (name !== 'TIMEX3' || selfClosing) continue;
    if (!closing) stack.push({ attrs: parseAttributes(m[0]), start: text.length });
    else {
      const top = stack.pop();
      if (!top) continue;
      timexes.push({
        start: top.start,
        end: text.length,
        text: text.slice(top.start, text.length),
        tid: top.attrs.tid ?? '',
        type: top.attrs.type ?? '',
        value: top.attrs.value ?? '',
      });
    }
  }
  text += decodeEntities(body.slice(last));
  timexes.sort((a, b) => a.start - b.start || b.end - a.end);
  return { id: docId, dct, text, timexes };
}

export interface TimexOut {
  start: number;
  end: number;
  value: string;
  type: string;
}

/** A minimal TimeML document: the DCT and the text with the given timexes inline (non-overlapping ones only). */
export function writeTimeml(
  doc: { id: string; dct: string | null; text: string },
  timexes: TimexOut[],
): string {
  const sorted = [...timexes].sort((a, b) => a.start - b.start || b.end - a.end);
  let body = '';
  let at = 0;
  let n = 1;
  for (const t of sorted) {
    if (t.start < at) continue;
    body += encodeEntities(doc.text.slice(at, t.start));
    body += `<TIMEX3 tid="t${n++}" type="${t.type}" value="${encodeEntities(t.value)}">`;
    body += `${encodeEntities(doc.text.slice(t.start, t.end))}</TIMEX3>`;
    at = t.end;
  }
  body += encodeEntities(doc.text.slice(at));
  const dct = doc.dct
    ? `<DCT><TIMEX3 tid="t0" type="DATE" value="${doc.dct}" temporalFunction="false" functionInDocument="CREATION_TIME">${doc.dct}</TIMEX3></DCT>\n\n`
    : '';
  return `<?xml version="1.0" ?>\n<TimeML>\n\n<DOCID>${encodeEntities(doc.id)}</DOCID>\n\n${dct}<TEXT>${body}</TEXT>\n\n</TimeML>\n`;
}

/**
 * TimeML has no value for a range: "between 1994 and 1997" is two TIMEX3s, one per year, and the range between
 * them a TLINK. Dyad's year ranges (value 1994/1997) become their two endpoint years, each over its own digits
 * ("1994-97": the second over "97").
 */
export function splitYearRanges(timexes: readonly TimexMatch[]): TimexMatch[] {
  return timexes.flatMap((t) => {
    const range = /^(\d{4})\/(\d{4})$/.exec(t.value);
    if (!range) return [t];
    const [, from, to] = range as unknown as [string, string, string];
    const first = t.text.indexOf(from);
    const tail = new RegExp(`\\b(?:${to}|${to.slice(2)})\\b`).exec(t.text.slice(first + 4));
    if (first < 0 || !tail) return [t];
    const second = first + 4 + tail.index;
    const endpoint = (at: number, digits: string, value: string): TimexMatch => ({
      ...t,
      start: t.start + at,
      end: t.start + at + digits.length,
      text: digits,
      value,
      granularity: 'year',
      rule: `${t.rule}:endpoint`,
    });
    return [endpoint(first, from, from), endpoint(second, tail[0], to)];
  });
}
