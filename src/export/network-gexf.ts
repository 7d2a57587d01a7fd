/**
 * The GEXF of one of an analysis's networks (bipartite graph or a projection), with its seeded
 * ForceAtlas2 positions and a description of the input and parameters: what `twinnet export --format
 * gexf` and `twinnet report` write, whole (`gexfFor`) or in pieces for a file (`gexfPiecesFor`).
 */
import type { Analysis } from '../analysis/analyze.js';
import type { GeocodeResult } from '../geo/geocode.js';
import type { WeightKind } from '../analysis/projection/project.js';
import { gexfPieces } from './gexf.js';
import type { GexfVersion } from './gexf.js';
import { exportNetwork } from './network.js';
import type { ExportNetwork, NetworkKind } from './network.js';
import { networkLayout } from '../layout/network-layout.js';
import type { NetworkLayout } from '../layout/network-layout.js';

export interface GexfForOptions {
  seed: number;
  snapshotDate: string | null;
  weight?: WeightKind;
  /** ForceAtlas2 iterations; default `defaultIterations` of the network's core. */
  iterations?: number | undefined;
  /** The network, when the caller has built it (`exportNetwork(a, kind, weight)`). */
  network?: ExportNetwork;
  /** Its layout, when the caller has laid it out (`networkLayout` with `seed`, `iterations`). */
  layout?: NetworkLayout;
  /** GEXF version; default 1.3. */
  version?: GexfVersion | undefined;
  /** The data set geocoded: geography columns (when `network` is not given). */
  places?: GeocodeResult | null;
}

/** The GEXF of network `kind` with its layout, as one string: `gexfPiecesFor` joined. */
export function gexfFor(a: Analysis, kind: NetworkKind, o: GexfForOptions): string {
  return Array.from(gexfPiecesFor(a, kind, o)).join('');
}

/**
 * The GEXF of network `kind` in pieces (`gexfPieces`), for writing to a file piece by piece: the
 * network and its layout are made at once, the XML as the pieces are consumed.
 */
export function gexfPiecesFor(a: Analysis, kind: NetworkKind, o: GexfForOptions): Iterable<string> {
  const net = o.network ?? exportNetwork(a, kind, o.weight ?? a.options.communityWeight, undefined, o.places ?? null);
  const { positions, iterations } = o.layout ?? networkLayout(net, { seed: o.seed, iterations: o.iterations });
  const p = a.options;
  // The network's lists as the writer reads a graph (building its graphology graph is not needed;
  // each node's attributes are made as the writer reaches it).
  const { keys, edges, nodeEntries } = net;
  const graph = keys && edges && nodeEntries
    ? { type: 'undirected', order: keys.length, size: edges.length, nodeEntries, edgeEntries: () => edges }
    : net.graph;
  return gexfPieces(graph, {
    nodeColumns: net.nodeColumns,
    edgeColumns: net.edgeColumns,
    weightKey: net.weightKey,
    ...(net.timeformat === null ? {} : { time: { format: net.timeformat } }),
    meta: {
      creator: 'twinnet',
      description: `${net.description} Input ${a.dataset.source.path} (sha256 ${a.dataset.source.sha256}). ` +
        `Parameters: seed ${p.seed}, districts ${p.districts}, resolution ${p.resolution}, runs ${p.runs}, ` +
        `community weight ${p.communityWeight}, layout ForceAtlas2 ${iterations} iterations (seed ${o.seed}).`,
      lastModifiedDate: o.snapshotDate,
      keywords: ['sister cities', 'twin towns', 'bipartite network', kind],
    },
    viz: { color: (k, attributes) => net.color(k, attributes), size: (k, attributes) => net.size(k, attributes), position: positions },
    version: o.version,
  });
}
