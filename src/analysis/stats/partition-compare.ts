/**
 * Agreement between two partitions of the same n items (e.g. two community detections), given as
 * label arrays: item i is in cluster a[i] of the first partition and b[i] of the second. Labels are
 * compared with SameValueZero (`Map` keys), so the number 1 and the string '1' are different labels.
 *
 * From the contingency table n_ij = #{i : a = i-th label, b = j-th label}, with row sums a_i and
 * column sums b_j:
 *
 *   Adjusted Rand index (Hubert & Arabie 1985, J. Classif. 2: 193–218, doi:10.1007/BF01908075):
 *     ARI = (Σ_ij C(n_ij,2) − E) / (½ [Σ_i C(a_i,2) + Σ_j C(b_j,2)] − E),
 *     E = Σ_i C(a_i,2) · Σ_j C(b_j,2) / C(n,2).
 *     1 for identical partitions, 0 in expectation at random, can be negative. When the denominator
 *     is 0 (both partitions all singletons or both a single cluster, or n ≤ 1) it returns 1.
 *
 *   Normalised mutual information, arithmetic-mean normalisation (Danon et al. 2005, J. Stat. Mech.
 *   P09008, doi:10.1088/1742-5468/2005/09/P09008; scikit-learn's default):
 *     NMI = I(A;B) / ((H(A) + H(B)) / 2),  I = Σ_ij (n_ij/n) log(n·n_ij / (a_i b_j)),
 *     H(A) = −Σ_i (a_i/n) log(a_i/n). In [0, 1]; defined as 1 when both partitions are a single
 *     cluster (or n = 0), and 0 when only one of them is.
 *
 * Example: a = (0,0,0,1,1,1), b = (0,0,1,1,2,2); contingency rows (2 1 0), (0 1 2):
 *   ARI = (2 − 6·3/15) / (½(6 + 3) − 6/5) = (4/5) / (33/10) = 8/33;
 *   NMI = (2/3)·log 2 / ((log 2 + log 3) / 2) = 4·log 2 / (3·log 6) ≈ 0.516.
 */

type Labels = ArrayLike<number | string>;

/** Contingency table in sparse form: cell t has count cellCount[t] in row cellRow[t], column cellCol[t]. */
interface Contingency {
  n: number;
  rows: number[];
  cols: number[];
  cellRow: number[];
  cellCol: number[];
  cellCount: number[];
}

function contingency(where: string, a: Labels, b: Labels): Contingency {
  if (a.length !== b.length) {
    throw new Error(`stats/partition-compare: ${where}: partitions have different lengths (${a.length} and ${b.length})`);
  }
  const n = a.length;
  const row = numbering(a), col = numbering(b);
  const rows = row.counts, cols = col.counts;
  // Cells numbered in order of first appearance: an array over all (row, column) when it is small, else a map.
  const width = cols.length;
  const denseCells = rows.length * width <= 8 * Math.max(n, 1) ? new Int32Array(rows.length * width).fill(-1) : null;
  const cellIds = denseCells ? null : new Map<number, number>();
  const cellRow: number[] = [], cellCol: number[] = [], cellCount: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = row.of[i] as number, c = col.of[i] as number, key = r * width + c;
    const cell = denseCells ? (denseCells[key] as number) : (cellIds?.get(key) ?? -1);
    if (cell === -1) {
      if (denseCells) denseCells[key] = cellCount.length; else cellIds?.set(key, cellCount.length);
      cellRow.push(r); cellCol.push(c); cellCount.push(1);
    } else cellCount[cell]! += 1;
  }
  return { n, rows, cols, cellRow, cellCol, cellCount };
}

/**
 * Labels numbered 0, 1, … in order of first appearance, with how many items each has: through an
 * array for integer labels in [0, 2n) (community labels), through a map for any others.
 */
function numbering(labels: Labels): { of: Int32Array; counts: number[] } {
  const n = labels.length;
  const of = new Int32Array(n), counts: number[] = [];
  let small = true;
  for (let i = 0; i < n && small; i++) {
    const x = labels[i];
    small = typeof x === 'number' && Number.isInteger(x) && x >= 0 && x < 2 * n;
  }
  const byArray = small ? new Int32Array(2 * n).fill(-1) : null;
  const byMap = small ? null : new Map<number | string, number>();
  for (let i = 0; i < n; i++) {
    const x = labels[i] as number | string;
    let id = byArray ? (byArray[x as number] as number) : (byMap?.get(x) ?? -1);
    if (id === -1) {
      id = counts.length;
      counts.push(0);
      if (byArray) byArray[x as number] = id; else byMap?.set(x, id);
    }
    counts[id]! += 1;
    of[i] = id;
  }
  return { of, counts };
}

const pairs = (x: number): number => (x * (x - 1)) / 2;
const sumPairs = (xs: readonly number[]): number => xs.reduce((s, x) => s + pairs(x), 0);

/** Adjusted Rand index of two label arrays (symmetric; 1 = identical up to relabelling). */
export function adjustedRandIndex(a: Labels, b: Labels): number {
  const { n, rows, cols, cellCount } = contingency('adjustedRandIndex', a, b);
  const sumA = sumPairs(rows), sumB = sumPairs(cols), total = pairs(n);
  // ½(A + B) ≥ √(AB) ≥ AB/C, with equality only when A = B ∈ {0, C}: nothing to adjust.
  if (total === 0 || (sumA === sumB && (sumA === 0 || sumA === total))) return 1;
  const expected = (sumA * sumB) / total;
  return (sumPairs(cellCount) - expected) / ((sumA + sumB) / 2 - expected);
}

/** Normalised mutual information (arithmetic-mean normalisation) of two label arrays, in [0, 1]. */
export function normalizedMutualInformation(a: Labels, b: Labels): number {
  const { n, rows, cols, cellRow, cellCol, cellCount } = contingency('normalizedMutualInformation', a, b);
  if (rows.length <= 1 && cols.length <= 1) return 1;
  if (rows.length === 1 || cols.length === 1) return 0;
  const entropy = (counts: readonly number[]): number => counts.reduce((h, c) => h + (c / n) * Math.log(n / c), 0);
  let mutual = 0;
  cellCount.forEach((c, t) => {
    mutual += (c / n) * Math.log((n * c) / (rows[cellRow[t]!]! * cols[cellCol[t]!]!));
  });
  const nmi = mutual / ((entropy(rows) + entropy(cols)) / 2);
  return Math.min(1, Math.max(0, nmi));
}
