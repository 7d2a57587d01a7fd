/**
 * Country resolution: country names as written → ISO 3166-1, and flag codes (a mix of ISO alpha-3,
 * IOC and FIFA codes) → ISO 3166-1, both through the maintained `world-countries` data set
 * (mledoze/countries: ISO alpha-2/alpha-3, IOC code, names, alternative spellings, region).
 *
 * Names are its English names and spellings, then its translations that name one country only.
 *
 * The only hand-written tables are the ones that data set does not carry:
 * - `NAME_ALIASES`: spellings it lacks (`Turkey` is listed as `Türkiye`/`Turkiye`; `Surinam`; `UK`, `USA`);
 * - `SOVEREIGN_OF`: the sovereign state of each dependent territory (ISO 3166-1 lists territories
 *   as entries of their own; the sovereign is not in the data set);
 * - `HOME_NATIONS`: the FIFA/IOC-style codes of the UK's home nations (ENG, SCO, WAL, NIR), which
 *   are ISO 3166-2 subdivisions of GB, not countries.
 */
import worldCountries from 'world-countries';
import type { IsoCountry } from './types.js';
import { foldName } from './fold-table.js';
import { copyText } from './normalize.js';

interface WorldCountry {
  name: { common: string; official: string };
  cca2: string;
  cca3: string;
  cioc?: string;
  independent?: boolean | null;
  altSpellings: string[];
  region: string;
  subregion: string;
  demonyms?: { eng?: { m?: string; f?: string } };
  /** The name in other languages (deu, fra, spa, jpn, zho …). */
  translations?: Record<string, { common: string; official: string }>;
}

const ALL = worldCountries as unknown as WorldCountry[];

/** Spellings in the wild that world-countries does not list, mapped to ISO alpha-2. */
const NAME_ALIASES: Readonly<Record<string, string>> = {
  turkey: 'TR',
  surinam: 'SR',
  'east timor': 'TL',
  burma: 'MM',
  swaziland: 'SZ',
  // abbreviations written as names (`Leeds, UK`; `the USA`); world-countries lists them as codes only
  uk: 'GB',
  usa: 'US',
  us: 'US',
  // short forms of the translations, which world-countries gives only in full (`Stati Uniti d'America`)
  'stati uniti': 'US',
  'regno unito': 'GB',
  // Great Britain in other languages, written for the whole kingdom as English writes "Great Britain"
  'Großbritannien': 'GB', 'Grande-Bretagne': 'GB', 'Gran Bretaña': 'GB', 'Grã-Bretanha': 'GB', 'Gran Bretagna': 'GB',
  'Groot-Brittannië': 'GB', 'Wielka Brytania': 'GB', 'Velká Británie': 'GB', 'Büyük Britanya': 'GB', 'Nagy-Britannia': 'GB',
  // territories as French writes them, with the article
  'La Réunion': 'RE', 'Île de La Réunion': 'RE', 'La Martinique': 'MQ', 'La Guadeloupe': 'GP', 'La Guyane': 'GF',
  'Polynésie française': 'PF', 'Nouvelle-Calédonie': 'NC',
};

/**
 * Sovereign state of each dependent territory that world-countries marks `independent: false`.
 * Kosovo, Palestine, Taiwan and Western Sahara are deliberately absent: they stand for themselves.
 */
export const SOVEREIGN_OF: Readonly<Record<string, string>> = {
  AW: 'NL', AI: 'GB', AX: 'FI', AS: 'US', AQ: 'AQ', TF: 'FR', BL: 'FR', SH: 'GB', BM: 'GB', BQ: 'NL',
  BV: 'NO', CC: 'AU', CK: 'NZ', CW: 'NL', CX: 'AU', KY: 'GB', FK: 'GB', FO: 'DK', GG: 'GB', GI: 'GB',
  GP: 'FR', GL: 'DK', GF: 'FR', GU: 'US', HK: 'CN', HM: 'AU', IM: 'GB', IO: 'GB', JE: 'GB', MO: 'CN',
  MF: 'FR', MP: 'US', MS: 'GB', MQ: 'FR', YT: 'FR', NC: 'FR', NF: 'AU', NU: 'NZ', PN: 'GB', PR: 'US',
  PF: 'FR', RE: 'FR', GS: 'GB', SJ: 'NO', PM: 'FR', SX: 'NL', TC: 'GB', TK: 'NZ', UM: 'US', VG: 'GB',
  VI: 'US', WF: 'FR',
};

/** Home nations of the United Kingdom: flag code → ISO 3166-2 subdivision and name. */
export const HOME_NATIONS: Readonly<Record<string, { subdivision: string; name: string }>> = {
  ENG: { subdivision: 'GB-ENG', name: 'England' },
  SCO: { subdivision: 'GB-SCT', name: 'Scotland' },
  WAL: { subdivision: 'GB-WLS', name: 'Wales' },
  NIR: { subdivision: 'GB-NIR', name: 'Northern Ireland' },
};

/**
 * The home nations' names in the languages tables and lists are written in (German, French, Spanish,
 * Portuguese, Italian, Dutch, Polish, Czech, Turkish, Russian, Japanese, Chinese); English's are `HOME_NATIONS`'.
 */
const HOME_NATION_NAMES: Readonly<Record<string, readonly string[]>> = {
  'GB-ENG': ['Angleterre', 'Inglaterra', 'Inghilterra', 'Engeland', 'Anglia', 'Anglie', 'İngiltere', 'Англия', 'イングランド', '英格兰', '英格蘭'],
  'GB-SCT': ['Schottland', 'Écosse', 'Escocia', 'Escócia', 'Scozia', 'Schotland', 'Szkocja', 'Skotsko', 'İskoçya', 'Шотландия', 'スコットランド', '苏格兰', '蘇格蘭'],
  'GB-WLS': ['Pays de Galles', 'Gales', 'País de Gales', 'Galles', 'Walia', 'Velšsko', 'Galler', 'Уэльс', 'ウェールズ', '威尔士', '威爾斯'],
  'GB-NIR': ['Nordirland', 'Irlande du Nord', 'Irlanda del Norte', 'Irlanda do Norte', 'Irlanda del Nord', 'Noord-Ierland',
    'Irlandia Północna', 'Severní Irsko', 'Kuzey İrlanda', 'Северная Ирландия', '北アイルランド', '北爱尔兰', '北愛爾蘭'],
};

const HOME_NATION_BY_NAME = new Map(
  Object.values(HOME_NATIONS).flatMap(({ subdivision, name }) => [name, ...(HOME_NATION_NAMES[subdivision] ?? [])].map((n) => [foldName(n), subdivision] as const)),
);

interface Tables {
  byAlpha2: Map<string, WorldCountry>;
  byAlpha3: Map<string, WorldCountry>;
  byIoc: Map<string, WorldCountry>;
  byName: Map<string, WorldCountry>;
}

let built: Tables | null = null;

/** The lookup tables, built on first use (a worker thread that never resolves a name never pays for them). */
function tables(): Tables {
  if (built) return built;
  const byAlpha2 = new Map<string, WorldCountry>(), byAlpha3 = new Map<string, WorldCountry>();
  const byIoc = new Map<string, WorldCountry>(), byName = new Map<string, WorldCountry>();
  for (const c of ALL) {
    byAlpha2.set(c.cca2, c);
    byAlpha3.set(c.cca3, c);
    if (c.cioc) byIoc.set(c.cioc, c);
  }
  for (const c of ALL) {
    for (const n of [c.name.common, c.name.official, ...c.altSpellings]) {
      if (n.length <= 3 && n === n.toUpperCase()) continue; // codes among the alt spellings
      const key = foldName(n);
      if (!byName.has(key)) byName.set(key, c);
    }
  }
  for (const [alias, alpha2] of Object.entries(NAME_ALIASES)) {
    const c = byAlpha2.get(alpha2);
    if (c) byName.set(foldName(alias), c);
  }
  // Names in other languages (`Deutschland`, `Frankreich`, `Allemagne`, `日本`), where an input
  // table is written in its own language: only those naming one country in every language, and
  // never over an English name (`Kongo`, `Guyana` stay as English reads them, or unknown).
  const translated = new Map<string, WorldCountry | null>();
  for (const c of ALL) {
    for (const t of Object.values(c.translations ?? {})) {
      for (const n of [t.common, t.official]) {
        const key = foldName(n);
        const seen = translated.get(key);
        translated.set(key, seen === undefined || seen === c ? c : null);
      }
    }
  }
  for (const [key, c] of translated) if (c !== null && !byName.has(key)) byName.set(key, c);
  return (built = { byAlpha2, byAlpha3, byIoc, byName });
}

function iso(c: WorldCountry): IsoCountry {
  return { alpha2: c.cca2, alpha3: c.cca3, name: c.name.common };
}

/** ISO entry by alpha-2, or null. */
export function countryByAlpha2(alpha2: string): IsoCountry | null {
  const c = tables().byAlpha2.get(alpha2);
  return c ? iso(c) : null;
}

/** ISO entry by alpha-3, or null. */
export function countryByAlpha3(alpha3: string): IsoCountry | null {
  const c = tables().byAlpha3.get(alpha3);
  return c ? iso(c) : null;
}

/** A home country in words: its ISO alpha-2, common name and English demonym (`CN` → China, Chinese). */
export interface HomeWords {
  code: string;
  name: string;
  /** English adjective of the country (world-countries' `demonyms.eng.m`); the name itself when absent. */
  demonym: string;
}

/** The words for a home country, from world-countries; the code itself for a code it does not know. */
export function homeWords(alpha2: string): HomeWords {
  const c = tables().byAlpha2.get(alpha2);
  if (!c) return { code: alpha2, name: alpha2, demonym: alpha2 };
  // world-countries joins two peoples' words with a comma (`Bosnian, Herzegovinian`): prose says "and"
  return { code: c.cca2, name: c.name.common, demonym: (c.demonyms?.eng?.m || c.name.common).replace(/, /g, ' and ') };
}

/** The indefinite article before `word` in prose: "an" before a vowel sound (`an American`, `an Uzbekistani`), "a" before a "yoo" (`a Ukrainian`). */
export function indefiniteArticle(word: string): 'a' | 'an' {
  return /^[AEIOUaeiou]/.test(word) && !/^U(?:gan|krain|rugu|ni[^n])/i.test(word) ? 'an' : 'a';
}

/** `word` after its indefinite article: `an American`, `a Chinese`. */
export function withArticle(word: string): string {
  return `${indefiniteArticle(word)} ${word}`;
}

/** Region (continent) and sub-region of a country, as world-countries has them. */
export function regionOf(alpha2: string): { region: string; subregion: string; continent: string } | null {
  const c = tables().byAlpha2.get(alpha2);
  if (!c) return null;
  return { region: c.region, subregion: c.subregion, continent: continentOf(c.region, c.subregion) };
}

/** Continent in the seven-continent sense used in the reports (the Americas split in two). */
function continentOf(region: string, subregion: string): string {
  if (region === 'Americas') return subregion === 'South America' ? 'South America' : 'North America';
  if (region === 'Antarctic') return 'Antarctica';
  return region;
}

export interface ResolvedName {
  /** The sovereign state. */
  sovereign: IsoCountry;
  /** The territory, when the name is a dependent territory (French Polynesia). */
  territory: IsoCountry | null;
}

const resolvedCache = new Map<string, ResolvedName | null>();

/** Resolves a country name as written (`Ivory Coast`, `Surinam`, `French Polynesia`); memoised. */
export function resolveCountryName(written: string): ResolvedName | null {
  let r = resolvedCache.get(written);
  if (r === undefined) {
    r = resolveUncached(written);
    // A copy as the key: `written` may be a view of a whole input text, which the cache would keep.
    if (resolvedCache.size < 10_000) resolvedCache.set(copyText(written), r);
  }
  return r;
}

function resolveUncached(written: string): ResolvedName | null {
  const c = tables().byName.get(foldName(written));
  if (!c) return null;
  const sovereignCode = SOVEREIGN_OF[c.cca2];
  if (sovereignCode && sovereignCode !== c.cca2) {
    const s = tables().byAlpha2.get(sovereignCode);
    if (s) return { sovereign: iso(s), territory: iso(c) };
  }
  return { sovereign: iso(c), territory: null };
}

/** The ISO 3166-2 subdivision named by a home-nation name (`England` → GB-ENG), or null. */
export function homeNationSubdivision(name: string): string | null {
  return HOME_NATION_BY_NAME.get(foldName(name)) ?? null;
}

export type CodeStandard = 'iso' | 'ioc' | 'fifa-home-nation';

export interface CodeReading {
  /** ISO entity the code denotes under that standard (a territory for REU, PYF, ALA). */
  country: IsoCountry;
  standard: CodeStandard;
  /** For ENG/SCO/WAL/NIR: the ISO 3166-2 subdivision. */
  subdivision: string | null;
}

const readingsCache = new Map<string, readonly CodeReading[]>();

/**
 * Every reading of a three-letter flag code: as ISO alpha-3, as IOC code, as a UK home nation.
 * `BRN` has two (ISO: Brunei; IOC: Bahrain); `GER` one (IOC: Germany); `XYZ` none. Memoised (a list
 * repeats its few hundred codes over every partner line); the result is shared, not to be changed.
 */
export function readFlagCode(code: string): readonly CodeReading[] {
  let r = readingsCache.get(code);
  if (r === undefined) {
    r = readFlagCodeUncached(code);
    if (readingsCache.size < 10_000) readingsCache.set(code, r);
  }
  return r;
}

function readFlagCodeUncached(code: string): CodeReading[] {
  const out: CodeReading[] = [];
  const home = HOME_NATIONS[code];
  if (home) {
    const gb = tables().byAlpha2.get('GB');
    if (gb) out.push({ country: iso(gb), standard: 'fifa-home-nation', subdivision: home.subdivision });
  }
  const a3 = tables().byAlpha3.get(code);
  if (a3) out.push({ country: iso(a3), standard: 'iso', subdivision: null });
  const ioc = tables().byIoc.get(code);
  if (ioc && ioc !== a3) out.push({ country: iso(ioc), standard: 'ioc', subdivision: null });
  return out;
}

/** The sovereign alpha-2 an ISO entity belongs to (itself when independent). */
export function sovereignAlpha2(alpha2: string): string {
  return SOVEREIGN_OF[alpha2] ?? alpha2;
}
