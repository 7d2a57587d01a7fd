/**
 * A second thread for ForceAtlas2's Barnes–Hut walks: `sharedNetworkLayout` is `networkLayout` with a
 * `RepulsionHelper` whose worker (`repulsion-worker.ts`) walks the tree for the chunks of nodes it
 * takes from each iteration's job while the calling thread walks the others, then waits
 * (`Atomics.wait`: the layout stays a synchronous call). The job's arrays are SharedArrayBuffers,
 * posted once per iteration and never copied; the chunks are taken through a shared counter
 * (`Atomics.add`). Each node's walk is done whole by one thread in the same order, so the positions
 * are the same bits as on one thread (tested). For the layouts of exports and the bench's GEXF
 * stage: in a report the second core already has work of its own.
 *
 * The worker starts at the first job (layouts of `SHARED_REPULSION_NODES` or more), not before, and
 * is ended when the layout is done, also when it fails. The caller never waits for a worker that has
 * not begun a job (still starting, or never to start): it walks every chunk itself, and the worker
 * leaves that job (`RepulsionPhase`). A worker that cannot be made or fails to load takes no further
 * part, and the layout goes on on one thread (the same positions). No helper where workers are off
 * (`workerScript`).
 */
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { RepulsionHelper, RepulsionJob } from '../layout/forceatlas2-barnes-hut.js';
import { networkLayout } from '../layout/network-layout.js';
import type { LayoutNetwork, NetworkLayout } from '../layout/network-layout.js';
import { REPULSION_CHUNK, REPULSION_PHASES, RepulsionPhase, takeRepulsionChunks, workerScript } from './workers.js';
import type { RepulsionMessage, RepulsionWorkerData } from './workers.js';

/**
 * Nodes in a Barnes–Hut layout below which its walks stay on one thread: starting the worker costs
 * more than half the walks of a smaller layout save (10–30 iterations at this size; measured).
 */
export const SHARED_REPULSION_NODES = 10_000;

/** How long the calling thread waits for a worker that has taken a job up before it gives up with an error (a share takes seconds). */
const GIVE_UP_MS = 10 * 60_000;

/** What was shared: jobs the worker took part in, jobs the caller did alone, chunks in all, chunks the caller walked. */
export interface RepulsionStats { taken: number; skipped: number; chunks: number; walkedHere: number }

/**
 * A helper whose thread starts with its first job, or null when workers are off; `close` ends the
 * thread. `script`: the worker's script (default the compiled `repulsion-worker.js` beside this module).
 */
export function repulsionHelper(script: URL | null = workerScript('repulsion-worker.js', import.meta.url)): (RepulsionHelper & { close(): void; stats(): RepulsionStats }) | null {
  if (script === null) return null;
  let worker: Worker | null = null;
  let channel: MessageChannel | null = null;
  /** The worker could not be made, or failed outside a job (it takes no further part). */
  let broken = false;
  const state = new Int32Array(new SharedArrayBuffer(4));
  const next = new Int32Array(new SharedArrayBuffer(4));
  const stats: RepulsionStats = { taken: 0, skipped: 0, chunks: 0, walkedHere: 0 };
  let id = 0;
  const thread = (): Worker | null => {
    if (worker === null && !broken) {
      try {
        channel = new MessageChannel();
        const data: RepulsionWorkerData = { state, next, port: channel.port2 };
        worker = new Worker(script, { workerData: data, transferList: [channel.port2] });
        worker.on('error', () => { broken = true; });
        worker.unref();
      } catch {
        broken = true;
        channel?.port1.close();
        channel?.port2.close();
        worker = null;
      }
    }
    return broken ? null : worker;
  };
  return {
    accepts: (n) => n >= SHARED_REPULSION_NODES,
    memory: (bytes) => new SharedArrayBuffer(bytes),
    share(job: RepulsionJob, walk: (from: number, to: number) => void): void {
      const w = thread();
      if (w === null) { walk(0, job.n); return; }
      id++;
      const base = REPULSION_PHASES * id;
      Atomics.store(next, 0, 0);
      Atomics.store(state, 0, base + RepulsionPhase.Posted);
      const message: RepulsionMessage<RepulsionJob> = { job, id };
      w.postMessage(message);
      stats.chunks += Math.ceil(job.n / REPULSION_CHUNK);
      stats.walkedHere += takeRepulsionChunks(next, job.n, walk);
      // Not begun by the worker: every chunk was this thread's, and the worker will leave the job.
      if (Atomics.compareExchange(state, 0, base + RepulsionPhase.Posted, base + RepulsionPhase.Skipped) === base + RepulsionPhase.Posted) {
        stats.skipped++;
        return;
      }
      stats.taken++;
      const since = Date.now();
      while (Atomics.load(state, 0) === base + RepulsionPhase.Running) {
        Atomics.wait(state, 0, base + RepulsionPhase.Running, 1000);
        if (Date.now() - since > GIVE_UP_MS) throw new Error(`pipeline/repulsion-helper: the layout's second thread gave no answer in ${GIVE_UP_MS / 60_000} minutes`);
      }
      if (Atomics.load(state, 0) === base + RepulsionPhase.Failed) {
        const why = channel ? receiveMessageOnPort(channel.port1)?.message : undefined;
        throw new Error(`pipeline/repulsion-helper: the layout's second thread failed: ${String(why ?? 'no reason given')}`);
      }
    },
    stats: () => ({ ...stats }),
    close(): void {
      channel?.port1.close();
      if (worker !== null) void worker.terminate();
      worker = null;
    },
  };
}

/** `networkLayout` with its Barnes–Hut walks shared with a second thread when large enough: the same positions. */
export function sharedNetworkLayout(net: LayoutNetwork, options: { seed: number; iterations?: number | undefined }): NetworkLayout {
  const helper = repulsionHelper();
  try {
    return networkLayout(net, { ...options, repulsionHelper: helper });
  } finally {
    helper?.close();
  }
}
