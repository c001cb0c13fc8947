// Runs the real dyad command in a child process, as a user would.
import { type SpawnOptions, spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/dyad.js', import.meta.url));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function dyad(
  args: string[],
  options: { cwd?: string; input?: string; env?: Record<string, string> } = {},
) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, CI: '1', ...options.env },
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr } satisfies CliResult;
}

export function dyadAsync(args: string[], options: SpawnOptions = {}) {
  return spawn(process.execPath, [BIN, ...args], {
    ...options,
    env: { ...process.env, CI: '1', ...options.env },
  });
}
