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
 * Leaves: most foreign partners have a single Chinese partner, and laying those out one by one is
 * most of ForceAtlas2's work while adding little: by default (`leaves: 'ring'`) nodes of degree 1
 * whose neighbour has other neighbours are taken out, the rest (the core) is laid out, and each
 * neighbour's leaves are then spread evenly over a disc around it (Vogel's sunflower, leaves in graph
 * order; the disc's radius is the distance at which ForceAtlas2's attraction and repulsion balance
 * for a single leaf, √(kr (1 + w)(1 + s_hub) / w)). The
 * neighbour keeps the leaves' mass in the layout (a self-loop of half their weight: ForceAtlas2's
 * mass is 1 + weighted degree, and a self-loop pulls nothing), so crowded hubs still push others away.
 * On the seed this leaves ~330 of 1,391 nodes to ForceAtlas2. `leaves: 'layout'` lays out every node.
 *
 * Settings: `inferSettings(core)` (strong gravity, gravity 0.05, scaling 10, slow-down 1 + ln n), with
 * Barnes–Hut when the core has more than 1000 nodes, then `settings` on top. The iterations run in
 * `forceAtlas2Arrays` (typed arrays, the same positions bit for bit as graphology-layout-forceatlas2,
 * several times faster), with Barnes–Hut (O(n log n) per iteration) on large cores.
 *
 * Weights: with `weightKey`, that edge attribute is an attraction strength, i.e. a *similarity*
 * (heavier edges pull harder; `edgeWeightInfluence` sets the exponent). Default `null`: unweighted.
 *
 * Pure: the input graph is not touched (the layout runs on arrays);
 * `assignLayout` writes the result onto node attributes `x`, `y` as a separate step.
 *
 * @example
 *   const positions = layoutForceAtlas2(graph, { seed: 42 });
 *   positions.get('cn:xian') // { x: 123.4567, y: -89.0123 }
 */
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import type { AbstractGraph as Graph } from 'graphology-types';
import type { Attributes } from 'graphology-types';
import { createRng, DEFAULT_SEED } from '../util/rng.js';
import { forceAtlas2Arrays } from './forceatlas2.js';
import type { RepulsionHelper } from './forceatlas2-barnes-hut.js';

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
  /**
   * `'ring'` (default): leaves (degree-1 nodes whose neighbour has other neighbours) are left out of
   * ForceAtlas2 and placed evenly on a ring around their neighbour; `'layout'`: every node is laid out.
   */
  leaves?: 'ring' | 'layout';
  /** Another thread sharing ForceAtlas2's Barnes–Hut walks (`pipeline/repulsion-helper.ts`); the same positions with or without. */
  repulsionHelper?: RepulsionHelper | null;
}

export const LAYOUT_DEFAULTS = {
  seed: DEFAULT_SEED,
  iterations: 500,
  settings: null,
  weightKey: null,
  decimals: 4,
  leaves: 'ring',
  repulsionHelper: null,
} as const satisfies Required<LayoutOptions>;

/** Node count above which Barnes–Hut approximation is switched on (graphology infers 2000). */
export const BARNES_HUT_THRESHOLD = 1000;

/** π(3 − √5): successive leaves of a disc turn by this angle (Vogel 1979). */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** Half the side of the square initial positions are drawn from. */
const INITIAL_HALF_SIDE = 50;

export function layoutForceAtlas2(graph: Graph, options: LayoutOptions = {}): Map<string, Position> {
  const weightKey = options.weightKey === undefined ? LAYOUT_DEFAULTS.weightKey : options.weightKey;
  return layoutEdges(graphEdgeList(graph, weightKey), options);
}

/** A graph as `layoutEdgeList` takes it: node keys, edges as index pairs, weights (null: unweighted). */
export interface KeyedEdgeList { keys: readonly string[]; src: Int32Array; dst: Int32Array; wt: Float64Array | null }

/** `layoutForceAtlas2` of a graph given as a `KeyedEdgeList`: positions by node key. */
export function layoutEdges(list: KeyedEdgeList, options: LayoutOptions = {}): Map<string, Position> {
  const { keys, src, dst, wt } = list;
  return positionsByKey(keys, layoutEdgeList(keys.length, src, dst, wt, options));
}

/** `layoutEdgeList`'s arrays as positions by node key; a position that is not finite is refused. */
export function positionsByKey(keys: readonly string[], laid: { x: Float64Array; y: Float64Array }): Map<string, Position> {
  const positions = new Map<string, Position>();
  keys.forEach((key, i) => {
    const x = laid.x[i] as number, y = laid.y[i] as number;
    if (!Number.isFinite(x) || !Number.isFinite(y)) throw new Error(`layout/layout: ForceAtlas2 gave no finite position for node "${key}"`);
    positions.set(key, { x, y });
  });
  return positions;
}

/** Each key's position in `keys`. */
function positionOfKey(keys: readonly string[]): Map<string, number> {
  const at = new Map<string, number>();
  keys.forEach((k, i) => at.set(k, i));
  return at;
}

/**
 * A graph as `layoutEdgeList` takes it: node keys in graph order, edges as index pairs in graph
 * order, and the weights read from `weightKey` (null: none), each checked finite and ≥ 0.
 */
export function graphEdgeList(graph: Graph, weightKey: string | null): { keys: string[]; src: Int32Array; dst: Int32Array; wt: Float64Array | null } {
  const keys = graph.nodes();
  const at = positionOfKey(keys);
  const src = new Int32Array(graph.size), dst = new Int32Array(graph.size);
  const wt = weightKey === null ? null : new Float64Array(graph.size);
  let e = 0;
  graph.forEachEdge((_edge, attributes: Attributes, source, target) => {
    if (wt !== null) wt[e] = checkedWeight(attributes, weightKey as string, source, target);
    src[e] = at.get(source) as number;
    dst[e] = at.get(target) as number;
    e++;
  });
  return { keys, src, dst, wt };
}

/**
 * The same as `graphEdgeList` of the graph made by adding the nodes `keys` and then `edges` in order (an
 * export network's lists), without making the graph: at 1.4 million links the graph cost ~8 s.
 * An edge naming a node not in `nodes` is refused, as adding it to a graph would be.
 */
export function listEdgeList(
  keys: readonly string[], edges: readonly { source: string; target: string; attributes: Attributes }[], weightKey: string | null,
): KeyedEdgeList {
  const at = positionOfKey(keys);
  if (at.size !== keys.length) throw new Error('layout/layout: the node list repeats a key');
  const m = edges.length, src = new Int32Array(m), dst = new Int32Array(m);
  const wt = weightKey === null ? null : new Float64Array(m);
  for (let e = 0; e < m; e++) {
    const { source, target, attributes } = edges[e]!;
    const s = at.get(source), t = at.get(target);
    if (s === undefined || t === undefined) throw new Error(`layout/layout: edge ${source}–${target} names a node not in the list`);
    if (wt !== null) wt[e] = checkedWeight(attributes, weightKey as string, source, target);
    src[e] = s;
    dst[e] = t;
  }
  return { keys, src, dst, wt };
}

function checkedWeight(attributes: Attributes, weightKey: string, source: string, target: string): number {
  const v: unknown = attributes[weightKey];
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
    throw new TypeError(`layout/layout: edge ${source}–${target}: weight "${weightKey}" must be a finite number ≥ 0, got ${String(v)}`);
  }
  return v;
}

/**
 * `layoutForceAtlas2` on a graph given as nodes 0 … n−1 (in graph order) and its edges (in graph
 * order; `weight` null = unweighted, else finite and ≥ 0): the same positions, rounded, as arrays
 * (a position ForceAtlas2 could not make finite comes back as it is; `layoutForceAtlas2` refuses it).
 */
export function layoutEdgeList(
  n: number, src: Int32Array, dst: Int32Array, weight: Float64Array | null, options: LayoutOptions = {},
): { x: Float64Array; y: Float64Array } {
  const { seed, iterations, decimals, leaves } = checkedOptions(options);
  const rng = createRng(seed);

  // Every node gets its seeded initial position (in graph order, so that the draws do not depend on
  // which nodes are leaves).
  const x0 = new Float64Array(n), y0 = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x0[i] = (rng() * 2 - 1) * INITIAL_HALF_SIDE;
    y0[i] = (rng() * 2 - 1) * INITIAL_HALF_SIDE;
  }
  const edges = src.length;
  const wt = (e: number): number => (weight === null ? 1 : (weight[e] as number));

  // Leaves leave the force-directed part and are placed around their hub afterwards.
  const hubOf = leaves === 'ring' ? leafHubs(n, src, dst) : new Int32Array(n).fill(-1);
  const ringWeight = new Float64Array(n), ringCount = new Int32Array(n);
  for (let e = 0; e < edges; e++) {
    const s = src[e] as number, t = dst[e] as number;
    if (hubOf[s] === t) { ringWeight[t]! += wt(e); ringCount[t]!++; }
    else if (hubOf[t] === s) { ringWeight[s]! += wt(e); ringCount[s]!++; }
  }

  // The core: nodes in graph order, its edges in graph order, then each hub's self-loop. A hub keeps
  // the mass of its ring (ForceAtlas2's mass is 1 + weighted degree): a self-loop of half the ring's
  // weight adds it, and a self-loop has length 0, so it adds no attraction.
  let cores = 0;
  for (let i = 0; i < n; i++) if (hubOf[i] === -1) cores++;
  const coreNodes = new Int32Array(cores), coreIndex = new Int32Array(n).fill(-1);
  for (let i = 0, c = 0; i < n; i++) if (hubOf[i] === -1) { coreIndex[i] = c; coreNodes[c++] = i; }
  let coreEdges = 0;
  for (let e = 0; e < edges; e++) if (hubOf[src[e] as number] === -1 && hubOf[dst[e] as number] === -1) coreEdges++;
  for (let i = 0; i < n; i++) if (ringCount[i]! > 0) coreEdges++;
  // Core edges by core index (ForceAtlas2's node numbers).
  const coreSrc = new Int32Array(coreEdges), coreDst = new Int32Array(coreEdges), coreWt = new Float64Array(coreEdges);
  let k = 0;
  for (let e = 0; e < edges; e++) {
    const s = src[e] as number, t = dst[e] as number;
    if (hubOf[s] === -1 && hubOf[t] === -1) { coreSrc[k] = coreIndex[s]!; coreDst[k] = coreIndex[t]!; coreWt[k++] = wt(e); }
  }
  for (let i = 0; i < n; i++) {
    if (ringCount[i]! > 0) { coreSrc[k] = coreIndex[i]!; coreDst[k] = coreIndex[i]!; coreWt[k++] = (ringWeight[i] as number) / 2; }
  }

  const settings: ForceAtlas2Settings = {
    ...forceAtlas2.inferSettings(coreNodes.length),
    barnesHutOptimize: coreNodes.length > BARNES_HUT_THRESHOLD,
    ...(options.settings ?? {}),
  };
  // Laid-out positions of core nodes, by node index (leaves' entries unused).
  const cx = Float64Array.from(x0), cy = Float64Array.from(y0);
  if (iterations > 0) {
    const laid = forceAtlas2Arrays({
      x: Float64Array.from(coreNodes, (i) => x0[i] as number),
      y: Float64Array.from(coreNodes, (i) => y0[i] as number),
      source: coreSrc, target: coreDst, weight: coreWt,
    }, settings, iterations, { repulsionHelper: options.repulsionHelper ?? null });
    coreNodes.forEach((i, c) => { cx[i] = laid.x[c] as number; cy[i] = laid.y[c] as number; });
  }

  // Each hub's leaves fill a disc (Vogel's sunflower: leaf j at radius R·√((j + ½)/k), angle j × the
  // golden angle) whose radius R is where ForceAtlas2 itself would hold a lone leaf: linear attraction
  // w·d against repulsion kr·m_leaf·m_hub/d gives d = √(kr · (1 + w) · (1 + s_hub) / w), w the mean
  // leaf weight, s_hub the hub's weighted degree.
  const strength = new Float64Array(n);
  for (let e = 0; e < edges; e++) {
    const s = src[e] as number, t = dst[e] as number;
    if (s !== t) { strength[s]! += wt(e); strength[t]! += wt(e); }
  }
  const kr = settings.scalingRatio ?? 10;
  const placed = new Int32Array(n);

  const factor = 10 ** decimals;
  const round = (v: number): number => {
    const r = Math.round(v * factor) / factor;
    return r === 0 ? 0 : r; // no -0
  };
  const x = new Float64Array(n), y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const hub = hubOf[i] as number;
    let px: number, py: number;
    if (hub === -1) { px = cx[i] as number; py = cy[i] as number; }
    else {
      const k = ringCount[hub] as number, j = placed[hub]!++;
      const w = Math.max((ringWeight[hub] as number) / k, 1e-9);
      const radius = Math.sqrt((kr * (1 + w) * (1 + (strength[hub] as number))) / w) * Math.sqrt((j + 0.5) / k);
      const angle = j * GOLDEN_ANGLE;
      px = (cx[hub] as number) + radius * Math.cos(angle);
      py = (cy[hub] as number) + radius * Math.sin(angle);
    }
    x[i] = Number.isFinite(px) ? round(px) : px;
    y[i] = Number.isFinite(py) ? round(py) : py;
  }
  return { x, y };
}

function checkedOptions(options: LayoutOptions): { seed: number; iterations: number; decimals: number; leaves: 'ring' | 'layout' } {
  const seed = options.seed ?? LAYOUT_DEFAULTS.seed;
  const iterations = options.iterations ?? LAYOUT_DEFAULTS.iterations;
  const decimals = options.decimals ?? LAYOUT_DEFAULTS.decimals;
  const leaves = options.leaves ?? LAYOUT_DEFAULTS.leaves;
  if (!Number.isInteger(iterations) || iterations < 0) {
    throw new TypeError(`layout/layout: iterations must be a non-negative integer, got ${iterations}`);
  }
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 12) {
    throw new TypeError(`layout/layout: decimals must be an integer in [0, 12], got ${decimals}`);
  }
  return { seed, iterations, decimals, leaves };
}

/** Nodes the force-directed part of `layoutForceAtlas2` moves (all but ring leaves): its cost grows with this. */
export function layoutCoreOrder(graph: Graph): number {
  const { keys, src, dst } = graphEdgeList(graph, null);
  return edgeListCoreOrder(keys.length, src, dst);
}

/** `layoutCoreOrder` of a graph given as nodes 0 … n−1 and its edges. */
export function edgeListCoreOrder(n: number, src: ArrayLike<number>, dst: ArrayLike<number>): number {
  let core = 0;
  for (const hub of leafHubs(n, src, dst)) if (hub === -1) core++;
  return core;
}

/**
 * For each node of a graph given as edge lists (nodes 0…n−1): its hub when it is a leaf — degree 1
 * (self-loops aside) and its neighbour is not a leaf itself — else −1.
 */
function leafHubs(n: number, src: ArrayLike<number>, dst: ArrayLike<number>): Int32Array {
  const degree = new Int32Array(n);
  for (let e = 0; e < src.length; e++) if (src[e] !== dst[e]) { degree[src[e] as number]!++; degree[dst[e] as number]!++; }
  const hubOf = new Int32Array(n).fill(-1);
  for (let e = 0; e < src.length; e++) {
    const s = src[e] as number, t = dst[e] as number;
    if (s === t) continue;
    if (degree[s] === 1 && degree[t]! > 1) hubOf[s] = t;
    if (degree[t] === 1 && degree[s]! > 1) hubOf[t] = s;
  }
  return hubOf;
}

/** Writes positions onto node attributes `x` and `y` (mutates `graph`; nodes without a position are left alone). */
export function assignLayout(graph: Graph, positions: ReadonlyMap<string, Position>): void {
  for (const [key, p] of positions) {
    if (!graph.hasNode(key)) continue;
    graph.mergeNodeAttributes(key, { x: p.x, y: p.y });
  }
}
