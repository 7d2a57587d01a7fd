/**
 * Worker thread of `repulsionHelper`: takes up each job posted unless the caller has already done it
 * (or a newer one is posted: `RepulsionPhase`), walks the chunks of nodes it takes from the shared
 * counter (`repulseRange`), then marks the job done (or failed, with the reason on its port) and wakes
 * the waiting thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { repulseRange } from '../layout/forceatlas2-barnes-hut.js';
import type { RepulsionJob } from '../layout/forceatlas2-barnes-hut.js';
import { REPULSION_PHASES, RepulsionPhase, takeRepulsionChunks } from './workers.js';
import type { RepulsionMessage, RepulsionWorkerData } from './workers.js';

const { state, next, port } = workerData as RepulsionWorkerData;
parentPort?.on('message', ({ job, id }: RepulsionMessage<RepulsionJob>) => {
  const base = REPULSION_PHASES * id;
  if (Atomics.compareExchange(state, 0, base + RepulsionPhase.Posted, base + RepulsionPhase.Running) !== base + RepulsionPhase.Posted) return;
  try {
    takeRepulsionChunks(next, job.n, (from, to) => repulseRange(job, from, to));
    Atomics.store(state, 0, base + RepulsionPhase.Done);
  } catch (e) {
    port.postMessage(e instanceof Error ? (e.stack ?? e.message) : String(e));
    Atomics.store(state, 0, base + RepulsionPhase.Failed);
  }
  Atomics.notify(state, 0);
});
