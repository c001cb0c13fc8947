// What every command shares: opening the store named by --db / $DYAD_DB, and turning errors into exit codes.

import { DyadError } from '../errors.js';
import { openStore, resolveDbLocation } from '../store/open.js';
import type { Store } from '../store/store.js';
import { EXIT } from './exit-codes.js';
import { printError } from './output.js';

export interface DbOptions {
  db?: string;
}

export async function withStore<T>(options: DbOptions, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(resolveDbLocation(options.db));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** The exit code for an error that ended a command. */
export function exitCodeOf(e: unknown): number {
  if (!(e instanceof DyadError)) return EXIT.FATAL;
  if (e.code === 'DYAD_E_USAGE' || e.code === 'DYAD_E_DATE') return EXIT.USAGE;
  if (e.code === 'DYAD_E_NOT_FOUND') return EXIT.NOT_FOUND;
  return EXIT.FATAL;
}

/** Runs a command body; prints an error and sets the exit code instead of throwing. */
export async function run(fn: () => Promise<number | undefined>): Promise<void> {
  try {
    const code = await fn();
    process.exitCode = code ?? EXIT.OK;
  } catch (e) {
    printError(e);
    process.exitCode = exitCodeOf(e);
  }
}

export function parseLimit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new DyadError('DYAD_E_USAGE', `"${value}" is not a count`);
  return n;
}
