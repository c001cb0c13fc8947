// From coded events to the Doc's `events` layer: CAMEO/PLOVER facts, a date (a timex of the event's own sentence,
// else the article date), a place (a place of its sentence), one record per event however often it is mentioned.

import type { ActorRef, Doc, EventRecord, Place, Timex } from '../document/index.js';
import type { CameoTable } from './cameo.js';
import type { CodedEvent } from './coder.js';
import { isRoleCode } from './sentence.js';

const DATE_VALUE = /^\d{4}(-\d{2}(-\d{2})?|-W\d{2}|-Q\d|-[A-Z]{2})?$/;
const ANCHOR_WORDS = /\b(after|before|since|until|till|ahead of|prior to)\s*$/i;

interface Dated {
  value: string;
  granularity: string;
  /** Characters between the timex and the event word; article dates rank last. */
  distance: number;
}

function granularityOf(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'day';
  if (/^\d{4}-W\d{2}$/.test(value)) return 'week';
  if (/^\d{4}-\d{2}$/.test(value)) return 'month';
  if (/^\d{4}-(Q\d|[A-Z]{2})$/.test(value)) return 'quarter';
  return 'year';
}

/** The date of an event word at `at` in the sentence [start, end). */
export function eventDate(doc: Doc, at: number, start: number, end: number): Dated | null {
  let best: Dated | null = null;
  for (const t of doc.timexes as Timex[]) {
    if (t.start < start || t.end > end) continue;
    if (!DATE_VALUE.test(t.value)) continue;
    if (ANCHOR_WORDS.test(t.text)) continue;
    const a = Math.min(t.end, at);
    const b = Math.max(t.start, at);
    const between = doc.text.slice(a, b);
    // A timex across a dash, semicolon or clause comma belongs to another clause, unless it opens the sentence.
    const separated = /[–—;]|,\s/.test(between);
    const opening = t.start - start < 3 && t.start < at;
    if (separated && !opening) continue;
    if (/\b(after|before|since|until)\b/i.test(between) && t.start < at) continue;
    const distance = Math.abs(b - a);
    if (!best || distance < best.distance)
      best = { value: t.value, granularity: t.granularity || granularityOf(t.value), distance };
  }
  if (best) return best;
  const published = doc.meta.published;
  if (published && /^\d{4}-\d{2}-\d{2}/.test(published))
    return { value: published.slice(0, 10), granularity: 'day', distance: Number.POSITIVE_INFINITY };
  return null;
}

/** "in", "near the", "in southeastern" … right before a place: the event happens there. */
const LOCATIVE_BEFORE =
  /\b(in|at|near|outside|inside|across|throughout|around|into|from)\s+(the\s+)?((north|south|east|west)\w*|central|occupied)?\s*$/;
/** "to", "towards": where the event goes, not where it happens. */
const TOWARD_BEFORE = /\b(to|towards?)\s+(the\s+)?$/;

function locativeOf(doc: Doc, p: Place, start: number): boolean {
  return LOCATIVE_BEFORE.test(doc.text.slice(Math.max(start, p.start - 24), p.start).toLowerCase());
}

export function eventPlace(doc: Doc, at: number, start: number, end: number): Place | null {
  let best: Place | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const p of doc.places as Place[]) {
    if (p.start < start || p.end > end || p.end <= p.start) continue;
    // Only a place the clause puts the event in: "… in Iraq", "… to the region", not a dateline or a name.
    const locative = locativeOf(doc, p, start);
    const toward = TOWARD_BEFORE.test(doc.text.slice(Math.max(start, p.start - 12), p.start).toLowerCase());
    if (!locative && !toward) continue;
    const between = doc.text.slice(Math.min(p.end, at), Math.max(p.start, at));
    if (/[–—;]|,\s/.test(between)) continue;
    const score = Math.abs(p.start - at) + (locative ? 0 : 200) + (p.start < at ? 50 : 0);
    if (score < bestScore) {
      best = p;
      bestScore = score;
    }
  }
  return best;
}

/** The dateline's place (a zero-width record the places stage adds), where an event's sentence names none. */
export function datelinePlace(doc: Doc): Place | null {
  return (doc.places as Place[]).find((p) => p.source === 'dateline' && p.country) ?? null;
}

/** Meetings, cooperation and aid happen at venues abroad: their place says nothing of who took part. */
const VENUE_ROOTS = new Set(['03', '04', '05']);

/**
 * An actor known only by its role ("demonstrators", "rebels", "the judge") in an event its own sentence places in a
 * country is taken to be of that country: "Demonstrators blocked a road in Baghdad" → IRQ protesters.
 */
function placed(member: ActorRef | null, place: Place | null, root: string): ActorRef | null {
  if (!member || !place?.country || VENUE_ROOTS.has(root)) return member;
  if (member.code === '' || !isRoleCode(member.code)) return member;
  return { ...member, code: place.country + member.code };
}

function ref(doc: Doc, member: CodedEvent['source']): ActorRef | null {
  if (!member) return null;
  if (member.actorId.startsWith('place:') || member.actorId.startsWith('country:')) {
    // A country standing in for a place or a domestic target: the article's actor for it, if it has one.
    const actor = doc.actors.find((a) => a.code === member.code);
    return actor
      ? { actorId: actor.id, code: actor.code, name: actor.name }
      : { actorId: null, code: member.code, name: member.name };
  }
  return { actorId: member.actorId, code: member.code, name: member.name };
}

function country(code: string | undefined): string {
  return (code ?? '').slice(0, 3);
}

interface Group {
  events: { e: CodedEvent; date: Dated | null }[];
  root: string;
  source: CodedEvent['source'];
  target: CodedEvent['target'];
}

/** The same event told twice: same root, same target, sources the same actor, unnamed, or of one country. */
function sameEvent(g: Group, e: CodedEvent): boolean {
  if (g.root !== e.code.slice(0, 2)) return false;
  const primary = g.events[0]?.e as CodedEvent;
  if (primary.negated !== e.negated) return false;
  const sameTarget = (g.target?.actorId ?? null) === (e.target?.actorId ?? null);
  const sameSource = (g.source?.actorId ?? null) === (e.source?.actorId ?? null);
  if (sameTarget && sameSource) return true;
  // Members of one compound ("Danish media and government warned …") are events of their own, not repeats.
  if (g.events.some(({ e: x }) => x.sentence === e.sentence && x.at === e.at)) return false;
  if (!sameTarget || !g.target) return false;
  if (!g.source || !e.source) return true;
  const a = country(g.source.code);
  return a.length === 3 && a === country(e.source.code);
}

/**
 * Merges repeated mentions of one event and builds the records. A rejection with no target answers the latest
 * request made to its source ("NATO would not deploy troops" after "Trump asked NATO to …").
 */
export function buildRecords(doc: Doc, coded: readonly CodedEvent[], cameo: CameoTable): EventRecord[] {
  const filled = coded.map((e) => ({ ...e }));
  for (let i = 0; i < filled.length; i++) {
    const e = filled[i] as CodedEvent;
    if (e.code.slice(0, 2) !== '12' || e.target || !e.source) continue;
    for (let j = i - 1; j >= 0; j--) {
      const r = filled[j] as CodedEvent;
      const root = r.code.slice(0, 2);
      if ((root === '02' || root === '10') && r.target?.actorId === e.source.actorId && r.source) {
        e.target = r.source;
        e.rule += '; target: the actor whose request this answers';
        e.confidence = Math.max(0.05, Number((e.confidence - 0.15).toFixed(2)));
        break;
      }
    }
  }
  const groups: Group[] = [];
  for (const e of filled) {
    const sentence = doc.sentences[e.sentence];
    const date = sentence ? eventDate(doc, e.at, sentence.start, sentence.end) : null;
    // Prefer merging into a group that has a named source over an unnamed-source one.
    let group = groups.find(
      (g) => sameEvent(g, e) && (g.source?.actorId ?? null) === (e.source?.actorId ?? null),
    );
    group ??= groups.find((g) => sameEvent(g, e));
    if (!group) {
      groups.push({ events: [{ e, date }], root: e.code.slice(0, 2), source: e.source, target: e.target });
      continue;
    }
    group.events.push({ e, date });
    if (!group.source && e.source) group.source = e.source;
  }
  const records: EventRecord[] = [];
  for (const g of groups) {
    const primary = [...g.events].sort(
      (a, b) => b.e.confidence - a.e.confidence,
    )[0] as Group['events'][number];
    const e = primary.e;
    const info = cameo.lookup(e.code);
    const dated = g.events
      .map((x) => x.date)
      .filter((d): d is Dated => d !== null)
      .sort((a, b) => a.distance - b.distance)[0];
    const sentence = doc.sentences[e.sentence] ?? { start: 0, end: doc.text.length };
    const place = eventPlace(doc, e.at, sentence.start, sentence.end);
    const where = place ?? datelinePlace(doc);
    // Only a place the event happens in says whose its role-only actors are; not a destination ("sent back to").
    const home = place && locativeOf(doc, place, sentence.start) ? place : null;
    const member = g.source && !e.source ? g.source : e.source;
    const root = e.code.slice(0, 2);
    const source = placed(ref(doc, member), home, root);
    const target = placed(ref(doc, e.target), home, root);
    let rule = e.rule;
    if (source && source.code !== member?.code)
      rule += `; source's country from the event's place (${home?.name})`;
    if (target && target.code !== e.target?.code)
      rule += `; target's country from the event's place (${home?.name})`;
    const record: EventRecord = {
      id: `e${records.length + 1}`,
      code: e.code,
      root,
      plover: { type: info?.plover.type ?? '', mode: info?.plover.mode ?? null },
      quadClass: info?.quadClass ?? 0,
      goldstein: info?.goldstein ?? 0,
      source,
      target,
      date: dated ? { value: dated.value, granularity: dated.granularity } : null,
      place: where ? { name: where.name, country: where.country, lat: where.lat, lon: where.lon } : null,
      negated: e.negated,
      modality: g.events.some((x) => x.e.modality === null) ? null : e.modality,
      evidence: {
        sentence: { start: sentence.start, end: sentence.end },
        text: doc.text.slice(sentence.start, sentence.end),
        spans: e.spans.map((s) => ({ start: s.start, end: s.end, text: doc.text.slice(s.start, s.end) })),
      },
      rule,
      confidence: e.confidence,
      mentions: g.events.length,
    };
    records.push(record);
  }
  return records;
}
