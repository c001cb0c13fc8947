-- Web ingestion state: the URLs that name each stored document (canonical-URL dedupe), fetch validators per URL
-- (conditional GET), feeds and the items already taken from them (watch), and near-duplicate fingerprints and
-- links (syndicated copies of one story).

-- Every URL a document was reached by: fetched, final after redirects, canonical. Normalised by the ingester.
CREATE TABLE document_urls (
  url         TEXT PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE
);
CREATE INDEX document_urls_document ON document_urls (document_id);

-- What the last fetch of a URL left behind, so the next one can ask "changed since?".
CREATE TABLE fetch_cache (
  url           TEXT PRIMARY KEY,
  etag          TEXT,
  last_modified TEXT,
  status        INTEGER NOT NULL,
  fetched_at    TEXT NOT NULL
);

CREATE TABLE feeds (
  url            TEXT PRIMARY KEY,
  title          TEXT,
  etag           TEXT,
  last_modified  TEXT,
  last_polled_at TEXT,
  last_status    TEXT,
  last_error     TEXT
);

-- Items already taken from a feed, by GUID (or id, or link); document_id is null when the item gave no document.
CREATE TABLE feed_items (
  feed_url    TEXT NOT NULL,
  item_key    TEXT NOT NULL,
  document_id INTEGER REFERENCES documents (id) ON DELETE SET NULL,
  seen_at     TEXT NOT NULL,
  PRIMARY KEY (feed_url, item_key)
) WITHOUT ROWID;

-- MinHash signature of a document's word shingles, and its LSH band keys for finding candidates.
CREATE TABLE document_fingerprints (
  document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  signature   BLOB NOT NULL
);
CREATE TABLE document_bands (
  band        INTEGER NOT NULL,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  PRIMARY KEY (band, document_id)
) WITHOUT ROWID;
CREATE INDEX document_bands_document ON document_bands (document_id);

-- A document that is a near-duplicate of one stored before it, with their estimated Jaccard similarity.
CREATE TABLE near_duplicates (
  document_id  INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  duplicate_of INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  similarity   REAL NOT NULL,
  method       TEXT NOT NULL,
  PRIMARY KEY (document_id, duplicate_of)
) WITHOUT ROWID;
CREATE INDEX near_duplicates_of ON near_duplicates (duplicate_of);
