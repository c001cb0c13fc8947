// The read-only commands: analyze (no store), articles, show, search.

import type { Command } from 'commander';
import { analyzeFile } from '../../annotate.js';
import { DyadError } from '../../errors.js';
import { parseDateOption } from '../../ingest/published.js';
import { type DbOptions, parseLimit, run, withStore } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { printJson, printTable } from '../output.js';
import { renderDoc } from '../render.js';

const dbOption = ['--db <path>', 'database file or postgres:// URL (default ./dyad.db or $DYAD_DB)'] as const;

export function registerRead(program: Command): void {
  program
    .command('analyze')
    .description('run the pipeline on one file (or - for stdin) without storing it, and print the Doc')
    .argument('<file>', 'an article file, or - for standard input')
    .option('--date <date>', 'publication date to assume if the article states none (YYYY-MM-DD)')
    .option('--encoding <name>', 'read the file in this encoding instead of detecting it')
    .option('--json', 'print the Doc JSON (an array when the file holds several articles)')
    .option('--tokens', 'include the token layer in the JSON')
    .action((file: string, options: { date?: string; encoding?: string; json?: boolean; tokens?: boolean }) =>
      run(async () => {
        const date = parseDateOption(options.date);
        const items = await analyzeFile(file, {
          ...(date ? { date } : {}),
          ...(options.encoding ? { encoding: options.encoding } : {}),
        });
        const docs = items.flatMap((i) => (i.doc ? [i.doc] : []));
        for (const i of items) {
          if (i.error) process.stderr.write(`dyad: ${i.error.describe()}\n`);
        }
        if (docs.length === 0) return EXIT.PARTIAL;
        if (options.json) {
          const json = docs.map((d) => d.toJSON({ tokens: options.tokens ?? false }));
          printJson(json.length === 1 ? json[0] : json);
        } else process.stdout.write(`${docs.map((d) => renderDoc(d)).join('\n\n')}\n`);
        return items.some((i) => i.error) ? EXIT.PARTIAL : EXIT.OK;
      }),
    );

  program
    .command('articles')
    .description('list stored articles, newest first')
    .option('--limit <n>', 'how many', '20')
    .option('--offset <n>', 'skip this many', '0')
    .option('--json', 'print [{id, title, site, url, published, ingestedAt}]')
    .option(...dbOption)
    .action((options: DbOptions & { limit: string; offset: string; json?: boolean }) =>
      run(async () => {
        const limit = parseLimit(options.limit);
        const offset = parseLimit(options.offset);
        const [rows, total] = await withStore(options, async (store) => [
          await store.listArticles({ limit, offset }),
          await store.countArticles(),
        ]);
        if (options.json) return void printJson(rows);
        printTable(rows, [
          { header: 'id', value: (r) => r.id, right: true },
          { header: 'published', value: (r) => r.published?.slice(0, 10) ?? '' },
          { header: 'site', value: (r) => r.site ?? '' },
          { header: 'title', value: (r) => r.title ?? '(untitled)', flex: true },
        ]);
        process.stdout.write(`${rows.length} of ${total} articles\n`);
        return EXIT.OK;
      }),
    );

  program
    .command('show')
    .description('show one stored article with its layers')
    .argument('<id>', 'the article id (see dyad articles)')
    .option('--json', 'print the Doc JSON')
    .option('--tokens', 'include the token layer in the JSON')
    .option(...dbOption)
    .action((id: string, options: DbOptions & { json?: boolean; tokens?: boolean }) =>
      run(async () => {
        const n = Number(id);
        if (!Number.isInteger(n) || n <= 0)
          throw new DyadError('DYAD_E_USAGE', `"${id}" is not an article id`);
        const doc = await withStore(options, (store) => store.getDoc(n));
        if (!doc) throw new DyadError('DYAD_E_NOT_FOUND', `no article with id ${n}`);
        if (options.json) printJson(doc.toJSON({ tokens: options.tokens ?? false }));
        else process.stdout.write(`${renderDoc(doc)}\n`);
        return EXIT.OK;
      }),
    );

  program
    .command('search')
    .description('full-text search over stored titles and texts')
    .argument('<words>', 'words to look for (all must occur)')
    .option('--limit <n>', 'how many', '20')
    .option('--json', 'print the hits as JSON')
    .option(...dbOption)
    .action((words: string, options: DbOptions & { limit: string; json?: boolean }) =>
      run(async () => {
        const limit = parseLimit(options.limit);
        const hits = await withStore(options, (store) => store.search(words, { limit }));
        if (options.json) return void printJson(hits);
        printTable(hits, [
          { header: 'id', value: (r) => r.id, right: true },
          { header: 'published', value: (r) => r.published?.slice(0, 10) ?? '' },
          { header: 'title', value: (r) => r.title ?? '(untitled)' },
          { header: 'snippet', value: (r) => r.snippet, flex: true },
        ]);
        process.stdout.write(`${hits.length} hits\n`);
        return EXIT.OK;
      }),
    );
}
