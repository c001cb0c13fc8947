// The evaluation framework: each task reads a public gold set in its own format, scores Dyad against it and
// can write Dyad's predictions in that format for the set's official scorer.

export interface EvalOptions {
  /** The gold data: a file or directory. */
  data: string;
  /** Where to write predictions in the gold set's own format. */
  predictions?: string;
  /** Task-specific options from the command line (e.g. --dictionaries). */
  options: Record<string, string | boolean | undefined>;
  onProgress?: (done: number, total: number) => void;
}

export interface EvalOutcome {
  /** Number of items scored (sentences, documents, pages …). */
  n: number;
  metrics: Record<string, unknown>;
  /** Lines for a person: what is missing or wrong. Not part of the JSON contract's required fields. */
  report?: string[];
  /** Extra machine-readable detail (per-check results). */
  details?: unknown;
}

export interface EvalResult extends EvalOutcome {
  task: string;
  data: string;
  seconds: number;
}

export interface EvalTask {
  name: string;
  description: string;
  /** Default --data, relative to the working directory. */
  defaultData?: string;
  run(options: EvalOptions): Promise<EvalOutcome>;
}

export async function runEval(task: EvalTask, options: EvalOptions): Promise<EvalResult> {
  const started = performance.now();
  const outcome = await task.run(options);
  return {
    task: task.name,
    data: options.data,
    n: outcome.n,
    metrics: outcome.metrics,
    seconds: Number(((performance.now() - started) / 1000).toFixed(3)),
    ...(outcome.report ? { report: outcome.report } : {}),
    ...(outcome.details !== undefined ? { details: outcome.details } : {}),
  };
}
