// Feature weight tables keyed by 32-bit feature hashes: a frozen one for tagging (open addressing, one row of
// label weights per feature) and a growable one for training (current weights and averaging sums).

export class WeightTable {
  private readonly mask: number;
  private readonly slots: Int32Array;
  private readonly rowOf: Int32Array;

  /** `keys[r]` owns `weights[r * labels … (r + 1) * labels)`. */
  constructor(
    readonly keys: Int32Array,
    readonly weights: Float32Array,
    readonly labels: number,
  ) {
    let cap = 16;
    while (cap < keys.length * 2) cap <<= 1;
    this.mask = cap - 1;
    this.slots = new Int32Array(cap);
    this.rowOf = new Int32Array(cap);
    for (let r = 0; r < keys.length; r++) {
      const key = keys[r] as number;
      let s = key & this.mask;
      while (this.slots[s] !== 0 && this.slots[s] !== key) s = (s + 1) & this.mask;
      this.slots[s] = key;
      this.rowOf[s] = r;
    }
  }

  get size(): number {
    return this.keys.length;
  }

  /** Adds the rows of features `feats[from … to)` to `scores`. */
  score(feats: Int32Array, from: number, to: number, scores: Float64Array): void {
    const { slots, rowOf, weights, labels, mask } = this;
    for (let f = from; f < to; f++) {
      const key = feats[f] as number;
      let s = key & mask;
      let cur = slots[s] as number;
      while (cur !== key) {
        if (cur === 0) break;
        s = (s + 1) & mask;
        cur = slots[s] as number;
      }
      if (cur === 0) continue;
      const base = (rowOf[s] as number) * labels;
      for (let l = 0; l < labels; l++) scores[l] = (scores[l] as number) + (weights[base + l] as number);
    }
  }
}

/** Growable table for the averaged perceptron: w (current) and u (sum of timestamp × update, Daumé's trick). */
export class TrainTable {
  private mask: number;
  private slots: Int32Array;
  private rowOf: Int32Array;
  keys: Int32Array;
  w: Float64Array;
  u: Float64Array;
  size = 0;

  constructor(readonly labels: number) {
    const cap = 1 << 16;
    this.mask = cap - 1;
    this.slots = new Int32Array(cap);
    this.rowOf = new Int32Array(cap);
    this.keys = new Int32Array(cap >> 1);
    this.w = new Float64Array((cap >> 1) * labels);
    this.u = new Float64Array((cap >> 1) * labels);
  }

  find(key: number): number {
    let s = key & this.mask;
    for (;;) {
      const cur = this.slots[s] as number;
      if (cur === key) return this.rowOf[s] as number;
      if (cur === 0) return -1;
      s = (s + 1) & this.mask;
    }
  }

  row(key: number): number {
    const found = this.find(key);
    if (found >= 0) return found;
    if (this.size >= this.keys.length) this.grow();
    let s = key & this.mask;
    while (this.slots[s] !== 0) s = (s + 1) & this.mask;
    const r = this.size++;
    this.slots[s] = key;
    this.rowOf[s] = r;
    this.keys[r] = key;
    return r;
  }

  private grow(): void {
    const cap = (this.mask + 1) * 2;
    this.mask = cap - 1;
    this.slots = new Int32Array(cap);
    this.rowOf = new Int32Array(cap);
    const keys = new Int32Array(cap >> 1);
    keys.set(this.keys);
    this.keys = keys;
    const w = new Float64Array((cap >> 1) * this.labels);
    w.set(this.w);
    this.w = w;
    const u = new Float64Array((cap >> 1) * this.labels);
    u.set(this.u);
    this.u = u;
    for (let r = 0; r < this.size; r++) {
      const key = this.keys[r] as number;
      let s = key & this.mask;
      while (this.slots[s] !== 0) s = (s + 1) & this.mask;
      this.slots[s] = key;
      this.rowOf[s] = r;
    }
  }

  score(feats: Int32Array, from: number, to: number, scores: Float64Array): void {
    const { labels, w } = this;
    for (let f = from; f < to; f++) {
      const r = this.find(feats[f] as number);
      if (r < 0) continue;
      const base = r * labels;
      for (let l = 0; l < labels; l++) scores[l] = (scores[l] as number) + (w[base + l] as number);
    }
  }

  update(feats: Int32Array, from: number, to: number, label: number, delta: number, time: number): void {
    const { labels } = this;
    for (let f = from; f < to; f++) {
      const idx = this.row(feats[f] as number) * labels + label;
      this.w[idx] = (this.w[idx] as number) + delta;
      this.u[idx] = (this.u[idx] as number) + time * delta;
    }
  }

  /** Averaged weights, with |w| < `threshold` dropped and all-zero features left out; keys sorted. */
  averaged(time: number, threshold: number): { keys: Int32Array; weights: Float32Array } {
    const { labels } = this;
    const order: number[] = [];
    const avg = new Float32Array(this.size * labels);
    for (let r = 0; r < this.size; r++) {
      let any = false;
      for (let l = 0; l < labels; l++) {
        const idx = r * labels + l;
        const v = (this.w[idx] as number) - (this.u[idx] as number) / time;
        if (Math.abs(v) >= threshold && v !== 0) {
          avg[idx] = v;
          any = true;
        }
      }
      if (any) order.push(r);
    }
    // Sorting by unsigned key makes the model bytes independent of training-time insertion order.
    order.sort((a, b) => ((this.keys[a] as number) >>> 0) - ((this.keys[b] as number) >>> 0));
    const keys = new Int32Array(order.length);
    const weights = new Float32Array(order.length * labels);
    order.forEach((r, i) => {
      keys[i] = this.keys[r] as number;
      weights.set(avg.subarray(r * labels, (r + 1) * labels), i * labels);
    });
    return { keys, weights };
  }
}
