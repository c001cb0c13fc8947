// 32-bit string and integer hashing for the NER features: features are keyed by numbers, never by strings,
// so that tagging allocates no per-feature strings.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over UTF-16 code units, from `seed` (so a hash can be continued). */
export function hashString(s: string, seed = FNV_OFFSET): number {
  let h = seed | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** Continues an FNV-1a hash with one code unit. */
export function hashChar(h: number, c: number): number {
  return Math.imul(h ^ c, FNV_PRIME);
}

export const HASH_SEED = FNV_OFFSET;

/** Combines two 32-bit values into a well-mixed key (murmur3's finaliser over a multiply-xor). */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  // 0 marks an empty slot in the feature table.
  return h === 0 ? 1 : h;
}

export function mix3(a: number, b: number, c: number): number {
  return mix(mix(a, b), c);
}
