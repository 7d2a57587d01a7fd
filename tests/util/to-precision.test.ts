import { describe, expect, it } from 'vitest';
import { toPrecisionNumber } from '../../src/util/to-precision.js';

/** A seeded xorshift, so that a failure names a reproducible value. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s / 2 ** 32; };
}

describe('toPrecisionNumber', () => {
  it('returns zero, infinities and NaN as they are', () => {
    expect(Object.is(toPrecisionNumber(-0, 4), -0)).toBe(true);
    expect(toPrecisionNumber(Infinity, 12)).toBe(Infinity);
    expect(toPrecisionNumber(-Infinity, 12)).toBe(-Infinity);
    expect(toPrecisionNumber(NaN, 12)).toBeNaN();
  });

  it('rounds hand-worked values', () => {
    expect(toPrecisionNumber(2 / 3, 4)).toBe(0.6667);
    expect(toPrecisionNumber(123456, 2)).toBe(120000);
    expect(toPrecisionNumber(-0.000123456, 3)).toBe(-0.000123);
    expect(toPrecisionNumber(1 / 3, 12)).toBe(0.333333333333);
    expect(toPrecisionNumber(9.9999999999999, 12)).toBe(10);
    expect(toPrecisionNumber(1.5e300, 4)).toBe(1.5e300);
    expect(toPrecisionNumber(1.23456789e-30, 4)).toBe(1.235e-30);
  });

  it.each([1, 4, 5, 12, 13])('equals Number(x.toPrecision(%i)) on 200,000 random values of every magnitude', (digits) => {
    const next = rng(digits * 7919);
    for (let i = 0; i < 200_000; i++) {
      const kind = i % 4;
      // uniform in [0, 1), ratios of small integers (as metrics are), wide magnitudes, and near-ties
      const x = kind === 0 ? next()
        : kind === 1 ? Math.floor(next() * 1000) / (1 + Math.floor(next() * 1000))
          : kind === 2 ? (next() - 0.5) * 10 ** Math.floor(next() * 80 - 40)
            : (Math.floor(next() * 10 ** digits) + 0.5) / 10 ** Math.floor(next() * 10);
      const expected = Number(x.toPrecision(digits));
      if (!Object.is(toPrecisionNumber(x, digits), expected)) expect([x, toPrecisionNumber(x, digits)]).toEqual([x, expected]);
    }
  });
});

describe('toPrecisionNumber powers of ten', () => {
  it('scales by exact powers 10^0 … 10^22 (1e22 and 1e-22 round trip through the table)', () => {
    expect(toPrecisionNumber(1.234567e22, 4)).toBe(1.235e22);
    expect(toPrecisionNumber(1.234567e-22, 4)).toBe(1.235e-22);
    expect(toPrecisionNumber(9.87654321e-11, 12)).toBe(9.87654321e-11);
  });
});
