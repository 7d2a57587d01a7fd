/**
 * String orders for sorted output, one collator each (V8 sets one up per `localeCompare` call, ~5 µs):
 * `byName` as `a.localeCompare(b, 'en')`, `byLocale` as `a.localeCompare(b)` (the default locale).
 */
export const byName = new Intl.Collator('en').compare;
export const byLocale = new Intl.Collator().compare;
