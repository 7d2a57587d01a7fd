/**
 * The layout of a network an analysis exports: its seeded ForceAtlas2 positions (`analysisLayout`,
 * from the graph or, for a projection, its edge lists, `projectionEdgeList`). The GEXF files and the HTML explorer of a run show the same
 * positions: the pipeline lays each network out once and hands the positions to both. Projections are
 * laid out with their weights (similarities) as attraction.
 */
import type { AbstractGraph as Graph } from 'graphology-types';
import type { Analysis } from '../analysis/analyze.js';
import { edgeWeights } from '../analysis/projection/project.js';
import type { Projection, WeightKind } from '../analysis/projection/project.js';
import type { RepulsionHelper } from './forceatlas2-barnes-hut.js';
import { edgeListCoreOrder, graphEdgeList, layoutEdges, listEdgeList } from './layout.js';
import type { KeyedEdgeList, Position } from './layout.js';

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
 * the same positions (an `ExportNetwork`, or the graph it makes).
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
export function networkLayout(net: LayoutNetwork, options: LayoutRunOptions): NetworkLayout {
  return edgeListLayout(net.keys && net.edges ? listEdgeList(net.keys, net.edges, net.weightKey) : graphEdgeList(net.graph, net.weightKey), options);
}

export interface LayoutRunOptions { seed: number; iterations?: number | undefined; repulsionHelper?: RepulsionHelper | null }

/** `networkLayout` of a graph given as a `KeyedEdgeList`; `iterations` default `defaultIterations` of its core. */
export function edgeListLayout(list: KeyedEdgeList, options: LayoutRunOptions): NetworkLayout {
  const iterations = options.iterations ?? defaultIterations(edgeListCoreOrder(list.keys.length, list.src, list.dst));
  return { positions: layoutEdges(list, { seed: options.seed, iterations, repulsionHelper: options.repulsionHelper ?? null }), iterations };
}

/**
 * The layout of network `kind` of `a`: the analysed graph, or a projection with `weight`s as
 * attraction — its nodes and edges in `exportNetwork`'s order (`projectionEdgeList`), so the
 * positions of its export.
 */
export function analysisLayout(a: Analysis, kind: NetworkKind, weight: WeightKind, options: LayoutRunOptions): NetworkLayout {
  if (kind === 'bipartite') return networkLayout({ graph: a.graph, weightKey: null }, options);
  return edgeListLayout(projectionEdgeList(a.sides[kind === 'home' ? 'home' : 'partner'].projection, weight), options);
}

/**
 * A projection as ForceAtlas2 sees it: its keys, its edges (u, v) and their `weight`s, in order —
 * the lists of the graph that adds the keys and then the edges, without making the graph.
 */
export function projectionEdgeList(p: Projection, weight: WeightKind): KeyedEdgeList {
  return { keys: p.keys, src: p.u, dst: p.v, wt: edgeWeights(p, weight) };
}
