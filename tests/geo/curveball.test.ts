import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { curveball, curveballChain, type CsrSide } from '../../src/geo/curveball.js';
import { createRng } from '../../src/util/rng.js';

/** CSR rows of a 0/1 matrix given as rows of column lists. */
function csr(rows: number[][]): CsrSide {
  const offsets = new Int32Array(rows.length + 1);
  rows.forEach((r, i) => { offsets[i + 1] = offsets[i]! + r.length; });
  return { offsets, adj: Int32Array.from(rows.flat()) };
}
const rowsOf = (side: CsrSide, adj: Int32Array): number[][] =>
  Array.from({ length: side.offsets.length - 1 }, (_, i) => [...adj.subarray(side.offsets[i]!, side.offsets[i + 1]!)].sort((a, b) => a - b));
const columnDegrees = (adj: Int32Array, columns: number): number[] => {
  const d = new Array<number>(columns).fill(0);
  for (const c of adj) d[c]!++;
  return d;
};

describe('curveball', () => {
  it('refuses offsets that do not span the adjacency, a row listing a column twice, and a bad number of trades', () => {
    expect(() => curveball({ offsets: Int32Array.of(0, 2), adj: Int32Array.of(0, 1, 2) })).toThrow(/offsets/);
    expect(() => curveball(csr([[0, 0], [1]]))).toThrow(/row 0 lists column 0 twice/);
    expect(() => curveball(csr([[0], [1]]), { trades: -1 })).toThrow(/trades/);
    expect(() => curveball(csr([[0], [1]]), { trades: 0.5 })).toThrow(RangeError);
  });
  it('leaves a graph of one row, or with no trade, as it is, and does not change its input', () => {
    const one = csr([[2, 0, 1]]);
    expect([...curveball(one, { trades: 10, rng: createRng(1) })]).toEqual([2, 0, 1]);
    const g = csr([[0, 1], [2]]);
    expect([...curveball(g, { trades: 0 })]).toEqual([0, 1, 2]);
    curveball(g, { trades: 100, rng: createRng(3) });
    expect([...g.adj]).toEqual([0, 1, 2]);
  });
  it('preserves every row and column degree, with no repeated pair (property)', () => {
    fc.assert(fc.property(
      fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 9 }), { maxLength: 10 }), { minLength: 1, maxLength: 8 }),
      fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      fc.integer({ min: 0, max: 60 }),
      (rows, seed, trades) => {
        const side = csr(rows);
        const out = curveball(side, { trades, rng: createRng(seed) });
        const after = rowsOf(side, out);
        after.forEach((r, i) => {
          expect(r.length).toBe(rows[i]!.length);
          expect(new Set(r).size).toBe(r.length);
        });
        expect(columnDegrees(out, 10)).toEqual(columnDegrees(side.adj, 10));
      },
    ), { numRuns: 300 });
  });
  it('gives the same graph under the same seed and another under another seed', () => {
    const side = csr([[0, 1, 2], [3, 4], [5, 6, 7], [1, 8], [9]]);
    const a = curveball(side, { trades: 50, rng: createRng(7) });
    const b = curveball(side, { trades: 50, rng: createRng(7) });
    const c = curveball(side, { trades: 50, rng: createRng(8) });
    expect([...a]).toEqual([...b]);
    expect(rowsOf(side, a)).not.toEqual(rowsOf(side, c));
  });
  it('visits every realisation of a small degree sequence equally often (chi-square, fixed seed)', () => {
    // Rows of degrees (2, 2, 1, 1) over columns of degrees (2, 2, 1, 1): the realisations are counted
    // here by brute force over all 2^16 0/1 matrices, independently of curveball.
    const rowDeg = [2, 2, 1, 1], colDeg = [2, 2, 1, 1];
    const realisations = new Set<string>();
    for (let bits = 0; bits < 1 << 16; bits++) {
      const rows = rowDeg.map((_, i) => [0, 1, 2, 3].filter((j) => (bits >> (4 * i + j)) & 1));
      if (rows.every((r, i) => r.length === rowDeg[i]) && colDeg.every((d, j) => rows.filter((r) => r.includes(j)).length === d)) {
        realisations.add(JSON.stringify(rows));
      }
    }
    const K = realisations.size;
    expect(K).toBeGreaterThan(10);
    const chain = curveballChain(csr([[0, 1], [0, 1], [2], [3]]), createRng(2014));
    const side = csr([[0, 1], [0, 1], [2], [3]]);
    const counts = new Map<string, number>([...realisations].map((r) => [r, 0]));
    const N = 400 * K;
    for (let s = 0; s < N; s++) {
      chain.trade(20);
      const key = JSON.stringify(rowsOf(side, chain.adj));
      expect(counts.has(key)).toBe(true);
      counts.set(key, counts.get(key)! + 1);
    }
    const expected = N / K;
    const chi2 = [...counts.values()].reduce((s, o) => s + (o - expected) ** 2 / expected, 0);
    // Upper 0.1 % point of chi-square with K − 1 degrees of freedom (Wilson–Hilferty, z = 3.090).
    const df = K - 1, z = 3.090;
    const critical = df * (1 - 2 / (9 * df) + z * Math.sqrt(2 / (9 * df))) ** 3;
    expect([...counts.values()].every((c) => c > 0)).toBe(true);
    expect(chi2).toBeLessThan(critical);
  });
});
