/**
 * Runs one command in a child process with a timeout, asynchronously.
 *
 * - `runStage`: `node dist/bench/stage.js <stage> <file>`; the timeout clock starts when the child
 *   prints `BEGIN` (prerequisites have their own, larger allowance), the result is the child's
 *   `RESULT` line.
 * - `runWall`: any command, timed from spawn to exit in the parent (for the end-to-end report).
 *
 * A child over time is killed (SIGKILL) and reported as `timeout`.
 */
import { spawn } from 'node:child_process';
import type { StageInfo } from './stages.js';

export type Outcome =
  | { status: 'ok'; seconds: number; maxRssMb: number; info: StageInfo }
  | { status: 'timeout'; phase: 'prerequisites' | 'stage'; afterSeconds: number }
  | { status: 'error'; message: string };

export interface StageRun {
  stageScript: string;
  stage: string;
  file: string;
  timeoutSeconds: number;
  prerequisiteTimeoutSeconds: number;
  nodeArgs: readonly string[];
}

export function runStage(r: StageRun): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...r.nodeArgs, r.stageScript, r.stage, r.file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '', phase: 'prerequisites' | 'stage' = 'prerequisites', timedOut = false;
    const started = performance.now();
    let phaseStarted = started;
    const kill = () => { timedOut = true; child.kill('SIGKILL'); };
    let timer = setTimeout(kill, r.prerequisiteTimeoutSeconds * 1000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (phase === 'prerequisites' && /^BEGIN$/m.test(out)) {
        phase = 'stage';
        phaseStarted = performance.now();
        clearTimeout(timer);
        timer = setTimeout(kill, r.timeoutSeconds * 1000);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { err += chunk; });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) {
        resolve({ status: 'timeout', phase, afterSeconds: (performance.now() - phaseStarted) / 1000 });
        return;
      }
      const line = /^RESULT (.*)$/m.exec(out)?.[1];
      if (code !== 0 || line === undefined) {
        resolve({ status: 'error', message: `exit ${code}: ${err.trim().split('\n')[0] ?? ''}` });
        return;
      }
      const parsed = JSON.parse(line) as { seconds: number; maxRssMb: number; info: StageInfo };
      resolve({ status: 'ok', seconds: parsed.seconds, maxRssMb: parsed.maxRssMb, info: parsed.info });
    });
  });
}

/** Wall time of one process, start to exit; `env` is added to this process's environment. */
export function runWall(command: string, args: readonly string[], timeoutSeconds: number, env: Record<string, string> = {}): Promise<Outcome> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
    let err = '', timedOut = false;
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { err += chunk; });
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutSeconds * 1000);
    child.on('close', (code) => {
      clearTimeout(timer);
      const seconds = (performance.now() - started) / 1000;
      if (timedOut) resolve({ status: 'timeout', phase: 'stage', afterSeconds: seconds });
      else if (code !== 0) resolve({ status: 'error', message: `exit ${code}: ${err.trim().split('\n')[0] ?? ''}` });
      else resolve({ status: 'ok', seconds, maxRssMb: Number.NaN, info: {} });
    });
  });
}
