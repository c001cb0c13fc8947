import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BIN, dyad, dyadAsync } from './run-cli.js';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'dyad-cli-'));
const count = (db: string) => {
  const d = new Database(db, { readonly: true });
  const n = d
    .prepare('SELECT count(*) AS n, count(DISTINCT content_hash) AS distinct_n FROM documents')
    .get() as {
    n: number;
    distinct_n: number;
  };
  d.close();
  return n;
};

function article(i: number): string {
  return `Council Vote ${i}\n- Council Vote ${i}\nby Test Writer, https://example.org/\nA short standfirst.\n–\nGeneva, Switzerland – Delegates voted ${i} times on Tuesday to extend the mandate of the observer mission.\n`;
}

describe('dyad ingest', () => {
  it('stores every input form, then adds nothing on a second run', () => {
    const dir = tmp();
    const db = path.join(dir, 'dyad.db');
    const docs = path.join(dir, 'in');
    mkdirSync(path.join(docs, 'nested'), { recursive: true });
    writeFileSync(path.join(docs, 'a.txt'), article(1));
    writeFileSync(
      path.join(docs, 'nested', 'b.md'),
      '# Markdown story\n\nThe envoy arrived in Oslo on 2 May 2022.\n',
    );
    writeFileSync(path.join(docs, 'c.json'), JSON.stringify([{ title: 'J1', text: 'First record text.' }]));
    writeFileSync(
      path.join(docs, 'd.jsonl'),
      '{"title":"L1","text":"Line one."}\n{"title":"L2","text":"Line two."}\n',
    );
    writeFileSync(path.join(docs, 'ignored.bin'), Buffer.from([0, 1, 2, 3]));

    const first = dyad(['ingest', docs, '--db', db, '--date', '2022-05-03']);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/read 5, stored 5, duplicates 0, failed 0/);
    expect(first.status).toBe(0);

    const second = dyad(['ingest', docs, '--db', db, '--json']);
    expect(second.status).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ read: 5, stored: 0, duplicates: 5, failed: 0 });
    expect(count(db)).toEqual({ n: 5, distinct_n: 5 });

    const list = JSON.parse(dyad(['articles', '--db', db, '--json']).stdout) as Record<string, unknown>[];
    expect(list).toHaveLength(5);
    expect(Object.keys(list[0] ?? {}).sort()).toEqual([
      'id',
      'ingestedAt',
      'published',
      'site',
      'title',
      'url',
    ]);
  });

  it('reads standard input and globs', () => {
    const dir = tmp();
    const db = path.join(dir, 'dyad.db');
    writeFileSync(path.join(dir, 'x1.txt'), 'Troops withdrew from the border town on 4 June 2020.');
    writeFileSync(path.join(dir, 'x2.txt'), 'Negotiators met again on 5 June 2020.');
    const viaGlob = dyad(['ingest', path.join(dir, 'x*.txt'), '--db', db]);
    expect(viaGlob.stdout).toMatch(/stored 2/);
    const viaStdin = dyad(['ingest', '-', '--db', db, '--json'], {
      input: '{"title":"From a pipe","text":"Piped text about a summit.","date":"2020-06-06"}\n',
    });
    expect(JSON.parse(viaStdin.stdout)).toMatchObject({ stored: 1 });
    const shown = JSON.parse(dyad(['show', '3', '--db', db, '--json']).stdout);
    expect(shown.meta).toMatchObject({
      title: 'From a pipe',
      published: '2020-06-06',
      dateSource: 'metadata',
    });
  });

  it('reports each bad input with a coded error, stores the rest, and exits 1', () => {
    const dir = tmp();
    const db = path.join(dir, 'dyad.db');
    const good = path.join(dir, 'good.txt');
    writeFileSync(good, article(7));
    writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
    writeFileSync(path.join(dir, 'empty.txt'), '');
    writeFileSync(path.join(dir, 'big.txt'), 'word '.repeat(400));
    writeFileSync(
      path.join(dir, 'damaged.txt'),
      Buffer.concat([Buffer.from('Zürich '), Buffer.from([0xc3, 0x28])]),
    );
    writeFileSync(path.join(dir, 'lines.jsonl'), '{"title":"ok","text":"Fine."}\n{"title": broken\n');
    const result = dyad(
      [
        'ingest',
        good,
        ...['binary.txt', 'empty.txt', 'big.txt', 'damaged.txt', 'lines.jsonl'].map((f) => path.join(dir, f)),
        path.join(dir, 'missing.txt'),
        '--db',
        db,
        '--max-size',
        '1KB',
        '--json',
      ],
      { env: { DYAD_DB: '/nonexistent/ignored.db' } },
    );
    expect(result.status).toBe(1);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ read: 8, stored: 2, failed: 6 });
    const codes = Object.fromEntries(
      summary.failures.map((f: { origin: string; code: string; line?: number }) => [
        `${path.basename(f.origin)}${f.line ? `:${f.line}` : ''}`,
        f.code,
      ]),
    );
    expect(codes).toEqual({
      'binary.txt': 'DYAD_E_BINARY',
      'empty.txt': 'DYAD_E_EMPTY',
      'big.txt': 'DYAD_E_TOO_LARGE',
      'damaged.txt': 'DYAD_E_ENCODING',
      'lines.jsonl:2': 'DYAD_E_JSON',
      'missing.txt': 'DYAD_E_NOT_FOUND',
    });
    expect(count(db).n).toBe(2);
  });

  it('reports an unreadable directory and goes on', () => {
    const dir = tmp();
    chmodSync(dir, 0o777);
    const db = path.join(dir, 'dyad.db');
    const locked = path.join(dir, 'locked');
    mkdirSync(locked);
    writeFileSync(path.join(locked, 'a.txt'), article(1));
    chmodSync(locked, 0o000);
    const open = path.join(dir, 'open.txt');
    writeFileSync(open, article(2));
    // Root reads everything, so run the command as an unprivileged user when we are root.
    const asUser = process.getuid?.() === 0;
    const args = ['ingest', locked, open, '--db', db, '--json'];
    const result = asUser ? runAsNobody(args, dir) : dyad(args);
    chmodSync(locked, 0o755);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({ stored: 1, failed: 1 });
    expect(summary.failures[0]).toMatchObject({ code: 'DYAD_E_PERMISSION', origin: locked });
  });

  it('fails with DYAD_E_DB_LOCKED when another process holds the database, losing nothing', () => {
    const dir = tmp();
    const db = path.join(dir, 'dyad.db');
    const file = path.join(dir, 'a.txt');
    writeFileSync(file, article(1));
    expect(dyad(['ingest', file, '--db', db]).status).toBe(0);
    const holder = new Database(db);
    holder.exec('BEGIN EXCLUSIVE');
    writeFileSync(path.join(dir, 'b.txt'), article(2));
    const result = dyad(['ingest', path.join(dir, 'b.txt'), '--db', db], {
      env: { DYAD_BUSY_TIMEOUT_MS: '200' },
    });
    holder.exec('ROLLBACK');
    holder.close();
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/DYAD_E_DB_LOCKED/);
    expect(count(db).n).toBe(1);
  });

  it('refuses a database that is not a Dyad database', () => {
    const dir = tmp();
    const db = path.join(dir, 'other.db');
    const other = new Database(db);
    other.exec('CREATE TABLE t (x)');
    other.close();
    const file = path.join(dir, 'a.txt');
    writeFileSync(file, article(1));
    const result = dyad(['ingest', file, '--db', db]);
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/DYAD_E_DB_INVALID/);
  });

  it('stores every document exactly once after being killed midway and run again', async () => {
    const dir = tmp();
    const db = path.join(dir, 'dyad.db');
    const docs = path.join(dir, 'many');
    mkdirSync(docs);
    const N = 1500;
    for (let i = 0; i < N; i++)
      writeFileSync(path.join(docs, `${String(i).padStart(5, '0')}.txt`), article(i));
    const child = dyadAsync(['ingest', docs, '--db', db], { stdio: 'ignore' });
    // Kill once some documents are in, well before all are.
    for (let tries = 0; tries < 400; tries++) {
      await new Promise((r) => setTimeout(r, 25));
      try {
        if (count(db).n >= 20) break;
      } catch {
        // the database may not exist yet
      }
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const partial = count(db).n;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(N);
    const again = dyad(['ingest', docs, '--db', db, '--json']);
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ read: N, duplicates: partial, stored: N - partial });
    expect(count(db)).toEqual({ n: N, distinct_n: N });
  });
});

function runAsNobody(args: string[], cwd: string) {
  const r = spawnSync(
    'setpriv',
    ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...args],
    { cwd, encoding: 'utf8', env: { ...process.env, CI: '1', HOME: cwd } },
  );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
