// dyad eval TASK --data PATH [--predictions FILE] [--json]: score Dyad on a public gold set.

import type { Command } from 'commander';
import { type EvalResult, runEval } from '../../eval/task.js';
import { EVAL_TASKS, getEvalTask } from '../../eval/tasks.js';
import { run } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { printJson } from '../output.js';
import { createProgress } from '../progress.js';

function flatten(prefix: string, value: unknown, out: [string, string][]): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(prefix ? `${prefix}.${k}` : k, v, out);
  } else
    out.push([prefix, typeof value === 'number' ? String(Number(value.toFixed(4))) : JSON.stringify(value)]);
}

export function formatEval(result: EvalResult): string {
  const rows: [string, string][] = [];
  flatten('', result.metrics, rows);
  const width = Math.max(...rows.map(([k]) => k.length), 6);
  const lines = [`${result.task} on ${result.data}: ${result.n} items in ${result.seconds}s`];
  for (const [k, v] of rows) lines.push(`  ${k.padEnd(width)}  ${v}`);
  if (result.report?.length) lines.push('', ...result.report);
  return lines.join('\n');
}

export function registerEval(program: Command): void {
  const list = EVAL_TASKS.map((t) => `  ${t.name.padEnd(12)}${t.description}`).join('\n');
  program
    .command('eval')
    .description('measure Dyad on a public gold-standard set')
    .argument('<task>', `one of: ${EVAL_TASKS.map((t) => t.name).join(', ')}`)
    .option('--data <path>', 'the gold data (file or directory)')
    .option('--predictions <file>', "write Dyad's predictions in the gold set's own format")
    .option('--dictionaries <dir>', 'dictionaries to load for the task (events)')
    .option('--limit <n>', 'score only the first n items')
    .option('--json', 'print {task, data, n, metrics, seconds} as JSON')
    .addHelpText('after', `\nTasks:\n${list}`)
    .action(
      (
        name: string,
        options: {
          data?: string;
          predictions?: string;
          dictionaries?: string;
          limit?: string;
          json?: boolean;
        },
      ) =>
        run(async () => {
          const task = getEvalTask(name);
          const data = options.data ?? task.defaultData ?? '.';
          const progress = createProgress(`eval ${name}`, 'items');
          const result = await runEval(task, {
            data,
            ...(options.predictions ? { predictions: options.predictions } : {}),
            options: { dictionaries: options.dictionaries, limit: options.limit },
            onProgress: (done, total) => progress.update(done, total, {}),
          });
          progress.stop();
          if (options.json) {
            const { report: _report, details: _details, ...summary } = result;
            printJson(summary);
          } else process.stdout.write(`${formatEval(result)}\n`);
          return EXIT.OK;
        }),
    );
}
