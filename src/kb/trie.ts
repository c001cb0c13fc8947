// A phrase trie over lower-cased word keys: each node may carry entries (what the phrase names), each with a
// per-word case rule, so "US" does not match "us" and "Turkey" does not match "turkey". Longest match wins.

import { type CaseRule, caseFits } from './phrase.js';

export interface TrieEntryBase {
  /** One case rule per word of the phrase. */
  cases: string;
  /** Layer index: 0 built-in, higher = user layers above it. */
  layer: number;
}

interface Node<E> {
  next: Map<string, Node<E>> | null;
  entries: E[] | null;
}

export interface TrieMatch<E> {
  /** Word index after the last matched word. */
  end: number;
  entries: E[];
}

export class PhraseTrie<E extends TrieEntryBase> {
  private readonly root = new Map<string, Node<E>>();
  size = 0;

  /**
   * Adds a phrase (its word keys). An entry from a higher layer hides the lower layers' entries of the same
   * phrase; entries of one layer accumulate.
   */
  add(keys: readonly string[], entry: E): void {
    if (keys.length === 0) return;
    let map = this.root;
    let node: Node<E> | undefined;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k] as string;
      node = map.get(key);
      if (!node) {
        node = { next: null, entries: null };
        map.set(key, node);
      }
      if (k < keys.length - 1) map = node.next ??= new Map();
    }
    const last = node as Node<E>;
    if (!last.entries) {
      last.entries = [entry];
      this.size++;
      return;
    }
    const top = last.entries[0]?.layer ?? 0;
    if (entry.layer > top) last.entries = [entry];
    else if (entry.layer === top) last.entries.push(entry);
  }

  /** Whether any phrase starts with this word. */
  starts(key: string): boolean {
    return this.root.has(key);
  }

  /** The entries of exactly this phrase (no case check). */
  get(keys: readonly string[]): E[] {
    let map: Map<string, Node<E>> | null = this.root;
    let node: Node<E> | undefined;
    for (const key of keys) {
      node = map?.get(key);
      if (!node) return [];
      map = node.next;
    }
    return node?.entries ?? [];
  }

  /**
   * The longest phrase starting at word `from` (and ending by `limit`) with at least one entry whose case rules
   * fit the words' case classes; only the fitting entries are returned.
   */
  longest(
    keys: readonly string[],
    caseClass: ArrayLike<number>,
    from: number,
    limit: number,
    accept?: (entry: E) => boolean,
  ): TrieMatch<E> | null {
    let map: Map<string, Node<E>> | null = this.root;
    let best: TrieMatch<E> | null = null;
    for (let i = from; i < limit && map; i++) {
      const node = map.get(keys[i] as string);
      if (!node) break;
      if (node.entries) {
        const fit: E[] = [];
        for (const e of node.entries) {
          if (accept && !accept(e)) continue;
          if (fits(e.cases, caseClass, from)) fit.push(e);
        }
        if (fit.length > 0) best = { end: i + 1, entries: fit };
      }
      map = node.next;
    }
    return best;
  }
}

function fits(cases: string, caseClass: ArrayLike<number>, from: number): boolean {
  for (let j = 0; j < cases.length; j++) {
    if (!caseFits(cases[j] as CaseRule, caseClass[from + j] as number)) return false;
  }
  return true;
}
