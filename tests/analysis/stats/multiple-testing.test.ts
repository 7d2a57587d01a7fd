import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { adjustPValues, benjaminiHochberg, holm } from '../../../src/analysis/stats/multiple-testing.js';

const expectClose = (got: number[], want: number[]): void => {
  expect(got).toHaveLength(want.length);
  got.forEach((g, i) => expect(g).toBeCloseTo(want[i]!, 14));
};

// Worked example with a tie: p = (0.04, 0.01, 0.03, 0.04, 0.005), m = 5.
// Sorted (ties in input order): 0.005 (#4), 0.01 (#1), 0.03 (#2), 0.04 (#0), 0.04 (#3).
const p = [0.04, 0.01, 0.03, 0.04, 0.005];

describe('holm', () => {
  it('rejects p-values outside [0, 1] and m smaller than the list', () => {
    expect(() => holm([0.1, 1.5])).toThrow(/stats\/multiple-testing: holm: pValues\[1\] must be in \[0, 1\], got 1.5/);
    expect(() => holm([NaN])).toThrow(/pValues\[0\]/);
    expect(() => holm([0.1, 0.2], 1)).toThrow(/m must be an integer ≥ the 2 p-values given, got 1/);
  });

  it('returns an empty array for no p-values', () => {
    expect(holm([])).toEqual([]);
    expect(holm([], 10)).toEqual([]);
  });

  it('steps down with multipliers 5, 4, 3, 2, 1 and a running maximum, in input order', () => {
    // 5·0.005 = 0.025; 4·0.01 = 0.04; 3·0.03 = 0.09; 2·0.04 = 0.08 → 0.09; 1·0.04 → 0.09.
    expectClose(holm(p), [0.09, 0.04, 0.09, 0.09, 0.025]);
  });

  it('counts unlisted tests in m: with m = 10 the multipliers are 10, 9, 8, 7, 6', () => {
    // 10·0.005 = 0.05; 9·0.01 = 0.09; 8·0.03 = 0.24; 7·0.04 = 0.28; 6·0.04 = 0.24 → 0.28.
    expectClose(holm(p, 10), [0.28, 0.09, 0.24, 0.28, 0.05]);
    expectClose(holm(p, 10), holm([...p, 1, 1, 1, 1, 1]).slice(0, 5));
  });

  it('caps at 1 and gives tied p-values the same adjusted value', () => {
    expect(holm([0.5, 0.6])).toEqual([1, 1]);
    expectClose(holm([0.2, 0.2, 0.2]), [0.6, 0.6, 0.6]);
  });
});

describe('benjaminiHochberg', () => {
  it('rejects p-values outside [0, 1] and m smaller than the list', () => {
    expect(() => benjaminiHochberg([-0.1])).toThrow(/stats\/multiple-testing: benjaminiHochberg: pValues\[0\]/);
    expect(() => benjaminiHochberg([0.1], 0.5)).toThrow(/m must be an integer/);
  });

  it('returns an empty array for no p-values', () => {
    expect(benjaminiHochberg([])).toEqual([]);
  });

  it('steps up with multipliers m/j and a running minimum from the largest, in input order', () => {
    // j = 5: 0.04; j = 4: 5/4·0.04 = 0.05 → 0.04; j = 3: 5/3·0.03 = 0.05 → 0.04;
    // j = 2: 5/2·0.01 = 0.025; j = 1: 5·0.005 = 0.025.
    expectClose(benjaminiHochberg(p), [0.04, 0.025, 0.04, 0.04, 0.025]);
  });

  it('counts unlisted tests in m: with m = 10 the multipliers are 10/j', () => {
    // j = 5: 2·0.04 = 0.08; j = 4: 0.1 → 0.08; j = 3: 0.1 → 0.08; j = 2: 5·0.01 = 0.05; j = 1: 10·0.005 = 0.05.
    expectClose(benjaminiHochberg(p, 10), [0.08, 0.05, 0.08, 0.08, 0.05]);
    expectClose(benjaminiHochberg(p, 10), benjaminiHochberg([...p, 1, 1, 1, 1, 1]).slice(0, 5));
  });

  it('caps at 1 and gives tied p-values the same adjusted value', () => {
    // j = 2: 2/2·0.9 = 0.9; j = 1: 2·0.6 = 1.2 → 0.9 (the running minimum pulls it under the cap).
    expect(benjaminiHochberg([0.9, 0.6])).toEqual([0.9, 0.9]);
    // m = 4: j = 2: 4/2·0.9 = 1.8 → 1; j = 1: 4·0.5 = 2 → 1.
    expect(benjaminiHochberg([0.5, 0.9], 4)).toEqual([1, 1]);
    expectClose(benjaminiHochberg([0.2, 0.2, 0.2]), [0.2, 0.2, 0.2]);
  });
});

describe('holm and benjaminiHochberg together', () => {
  it('give raw ≤ BH ≤ Holm ≤ 1, and adding tests to m never lowers an adjusted value', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 30 }), fc.nat(20), (ps, extra) => {
        const h = holm(ps), bh = benjaminiHochberg(ps);
        const h2 = holm(ps, ps.length + extra), bh2 = benjaminiHochberg(ps, ps.length + extra);
        ps.forEach((raw, i) => {
          expect(bh[i]!).toBeGreaterThanOrEqual(raw);
          expect(h[i]!).toBeGreaterThanOrEqual(bh[i]!);
          expect(h[i]!).toBeLessThanOrEqual(1);
          expect(h2[i]!).toBeGreaterThanOrEqual(h[i]!);
          expect(bh2[i]!).toBeGreaterThanOrEqual(bh[i]!);
        });
      }),
    );
  });
});

describe('adjustPValues', () => {
  it('gives Holm and BH from one sort, equal to the separate functions', () => {
    const p = [0.04, 0.01, 0.03, 0.04, 0.005];
    const both = adjustPValues(Float64Array.from(p), 10);
    expect(Array.from(both.holm)).toEqual(holm(p, 10));
    expect(Array.from(both.bh)).toEqual(benjaminiHochberg(p, 10));
  });
});

describe('adjustPValues order', () => {
  it('lists the indices by p, ties in input order, −0 with +0', () => {
    // Worked by hand: 0 (#2), −0 (#5) tie at 0 → input order 2, 5; then 0.005 (#4), 0.01 (#1),
    // 0.04 (#0), 0.04 (#3), 1 (#6).
    const { order } = adjustPValues([0.04, 0.01, 0, 0.04, 0.005, -0, 1]);
    expect(Array.from(order)).toEqual([2, 5, 4, 1, 0, 3, 6]);
  });
  it('agrees with a comparator sort by (p, index) on random p-values with many ties (fast-check)', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 1, 0.5, 1e-300, 5e-324)), { maxLength: 300 }), (ps) => {
      const want = ps.map((_, i) => i).sort((i, j) => (ps[i] as number) - (ps[j] as number) || i - j);
      expect(Array.from(adjustPValues(ps).order)).toEqual(want);
    }));
  });
});
