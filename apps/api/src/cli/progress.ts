import { SingleBar } from "cli-progress";

export type Progress = { update: (bytes: number, rows: number) => void; stop: () => void };

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const count = (n: number) => Math.round(n).toLocaleString("en-US");

/** A bar on a terminal; elsewhere (CI, pipes, logs) a plain line every few seconds. Both on stderr. */
export function createProgress(options: {
  label: string;
  totalBytes: number;
  tty: boolean;
  everyMs?: number;
}): Progress {
  const started = performance.now();
  const rate = (rows: number) => rows / Math.max((performance.now() - started) / 1000, 0.001);
  const total = Math.max(options.totalBytes, 1);

  if (options.tty) {
    const bar = new SingleBar({
      format: `${options.label} {bar} {percentage}% | {done}/{size} MB | {rows} rows | {rate} rows/s | ETA {eta_formatted}`,
      stream: process.stderr,
      hideCursor: true,
      barsize: 30,
    });
    bar.start(total, 0, { done: mb(0), size: mb(total), rows: "0", rate: "0" });
    return {
      update: (bytes, rows) =>
        bar.update(Math.min(bytes, total), { done: mb(bytes), rows: count(rows), rate: count(rate(rows)) }),
      stop: () => bar.stop(),
    };
  }

  let last = started;
  return {
    update: (bytes, rows) => {
      const now = performance.now();
      if (now - last < (options.everyMs ?? 5_000)) return;
      last = now;
      const percent = Math.min(100, Math.floor((100 * bytes) / total));
      process.stderr.write(
        `${options.label}: ${percent}% of ${mb(total)} MB, ${count(rows)} rows, ${count(rate(rows))} rows/s\n`,
      );
    },
    stop: () => undefined,
  };
}
