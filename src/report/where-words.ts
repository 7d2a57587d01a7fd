/**
 * What the home country calls its first-level divisions (GeoNames admin1), for the report's prose
 * and table headings: China's provinces, the United States' states, Japan's prefectures. A country
 * not in the table gets the neutral "region". Only words: the JSON keeps its neutral keys (`region`).
 *
 * The word is the usual English name of the division kind; where a country mixes kinds (China's
 * provinces, autonomous regions, municipalities and SARs; Germany's Länder, three of them
 * city-states) it is the word for most of them. The United Kingdom's admin1 are its four nations.
 *
 * @example
 *   divisionWords('CN') // { singular: 'province', plural: 'provinces' }
 *   divisionWords('ZZ') // { singular: 'region', plural: 'regions' }
 */

export interface DivisionWords {
  singular: string;
  plural: string;
}

const words = (singular: string, plural = `${singular}s`): DivisionWords => ({ singular, plural });

/** By ISO 3166-1 alpha-2 code of the home country. */
const DIVISION_WORDS: Readonly<Record<string, DivisionWords>> = {
  AR: words('province'),
  AT: words('state'),
  AU: words('state'),
  BG: words('province'),
  BR: words('state'),
  CA: words('province'),
  CH: words('canton'),
  CN: words('province'),
  CO: words('department'),
  DE: words('state'),
  EE: words('county', 'counties'),
  EG: words('governorate'),
  ES: words('autonomous community', 'autonomous communities'),
  FR: words('region'),
  GB: words('nation'),
  HR: words('county', 'counties'),
  HU: words('county', 'counties'),
  ID: words('province'),
  IE: words('county', 'counties'),
  IN: words('state'),
  IR: words('province'),
  IT: words('region'),
  JP: words('prefecture'),
  KR: words('province'),
  LT: words('county', 'counties'),
  MX: words('state'),
  MY: words('state'),
  NG: words('state'),
  NL: words('province'),
  NO: words('county', 'counties'),
  PK: words('province'),
  PL: words('voivodeship'),
  PT: words('district'),
  RO: words('county', 'counties'),
  RU: words('federal subject'),
  SE: words('county', 'counties'),
  TH: words('province'),
  TR: words('province'),
  UA: words('oblast'),
  US: words('state'),
  VN: words('province'),
  ZA: words('province'),
};

/** The neutral word, for any other country. */
const DIVISION_FALLBACK: DivisionWords = words('region');

export function divisionWords(country: string): DivisionWords {
  return DIVISION_WORDS[country.toUpperCase()] ?? DIVISION_FALLBACK;
}

