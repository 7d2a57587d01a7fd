/**
 * Upper tail of the Poisson-binomial distribution, exact by dynamic programming.
 *
 * S = Σ_{i=1}^{n} B_i with independent B_i ~ Bernoulli(p_i). With f_i(j) = P(B_1 + … + B_i = j),
 *
 *   f_0(0) = 1,   f_i(j) = (1 − p_i) · f_{i−1}(j) + p_i · f_{i−1}(j − 1)
 *
 * (the recursive formula, Hong 2013, Comput. Stat. Data Anal. 59: 41–51,
 * doi:10.1016/j.csda.2012.10.006). Only states 0..k are kept, state k absorbing "at least k", so the
 * tail P(S ≥ k) is a sum of non-negative terms (no 1 − lower tail cancellation) and costs O(n·k).
 * When k > n/2 the same is done on failures, F = n − S: P(S ≥ k) = P(F ≤ n − k), cost O(n·(n − k + 1)).
 *
 * In twinnet: the stochastic degree sequence model (SDSM) of Neal (2014), Social Networks 39: 84–97,
 * doi:10.1016/j.socnet.2014.06.001, where p_i is the probability that both cities link to partner i.
 *
 * Example: p = (0.2, 0.5, 0.9): P(S ≥ 2) = P(110) + P(101) + P(011) + P(111)
 *          = 0.2·0.5·0.1 + 0.2·0.5·0.9 + 0.8·0.5·0.9 + 0.2·0.5·0.9 = 0.01 + 0.09 + 0.36 + 0.09 = 11/20.
 */
export function poissonBinomialUpperTail(k: number, probabilities: ArrayLike<number>): number {
  if (!Number.isSafeInteger(k)) {
    throw new Error(`stats/poisson-binomial: k must be an integer, got ${k}`);
  }
  const n = probabilities.length;
  for (let i = 0; i < n; i++) {
    const p = probabilities[i]!;
    if (!(p >= 0 && p <= 1)) {
      throw new Error(`stats/poisson-binomial: probabilities[${i}] must be in [0, 1], got ${p}`);
    }
  }
  if (k <= 0) return 1;
  if (k > n) return 0;

  const countFailures = k > n / 2;
  // Successes needed (counting S) or failures allowed + 1 (counting F): the absorbing state.
  const cap = countFailures ? n - k + 1 : k;
  const f = new Float64Array(cap + 1);
  f[0] = 1;
  for (let i = 0; i < n; i++) {
    const p = countFailures ? 1 - probabilities[i]! : probabilities[i]!;
    const q = 1 - p;
    // The absorbing state keeps its mass and gains the step up from cap − 1.
    f[cap] = f[cap]! + p * f[cap - 1]!;
    for (let j = Math.min(i + 1, cap - 1); j > 0; j--) f[j] = q * f[j]! + p * f[j - 1]!;
    f[0] = q * f[0]!;
  }
  if (!countFailures) return Math.min(1, f[cap]!);
  // P(F ≤ n − k) = Σ_{j < cap} P(F = j).
  let tail = 0;
  for (let j = 0; j < cap; j++) tail += f[j]!;
  return Math.min(1, tail);
}
