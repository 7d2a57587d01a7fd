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

/**
 * Letters that Unicode decomposition leaves whole, as a reader would type them on a plain keyboard:
 * ß → ss, æ → ae, ø → o, ł → l, đ → d, ı → i, œ → oe, þ → th, ð → d (lower case: after foldName).
 */
const LETTERS: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', ø: 'o', ł: 'l', đ: 'd', ı: 'i', œ: 'oe', þ: 'th', ð: 'd' };

/** A folded name with the letters decomposition leaves whole spelled out (`hafnarfjorður` → `hafnarfjordur`). */
export function foldLetters(folded: string): string {
  return folded.replace(/[ßæøłđıœþð]/g, (c) => LETTERS[c] ?? c);
}

/**
 * searchKey: the key a person's query and a place name are compared by — foldName, then the letters
 * decomposition leaves whole (`Hafnarfjörður`, `Þórshöfn`, `Łódź`, `Gießen` are found as typed on a
 * plain keyboard). The CLI's queries and the explorer's search both use it.
 *
 * @example
 *   searchKey('Hafnarfjörður') // 'hafnarfjordur'
 *   searchKey('Łódź')          // 'lodz'
 *   searchKey('St. Albans')    // 'saint albans'
 *   searchKey('Mt. Vernon')    // 'mount vernon'
 */
export function searchKey(s: string): string {
  return expandAbbreviations(foldLetters(foldName(s)));
}

/** The abbreviations place names are written with, as words of a folded name, and what they stand for. */
const ABBREVIATIONS: Readonly<Record<string, string>> = { st: 'saint', ste: 'sainte', mt: 'mount', ft: 'fort' };
const ABBREVIATED = /\b(?:ste?|mt|ft)\b/g;

/**
 * A folded name with `St`, `Ste`, `Mt` and `Ft` as words spelt out (`st albans` → `saint albans`,
 * `mt vernon` → `mount vernon`, `ft worth` → `fort worth`), so that either spelling finds the other.
 */
export function expandAbbreviations(folded: string): string {
  return folded.includes('t') && /\b(?:ste?|mt|ft)\b/.test(folded) ? folded.replace(ABBREVIATED, (w) => ABBREVIATIONS[w] ?? w) : folded;
}
