import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hypergeometricPmf, hypergeometricUpperTail } from '../../../src/analysis/stats/hypergeometric.js';

/** C(n, k) exactly. */
function choose(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  let c = 1n;
  for (let i = 1; i <= Math.min(k, n - k); i++) c = (c * BigInt(n - i + 1)) / BigInt(i);
  return c;
}

/** num / den rounded to a double with ~1 ulp error (64 quotient bits, scaled back in exact steps). */
function ratio(num: bigint, den: bigint): number {
  if (num === 0n) return 0;
  const shift = Math.max(0, den.toString(2).length - num.toString(2).length + 64);
  let value = Number((num << BigInt(shift)) / den);
  for (let s = shift; s > 0; s -= Math.min(s, 1000)) value /= 2 ** Math.min(s, 1000);
  return value;
}

/** P(X ≥ k) as an exact rational Σ_{x ≥ k} C(K, x) C(N − K, n − x) / C(N, n), then rounded. */
function exactUpperTail(k: number, N: number, K: number, n: number): number {
  let num = 0n;
  for (let x = Math.max(k, 0); x <= Math.min(K, n); x++) num += choose(K, x) * choose(N - K, n - x);
  return ratio(num, choose(N, n));
}

const relativeError = (got: number, want: number): number => Math.abs(got - want) / want;

describe('hypergeometricUpperTail', () => {
  it('rejects non-integer, negative and inconsistent arguments', () => {
    expect(() => hypergeometricUpperTail(1.5, 10, 4, 3)).toThrow(/k must be a non-negative integer, got 1.5/);
    expect(() => hypergeometricUpperTail(1, -10, 4, 3)).toThrow(/population must be a non-negative integer, got -10/);
    expect(() => hypergeometricUpperTail(1, 10, NaN, 3)).toThrow(/successes must be/);
    expect(() => hypergeometricUpperTail(1, 10, 12, 3)).toThrow(/successes \(K = 12\) exceeds population \(N = 10\)/);
    expect(() => hypergeometricUpperTail(1, 10, 4, 11)).toThrow(/draws \(n = 11\) exceeds population \(N = 10\)/);
    expect(() => hypergeometricPmf(-1, 10, 4, 3)).toThrow(/stats\/hypergeometric: pmf: x must be a non-negative integer, got -1/);
  });

  it('gives 1/3 for N = 10, K = 4, n = 3, k = 2: (C(4,2)C(6,1) + C(4,3)C(6,0)) / C(10,3) = (36 + 4)/120', () => {
    expect(relativeError(hypergeometricUpperTail(2, 10, 4, 3), 1 / 3)).toBeLessThan(1e-14);
  });

  it('gives exactly 1 at or below the bottom of the support, max(0, n + K − N)', () => {
    expect(hypergeometricUpperTail(0, 10, 4, 3)).toBe(1);
    // N = 10, K = 8, n = 5: at least 5 + 8 − 10 = 3 successes are always drawn.
    expect(hypergeometricUpperTail(3, 10, 8, 5)).toBe(1);
    expect(hypergeometricUpperTail(2, 10, 8, 5)).toBe(1);
    expect(hypergeometricUpperTail(0, 0, 0, 0)).toBe(1);
  });

  it('gives exactly 0 above min(K, n)', () => {
    expect(hypergeometricUpperTail(4, 10, 4, 3)).toBe(0);
    expect(hypergeometricUpperTail(5, 10, 4, 9)).toBe(0);
  });

  it('gives 1/C(1000, 5) = 1/8250291250200 for N = 1000, K = n = k = 5, to relative error 1e-14', () => {
    expect(relativeError(hypergeometricUpperTail(5, 1000, 5, 5), 1 / 8250291250200)).toBeLessThan(1e-14);
  });

  it('keeps tiny tails far below 1e-300 from underflowing early', () => {
    // N = 10^6, K = n = k = 60: 1/C(10^6, 60) ≈ 10^-278.
    const want = exactUpperTail(60, 1_000_000, 60, 60);
    expect(want).toBeGreaterThan(0);
    expect(relativeError(hypergeometricUpperTail(60, 1_000_000, 60, 60), want)).toBeLessThan(1e-12);
  });

  it('matches exact BigInt rational arithmetic to 1e-12 on every case with N ≤ 14', () => {
    let worst = 0;
    for (let N = 0; N <= 14; N++) {
      for (let K = 0; K <= N; K++) {
        for (let n = 0; n <= N; n++) {
          for (let k = 0; k <= Math.min(K, n) + 1; k++) {
            const want = exactUpperTail(k, N, K, n), got = hypergeometricUpperTail(k, N, K, n);
            if (want === 0) expect(got).toBe(0);
            else worst = Math.max(worst, relativeError(got, want));
          }
        }
      }
    }
    expect(worst).toBeLessThan(1e-12);
  });

  it.each([
    [3, 100_000, 50, 60],
    [1, 100_000, 50, 60],
    [2, 100_000, 400, 800],
    [8, 100_000, 400, 800],
    [40, 100_000, 400, 800],
    [5, 1_000_000, 300, 400],
    [9, 1_000_000, 300, 400],
  ])('matches exact BigInt arithmetic to 1e-12 for k = %i, N = %i, K = %i, n = %i', (k, N, K, n) => {
    expect(relativeError(hypergeometricUpperTail(k, N, K, n), exactUpperTail(k, N, K, n))).toBeLessThan(1e-12);
  });

  it('is a probability, non-increasing in k, and drops by P(X = k) from k to k + 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.nat(), fc.nat(), fc.nat(), (N, kSeed, KSeed, nSeed) => {
        const K = KSeed % (N + 1), n = nSeed % (N + 1), k = kSeed % (Math.min(K, n) + 2);
        const here = hypergeometricUpperTail(k, N, K, n), next = hypergeometricUpperTail(k + 1, N, K, n);
        expect(here).toBeGreaterThanOrEqual(0);
        expect(here).toBeLessThanOrEqual(1);
        expect(next).toBeLessThanOrEqual(here);
        expect(Math.abs(here - next - hypergeometricPmf(k, N, K, n))).toBeLessThan(1e-13);
      }),
    );
  });
});

describe('hypergeometricPmf', () => {
  it('gives C(4,2)C(6,1)/C(10,3) = 36/120 = 3/10 for N = 10, K = 4, n = 3, x = 2', () => {
    expect(relativeError(hypergeometricPmf(2, 10, 4, 3), 3 / 10)).toBeLessThan(1e-14);
  });

  it('is 0 outside the support and sums to 1 over it', () => {
    expect(hypergeometricPmf(4, 10, 4, 3)).toBe(0);
    expect(hypergeometricPmf(2, 10, 8, 5)).toBe(0);
    let total = 0;
    for (let x = 0; x <= 50; x++) total += hypergeometricPmf(x, 500, 120, 50);
    expect(Math.abs(total - 1)).toBeLessThan(1e-13);
  });
});
