// Chooses a backend from a location: a postgres:// URL or a SQLite file path (default ./dyad.db, or $DYAD_DB).

import { DyadError } from '../errors.js';
import { openSqliteStore, type SqliteStoreOptions } from './sqlite/sqlite-store.js';
import { DEFAULT_DB, type Store } from './store.js';

export function resolveDbLocation(explicit?: string): string {
  return explicit ?? process.env.DYAD_DB ?? DEFAULT_DB;
}

export async function openStore(location: string, options: SqliteStoreOptions = {}): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(location)) {
    throw new DyadError(
      'DYAD_E_DB_INVALID',
      'the PostgreSQL backend is not built yet; use a SQLite file path',
      {
        origin: location,
      },
    );
  }
  const envTimeout = Number(process.env.DYAD_BUSY_TIMEOUT_MS);
  const busyTimeoutMs =
    options.busyTimeoutMs ?? (Number.isFinite(envTimeout) && envTimeout >= 0 ? envTimeout : undefined);
  return openSqliteStore(location, busyTimeoutMs === undefined ? {} : { busyTimeoutMs });
}
