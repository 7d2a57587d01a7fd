/**
 * The home country of a list, the country whose places the list is about: from a code the user
 * gives, or from the list's title (`List of twin towns and sister cities in Germany` → `DE`).
 *
 * @example
 *   homeCountryCode('deu') // 'DE'
 *   homeCountryOfTitle("List of twin towns and sister cities in the People's Republic of China") // 'CN'
 */
import { countryByAlpha2, countryByAlpha3, homeNationSubdivision, resolveCountryName } from './countries.js';

/** ISO alpha-2 of a country given as ISO alpha-2 or alpha-3, in any case (`de`, `DEU`); null when unknown. */
export function homeCountryCode(code: string): string | null {
  const upper = code.trim().toUpperCase();
  if (upper.length === 2) return countryByAlpha2(upper)?.alpha2 ?? null;
  if (upper.length === 3) return countryByAlpha3(upper)?.alpha2 ?? null;
  return null;
}

/** The country a title is about (`… in Germany`, `… in the United States`), ISO alpha-2; a territory stands for itself; null when none resolves. */
export function homeCountryOfTitle(title: string): string | null {
  const place = placeOfTitle(title);
  return place === null ? null : homeCountryOfPlace(place);
}

/** What a title says its list is in: the words after its last " in " (`the United States` → `United States`), or null. */
export function placeOfTitle(title: string): string | null {
  const m = /.*\bin\s+(?:the\s+)?(.+?)\s*$/i.exec(title); // the last " in "
  return m ? (m[1] as string) : null;
}

/**
 * The country of a place a title names, ISO alpha-2: a country or territory by name (a territory
 * stands for itself), one of the UK's home nations (England, Scotland, Wales, Northern Ireland: GB),
 * or null.
 */
export function homeCountryOfPlace(place: string): string | null {
  const named = resolveCountryName(place) ?? resolveCountryName(`the ${place}`);
  if (named) return (named.territory ?? named.sovereign).alpha2;
  return homeNationSubdivision(place) !== null ? 'GB' : null;
}
