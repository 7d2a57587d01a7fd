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
 * `comparePartitions` returns both from one table (what the stability loops want); the two single
 * functions give the same numbers to the last bit.
 *
 * Example: a = (0,0,0,1,1,1), b = (0,0,1,1,2,2); contingency rows (2 1 0), (0 1 2):
 *   ARI = (2 − 6·3/15) / (½(6 + 3) − 6/5) = (4/5) / (33/10) = 8/33;
 *   NMI = (2/3)·log 2 / ((log 2 + log 3) / 2) = 4·log 2 / (3·log 6) ≈ 0.516.
 */

type Labels = ArrayLike<number | string>;

/** Both indices of one pair of partitions, from a single contingency table. */
export interface PartitionComparison {
  adjustedRand: number;
  nmi: number;
}

/**
 * Contingency table in sparse form: cell t has count cellCount[t] in row cellRow[t], column
 * cellCol[t]; cells in order of first appearance (the item index where the pair first occurs),
 * rows and columns likewise, so the floating sums of NMI always add in the same order.
 */
interface Contingency {
  n: number;
  rows: Int32Array;
  cols: Int32Array;
  cellRow: Int32Array;
  cellCol: Int32Array;
  cellCount: Int32Array;
}

/** ARI and NMI of two label arrays, sharing one contingency table (see the file header). */
export function comparePartitions(a: Labels, b: Labels): PartitionComparison {
  const table = contingency('comparePartitions', a, b);
  return { adjustedRand: ari(table), nmi: nmi(table) };
}

/**
 * `comparePartitions` of every pair i < j of `partitions`, in the order (0,1), (0,2), …, (1,2), …:
 * the same numbers, each partition numbered once instead of once per pair.
 */
export function comparePartitionsPairwise(partitions: readonly Labels[]): PartitionComparison[] {
  const numbered = partitions.map((p) => {
    if (p.length !== (partitions[0] as Labels).length) {
      throw new Error(`stats/partition-compare: comparePartitionsPairwise: partitions have different lengths (${(partitions[0] as Labels).length} and ${p.length})`);
    }
    return numbering(p);
  });
  const out: PartitionComparison[] = [];
  for (let i = 0; i < numbered.length; i++) for (let j = i + 1; j < numbered.length; j++) {
    const table = tableOf(numbered[i] as Numbering, numbered[j] as Numbering);
    out.push({ adjustedRand: ari(table), nmi: nmi(table) });
  }
  return out;
}

/**
 * Agreement among several runs of a randomised method: ARI and NMI averaged over all pairs (summed
 * in pair order); 1 and 1 with fewer than two runs.
 */
export function meanPairwiseAgreement(partitions: readonly Labels[]): { meanAdjustedRand: number; meanNmi: number } {
  let ariSum = 0, nmiSum = 0, pairs = 0;
  for (const agreement of comparePartitionsPairwise(partitions)) {
    ariSum += agreement.adjustedRand;
    nmiSum += agreement.nmi;
    pairs++;
  }
  return { meanAdjustedRand: pairs ? ariSum / pairs : 1, meanNmi: pairs ? nmiSum / pairs : 1 };
}

/** Adjusted Rand index of two label arrays (symmetric; 1 = identical up to relabelling). */
export function adjustedRandIndex(a: Labels, b: Labels): number {
  return ari(contingency('adjustedRandIndex', a, b));
}

/** Normalised mutual information (arithmetic-mean normalisation) of two label arrays, in [0, 1]. */
export function normalizedMutualInformation(a: Labels, b: Labels): number {
  return nmi(contingency('normalizedMutualInformation', a, b));
}

/**
 * Cells without a map over (row, column): items are chained by row (`next`), and each row is walked
 * with a per-column stamp, so each cell's count gathers on the item where it first appears; one pass
 * in item order then lists the cells in order of first appearance. O(n + rows + columns).
 */
function contingency(where: string, a: Labels, b: Labels): Contingency {
  if (a.length !== b.length) {
    throw new Error(`stats/partition-compare: ${where}: partitions have different lengths (${a.length} and ${b.length})`);
  }
  return tableOf(numbering(a), numbering(b));
}

/** The contingency table of two numbered partitions of the same items. */
function tableOf(row: Numbering, col: Numbering): Contingency {
  const n = row.of.length;
  const rowOf = row.of, colOf = col.of, nRows = row.counts.length, nCols = col.counts.length;
  const head = new Int32Array(nRows).fill(-1), next = new Int32Array(n);
  for (let i = n - 1; i >= 0; i--) {
    const r = rowOf[i]!;
    next[i] = head[r]!;
    head[r] = i;
  }
  // countAt[i] > 0: item i is the first of its cell, which holds that many items.
  const countAt = new Int32Array(n), stamp = new Int32Array(nCols).fill(-1), firstOf = new Int32Array(nCols);
  let cells = 0;
  for (let r = 0; r < nRows; r++) {
    for (let i = head[r]!; i !== -1; i = next[i]!) {
      const c = colOf[i]!;
      if (stamp[c] !== r) { stamp[c] = r; firstOf[c] = i; cells++; }
      const first = firstOf[c]!;
      countAt[first] = countAt[first]! + 1;
    }
  }
  const cellRow = new Int32Array(cells), cellCol = new Int32Array(cells), cellCount = new Int32Array(cells);
  for (let i = 0, t = 0; i < n; i++) {
    if (countAt[i] === 0) continue;
    cellRow[t] = rowOf[i]!; cellCol[t] = colOf[i]!; cellCount[t] = countAt[i]!;
    t++;
  }
  return { n, rows: row.counts, cols: col.counts, cellRow, cellCol, cellCount };
}

/**
 * Labels numbered 0, 1, … in order of first appearance, with how many items each has: through an
 * array indexed by label for integer labels in [0, 2n) (community labels), through a map for others.
 */
interface Numbering { of: Int32Array; counts: Int32Array }

function numbering(labels: Labels): Numbering {
  const n = labels.length;
  const of = new Int32Array(n), counts = new Int32Array(n);
  let k = 0;
  if (smallIntegers(labels)) {
    const ids = new Int32Array(2 * n).fill(-1);
    for (let i = 0; i < n; i++) {
      const x = labels[i] as number;
      let id = ids[x]!;
      if (id === -1) ids[x] = id = k++;
      counts[id] = counts[id]! + 1;
      of[i] = id;
    }
  } else {
    const ids = new Map<number | string, number>();
    for (let i = 0; i < n; i++) {
      const x = labels[i] as number | string;
      let id = ids.get(x);
      if (id === undefined) ids.set(x, id = k++);
      counts[id] = counts[id]! + 1;
      of[i] = id;
    }
  }
  return { of, counts: counts.subarray(0, k) };
}

function smallIntegers(labels: Labels): boolean {
  const n = labels.length;
  if (labels instanceof Int32Array) {
    for (let i = 0; i < n; i++) {
      const x = labels[i]!;
      if (x < 0 || x >= 2 * n) return false;
    }
    return true;
  }
  for (let i = 0; i < n; i++) {
    const x = labels[i];
    if (!(typeof x === 'number' && Number.isInteger(x) && x >= 0 && x < 2 * n)) return false;
  }
  return true;
}

const pairs = (x: number): number => (x * (x - 1)) / 2;

function sumPairs(xs: Int32Array): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += pairs(xs[i]!);
  return s;
}

/** ARI from the table; every sum is an exact integer, so the order of summation does not matter. */
function ari({ n, rows, cols, cellCount }: Contingency): number {
  const sumA = sumPairs(rows), sumB = sumPairs(cols), total = pairs(n);
  // ½(A + B) ≥ √(AB) ≥ AB/C, with equality only when A = B ∈ {0, C}: nothing to adjust.
  if (total === 0 || (sumA === sumB && (sumA === 0 || sumA === total))) return 1;
  const expected = (sumA * sumB) / total;
  return (sumPairs(cellCount) - expected) / ((sumA + sumB) / 2 - expected);
}

function entropy(counts: Int32Array, n: number): number {
  let h = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i]!;
    h += (c / n) * Math.log(n / c);
  }
  return h;
}

/** NMI from the table; sums run over rows, columns and cells in order of first appearance. */
function nmi({ n, rows, cols, cellRow, cellCol, cellCount }: Contingency): number {
  if (rows.length <= 1 && cols.length <= 1) return 1;
  if (rows.length === 1 || cols.length === 1) return 0;
  let mutual = 0;
  for (let t = 0; t < cellCount.length; t++) {
    const c = cellCount[t]!;
    mutual += (c / n) * Math.log((n * c) / (rows[cellRow[t]!]! * cols[cellCol[t]!]!));
  }
  const value = mutual / ((entropy(rows, n) + entropy(cols, n)) / 2);
  return Math.min(1, Math.max(0, value));
}
