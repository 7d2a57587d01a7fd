/**
 * The node measures of a shared-partner projection taken as a graph of its own — what Gephi's
 * statistics compute when run on it, and what the projection exports write under Gephi's column ids:
 *
 * - degree k(v): neighbours in the projection (places that share at least one partner with v);
 * - weighted degree s(v) = Σ_u w(u,v), w the projection weight chosen (a similarity);
 * - clustering C(v) = 2T(v) / (k(v)(k(v) − 1)), T(v) the triangles through v, 0 when k(v) < 2
 *   (Watts & Strogatz 1998, doi:10.1038/30918; NetworkX `clustering`, Gephi's "clustering"), unweighted;
 * - betweenness (raw, over unordered pairs), Gephi's closeness (r − 1) / Σ_u d(v,u) and harmonic
 *   closeness Σ_{u≠v} 1/d(v,u) ÷ (N − 1), on hop distances (weights ignored, as Gephi's "Network
 *   Diameter" does), by `pathMeasures`; only when N·(N + 2E) ≤ `pathBudget` (all-sources BFS work),
 *   else null;
 * - connected component, 0 = the largest, then by size and first node.
 *
 * Triangles are counted once each by the forward algorithm (each edge oriented from the lower to the
 * higher (degree, index) rank; Schank & Wagner 2005, doi:10.1007/11427186_54): O(E^1.5).
 *
 * @example  triangle a–b–c with d hanging on c: k = (2, 2, 3, 1), C(a) = C(b) = 1, C(c) = 2·1/(3·2) = 1/3,
 *           C(d) = 0; betweenness of c = 2 (the pairs a–d and b–d), of the others 0; closeness of d =
 *           3 / (1 + 2 + 2) = 3/5; harmonic of d = (1 + ½ + ½) / 3 = 2/3.
 */
import { pathMeasures } from '../centrality/paths.js';
import { components } from '../structure/structure.js';

export interface ProjectionGraph {
  /** Number of nodes. */
  n: number;
  /** Edge list (each edge once). */
  u: ArrayLike<number>;
  v: ArrayLike<number>;
  /** Weight of edge i (a similarity). */
  weight: (i: number) => number;
}

export interface ProjectionMetricsOptions {
  /** Shortest-path measures only when N·(N + 2E) ≤ this (default 2·10⁹); null switches them off. */
  pathBudget?: number | null;
}

export interface ProjectionMetrics {
  degree: Int32Array;
  weightedDegree: Float64Array;
  clustering: Float64Array;
  /** null when over the path budget. */
  betweenness: Float64Array | null;
  closeness: Float64Array | null;
  harmonic: Float64Array | null;
  component: Int32Array;
}

export const PROJECTION_METRICS_DEFAULTS = { pathBudget: 2e9 } as const;

export function projectionMetrics(g: ProjectionGraph, options: ProjectionMetricsOptions = {}): ProjectionMetrics {
  const { n, u, v } = g;
  if (!Number.isSafeInteger(n) || n < 0) throw new TypeError(`analysis/projection-metrics: n must be a non-negative integer, got ${n}`);
  if (u.length !== v.length) throw new TypeError(`analysis/projection-metrics: u and v must have the same length, got ${u.length} and ${v.length}`);
  const budget = options.pathBudget === undefined ? PROJECTION_METRICS_DEFAULTS.pathBudget : options.pathBudget;
  const E = u.length;
  const degree = new Int32Array(n);
  const weightedDegree = new Float64Array(n);
  for (let i = 0; i < E; i++) {
    const a = u[i] as number, b = v[i] as number;
    if (!(a >= 0 && a < n && b >= 0 && b < n) || a === b) throw new TypeError(`analysis/projection-metrics: edge ${i} (${a}, ${b}) is not a link between two of the ${n} nodes`);
    degree[a]!++; degree[b]!++;
    const w = g.weight(i);
    weightedDegree[a] = (weightedDegree[a] as number) + w;
    weightedDegree[b] = (weightedDegree[b] as number) + w;
  }
  const offsets = new Int32Array(n + 1);
  for (let x = 0; x < n; x++) offsets[x + 1] = (offsets[x] as number) + (degree[x] as number);
  const adj = new Int32Array(2 * E);
  const at = offsets.slice(0, n);
  for (let i = 0; i < E; i++) {
    const a = u[i] as number, b = v[i] as number;
    adj[at[a]!++] = b; adj[at[b]!++] = a;
  }
  const csr = { n, m: 0, keys: [], offsets, adj };
  const clustering = localClustering(n, offsets, adj, degree);
  const paths = budget !== null && n * (n + 2 * E) <= budget ? pathMeasures(csr, { exactLimit: Infinity }) : null;
  return {
    degree, weightedDegree, clustering,
    betweenness: paths ? paths.betweennessRaw : null,
    closeness: paths ? paths.closenessGephi : null,
    harmonic: paths ? paths.harmonicNormalized : null,
    component: components(csr).membership,
  };
}

/** C(v) = 2T(v) / (k(k − 1)), triangles by the forward algorithm. */
function localClustering(n: number, offsets: Int32Array, adj: Int32Array, degree: Int32Array): Float64Array {
  const higher = (a: number, b: number) => (degree[b] as number) > (degree[a] as number) || ((degree[b] as number) === (degree[a] as number) && b > a);
  const triangles = new Float64Array(n);
  const mark = new Int32Array(n).fill(-1);
  for (let a = 0; a < n; a++) {
    for (let e = offsets[a] as number; e < (offsets[a + 1] as number); e++) { const b = adj[e] as number; if (higher(a, b)) mark[b] = a; }
    for (let e = offsets[a] as number; e < (offsets[a + 1] as number); e++) {
      const b = adj[e] as number;
      if (!higher(a, b)) continue;
      for (let f = offsets[b] as number; f < (offsets[b + 1] as number); f++) {
        const c = adj[f] as number;
        if (mark[c] === a && higher(b, c)) { triangles[a]!++; triangles[b]!++; triangles[c]!++; }
      }
    }
  }
  const clustering = new Float64Array(n);
  for (let x = 0; x < n; x++) {
    const k = degree[x] as number;
    clustering[x] = k < 2 ? 0 : (2 * (triangles[x] as number)) / (k * (k - 1));
  }
  return clustering;
}
