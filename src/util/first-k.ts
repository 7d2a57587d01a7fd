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
  if (nodes.length <= k) return firstK(nodes, k, byValueThenName);
  // The k largest values (with repeats), ascending: best[0] is the k-th largest. One pass, no array
  // grown or shifted (a million rows, a dozen rankings).
  const best = new Float64Array(k);
  let size = 0;
  for (let i = 0; i < nodes.length; i++) {
    const x = value(nodes[i] as number);
    if (Number.isNaN(x)) return firstK(nodes, k, byValueThenName);
    if (size < k) {
      let at = size++;
      for (; at > 0 && (best[at - 1] as number) > x; at--) best[at] = best[at - 1] as number;
      best[at] = x;
    } else if (x > (best[0] as number)) {
      // the smallest drops out: the ones below x move down a place
      let at = 0;
      for (; at + 1 < k && (best[at + 1] as number) < x; at++) best[at] = best[at + 1] as number;
      best[at] = x;
    }
  }
  const threshold = best[0] as number;
  const above: number[] = [], tied: number[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const v = nodes[i] as number, x = value(v);
    if (x > threshold) above.push(v);
    else if (x === threshold) tied.push(v);
  }
  return [...firstK(above, above.length, byValueThenName), ...firstK(tied, k - above.length, (x, y) => byName(label(x), label(y)))];
}
