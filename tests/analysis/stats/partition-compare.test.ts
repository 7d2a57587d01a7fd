import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { adjustedRandIndex, comparePartitions, comparePartitionsPairwise, normalizedMutualInformation } from '../../../src/analysis/stats/partition-compare.js';

/** ARI from pair counts over all C(n, 2) pairs: an independent implementation (no contingency table). */
function pairCountingAri(a: readonly number[], b: readonly number[]): number {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = i + 1; j < a.length; j++) {
      const sameA = a[i] === a[j], sameB = b[i] === b[j];
      if (sameA && sameB) tp++;
      else if (sameA) fn++;
      else if (sameB) fp++;
      else tn++;
    }
  }
  const denominator = (tp + fn) * (fn + tn) + (tp + fp) * (fp + tn);
  return denominator === 0 ? 1 : (2 * (tp * tn - fn * fp)) / denominator;
}

// Hand-worked example, n = 6:
//   a = (0, 0, 0, 1, 1, 1), b = (0, 0, 1, 1, 2, 2); contingency table
//            b=0  b=1  b=2 | rows
//     a=0     2    1    0  |  3
//     a=1     0    1    2  |  3
//     cols    2    2    2  |  6
//   Σ C(n_ij, 2) = 1 + 1 = 2; Σ C(a_i, 2) = 3 + 3 = 6; Σ C(b_j, 2) = 3; C(6, 2) = 15; E = 6·3/15 = 6/5.
//   ARI = (2 − 6/5) / (9/2 − 6/5) = (4/5) / (33/10) = 8/33.
//   H(a) = log 2, H(b) = log 3, I = (2/6) log(6·2/(3·2)) · 2 = (2/3) log 2,
//   NMI = (2/3) log 2 / ((log 2 + log 3)/2) = 4 log 2 / (3 log 6).
const a = [0, 0, 0, 1, 1, 1];
const b = [0, 0, 1, 1, 2, 2];

describe('adjustedRandIndex', () => {
  it('rejects partitions of different lengths', () => {
    expect(() => adjustedRandIndex([0, 1], [0])).toThrow(/stats\/partition-compare: adjustedRandIndex: partitions have different lengths \(2 and 1\)/);
  });

  it('gives 1 for identical partitions and for relabelled ones, numbers or strings', () => {
    expect(adjustedRandIndex(a, a)).toBe(1);
    expect(adjustedRandIndex(a, ['x', 'x', 'x', 'y', 'y', 'y'])).toBe(1);
    expect(adjustedRandIndex(new Int32Array([5, 5, 2, 2, 9]), [1, 1, 0, 0, 3])).toBe(1);
  });

  it('gives 8/33 for the hand-worked 6-element example', () => {
    expect(adjustedRandIndex(a, b)).toBeCloseTo(8 / 33, 15);
  });

  it('gives 4/7 for (0,0,1,2) vs (0,0,1,1): (1 − 1/3) / (3/2 − 1/3), as in scikit-learn\'s documentation', () => {
    expect(adjustedRandIndex([0, 0, 1, 2], [0, 0, 1, 1])).toBeCloseTo(4 / 7, 15);
  });

  it('gives 0 for one cluster against all singletons, and 1 when there is nothing to adjust', () => {
    expect(adjustedRandIndex([0, 0, 0, 0], [0, 1, 2, 3])).toBe(0);
    expect(adjustedRandIndex([7, 7, 7], [1, 1, 1])).toBe(1);
    expect(adjustedRandIndex([0, 1, 2], [2, 0, 1])).toBe(1);
    expect(adjustedRandIndex([], [])).toBe(1);
    expect(adjustedRandIndex([3], [4])).toBe(1);
  });

  it('is symmetric and agrees with pair counting over all pairs', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(4), fc.nat(4)), { maxLength: 40 }), (pairs) => {
        const x = pairs.map(([u]) => u), y = pairs.map(([, v]) => v);
        expect(adjustedRandIndex(x, y)).toBeCloseTo(adjustedRandIndex(y, x), 12);
        expect(adjustedRandIndex(x, y)).toBeCloseTo(pairCountingAri(x, y), 12);
      }),
    );
  });
});

describe('normalizedMutualInformation', () => {
  it('rejects partitions of different lengths', () => {
    expect(() => normalizedMutualInformation([0], [0, 1])).toThrow(/normalizedMutualInformation: partitions have different lengths \(1 and 2\)/);
  });

  it('gives 1 for identical and relabelled partitions', () => {
    expect(normalizedMutualInformation(a, a)).toBeCloseTo(1, 15);
    expect(normalizedMutualInformation([0, 0, 1, 1], [1, 1, 0, 0])).toBeCloseTo(1, 15);
    expect(normalizedMutualInformation(b, ['c', 'c', 'a', 'a', 'b', 'b'])).toBeCloseTo(1, 15);
  });

  it('gives 4 log 2 / (3 log 6) for the hand-worked 6-element example', () => {
    expect(normalizedMutualInformation(a, b)).toBeCloseTo((4 * Math.log(2)) / (3 * Math.log(6)), 15);
  });

  it('gives 1 when both are a single cluster and 0 when only one is', () => {
    expect(normalizedMutualInformation([1, 1, 1], ['a', 'a', 'a'])).toBe(1);
    expect(normalizedMutualInformation([], [])).toBe(1);
    expect(normalizedMutualInformation([0, 0, 0, 0], [0, 1, 2, 3])).toBe(0);
  });

  it('gives 0 for independent partitions: (0,0,1,1) vs (0,1,0,1), every cell 1 = 2·2/4', () => {
    expect(normalizedMutualInformation([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(0, 15);
  });

  it('is symmetric and in [0, 1]', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(4), fc.nat(4)), { maxLength: 40 }), (pairs) => {
        const x = pairs.map(([u]) => u), y = pairs.map(([, v]) => v);
        const nmi = normalizedMutualInformation(x, y);
        expect(nmi).toBeGreaterThanOrEqual(0);
        expect(nmi).toBeLessThanOrEqual(1);
        expect(nmi).toBeCloseTo(normalizedMutualInformation(y, x), 12);
      }),
    );
  });
});

describe('integer labels (array path) and any labels (map path) give the same numbers', () => {
  it('ARI and NMI are equal to the last bit for a partition and its labels spelled as strings (fast-check)', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(6), fc.nat(9)), { minLength: 1, maxLength: 60 }), (pairs) => {
      const a = Int32Array.from(pairs.map((p) => p[0])), b = Int32Array.from(pairs.map((p) => p[1]));
      const as = pairs.map((p) => `c${p[0]}`), bs = pairs.map((p) => `c${p[1]}`);
      expect(adjustedRandIndex(a, b)).toBe(adjustedRandIndex(as, bs));
      expect(normalizedMutualInformation(a, b)).toBe(normalizedMutualInformation(as, bs));
    }));
  });
});

describe('comparePartitions', () => {
  it('rejects partitions of different lengths', () => {
    expect(() => comparePartitions([0, 1], [0])).toThrow(/stats\/partition-compare: comparePartitions: partitions have different lengths \(2 and 1\)/);
  });

  it('gives ARI 8/33 and NMI 4 log 2 / (3 log 6) for the hand-worked 6-element example', () => {
    const { adjustedRand, nmi } = comparePartitions(a, b);
    expect(adjustedRand).toBeCloseTo(8 / 33, 15);
    expect(nmi).toBeCloseTo((4 * Math.log(2)) / (3 * Math.log(6)), 15);
  });

  it('gives the same two numbers, to the last bit, as adjustedRandIndex and normalizedMutualInformation (fast-check)', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(30), fc.nat(30)), { maxLength: 80 }), fc.boolean(), (pairs, typed) => {
      const x = pairs.map((p) => p[0]), y = pairs.map((p) => p[1]);
      const [u, v] = typed ? [Int32Array.from(x), Int32Array.from(y)] : [x, y];
      const both = comparePartitions(u, v);
      expect(both.adjustedRand).toBe(adjustedRandIndex(x.map(String), y.map(String)));
      expect(both.nmi).toBe(normalizedMutualInformation(x.map(String), y.map(String)));
    }));
  });

  it('gives NMI = I/((H_a + H_b)/2) summed by hand for a 3×3 table with an empty cell', () => {
    // a = (0,0,1,1,2,2,2), b = (0,1,1,1,2,2,0): cells (0,0)=1 (0,1)=1 (1,1)=2 (2,2)=2 (2,0)=1; rows 2,2,3; cols 2,3,2.
    const x = [0, 0, 1, 1, 2, 2, 2], y = [0, 1, 1, 1, 2, 2, 0], n = 7;
    const term = (c: number, r: number, k: number): number => (c / n) * Math.log((n * c) / (r * k));
    const mutual = term(1, 2, 2) + term(1, 2, 3) + term(2, 2, 3) + term(2, 3, 2) + term(1, 3, 2);
    const h = (cs: number[]): number => cs.reduce((s, c) => s - (c / n) * Math.log(c / n), 0);
    expect(comparePartitions(x, y).nmi).toBeCloseTo(mutual / ((h([2, 2, 3]) + h([2, 3, 2])) / 2), 14);
    // Σ C(n_ij,2) = 1 + 1 = 2; Σ C(a_i,2) = 1 + 1 + 3 = 5; Σ C(b_j,2) = 1 + 3 + 1 = 5; C(7,2) = 21; E = 25/21.
    expect(comparePartitions(x, y).adjustedRand).toBeCloseTo((2 - 25 / 21) / (5 - 25 / 21), 15);
  });
});

describe('comparePartitionsPairwise', () => {
  it('gives, for every pair in the order (0,1), (0,2), (1,2), the numbers of comparePartitions', () => {
    const parts = [[0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2], [5, 5, 5, 5, 5, 5]];
    const got = comparePartitionsPairwise(parts);
    // (0,1) is the file header's example: ARI 8/33.
    expect(got[0]!.adjustedRand).toBeCloseTo(8 / 33, 15);
    expect(got).toEqual([comparePartitions(parts[0]!, parts[1]!), comparePartitions(parts[0]!, parts[2]!), comparePartitions(parts[1]!, parts[2]!)]);
  });
  it('refuses partitions of different lengths', () => {
    expect(() => comparePartitionsPairwise([[0, 1], [0, 1, 2]])).toThrow(/different lengths \(2 and 3\)/);
  });
});
