// The registered evaluation tasks, by name.

import { DyadError } from '../errors.js';
import { eventsTask } from './events.js';
import { extractionTask } from './extraction.js';
import { nerTask } from './ner.js';
import { quotesTask } from './quotes.js';
import { seedTask } from './seed.js';
import type { EvalTask } from './task.js';
import { timexTask } from './timex.js';

export const EVAL_TASKS: readonly EvalTask[] = [
  seedTask,
  timexTask,
  nerTask,
  quotesTask,
  eventsTask,
  extractionTask,
];

export function getEvalTask(name: string): EvalTask {
  const task = EVAL_TASKS.find((t) => t.name === name);
  if (!task) {
    throw new DyadError(
      'DYAD_E_USAGE',
      `unknown eval task "${name}" (known: ${EVAL_TASKS.map((t) => t.name).join(', ')})`,
    );
  }
  return task;
}
