/** The noun for `n` things: `one` for exactly one, else `many` (`nounFor(1, 'link')` → `link`, `nounFor(0, 'link')` → `links`). */
export function nounFor(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}
