/**
 * Progress on stderr for long runs: each stage is announced with the time elapsed, on the same line,
 * only when stderr is a terminal and `--quiet` is not given (so pipes, CI and tests see nothing).
 * With `timings`, `done()` also prints how long each stage took (wall time, from the process start
 * for the first one) and the process's peak resident memory by the end of it (all threads; the peak
 * only grows, so the stage where it jumps is the one that needed the memory), whatever stderr is.
 */
export type Progress = ((stage: string) => void) & { done(): void };

export function createProgress(options: { quiet?: boolean | undefined; timings?: boolean | undefined; stream?: NodeJS.WriteStream } = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const on = !options.quiet && stream.isTTY === true;
  const start = performance.now();
  const marks: { stage: string; at: number; peakKb: number }[] = [{ stage: 'start-up (node, loading twinnet)', at: 0, peakKb: 0 }];
  let shown = false;
  const progress = ((stage: string) => {
    if (options.timings) marks.push({ stage, at: performance.now(), peakKb: process.resourceUsage().maxRSS });
    if (!on) return;
    const s = ((performance.now() - start) / 1000).toFixed(1);
    stream.write(`\r\x1b[2Ktwinnet [${s} s] ${stage}…`);
    shown = true;
  }) as Progress;
  progress.done = () => {
    if (on && shown) stream.write('\r\x1b[2K');
    if (!options.timings) return;
    const end = performance.now(), endPeak = process.resourceUsage().maxRSS;
    const mb = (kb: number) => `${(kb / 1024).toFixed(0).padStart(6)} MB`;
    const lines = marks.map((m, i) => {
      const next = marks[i + 1];
      const ms = ((next?.at ?? end) - m.at).toFixed(0);
      return `${ms.padStart(7)} ms ${mb(next?.peakKb ?? endPeak)}  ${m.stage}`;
    });
    stream.write(`timings (wall; peak memory by the end of each stage):\n${lines.join('\n')}\n${end.toFixed(0).padStart(7)} ms ${mb(endPeak)}  in all, from the process start\n`);
  };
  return progress;
}
