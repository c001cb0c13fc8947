// The dyad command: parses arguments and calls the library; every command is in ./commands.

import { Command, CommanderError } from 'commander';
import { DYAD_VERSION } from '../pipeline/runner.js';
import { registerEval } from './commands/eval.js';
import { registerExplain } from './commands/explain.js';
import { registerIngest } from './commands/ingest.js';
import { registerKb } from './commands/kb.js';
import { registerQuotes } from './commands/quotes.js';
import { registerRead } from './commands/read.js';
import { registerStart } from './commands/start.js';
import { registerWatch } from './commands/watch.js';
import { EXIT } from './exit-codes.js';

export function createProgram(): Command {
  const program = new Command('dyad')
    .description('Dyad turns news into event data: who did what to whom, who said what, when and where.')
    .version(DYAD_VERSION)
    .showHelpAfterError('(run dyad --help for usage)')
    .exitOverride();
  registerIngest(program);
  registerRead(program);
  registerEval(program);
  registerExplain(program);
  registerKb(program);
  registerQuotes(program);
  registerStart(program);
  registerWatch(program);
  program.addHelpText(
    'after',
    '\nExit codes: 0 ok, 1 some inputs failed, 2 usage error, 3 fatal (database, pipeline), 4 not found, 130 interrupted.',
  );
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = createProgram();
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
      return;
    }
    throw e;
  }
}

await main(process.argv);
