// dyad start (npm start): ingest the bundled sample corpus into the database and show what was stored.

import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { createPipeline } from '../../annotate.js';
import { runIngest } from '../../jobs/ingest-job.js';
import { type DbOptions, run, withStore } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { printTable } from '../output.js';
import { createProgress } from '../progress.js';
import { summaryLine } from './ingest.js';

export const SAMPLE_CORPUS = fileURLToPath(new URL('../../../corpus/', import.meta.url));

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('ingest the bundled sample corpus into the database, then list what is stored')
    .option('--db <path>', 'database file or postgres:// URL (default ./dyad.db or $DYAD_DB)')
    .action((options: DbOptions) =>
      run(async () => {
        const progress = createProgress('ingest', 'files');
        const { summary, rows, total } = await withStore(options, async (store) => {
          const summary = await runIngest([SAMPLE_CORPUS], {
            store,
            pipeline: createPipeline(),
            onProgress: (counts, files) => progress.update(files.done, files.total, { ...counts }),
          });
          progress.stop();
          return {
            summary,
            rows: await store.listArticles({ limit: 50 }),
            total: await store.countArticles(),
          };
        });
        process.stdout.write(`sample corpus: ${summaryLine(summary)}\n\n`);
        printTable(rows, [
          { header: 'id', value: (r) => r.id, right: true },
          { header: 'published', value: (r) => r.published?.slice(0, 10) ?? '' },
          { header: 'site', value: (r) => r.site ?? '' },
          { header: 'title', value: (r) => r.title ?? '(untitled)', flex: true },
        ]);
        process.stdout.write(
          `\n${total} articles in ${storeLocation(options)}. Try: npx dyad show 1 · npx dyad search "nuclear"\n`,
        );
        return summary.failed > 0 ? EXIT.PARTIAL : EXIT.OK;
      }),
    );
}

function storeLocation(options: DbOptions): string {
  return options.db ?? process.env.DYAD_DB ?? './dyad.db';
}
