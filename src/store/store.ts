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

/** What the last fetch of a URL left behind, so that the next fetch can be conditional. */
export interface FetchRecord {
  url: string;
  etag: string | null;
  lastModified: string | null;
  status: number;
  fetchedAt: string;
}

/** A polled feed: its validators and how the last poll went ('ok', 'not-modified' or an error code). */
export interface FeedState {
  url: string;
  title: string | null;
  etag: string | null;
  lastModified: string | null;
  lastPolledAt: string | null;
  lastStatus: string | null;
  lastError: string | null;
}

/** A document's near-duplicate fingerprint: a MinHash signature and the LSH band keys that find candidates. */
export interface Fingerprint {
  signature: Uint8Array;
  bands: readonly number[];
}

export interface NearDuplicateCandidate {
  id: number;
  signature: Uint8Array;
}

/** A near-duplicate link seen from one document: the other is its original, or a later copy of it. */
export interface NearDuplicateLink {
  id: number;
  relation: 'duplicate-of' | 'duplicated-by';
  similarity: number;
  method: string;
}

/** Facts written with a document in its transaction. */
export interface PutExtras {
  /** URLs that name the document (fetched, final, canonical); recorded even when it is a duplicate. */
  urls?: readonly string[];
  fingerprint?: Fingerprint;
  nearDuplicateOf?: { id: number; similarity: number; method: string };
}

export interface Store {
  /** "sqlite" or "postgres". */
  readonly kind: string;
  /** The file path or URL the store was opened on. */
  readonly location: string;
  /** Stores a document in one transaction; a document whose content hash is already stored is not added again. */
  putDoc(doc: Doc, config: PipelineConfig, extras?: PutExtras): Promise<PutResult>;
  /** The id of the stored document with this content hash, or null. */
  findByHash(contentHash: string): Promise<number | null>;
  /** The id of the stored document a URL names (as given in PutExtras.urls), or null. */
  findByUrl(url: string): Promise<number | null>;
  getDoc(id: number): Promise<Doc | null>;
  listArticles(options?: ListOptions): Promise<ArticleSummary[]>;
  countArticles(): Promise<number>;
  /** Full-text search over titles and text, best matches first. */
  search(query: string, options?: ListOptions): Promise<SearchHit[]>;
  getFetchRecord(url: string): Promise<FetchRecord | null>;
  putFetchRecord(record: FetchRecord): Promise<void>;
  getFeedState(url: string): Promise<FeedState | null>;
  putFeedState(state: FeedState): Promise<void>;
  /** Which of these item keys were already taken from the feed. */
  seenFeedItems(feedUrl: string, keys: readonly string[]): Promise<string[]>;
  markFeedItem(feedUrl: string, key: string, documentId: number | null): Promise<void>;
  /** Stored documents sharing at least one LSH band with the fingerprint, most shared bands first. */
  nearDuplicateCandidates(bands: readonly number[], options?: ListOptions): Promise<NearDuplicateCandidate[]>;
  /** The near-duplicate links of a document, in both directions, most similar first. */
  nearDuplicates(id: number): Promise<NearDuplicateLink[]>;
  close(): Promise<void>;
}

export const DEFAULT_DB = './dyad.db';
