/**
 * The analysis as plain records: one row of metrics per node, one record per projected pair, and
 * the metadata (formula, normalisation) of every measure. Used by the reports, the exports and the CLI.
 */
import type { NodeAttributes, Side } from '../graph/build-bipartite.js';
import type { Analysis } from './analyze.js';
import { edgeWeight, edgeWeights } from './projection/project.js';
import type { Projection } from './projection/project.js';

/** What each node metric means: formula and normalisation, in words a reader can check. */
export const METRICS = {
  degree: { title: 'Degree', formula: 'd(v) = number of partners of v', normalisation: 'raw count' },
  degreeCentrality: {
    title: 'Degree centrality (bipartite)',
    formula: 'd(v) / |opposite side|',
    normalisation: 'divided by the number of nodes on the other side (Borgatti & Halgin 2011; NetworkX bipartite.degree_centrality)',
  },
  betweenness: {
    title: 'Betweenness (bipartite)',
    formula: 'Σ_{s≠v≠t} σ_st(v)/σ_st over unordered pairs (Brandes 2001), divided by b_max(side)',
    normalisation: 'b_max = ½[m²(s+1)² + m(s+1)(2t−s−1) − t(2s−t+3)], s,t = divmod(n−1, m), n own side, m other side (NetworkX bipartite.betweenness_centrality)',
  },
  betweennessRaw: { title: 'Betweenness (raw)', formula: 'Σ_{s≠v≠t} σ_st(v)/σ_st over unordered pairs', normalisation: 'none (Gephi betweenesscentrality)' },
  closeness: {
    title: 'Closeness (bipartite)',
    formula: '(m + 2(n−1)) / Σ_u d(v,u) × (r−1)/(N−1)',
    normalisation: 'NetworkX bipartite.closeness_centrality: bipartite optimum over the distance sum, scaled by the reachable share (r nodes reachable incl. v, N all nodes); can exceed 1 on a disconnected graph',
  },
  closenessGephi: { title: 'Closeness (Gephi)', formula: '(r−1) / Σ_u d(v,u)', normalisation: 'reciprocal of the mean distance to the reachable nodes, within the component' },
  harmonic: { title: 'Harmonic closeness', formula: 'Σ_{u≠v} 1/d(v,u) (0 when unreachable)', normalisation: 'raw (NetworkX harmonic_centrality)' },
  harmonicNormalized: { title: 'Harmonic closeness (normalised)', formula: 'Σ_{u≠v} 1/d(v,u) / (N−1)', normalisation: 'divided by N−1 (Gephi harmonicclosnesscentrality); well defined on a disconnected graph' },
  eigenvector: { title: 'Eigenvector centrality', formula: 'leading eigenvector of A (power iteration on A+I)', normalisation: 'unit Euclidean norm (NetworkX eigenvector_centrality); concentrated on the component with the largest eigenvalue' },
  eigenvectorMax: { title: 'Eigenvector centrality (max = 1)', formula: 'as eigenvector', normalisation: 'divided by the maximum (Gephi eigencentrality)' },
  pagerank: { title: 'PageRank', formula: 'x = α·xP + (1−α)/N, α = 0.85', normalisation: 'Σ = 1 (NetworkX pagerank)' },
  latapy: { title: 'Latapy clustering', formula: 'mean over second neighbours u of |N(v)∩N(u)| / |N(v)∪N(u)|', normalisation: '0 without second neighbours (NetworkX bipartite.latapy_clustering, mode dot)' },
} as const;

export type MetricKey = keyof typeof METRICS;

export interface NodeRow {
  key: string;
  side: Side;
  label: string;
  country: string | null;
  countryName: string | null;
  kind: string;
  parentId: string | null;
  degree: number;
  degreeCentrality: number;
  betweenness: number;
  betweennessRaw: number;
  /** Standard error of the sampled betweenness estimate (normalised like `betweenness`); null when exact. */
  betweennessStdError: number | null;
  closeness: number | null;
  closenessGephi: number | null;
  harmonic: number | null;
  harmonicNormalized: number | null;
  eigenvector: number;
  eigenvectorMax: number;
  pagerank: number;
  latapy: number;
  component: number;
  /** Louvain community in the projection onto its own side. */
  community: number | null;
  /** Community of the bipartite (Barber) optimiser (null when skipped for size). */
  bipartiteCommunity: number | null;
}

/** One row per node (home side first). */
export function nodeRows(a: Analysis): NodeRow[] {
  const rows: NodeRow[] = [];
  for (let v = 0; v < a.unified.keys.length; v++) rows.push(nodeRowAt(a, v));
  return rows;
}

/** The row of node v (China side 0…n−1, then partners), computed on its own (for large graphs, where not every row is wanted). */
export function nodeRowAt(a: Analysis, v: number): NodeRow {
  const { unified: g, paths } = a;
  const isHome = v < g.n;
  const attrs = nodeAttributesAt(a, v);
  const i = isHome ? v : v - g.n;
  const sideA = isHome ? a.sides.home : a.sides.partner;
  const degree = metricAt(a, v, 'degree') as number;
  return {
    key: g.keys[v] as string, side: attrs.side, label: attrs.label, country: attrs.country, countryName: attrs.countryName,
    kind: attrs.kind, parentId: attrs.parentId,
    degree,
    degreeCentrality: degree / (isHome ? g.m : g.n),
    betweenness: metricAt(a, v, 'betweenness') as number,
    betweennessRaw: paths.betweennessRaw[v] as number,
    betweennessStdError: paths.betweennessStdError ? (paths.betweennessStdError[v] as number) : null,
    closeness: metricAt(a, v, 'closeness'),
    closenessGephi: paths.closenessGephi ? (paths.closenessGephi[v] as number) : null,
    harmonic: metricAt(a, v, 'harmonic'),
    harmonicNormalized: paths.harmonicNormalized ? (paths.harmonicNormalized[v] as number) : null,
    eigenvector: metricAt(a, v, 'eigenvector') as number,
    eigenvectorMax: a.eigenvector.maxNormalized[v] as number,
    pagerank: metricAt(a, v, 'pagerank') as number,
    latapy: sideA.latapy[i] as number,
    component: a.components.membership[v] as number,
    community: sideA.communities ? (sideA.communities.best.membership[i] as number) : null,
    bipartiteCommunity: a.bipartite ? ((isHome ? a.bipartite.best.home[i] : a.bipartite.best.partner[i]) as number) : null,
  };
}

/** Attributes of node v (China side 0…n−1, then partners). */
export function nodeAttributesAt(a: Analysis, v: number): NodeAttributes {
  const n = a.unified.n;
  return (v < n ? a.nodes.home.attributes[v] : a.nodes.partner.attributes[v - n]) as NodeAttributes;
}

/** The measures a report ranks nodes by (a subset of the row's fields). */
export type RankedMetric = 'degree' | 'betweenness' | 'closeness' | 'harmonic' | 'eigenvector' | 'pagerank';

/** `nodeRowAt(a, v)[m]` without making the row (for ranking a million nodes). */
export function metricAt(a: Analysis, v: number, m: RankedMetric): number | null {
  const { unified: g, paths } = a;
  switch (m) {
    case 'degree': return (g.offsets[v + 1] as number) - (g.offsets[v] as number);
    case 'betweenness': return paths.betweenness[v] as number;
    case 'closeness': return paths.closeness ? (paths.closeness[v] as number) : null;
    case 'harmonic': return paths.harmonic ? (paths.harmonic[v] as number) : null;
    case 'eigenvector': return a.eigenvector.values[v] as number;
    case 'pagerank': return a.pagerank.values[v] as number;
  }
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
}

export function pairRecord(a: Analysis, side: Side, i: number): PairRecord {
  const { projection: p, significance: s } = a.sides[side];
  const u = p.u[i] as number, v = p.v[i] as number;
  const ka = p.keys[u] as string, kb = p.keys[v] as string;
  const own = a.nodes[side].attributes, opposite = a.nodes[side === 'home' ? 'partner' : 'home'].attributes;
  const shared: string[] = [];
  if (p.sharedOffsets && p.sharedAdj) {
    for (let j = p.sharedOffsets[i] as number; j < (p.sharedOffsets[i + 1] as number); j++) shared.push((opposite[p.sharedAdj[j] as number] as NodeAttributes).label);
  }
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
