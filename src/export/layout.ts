/**
 * layoutForceAtlas2: seeded, reproducible ForceAtlas2 positions for export (GEXF `viz:position`).
 *
 * ForceAtlas2 (Jacomy, Venturini, Heymann & Bastian 2014, "ForceAtlas2, a continuous graph layout
 * algorithm for handy network visualization designed for the Gephi software", PLoS ONE 9(6): e98679,
 * doi:10.1371/journal.pone.0098679), run by graphology-layout-forceatlas2 for a fixed number of
 * iterations. Initial positions are drawn uniformly from [-50, 50]² by a seeded `Rng` in node order
 * (never `Math.random`); the algorithm itself is deterministic, so the same graph, seed and options give
 * the same positions bit for bit. Positions are rounded to `decimals` places (−0 written 0) so that
 * exported files are byte-stable.
 *
 * Settings: `inferSettings(graph)` (strong gravity, gravity 0.05, scaling 10, slow-down 1 + ln n), with
 * Barnes–Hut when the graph has more than 1000 nodes, then `settings` on top.
 *
 * Weights: with `weightKey`, that edge attribute is an attraction strength, i.e. a *similarity*
 * (heavier edges pull harder; `edgeWeightInfluence` sets the exponent). Default `null`: unweighted.
 *
 * Pure: the input graph is not touched (the layout runs on a copy holding only x, y and weight);
 * `assignLayout` writes the result onto node attributes `x`, `y` as a separate step.
 *
 * @example
 *   const positions = layoutForceAtlas2(graph, { seed: 42 });
 *   positions.get('cn:xian') // { x: 123.4567, y: -89.0123 }
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import type Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import { createRng, DEFAULT_SEED } from '../util/rng.js';

export interface Position {
  x: number;
  y: number;
}

export interface LayoutOptions {
  /** Seed of the initial positions. Default `DEFAULT_SEED` (42). */
  seed?: number;
  /** ForceAtlas2 iterations. Default 500. */
  iterations?: number;
  /** Settings laid over the inferred ones; `null` = inferred settings only. */
  settings?: ForceAtlas2Settings | null;
  /** Edge attribute read as attraction strength (a similarity); `null` = unweighted. Default `null`. */
  weightKey?: string | null;
  /** Decimal places kept. Default 4. */
  decimals?: number;
}

export const LAYOUT_DEFAULTS = {
  seed: DEFAULT_SEED,
  iterations: 500,
  settings: null,
  weightKey: null,
  decimals: 4,
} as const satisfies Required<LayoutOptions>;

/** Node count above which Barnes–Hut approximation is switched on (graphology infers 2000). */
export const BARNES_HUT_THRESHOLD = 1000;

/** Half the side of the square initial positions are drawn from. */
const INITIAL_HALF_SIDE = 50;

export function layoutForceAtlas2(graph: Graph, options: LayoutOptions = {}): Map<string, Position> {
  const seed = options.seed ?? LAYOUT_DEFAULTS.seed;
  const iterations = options.iterations ?? LAYOUT_DEFAULTS.iterations;
  const weightKey = options.weightKey === undefined ? LAYOUT_DEFAULTS.weightKey : options.weightKey;
  const decimals = options.decimals ?? LAYOUT_DEFAULTS.decimals;
  if (!Number.isInteger(iterations) || iterations < 0) {
    throw new TypeError(`export/layout: iterations must be a non-negative integer, got ${iterations}`);
  }
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 12) {
    throw new TypeError(`export/layout: decimals must be an integer in [0, 12], got ${decimals}`);
  }
  const rng = createRng(seed);

  const copy = graph.nullCopy() as Graph;
  graph.forEachNode((key) => {
    copy.addNode(key, { x: (rng() * 2 - 1) * INITIAL_HALF_SIDE, y: (rng() * 2 - 1) * INITIAL_HALF_SIDE });
  });
  graph.forEachEdge((edge, attributes: Attributes, source, target, _sa, _ta, undirected) => {
    const copied: Attributes = {};
    if (weightKey !== null) {
      const w: unknown = attributes[weightKey];
      if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
        throw new TypeError(`export/layout: edge ${source}–${target}: weight "${weightKey}" must be a finite number ≥ 0, got ${String(w)}`);
      }
      copied.weight = w;
    }
    if (undirected) copy.addUndirectedEdgeWithKey(edge, source, target, copied);
    else copy.addDirectedEdgeWithKey(edge, source, target, copied);
  });

  const settings: ForceAtlas2Settings = {
    ...forceAtlas2.inferSettings(copy),
    barnesHutOptimize: copy.order > BARNES_HUT_THRESHOLD,
    ...(options.settings ?? {}),
  };
  const raw = iterations === 0
    ? Object.fromEntries(copy.mapNodes((key, a) => [key, { x: a.x as number, y: a.y as number }]))
    : forceAtlas2(copy, { iterations, settings, getEdgeWeight: weightKey === null ? null : 'weight' });

  const factor = 10 ** decimals;
  const round = (v: number): number => {
    const r = Math.round(v * factor) / factor;
    return r === 0 ? 0 : r; // no -0
  };
  const positions = new Map<string, Position>();
  graph.forEachNode((key) => {
    const p = raw[key];
    if (p === undefined || !Number.isFinite(p.x) || !Number.isFinite(p.y)) {
      throw new Error(`export/layout: ForceAtlas2 gave no finite position for node "${key}"`);
    }
    positions.set(key, { x: round(p.x), y: round(p.y) });
  });
  return positions;
}

/** Writes positions onto node attributes `x` and `y` (mutates `graph`; nodes without a position are left alone). */
export function assignLayout(graph: Graph, positions: ReadonlyMap<string, Position>): void {
  for (const [key, p] of positions) {
    if (!graph.hasNode(key)) continue;
    graph.mergeNodeAttributes(key, { x: p.x, y: p.y });
  }
}
