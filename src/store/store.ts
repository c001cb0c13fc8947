// The Store interface: the one contract every backend (SQLite now, PostgreSQL later) meets, tested by the same
// contract suite. Nothing outside src/store knows which backend it talks to.

import type { Doc } from '../document/index.js';
import type { PipelineConfig } from '../pipeline/runner.js';

export interface ArticleSummary {
  id: number;
  title: string | null;
  site: string | null;
  url: string | null;
  published: string | null;
  ingestedAt: string;
}

export interface SearchHit extends ArticleSummary {
  /** A short extract around the matching words, matches marked with [ ]. */
  snippet: string;
}

export interface PutResult {
  id: number;
  status: 'stored' | 'duplicate';
}

export interface ListOptions {
  limit?: number;
  offset?: number;
}

export interface Store {
  /** "sqlite" or "postgres". */
  readonly kind: string;
  /** The file path or URL the store was opened on. */
  readonly location: string;
  /** Stores a document in one transaction; a document whose content hash is already stored is not added again. */
  putDoc(doc: Doc, config: PipelineConfig): Promise<PutResult>;
  /** The id of the stored document with this content hash, or null. */
  findByHash(contentHash: string): Promise<number | null>;
  getDoc(id: number): Promise<Doc | null>;
  listArticles(options?: ListOptions): Promise<ArticleSummary[]>;
  countArticles(): Promise<number>;
  /** Full-text search over titles and text, best matches first. */
  search(query: string, options?: ListOptions): Promise<SearchHit[]>;
  close(): Promise<void>;
}

export const DEFAULT_DB = './dyad.db';
