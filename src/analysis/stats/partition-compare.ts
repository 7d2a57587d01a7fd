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
  const dense = denseContingency(a, b);
  if (dense) return dense;
  const rowIds = new Map<number | string, number>(), colIds = new Map<number | string, number>();
  const rows: number[] = [], cols: number[] = [];
  const rowOf = new Int32Array(n), colOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let r = rowIds.get(a[i]!);
    if (r === undefined) { r = rows.length; rowIds.set(a[i]!, r); rows.push(0); }
    let c = colIds.get(b[i]!);
    if (c === undefined) { c = cols.length; colIds.set(b[i]!, c); cols.push(0); }
    rows[r]! += 1;
    cols[c]! += 1;
    rowOf[i] = r;
    colOf[i] = c;
  }
  const cellIds = new Map<number, number>();
  const cellRow: number[] = [], cellCol: number[] = [], cellCount: number[] = [];
  for (let i = 0; i < n; i++) {
    const key = rowOf[i]! * cols.length + colOf[i]!;
    const cell = cellIds.get(key);
    if (cell === undefined) {
      cellIds.set(key, cellCount.length);
      cellRow.push(rowOf[i]!);
      cellCol.push(colOf[i]!);
      cellCount.push(1);
    } else cellCount[cell]! += 1;
  }
  return { n, rows, cols, cellRow, cellCol, cellCount };
}

/**
 * The same table for integer labels in [0, 2n) (community labels), with arrays instead of maps:
 * rows, columns and cells numbered in order of first appearance, as the general path does. Null for
 * other labels or when the dense cell table would be large (more than 8n cells).
 */
function denseContingency(a: Labels, b: Labels): Contingency | null {
  const n = a.length;
  let maxA = -1, maxB = -1;
  for (let i = 0; i < n; i++) {
    const x = a[i], y = b[i];
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isInteger(x) || !Number.isInteger(y) || x < 0 || y < 0 || x >= 2 * n || y >= 2 * n) return null;
    if (x > maxA) maxA = x;
    if (y > maxB) maxB = y;
  }
  const rowOfLabel = new Int32Array(maxA + 1).fill(-1), colOfLabel = new Int32Array(maxB + 1).fill(-1);
  const rows: number[] = [], cols: number[] = [];
  const rowOf = new Int32Array(n), colOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const x = a[i] as number, y = b[i] as number;
    if (rowOfLabel[x] === -1) { rowOfLabel[x] = rows.length; rows.push(0); }
    if (colOfLabel[y] === -1) { colOfLabel[y] = cols.length; cols.push(0); }
    const r = rowOfLabel[x] as number, c = colOfLabel[y] as number;
    rows[r]! += 1; cols[c]! += 1; rowOf[i] = r; colOf[i] = c;
  }
  if (rows.length * cols.length > 8 * Math.max(n, 1)) return null;
  const cellOf = new Int32Array(rows.length * cols.length).fill(-1);
  const cellRow: number[] = [], cellCol: number[] = [], cellCount: number[] = [];
  for (let i = 0; i < n; i++) {
    const key = (rowOf[i] as number) * cols.length + (colOf[i] as number);
    const cell = cellOf[key] as number;
    if (cell === -1) { cellOf[key] = cellCount.length; cellRow.push(rowOf[i] as number); cellCol.push(colOf[i] as number); cellCount.push(1); }
    else cellCount[cell]! += 1;
  }
  return { n, rows, cols, cellRow, cellCol, cellCount };
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
