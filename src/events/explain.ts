// Why an event was coded: its sentence with the evidence spans marked, the rule that fired and what it decided.
// Surfaces (CLI, API) render this record; nothing here prints.

import type { Doc, EventRecord } from '../document/index.js';
import { DyadError } from '../errors.js';
import type { CameoTable } from './cameo.js';

export interface Explanation {
  /** "DOCID:EVENTID", or just the event id for an unstored document. */
  ref: string;
  event: EventRecord;
  label: string;
  sentence: string;
  /** The sentence with each evidence span wrapped in the open/close marks. */
  marked: string;
  /** The rule id and pattern, then the decisions taken after the pattern matched. */
  rule: { id: string; pattern: string; notes: string[] };
}

export interface MarkOptions {
  open?: string;
  close?: string;
}

/** "12:e3" → { docId: 12, eventId: "e3" }. */
export function parseEventRef(ref: string): { docId: number; eventId: string } {
  const m = /^(\d+):(e\d+)$/.exec(ref.trim());
  if (!m) throw new DyadError('DYAD_E_USAGE', `"${ref}" is not an event id (DOCID:EVENTID, e.g. 12:e3)`);
  return { docId: Number(m[1]), eventId: m[2] as string };
}

/** The sentence text with the event's evidence spans marked (overlapping spans are merged). */
export function markEvidence(event: EventRecord, options: MarkOptions = {}): string {
  const open = options.open ?? '[[';
  const close = options.close ?? ']]';
  const { sentence, text } = event.evidence;
  const spans = event.evidence.spans
    .map((s) => ({ start: Math.max(s.start, sentence.start), end: Math.min(s.end, sentence.end) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const s of spans) {
    const last = merged.at(-1);
    // Spans one space apart read as one ("[[called on]]").
    if (
      last &&
      (s.start <= last.end || /^\s+$/.test(text.slice(last.end - sentence.start, s.start - sentence.start)))
    )
      last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  let out = '';
  let at = sentence.start;
  for (const s of merged) {
    out += text.slice(at - sentence.start, s.start - sentence.start);
    out += open + text.slice(s.start - sentence.start, s.end - sentence.start) + close;
    at = s.end;
  }
  return out + text.slice(at - sentence.start);
}

export function splitRule(rule: string): Explanation['rule'] {
  const [head = '', ...notes] = rule.split('; ');
  const space = head.indexOf(' ');
  return space < 0
    ? { id: head, pattern: '', notes }
    : { id: head.slice(0, space), pattern: head.slice(space + 1), notes };
}

export function explainEvent(
  doc: Doc,
  event: EventRecord,
  cameo: CameoTable,
  options: MarkOptions = {},
): Explanation {
  return {
    ref: doc.id === null ? event.id : `${doc.id}:${event.id}`,
    event,
    label: cameo.lookup(event.code)?.label ?? '',
    sentence: event.evidence.text,
    marked: markEvidence(event, options),
    rule: splitRule(event.rule),
  };
}

export function findEvent(doc: Doc, eventId: string): EventRecord {
  const event = doc.events.find((e) => e.id === eventId);
  if (!event) {
    throw new DyadError(
      'DYAD_E_NOT_FOUND',
      `article ${doc.id ?? '(unstored)'} has no event ${eventId} (it has ${doc.events.length} events)`,
    );
  }
  return event;
}
