/**
 * The networks twinnet exports, with every computed metric as a node column under Gephi's own
 * column ids where Gephi has one (`modularity_class`, `betweenesscentrality`, `closnesscentrality`,
 * `harmonicclosnesscentrality`, `eigencentrality`, `pageranks`, `componentnumber`, `degree`) and
 * twinnet's ids for the rest (bipartite normalisations, the other community assignment). The
 * measures' columns come from the measure registry (`analysis/measures/registry.ts`).
 *
 * - `bipartite`: the two-mode graph; `modularity_class` = community of the bipartite (Barber)
 *   optimiser, `projection_class` = Louvain community in the projection onto the node's side.
 * - `home` / `partners`: a shared-partner projection; `modularity_class` = its Louvain community;
 *   Gephi's ids hold the projection's own metrics, the bipartite ones are under `bipartite_*` ids
 *   (`projection-columns.ts`); edges carry the chosen weight, the shared count, Jaccard, overlap, cosine, Newman, p-values and
 *   the list of shared partners.
 *
 * Writing the metrics onto node attributes happens here, on a fresh graph: the analysed graph is
 * not modified.
 */
import { UndirectedGraph } from 'graphology';
import type { Analysis } from '../analysis/analyze.js';
import { homeWords } from '../parse/countries.js';
import { edgeWeight } from '../analysis/projection/project.js';
import type { WeightKind } from '../analysis/projection/project.js';
import { MEASURE_COLUMNS } from '../analysis/measures/registry.js';
import { nodeAttributesAt, nodeRowAt, sharedLabels } from '../analysis/results.js';
import type { NodeRow } from '../analysis/results.js';
import type { ColumnSpec } from './columns.js';
import type { GeocodeResult } from '../geo/geocode.js';
import { bipartiteEdges } from '../graph/build-bipartite.js';
import type { NodeAttributes } from '../graph/build-bipartite.js';
import { GEO_EDGE_COLUMNS, GEO_NODE_COLUMNS, geoEdgeDistance, geoNodeAttributes } from './geo-columns.js';
import { communityPalette } from './palette.js';
import { projectionMetrics } from '../analysis/projection/projection-metrics.js';
import { projectionNodeAttributes, projectionNodeColumns } from './projection-columns.js';
import type { Rgb } from './palette.js';
import type { NetworkKind } from '../layout/network-layout.js';

export type { NetworkKind } from '../layout/network-layout.js';

export interface ExportNetwork {
  kind: NetworkKind;
  /** The network as a graphology graph, made on first use (`nodes` and `edges` hold the same, in the same order). */
  readonly graph: UndirectedGraph;
  /** Its nodes with their attributes, in the graph's order (the same objects as the graph's), made on first use and kept; `exportNetwork` gives these four. */
  readonly nodes?: readonly ExportNode[];
  /** Its node keys, in the graph's order. */
  readonly keys?: readonly string[];
  /** Its nodes as `nodes` has them, each made as it is read and not kept (`nodes` itself once it is made). */
  readonly nodeEntries?: () => Iterable<ExportNode>;
  /** Its edges with their attributes, in the graph's order (the same objects as the graph's). */
  readonly edges?: readonly ExportEdge[];
  nodeColumns: ColumnSpec[];
  edgeColumns: ColumnSpec[];
  /** Edge attribute holding the weight (projections), else null. */
  weightKey: string | null;
  /**
   * The bipartite graph of an input whose links carry dates: edges have `start` / `end`, years
   * (`integer`) or dates (`date`, years then written as 1 January); null when no edge has either.
   */
  timeformat: TimeFormat | null;
  /** A node's colour and drawn size, from its attributes when the caller has them (else looked up by key). */
  color: (key: string, attributes?: Record<string, unknown>) => Rgb;
  size: (key: string, attributes?: Record<string, unknown>) => number;
  description: string;
}

/** A node of an export network: its key and attributes (as graphology's `nodeEntries` gives them). */
export interface ExportNode { node: string; attributes: Record<string, unknown> }
/** An edge of an export network (as graphology's `edgeEntries` gives them; undirected). */
export interface ExportEdge { source: string; target: string; attributes: Record<string, unknown>; undirected: true }

const col = (key: string, id: string, title: string, type: ColumnSpec['type']): ColumnSpec => ({ key, id, title, type });

/** Node columns: attribute key on the export graph = column id. */
export const NODE_COLUMNS: ColumnSpec[] = [
  col('side', 'side', 'Side (home / partner)', 'string'),
  col('country', 'country', 'Country (ISO 3166-1 alpha-2)', 'string'),
  col('country_name', 'country_name', 'Country', 'string'),
  col('territory', 'territory', 'Territory (ISO 3166-1 alpha-2)', 'string'),
  col('kind', 'kind', 'Kind (city / district / partner)', 'string'),
  col('parent', 'parent', 'Parent city (districts)', 'string'),
  ...MEASURE_COLUMNS.map((c) => col(c.id, c.id, c.title, c.type)),
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

function nodeAttributes(r: NodeRow, territory: string | null, modularityClass: number | null, parentLabel: string | null): Record<string, unknown> {
  const out: Record<string, unknown> = {
    label: r.label, side: r.side, country: r.country, country_name: r.countryName,
    territory, kind: r.kind, parent: parentLabel,
  };
  for (const c of MEASURE_COLUMNS) out[c.id] = r[c.measure];
  out['componentnumber'] = r.component;
  out['modularity_class'] = modularityClass;
  return out;
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
export type TimeFormat = 'integer' | 'date';

/** `integer` when every edge time is a year, `date` when one is a date, null when there are none. */
function timeFormatOf(edges: readonly ExportEdge[]): TimeFormat | null {
  let format: TimeFormat | null = null;
  for (const { attributes: attr } of edges) {
    for (const t of [attr['start'], attr['end']]) {
      if (typeof t !== 'string') continue;
      if (t.length > 4) format = 'date'; else format ??= 'integer';
    }
  }
  return format;
}

/**
 * The graphology graph of `nodes` and `edges` (what `exportNetwork` used to build at once: the GEXF
 * reads the lists, and building the graph cost more than writing the lists' attributes).
 */
function graphOf(nodes: readonly ExportNode[], edges: readonly ExportEdge[]): UndirectedGraph {
  const g = new UndirectedGraph();
  for (const { node, attributes } of nodes) g.addNode(node, attributes);
  for (const { source, target, attributes } of edges) g.addEdge(source, target, attributes);
  return g;
}

export function networkDescription(a: Analysis, kind: NetworkKind, weight: WeightKind = 'count'): string {
  const home = homeWords(a.dataset.home).demonym;
  return kind === 'bipartite'
    ? `Two-mode network: ${home} cities and their foreign partner cities. modularity_class = community of the bipartite (Barber modularity) optimiser.`
    : `Shared-partner projection onto the ${kind === 'home' ? `${home} cities` : 'foreign partners'}: two places are linked when they share a partner; weight = ${weight}. modularity_class = Louvain community (seeded).`;
}

/**
 * The network `kind` with every column (GEXF, GraphML, CSV). `rows`: `nodeRows(a)`, when the caller
 * has them already (else each node's row is made when its attributes are). `places`: the data set
 * geocoded, for the geography columns (`geo-columns.ts`); without it they are left out. The explorer
 * draws from the analysis directly: it needs no columns.
 *
 * The nodes' attributes are made on first use: `nodes` makes and keeps them all (the graph, a
 * lookup by key), `nodeEntries` makes each as it is read and keeps none (a writer that reads them
 * once: at 1.4 million nodes, keeping them cost more than writing them).
 */
export function exportNetwork(
  a: Analysis, kind: NetworkKind, weight: WeightKind = a.options.communityWeight, rows: readonly NodeRow[] | null = null, places: GeocodeResult | null = null,
): ExportNetwork {
  const edges: ExportEdge[] = [];
  const addEdge = (source: string, target: string, attributes: Record<string, unknown>) => { edges.push({ source, target, attributes, undirected: true }); };
  // A district's parent city's label: the home side's keys indexed on first use.
  let homeAt: Map<string, number> | null = null;
  const parentLabel = (r: NodeRow): string | null => {
    if (!r.parentId) return null;
    const i = (homeAt ??= new Map(a.nodes.home.keys.map((k, j) => [k, j]))).get(r.parentId);
    return i === undefined ? null : (a.nodes.home.attributes[i] as NodeAttributes).label;
  };
  // Node v's row (unified order: home side, then partners), from `rows` or made for it, and its
  // attributes with `community` as its class: no lookup by key.
  const rowAt = (v: number): NodeRow => (rows === null ? nodeRowAt(a, v) : rows[v] as NodeRow);
  const attributesOf = (v: number, r: NodeRow, community: number | null) => nodeAttributes(r, nodeAttributesAt(a, v).territory, community, parentLabel(r));
  // Geography attributes added to a node's (same keys, same order as merging them in after).
  const withGeo = (attributes: Record<string, unknown>, key: string) => (places ? Object.assign(attributes, geoNodeAttributes(places, key)) : attributes);
  let edgeColumns: ColumnSpec[];
  let nodeColumns = NODE_COLUMNS;
  let weightKey: string | null = null;
  let timeformat: TimeFormat | null = null;
  // The network's nodes: unified indices `first` … `first + keys.length − 1` (a projection's are its
  // side's, in the same order: its keys are the index's), and the attributes of node v among them.
  const first = kind === 'partners' ? a.unified.n : 0;
  const keys: readonly string[] = kind === 'bipartite' ? a.unified.keys : a.nodes[kind === 'home' ? 'home' : 'partner'].keys;
  let attributesAt: (i: number) => Record<string, unknown>;

  if (kind === 'bipartite') {
    attributesAt = (v) => {
      const r = rowAt(v), attributes = attributesOf(v, r, r.bipartiteCommunity);
      attributes['projection_class'] = r.community;
      return withGeo(attributes, r.key);
    };
    for (const { source: s, target: t, attributes: attr } of bipartiteEdges(a.dataset, a.nodes)) {
      const attributes: Record<string, unknown> = { lines: attr.lines.map(String) };
      if (places) attributes['distance_km'] = geoEdgeDistance(places, s, t);
      if (attr.start !== undefined) attributes['start'] = attr.start;
      if (attr.end !== undefined) attributes['end'] = attr.end;
      addEdge(s, t, attributes);
    }
    timeformat = timeFormatOf(edges);
    nodeColumns = [...NODE_COLUMNS, ...BIPARTITE_EXTRA];
    edgeColumns = places ? [...BIPARTITE_EDGES, ...GEO_EDGE_COLUMNS] : BIPARTITE_EDGES;
  } else {
    const side = kind === 'home' ? 'home' : 'partner';
    const s = a.sides[side];
    const p = s.projection;
    const metrics = projectionMetrics({ n: p.keys.length, u: p.u, v: p.v, weight: (i) => edgeWeight(p, i, weight) });
    // node v is the projection's node v − first
    attributesAt = (v) => {
      const r = rowAt(v);
      return withGeo(projectionNodeAttributes(attributesOf(v, r, r.community), metrics, v - first), r.key);
    };
    for (let i = 0; i < p.u.length; i++) {
      addEdge(p.keys[p.u[i] as number] as string, p.keys[p.v[i] as number] as string, {
        weight: edgeWeight(p, i, weight),
        shared_count: p.count[i], jaccard: edgeWeight(p, i, 'jaccard'), overlap: edgeWeight(p, i, 'overlap'),
        cosine: edgeWeight(p, i, 'cosine'), newman: edgeWeight(p, i, 'newman'),
        pvalue: s.significance.p[i], pvalue_holm: s.significance.holm[i], pvalue_bh: s.significance.bh[i],
        shared_partners: sharedLabels(a, side, i),
      });
    }
    nodeColumns = projectionNodeColumns(NODE_COLUMNS);
    edgeColumns = PROJECTION_EDGES;
    weightKey = 'weight';
  }
  if (places) nodeColumns = [...nodeColumns, ...GEO_NODE_COLUMNS];
  const colorOf = communityColors(a, kind);
  let nodes: ExportNode[] | null = null;
  let graph: UndirectedGraph | null = null;
  let byKey: Map<string, Record<string, unknown>> | null = null;
  const entryAt = (i: number): ExportNode => ({ node: keys[i] as string, attributes: attributesAt(first + i) });
  const madeNodes = (): ExportNode[] => (nodes ??= Array.from(keys, (_key, i) => entryAt(i)));
  const attributesOfNode = (key: string): Record<string, unknown> => {
    byKey ??= new Map(madeNodes().map((n) => [n.node, n.attributes]));
    const attributes = byKey.get(key);
    if (attributes === undefined) throw new Error(`export/network: no node "${key}" in the ${kind} network`);
    return attributes;
  };
  return {
    kind,
    get graph() { return (graph ??= graphOf(madeNodes(), edges)); },
    get nodes() { return madeNodes(); },
    keys,
    nodeEntries: () => nodes ?? (function* () { for (let i = 0; i < keys.length; i++) yield entryAt(i); })(),
    edges, nodeColumns, edgeColumns, weightKey, timeformat, description: networkDescription(a, kind, weight),
    color: (key, attributes = attributesOfNode(key)) => colorOf(attributes['modularity_class'] as number | null),
    size: (key, attributes = attributesOfNode(key)) => Math.round((4 + 4 * Math.sqrt(attributes['degree'] as number)) * 100) / 100,
  };
}
