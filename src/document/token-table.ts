// Compact token storage: offsets and part-of-speech ids in typed arrays, so a million tokens cost ~9 MB
// rather than a million objects. Records are materialised only on demand (JSON output, tests).

import type { Token } from './layers.js';

/** Universal POS tags (as wink-nlp and most taggers emit them); index = stored id. */
export const POS_TAGS = [
  'X',
  'ADJ',
  'ADP',
  'ADV',
  'AUX',
  'CCONJ',
  'DET',
  'INTJ',
  'NOUN',
  'NUM',
  'PART',
  'PRON',
  'PROPN',
  'PUNCT',
  'SCONJ',
  'SYM',
  'VERB',
  'SPACE',
] as const;

export type PosTag = (typeof POS_TAGS)[number];

const POS_ID = new Map<string, number>(POS_TAGS.map((tag, i) => [tag, i]));

export function posId(tag: string): number {
  return POS_ID.get(tag) ?? 0;
}

export class TokenTable {
  starts: Uint32Array;
  ends: Uint32Array;
  pos: Uint8Array;
  length = 0;

  constructor(capacity = 64) {
    this.starts = new Uint32Array(capacity);
    this.ends = new Uint32Array(capacity);
    this.pos = new Uint8Array(capacity);
  }

  push(start: number, end: number, pos: number): void {
    if (this.length === this.starts.length) this.grow();
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.pos[this.length] = pos;
    this.length++;
  }

  start(i: number): number {
    return this.starts[i] as number;
  }

  end(i: number): number {
    return this.ends[i] as number;
  }

  posTag(i: number): PosTag {
    return POS_TAGS[this.pos[i] as number] ?? 'X';
  }

  /** Index of the first token whose end is after `offset` (binary search). */
  indexAt(offset: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.ends[mid] as number) <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  get(i: number): Token {
    return { start: this.start(i), end: this.end(i), pos: this.posTag(i) };
  }

  toArray(): Token[] {
    const out: Token[] = new Array(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.get(i);
    return out;
  }

  /** Packs the table into bytes (starts, ends as little-endian uint32, then pos ids) for storage. */
  toBytes(): Uint8Array {
    const n = this.length;
    const out = new Uint8Array(n * 9);
    const view = new DataView(out.buffer);
    for (let i = 0; i < n; i++) {
      view.setUint32(i * 4, this.starts[i] as number, true);
      view.setUint32(n * 4 + i * 4, this.ends[i] as number, true);
    }
    out.set(this.pos.subarray(0, n), n * 8);
    return out;
  }

  static fromBytes(bytes: Uint8Array): TokenTable {
    const n = Math.floor(bytes.length / 9);
    const table = new TokenTable(Math.max(n, 1));
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < n; i++) {
      table.push(
        view.getUint32(i * 4, true),
        view.getUint32(n * 4 + i * 4, true),
        bytes[n * 8 + i] as number,
      );
    }
    return table;
  }

  static fromArray(tokens: readonly Token[]): TokenTable {
    const table = new TokenTable(Math.max(tokens.length, 1));
    for (const t of tokens) table.push(t.start, t.end, posId(t.pos));
    return table;
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const starts = new Uint32Array(size);
    const ends = new Uint32Array(size);
    const pos = new Uint8Array(size);
    starts.set(this.starts);
    ends.set(this.ends);
    pos.set(this.pos);
    this.starts = starts;
    this.ends = ends;
    this.pos = pos;
  }
}
