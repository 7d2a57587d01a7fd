/**
 * Worker thread for `layoutInWorker`: rebuilds the graph from node keys and edge index pairs (in the
 * same order, so ForceAtlas2 sees the same graph) and runs `layoutForceAtlas2`. Positions come back
 * as plain arrays; the result equals a layout on the main thread bit for bit.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { UndirectedGraph } from 'graphology';
import { layoutForceAtlas2 } from '../layout/layout.js';
import type { LayoutJob } from './layout-job.js';

const job = workerData as LayoutJob;
const graph = new UndirectedGraph();
for (const key of job.keys) graph.addNode(key);
for (let i = 0; i < job.sources.length; i++) {
  const attrs = job.weights ? { weight: job.weights[i] } : {};
  graph.addEdge(job.keys[job.sources[i] as number] as string, job.keys[job.targets[i] as number] as string, attrs);
}
const positions = layoutForceAtlas2(graph, { seed: job.seed, iterations: job.iterations, weightKey: job.weights ? 'weight' : null });
const x = new Float64Array(job.keys.length), y = new Float64Array(job.keys.length);
job.keys.forEach((key, i) => {
  const p = positions.get(key) as { x: number; y: number };
  x[i] = p.x;
  y[i] = p.y;
});
parentPort?.postMessage({ x, y });
