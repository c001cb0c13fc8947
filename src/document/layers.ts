// The record types of a Doc's layers. Every offset is a UTF-16 index into `doc.text`, half-open [start, end).

export interface Span {
  start: number;
  end: number;
}

export type DateSource = 'metadata' | 'option' | 'text' | 'file-name' | 'file-mtime' | 'unknown';

export interface Meta {
  title: string | null;
  authors: string[];
  site: string | null;
  url: string | null;
  canonicalUrl: string | null;
  /** ISO date (YYYY-MM-DD) or date-time. */
  published: string | null;
  dateSource: DateSource;
  modified: string | null;
  dateline: string | null;
  standfirst: string | null;
  language: string | null;
  truncated: boolean;
  contentHash: string;
  /** Where the document came from: a file path (and line for JSON Lines), a URL, or "-" for stdin. */
  origin: string | null;
  /** The input format that produced it: scraped-text, plain-text, markdown, json, jsonl, html … */
  format: string | null;
  section: string | null;
  keywords: string[];
  image: string | null;
}

export type ParagraphKind = 'body' | 'heading';

export interface Paragraph extends Span {
  kind: ParagraphKind;
}

export type Sentence = Span;

export interface Token extends Span {
  pos: string;
}

export type EntityType = 'PER' | 'ORG' | 'LOC' | 'GPE' | 'MISC' | 'NORP' | 'ROLE';

export interface MentionRef extends Span {
  text: string;
}

export interface Mention extends MentionRef {
  type: EntityType;
  /** The actor this mention resolves to, if any. */
  actorId: string | null;
  /** How the mention was found: kb, ner, role, alias, pronoun … */
  via: string;
  /**
   * The CAMEO code this mention itself carries when it says more than its actor's ("Ruritanian police" → RURCOP,
   * though its actor is Ruritania, RUR; "the country's army" → IRQMIL).
   */
  code?: string;
}

export interface Actor {
  id: string;
  name: string;
  code: string;
  type: EntityType;
  kbId: string | null;
  mentions: MentionRef[];
}

export interface Timex extends MentionRef {
  /** TIMEX3 value: 2020-01-08, 2018, 2020-W02, P5D, 2009/2013 … */
  value: string;
  granularity: string;
  /** TIMEX3 type: DATE, TIME, DURATION or SET. */
  type?: string;
  /** The rule that found it. */
  rule?: string;
}

export interface Place extends MentionRef {
  name: string;
  kind: string;
  country: string | null;
  lat: number | null;
  lon: number | null;
  /**
   * "text" for a place named in the body; "dateline" for the dateline's place, which is not part of the text:
   * its span is zero-width at offset 0 and `text` holds the dateline.
   */
  source?: 'text' | 'dateline';
}

export interface ActorRef {
  actorId: string | null;
  code: string;
  name: string;
}

export interface Speaker extends ActorRef, Span {}

export interface Quote extends MentionRef {
  kind: 'direct' | 'partial' | 'indirect';
  cue: MentionRef | null;
  speaker: Speaker | null;
}

export interface EventRecord {
  id: string;
  code: string;
  root: string;
  plover: { type: string; mode: string | null };
  quadClass: number;
  goldstein: number;
  source: ActorRef | null;
  target: ActorRef | null;
  date: { value: string; granularity: string } | null;
  place: { name: string; country: string | null; lat: number | null; lon: number | null } | null;
  negated: boolean;
  modality: string | null;
  evidence: { sentence: Span; text: string; spans: MentionRef[] };
  rule: string;
  confidence: number;
  mentions: number;
}

export type MessageLevel = 'error' | 'warning' | 'info';

export interface Message {
  level: MessageLevel;
  code: string;
  message: string;
  stage: string;
  start?: number;
  end?: number;
}

/** The names of a Doc's layers, as stages declare them in `requires` and `adds`. */
export const LAYER_NAMES = [
  'text',
  'meta',
  'paragraphs',
  'sentences',
  'tokens',
  'mentions',
  'actors',
  'timexes',
  'places',
  'quotes',
  'events',
  'tone',
] as const;

export type LayerName = (typeof LAYER_NAMES)[number];
