// A feed → documents: the feed fetched conditionally (its validators kept in the store), items already taken
// skipped, each new item's page fetched and extracted, falling back to the item's own content when the page
// cannot be had; the feed's dates and authors fill what the page leaves out.

import { DyadError, toDyadError } from '../../errors.js';
import type { FeedState } from '../../store/store.js';
import { type ArticleDraft, emptyDraft, siteOf } from '../draft.js';
import type { FetchResult } from '../fetch/fetcher.js';
import { extractPage, fragmentParagraphs } from '../fetch/html-adapter.js';
import { normalizeUrl, urlKeys } from '../fetch/url.js';
import {
  draftItem,
  fetchRecordOf,
  optional,
  usableCanonical,
  type WebContext,
  type WebItem,
} from '../fetch/web-item.js';
import { type FeedItem, type ParsedFeed, parseFeedText, parseOpmlText, sniffFeed } from './parse-feed.js';

/** What a feed's poll came to, for progress lines. */
export interface FeedEvent {
  feedUrl: string;
  phase: 'fetching' | 'not-modified' | 'items' | 'failed';
  title?: string | null;
  /** Items in the feed, and how many of them were not taken before. */
  total?: number;
  fresh?: number;
  error?: DyadError;
}

export interface FeedOptions {
  onFeed?: (event: FeedEvent) => void;
}

/** Fetches a feed URL (conditionally) and yields its new items; an OPML list yields the items of each feed. */
export async function* feedUrlItems(
  feedUrl: string,
  ctx: WebContext,
  options: FeedOptions & { prefetched?: FetchResult } = {},
): AsyncGenerator<WebItem> {
  const key = normalizeUrl(feedUrl) ?? feedUrl;
  const state = await ctx.store.getFeedState(key);
  const polled = new Date().toISOString();
  const keep: FeedState = state ?? {
    url: key,
    title: null,
    etag: null,
    lastModified: null,
    lastPolledAt: null,
    lastStatus: null,
    lastError: null,
  };
  /** A feed that could not be fetched or parsed: its state records why, and the run goes on. */
  const recordFailure = async (error: DyadError): Promise<WebItem> => {
    await ctx.store.putFeedState({
      ...keep,
      lastPolledAt: polled,
      lastStatus: error.code,
      lastError: error.message,
    });
    options.onFeed?.({ feedUrl: key, phase: 'failed', error });
    return { origin: feedUrl, error };
  };
  options.onFeed?.({ feedUrl: key, phase: 'fetching', title: keep.title });
  let res: FetchResult;
  try {
    res = options.prefetched ?? (await ctx.fetcher.get(feedUrl, { accept: 'feed', validators: state }));
  } catch (e) {
    yield await recordFailure(toDyadError(e, 'DYAD_E_FETCH_NETWORK', feedUrl));
    return;
  }
  if (res.notModified) {
    await ctx.store.putFeedState({
      ...keep,
      lastPolledAt: polled,
      lastStatus: 'not-modified',
      lastError: null,
    });
    options.onFeed?.({ feedUrl: key, phase: 'not-modified', title: keep.title });
    yield { origin: feedUrl, unchanged: { reason: 'not-modified' } };
    return;
  }
  const body = Buffer.from(res.bytes).toString('utf8');
  let feed: ParsedFeed;
  try {
    if (sniffFeed(body) === 'opml') {
      for (const url of parseOpmlText(body, { url: res.url })) yield* feedUrlItems(url, ctx, options);
      return;
    }
    feed = parseFeedText(body, { url: res.url });
  } catch (e) {
    yield await recordFailure(toDyadError(e, 'DYAD_E_FEED', feedUrl));
    return;
  }
  const failed = yield* itemsOfFeed(feed, key, ctx, options);
  // Validators are kept only when every item was handled: otherwise the next poll must see the feed again,
  // to retry the items that failed (those already taken are skipped by their keys).
  await ctx.store.putFeedState({
    url: key,
    title: feed.title,
    etag: failed === 0 ? res.etag : null,
    lastModified: failed === 0 ? res.lastModified : null,
    lastPolledAt: polled,
    lastStatus: failed === 0 ? 'ok' : 'partial',
    lastError: failed === 0 ? null : `${failed} item(s) failed`,
  });
}

/** A feed read from a file: its items, with the file's absolute path as the feed's key. */
export async function* feedFileItems(
  body: string,
  origin: string,
  ctx: WebContext,
  options: FeedOptions = {},
): AsyncGenerator<WebItem> {
  const key = `file://${origin}`;
  try {
    if (sniffFeed(body) === 'opml') {
      for (const url of parseOpmlText(body, { origin })) yield* feedUrlItems(url, ctx, options);
      return;
    }
    const feed = parseFeedText(body, { origin });
    yield* itemsOfFeed(feed, key, ctx, options);
  } catch (e) {
    yield { origin, error: toDyadError(e, 'DYAD_E_FEED', origin) };
  }
}

/** Yields the items not taken before; returns how many failed. */
async function* itemsOfFeed(
  feed: ParsedFeed,
  feedUrl: string,
  ctx: WebContext,
  options: FeedOptions,
): AsyncGenerator<WebItem, number> {
  const seen = new Set(
    await ctx.store.seenFeedItems(
      feedUrl,
      feed.items.map((i) => i.key),
    ),
  );
  const fresh = feed.items.filter(
    (i, n) => !seen.has(i.key) && feed.items.findIndex((j) => j.key === i.key) === n,
  );
  options.onFeed?.({
    feedUrl,
    phase: 'items',
    title: feed.title,
    total: feed.items.length,
    fresh: fresh.length,
  });
  let failed = 0;
  for (const item of fresh) {
    if (ctx.signal?.aborted) break;
    const result = await itemDoc(item, feed, feedUrl, ctx);
    if (result.error) failed++;
    yield result;
  }
  return failed;
}

async function itemDoc(item: FeedItem, feed: ParsedFeed, feedUrl: string, ctx: WebContext): Promise<WebItem> {
  const feedItem = { feedUrl, key: item.key };
  const origin = item.url ?? `${feedUrl}#${item.key}`;
  const link = item.url ? normalizeUrl(item.url) : null;
  if (link) {
    const known = await ctx.store.findByUrl(link);
    if (known !== null) return { origin, feedItem, unchanged: { reason: 'known-url', id: known } };
  }
  let pageError: DyadError | null = null;
  if (item.url && link) {
    try {
      const res = await ctx.fetcher.get(item.url, { accept: 'html' });
      const draft = extractPage(res.bytes, { url: res.url, contentType: res.contentType });
      if (draft.paragraphs.some((p) => p.text.trim())) {
        withFeedFacts(draft, item, res.url);
        const canonical = usableCanonical(draft.canonicalUrl ?? null);
        return draftItem(draft, origin, ctx.date, {
          feedItem,
          urls: urlKeys([item.url, res.url, canonical]),
          ...optional('fetched', fetchRecordOf(link, res)),
        });
      }
      pageError = new DyadError('DYAD_E_EMPTY', 'no article text found on the page', { origin: res.url });
    } catch (e) {
      pageError = toDyadError(e, 'DYAD_E_FETCH_NETWORK', item.url);
    }
  }
  const draft = itemDraft(item, feed, origin);
  if (draft.paragraphs.length === 0) {
    return {
      origin,
      feedItem,
      error:
        pageError ?? new DyadError('DYAD_E_EMPTY', 'the feed item has no link and no content', { origin }),
    };
  }
  if (pageError) {
    draft.messages.push({
      level: 'warning',
      code: 'DYAD_W_FEED_CONTENT',
      message: `the page could not be used (${pageError.code}: ${pageError.message}); the feed item's own content was stored`,
      stage: 'ingest',
    });
  }
  return draftItem(draft, origin, ctx.date, { feedItem, urls: urlKeys([item.url]) });
}

/** The feed's date wins over a date the extractor only found in the text; its authors fill an empty byline. */
function withFeedFacts(draft: ArticleDraft, item: FeedItem, url: string): void {
  if (!draft.title) draft.title = item.title;
  if (item.published && (!draft.published || draft.dateSource !== 'metadata')) {
    draft.published = item.published;
    draft.dateSource = 'metadata';
  }
  if (!draft.modified && item.modified) draft.modified = item.modified;
  if (draft.authors.length === 0) draft.authors = [...item.authors];
  if (!draft.url) draft.url = url;
  if (!draft.site) draft.site = siteOf(url);
  draft.origin = item.url ?? url;
}

/** A feed item's own content as an article: full content where the feed carries it, else its summary. */
export function itemDraft(item: FeedItem, feed: ParsedFeed, origin: string): ArticleDraft {
  const draft = emptyDraft('feed-item', origin);
  draft.title = item.title;
  draft.authors = [...item.authors];
  draft.url = item.url;
  draft.site = siteOf(item.url) ?? siteOf(feed.siteUrl);
  if (item.published) {
    draft.published = item.published;
    draft.dateSource = 'metadata';
  }
  draft.modified = item.modified;
  draft.truncated = item.summaryOnly;
  if (item.html) draft.paragraphs = fragmentParagraphs(item.html);
  else if (item.text) {
    draft.paragraphs = item.text
      .split(/\n\s*\n/)
      .map((t) => t.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .map((t) => ({ text: t, kind: 'body' as const }));
  }
  return draft;
}
