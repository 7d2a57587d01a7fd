/**
 * The networks twinnet exports, with every computed metric as a node column under Gephi's own
 * column ids where Gephi has one (`modularity_class`, `betweenesscentrality`, `closnesscentrality`,
 * `harmonicclosnesscentrality`, `eigencentrality`, `pageranks`, `componentnumber`, `degree`) and
 * twinnet's ids for the rest (bipartite normalisations, the other community assignment).
 *
 * - `bipartite`: the two-mode graph; `modularity_class` = community of the bipartite (Barber)
 *   optimiser, `projection_class` = Louvain community in the projection onto the node's side.
 * - `home` / `partners`: a shared-partner projection; `modularity_class` = its Louvain community;
 *   edges carry the chosen weight, the shared count, Jaccard, overlap, cosine, Newman, p-values and
 *   the list of shared partners.
 *
 * Writing the metrics onto node attributes happens here, on a fresh graph: the analysed graph is
 * not modified.
 */
import { UndirectedGraph } from 'graphology';
import type { Analysis } from '../analysis/analyze.js';
import { edgeWeight, sharedOf } from '../analysis/projection/project.js';
import type { WeightKind } from '../analysis/projection/project.js';
import { nodeRows } from '../analysis/results.js';
import type { NodeRow } from '../analysis/results.js';
import type { ColumnSpec } from './columns.js';
import { communityPalette } from './palette.js';
import type { Rgb } from './palette.js';

export type NetworkKind = 'bipartite' | 'home' | 'partners';

export interface ExportNetwork {
  kind: NetworkKind;
  graph: UndirectedGraph;
  nodeColumns: ColumnSpec[];
  edgeColumns: ColumnSpec[];
  /** Edge attribute holding the weight (projections), else null. */
  weightKey: string | null;
  color: (key: string) => Rgb;
  size: (key: string) => number;
  description: string;
}

const col = (key: string, id: string, title: string, type: ColumnSpec['type']): ColumnSpec => ({ key, id, title, type });

/** Node columns: attribute key on the export graph = column id. */
export const NODE_COLUMNS: ColumnSpec[] = [
  col('side', 'side', 'Side (home / partner)', 'string'),
  col('country', 'country', 'Country (ISO 3166-1 alpha-2)', 'string'),
  col('country_name', 'country_name', 'Country', 'string'),
  col('territory', 'territory', 'Territory (ISO 3166-1 alpha-2)', 'string'),
  col('kind', 'kind', 'Kind (city / district / partner)', 'string'),
  col('parent', 'parent', 'Parent city (districts)', 'string'),
  col('degree', 'degree', 'Degree', 'integer'),
  col('degree_bipartite', 'degree_bipartite', 'Degree / size of the other side', 'double'),
  col('betweenesscentrality', 'betweenesscentrality', 'Betweenness Centrality', 'double'),
  col('betweenness_bipartite', 'betweenness_bipartite', 'Betweenness (bipartite-normalised)', 'double'),
  col('closnesscentrality', 'closnesscentrality', 'Closeness Centrality', 'double'),
  col('closeness_bipartite', 'closeness_bipartite', 'Closeness (NetworkX bipartite)', 'double'),
  col('harmonicclosnesscentrality', 'harmonicclosnesscentrality', 'Harmonic Closeness Centrality', 'double'),
  col('eigencentrality', 'eigencentrality', 'Eigenvector Centrality', 'double'),
  col('pageranks', 'pageranks', 'PageRank', 'double'),
  col('latapy_clustering', 'latapy_clustering', 'Latapy clustering', 'double'),
  col('componentnumber', 'componentnumber', 'Component ID', 'integer'),
  col('modularity_class', 'modularity_class', 'Modularity Class', 'integer'),
];

const BIPARTITE_EXTRA: ColumnSpec[] = [col('projection_class', 'projection_class', 'Louvain community in the projection onto its side', 'integer')];
const BIPARTITE_EDGES: ColumnSpec[] = [col('lines', 'lines', 'Input lines', 'liststring')];
const PROJECTION_EDGES: ColumnSpec[] = [
  col('shared_count', 'shared_count', 'Shared partners', 'integer'),
  col('jaccard', 'jaccard', 'Jaccard', 'double'),
  col('overlap', 'overlap', 'Overlap (shared / min degree)', 'double'),
  col('cosine', 'cosine', 'Cosine', 'double'),
  col('newman', 'newman', 'Newman collaboration weight', 'double'),
  col('pvalue', 'pvalue', 'Hypergeometric p-value', 'double'),
  col('pvalue_holm', 'pvalue_holm', 'p-value, Holm-corrected', 'double'),
  col('pvalue_bh', 'pvalue_bh', 'p-value, Benjamini–Hochberg', 'double'),
  col('shared_partners', 'shared_partners', 'Shared partners (labels)', 'liststring'),
];

function nodeAttributes(r: NodeRow, modularityClass: number | null, parentLabel: string | null) {
  return {
    label: r.label, side: r.side, country: r.country, country_name: r.countryName,
    territory: null as string | null, kind: r.kind, parent: parentLabel,
    degree: r.degree, degree_bipartite: r.degreeCentrality,
    betweenesscentrality: r.betweennessRaw, betweenness_bipartite: r.betweenness,
    closnesscentrality: r.closenessGephi, closeness_bipartite: r.closeness,
    harmonicclosnesscentrality: r.harmonicNormalized, eigencentrality: r.eigenvectorMax, pageranks: r.pagerank,
    latapy_clustering: r.latapy, componentnumber: r.component, modularity_class: modularityClass,
  };
}

/**
 * The colour of a node in network `kind` by its community (`modularity_class`): the bipartite
 * optimiser's for `bipartite`, the projection's Louvain for a projection; grey when it has none.
 * The GEXF and the explorer colour with it, so they agree.
 */
export function communityColors(a: Analysis, kind: NetworkKind): (community: number | null) => Rgb {
  const classes = kind === 'bipartite'
    ? (a.bipartite?.best.communities ?? 1)
    : (a.sides[kind === 'home' ? 'home' : 'partner'].communities?.best.communities ?? 1);
  const palette = communityPalette(Math.max(1, classes));
  return (c) => (c === null ? GREY : (palette[c] ?? GREY));
}

const GREY: Rgb = { r: 160, g: 160, b: 160 };

/** What network `kind` shows, in a sentence or two (GEXF description, explorer view). */
export function networkDescription(kind: NetworkKind, weight: WeightKind = 'count'): string {
  return kind === 'bipartite'
    ? 'Two-mode network: Chinese cities and their foreign partner cities. modularity_class = community of the bipartite (Barber modularity) optimiser.'
    : `Shared-partner projection onto the ${kind === 'home' ? 'Chinese cities' : 'foreign partners'}: two places are linked when they share a partner; weight = ${weight}. modularity_class = Louvain community (seeded).`;
}

const networks = new WeakMap<Analysis, Map<string, ExportNetwork>>();

/** The network `kind` with every column, built once per analysis, kind and weight (GEXF, CSV and the explorer's projection layout share it; treat it as read-only). The explorer draws from the analysis directly: it needs no columns. */
export function exportNetwork(a: Analysis, kind: NetworkKind, weight: WeightKind = a.options.communityWeight): ExportNetwork {
  let byKey = networks.get(a);
  if (!byKey) { byKey = new Map(); networks.set(a, byKey); }
  const key = `${kind}|${weight}`;
  let net = byKey.get(key);
  if (!net) { net = buildNetwork(a, kind, weight); byKey.set(key, net); }
  return net;
}

function buildNetwork(a: Analysis, kind: NetworkKind, weight: WeightKind): ExportNetwork {
  const rows = nodeRows(a);
  const g = new UndirectedGraph();
  const label = (key: string) => a.graph.getNodeAttribute(key, 'label');
  const parentLabel = (r: NodeRow) => (r.parentId && a.graph.hasNode(r.parentId) ? label(r.parentId) : null);
  let edgeColumns: ColumnSpec[];
  let nodeColumns = NODE_COLUMNS;
  let weightKey: string | null = null;

  if (kind === 'bipartite') {
    for (const r of rows) {
      const territory = r.side === 'partner' ? a.graph.getNodeAttribute(r.key, 'territory') : null;
      g.addNode(r.key, { ...nodeAttributes(r, r.bipartiteCommunity, parentLabel(r)), territory, projection_class: r.community });
    }
    a.graph.forEachEdge((_e, attr, s, t) => g.addEdge(s, t, { lines: attr.lines.map(String) }));
    nodeColumns = [...NODE_COLUMNS, ...BIPARTITE_EXTRA];
    edgeColumns = BIPARTITE_EDGES;
  } else {
    const side = kind === 'home' ? 'home' : 'partner';
    const s = a.sides[side];
    const p = s.projection;
    for (const r of rows) {
      if (r.side !== side) continue;
      const territory = r.side === 'partner' ? a.graph.getNodeAttribute(r.key, 'territory') : null;
      g.addNode(r.key, { ...nodeAttributes(r, r.community, parentLabel(r)), territory });
    }
    for (let i = 0; i < p.u.length; i++) {
      g.addEdge(p.keys[p.u[i] as number] as string, p.keys[p.v[i] as number] as string, {
        weight: edgeWeight(p, i, weight),
        shared_count: p.count[i], jaccard: edgeWeight(p, i, 'jaccard'), overlap: edgeWeight(p, i, 'overlap'),
        cosine: edgeWeight(p, i, 'cosine'), newman: edgeWeight(p, i, 'newman'),
        pvalue: s.significance.p[i], pvalue_holm: s.significance.holm[i], pvalue_bh: s.significance.bh[i],
        shared_partners: p.sharedOffsets ? sharedOf(p, i).map(label) : [],
      });
    }
    edgeColumns = PROJECTION_EDGES;
    weightKey = 'weight';
  }
  const colorOf = communityColors(a, kind);
  return {
    kind, graph: g, nodeColumns, edgeColumns, weightKey, description: networkDescription(kind, weight),
    color: (key) => colorOf(g.getNodeAttribute(key, 'modularity_class') as number | null),
    size: (key) => Math.round((4 + 4 * Math.sqrt(g.getNodeAttribute(key, 'degree') as number)) * 100) / 100,
  };
}
