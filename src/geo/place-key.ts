/**
 * Keys for matching place names against the gazetteer: `foldName` (case, accents, apostrophes and
 * punctuation ignored) plus the few letters that Unicode decomposition leaves alone (ß → ss, æ → ae,
 * ø → o, ł → l, đ → d, ı → i, œ → oe, þ → th), so that `Gießen` and `Giessen` meet; the turned and
 * modifier apostrophes (‘ ʻ ʼ) vanish like the plain one (`Modi‘in` ~ `Modi'in`); `St`, `Ste`, `Mt`
 * and `Ft` are spelt out (`St. Louis` ~ `Saint Louis`, `Mt. Vernon` ~ `Mount Vernon`).
 *
 * Two derived keys widen a match, and a placement records which one was used:
 * - `withoutSuffix`: a trailing administrative suffix of East Asian place names dropped (GeoNames
 *   writes `Goyang-si`, `Gifu-shi`, `Gurye-gun`; lists write `Goyang`, `Gifu`, `Gurye`);
 * - `withoutAreaWords`: generic words for an area or a town dropped at either end (`Antwerp Province`
 *   → `antwerp`, `Canton of Bern` → `bern`, `County Meath` → `meath`, `Davao City` → `davao`,
 *   `Provincie Antwerpen` → `antwerpen`).
 *
 * @example
 *   placeKey('Gießen')                          // 'giessen'
 *   withoutSuffix('goyang si')                  // 'goyang'
 *   withoutAreaWords(placeKey('Pest County'))   // 'pest'
 */
import { foldName } from '../parse/fold-table.js';
import { expandAbbreviations, foldLetters } from '../util/fold.js';

export function placeKey(name: string): string {
  return expandAbbreviations(foldLetters(foldName(name.replace(/[‘ʻʼ]/g, ''))));
}

/** Trailing suffixes of Korean (`-si`, `-gun`, `-gu`, `-eup`) and Japanese (`-shi`, `-ku`, `-machi`, `-chō`, `-mura`) place names. */
const SUFFIXES = new Set(['si', 'gun', 'gu', 'eup', 'shi', 'ku', 'machi', 'cho', 'mura']);

/** The key without its trailing administrative suffix, or null when it has none (or is nothing else). */
export function withoutSuffix(key: string): string | null {
  const at = key.lastIndexOf(' ');
  return at > 0 && SUFFIXES.has(key.slice(at + 1)) ? key.slice(0, at) : null;
}

/** Words that name a kind of area or town rather than the place (English and the local forms GeoNames uses). */
export const AREA_WORDS: ReadonlySet<string> = new Set([
  'province', 'provincia', 'provincie', 'provinz', 'prefecture', 'county', 'district', 'region', 'oblast',
  'krai', 'kray', 'republic', 'community', 'voivodeship', 'canton', 'department', 'departement', 'municipality', 'city', 'island',
  'shi', 'sheng', 'ken', 'of', 'di', 'de', 'del', 'du', 'the',
  // GeoNames' local words for divisions: Gemeente Velsen, Aarhus Kommune, Borough of Tameside,
  // Ekurhuleni Metropolitan Municipality, Sveitarfélagið Ölfus, Zhukovskiy Rayon, Gorodskoy Okrug …
  'gemeente', 'kommune', 'kommun', 'borough', 'metropolitan', 'sveitarfelagid', 'rayon', 'gorodskoy', 'okrug',
  'bezirk', 'politischer', 'landkreis', 'kreis', 'comune', 'municipio', 'amphoe', 'changwat', 'gun', 'si',
]);

/** The key without area words at its ends, or null when none were there (or nothing else is). */
export function withoutAreaWords(key: string): string | null {
  const words = key.split(' ');
  let a = 0, b = words.length;
  while (a < b && AREA_WORDS.has(words[a] as string)) a++;
  while (b > a && AREA_WORDS.has(words[b - 1] as string)) b--;
  if (a === b || (a === 0 && b === words.length)) return null;
  return words.slice(a, b).join(' ');
}
