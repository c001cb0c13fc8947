// Progress for long work: a bar with counts and rate on a terminal, nothing until the summary otherwise.

import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, total: number, counts: Record<string, number>): void;
  stop(): void;
}

export function createProgress(label: string, unit: string, stream = process.stderr): Progress {
  if (!stream.isTTY || process.env.CI) return { update() {}, stop() {} };
  const started = performance.now();
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${label} [{bar}] {value}/{total} ${unit} | {counts} | {rate}/s | eta {eta_formatted}`,
      barsize: 24,
      hideCursor: true,
      clearOnComplete: true,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  let startedBar = false;
  return {
    update(done, total, counts) {
      const seconds = (performance.now() - started) / 1000;
      const items = counts.read ?? done;
      const payload = {
        counts: Object.entries(counts)
          .map(([k, v]) => `${v} ${k}`)
          .join(', '),
        rate: seconds > 0 ? (items / seconds).toFixed(1) : '0',
      };
      if (!startedBar) {
        bar.start(total, done, payload);
        startedBar = true;
      } else {
        bar.setTotal(total);
        bar.update(done, payload);
      }
    },
    stop() {
      if (startedBar) bar.stop();
    },
  };
}
