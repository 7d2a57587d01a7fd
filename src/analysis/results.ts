/**
 * The analysis as plain records: one row of metrics per node, one record per projected pair, and
 * the metadata (formula, normalisation) of every measure. Used by the reports, the exports and the CLI.
 */
import type { NodeAttributes, Side } from '../graph/build-bipartite.js';
import { other } from '../graph/bipartite-index.js';
import type { Analysis } from './analyze.js';
import { edgeWeight, edgeWeights, sharedOf } from './projection/project.js';
import type { Projection } from './projection/project.js';
import { valueAt } from './measures/measure.js';
import type { Measure } from './measures/measure.js';
import { measureById, MEASURES, metricMetadata } from './measures/registry.js';
import type { MeasureId, MeasureValues } from './measures/registry.js';

/** What each listed node measure means: formula and normalisation, in words a reader can check (from the registry). */
export const METRICS = metricMetadata();

/** Who node v is: key, side and the attributes every output names it by. */
export interface NodeIdentity {
  key: string;
  side: Side;
  label: string;
  country: string | null;
  countryName: string | null;
  kind: string;
  parentId: string | null;
}

/** The groups node v belongs to (not measures: no formula, shown as they are). */
export interface NodeGroups {
  component: number;
  /** Louvain community in the projection onto its own side. */
  community: number | null;
  /** Community of the bipartite (Barber) optimiser (null when skipped for size). */
  bipartiteCommunity: number | null;
}

/** A node's row: identity, then every registered measure (`measures/registry.ts`) in registry order, then its groups. */
export interface NodeRow extends NodeIdentity, MeasureValues, NodeGroups {}

/** One row per node (home side first). */
export function nodeRows(a: Analysis): NodeRow[] {
  const rows: NodeRow[] = [];
  for (let v = 0; v < a.unified.keys.length; v++) rows.push(nodeRowAt(a, v));
  return rows;
}

/** Per side, whether each measure (in registry order) is defined on it. */
const DEFINED: Record<Side, boolean[]> = {
  home: MEASURES.map((m) => m.sides.includes('home')),
  partner: MEASURES.map((m) => m.sides.includes('partner')),
};

/** A row with every field in order, copied for each node: filling a copy is faster than adding fields one by one. */
const ROW_TEMPLATE: Record<string, unknown> = Object.fromEntries([
  'key', 'side', 'label', 'country', 'countryName', 'kind', 'parentId', ...MEASURES.map((m) => m.id), 'component', 'community', 'bipartiteCommunity',
].map((k) => [k, null]));

/** The row of node v (home side 0…n−1, then partners), computed on its own (for large graphs, where not every row is wanted). */
export function nodeRowAt(a: Analysis, v: number): NodeRow {
  const n = a.unified.n;
  const attrs = nodeAttributesAt(a, v);
  const i = v < n ? v : v - n;
  const row = { ...ROW_TEMPLATE };
  row['key'] = a.unified.keys[v] as string; row['side'] = attrs.side; row['label'] = attrs.label;
  row['country'] = attrs.country; row['countryName'] = attrs.countryName; row['kind'] = attrs.kind; row['parentId'] = attrs.parentId;
  const defined = DEFINED[attrs.side];
  for (let k = 0; k < MEASURES.length; k++) {
    const m = MEASURES[k] as Measure<MeasureId>;
    if (defined[k]) row[m.id] = m.value(a, v);
  }
  const communities = a.sides[attrs.side].communities;
  row['component'] = a.components.membership[v] as number;
  row['community'] = communities ? (communities.best.membership[i] as number) : null;
  row['bipartiteCommunity'] = a.bipartite ? (a.bipartite.best[attrs.side][i] as number) : null;
  return row as unknown as NodeRow;
}

/** Attributes of node v (China side 0…n−1, then partners). */
export function nodeAttributesAt(a: Analysis, v: number): NodeAttributes {
  const n = a.unified.n;
  return (v < n ? a.nodes.home.attributes[v] : a.nodes.partner.attributes[v - n]) as NodeAttributes;
}

/** `nodeRowAt(a, v)[id]` without making the row (for ranking a million nodes). */
export function metricAt(a: Analysis, v: number, id: MeasureId): number | null {
  return valueAt(measureById(id), a, v);
}

export interface PairRecord {
  a: string;
  b: string;
  labelA: string;
  labelB: string;
  degreeA: number;
  degreeB: number;
  count: number;
  jaccard: number;
  overlap: number;
  cosine: number;
  newman: number;
  p: number;
  holm: number;
  bh: number;
  /** SDSM (BiCM) p-value and its Holm correction, null when not computed. */
  pSdsm: number | null;
  holmSdsm: number | null;
  /** Labels of the shared partners (empty when not kept). */
  shared: string[];
  /** Their node keys, in the same order. */
  sharedIds: string[];
}

/** The labels of the partners projected edge i of `side` rests on (the other side's nodes, by position); empty when they were not kept. */
export function sharedLabels(a: Analysis, side: Side, i: number): string[] {
  const p = a.sides[side].projection, opposite = a.nodes[other(side)].attributes;
  const out: string[] = [];
  if (p.sharedOffsets && p.sharedAdj) {
    for (let j = p.sharedOffsets[i] as number; j < (p.sharedOffsets[i + 1] as number); j++) out.push((opposite[p.sharedAdj[j] as number] as NodeAttributes).label);
  }
  return out;
}

export function pairRecord(a: Analysis, side: Side, i: number): PairRecord {
  const { projection: p, significance: s } = a.sides[side];
  const u = p.u[i] as number, v = p.v[i] as number;
  const ka = p.keys[u] as string, kb = p.keys[v] as string;
  const own = a.nodes[side].attributes;
  const shared = sharedLabels(a, side, i), sharedIds = p.sharedOffsets && p.sharedAdj ? sharedOf(p, i) : [];
  return {
    a: ka, b: kb, labelA: (own[u] as NodeAttributes).label, labelB: (own[v] as NodeAttributes).label,
    degreeA: p.degree[u] as number, degreeB: p.degree[v] as number,
    count: p.count[i] as number,
    jaccard: edgeWeight(p, i, 'jaccard'), overlap: edgeWeight(p, i, 'overlap'),
    cosine: edgeWeight(p, i, 'cosine'), newman: edgeWeight(p, i, 'newman'),
    p: s.p[i] as number, holm: s.holm[i] as number, bh: s.bh[i] as number,
    pSdsm: a.sides[side].sdsm ? (a.sides[side].sdsm?.p[i] as number) : null,
    holmSdsm: a.sides[side].sdsm ? (a.sides[side].sdsm?.holm[i] as number) : null,
    shared,
    sharedIds,
  };
}

/**
 * Jaccard c / (d_u + d_v − c) of every projected pair, by edge index (`edgeWeight(p, i, 'jaccard')`
 * bit for bit: the same operations in the same order): ranking pairs, finding identical ones and the
 * explorer's similar places all compare it, and recomputing it per comparison cost most of that work,
 * so they take it as an argument (the pipeline computes it once per run).
 */
export function jaccardWeights(p: Projection): Float64Array {
  return edgeWeights(p, 'jaccard');
}

/**
 * Indices of the top `k` projected pairs by a measure (desc; p ascending), ties by shared count (by
 * Jaccard when ranking by count) then index. A bounded selection (O(E log k)), not a sort of all
 * pairs: projections reach 10⁷ pairs.
 */
export function rankPairs(
  a: Analysis, side: Side, by: 'count' | 'jaccard' | 'newman' | 'p', k = Infinity, keep: (i: number) => boolean = () => true,
  jaccard: Float64Array = jaccardWeights(a.sides[side].projection),
): number[] {
  const { projection: p, significance: s } = a.sides[side];
  const count = p.count, newman = p.newman, pValue = s.p;
  const compare: Record<typeof by, (x: number, y: number) => number> = {
    count: (x, y) => (count[y] as number) - (count[x] as number) || (jaccard[y] as number) - (jaccard[x] as number) || x - y,
    jaccard: (x, y) => (jaccard[y] as number) - (jaccard[x] as number) || (count[y] as number) - (count[x] as number) || x - y,
    newman: (x, y) => (newman[y] as number) - (newman[x] as number) || x - y,
    p: (x, y) => (pValue[x] as number) - (pValue[y] as number) || (count[y] as number) - (count[x] as number) || x - y,
  };
  const cmp = compare[by];
  const E = p.u.length;
  if (!Number.isFinite(k) || k >= E) {
    const all: number[] = [];
    for (let i = 0; i < E; i++) if (keep(i)) all.push(i);
    return all.sort(cmp);
  }
  // max-heap (by cmp) of the best k seen so far: its root is the worst of them
  const heap: number[] = [];
  const swap = (i: number, j: number) => { const t = heap[i] as number; heap[i] = heap[j] as number; heap[j] = t; };
  const up = (n: number) => { while (n > 0) { const q = (n - 1) >> 1; if (cmp(heap[q] as number, heap[n] as number) >= 0) break; swap(q, n); n = q; } };
  const down = (n: number) => {
    for (;;) {
      const l = 2 * n + 1, r = l + 1;
      let m = n;
      if (l < heap.length && cmp(heap[l] as number, heap[m] as number) > 0) m = l;
      if (r < heap.length && cmp(heap[r] as number, heap[m] as number) > 0) m = r;
      if (m === n) return;
      swap(m, n);
      n = m;
    }
  };
  for (let i = 0; i < E; i++) {
    if (!keep(i)) continue;
    if (heap.length < k) { heap.push(i); up(heap.length - 1); } else if (cmp(i, heap[0] as number) < 0) { heap[0] = i; down(0); }
  }
  return heap.sort(cmp);
}

/**
 * Pairs with identical partner sets (Jaccard 1), and near-identical ones (Jaccard ≥ threshold), both
 * sharing at least two partners: two places whose only partner is the same city are trivially
 * "identical" (47 of Beijing's one-off partners would make 1,081 such pairs) and say nothing.
 */
export function identicalPairs(a: Analysis, side: Side, jaccard: Float64Array = jaccardWeights(a.sides[side].projection)): { identical: number[]; near: number[] } {
  const p = a.sides[side].projection;
  const identical: number[] = [], near: number[] = [];
  for (let i = 0; i < p.u.length; i++) {
    if ((p.count[i] as number) < 2) continue;
    const j = jaccard[i] as number;
    if (j === 1) identical.push(i);
    else if (j >= a.options.nearIdentical) near.push(i);
  }
  const byCount = (x: number, y: number) => (p.count[y] as number) - (p.count[x] as number) || x - y;
  return { identical: identical.sort(byCount), near: near.sort(byCount) };
}
