/**
 * Worker threads: where a compiled worker script is and whether to use it. Workers are used only
 * from compiled JavaScript (a `.js` file beside the calling module, or beside the bundle
 * dist/twinnet.mjs) and unless TWINNET_WORKERS=0; otherwise the same work runs on the main thread,
 * with the same results.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import type { MessagePort, Worker } from 'node:worker_threads';

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

/**
 * Chunks 0 … count − 1 of one job shared between the main thread and a worker, each a pure function
 * of its number: each thread claims the next number (`control[0]`, atomic add) and computes that
 * chunk; the worker posts each of its chunks on `port` (typed arrays transferred) and counts it in
 * `control[1]`; the main thread takes them from the port without returning to its event loop
 * (`receiveMessageOnPort`), waiting on `control[1]` for those still being computed. `control[2]` is
 * the number of chunks, published by the main thread as it starts (0 before), so that a worker
 * coming late makes nothing for a job already taken (`chunksLeft`).
 */
export interface ChunkShare { control: Int32Array; port: MessagePort }

const ChunkSlot = { next: 0, posted: 1, count: 2 } as const;

/** A share's two ends: `main` stays on the main thread, `worker` is posted to the worker (its port in the transfer list). */
export function chunkShare(): { main: ChunkShare; worker: ChunkShare } {
  const control = new Int32Array(new SharedArrayBuffer(4 * 3));
  const { port1, port2 } = new MessageChannel();
  return { main: { control, port: port1 }, worker: { control, port: port2 } };
}

/** Whether a thread coming now may find chunks to compute: the main thread has not started, or some are unclaimed. */
export function chunksLeft(share: ChunkShare): boolean {
  const count = Atomics.load(share.control, ChunkSlot.count);
  return count === 0 || Atomics.load(share.control, ChunkSlot.next) < count;
}

interface ChunkMessage { chunk: number; value?: unknown; error?: string }

/** In the worker: claims and computes chunks until none is left, posting each; a failure is posted too (the main thread would wait for it forever), then thrown. */
export function shareChunks<T>(share: ChunkShare, count: number, compute: (chunk: number) => T): void {
  const { control, port } = share;
  const posted = (message: ChunkMessage, transfer: ArrayBuffer[] = []): void => {
    port.postMessage(message, transfer);
    Atomics.add(control, ChunkSlot.posted, 1);
    Atomics.notify(control, ChunkSlot.posted);
  };
  try {
    const published = Atomics.load(control, ChunkSlot.count);
    if (published !== 0 && published !== count) throw new Error(`pipeline/workers: ${count} chunks here, ${published} on the main thread`);
    for (let c = Atomics.add(control, ChunkSlot.next, 1); c < count; c = Atomics.add(control, ChunkSlot.next, 1)) {
      const value = compute(c);
      posted({ chunk: c, value }, transferables(value));
    }
  } catch (e) {
    posted({ chunk: -1, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    throw e;
  }
}

/**
 * On the main thread: publishes `count`, computes the chunks it claims and takes those the worker
 * computed; `take` gets every chunk once, in no fixed order (as they are done). `onRest` is called
 * once if, every chunk claimed, some of the worker's are yet to be taken (posted or still being
 * computed). Throws when the worker failed on one.
 */
export function collectChunks<T>(
  share: ChunkShare, count: number, compute: (chunk: number) => T, take: (chunk: number, value: T) => void, onRest: () => void = () => {},
): void {
  const { control, port } = share;
  Atomics.store(control, ChunkSlot.count, count);
  let taken = 0;
  const receive = (): boolean => {
    const m = receiveMessageOnPort(port)?.message as ChunkMessage | undefined;
    if (!m) return false;
    if (m.chunk < 0) throw new Error(`pipeline/workers: the worker failed on a shared chunk: ${m.error ?? ''}`);
    take(m.chunk, m.value as T);
    taken++;
    return true;
  };
  for (let c = Atomics.add(control, ChunkSlot.next, 1); c < count; c = Atomics.add(control, ChunkSlot.next, 1)) {
    take(c, compute(c));
    taken++;
    while (receive());
  }
  if (taken < count) onRest();
  while (taken < count) {
    // Read the count before looking: a chunk posted after the look counts after it, and wakes the wait.
    const seen = Atomics.load(control, ChunkSlot.posted);
    if (!receive()) Atomics.wait(control, ChunkSlot.posted, seen);
  }
}

/**
 * A layout's second thread (`repulsion-helper.ts`): `state[0]` = 8 × the job's number + its phase.
 * Posted becomes Running when the worker takes the job up, or Skipped when the caller, its own share
 * done, finds the worker has not begun (a worker still starting, or one that never will, holds
 * nothing up: every chunk was the caller's); Running becomes Done, or Failed with the reason on
 * `port`. A message for an older job finds another number and is ignored.
 */
export const RepulsionPhase = { Posted: 0, Running: 1, Done: 2, Failed: 3, Skipped: 4 } as const;
export const REPULSION_PHASES = 8;
/** Nodes a thread takes at a time from a job's shared counter (small enough to balance two threads' shares, large enough that taking is rare). */
export const REPULSION_CHUNK = 2048;
/**
 * Takes ranges of `REPULSION_CHUNK` nodes of 0 … n − 1 from the shared counter `next[0]` and walks
 * each, until none is left (run by both threads of a job); the number of ranges this thread walked.
 */
export function takeRepulsionChunks(next: Int32Array, n: number, walk: (from: number, to: number) => void): number {
  let taken = 0;
  for (let from = Atomics.add(next, 0, REPULSION_CHUNK); from < n; from = Atomics.add(next, 0, REPULSION_CHUNK)) {
    walk(from, Math.min(n, from + REPULSION_CHUNK));
    taken++;
  }
  return taken;
}
/** The worker's start: the job's phase, the counter of nodes handed out (`next[0]`), the port for a failure's reason. */
export interface RepulsionWorkerData { state: Int32Array; next: Int32Array; port: MessagePort }
/** A job as posted to the worker: the walks and the job's number. */
export interface RepulsionMessage<J> { job: J; id: number }
