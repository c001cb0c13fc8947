// How the CLI shows things: JSON on --json, otherwise tables that fit the terminal. Only the CLI prints.

import { DyadError } from '../errors.js';

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function terminalWidth(): number {
  return process.stdout.columns && process.stdout.columns > 40 ? process.stdout.columns : 100;
}

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
  /** Right-align (numbers). */
  right?: boolean;
  /** This column takes the width left over, truncated to fit. */
  flex?: boolean;
}

export function truncate(s: string, width: number): string {
  if (width <= 0) return '';
  return s.length <= width ? s : `${s.slice(0, Math.max(0, width - 1))}…`;
}

/** A plain-text table sized to the terminal; the flex column is shortened to fit. */
export function formatTable<T>(
  rows: readonly T[],
  columns: readonly Column<T>[],
  width = terminalWidth(),
): string {
  const cells = rows.map((row) => columns.map((c) => String(c.value(row) ?? '').replace(/\s+/g, ' ')));
  const widths = columns.map((c, i) =>
    Math.max(c.header.length, ...cells.map((r) => (r[i] as string).length)),
  );
  const flex = columns.findIndex((c) => c.flex);
  if (flex >= 0) {
    const fixed = widths.reduce((sum, w, i) => (i === flex ? sum : sum + w), 0) + 2 * (columns.length - 1);
    widths[flex] = Math.max(10, Math.min(widths[flex] as number, width - fixed));
  }
  const line = (values: string[]) =>
    values
      .map((v, i) => {
        const w = widths[i] as number;
        const t = truncate(v, w);
        return columns[i]?.right ? t.padStart(w) : t.padEnd(w);
      })
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), ...cells.map(line)].join('\n');
}

export function printTable<T>(rows: readonly T[], columns: readonly Column<T>[]): void {
  process.stdout.write(`${formatTable(rows, columns)}\n`);
}

export function describeError(e: unknown): string {
  if (e instanceof DyadError) return e.describe();
  return `DYAD_E_INTERNAL: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
}

export function printError(e: unknown): void {
  process.stderr.write(`dyad: ${describeError(e)}\n`);
}
