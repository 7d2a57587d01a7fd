/**
 * The node columns of a projection file (`exportNetwork(a, 'home' | 'partners')`). Gephi's statistics
 * write their results into columns with fixed ids (`degree`, `betweenesscentrality`, …) and
 * overwrite what is there, and a reader takes such a column for that measure *in the graph it has
 * open*. So in a projection file those ids hold the projection's own metrics (`projectionMetrics`),
 * and the bipartite graph's metrics move to `bipartite_*` ids (the measure id in snake case:
 * `bipartite_degree`, `bipartite_betweenness_raw`, `bipartite_pagerank`, …; the component
 * `bipartite_componentnumber`), titled "… (bipartite graph)".
 *
 * @example  Bengbu in the home projection: `degree` 2 (Huainan and one other city share partners
 *           with it), `bipartite_degree` 5 (its partners).
 */
import { MEASURE_COLUMNS } from '../analysis/measures/registry.js';
import type { ProjectionMetrics } from '../analysis/projection/projection-metrics.js';
import { column } from './columns.js';
import type { ColumnSpec } from './columns.js';


/** The projection's own metrics, under Gephi's column ids (`weighted_degree`: Gephi's is "weighted degree", not an identifier). */
export const PROJECTION_METRIC_COLUMNS: readonly ColumnSpec[] = [
  column('degree', 'Degree', 'integer'),
  column('weighted_degree', 'Weighted Degree', 'double'),
  column('clustering', 'Clustering Coefficient', 'double'),
  column('betweenesscentrality', 'Betweenness Centrality', 'double'),
  column('closnesscentrality', 'Closeness Centrality', 'double'),
  column('harmonicclosnesscentrality', 'Harmonic Closeness Centrality', 'double'),
  column('componentnumber', 'Component ID', 'integer'),
  column('modularity_class', 'Modularity Class', 'integer'),
];

const snake = (id: string) => id.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Bipartite column id → its id in a projection file. */
export const BIPARTITE_IDS: ReadonlyMap<string, string> = new Map([
  ...MEASURE_COLUMNS.map((c): [string, string] => [c.id, `bipartite_${snake(c.measure)}`]),
  ['componentnumber', 'bipartite_componentnumber'],
]);

/**
 * A projection file's node columns from the bipartite file's: the descriptive columns as they are,
 * then the projection's metrics, then the bipartite metrics under their `bipartite_*` ids.
 */
export function projectionNodeColumns(columns: readonly ColumnSpec[]): ColumnSpec[] {
  const descriptive = columns.filter((c) => !BIPARTITE_IDS.has(c.id) && c.id !== 'modularity_class');
  const bipartite = columns.flatMap((c) => {
    const id = BIPARTITE_IDS.get(c.id);
    return id === undefined ? [] : [column(id, `${c.title} (bipartite graph)`, c.type)];
  });
  return [...descriptive, ...PROJECTION_METRIC_COLUMNS, ...bipartite];
}

/**
 * Node `i`'s attributes for a projection file, from those made for the bipartite graph (attribute
 * key = column id): bipartite metrics renamed, the projection's metrics under Gephi's ids.
 */
export function projectionNodeAttributes(attributes: Readonly<Record<string, unknown>>, m: ProjectionMetrics, i: number): Record<string, unknown> {
  const out: Record<string, unknown> = { ...attributes };
  for (const [id, renamed] of BIPARTITE_IDS) { out[renamed] = attributes[id]; delete out[id]; }
  out['degree'] = m.degree[i];
  out['weighted_degree'] = m.weightedDegree[i];
  out['clustering'] = m.clustering[i];
  out['betweenesscentrality'] = m.betweenness ? m.betweenness[i] : null;
  out['closnesscentrality'] = m.closeness ? m.closeness[i] : null;
  out['harmonicclosnesscentrality'] = m.harmonic ? m.harmonic[i] : null;
  out['componentnumber'] = m.component[i];
  return out;
}
