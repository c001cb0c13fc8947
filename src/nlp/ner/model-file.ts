// The NER model file: a small JSON header (label scheme, feature switches, gazetteer lists, provenance) and the
// pruned weights as column streams of varints (key deltas, label masks, quantised weights), gzip-compressed.

import { gunzipSync, gzipSync } from 'node:zlib';
import type { FeatureOptions } from './features.js';
import type { GazetteerLists } from './gazetteer.js';
import type { TagScheme } from './tags.js';

const MAGIC = 'DYADNER1';

export interface ModelHeader {
  scheme: TagScheme;
  features: FeatureOptions;
  gazetteer: GazetteerLists;
  /** Lower-cased words seen in lower case in the training text (for the `lexicon` feature). */
  lexicon: string[];
  /** Weights are stored as integers × quantum. */
  quantum: number;
  /** Free-form provenance: training data, epochs, threshold, scores. */
  info: Record<string, unknown>;
}

export interface ModelData {
  header: ModelHeader;
  labels: number;
  keys: Int32Array;
  weights: Float32Array;
}

class Writer {
  private buf = new Uint8Array(1 << 16);
  length = 0;

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.length + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  varint(value: number): void {
    this.room(5);
    let v = value >>> 0;
    while (v >= 0x80) {
      this.buf[this.length++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buf[this.length++] = v;
  }

  bytes(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}

class Reader {
  pos = 0;
  constructor(private readonly buf: Uint8Array) {}

  varint(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = this.buf[this.pos++];
      if (b === undefined) throw new Error('truncated model file');
      result |= (b & 0x7f) << shift;
      if (b < 0x80) return result >>> 0;
      shift += 7;
    }
  }
}

const zigzag = (v: number) => ((v << 1) ^ (v >> 31)) >>> 0;
const unzigzag = (v: number) => (v >>> 1) ^ -(v & 1);

/** Serialises a model; the same input always gives the same bytes. */
export function encodeModel(model: ModelData): Buffer {
  const { header, labels, keys, weights } = model;
  const keyStream = new Writer();
  const maskStream = new Writer();
  const weightStream = new Writer();
  let prev = 0;
  for (let r = 0; r < keys.length; r++) {
    const key = (keys[r] as number) >>> 0;
    keyStream.varint(key - prev);
    prev = key;
    let mask = 0;
    for (let l = 0; l < labels; l++) {
      const q = Math.round((weights[r * labels + l] as number) / header.quantum);
      if (q !== 0) {
        mask |= 1 << l;
        weightStream.varint(zigzag(q));
      }
    }
    maskStream.varint(mask);
  }
  const head = Buffer.from(JSON.stringify({ ...header, labels, count: keys.length }), 'utf8');
  const parts = [keyStream.bytes(), maskStream.bytes(), weightStream.bytes()];
  const sizes = Buffer.alloc(16);
  sizes.writeUInt32LE(head.length, 0);
  parts.forEach((p, i) => {
    sizes.writeUInt32LE(p.length, 4 + i * 4);
  });
  const raw = Buffer.concat([Buffer.from(MAGIC, 'latin1'), sizes, head, ...parts]);
  return gzipSync(raw, { level: 9 });
}

export function decodeModel(file: Uint8Array): ModelData {
  const raw = gunzipSync(file);
  if (raw.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) throw new Error('not a Dyad NER model');
  let at = MAGIC.length;
  const headLength = raw.readUInt32LE(at);
  const partLengths = [raw.readUInt32LE(at + 4), raw.readUInt32LE(at + 8), raw.readUInt32LE(at + 12)];
  at += 16;
  const parsed = JSON.parse(raw.subarray(at, at + headLength).toString('utf8')) as ModelHeader & {
    labels: number;
    count: number;
  };
  at += headLength;
  const streams = partLengths.map((len) => {
    const r = new Reader(raw.subarray(at, at + len));
    at += len;
    return r;
  }) as [Reader, Reader, Reader];
  const { labels, count, ...header } = parsed;
  const keys = new Int32Array(count);
  const weights = new Float32Array(count * labels);
  let prev = 0;
  for (let r = 0; r < count; r++) {
    prev = (prev + streams[0].varint()) >>> 0;
    keys[r] = prev | 0;
    const mask = streams[1].varint();
    for (let l = 0; l < labels; l++) {
      if (mask & (1 << l)) weights[r * labels + l] = unzigzag(streams[2].varint()) * header.quantum;
    }
  }
  return { header, labels, keys, weights };
}
