// What web sources (URLs, feeds, WARC files) hand to the ingest and watch jobs: a parsed document or a coded
// error, as for files, plus what the job records once the document is stored (its URLs, fetch validators, the
// feed item it came from).

import type { Doc } from '../../document/index.js';
import { DyadError } from '../../errors.js';
import type { FetchRecord, Store } from '../../store/store.js';
import { type ArticleDraft, buildDoc } from '../draft.js';
import type { ParsedItem } from '../parse.js';
import { type DateContext, resolvePublished } from '../published.js';
import type { Fetcher } from './fetcher.js';

export interface WebItem extends ParsedItem {
  /** Nothing new to store: the source answered 304, or the item's page is already stored (that document). */
  unchanged?: { reason: 'not-modified' | 'known-url'; id?: number };
  /** Normalised URLs that name the document, for canonical-URL dedupe. */
  urls?: string[];
  /** Validators to record once the document is stored, so that the next fetch is conditional. */
  fetched?: FetchRecord;
  /** The feed item this came from, marked as taken once handled. */
  feedItem?: { feedUrl: string; key: string };
}

export interface WebContext {
  fetcher: Fetcher;
  store: Store;
  /** --date for articles that state none. */
  date?: DateContext['option'];
  signal?: AbortSignal;
  /** Records over this size in a WARC file are skipped with DYAD_E_TOO_LARGE (bytes). */
  maxBytes?: number;
}

/** Finishes a draft as parse.ts does for files: publication date resolved, text fixed; no text is an error. */
export function draftItem(
  draft: ArticleDraft,
  origin: string,
  date: DateContext['option'],
  extra: Omit<WebItem, 'origin'> = {},
): WebItem {
  resolvePublished(draft, { option: date, mtime: null });
  const doc: Doc = buildDoc(draft);
  if (doc.text.length === 0) {
    return { ...extra, origin, error: new DyadError('DYAD_E_EMPTY', 'no article text found', { origin }) };
  }
  return { ...extra, origin, doc };
}

/** The fetch record to keep for a URL after a 200, when the server gave validators to ask with next time. */
export function fetchRecordOf(
  url: string,
  res: { status: number; etag: string | null; lastModified: string | null },
): FetchRecord | undefined {
  if (!res.etag && !res.lastModified) return undefined;
  return {
    url,
    etag: res.etag,
    lastModified: res.lastModified,
    status: res.status,
    fetchedAt: new Date().toISOString(),
  };
}

/** A canonical link to a site's home page is a template mistake, not the article's address. */
export function usableCanonical(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).pathname.replace(/\/+$/, '') === '' ? null : url;
  } catch {
    return null;
  }
}

/** { key: value } when the value is defined, else {} (exactOptionalPropertyTypes forbids key: undefined). */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

/** After the job has handled an item: keep its fetch validators and mark its feed item as taken. */
export async function settleItem(store: Store, item: WebItem, documentId: number | null): Promise<void> {
  if (item.fetched && documentId !== null) await store.putFetchRecord(item.fetched);
  if (item.feedItem) await store.markFeedItem(item.feedItem.feedUrl, item.feedItem.key, documentId);
}
