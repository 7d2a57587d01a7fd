/**
 * BiRank (He, Gao, Kan & Wang 2017) on the unweighted bipartite graph, left side U, right side P:
 *
 *   p ← α Sᵀ u + (1−α) p⁰,   u ← β S p + (1−β) u⁰,   S = D_u^{-1/2} W D_p^{-1/2},
 *
 * i.e. S_ij = 1/√(d_i d_j) on each edge i–j (W the 0/1 biadjacency, d the degrees). α weighs the
 * propagation into the right side, β into the left. Query vectors u⁰ = 1/|U|, p⁰ = 1/|P| unless
 * given (used as given, not rescaled). From u = 1/|U|, p = 1/|P|, p updated first, until
 * Σ|p − p_prev| < |P|·tol and Σ|u − u_prev| < |U|·tol, as NetworkX `bipartite.birank`.
 * α, β < 1 make the map a contraction (‖S‖₂ ≤ 1, so p gains a factor ≤ αβ per step) and the fixed
 * point unique; the iteration count grows like ln(tol)/ln(αβ), ~80 at 0.85, ~1100 at 0.99.
 *
 * Normalisation: none. The values are the raw fixed point, as NetworkX `bipartite.birank` (added
 * in 3.5) returns them; neither side sums to 1. A node of degree 0 has a zero row of S and gets its
 * teleport term only: (1−β) u⁰_i, or (1−α) p⁰_j. NetworkX's defaults differ from ours: there a
 * missing query vector is zero, not uniform, and α, β default to 0.8 with a query, 1 without.
 *
 * Reference: X. He, M. Gao, M.-Y. Kan and D. Wang (2017), "BiRank: Towards Ranking on Bipartite
 * Graphs", IEEE Trans. Knowl. Data Eng. 29(1):57–71, doi:10.1109/TKDE.2016.2611584.
 *
 * Example: the path u1–p1–u2, α = β = 17/20. S = (1/√2, 1/√2)ᵀ, u⁰ = 1/2, p⁰ = 1; by symmetry
 * u1 = u2 = u, p = α√2·u + 3/20 and u = β·p/√2 + 3/40, so (1 − αβ)u = β(1−α)/√2 + 3/40:
 * u = (60 + 51√2)/222 ≈ 0.5952, p = (120 + 51√2)/222 ≈ 0.8654.
 */
import type { SideIndex } from '../../graph/bipartite-index.js';

export interface BirankOptions {
  /** Weight of the propagation into the right side p, in [0, 1). */
  alpha?: number;
  /** Weight of the propagation into the left side u, in [0, 1). */
  beta?: number;
  tolerance?: number;
  maxIterations?: number;
  /** u⁰, one non-negative value per left node; default 1/|U|. */
  leftQuery?: Float64Array;
  /** p⁰, one non-negative value per right node; default 1/|P|. */
  rightQuery?: Float64Array;
}
export const BIRANK_DEFAULTS = { alpha: 0.85, beta: 0.85, tolerance: 1e-12, maxIterations: 10_000 } as const;

export function birank(left: SideIndex, right: SideIndex, options: BirankOptions = {}): { left: Float64Array; right: Float64Array; iterations: number } {
  const {
    alpha = BIRANK_DEFAULTS.alpha, beta = BIRANK_DEFAULTS.beta,
    tolerance = BIRANK_DEFAULTS.tolerance, maxIterations = BIRANK_DEFAULTS.maxIterations,
  } = options;
  const n = left.keys.length, m = right.keys.length;
  check(left, right, n, m);
  if (!(alpha >= 0 && alpha < 1)) throw new Error(`analysis/birank: alpha must be in [0, 1), got ${alpha}`);
  if (!(beta >= 0 && beta < 1)) throw new Error(`analysis/birank: beta must be in [0, 1), got ${beta}`);
  if (!(tolerance > 0)) throw new Error(`analysis/birank: tolerance must be positive, got ${tolerance}`);
  if (!(Number.isInteger(maxIterations) && maxIterations >= 1)) throw new Error(`analysis/birank: maxIterations must be a positive integer, got ${maxIterations}`);
  const u0 = query('leftQuery', options.leftQuery, n), p0 = query('rightQuery', options.rightQuery, m);
  const ru = invSqrtDegrees(left), rp = invSqrtDegrees(right);
  let u = new Float64Array(n).fill(1 / n), p = new Float64Array(m).fill(1 / m);
  let uNext = new Float64Array(n), pNext = new Float64Array(m);
  for (let it = 1; it <= maxIterations; it++) {
    let errP = 0, errU = 0;
    for (let j = 0; j < m; j++) {
      let acc = 0;
      for (let e = right.offsets[j]!; e < right.offsets[j + 1]!; e++) { const i = right.adj[e]!; acc += ru[i]! * u[i]!; }
      pNext[j] = alpha * rp[j]! * acc + (1 - alpha) * p0[j]!;
      errP += Math.abs(pNext[j]! - p[j]!);
    }
    for (let i = 0; i < n; i++) {
      let acc = 0;
      for (let e = left.offsets[i]!; e < left.offsets[i + 1]!; e++) { const j = left.adj[e]!; acc += rp[j]! * pNext[j]!; }
      uNext[i] = beta * ru[i]! * acc + (1 - beta) * u0[i]!;
      errU += Math.abs(uNext[i]! - u[i]!);
    }
    [u, uNext] = [uNext, u];
    [p, pNext] = [pNext, p];
    if (errP < m * tolerance && errU < n * tolerance) return { left: u, right: p, iterations: it };
  }
  throw new Error(`analysis/birank: no convergence in ${maxIterations} iterations (tolerance ${tolerance})`);
}

/** Both sides non-empty, and the two CSR halves of the same edge set (sizes only: O(1)). */
function check(left: SideIndex, right: SideIndex, n: number, m: number): void {
  if (n === 0 || m === 0) throw new Error(`analysis/birank: both sides need a node (left ${n}, right ${m})`);
  if (left.offsets.length !== n + 1 || right.offsets.length !== m + 1) {
    throw new Error(`analysis/birank: offsets have ${left.offsets.length} and ${right.offsets.length} entries for ${n} and ${m} nodes (expected n + 1)`);
  }
  const edges = left.adj.length;
  if (right.adj.length !== edges || left.offsets[n] !== edges || right.offsets[m] !== edges) {
    throw new Error(`analysis/birank: the two sides disagree on the number of edges (left ${left.offsets[n]}/${edges}, right ${right.offsets[m]}/${right.adj.length})`);
  }
}

function query(name: string, q: Float64Array | undefined, size: number): Float64Array {
  if (q === undefined) return new Float64Array(size).fill(1 / size);
  if (q.length !== size) throw new Error(`analysis/birank: ${name} has ${q.length} values for ${size} nodes`);
  for (let i = 0; i < size; i++) {
    if (!(q[i]! >= 0 && q[i]! < Infinity)) throw new Error(`analysis/birank: ${name}[${i}] must be finite and non-negative, got ${q[i]}`);
  }
  return q;
}

/** 1/√d per node, 0 for a node of degree 0 (its row of S is zero, not NaN). */
function invSqrtDegrees(s: SideIndex): Float64Array {
  const r = new Float64Array(s.keys.length);
  for (let i = 0; i < r.length; i++) {
    const d = s.offsets[i + 1]! - s.offsets[i]!;
    r[i] = d > 0 ? 1 / Math.sqrt(d) : 0;
  }
  return r;
}
