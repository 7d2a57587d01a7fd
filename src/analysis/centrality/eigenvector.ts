/**
 * Eigenvector centrality (Bonacich 1987, doi:10.1086/228631), as NetworkX `eigenvector_centrality`:
 * power iteration on A + I (the shift keeps a bipartite graph, whose spectrum is symmetric, from
 * oscillating; the eigenvector is A's leading one), from x₀ = 1/N, normalised to unit Euclidean
 * norm, until Σ|x − x_prev| < N·tol. On a disconnected graph the vector concentrates on the
 * component with the largest leading eigenvalue; nodes elsewhere tend to 0.
 * Gephi's `eigencentrality` is the same vector scaled so that its maximum is 1 (`maxNormalized`).
 *
 * @example  star K_{1,k}: centre 1/√2, each leaf 1/√(2k).
 */
import type { UnifiedIndex } from '../../graph/bipartite-index.js';

export interface EigenvectorOptions { tolerance?: number; maxIterations?: number }
export const EIGENVECTOR_DEFAULTS = { tolerance: 1e-10, maxIterations: 10_000 } as const;

export function eigenvectorCentrality(g: UnifiedIndex, options: EigenvectorOptions = {}): { values: Float64Array; maxNormalized: Float64Array; iterations: number } {
  const { tolerance, maxIterations } = { ...EIGENVECTOR_DEFAULTS, ...options };
  const N = g.n + g.m;
  if (N === 0) throw new Error('analysis/eigenvector: the graph is empty');
  let x = new Float64Array(N).fill(1 / N);
  let next = new Float64Array(N);
  for (let it = 1; it <= maxIterations; it++) {
    next.set(x);
    for (let v = 0; v < N; v++) {
      let acc = 0;
      for (let e = g.offsets[v] as number; e < (g.offsets[v + 1] as number); e++) acc += x[g.adj[e] as number] as number;
      next[v] = (next[v] as number) + acc;
    }
    let norm = 0;
    for (let v = 0; v < N; v++) norm += (next[v] as number) ** 2;
    norm = Math.sqrt(norm) || 1;
    let err = 0;
    for (let v = 0; v < N; v++) { next[v] = (next[v] as number) / norm; err += Math.abs((next[v] as number) - (x[v] as number)); }
    [x, next] = [next, x];
    if (err < N * tolerance) {
      let max = 0;
      for (const v of x) if (v > max) max = v;
      return { values: x, maxNormalized: x.map((v) => (max > 0 ? v / max : 0)), iterations: it };
    }
  }
  throw new Error(`analysis/eigenvector: no convergence in ${maxIterations} iterations (tolerance ${tolerance})`);
}
