/**
 * What a run derives from its analysis for more than one output, each made once, on first use: the
 * node rows, each side's Jaccard array, the export networks and their layouts. The analysis, the
 * layout and the writers are pure functions that take these as arguments; this object is where a run
 * decides what is shared. One per run: nothing outlives it.
 */
import type { Analysis } from '../analysis/analyze.js';
import type { WeightKind } from '../analysis/projection/project.js';
import { jaccardWeights, nodeRows } from '../analysis/results.js';
import type { NodeRow } from '../analysis/results.js';
import type { Side } from '../graph/build-bipartite.js';
import { analysisLayout } from '../layout/network-layout.js';
import type { NetworkKind, NetworkLayout } from '../layout/network-layout.js';
import { exportNetwork } from '../export/network.js';
import type { ExportNetwork } from '../export/network.js';
import type { GeocodeResult } from '../geo/geocode.js';

export interface RunProducts {
  /** `nodeRows(analysis)`. Treat as read-only. */
  rows(): NodeRow[];
  /** `jaccardWeights` of `side`'s projection. */
  jaccard(side: Side): Float64Array;
  /** `exportNetwork(analysis, kind, weight)`. Treat as read-only. */
  network(kind: NetworkKind, weight?: WeightKind): ExportNetwork;
  /** The layout of network `kind` (its projection weighted by `weight`), with the run's seed and iterations. */
  layout(kind: NetworkKind, weight?: WeightKind): NetworkLayout;
}

export interface RunLayoutOptions {
  seed: number;
  /** ForceAtlas2 iterations; default `defaultIterations` of each network's core. */
  iterations?: number | undefined;
  /** Layouts made already (e.g. in a worker while the analysis ran), with the same seed and iterations. */
  known?: Partial<Record<NetworkKind, NetworkLayout>>;
  /** The data set geocoded (the run's geography), for the export networks' geography columns. */
  places?: (() => GeocodeResult) | undefined;
}

export function runProducts(a: Analysis, o: RunLayoutOptions): RunProducts {
  let rows: NodeRow[] | null = null;
  const jaccards = new Map<Side, Float64Array>();
  const networks = new Map<string, ExportNetwork>();
  const layouts = new Map<string, NetworkLayout>(Object.entries(o.known ?? {}));
  // A network's key: its kind, and for a projection the weight on its edges.
  const key = (kind: NetworkKind, weight: WeightKind) => (kind === 'bipartite' ? kind : `${kind} ${weight}`);
  const products: RunProducts = {
    rows: () => (rows ??= nodeRows(a)),
    jaccard: (side) => once(jaccards, side, () => jaccardWeights(a.sides[side].projection)),
    network: (kind, weight = 'count') => once(networks, key(kind, weight), () => exportNetwork(a, kind, weight, products.rows(), o.places?.() ?? null)),
    layout: (kind, weight = 'count') => once(layouts, key(kind, weight), () => analysisLayout(a, kind, weight, o)),
  };
  return products;
}

function once<K, V>(made: Map<K, V>, key: K, make: () => V): V {
  let value = made.get(key);
  if (value === undefined) { value = make(); made.set(key, value); }
  return value;
}
