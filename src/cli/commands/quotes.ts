// dyad quotes [--speaker NAME|CODE] [--text WORDS] [--since DATE] [--json]: who said what, from the stored articles.

import type { Command } from 'commander';
import { DyadError } from '../../errors.js';
import { normalizeDate } from '../../ingest/published.js';
import { findQuotes, type QuoteQuery } from '../../quotes/query.js';
import { type DbOptions, parseLimit, run, withStore } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { printJson, printTable } from '../output.js';

export function registerQuotes(program: Command): void {
  program
    .command('quotes')
    .description('list stored quotes: who said what, newest articles first')
    .option('--speaker <name|code>', 'a speaker name (any part) or CAMEO code prefix (USAGOV, IGOWSTNAT)')
    .option('--text <words>', 'words that must all occur in the quote')
    .option('--since <date>', 'only articles published on or after this date (YYYY-MM-DD)')
    .option('--limit <n>', 'at most this many quotes', '100')
    .option('--json', 'print [{articleId, title, url, published, quote}]')
    .option('--db <path>', 'database file or postgres:// URL (default ./dyad.db or $DYAD_DB)')
    .action(
      (
        options: DbOptions & {
          speaker?: string;
          text?: string;
          since?: string;
          limit: string;
          json?: boolean;
        },
      ) =>
        run(async () => {
          const query: QuoteQuery = { limit: parseLimit(options.limit) };
          if (options.speaker !== undefined) query.speaker = options.speaker;
          if (options.text !== undefined) query.text = options.text;
          if (options.since !== undefined) {
            const since = normalizeDate(options.since);
            if (!since)
              throw new DyadError('DYAD_E_DATE', `--since "${options.since}" is not a date (use YYYY-MM-DD)`);
            query.since = since;
          }
          const hits = await withStore(options, (store) => findQuotes(store, query));
          if (options.json) return void printJson(hits);
          printTable(hits, [
            { header: 'date', value: (h) => h.published?.slice(0, 10) ?? '' },
            { header: 'speaker', value: (h) => h.quote.speaker?.name ?? '(unattributed)' },
            { header: 'code', value: (h) => h.quote.speaker?.code ?? '' },
            { header: 'quote', value: (h) => h.quote.text, flex: true },
          ]);
          process.stdout.write(`${hits.length} quotes\n`);
          return EXIT.OK;
        }),
    );
}
