import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { poissonBinomialUpperTail } from '../../../src/analysis/stats/poisson-binomial.js';

/** P(S ≥ k) by enumerating all 2^n outcomes: an independent check of the dynamic programme. */
function enumerate(k: number, p: readonly number[]): number {
  let tail = 0;
  for (let mask = 0; mask < 1 << p.length; mask++) {
    let prob = 1, successes = 0;
    p.forEach((pi, i) => {
      const hit = (mask >> i) & 1;
      successes += hit;
      prob *= hit ? pi : 1 - pi;
    });
    if (successes >= k) tail += prob;
  }
  return tail;
}

describe('poissonBinomialUpperTail', () => {
  it('rejects a non-integer k and probabilities outside [0, 1]', () => {
    expect(() => poissonBinomialUpperTail(1.5, [0.5])).toThrow(/stats\/poisson-binomial: k must be an integer, got 1.5/);
    expect(() => poissonBinomialUpperTail(1, [0.5, 1.2])).toThrow(/probabilities\[1\] must be in \[0, 1\], got 1.2/);
    expect(() => poissonBinomialUpperTail(1, [NaN])).toThrow(/probabilities\[0\]/);
  });

  it('gives 1 for k ≤ 0 and 0 for k above the number of trials', () => {
    expect(poissonBinomialUpperTail(0, [0.1, 0.2])).toBe(1);
    expect(poissonBinomialUpperTail(-3, [])).toBe(1);
    expect(poissonBinomialUpperTail(3, [0.9, 0.9])).toBe(0);
    expect(poissonBinomialUpperTail(1, [])).toBe(0);
  });

  it('gives the binomial tail when all p are equal: p = 1/2, n = 4, P(S ≥ 3) = (C(4,3) + C(4,4))/16 = 5/16', () => {
    expect(poissonBinomialUpperTail(3, [0.5, 0.5, 0.5, 0.5])).toBe(5 / 16);
    expect(poissonBinomialUpperTail(1, [0.5, 0.5, 0.5, 0.5])).toBe(15 / 16);
    expect(poissonBinomialUpperTail(2, [0.5, 0.5, 0.5, 0.5])).toBe(11 / 16);
  });

  it('gives 11/20, 9/100 and 24/25 for p = (0.2, 0.5, 0.9) and k = 2, 3, 1, worked by hand', () => {
    const p = [0.2, 0.5, 0.9];
    // P(S ≥ 2) = P(110) + P(101) + P(011) + P(111) = 0.01 + 0.09 + 0.36 + 0.09.
    expect(poissonBinomialUpperTail(2, p)).toBeCloseTo(11 / 20, 15);
    // P(S = 3) = 0.2 · 0.5 · 0.9.
    expect(poissonBinomialUpperTail(3, p)).toBeCloseTo(9 / 100, 15);
    // P(S ≥ 1) = 1 − 0.8 · 0.5 · 0.1.
    expect(poissonBinomialUpperTail(1, p)).toBeCloseTo(24 / 25, 15);
  });

  it('keeps a tiny tail to full relative precision: fifty p = 1/1000, P(S ≥ 50) = 10^-150', () => {
    const tail = poissonBinomialUpperTail(50, new Float64Array(50).fill(1e-3));
    expect(Math.abs(tail / 1e-150 - 1)).toBeLessThan(1e-13);
    // And on the success-counting branch: P(S ≥ 2) = 1 − (1 − p)^50 − 50 p (1 − p)^49 ≈ 1.2e-3.
    const want = 1 - 0.999 ** 50 - 50 * 1e-3 * 0.999 ** 49;
    expect(Math.abs(poissonBinomialUpperTail(2, new Float64Array(50).fill(1e-3)) / want - 1)).toBeLessThan(1e-11);
  });

  it('agrees with enumeration of all outcomes and is non-increasing in k', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 10 }), (p) => {
        let previous = 1;
        for (let k = 0; k <= p.length + 1; k++) {
          const tail = poissonBinomialUpperTail(k, p);
          expect(Math.abs(tail - enumerate(k, p))).toBeLessThan(1e-12);
          expect(tail).toBeGreaterThanOrEqual(0);
          expect(tail).toBeLessThanOrEqual(previous);
          previous = tail;
        }
      }),
    );
  });
});
