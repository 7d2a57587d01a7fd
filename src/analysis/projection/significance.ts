/**
 * Is a shared-partner count more than chance? For each projected pair (u, v) with c shared partners,
 * the exact hypergeometric upper tail under the fixed-row model: v's d_v partners drawn at random,
 * without replacement, from the N nodes of the other side, of which d_u are u's partners;
 * p = P(X ≥ c), X ~ Hypergeometric(N, d_u, d_v) (Tumminello et al. 2011,
 * doi:10.1371/journal.pone.0017994, "statistically validated networks").
 *
 * Every pair of the side is a test (m = n(n−1)/2; pairs sharing nothing have p = 1), corrected with
 * Holm (family-wise) and Benjamini–Hochberg (false discovery rate). The backbone is the pairs whose
 * corrected p is ≤ alpha under the chosen correction.
 */
import { adjustPValues } from '../stats/multiple-testing.js';
import { hypergeometricUpperTail } from '../stats/hypergeometric.js';
import type { Projection } from './project.js';

export type Correction = 'holm' | 'bh';

export interface Significance {
  /** Raw p-value per projected edge. */
  p: Float64Array;
  holm: Float64Array;
  bh: Float64Array;
  /** Number of tests: all pairs of the side. */
  tests: number;
  alpha: number;
  correction: Correction;
  /** Indices of the projected edges in the backbone, ordered by raw p then index. */
  backbone: number[];
}

export interface SignificanceOptions { alpha?: number; correction?: Correction }
export const SIGNIFICANCE_DEFAULTS = { alpha: 0.05, correction: 'holm' as Correction };

export function significance(p: Projection, options: SignificanceOptions = {}): Significance {
  const { alpha, correction } = { ...SIGNIFICANCE_DEFAULTS, ...options };
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`analysis/significance: alpha must be in (0, 1), got ${alpha}`);
  const n = p.keys.length;
  const raw = upperTails(p);
  return { p: raw, ...correctPairs(raw, n, alpha, correction), alpha, correction };
}

/** The hypergeometric tail of every projected edge, P(X ≥ c) for X ~ Hypergeometric(N, d_u, d_v). */
function upperTails(p: Projection): Float64Array {
  let maxDegree = 0;
  for (let i = 0; i < p.degree.length; i++) if (p.degree[i]! > maxDegree) maxDegree = p.degree[i]!;
  return tailsByClass(p, p.degree, maxDegree + 1, (c, du, dv) => hypergeometricUpperTail(c, p.opposite, du, dv));
}

/**
 * `tail(c, class of u, class of v)` for every projected edge, each distinct triple computed once: the
 * tail depends on the triple only, and most edges repeat a few (on the seed's partner side 13,478
 * edges, a few hundred triples) — the same function of the same arguments, the same value. Classes
 * are 0…classes−1 (degrees, or SDSM's degree classes); keys (c·K + a)·K + b are kept within small
 * integers, a larger range is computed edge by edge.
 */
export function tailsByClass(p: Projection, classOf: ArrayLike<number>, classes: number, tail: (c: number, a: number, b: number) => number): Float64Array {
  const E = p.u.length;
  const { u, v, count } = p;
  const raw = new Float64Array(E);
  let maxCount = 0;
  for (let i = 0; i < E; i++) if (count[i]! > maxCount) maxCount = count[i]!;
  const K = classes;
  const memo = (maxCount + 1) * K * K < 2 ** 30 ? new Map<number, number>() : null;
  for (let i = 0; i < E; i++) {
    const c = count[i]!, a = classOf[u[i]!]!, b = classOf[v[i]!]!;
    const key = (c * K + a) * K + b;
    let x = memo?.get(key);
    if (x === undefined) {
      x = tail(c, a, b);
      memo?.set(key, x);
    }
    raw[i] = x;
  }
  return raw;
}

/**
 * Holm and BH over all n(n−1)/2 pairs of a side (pairs not projected have p = 1 and only count), and
 * the backbone: pairs whose chosen correction is ≤ alpha, ordered by raw p then index. Shared by the
 * hypergeometric and the SDSM tests.
 */
export function correctPairs(raw: Float64Array, n: number, alpha: number, correction: Correction) {
  const E = raw.length;
  const tests = Math.max(E, (n * (n - 1)) / 2);
  const { holm, bh, order } = adjustPValues(raw, tests);
  const adjusted = correction === 'holm' ? holm : bh;
  // `order` is already by raw p, then index.
  const backbone: number[] = [];
  for (let r = 0; r < E; r++) { const i = order[r]!; if (adjusted[i]! <= alpha) backbone.push(i); }
  return { holm, bh, tests, backbone };
}
