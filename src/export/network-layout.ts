/**
 * One layout per exported network, shared by every output of a run: the GEXF files and the HTML
 * explorer show the same positions. Memoised per analysis (a WeakMap), so a report lays out each
 * network once. Seeded ForceAtlas2 (see layout.ts); projections are laid out with their weights
 * (similarities) as attraction.
 */
import type Graph from 'graphology';
import type { Analysis } from '../analysis/analyze.js';
import { layoutCoreOrder, layoutForceAtlas2 } from './layout.js';
import type { Position } from './layout.js';
import type { ExportNetwork } from './network.js';

/** ForceAtlas2 iterations used by `twinnet report` and `twinnet export` unless told otherwise (up to ~1,500 nodes). */
export const REPORT_LAYOUT_ITERATIONS = 100;

/**
 * Default iterations for a layout whose force-directed core has n nodes (`layoutCoreOrder`: leaves are
 * placed on rings, not iterated): 100 up to 1,500 nodes, then fewer so that the work (iterations × n)
 * stays near 150,000 node-steps, at least 10. Explicit `iterations` override it.
 */
export function defaultIterations(n: number): number {
  return Math.max(10, Math.min(REPORT_LAYOUT_ITERATIONS, Math.round((REPORT_LAYOUT_ITERATIONS * 1500) / Math.max(1, n))));
}

const cache = new WeakMap<Analysis, Map<string, Map<string, Position>>>();

function cacheKey(kind: string, weightKey: string | null, seed: number, iterations: number, order: number, size: number): string {
  return `${kind}|${weightKey ?? ''}|${seed}|${iterations}|${order}|${size}`;
}

/**
 * Hands in positions computed elsewhere (in a worker, from a graph with the same nodes and edges in
 * the same order), so that `networkLayout` returns them instead of laying out again.
 */
export function primeLayout(a: Analysis, kind: string, weightKey: string | null, seed: number, iterations: number, positions: Map<string, Position>, size: number): void {
  let byKey = cache.get(a);
  if (!byKey) { byKey = new Map(); cache.set(a, byKey); }
  byKey.set(cacheKey(kind, weightKey, seed, iterations, positions.size, size), positions);
}

/**
 * What laying out a network needs: which network it is (with `weightKey`, the cache key) and a graph
 * with its nodes and edges, in order. An `ExportNetwork`, or any graph equal to its graph in nodes,
 * edges, order and weights: the positions are the same.
 */
export type LayoutNetwork = Pick<ExportNetwork, 'kind' | 'weightKey'> & { graph: Graph };

export function networkLayout(a: Analysis, net: LayoutNetwork, options: { seed: number; iterations?: number | undefined }): Map<string, Position> {
  const iterations = options.iterations ?? defaultIterations(layoutCoreOrder(net.graph));
  const key = cacheKey(net.kind, net.weightKey, options.seed, iterations, net.graph.order, net.graph.size);
  let byKey = cache.get(a);
  if (!byKey) { byKey = new Map(); cache.set(a, byKey); }
  let positions = byKey.get(key);
  if (!positions) {
    positions = layoutForceAtlas2(net.graph, { seed: options.seed, iterations, weightKey: net.weightKey });
    byKey.set(key, positions);
  }
  return positions;
}
