/**
 * The GEXF of one of an analysis's networks (bipartite graph or a projection), with its seeded
 * ForceAtlas2 positions and a description of the input and parameters: what `twinnet export --format
 * gexf` and `twinnet report` write.
 */
import type { Analysis } from '../analysis/analyze.js';
import type { WeightKind } from '../analysis/projection/project.js';
import { writeGexf } from './gexf.js';
import { layoutCoreOrder } from './layout.js';
import { exportNetwork } from './network.js';
import type { NetworkKind } from './network.js';
import { defaultIterations, networkLayout } from './network-layout.js';

export function gexfFor(a: Analysis, kind: NetworkKind, o: { seed: number; snapshotDate: string | null; weight?: WeightKind; iterations?: number | undefined }): string {
  const net = exportNetwork(a, kind, o.weight ?? a.options.communityWeight);
  const iterations = o.iterations ?? defaultIterations(layoutCoreOrder(net.graph));
  const positions = networkLayout(a, net, { seed: o.seed, iterations });
  const p = a.options;
  return writeGexf(net.graph, {
    nodeColumns: net.nodeColumns,
    edgeColumns: net.edgeColumns,
    weightKey: net.weightKey,
    meta: {
      creator: 'twinnet',
      description: `${net.description} Input ${a.dataset.source.path} (sha256 ${a.dataset.source.sha256}). ` +
        `Parameters: seed ${p.seed}, districts ${p.districts}, resolution ${p.resolution}, runs ${p.runs}, ` +
        `community weight ${p.communityWeight}, layout ForceAtlas2 ${iterations} iterations (seed ${o.seed}).`,
      lastModifiedDate: o.snapshotDate,
      keywords: ['sister cities', 'twin towns', 'bipartite network', kind],
    },
    viz: { color: (k) => net.color(k), size: (k) => net.size(k), position: positions },
  });
}

