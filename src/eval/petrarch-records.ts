// Reader for PETRARCH validation records (PETR.UnitTest.records.xml): <Sentence date id category> elements with
// the expected <EventCoding sourcecode targetcode eventcode> (or noevents="True") and the <Text> to code.

import { readFileSync } from 'node:fs';
import { DyadError } from '../errors.js';
import { decodeEntities, parseAttributes } from './xml.js';

export interface PetrarchEvent {
  source: string;
  target: string;
  code: string;
}

export interface PetrarchRecord {
  id: string;
  /** YYYY-MM-DD. */
  date: string | null;
  category: string;
  text: string;
  events: PetrarchEvent[];
  /** The record expects no event at all. */
  noEvents: boolean;
  /** Records of the ERROR category test the coder's error handling, not its coding. */
  expectsError: boolean;
  /** Per-record <Config option value> settings that precede it in the file. */
  config: Record<string, string>;
}

function isoDate(yyyymmdd: string | null): string | null {
  if (!yyyymmdd || !/^\d{8}$/.test(yyyymmdd)) return null;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

export function parsePetrarchRecords(xml: string): PetrarchRecord[] {
  const body = xml.replace(/<!--[\s\S]*?-->/g, '');
  const out: PetrarchRecord[] = [];
  const config: Record<string, string> = {};
  const re = /<Config\b[^>]*>|<Sentence\b([^>]*)>([\s\S]*?)<\/Sentence>/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const whole = m[0];
    if (whole.startsWith('<Config')) {
      const { option, value } = parseAttributes(whole);
      if (option && value !== undefined) config[option] = value;
      continue;
    }
    const head = m[1] ?? '';
    const inner = m[2] ?? '';
    const textMatch = /<Text>([\s\S]*?)<\/Text>/i.exec(inner);
    const text = decodeEntities((textMatch?.[1] ?? '').replace(/\s+/g, ' ').trim());
    const events: PetrarchEvent[] = [];
    let noEvents = false;
    for (const tag of inner.match(/<EventCoding\b[^>]*>/gi) ?? []) {
      const a = parseAttributes(tag);
      if ((a.noevents ?? '').toLowerCase() === 'true') {
        noEvents = true;
        continue;
      }
      if (a.eventcode === undefined) continue;
      events.push({ source: a.sourcecode ?? '', target: a.targetcode ?? '', code: a.eventcode });
    }
    const attrs = parseAttributes(head);
    const category = attrs.category ?? '';
    out.push({
      id: attrs.id ?? `record-${out.length + 1}`,
      date: isoDate(attrs.date ?? null),
      category,
      text,
      events,
      noEvents: noEvents || events.length === 0,
      expectsError: category.toUpperCase() === 'ERROR' || /<Error/i.test(inner),
      config: { ...config },
    });
  }
  return out;
}

export function readPetrarchRecords(file: string): PetrarchRecord[] {
  let xml: string;
  try {
    xml = readFileSync(file, 'utf8');
  } catch (e) {
    throw new DyadError('DYAD_E_EVAL_DATA', 'cannot read the PETRARCH records', { origin: file, cause: e });
  }
  if (!/<Sentence\b/.test(xml))
    throw new DyadError('DYAD_E_EVAL_DATA', 'no <Sentence> records here', { origin: file });
  return parsePetrarchRecords(xml);
}
