// dyad ingest PATH…: read, annotate and store articles; a bar on a terminal, a one-line summary always.

import type { Command } from 'commander';
import { createPipeline } from '../../annotate.js';
import { DyadError } from '../../errors.js';
import { fetcherOptionsFromEnv } from '../../ingest/fetch/env.js';
import { readUrlList } from '../../ingest/fetch/url-list.js';
import { parseDateOption } from '../../ingest/published.js';
import { type IngestSummary, runIngest } from '../../jobs/ingest-job.js';
import { type DbOptions, run, withStore } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { printJson } from '../output.js';
import { createProgress } from '../progress.js';

interface IngestCliOptions extends DbOptions {
  date?: string;
  encoding?: string;
  maxSize?: string;
  urls?: string;
  json?: boolean;
}

export function summaryLine(s: IngestSummary): string {
  const rate = s.seconds > 0 ? ` (${(s.read / s.seconds).toFixed(1)} articles/s)` : '';
  return `read ${s.read}, stored ${s.stored}, duplicates ${s.duplicates}, failed ${s.failed} in ${s.seconds.toFixed(1)}s${rate}`;
}

export function parseSize(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?b?)?$/i.exec(value.trim());
  if (!m) throw new DyadError('DYAD_E_USAGE', `--max-size "${value}" is not a size (e.g. 20MB)`);
  const unit = (m[2] ?? '').toLowerCase().replace('b', '');
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Math.round(Number(m[1]) * factor);
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description(
      'read articles (files, directories, globs, - for stdin, URLs, feeds, WARC files), annotate them and store them',
    )
    .argument('[paths...]', 'files, directories, globs, - for standard input, http(s) URLs of pages or feeds')
    .option('--urls <file>', 'also fetch the URLs listed in this file, one a line')
    .option('--date <date>', 'publication date for articles that state none (YYYY-MM-DD, or "mtime")')
    .option('--encoding <name>', 'read inputs in this encoding instead of detecting it')
    .option('--max-size <size>', 'refuse inputs larger than this (default 20MB)')
    .option('--db <path>', 'database file or postgres:// URL (default ./dyad.db or $DYAD_DB)')
    .option('--json', 'print the summary as JSON')
    .action((paths: string[], options: IngestCliOptions) =>
      run(async () => {
        const date = parseDateOption(options.date);
        const maxBytes = options.maxSize ? parseSize(options.maxSize) : undefined;
        if (paths.length === 0 && !options.urls) {
          throw new DyadError('DYAD_E_USAGE', 'name something to ingest: paths, URLs or --urls FILE');
        }
        const urls = options.urls ? await readUrlList(options.urls) : [];
        const controller = new AbortController();
        const onSigint = () => controller.abort();
        process.once('SIGINT', onSigint);
        const progress = createProgress('ingest', 'files');
        try {
          const summary = await withStore(options, (store) =>
            runIngest(paths, {
              store,
              pipeline: createPipeline(date && date !== 'mtime' ? { date } : {}),
              date,
              ...(options.encoding ? { encoding: options.encoding } : {}),
              ...(maxBytes !== undefined ? { maxBytes } : {}),
              urls,
              fetch: fetcherOptionsFromEnv(),
              signal: controller.signal,
              onProgress: (counts, files) => progress.update(files.done, files.total, { ...counts }),
            }),
          );
          progress.stop();
          if (options.json) printJson({ ...summary, interrupted: controller.signal.aborted });
          else {
            for (const f of summary.failures) {
              process.stderr.write(
                `dyad: ${f.code}: ${f.origin}${f.line ? `:${f.line}` : ''}: ${f.message}\n`,
              );
            }
            process.stdout.write(
              `${summaryLine(summary)}${controller.signal.aborted ? ' (interrupted)' : ''}\n`,
            );
            if (summary.read > 0 && summary.stored === 0 && summary.duplicates === summary.read) {
              process.stdout.write('nothing new: every article was already stored\n');
            }
          }
          if (controller.signal.aborted) return EXIT.INTERRUPTED;
          return summary.failed > 0 ? EXIT.PARTIAL : EXIT.OK;
        } finally {
          progress.stop();
          process.off('SIGINT', onSigint);
        }
      }),
    );
}
