/**
 * PageRank (Brin & Page 1998), as NetworkX `pagerank`: x ← α (x·P + dangling mass/N) + (1−α)/N,
 * P the row-normalised adjacency, uniform teleport, from x₀ = 1/N until Σ|x − x_prev| < N·tol.
 * Σx = 1. On the undirected, unweighted bipartite graph (no dangling nodes: every node has a link).
 *
 * @example  a star with centre c and k leaves: x_c = (1−α)/N + α·(k·x_leaf), by symmetry.
 */
import type { UnifiedIndex } from '../../graph/bipartite-index.js';

export interface PagerankOptions { alpha?: number; tolerance?: number; maxIterations?: number }
export const PAGERANK_DEFAULTS = { alpha: 0.85, tolerance: 1e-12, maxIterations: 1000 } as const;

export function pagerank(g: UnifiedIndex, options: PagerankOptions = {}): { values: Float64Array; iterations: number } {
  const { alpha, tolerance, maxIterations } = { ...PAGERANK_DEFAULTS, ...options };
  const N = g.n + g.m;
  if (N === 0) throw new Error('analysis/pagerank: the graph is empty');
  let x = new Float64Array(N).fill(1 / N);
  let next = new Float64Array(N);
  for (let it = 1; it <= maxIterations; it++) {
    let dangling = 0;
    next.fill(0);
    for (let v = 0; v < N; v++) {
      const start = g.offsets[v] as number, end = g.offsets[v + 1] as number;
      const d = end - start;
      if (d === 0) { dangling += x[v] as number; continue; }
      const share = (alpha * (x[v] as number)) / d;
      for (let e = start; e < end; e++) { const w = g.adj[e] as number; next[w] = (next[w] as number) + share; }
    }
    const base = (alpha * dangling + (1 - alpha)) / N;
    let err = 0;
    for (let v = 0; v < N; v++) { next[v] = (next[v] as number) + base; err += Math.abs((next[v] as number) - (x[v] as number)); }
    [x, next] = [next, x];
    if (err < N * tolerance) return { values: x, iterations: it };
  }
  throw new Error(`analysis/pagerank: no convergence in ${maxIterations} iterations (tolerance ${tolerance})`);
}
