import { byName } from './collate.js';

/**
 * firstK: the first k items of `items` stably sorted by `cmp` (= `[...items].sort(cmp).slice(0, k)`),
 * by one pass keeping the k best in order: O(n·k) instead of sorting everything, for small k (the
 * report's top tens among a million rows, the explorer's few most similar places per node).
 *
 * @example
 *   firstK([5, 1, 4, 2], 2, (x, y) => x - y) // [1, 2]
 */
export function firstK<T>(items: ArrayLike<T>, k: number, cmp: (x: T, y: T) => number): T[] {
  const best: T[] = [];
  if (k <= 0) return best;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as T;
    if (best.length === k && cmp(item, best[k - 1] as T) >= 0) continue;
    let at = best.length;
    while (at > 0 && cmp(item, best[at - 1] as T) < 0) at--;
    best.splice(at, 0, item);
    if (best.length > k) best.pop();
  }
  return best;
}

/**
 * The first k of `nodes` (node positions) by value, largest first, ties by label (`byName`), then by position in
 * `nodes`: what `firstK(nodes, k, (x, y) => value(y) − value(x) || byName(label(x), label(y)))` gives,
 * with the labels compared only among nodes tied at the k-th value (a million rows, a dozen rankings:
 * the values alone settle almost every place). Values must not be NaN (then the plain `firstK`).
 */
export function firstKByValue(nodes: readonly number[], value: (v: number) => number, label: (v: number) => string, k: number): number[] {
  const byValueThenName = (x: number, y: number) => value(y) - value(x) || byName(label(x), label(y));
  if (nodes.length <= k || nodes.some((v) => Number.isNaN(value(v)))) return firstK(nodes, k, byValueThenName);
  // The k-th largest value (with repeats): the smallest of the k largest, kept in ascending order.
  const best: number[] = [];
  for (const v of nodes) {
    const x = value(v);
    if (best.length === k && x <= (best[0] as number)) continue;
    let at = 0;
    while (at < best.length && (best[at] as number) < x) at++;
    best.splice(at, 0, x);
    if (best.length > k) best.shift();
  }
  const threshold = best[0] as number;
  const above = nodes.filter((v) => value(v) > threshold);
  const tied = nodes.filter((v) => value(v) === threshold);
  return [...firstK(above, above.length, byValueThenName), ...firstK(tied, k - above.length, (x, y) => byName(label(x), label(y)))];
}
