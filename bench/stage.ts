/**
 * One benchmark stage in a fresh process: `node dist/bench/stage.js <stage> <list file>`.
 *
 * Runs the stage's prerequisites, prints `BEGIN` when the timed section starts (so the parent can
 * start its timeout clock there), runs the stage, and prints one line
 * `RESULT {"stage", "seconds", "maxRssMb", "info"}`: wall time of the stage alone
 * (`performance.now()`), and the process's peak resident set size (`process.resourceUsage().maxRSS`,
 * prerequisites included). With --expose-gc, a full garbage collection runs before the timed section.
 * Exit code 0 on success, 1 with the error on stderr otherwise.
 */
import { stageByName } from './stages.js';

function main(argv: string[]): void {
  const [name, file] = argv;
  if (name === undefined || file === undefined) throw new Error('bench/stage: usage: stage.js <stage> <list file>');
  const stage = stageByName(name);
  let start: number | null = null;
  const info = stage.run(file, {
    begin: () => {
      // The prerequisites' garbage collected first (when run with --expose-gc, as bench/run.ts runs
      // it): else a major GC of it could fall in the timed section and be counted as the stage's.
      (globalThis as { gc?: () => void }).gc?.();
      process.stdout.write('BEGIN\n');
      start = performance.now();
    },
  });
  const end = performance.now();
  if (start === null) throw new Error(`bench/stage: stage "${name}" never called begin()`);
  const seconds = (end - start) / 1000;
  const maxRssMb = process.resourceUsage().maxRSS / 1024; // maxRSS is in kilobytes
  process.stdout.write(`RESULT ${JSON.stringify({ stage: name, seconds, maxRssMb, info })}\n`);
}

try {
  main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
}
