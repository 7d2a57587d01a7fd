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
