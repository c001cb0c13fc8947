// The registered evaluation tasks, by name.

import { DyadError } from '../errors.js';
import { nerTask } from './ner.js';
import { seedTask } from './seed.js';
import type { EvalTask } from './task.js';

export const EVAL_TASKS: readonly EvalTask[] = [seedTask, nerTask];

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
