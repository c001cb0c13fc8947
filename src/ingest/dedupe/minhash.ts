// Near-duplicate fingerprints: MinHash over word 4-shingles estimates the Jaccard similarity of two texts, and
// LSH banding (32 bands of 4 hashes) finds the stored texts worth comparing without looking at all of them.

/** Words per shingle: long enough that shared shingles mean shared sentences, short enough to survive edits. */
export const SHINGLE_WORDS = 4;
export const NUM_HASHES = 128;
export const BANDS = 32;
export const ROWS_PER_BAND = NUM_HASHES / BANDS;
/** Texts whose estimated Jaccard similarity reaches this are the same story. */
export const NEAR_DUPLICATE_THRESHOLD = 0.5;
export const METHOD = `minhash-${NUM_HASHES}-w${SHINGLE_WORDS}`;

/** Lower-cased words (letters and digits), the unit of shingles; punctuation and layout do not count. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** 32-bit FNV-1a of a string. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The murmur3 finaliser: a bijective mix of 32 bits, used with a per-hash seed as the hash family. */
function mix(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS: Uint32Array = (() => {
  const seeds = new Uint32Array(NUM_HASHES);
  let s = 0x9e3779b9;
  for (let i = 0; i < NUM_HASHES; i++) {
    s = mix(s + 0x6d2b79f5);
    seeds[i] = s;
  }
  return seeds;
})();

/** The distinct shingle hashes of a text; a text shorter than one shingle is one shingle of all its words. */
export function shingles(text: string): Uint32Array {
  const w = words(text);
  const out = new Set<number>();
  if (w.length === 0) return new Uint32Array(0);
  if (w.length < SHINGLE_WORDS) out.add(fnv1a(w.join(' ')));
  for (let i = 0; i + SHINGLE_WORDS <= w.length; i++) out.add(fnv1a(w.slice(i, i + SHINGLE_WORDS).join(' ')));
  return Uint32Array.from(out);
}

/** The MinHash signature of a text; null when the text has no words. */
export function signature(text: string): Uint32Array | null {
  const set = shingles(text);
  if (set.length === 0) return null;
  const sig = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  for (const x of set) {
    for (let i = 0; i < NUM_HASHES; i++) {
      const h = mix(x ^ (SEEDS[i] as number));
      if (h < (sig[i] as number)) sig[i] = h;
    }
  }
  return sig;
}

/** The estimated Jaccard similarity of two signatures: the share of positions where they agree. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return same / n;
}

/** LSH band keys: each band's hashes folded to 32 bits, offset by the band number so bands never collide. */
export function bandKeys(sig: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5;
    for (let r = 0; r < ROWS_PER_BAND; r++) h = mix((h ^ (sig[b * ROWS_PER_BAND + r] as number)) >>> 0);
    keys.push(b * 2 ** 32 + h);
  }
  return keys;
}

/** A signature as bytes for the store (little-endian), and back. */
export function signatureBytes(sig: Uint32Array): Uint8Array {
  const bytes = new Uint8Array(sig.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < sig.length; i++) view.setUint32(i * 4, sig[i] as number, true);
  return bytes;
}

export function signatureFromBytes(bytes: Uint8Array): Uint32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sig = new Uint32Array(Math.floor(bytes.byteLength / 4));
  for (let i = 0; i < sig.length; i++) sig[i] = view.getUint32(i * 4, true);
  return sig;
}
