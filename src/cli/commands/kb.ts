// dyad kb: the knowledge base. `kb import --petrarch` turns PETRARCH dictionaries into a user layer; `kb info`
// lists the layers in use; `kb lookup NAME` says what a name stands for on a date.

import type { Command } from 'commander';
import { DyadError } from '../../errors.js';
import { parseDateOption } from '../../ingest/published.js';
import { importPetrarch } from '../../kb/import.js';
import { DEFAULT_USER_KB_DIR, loadKnowledgeBase } from '../../kb/index.js';
import { run } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { printJson, printTable } from '../output.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerKb(program: Command): void {
  const kb = program
    .command('kb')
    .description('the knowledge base: import dictionaries, list layers, look names up');

  kb.command('import')
    .description('import PETRARCH actor and agents dictionaries into a user KB layer')
    .argument('<paths...>', 'dictionary files, or directories holding *actors* / *agents* files')
    .requiredOption('--petrarch', 'the files are in PETRARCH/TABARI dictionary format')
    .option(
      '--into <dir>',
      `the user layer to write (default ./${DEFAULT_USER_KB_DIR}, loaded automatically)`,
    )
    .option('--json', 'print {into, files, skipped} as JSON')
    .action((paths: string[], options: { into?: string; json?: boolean }) =>
      run(async () => {
        const result = importPetrarch(paths, options.into ? { into: options.into } : {});
        if (options.json) {
          printJson({
            into: result.into,
            files: result.files.map((f) => ({ ...f, warnings: f.warnings.length })),
            skipped: result.skipped,
          });
          return EXIT.OK;
        }
        printTable(result.files, [
          { header: 'file', value: (f) => f.source, flex: true },
          { header: 'kind', value: (f) => f.kind },
          { header: 'entries', value: (f) => f.entries, right: true },
          { header: 'warnings', value: (f) => f.warnings.length, right: true },
        ]);
        for (const f of result.files) {
          for (const w of f.warnings.slice(0, 5))
            process.stderr.write(`dyad: ${f.source}:${w.line}: ${w.message}\n`);
          if (f.warnings.length > 5)
            process.stderr.write(`dyad: ${f.source}: ${f.warnings.length - 5} more warnings\n`);
        }
        if (result.skipped.length)
          process.stdout.write(`skipped (not actors or agents): ${result.skipped.length}\n`);
        process.stdout.write(`wrote ${result.into}\n`);
        return EXIT.OK;
      }),
    );

  kb.command('info')
    .description('list the knowledge-base layers in use, their version and record counts')
    .option('--kb <dir>', 'an extra KB layer above the others (repeatable)', collect)
    .option('--json', 'print {version, layers, counts} as JSON')
    .action((options: { kb?: string[]; json?: boolean }) =>
      run(async () => {
        const loaded = loadKnowledgeBase(options.kb ? { kbPaths: options.kb } : {});
        const info = { version: loaded.version, layers: loaded.dirs, counts: loaded.counts() };
        if (options.json) return void printJson(info);
        process.stdout.write(`version ${info.version}\n`);
        for (const [i, dir] of info.layers.entries()) process.stdout.write(`layer ${i}: ${dir}\n`);
        for (const [k, v] of Object.entries(info.counts)) process.stdout.write(`${k.padEnd(16)}${v}\n`);
        return EXIT.OK;
      }),
    );

  kb.command('lookup')
    .description('what a name stands for (and its CAMEO code on a date)')
    .argument('<name>', 'a name, e.g. "Washington" or "Donald Trump"')
    .option('--date <date>', 'the date for office holders and dated codes (YYYY-MM-DD)')
    .option('--kb <dir>', 'an extra KB layer above the others (repeatable)', collect)
    .option('--json', 'print the matches as JSON')
    .action((name: string, options: { date?: string; kb?: string[]; json?: boolean }) =>
      run(async () => {
        const date = parseDateOption(options.date);
        if (date === 'mtime') throw new DyadError('DYAD_E_USAGE', '--date needs a date here (YYYY-MM-DD)');
        const loaded = loadKnowledgeBase(options.kb ? { kbPaths: options.kb } : {});
        const found = loaded.lookup(name, date ? date.slice(0, 10) : null);
        if (options.json) return void printJson(found);
        if (found.length === 0)
          throw new DyadError('DYAD_E_NOT_FOUND', `the knowledge base does not know "${name}"`);
        printTable(found, [
          { header: 'kind', value: (f) => f.kind },
          { header: 'code', value: (f) => f.code },
          { header: 'id', value: (f) => f.id },
          { header: 'name', value: (f) => f.name, flex: true },
        ]);
        return EXIT.OK;
      }),
    );
}
