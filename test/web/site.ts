// A small news site for feed and watch tests: article pages under /news/, the feeds of fixtures/feeds under
// /feeds/ (with {{BASE}} replaced by the server's URL), a robots.txt, all with validators.

import { readdirSync } from 'node:fs';
import { FIXTURES, fixture, page, type StaticRoute, startServer, type TestServer } from './server.js';

const FEED_TYPES: Record<string, string> = {
  '.rss': 'application/rss+xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.json': 'application/feed+json; charset=utf-8',
  '.rdf': 'application/rdf+xml; charset=utf-8',
  '.opml': 'text/x-opml; charset=utf-8',
};

export interface SiteOptions {
  /** Serve feeds without ETag/Last-Modified, as many servers do. */
  noValidators?: boolean;
}

export async function startNewsSite(options: SiteOptions = {}): Promise<TestServer> {
  const server = await startServer({
    '/robots.txt': { body: 'User-agent: *\nDisallow: /private/\n', type: 'text/plain' },
  });
  for (const name of readdirSync(new URL('pages/', FIXTURES))) {
    server.route(`/news/${name.replace(/\.html$/, '')}`, page(name));
  }
  for (const name of readdirSync(new URL('feeds/', FIXTURES))) {
    const ext = name.slice(name.lastIndexOf('.'));
    const route: StaticRoute = {
      body: feedText(name, server.url),
      type: FEED_TYPES[ext] ?? 'application/xml',
      ...(options.noValidators ? {} : { etag: `"${name}-1"`, lastModified: 'Mon, 09 May 2022 08:00:00 GMT' }),
    };
    server.route(`/feeds/${name}`, route);
  }
  return server;
}

export function feedText(name: string, base: string): string {
  return fixture(`feeds/${name}`).replaceAll('{{BASE}}', base);
}

export const FEEDS = ['wire.rss', 'world.atom', 'regional.rdf', 'briefing.json'];
