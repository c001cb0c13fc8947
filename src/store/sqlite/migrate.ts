// Versioned migrations for SQLite: files NNNN-name.sql under src/store/migrations/sqlite, applied in order, each
// in its own transaction; PRAGMA user_version records the last applied, PRAGMA application_id marks the file
// as Dyad's so that a foreign database is refused rather than written into.

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type BetterSqlite3 from 'better-sqlite3';
import { DyadError } from '../../errors.js';

/** "DYAD" in ASCII: the SQLite application_id of every Dyad database. */
export const APPLICATION_ID = 0x44594144;

const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/sqlite/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}-.+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 4)), name: f, sql: readFileSync(dir + f, 'utf8') }));
}

export function migrate(db: BetterSqlite3.Database, location: string): void {
  const migrations = loadMigrations();
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  const appId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as {
    n: number;
  };

  if (appId !== APPLICATION_ID && (appId !== 0 || version !== 0 || tables.n > 0)) {
    throw new DyadError('DYAD_E_DB_INVALID', 'the file is a SQLite database, but not a Dyad database', {
      origin: location,
    });
  }
  if (version > latest) {
    throw new DyadError(
      'DYAD_E_DB_VERSION',
      `the database is at schema version ${version}; this Dyad knows up to ${latest}`,
      { origin: location },
    );
  }
  for (const m of migrations) {
    if (m.version <= version) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
      db.pragma(`application_id = ${APPLICATION_ID}`);
    }).immediate();
  }
}
