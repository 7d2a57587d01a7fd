/**
 * Worker thread of `repulsionHelper`: for each job posted, walks the nodes it takes (`repulseShare`),
 * then marks the job's state done (or failed, with the reason on its port) and wakes the waiting thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { repulseShare } from '../layout/forceatlas2-barnes-hut.js';
import type { RepulsionJob } from '../layout/forceatlas2-barnes-hut.js';
import { RepulsionState } from './workers.js';
import type { RepulsionWorkerData } from './workers.js';

const { state, port } = workerData as RepulsionWorkerData;
parentPort?.on('message', (job: RepulsionJob) => {
  try {
    repulseShare(job);
    Atomics.store(state, 0, RepulsionState.Done);
  } catch (e) {
    port.postMessage(e instanceof Error ? (e.stack ?? e.message) : String(e));
    Atomics.store(state, 0, RepulsionState.Failed);
  }
  Atomics.notify(state, 0);
});
