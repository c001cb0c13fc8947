// Entity tags: the four CoNLL types, chunking of BIO/IOB1 tag sequences with conlleval's rules, and the label
// inventories the tagger decodes in (BIO, or BILOU which marks entity ends and single-token entities).

export const NER_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type NerType = (typeof NER_TYPES)[number];

/** An entity over token indices, `end` exclusive. */
export interface NerSpan {
  start: number;
  end: number;
  type: NerType;
}

export function isNerType(s: string): s is NerType {
  return (NER_TYPES as readonly string[]).includes(s);
}

function prefixOf(tag: string): string {
  return tag === 'O' || tag.length < 2 || tag[1] !== '-' ? 'O' : (tag[0] as string);
}

function typeOf(tag: string): string {
  return tag.length > 2 && tag[1] === '-' ? tag.slice(2) : '';
}

/**
 * Chunks of a BIO or IOB1 tag sequence by conlleval's start/end rules: an I- after O or after another type
 * starts a chunk, so ill-formed sequences are read the way the official scorer reads them. Types outside the
 * four are skipped.
 */
export function tagsToSpans(tags: readonly string[]): NerSpan[] {
  const spans: NerSpan[] = [];
  let start = -1;
  let current = '';
  for (let i = 0; i <= tags.length; i++) {
    const tag = i < tags.length ? (tags[i] as string) : 'O';
    const prefix = prefixOf(tag);
    const type = prefix === 'O' ? '' : typeOf(tag);
    const starts = prefix === 'B' || (prefix !== 'O' && (start < 0 || type !== current));
    if (start >= 0 && (prefix === 'O' || starts)) {
      if (isNerType(current)) spans.push({ start, end: i, type: current });
      start = -1;
      current = '';
    }
    if (starts) {
      start = i;
      current = type;
    }
  }
  return spans;
}

/** IOB1 (B- only between two adjacent chunks of one type) to BIO (B- at every chunk start). */
export function iob1ToBio(tags: readonly string[]): string[] {
  const out = new Array<string>(tags.length).fill('O');
  for (const span of tagsToSpans(tags)) {
    out[span.start] = `B-${span.type}`;
    for (let i = span.start + 1; i < span.end; i++) out[i] = `I-${span.type}`;
  }
  return out;
}

export function spansToBio(spans: readonly NerSpan[], length: number): string[] {
  const out = new Array<string>(length).fill('O');
  for (const span of spans) {
    out[span.start] = `B-${span.type}`;
    for (let i = span.start + 1; i < span.end; i++) out[i] = `I-${span.type}`;
  }
  return out;
}

export type TagScheme = 'BIO' | 'BILOU';

/**
 * A label inventory: label 0 is O; each type has B/I (BIO) or B/I/L/U (BILOU). `allowed[prev * n + next]`
 * says whether `next` may follow `prev`; label index `n` stands for the sentence start.
 */
export class LabelSet {
  readonly labels: string[];
  readonly size: number;
  readonly allowed: Uint8Array;
  readonly allowedEnd: Uint8Array;
  /** Per label: the BIO tag it decodes to. */
  readonly bio: string[];
  private readonly index = new Map<string, number>();

  constructor(readonly scheme: TagScheme) {
    const parts = scheme === 'BIO' ? ['B', 'I'] : ['B', 'I', 'L', 'U'];
    this.labels = ['O'];
    for (const type of NER_TYPES) for (const p of parts) this.labels.push(`${p}-${type}`);
    this.size = this.labels.length;
    this.labels.forEach((l, i) => {
      this.index.set(l, i);
    });
    this.bio = this.labels.map((l) =>
      l[0] === 'L' ? `I${l.slice(1)}` : l[0] === 'U' ? `B${l.slice(1)}` : l,
    );
    const n = this.size;
    this.allowed = new Uint8Array((n + 1) * n);
    this.allowedEnd = new Uint8Array(n);
    for (let prev = 0; prev <= n; prev++) {
      const p = prev === n ? 'START' : (this.labels[prev] as string);
      for (let next = 0; next < n; next++) {
        this.allowed[prev * n + next] = this.follows(p, this.labels[next] as string) ? 1 : 0;
      }
    }
    for (let l = 0; l < n; l++) {
      const label = this.labels[l] as string;
      // Under BILOU a sentence cannot end inside an entity.
      this.allowedEnd[l] = scheme === 'BIO' || label === 'O' || label[0] === 'L' || label[0] === 'U' ? 1 : 0;
    }
  }

  private follows(prev: string, next: string): boolean {
    const open = prev !== 'START' && (prev[0] === 'B' || prev[0] === 'I');
    const continues = next[0] === 'I' || next[0] === 'L';
    if (this.scheme === 'BIO') return !continues || (open && typeOf(prev) === typeOf(next));
    // BILOU: an open entity must continue with I/L of its type; otherwise only O, B or U.
    if (open) return continues && typeOf(prev) === typeOf(next);
    return !continues;
  }

  id(label: string): number {
    return this.index.get(label) ?? 0;
  }

  /** Labels of this scheme for a sentence's spans. */
  encode(spans: readonly NerSpan[], length: number): Uint8Array {
    const out = new Uint8Array(length);
    for (const s of spans) {
      const single = s.end - s.start === 1;
      if (this.scheme === 'BILOU' && single) {
        out[s.start] = this.id(`U-${s.type}`);
        continue;
      }
      out[s.start] = this.id(`B-${s.type}`);
      for (let i = s.start + 1; i < s.end; i++) out[i] = this.id(`I-${s.type}`);
      if (this.scheme === 'BILOU') out[s.end - 1] = this.id(`L-${s.type}`);
    }
    return out;
  }
}
