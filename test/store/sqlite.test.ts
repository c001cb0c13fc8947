import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { storeContract } from './contract.js';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'dyad-store-'));

storeContract('sqlite (file)', () => openStore(path.join(tmp(), 'dyad.db')));

describe('sqlite specifics', () => {
  it('refuses a SQLite file that is not a Dyad database, and leaves it untouched', async () => {
    const file = path.join(tmp(), 'other.db');
    const db = new Database(file);
    db.exec('CREATE TABLE orders (id INTEGER); INSERT INTO orders VALUES (1)');
    db.close();
    await expect(openStore(file)).rejects.toMatchObject({ code: 'DYAD_E_DB_INVALID' });
    const check = new Database(file);
    expect(check.prepare('SELECT count(*) AS n FROM orders').get()).toEqual({ n: 1 });
    expect(check.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'documents'").get()).toEqual({
      n: 0,
    });
    check.close();
  });

  it('refuses a file that is not SQLite at all', async () => {
    const file = path.join(tmp(), 'notes.db');
    writeFileSync(file, 'these are my notes, not a database\n'.repeat(200));
    await expect(openStore(file)).rejects.toMatchObject({ code: 'DYAD_E_DB_INVALID' });
  });

  it('migrates once and reopens at the same version', async () => {
    const file = path.join(tmp(), 'dyad.db');
    await (await openStore(file)).close();
    await (await openStore(file)).close();
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(1);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('refuses a database from a newer Dyad', async () => {
    const file = path.join(tmp(), 'dyad.db');
    await (await openStore(file)).close();
    const db = new Database(file);
    db.pragma('user_version = 999');
    db.close();
    await expect(openStore(file)).rejects.toMatchObject({ code: 'DYAD_E_DB_VERSION' });
  });
});
