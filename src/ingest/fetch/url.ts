// URLs as Dyad compares them: http(s) only, host lower-cased, default port, fragment and tracking parameters
// dropped, so that one article reached by a feed link, a share link and its canonical link is one article.

import { FetchError } from './fetch-error.js';

/** Query parameters that track a click rather than name a page. */
const TRACKING =
  /^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|_ga|ocid|cmpid|smid|__twitter_impression)$/i;

export function isHttpUrl(value: string): boolean {
  return /^https?:\/\//i.test(value.trim());
}

/** Parses an absolute http(s) URL, or throws a FetchError DYAD_E_FETCH_URL. */
export function parseHttpUrl(value: string, base?: string): URL {
  let url: URL;
  try {
    url = new URL(value.trim(), base);
  } catch {
    throw new FetchError('DYAD_E_FETCH_URL', 'not a valid URL', { origin: value });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError('DYAD_E_FETCH_URL', `only http and https URLs can be fetched, not ${url.protocol}`, {
      origin: value,
    });
  }
  return url;
}

/** The form under which a URL is stored and looked up; null for what is not an http(s) URL. */
export function normalizeUrl(value: string, base?: string): string | null {
  let url: URL;
  try {
    url = parseHttpUrl(value, base);
  } catch {
    return null;
  }
  url.hash = '';
  url.username = '';
  url.password = '';
  for (const key of [...url.searchParams.keys()]) if (TRACKING.test(key)) url.searchParams.delete(key);
  // URL keeps a bare "?" after the last parameter is deleted; drop it.
  if (url.searchParams.size === 0) url.search = '';
  return url.toString();
}

/** The distinct normalised forms of the given URLs, nulls and non-URLs left out. */
export function urlKeys(values: readonly (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const v of values) {
    const n = v ? normalizeUrl(v) : null;
    if (n) out.add(n);
  }
  return [...out];
}
