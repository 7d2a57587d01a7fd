/**
 * The entries of `o` whose value is not undefined: merged over defaults (`{ ...DEFAULTS,
 * ...definedOnly(options) }`), an option given as undefined means the default, as a missing one does.
 */
export function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
