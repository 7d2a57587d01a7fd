/**
 * The layout of a network an analysis exports: the graph ForceAtlas2 sees for it (`layoutGraph`) and
 * its seeded positions (`networkLayout`). The GEXF files and the HTML explorer of a run show the same
 * positions: the pipeline lays each network out once and hands the positions to both. Projections are
 * laid out with their weights (similarities) as attraction.
 */
import { UndirectedGraph } from 'graphology';
import type { AbstractGraph as Graph } from 'graphology-types';
import type { Analysis } from '../analysis/analyze.js';
import { edgeWeight } from '../analysis/projection/project.js';
import type { WeightKind } from '../analysis/projection/project.js';
import type { RepulsionHelper } from './forceatlas2-barnes-hut.js';
import { edgeListCoreOrder, graphEdgeList, layoutEdges, listEdgeList } from './layout.js';
import type { Position } from './layout.js';

/** The networks of an analysis: the two-mode graph and the projection onto either side. */
export type NetworkKind = 'bipartite' | 'home' | 'partners';

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

/**
 * What laying out a network needs: a graph with its nodes and edges, in order, and the edge attribute
 * read as attraction (`null`: unweighted). Any two with the same nodes, edges, order and weights get
 * the same positions (an `ExportNetwork`, or `layoutGraph` of it).
 */
export interface LayoutNetwork {
  graph: Graph;
  weightKey: string | null;
  /** The graph's node keys in order, when the caller has them as a list (then `graph` is not read). */
  keys?: readonly string[] | undefined;
  /** The graph's edges in order, with `keys`. */
  edges?: readonly { source: string; target: string; attributes: Record<string, unknown> }[] | undefined;
}

/** A network's positions and the iterations that made them (the GEXF states them). */
export interface NetworkLayout { positions: Map<string, Position>; iterations: number }

/**
 * Seeded ForceAtlas2 of `net`; `iterations` default `defaultIterations(layoutCoreOrder(net.graph))`.
 * Read from `keys` and `edges` when given (the same positions as from the graph they make).
 */
export function networkLayout(net: LayoutNetwork, options: { seed: number; iterations?: number | undefined; repulsionHelper?: RepulsionHelper | null }): NetworkLayout {
  const list = net.keys && net.edges ? listEdgeList(net.keys, net.edges, net.weightKey) : graphEdgeList(net.graph, net.weightKey);
  const iterations = options.iterations ?? defaultIterations(edgeListCoreOrder(list.keys.length, list.src, list.dst));
  return { positions: layoutEdges(list, { seed: options.seed, iterations, repulsionHelper: options.repulsionHelper ?? null }), iterations };
}

/**
 * Network `kind` as ForceAtlas2 sees it: the analysed graph, or a projection's nodes, edges and
 * `weight`s in `exportNetwork`'s order (so the same positions), without the columns the export
 * computes for every edge (p-values, shared-partner labels …).
 */
export function layoutGraph(a: Analysis, kind: NetworkKind, weight: WeightKind = 'count'): LayoutNetwork {
  if (kind === 'bipartite') return { graph: a.graph, weightKey: null };
  const p = a.sides[kind === 'home' ? 'home' : 'partner'].projection;
  const graph = new UndirectedGraph();
  for (const key of p.keys) graph.addNode(key);
  for (let i = 0; i < p.u.length; i++) graph.addEdge(p.keys[p.u[i] as number] as string, p.keys[p.v[i] as number] as string, { weight: edgeWeight(p, i, weight) });
  return { graph, weightKey: 'weight' };
}
