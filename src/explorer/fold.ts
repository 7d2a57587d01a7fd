/**
 * foldName for the browser: the same folding as `parse/countries.ts` (case, accents, apostrophes and
 * punctuation ignored: `Xi'an` → `xian`), without that module's country tables, so that the explorer
 * bundle stays small. `tests/explorer/payload.test.ts` checks the two agree on every seed label.
 *
 * @example
 *   foldName("Xi'an") // 'xian'
 *   foldName('Ürümqi') // 'urumqi'
 */
export function foldName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'`.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
