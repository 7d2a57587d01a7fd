/**
 * Stochastic degree sequence model (SDSM; Neal 2014, doi:10.1016/j.socnet.2014.06.001) with the
 * bipartite configuration model (BiCM; Saracco et al. 2015, doi:10.1038/srep10595) as its edge
 * probabilities: each home city i and partner k are linked independently with
 *   p_ik = x_i y_k / (1 + x_i y_k),
 * the maximum-entropy probabilities whose expected degrees equal the observed ones
 * (Σ_k p_ik = d_i, Σ_i p_ik = d_k), found by the fixed-point iteration
 *   x_i = d_i / Σ_k y_k / (1 + x_i y_k),   y_k = d_k / Σ_i x_i / (1 + x_i y_k),
 * over classes of equal degree (nodes of equal degree get equal x or y, so the cost is
 * (distinct degrees)² per sweep). Unlike the hypergeometric fixed-row model, both sides' degrees are
 * respected: sharing a popular partner (Phnom Penh) is less surprising than sharing a one-off one.
 *
 * For a projected pair (u, v) with c shared partners, S = Σ_k B_k with B_k ~ Bernoulli(p_uk p_vk),
 * and p = P(S ≥ c), exact (Poisson-binomial dynamic programme). Corrections as for the hypergeometric
 * model (all n(n−1)/2 pairs are tests).
 *
 * @example  a complete bipartite K_{2,2}: every p_ik = 1 (degree = other side), so P(S ≥ 2) = 1.
 */
import type { BipartiteIndex } from '../../graph/bipartite-index.js';
import { degreeOf } from '../../graph/bipartite-index.js';
import type { Side } from '../../graph/build-bipartite.js';
import { correctPairs, tailsByClass } from './significance.js';
import type { Projection } from './project.js';

export interface BicmFit {
  /** Distinct degrees of each side and how many nodes have each. */
  ownDegrees: number[];
  ownCounts: number[];
  otherDegrees: number[];
  otherCounts: number[];
  /** p[a][b]: link probability between a node of own-degree class a and other-degree class b. */
  p: Float64Array[];
  iterations: number;
  /** Largest relative error of the expected degrees. */
  maxError: number;
}

function classes(index: BipartiteIndex, side: Side): { degrees: number[]; counts: number[]; classOf: Int32Array } {
  const s = index[side];
  const n = s.keys.length;
  const byDegree = new Map<number, number>();
  for (let i = 0; i < n; i++) { const d = degreeOf(s, i); byDegree.set(d, (byDegree.get(d) ?? 0) + 1); }
  const degrees = [...byDegree.keys()].sort((a, b) => a - b);
  const pos = new Map(degrees.map((d, i) => [d, i]));
  const classOf = new Int32Array(n);
  for (let i = 0; i < n; i++) classOf[i] = pos.get(degreeOf(s, i)) as number;
  return { degrees, counts: degrees.map((d) => byDegree.get(d) as number), classOf };
}

/** Fits the BiCM for the projection side `side` (own) against the other side. */
export function fitBicm(index: BipartiteIndex, side: Side, tolerance = 1e-12, maxIterations = 10_000): BicmFit & { ownClassOf: Int32Array; otherClassOf: Int32Array } {
  const own = classes(index, side), other = classes(index, side === 'home' ? 'partner' : 'home');
  const A = own.degrees.length, B = other.degrees.length;
  const N = other.counts.reduce((s, c) => s + c, 0), M = own.counts.reduce((s, c) => s + c, 0);
  let x = own.degrees.map((d) => d / Math.sqrt(Math.max(1, index.edges)));
  let y = other.degrees.map((d) => d / Math.sqrt(Math.max(1, index.edges)));
  let iterations = 0, maxError = Infinity;
  for (; iterations < maxIterations; iterations++) {
    const nx = x.map((xa, a) => {
      const d = own.degrees[a] as number;
      if (d === 0) return 0;
      if (d >= N) return Infinity;
      let s = 0;
      for (let b = 0; b < B; b++) { const yb = y[b] as number; s += (other.counts[b] as number) * (Number.isFinite(xa) ? yb / (1 + xa * yb) : 0); }
      return s > 0 ? d / s : Infinity;
    });
    const ny = y.map((yb, b) => {
      const d = other.degrees[b] as number;
      if (d === 0) return 0;
      if (d >= M) return Infinity;
      let s = 0;
      for (let a = 0; a < A; a++) { const xa = nx[a] as number; s += (own.counts[a] as number) * (Number.isFinite(yb) ? xa / (1 + xa * yb) : 0); }
      return s > 0 ? d / s : Infinity;
    });
    x = nx; y = ny;
    if (iterations % 10 === 9) {
      maxError = expectedDegreeError(x, y, own, other);
      if (maxError < tolerance) break;
    }
  }
  maxError = expectedDegreeError(x, y, own, other);
  const p = x.map((xa) => Float64Array.from(y, (yb) => prob(xa, yb)));
  return {
    ownDegrees: own.degrees, ownCounts: own.counts, otherDegrees: other.degrees, otherCounts: other.counts,
    p, iterations, maxError, ownClassOf: own.classOf, otherClassOf: other.classOf,
  };
}

function prob(x: number, y: number): number {
  if (x === 0 || y === 0) return 0;
  if (!Number.isFinite(x) || !Number.isFinite(y)) return 1;
  const xy = x * y;
  return xy / (1 + xy);
}

function expectedDegreeError(x: number[], y: number[], own: { degrees: number[]; counts: number[] }, other: { degrees: number[]; counts: number[] }): number {
  let worst = 0;
  x.forEach((xa, a) => {
    const d = own.degrees[a] as number;
    let e = 0;
    y.forEach((yb, b) => { e += (other.counts[b] as number) * prob(xa, yb); });
    if (d > 0) worst = Math.max(worst, Math.abs(e - d) / d);
  });
  return worst;
}

export interface SdsmResult {
  p: Float64Array;
  holm: Float64Array;
  bh: Float64Array;
  tests: number;
  backbone: number[];
  alpha: number;
  fit: { iterations: number; maxError: number };
}

/**
 * P(S ≥ c) for S = Σ_b Binomial(m_b, q_b): partners of one degree class share one probability, so the
 * Poisson-binomial tail is a convolution of binomials, one per class, kept to states 0…c (state c
 * absorbs "at least c"). Cost O(B·c²) for B classes instead of O(N·c) over all N partners.
 */
export function groupedUpperTail(c: number, counts: readonly number[], q: ArrayLike<number>): number {
  if (c <= 0) return 1;
  if (c === 1) {
    // P(S ≥ 1) = 1 − Π (1 − q_b)^m_b = −expm1(Σ m_b log1p(−q_b)): exact, no cancellation (most pairs share one partner)
    let s = 0;
    for (let b = 0; b < counts.length; b++) {
      const p = q[b] as number;
      if (p >= 1 && (counts[b] as number) > 0) return 1;
      s += (counts[b] as number) * Math.log1p(-p);
    }
    return -Math.expm1(s);
  }
  let state = new Float64Array(c + 1);
  state[0] = 1;
  let next = new Float64Array(c + 1);
  for (let b = 0; b < counts.length; b++) {
    const m = counts[b] as number, p = q[b] as number;
    if (m === 0 || p === 0) continue;
    // binomial pmf terms 0…min(m, c−1), and the tail ≥ c, by the ratio recurrence in log space
    const top = Math.min(m, c);
    const pmf = new Float64Array(top + 1);
    if (p >= 1) {
      pmf[top] = 1;
    } else {
      const lq = Math.log1p(-p), lr = Math.log(p) - lq;
      let lt = m * lq;
      for (let j = 0; j < top; j++) {
        pmf[j] = Math.exp(lt);
        lt += Math.log((m - j) / (j + 1)) + lr;
      }
      // P(X ≥ top), summed term by term (no 1 − Σ cancellation, so tiny tails stay exact)
      let tail = 0;
      for (let j = top; j <= m; j++) {
        const term = Math.exp(lt);
        tail += term;
        if (term < tail * 1e-17 && j > m * p) break;
        lt += Math.log((m - j) / (j + 1)) + lr;
      }
      pmf[top] = tail;
    }
    next.fill(0);
    for (let s = 0; s <= c; s++) {
      const w = state[s] as number;
      if (w === 0) continue;
      if (s === c) { next[c] = (next[c] as number) + w; continue; }
      for (let j = 0; j <= top; j++) {
        const t = Math.min(c, s + j);
        next[t] = (next[t] as number) + w * (pmf[j] as number);
      }
    }
    [state, next] = [next, state];
  }
  return Math.min(1, Math.max(0, state[c] as number));
}

/** SDSM p-values for every edge of a projection. */
export function sdsm(index: BipartiteIndex, projection: Projection, alpha = 0.05): SdsmResult {
  const fit = fitBicm(index, projection.side);
  const n = projection.keys.length;
  const B = fit.otherDegrees.length;
  const q = new Float64Array(B);
  // The tail depends on (c, class of u, class of v) only: each such triple once.
  const raw = tailsByClass(projection, fit.ownClassOf, fit.ownDegrees.length, (c, cu, cv) => {
    const pu = fit.p[cu] as Float64Array, pv = fit.p[cv] as Float64Array;
    for (let b = 0; b < B; b++) q[b] = pu[b]! * pv[b]!;
    return groupedUpperTail(c, fit.otherCounts, q);
  });
  return { p: raw, ...correctPairs(raw, n, alpha, 'holm'), alpha, fit: { iterations: fit.iterations, maxError: fit.maxError } };
}
