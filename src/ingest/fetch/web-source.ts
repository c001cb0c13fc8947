// Everything `dyad ingest` can be given, as one stream of items: files (as before, plus feed and OPML files),
// http(s) URLs (a page, or a feed whose items are then fetched) and WARC files read record by record.

import path from 'node:path';
import { toDyadError } from '../../errors.js';
import { type FeedOptions, feedFileItems, feedUrlItems } from '../feed/feed-items.js';
import { sniffFeed } from '../feed/parse-feed.js';
import { type ParseOptions, parseInput } from '../parse.js';
import { expandPaths, type Input, readEntry, type SourceEntry, type SourceOptions } from '../sources.js';
import { decode } from '../text/decode.js';
import { isWarcPath, readWarc, type WarcStats } from '../warc/read-warc.js';
import { isHtmlType, mimeOf } from './content-type.js';
import { extractPage } from './html-adapter.js';
import { isHttpUrl, normalizeUrl, urlKeys } from './url.js';
import type { UrlListItem } from './url-list.js';
import {
  draftItem,
  fetchRecordOf,
  optional,
  usableCanonical,
  type WebContext,
  type WebItem,
} from './web-item.js';

export type WebEntry = SourceEntry | { url: string; line?: number; list?: string } | { warc: string };

/** Paths, globs, URLs and the entries of a URL list, in the order given; WARC files become streaming entries. */
export async function expandWebSources(
  paths: readonly string[],
  urlList: readonly UrlListItem[] = [],
): Promise<WebEntry[]> {
  const out: WebEntry[] = [];
  for (const p of paths) {
    if (isHttpUrl(p)) {
      out.push({ url: p });
      continue;
    }
    for (const entry of await expandPaths([p])) {
      out.push('path' in entry && isWarcPath(entry.path) ? { warc: entry.path } : entry);
    }
  }
  for (const item of urlList) out.push('error' in item ? item : { url: item.url, line: item.line });
  return out;
}

export interface WebSourceOptions extends ParseOptions, SourceOptions, FeedOptions {
  warcStats?: WarcStats;
}

/** The items of one entry; errors come back as items, never thrown. */
export async function* entryItems(
  entry: WebEntry,
  ctx: WebContext,
  options: WebSourceOptions = {},
): AsyncGenerator<WebItem> {
  if ('url' in entry) yield* urlItems(entry.url, ctx, options);
  else if ('warc' in entry) yield* warcItems(entry.warc, ctx, options);
  else {
    const item = await readEntry(entry, options);
    if ('error' in item) yield { origin: item.error.origin ?? '', error: item.error };
    else {
      const feedText = feedTextOf(item.input);
      if (feedText !== null) yield* feedFileItems(feedText, path.resolve(item.input.origin), ctx, options);
      else yield* parseInput(item.input, options);
    }
  }
}

const FEED_EXTENSIONS = new Set(['.xml', '.rss', '.atom', '.rdf', '.opml', '.json', '']);

/** The text of a file that is a feed or an OPML list; null for an article file. */
function feedTextOf(input: Input): string | null {
  if (!FEED_EXTENSIONS.has(input.ext) || input.bytes.length === 0) return null;
  const head = Buffer.from(input.bytes.subarray(0, 2048)).toString('utf8');
  if (sniffFeed(head) === null) return null;
  try {
    return decode(input.bytes, { origin: input.origin }).text;
  } catch {
    return null;
  }
}

/** A URL: an HTML page becomes one document; a feed or OPML list yields the documents of its items. */
export async function* urlItems(
  url: string,
  ctx: WebContext,
  options: FeedOptions = {},
): AsyncGenerator<WebItem> {
  const key = normalizeUrl(url);
  if (!key) {
    yield { origin: url, error: toDyadError(new Error('not an http(s) URL'), 'DYAD_E_FETCH_URL', url) };
    return;
  }
  const validators = (await ctx.store.getFetchRecord(key)) ?? (await ctx.store.getFeedState(key));
  let res: Awaited<ReturnType<WebContext['fetcher']['get']>>;
  try {
    res = await ctx.fetcher.get(url, { accept: 'html-or-feed', validators });
  } catch (e) {
    yield { origin: url, error: toDyadError(e, 'DYAD_E_FETCH_NETWORK', url) };
    return;
  }
  if (res.notModified) {
    yield { origin: url, unchanged: { reason: 'not-modified' } };
    return;
  }
  if (!isHtmlType(res.contentType)) {
    const head = Buffer.from(res.bytes.subarray(0, 2048)).toString('utf8');
    if (sniffFeed(head) !== null) {
      yield* feedUrlItems(url, ctx, { ...options, prefetched: res });
      return;
    }
    if (mimeOf(res.contentType) !== null) {
      yield {
        origin: url,
        error: toDyadError(
          new Error(`the response is ${mimeOf(res.contentType)} but no feed`),
          'DYAD_E_FEED',
          url,
        ),
      };
      return;
    }
  }
  let draft: ReturnType<typeof extractPage>;
  try {
    draft = extractPage(res.bytes, { url: res.url, contentType: res.contentType });
  } catch (e) {
    yield { origin: url, error: toDyadError(e, 'DYAD_E_INPUT', url) };
    return;
  }
  if (!draft.origin) draft.origin = url;
  yield draftItem(draft, url, ctx.date, {
    urls: urlKeys([url, res.url, usableCanonical(draft.canonicalUrl ?? null)]),
    ...optional('fetched', fetchRecordOf(key, res)),
  });
}

/** A WARC file, one HTML response record at a time. */
export async function* warcItems(
  file: string,
  ctx: WebContext,
  options: WebSourceOptions = {},
): AsyncGenerator<WebItem> {
  for await (const item of readWarc(file, {
    ...optional('maxBytes', ctx.maxBytes),
    ...optional('signal', ctx.signal),
    ...optional('stats', options.warcStats),
  })) {
    if ('error' in item) {
      yield { origin: item.error.origin ?? file, error: item.error };
      continue;
    }
    const { page } = item;
    const origin = page.url || `${file}#${page.record}`;
    let draft: ReturnType<typeof extractPage>;
    try {
      draft = extractPage(page.bytes, { url: page.url, contentType: page.contentType });
    } catch (e) {
      yield { origin, error: toDyadError(e, 'DYAD_E_INPUT', origin) };
      continue;
    }
    if (!draft.origin) draft.origin = origin;
    yield draftItem(draft, origin, ctx.date, {
      urls: urlKeys([page.url, usableCanonical(draft.canonicalUrl ?? null)]),
    });
  }
}
