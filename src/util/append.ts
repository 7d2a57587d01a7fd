/**
 * `append(target, items)`: every item pushed onto `target`, in order — what `target.push(...items)`
 * does, without passing the items as call arguments (a spread of more than ~100,000 items
 * overflows V8's stack: "Maximum call stack size exceeded").
 */
export function append<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
