// dyad watch FEEDS…|--opml FILE: polls feeds on a schedule and stores what is new; a live line per feed on a
// terminal, one log line per event otherwise (or JSON lines with --json); Ctrl-C stops after the current item.

import { promises as fs } from 'node:fs';
import type { Command } from 'commander';
import { createPipeline } from '../../annotate.js';
import { DyadError } from '../../errors.js';
import type { FeedEvent } from '../../ingest/feed/feed-items.js';
import { parseOpmlText } from '../../ingest/feed/parse-feed.js';
import { fetcherOptionsFromEnv } from '../../ingest/fetch/env.js';
import { parseDateOption } from '../../ingest/published.js';
import { type FeedReport, parseInterval, runWatch, type WatchEvent } from '../../jobs/watch-job.js';
import { type DbOptions, run, withStore } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { truncate } from '../output.js';

interface WatchCliOptions extends DbOptions {
  opml?: string;
  every: string;
  once?: boolean;
  date?: string;
  json?: boolean;
}

async function opmlFeeds(file: string): Promise<string[]> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    throw new DyadError('DYAD_E_NOT_FOUND', 'cannot read the OPML file', { origin: file, cause: e });
  }
  const feeds = parseOpmlText(text, { origin: file });
  if (feeds.length === 0)
    throw new DyadError('DYAD_E_USAGE', 'the OPML file lists no feed URLs', { origin: file });
  return feeds;
}

const clock = (d = new Date()) => d.toISOString().slice(11, 19);

function feedLine(r: FeedReport): string {
  const name = r.title ?? r.feedUrl;
  if (r.outcome === 'failed') return `${name}: failed: ${r.error?.code}: ${r.error?.message}`;
  if (r.outcome === 'not-modified') return `${name}: not modified`;
  const c = r.counts;
  return `${name}: ${c.fresh} new (stored ${c.stored}, duplicates ${c.duplicates}, failed ${c.failed})`;
}

function progressLine(e: FeedEvent): string {
  const name = e.title ?? e.feedUrl;
  if (e.phase === 'fetching') return `${name}: fetching…`;
  if (e.phase === 'items') return `${name}: ${e.fresh} new of ${e.total} items…`;
  if (e.phase === 'not-modified') return `${name}: not modified`;
  return `${name}: failed: ${e.error?.code}: ${e.error?.message}`;
}

/** Log lines, one per event worth keeping, for pipes and files. */
export function logRenderer(write: (line: string) => void): (e: WatchEvent) => void {
  return (e) => {
    const at = new Date().toISOString();
    if (e.type === 'cycle-start') write(`${at} cycle ${e.cycle}: polling ${e.feeds} feeds`);
    else if (e.type === 'item' && e.status === 'failed') {
      write(`${at} ${e.origin}: ${e.error?.code}: ${e.error?.message}`);
    } else if (e.type === 'feed-done') write(`${at} ${feedLine(e.report)}`);
    else if (e.type === 'cycle-end') {
      const t = e.report.totals;
      const next = e.nextAt ? `; next poll at ${e.nextAt.toISOString()}` : '';
      write(
        `${at} cycle ${e.cycle} done in ${e.report.seconds.toFixed(1)}s: ${t.fresh} new, stored ${t.stored}, duplicates ${t.duplicates}, failed ${t.failed}${next}`,
      );
    }
  };
}

/** A live line per feed, redrawn in place, and a status line under them. */
export function liveRenderer(stream: Pick<NodeJS.WriteStream, 'write' | 'columns'>): (e: WatchEvent) => void {
  const lines = new Map<string, string>();
  let status = '';
  let drawn = 0;
  const draw = () => {
    // A terminal that reports no size (some ptys say 0) gets the usual 100 columns.
    const width = (stream.columns && stream.columns > 40 ? stream.columns : 100) - 1;
    let out = drawn > 0 ? `\x1b[${drawn}A` : '';
    const all = [...lines.values(), status];
    for (const l of all) out += `\x1b[2K${truncate(l, width)}\n`;
    drawn = all.length;
    stream.write(out);
  };
  return (e) => {
    if (e.type === 'cycle-start') status = `${clock()} cycle ${e.cycle}: polling ${e.feeds} feeds…`;
    else if (e.type === 'feed') lines.set(e.event.feedUrl, `${clock()} ${progressLine(e.event)}`);
    else if (e.type === 'feed-done') lines.set(e.report.feedUrl, `${clock()} ${feedLine(e.report)}`);
    else if (e.type === 'item' && e.status === 'failed') {
      status = `${clock()} ${e.origin}: ${e.error?.code}`;
    } else if (e.type === 'cycle-end') {
      const t = e.report.totals;
      status = `${clock()} cycle ${e.cycle}: stored ${t.stored}, duplicates ${t.duplicates}, failed ${t.failed}${
        e.nextAt ? `; next poll at ${clock(e.nextAt)} (Ctrl-C stops)` : ''
      }`;
    }
    draw();
  };
}

export function registerWatch(program: Command): void {
  program
    .command('watch')
    .description('poll RSS/Atom/RDF/JSON feeds on a schedule and store what is new')
    .argument('[feeds...]', 'feed URLs (http or https)')
    .option('--opml <file>', 'also watch every feed an OPML file lists')
    .option('--every <interval>', 'time between polls: 90s, 15m, 1h', '15m')
    .option('--once', 'poll once and exit')
    .option('--date <date>', 'publication date for articles that state none (YYYY-MM-DD)')
    .option('--db <path>', 'database file or postgres:// URL (default ./dyad.db or $DYAD_DB)')
    .option('--json', 'print one JSON report per cycle')
    .action((feeds: string[], options: WatchCliOptions) =>
      run(async () => {
        const everyMs = parseInterval(options.every);
        const date = parseDateOption(options.date);
        const all = [...feeds, ...(options.opml ? await opmlFeeds(options.opml) : [])];
        if (all.length === 0) throw new DyadError('DYAD_E_USAGE', 'name feed URLs to watch, or --opml FILE');
        const controller = new AbortController();
        const onSigint = () => controller.abort();
        process.on('SIGINT', onSigint);
        const out = process.stdout;
        const live = !options.json && out.isTTY && !process.env.CI ? liveRenderer(out) : null;
        const log = logRenderer((line) => out.write(`${line}\n`));
        let failed = 0;
        const onEvent = (e: WatchEvent) => {
          if (e.type === 'cycle-end')
            failed += e.report.totals.failed + e.report.feeds.filter((f) => f.outcome === 'failed').length;
          if (options.json) {
            if (e.type === 'cycle-end') out.write(`${JSON.stringify({ ...e.report, nextAt: e.nextAt })}\n`);
          } else if (live) live(e);
          else log(e);
        };
        try {
          const summary = await withStore(options, (store) =>
            runWatch(all, {
              store,
              pipeline: createPipeline(date && date !== 'mtime' ? { date } : {}),
              everyMs,
              once: options.once ?? false,
              signal: controller.signal,
              fetch: fetcherOptionsFromEnv(),
              date,
              onEvent,
            }),
          );
          if (!options.json) {
            const t = summary.totals;
            out.write(
              `watched ${summary.cycles} cycle(s): stored ${t.stored}, duplicates ${t.duplicates}, failed ${t.failed}${summary.interrupted ? ' (stopped)' : ''}\n`,
            );
          }
          if (summary.interrupted) return EXIT.INTERRUPTED;
          return failed > 0 ? EXIT.PARTIAL : EXIT.OK;
        } finally {
          process.off('SIGINT', onSigint);
        }
      }),
    );
}
