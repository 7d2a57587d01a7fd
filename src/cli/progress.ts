/**
 * Progress on stderr for long runs: each stage is announced with the time elapsed, on the same line,
 * only when stderr is a terminal and `--quiet` is not given (so pipes, CI and tests see nothing).
 * With `timings`, `done()` also prints how long each stage took (wall time, from the process start
 * for the first one), whatever stderr is.
 */
export type Progress = ((stage: string) => void) & { done(): void };

export function createProgress(options: { quiet?: boolean | undefined; timings?: boolean | undefined; stream?: NodeJS.WriteStream } = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const on = !options.quiet && stream.isTTY === true;
  const start = performance.now();
  const marks: { stage: string; at: number }[] = [{ stage: 'start-up (node, loading twinnet)', at: 0 }];
  let shown = false;
  const progress = ((stage: string) => {
    if (options.timings) marks.push({ stage, at: performance.now() });
    if (!on) return;
    const s = ((performance.now() - start) / 1000).toFixed(1);
    stream.write(`\r\x1b[2Ktwinnet [${s} s] ${stage}…`);
    shown = true;
  }) as Progress;
  progress.done = () => {
    if (on && shown) stream.write('\r\x1b[2K');
    if (!options.timings) return;
    const end = performance.now();
    const lines = marks.map((m, i) => {
      const ms = ((marks[i + 1]?.at ?? end) - m.at).toFixed(0);
      return `${ms.padStart(7)} ms  ${m.stage}`;
    });
    stream.write(`timings (wall):\n${lines.join('\n')}\n${end.toFixed(0).padStart(7)} ms  in all, from the process start\n`);
  };
  return progress;
}
