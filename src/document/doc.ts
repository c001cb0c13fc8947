// The Doc: one article's fixed text plus the layers that stages add, all pointing into the text by offset.
// This module imports nothing else of the project; every surface serialises a Doc through toJSON/fromJSON.

import type {
  Actor,
  EventRecord,
  Mention,
  Message,
  MessageLevel,
  Meta,
  Paragraph,
  Place,
  Quote,
  Sentence,
  Span,
  Timex,
  Token,
} from './layers.js';
import { TokenTable } from './token-table.js';

export function emptyMeta(contentHash = ''): Meta {
  return {
    title: null,
    authors: [],
    site: null,
    url: null,
    canonicalUrl: null,
    published: null,
    dateSource: 'unknown',
    modified: null,
    dateline: null,
    standfirst: null,
    language: null,
    truncated: false,
    contentHash,
    origin: null,
    format: null,
    section: null,
    keywords: [],
    image: null,
  };
}

export interface DocJSON {
  id: number | null;
  text: string;
  meta: Meta;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  tokens?: Token[];
  mentions: Mention[];
  actors: Actor[];
  events: EventRecord[];
  quotes: Quote[];
  timexes: Timex[];
  places: Place[];
  tone: number | null;
  messages: Message[];
}

export interface ToJSONOptions {
  /** Include the token layer (large); off by default. */
  tokens?: boolean;
}

export class Doc {
  id: number | null = null;
  readonly text: string;
  meta: Meta;
  paragraphs: Paragraph[] = [];
  sentences: Sentence[] = [];
  tokens: TokenTable = new TokenTable();
  mentions: Mention[] = [];
  actors: Actor[] = [];
  timexes: Timex[] = [];
  places: Place[] = [];
  quotes: Quote[] = [];
  events: EventRecord[] = [];
  tone: number | null = null;
  messages: Message[] = [];

  constructor(text: string, meta: Meta) {
    this.text = text;
    this.meta = meta;
  }

  spanText(span: Span): string {
    return this.text.slice(span.start, span.end);
  }

  /** The index of the sentence holding `offset`, or -1 (binary search over the sorted sentence layer). */
  sentenceIndexOf(offset: number): number {
    let lo = 0;
    let hi = this.sentences.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const s = this.sentences[mid] as Sentence;
      if (offset < s.start) hi = mid - 1;
      else if (offset >= s.end) lo = mid + 1;
      else return mid;
    }
    return -1;
  }

  sentenceOf(offset: number): Sentence | null {
    return this.sentences[this.sentenceIndexOf(offset)] ?? null;
  }

  paragraphOf(offset: number): Paragraph | null {
    return this.paragraphs.find((p) => offset >= p.start && offset < p.end) ?? null;
  }

  /** The body text without headings, paragraph by paragraph. */
  bodyParagraphs(): Paragraph[] {
    return this.paragraphs.filter((p) => p.kind === 'body');
  }

  addMessage(message: Message): void {
    this.messages.push(message);
  }

  message(level: MessageLevel, code: string, text: string, stage: string, span?: Span): void {
    const m: Message = { level, code, message: text, stage };
    if (span) {
      m.start = span.start;
      m.end = span.end;
    }
    this.messages.push(m);
  }

  toJSON(options: ToJSONOptions = {}): DocJSON {
    const json: DocJSON = {
      id: this.id,
      text: this.text,
      meta: this.meta,
      paragraphs: this.paragraphs,
      sentences: this.sentences,
      mentions: this.mentions,
      actors: this.actors,
      events: this.events,
      quotes: this.quotes,
      timexes: this.timexes,
      places: this.places,
      tone: this.tone,
      messages: this.messages,
    };
    if (options.tokens) json.tokens = this.tokens.toArray();
    return json;
  }

  static fromJSON(json: DocJSON): Doc {
    const doc = new Doc(json.text, { ...emptyMeta(), ...json.meta });
    doc.id = json.id ?? null;
    doc.paragraphs = json.paragraphs ?? [];
    doc.sentences = json.sentences ?? [];
    doc.tokens = TokenTable.fromArray(json.tokens ?? []);
    doc.mentions = json.mentions ?? [];
    doc.actors = json.actors ?? [];
    doc.events = json.events ?? [];
    doc.quotes = json.quotes ?? [];
    doc.timexes = json.timexes ?? [];
    doc.places = json.places ?? [];
    doc.tone = json.tone ?? null;
    doc.messages = json.messages ?? [];
    return doc;
  }
}
