/**
 * One layout per exported network, shared by every output of a run: the GEXF files and the HTML
 * explorer show the same positions. Memoised per analysis (a WeakMap), so a report lays out each
 * network once. Seeded ForceAtlas2 (see layout.ts); projections are laid out with their weights
 * (similarities) as attraction.
 */
import type { Analysis } from '../analysis/analyze.js';
import { layoutForceAtlas2 } from './layout.js';
import type { Position } from './layout.js';
import type { ExportNetwork } from './network.js';

/** ForceAtlas2 iterations used by `twinnet report` and `twinnet export` unless told otherwise. */
export const REPORT_LAYOUT_ITERATIONS = 300;

const cache = new WeakMap<Analysis, Map<string, Map<string, Position>>>();

export function networkLayout(a: Analysis, net: ExportNetwork, options: { seed: number; iterations?: number | undefined }): Map<string, Position> {
  const iterations = options.iterations ?? REPORT_LAYOUT_ITERATIONS;
  const key = `${net.kind}|${net.weightKey ?? ''}|${options.seed}|${iterations}|${net.graph.size}`;
  let byKey = cache.get(a);
  if (!byKey) { byKey = new Map(); cache.set(a, byKey); }
  let positions = byKey.get(key);
  if (!positions) {
    positions = layoutForceAtlas2(net.graph, { seed: options.seed, iterations, weightKey: net.weightKey });
    byKey.set(key, positions);
  }
  return positions;
}
