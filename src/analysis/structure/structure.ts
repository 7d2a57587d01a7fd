/**
 * Structure of a bipartite graph with sides U (home) and V (partner), |E| edges:
 * - bipartite density |E| / (|U|·|V|) (NetworkX `bipartite.density`);
 * - connected components: count, sizes, share of nodes in the largest;
 * - degree distributions per side (degree → number of nodes), mean and maximum;
 * - degree assortativity: Pearson correlation of the degrees at the two ends of each edge, each edge
 *   counted in both directions (Newman 2002, doi:10.1103/PhysRevLett.89.208701; NetworkX
 *   `degree_assortativity_coefficient`); negative in most two-mode networks;
 * - Robins–Alexander clustering 4·C₄ / L₃ (Robins & Alexander 2004, doi:10.1023/B:CMOT.0000032580.12184.c0):
 *   C₄ the number of 4-cycles = Σ over projected home pairs of C(c, 2), L₃ the number of 3-paths
 *   = Σ_edges (d_u − 1)(d_v − 1);
 * - Latapy clustering (Latapy, Magnien & Del Vecchio 2008, doi:10.1016/j.socnet.2007.04.006):
 *   cc(u) = mean over the second neighbours v of u of |N(u)∩N(v)| / |N(u)∪N(v)| ('dot'),
 *   / min(d_u, d_v) ('min') or / max(d_u, d_v) ('max'); 0 without second neighbours.
 */
import type { BipartiteIndex, UnifiedIndex } from '../../graph/bipartite-index.js';
import type { Projection } from '../projection/project.js';

export interface Components {
  count: number;
  /** Component number of each node (unified numbering), 0 = the largest, then by size desc, first node. */
  membership: Int32Array;
  sizes: number[];
  largestShare: number;
}

export function components(g: UnifiedIndex): Components {
  const N = g.n + g.m;
  const raw = new Int32Array(N).fill(-1);
  const sizes: number[] = [];
  const stack = new Int32Array(N);
  for (let s = 0; s < N; s++) {
    if (raw[s] !== -1) continue;
    const c = sizes.length;
    let top = 0, size = 0;
    stack[top++] = s; raw[s] = c;
    while (top > 0) {
      const v = stack[--top] as number;
      size++;
      for (let e = g.offsets[v] as number; e < (g.offsets[v + 1] as number); e++) {
        const w = g.adj[e] as number;
        if (raw[w] === -1) { raw[w] = c; stack[top++] = w; }
      }
    }
    sizes.push(size);
  }
  const order = sizes.map((_, i) => i).sort((a, b) => (sizes[b] as number) - (sizes[a] as number) || a - b);
  const rank = new Int32Array(sizes.length);
  order.forEach((c, r) => { rank[c] = r; });
  const membership = raw.map((c) => rank[c] as number);
  const sorted = order.map((c) => sizes[c] as number);
  return { count: sizes.length, membership, sizes: sorted, largestShare: N > 0 ? (sorted[0] ?? 0) / N : 0 };
}

export function bipartiteDensity(index: BipartiteIndex): number {
  const n = index.home.keys.length, m = index.partner.keys.length;
  return n * m > 0 ? index.edges / (n * m) : 0;
}

export interface DegreeDistribution { counts: Record<number, number>; mean: number; max: number; median: number }

export function degreeDistribution(degree: ArrayLike<number>): DegreeDistribution {
  const counts: Record<number, number> = {};
  const values = Array.from(degree).sort((a, b) => a - b);
  let sum = 0;
  for (const d of values) { counts[d] = (counts[d] ?? 0) + 1; sum += d; }
  const mid = values.length >> 1;
  const median = values.length === 0 ? 0 : values.length % 2 ? (values[mid] as number) : ((values[mid - 1] as number) + (values[mid] as number)) / 2;
  return { counts, mean: values.length ? sum / values.length : 0, max: values[values.length - 1] ?? 0, median };
}

export function degreeAssortativity(g: UnifiedIndex): number {
  let sx = 0, sxx = 0, sxy = 0, k = 0;
  const N = g.n + g.m;
  for (let v = 0; v < N; v++) {
    const dv = (g.offsets[v + 1] as number) - (g.offsets[v] as number);
    for (let e = g.offsets[v] as number; e < (g.offsets[v + 1] as number); e++) {
      const w = g.adj[e] as number;
      const dw = (g.offsets[w + 1] as number) - (g.offsets[w] as number);
      sx += dv; sxx += dv * dv; sxy += dv * dw; k++;
    }
  }
  if (k === 0) return NaN;
  const mean = sx / k;
  const varx = sxx / k - mean * mean;
  return varx > 0 ? (sxy / k - mean * mean) / varx : NaN;
}

export function robinsAlexander(index: BipartiteIndex, homeProjection: Projection): number {
  let c4 = 0;
  for (const c of homeProjection.count) c4 += (c * (c - 1)) / 2;
  let l3 = 0;
  const { home, partner } = index;
  for (let i = 0; i < home.keys.length; i++) {
    const di = (home.offsets[i + 1] as number) - (home.offsets[i] as number);
    for (let e = home.offsets[i] as number; e < (home.offsets[i + 1] as number); e++) {
      const j = home.adj[e] as number;
      l3 += (di - 1) * ((partner.offsets[j + 1] as number) - (partner.offsets[j] as number) - 1);
    }
  }
  return l3 > 0 ? (4 * c4) / l3 : 0;
}

export type LatapyMode = 'dot' | 'min' | 'max';

/** Latapy clustering of each node of a projection's side, from the projection's edges. */
export function latapyClustering(p: Projection, mode: LatapyMode = 'dot'): Float64Array {
  const n = p.keys.length;
  const sum = new Float64Array(n), second = new Int32Array(n);
  for (let i = 0; i < p.u.length; i++) {
    const a = p.u[i] as number, b = p.v[i] as number, c = p.count[i] as number;
    const da = p.degree[a] as number, db = p.degree[b] as number;
    const x = mode === 'dot' ? c / (da + db - c) : mode === 'min' ? c / Math.min(da, db) : c / Math.max(da, db);
    sum[a] = (sum[a] as number) + x; sum[b] = (sum[b] as number) + x;
    second[a] = (second[a] as number) + 1; second[b] = (second[b] as number) + 1;
  }
  return sum.map((s, i) => ((second[i] as number) > 0 ? s / (second[i] as number) : 0));
}
