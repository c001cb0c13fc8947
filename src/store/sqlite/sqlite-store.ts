// The embedded SQLite backend (better-sqlite3, WAL, FTS5). Calls are synchronous underneath and wrapped in the
// async Store contract so that callers treat every backend alike.

import Database from 'better-sqlite3';
import { Doc, type DocJSON, TokenTable } from '../../document/index.js';
import { DyadError } from '../../errors.js';
import type { PipelineConfig } from '../../pipeline/runner.js';
import type {
  ArticleSummary,
  FeedState,
  FetchRecord,
  ListOptions,
  NearDuplicateCandidate,
  NearDuplicateLink,
  PutExtras,
  PutResult,
  SearchHit,
  Store,
} from '../store.js';
import { migrate } from './migrate.js';

export interface SqliteStoreOptions {
  /** How long to wait for another process's lock before failing with DYAD_E_DB_LOCKED (ms). */
  busyTimeoutMs?: number;
}

interface DocumentRow {
  id: number;
  title: string | null;
  site: string | null;
  url: string | null;
  published: string | null;
  ingested_at: string;
}

const SUMMARY_COLUMNS = 'id, title, site, url, published, ingested_at';

function summary(row: DocumentRow): ArticleSummary {
  return {
    id: row.id,
    title: row.title,
    site: row.site,
    url: row.url,
    published: row.published,
    ingestedAt: row.ingested_at,
  };
}

/** Maps SQLite's error codes to Dyad's. */
function dbError(e: unknown, location: string): DyadError {
  if (e instanceof DyadError) return e;
  const code = (e as { code?: string }).code ?? '';
  const message = e instanceof Error ? e.message : String(e);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new DyadError('DYAD_E_DB_LOCKED', 'the database is locked by another process', {
      origin: location,
      cause: e,
    });
  }
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new DyadError('DYAD_E_DB_INVALID', 'the file is not a SQLite database', {
      origin: location,
      cause: e,
    });
  }
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_PERM') {
    return new DyadError('DYAD_E_PERMISSION', `cannot open the database (${message})`, {
      origin: location,
      cause: e,
    });
  }
  return new DyadError('DYAD_E_DB', message, { origin: location, cause: e });
}

/** FTS5 query from free words: each word quoted, so punctuation and operators in user input are literal. */
export function ftsQuery(words: string): string {
  const terms = words.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  return terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' ');
}

export class SqliteStore implements Store {
  readonly kind = 'sqlite';
  readonly location: string;
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private readonly byHash: Database.Statement;

  constructor(location: string, db: Database.Database) {
    this.location = location;
    this.db = db;
    this.insert = db.prepare(`INSERT INTO documents
      (content_hash, title, site, url, published, date_source, origin, format, ingested_at, text, layers_json, tokens, pipeline_json)
      VALUES (@contentHash, @title, @site, @url, @published, @dateSource, @origin, @format, @ingestedAt, @text, @layers, @tokens, @pipeline)
      ON CONFLICT (content_hash) DO NOTHING`);
    this.byHash = db.prepare('SELECT id FROM documents WHERE content_hash = ?');
  }

  private guard<T>(fn: () => T): Promise<T> {
    try {
      return Promise.resolve(fn());
    } catch (e) {
      return Promise.reject(dbError(e, this.location));
    }
  }

  putDoc(doc: Doc, config: PipelineConfig, extras: PutExtras = {}): Promise<PutResult> {
    return this.guard(() =>
      this.db
        .transaction((): PutResult => {
          const json = doc.toJSON();
          const { text, id: _id, ...layers } = json;
          const result = this.insert.run({
            contentHash: doc.meta.contentHash,
            title: doc.meta.title,
            site: doc.meta.site,
            url: doc.meta.url,
            published: doc.meta.published,
            dateSource: doc.meta.dateSource,
            origin: doc.meta.origin,
            format: doc.meta.format,
            ingestedAt: new Date().toISOString(),
            text,
            layers: JSON.stringify(layers),
            tokens: Buffer.from(doc.tokens.toBytes()),
            pipeline: JSON.stringify(config),
          });
          let put: PutResult;
          if (result.changes === 0) {
            const row = this.byHash.get(doc.meta.contentHash) as { id: number };
            put = { id: row.id, status: 'duplicate' };
          } else put = { id: Number(result.lastInsertRowid), status: 'stored' };
          this.putExtras(put, extras);
          return put;
        })
        .immediate(),
    );
  }

  /** URLs are recorded for a duplicate too (they name it); fingerprint and link only for a new document. */
  private putExtras(put: PutResult, extras: PutExtras): void {
    const addUrl = this.db.prepare('INSERT OR IGNORE INTO document_urls (url, document_id) VALUES (?, ?)');
    for (const url of extras.urls ?? []) addUrl.run(url, put.id);
    if (put.status !== 'stored') return;
    if (extras.fingerprint) {
      this.db
        .prepare('INSERT OR REPLACE INTO document_fingerprints (document_id, signature) VALUES (?, ?)')
        .run(put.id, Buffer.from(extras.fingerprint.signature));
      const addBand = this.db.prepare(
        'INSERT OR IGNORE INTO document_bands (band, document_id) VALUES (?, ?)',
      );
      for (const band of extras.fingerprint.bands) addBand.run(band, put.id);
    }
    const near = extras.nearDuplicateOf;
    if (near && near.id !== put.id) {
      this.db
        .prepare(
          'INSERT OR REPLACE INTO near_duplicates (document_id, duplicate_of, similarity, method) VALUES (?, ?, ?, ?)',
        )
        .run(put.id, near.id, near.similarity, near.method);
    }
  }

  findByHash(contentHash: string): Promise<number | null> {
    return this.guard(() => (this.byHash.get(contentHash) as { id: number } | undefined)?.id ?? null);
  }

  getDoc(id: number): Promise<Doc | null> {
    return this.guard(() => {
      const row = this.db
        .prepare('SELECT id, text, layers_json, tokens FROM documents WHERE id = ?')
        .get(id) as { id: number; text: string; layers_json: string; tokens: Buffer | null } | undefined;
      if (!row) return null;
      const layers = JSON.parse(row.layers_json) as Omit<DocJSON, 'id' | 'text'>;
      const doc = Doc.fromJSON({ ...layers, id: row.id, text: row.text });
      if (row.tokens) doc.tokens = TokenTable.fromBytes(row.tokens);
      return doc;
    });
  }

  listArticles(options: ListOptions = {}): Promise<ArticleSummary[]> {
    return this.guard(() =>
      (
        this.db
          .prepare(
            `SELECT ${SUMMARY_COLUMNS} FROM documents ORDER BY published IS NULL, published DESC, id DESC LIMIT ? OFFSET ?`,
          )
          .all(options.limit ?? 50, options.offset ?? 0) as DocumentRow[]
      ).map(summary),
    );
  }

  countArticles(): Promise<number> {
    return this.guard(
      () => (this.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n,
    );
  }

  search(query: string, options: ListOptions = {}): Promise<SearchHit[]> {
    return this.guard(() => {
      const match = ftsQuery(query);
      if (!match) return [];
      const rows = this.db
        .prepare(
          `SELECT d.id, d.title, d.site, d.url, d.published, d.ingested_at,
                  snippet(documents_fts, 1, '[', ']', '…', 12) AS snippet
           FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid
           WHERE documents_fts MATCH ? ORDER BY bm25(documents_fts, 5.0, 1.0) LIMIT ? OFFSET ?`,
        )
        .all(match, options.limit ?? 20, options.offset ?? 0) as (DocumentRow & { snippet: string })[];
      return rows.map((r) => ({ ...summary(r), snippet: r.snippet }));
    });
  }

  findByUrl(url: string): Promise<number | null> {
    return this.guard(
      () =>
        (
          this.db.prepare('SELECT document_id AS id FROM document_urls WHERE url = ?').get(url) as
            | { id: number }
            | undefined
        )?.id ?? null,
    );
  }

  getFetchRecord(url: string): Promise<FetchRecord | null> {
    return this.guard(
      () =>
        (this.db
          .prepare(
            'SELECT url, etag, last_modified AS lastModified, status, fetched_at AS fetchedAt FROM fetch_cache WHERE url = ?',
          )
          .get(url) as FetchRecord | undefined) ?? null,
    );
  }

  putFetchRecord(record: FetchRecord): Promise<void> {
    return this.guard(() => {
      this.db
        .prepare(
          `INSERT INTO fetch_cache (url, etag, last_modified, status, fetched_at)
           VALUES (@url, @etag, @lastModified, @status, @fetchedAt)
           ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
             status = excluded.status, fetched_at = excluded.fetched_at`,
        )
        .run(record);
    });
  }

  getFeedState(url: string): Promise<FeedState | null> {
    return this.guard(
      () =>
        (this.db
          .prepare(
            `SELECT url, title, etag, last_modified AS lastModified, last_polled_at AS lastPolledAt,
                    last_status AS lastStatus, last_error AS lastError FROM feeds WHERE url = ?`,
          )
          .get(url) as FeedState | undefined) ?? null,
    );
  }

  putFeedState(state: FeedState): Promise<void> {
    return this.guard(() => {
      this.db
        .prepare(
          `INSERT INTO feeds (url, title, etag, last_modified, last_polled_at, last_status, last_error)
           VALUES (@url, @title, @etag, @lastModified, @lastPolledAt, @lastStatus, @lastError)
           ON CONFLICT (url) DO UPDATE SET title = excluded.title, etag = excluded.etag,
             last_modified = excluded.last_modified, last_polled_at = excluded.last_polled_at,
             last_status = excluded.last_status, last_error = excluded.last_error`,
        )
        .run(state);
    });
  }

  seenFeedItems(feedUrl: string, keys: readonly string[]): Promise<string[]> {
    return this.guard(() => {
      const get = this.db.prepare('SELECT 1 FROM feed_items WHERE feed_url = ? AND item_key = ?');
      return keys.filter((key) => get.get(feedUrl, key) !== undefined);
    });
  }

  markFeedItem(feedUrl: string, key: string, documentId: number | null): Promise<void> {
    return this.guard(() => {
      this.db
        .prepare(
          `INSERT INTO feed_items (feed_url, item_key, document_id, seen_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (feed_url, item_key) DO UPDATE SET document_id = coalesce(excluded.document_id, document_id)`,
        )
        .run(feedUrl, key, documentId, new Date().toISOString());
    });
  }

  nearDuplicateCandidates(
    bands: readonly number[],
    options: ListOptions = {},
  ): Promise<NearDuplicateCandidate[]> {
    return this.guard(() => {
      if (bands.length === 0) return [];
      const rows = this.db
        .prepare(
          `SELECT f.document_id AS id, f.signature AS signature, count(*) AS shared
           FROM document_bands b JOIN document_fingerprints f ON f.document_id = b.document_id
           WHERE b.band IN (SELECT value FROM json_each(?))
           GROUP BY f.document_id ORDER BY shared DESC, f.document_id LIMIT ? OFFSET ?`,
        )
        .all(JSON.stringify(bands), options.limit ?? 50, options.offset ?? 0) as {
        id: number;
        signature: Buffer;
      }[];
      return rows.map((r) => ({ id: r.id, signature: new Uint8Array(r.signature) }));
    });
  }

  nearDuplicates(id: number): Promise<NearDuplicateLink[]> {
    return this.guard(
      () =>
        this.db
          .prepare(
            `SELECT duplicate_of AS id, 'duplicate-of' AS relation, similarity, method
               FROM near_duplicates WHERE document_id = ?
             UNION ALL
             SELECT document_id AS id, 'duplicated-by' AS relation, similarity, method
               FROM near_duplicates WHERE duplicate_of = ?
             ORDER BY similarity DESC, id`,
          )
          .all(id, id) as NearDuplicateLink[],
    );
  }

  close(): Promise<void> {
    return this.guard(() => {
      if (this.db.open) this.db.close();
    });
  }
}

export function openSqliteStore(location: string, options: SqliteStoreOptions = {}): Promise<Store> {
  let db: Database.Database | undefined;
  try {
    db = new Database(location, { timeout: options.busyTimeoutMs ?? 5000 });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, location);
    return Promise.resolve(new SqliteStore(location, db));
  } catch (e) {
    db?.close();
    return Promise.reject(dbError(e, location));
  }
}
