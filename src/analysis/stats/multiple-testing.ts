/**
 * Adjusted p-values for m simultaneous tests, returned in the input order.
 *
 * With p_(1) ≤ … ≤ p_(m) the sorted p-values (ties kept in input order; tied p-values always get
 * equal adjusted values):
 *
 *   Holm (1979), family-wise error rate, step-down:
 *     p̃_(i) = max_{j ≤ i} min(1, (m − j + 1) · p_(j))
 *   Benjamini & Hochberg (1995), false discovery rate, step-up:
 *     p̃_(i) = min_{j ≥ i} min(1, m / j · p_(j))
 *
 * References: S. Holm (1979), "A simple sequentially rejective multiple test procedure", Scand. J.
 * Statist. 6(2): 65–70 (JSTOR 4615733); Y. Benjamini & Y. Hochberg (1995), J. R. Stat. Soc. B 57(1):
 * 289–300, doi:10.1111/j.2517-6161.1995.tb02031.x. Both agree with R's `p.adjust`.
 *
 * `m` (default: pValues.length) is the total number of tests. Pass it when only some of the tests are
 * listed, e.g. the city pairs sharing at least one partner out of all C(cities, 2) pairs: the pairs
 * not listed have p = 1, which never lowers any listed adjusted value, so they need only be counted.
 *
 * Example: p = (0.01, 0.04, 0.03, 0.04), m = 4 → Holm (0.04, 0.09, 0.09, 0.09),
 *          BH (0.04, 0.04, 0.04, 0.04).
 */

function sortedOrder(where: string, pValues: ArrayLike<number>, m: number | undefined): { order: Uint32Array; m: number } {
  const n = pValues.length;
  const total = m ?? n;
  if (!Number.isSafeInteger(total) || total < n) {
    throw new Error(`stats/multiple-testing: ${where}: m must be an integer ≥ the ${n} p-values given, got ${total}`);
  }
  for (let i = 0; i < n; i++) {
    const p = pValues[i] as number;
    if (!(p >= 0 && p <= 1)) throw new Error(`stats/multiple-testing: ${where}: pValues[${i}] must be in [0, 1], got ${p}`);
  }
  return { order: ascendingOrder(pValues), m: total };
}

/**
 * Indices 0…n−1 sorted by value, ties by index (a typed array: 10⁷ tests fit): the values sorted
 * natively (no comparator), then each index placed at the first position of its value (binary
 * search; −0 and +0 count as equal) plus the number of equal values met before it. The same order
 * as sorting by (value, index), without a comparator call per comparison.
 */
function ascendingOrder(values: ArrayLike<number>): Uint32Array {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  const placed = new Int32Array(n);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    let lo = 0, hi = n;
    while (lo < hi) { const mid = (lo + hi) >>> 1; if (sorted[mid]! < x) lo = mid + 1; else hi = mid; }
    order[lo + placed[lo]!++] = i;
  }
  return order;
}

function holmFrom(pValues: ArrayLike<number>, order: Uint32Array, total: number): Float64Array {
  const adjusted = new Float64Array(pValues.length);
  let running = 0;
  for (let rank = 0; rank < order.length; rank++) {
    const index = order[rank] as number;
    running = Math.max(running, Math.min(1, (total - rank) * (pValues[index] as number)));
    adjusted[index] = running;
  }
  return adjusted;
}

function bhFrom(pValues: ArrayLike<number>, order: Uint32Array, total: number): Float64Array {
  const adjusted = new Float64Array(pValues.length);
  let running = 1;
  for (let rank = order.length - 1; rank >= 0; rank--) {
    const index = order[rank] as number;
    running = Math.min(running, (total / (rank + 1)) * (pValues[index] as number));
    adjusted[index] = running;
  }
  return adjusted;
}

/** Holm's step-down adjusted p-values (controls the family-wise error rate), in input order. */
export function holm(pValues: ArrayLike<number>, m?: number): number[] {
  const { order, m: total } = sortedOrder('holm', pValues, m);
  return Array.from(holmFrom(pValues, order, total));
}

/** Benjamini–Hochberg step-up adjusted p-values (controls the false discovery rate), in input order. */
export function benjaminiHochberg(pValues: ArrayLike<number>, m?: number): number[] {
  const { order, m: total } = sortedOrder('benjaminiHochberg', pValues, m);
  return Array.from(bhFrom(pValues, order, total));
}

/**
 * Both corrections from one sort, as typed arrays (for projections with millions of pairs), and
 * that sort: the indices by p-value, ties by index.
 */
export function adjustPValues(pValues: ArrayLike<number>, m?: number): { holm: Float64Array; bh: Float64Array; order: Uint32Array } {
  const { order, m: total } = sortedOrder('adjustPValues', pValues, m);
  return { holm: holmFrom(pValues, order, total), bh: bhFrom(pValues, order, total), order };
}
