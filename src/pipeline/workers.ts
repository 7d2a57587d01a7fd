/**
 * Worker threads: where a compiled worker script is and whether to use it. Workers are used only
 * from compiled JavaScript (a `.js` file beside the calling module, or beside the bundle
 * dist/twinnet.mjs) and unless TWINNET_WORKERS=0; otherwise the same work runs on the main thread,
 * with the same results.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';

/** URL of the worker script `name` beside `base` (the caller's `import.meta.url`), or null when workers are off or it is missing. */
export function workerScript(name: string, base: string): URL | null {
  if (process.env['TWINNET_WORKERS'] === '0') return null;
  const url = new URL(`./${name}`, base);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : null;
}

/** The distinct ArrayBuffers under the typed arrays found in `value` (plain objects and arrays walked), for a postMessage transfer list. */
export function transferables(value: unknown, out = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) out.add(value.buffer);
  } else if (Array.isArray(value)) {
    for (const x of value) if (x !== null && typeof x === 'object') transferables(x, out);
  } else if (value !== null && typeof value === 'object') {
    for (const x of Object.values(value)) if (x !== null && typeof x === 'object') transferables(x, out);
  }
  return [...out];
}

/** The messages of a worker in order of arrival, each taken with `next()`. */
export interface WorkerInbox {
  next<T>(): Promise<T>;
  /** Stops listening (messages after this are not kept). */
  close(): void;
}

/**
 * Listens to `worker` from now on, keeping every message until it is taken; `next()` rejects on the
 * worker's error or a non-zero exit (`what` names it in that error), and so do later calls.
 */
export function workerInbox(worker: Worker, what: string): WorkerInbox {
  const queue: unknown[] = [];
  const waiting: { resolve: (m: unknown) => void; reject: (e: Error) => void }[] = [];
  let failure: Error | null = null;
  const onMessage = (m: unknown): void => { const w = waiting.shift(); if (w) w.resolve(m); else queue.push(m); };
  const fail = (e: Error): void => { failure = e; for (const w of waiting.splice(0)) w.reject(e); };
  const onExit = (code: number): void => { if (code !== 0) fail(new Error(`${what} exited with code ${code}`)); };
  worker.on('message', onMessage);
  worker.on('error', fail);
  worker.on('exit', onExit);
  return {
    next<T>(): Promise<T> {
      if (queue.length > 0) return Promise.resolve(queue.shift() as T);
      if (failure) return Promise.reject(failure);
      return new Promise<T>((resolve, reject) => waiting.push({ resolve: resolve as (m: unknown) => void, reject }));
    },
    close(): void {
      worker.off('message', onMessage);
      worker.off('error', fail);
      worker.off('exit', onExit);
    },
  };
}

/**
 * The first message of `worker` (after posting `job`, when given), then the worker is ended — or, with
 * `keep`, left running but unref'd (it does not hold the process) for another job; rejects on its
 * error or a non-zero exit before it answered (`what` names it in that error).
 */
export function workerAnswer<T>(worker: Worker, what: string, job?: unknown, keep = false): Promise<T> {
  const inbox = workerInbox(worker, what);
  worker.ref();
  if (job !== undefined) worker.postMessage(job);
  return inbox.next<T>().finally(() => {
    inbox.close();
    if (keep) worker.unref(); else void worker.terminate();
  });
}

/** Who holds a task shared through `tryClaim`: nobody yet, the main thread, a worker. */
export const Claim = { Free: 0, Main: 1, Worker: 2 } as const;
export type Claim = (typeof Claim)[keyof typeof Claim];

/**
 * Claims the task behind `flag` (one Int32 on shared memory) for `who`, if nobody else holds it:
 * true when `who` holds it afterwards (it was free, or already `who`'s).
 */
export function tryClaim(flag: Int32Array, who: Claim): boolean {
  const before = Atomics.compareExchange(flag, 0, Claim.Free, who);
  return before === Claim.Free || before === who;
}
