/**
 * foldName: the key for forgiving name matching — case, accents, apostrophes and punctuation ignored
 * (`Xi'an` → `xian`). One definition for the parser, the CLI queries and the browser explorer (it
 * has no dependencies, so the explorer bundle stays small).
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
