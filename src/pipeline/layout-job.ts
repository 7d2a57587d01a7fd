/**
 * ForceAtlas2 on a second core: `layoutInWorker(list, …)` starts the layout of a graph given as its
 * edge lists (`graphEdgeList`, `bipartiteEdgeList`, `projectionEdgeList`) in a worker thread and
 * returns a promise of its `NetworkLayout`, so that a report can lay out the network while it analyses it
 * (the machine has two cores; the layout is the longest single step on the seed). Falls back to the
 * main thread where the compiled worker is not available (running from TypeScript sources) or when
 * TWINNET_WORKERS=0. Either way the positions are identical (same graph order, same seed): the
 * worker lays out the edge list (`layoutEdgeList`) that `layoutForceAtlas2` makes of the graph.
 */
import { Worker } from 'node:worker_threads';
import { positionsByKey } from '../layout/layout.js';
import type { KeyedEdgeList } from '../layout/layout.js';
import { edgeListLayout } from '../layout/network-layout.js';
import type { NetworkLayout } from '../layout/network-layout.js';
import { workerAnswer, workerScript } from './workers.js';

export interface LayoutJob {
  keys: readonly string[];
  sources: Int32Array;
  targets: Int32Array;
  weights: Float64Array | null;
  seed: number;
  iterations: number;
}

/** `edgeListLayout(list, options)`, computed in a worker thread. */
export function layoutInWorker(list: KeyedEdgeList, options: { seed: number; iterations: number }): Promise<NetworkLayout> {
  const { seed, iterations } = options;
  const url = workerScript('layout-worker.js', import.meta.url);
  if (url === null) return Promise.resolve(edgeListLayout(list, { seed, iterations }));
  const { keys, src: sources, dst: targets, wt: weights } = list;
  const job: LayoutJob = { keys, sources, targets, weights, seed, iterations };
  return workerAnswer<{ x: Float64Array; y: Float64Array }>(new Worker(url, { workerData: job }), 'pipeline/layout-job: layout worker')
    .then((laid) => ({ positions: positionsByKey(keys, laid), iterations }));
}
