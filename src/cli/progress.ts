/**
 * Progress on stderr for long runs: each stage is announced with the time elapsed, on the same line,
 * only when stderr is a terminal and `--quiet` is not given (so pipes, CI and tests see nothing).
 */
export type Progress = ((stage: string) => void) & { done(): void };

export function createProgress(options: { quiet?: boolean | undefined; stream?: NodeJS.WriteStream } = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const on = !options.quiet && stream.isTTY === true;
  const start = performance.now();
  let shown = false;
  const progress = ((stage: string) => {
    if (!on) return;
    const s = ((performance.now() - start) / 1000).toFixed(1);
    stream.write(`\r\x1b[2Ktwinnet [${s} s] ${stage}…`);
    shown = true;
  }) as Progress;
  progress.done = () => {
    if (on && shown) stream.write('\r\x1b[2K');
  };
  return progress;
}
