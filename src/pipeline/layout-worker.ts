/**
 * Worker thread for `layoutInWorker`: lays out the node keys' indices and edge index pairs as they
 * came (the graph's order) with `layoutEdgeList`, no graph rebuilt; the positions come back as plain
 * arrays and equal a layout of the graph on the main thread bit for bit.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { layoutEdgeList } from '../layout/layout.js';
import type { LayoutJob } from './layout-job.js';

const job = workerData as LayoutJob;
const { x, y } = layoutEdgeList(job.keys.length, job.sources, job.targets, job.weights, { seed: job.seed, iterations: job.iterations });
for (let i = 0; i < job.keys.length; i++) {
  if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) throw new Error(`layout/layout: ForceAtlas2 gave no finite position for node "${job.keys[i]}"`);
}
parentPort?.postMessage({ x, y });
