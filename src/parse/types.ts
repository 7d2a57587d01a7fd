/**
 * The data set that parsing produces: every home entry, every foreign partner, every link with the
 * line it came from, the countries as written and as resolved, per-line accounting and diagnostics.
 *
 * Identity rules (see README, "Data model"):
 * - a home entry is its header as written (`Suzhou, Anhui`, `Hangzhou – Fuyang`);
 * - a foreign partner is its normalised label (Unicode NFC, trimmed, whitespace collapsed; the
 *   parenthesised qualifier is part of the label) plus its location tail (`England, United Kingdom`).
 */

/** What each input line was read as. Every line has exactly one kind. */
export type LineKind =
  | 'title'
  | 'intro'
  | 'section'
  | 'home-header'
  | 'partner'
  | 'blank'
  | 'unparsed';

export const LINE_KINDS: readonly LineKind[] = [
  'title',
  'intro',
  'section',
  'home-header',
  'partner',
  'blank',
  'unparsed',
];

export type Severity = 'error' | 'warning' | 'info';

/** Kinds of diagnostic. Documented one by one in the README. */
export type DiagnosticCode =
  | 'unparsed-line'
  | 'partner-outside-block'
  | 'missing-code'
  | 'unknown-code'
  | 'code-country-mismatch'
  | 'code-is-territory'
  | 'code-ambiguous'
  | 'non-iso-code'
  | 'mixed-codes'
  | 'unknown-country'
  | 'territory'
  | 'duplicate-link'
  | 'duplicate-header'
  | 'home-homonym'
  | 'blank-in-list'
  | 'empty-block'
  | 'district-parent-missing'
  | 'district-parent-ambiguous'
  | 'section-mismatch'
  | 'identical-partner-lists'
  | 'homonym'
  | 'near-duplicate-partner'
  | 'partner-location-variant'
  | 'near-duplicate-home'
  | 'home-differs-from-title'
  | 'us-name-without-state'
  | 'home-assumed'
  | 'footnote-marks'
  | 'missing-cell'
  | 'ragged-row'
  | 'bad-coordinates'
  | 'bad-date'
  | 'bad-population'
  | 'self-pair'
  | 'no-home-end'
  | 'duplicate-row'
  | 'reverse-pair'
  | 'conflicting-dates'
  | 'domestic-pairs'
  | 'home-country-partner'
  | 'homonym-split'
  | 'unused-columns'
  | 'unlabelled-item'
  | 'name-without-region'
  | 'conflicting-coordinates';

export interface Diagnostic {
  severity: Severity;
  code: DiagnosticCode;
  /** 1-based line of the input the finding is about (the first, where several). */
  line: number | null;
  /** Every line involved, ascending. */
  lines: number[];
  message: string;
}

/** An ISO 3166-1 entry. */
export interface IsoCountry {
  alpha2: string;
  alpha3: string;
  name: string;
}

/** A country name as it is written at the end of partner lines, and what it resolves to. */
export interface CountryRecord {
  /** As written, e.g. `United States`, `French Polynesia`, `Surinam`. */
  written: string;
  /** The sovereign state (ISO 3166-1), or null when unresolved. */
  sovereign: IsoCountry | null;
  /** The dependent territory when the written name is one (French Polynesia → PF within FR). */
  territory: IsoCountry | null;
  /** Continent / region and sub-region of the sovereign (from world-countries). */
  region: string | null;
  subregion: string | null;
  /** Number of links whose partner is written with this country. */
  links: number;
  /** Flag codes seen with this country name, with how many lines each. */
  codes: Record<string, number>;
}

export interface HomeEntry extends PlaceFacts {
  /** Stable id, the home country's lower-case code + `:` + slug of the header (`cn:suzhou-jiangsu`, `de:cologne`). */
  id: string;
  /** The header as written (NFC, trimmed). */
  name: string;
  /** The city name without disambiguator or district (`Suzhou` for `Suzhou, Jiangsu – Gusu`). */
  city: string;
  /** The disambiguator after a comma (`Jiangsu` in `Suzhou, Jiangsu`), or null. */
  qualifier: string | null;
  kind: 'city' | 'district';
  /** District name for a `City – District` entry, else null. */
  district: string | null;
  /** For a district, the id of the city entry it belongs to (null when not in the list). */
  parentId: string | null;
  /** The `==X==` section it stands in. */
  section: string | null;
  line: number;
  /** Ids of its foreign partners, in input order, without duplicates. */
  partnerIds: string[];
  /**
   * Tables only: the dependent territory of the home country the row's country cell names (`Réunion`
   * in a French table → `RE`), ISO alpha-2; absent otherwise.
   */
  territory?: string;
}

/**
 * Facts about a place that tables and Wikidata exports carry and the Wikipedia list does not. Each is
 * absent from the object (not null) when the input does not give it, so a data set without them is
 * written exactly as before.
 */
export interface PlaceFacts {
  /** WGS 84 latitude and longitude, degrees. */
  lat?: number;
  lon?: number;
  /** A region, state or province as written (`Bavaria`). */
  region?: string;
  /** Inhabitants, as the input gives them (Wikidata P1082). */
  population?: number;
  /** The Wikidata item (`Q64`), when the input's id is one. */
  wikidata?: string;
  /** Any other id the input gives for the place, as written. */
  externalId?: string;
}

export interface Partner extends PlaceFacts {
  /** Stable id, `p:` + slug of label and location (`p:perth-scotland-united-kingdom`). */
  id: string;
  /** Name with its qualifier, as written (NFC): `Dongdaemun (Seoul)`. */
  label: string;
  /** Name without the parenthesised qualifier: `Dongdaemun`. */
  name: string;
  /** The parenthesised qualifier without brackets (`Seoul`, `district`), or null. */
  qualifier: string | null;
  /**
   * The parts after the name, as written: `['England', 'United Kingdom']`. Partners of one location
   * may share this array: never mutate it (assign a new one).
   */
  location: string[];
  /** The last part of the location: the country as written. */
  countryWritten: string;
  /** ISO alpha-2 of the sovereign state, or null when unresolved. */
  country: string | null;
  /** ISO alpha-2 of the territory (RE, PF, AX) when the partner lies in one, else null. */
  territory: string | null;
  /** ISO 3166-2 subdivision when the location or the code names one (GB-ENG, GB-SCT, GB-WLS, GB-NIR). */
  subdivision: string | null;
  /**
   * Ids of its home partners, in input order. Partners with one home partner may share this array
   * (`[id]`): never mutate it (assign a new one).
   */
  homeIds: string[];
  /** Lines on which it appears. */
  lines: number[];
}

export interface Link {
  homeId: string;
  partnerId: string;
  /** Line of the partner line. */
  line: number;
  /** Flag code as written (`GER`, `DNK`, `ENG`), or null when the line has none. */
  code: string | null;
  /** When the twinning began and ended, where the input says: a year (`1987`) or a date (`1987-05-12`). Absent otherwise. */
  start?: string;
  end?: string;
}

/**
 * A twinning of two places of the home country (tables only: German–German pairs in a German table).
 * Kept in the data set, counted and listed in the report, left out of the bipartite graph.
 */
export interface DomesticLink {
  /** The place of the row's home column, and the other; ids in `homes` or `domesticPlaces`. */
  homeId: string;
  otherId: string;
  /** Line of the first row that gives the pair. */
  line: number;
  start?: string;
  end?: string;
}

export interface SourceInfo {
  /** File path as given, or `<text>` when parsed from a string. */
  path: string;
  sha256: string;
  bytes: number;
  lines: number;
  lineEnding: 'LF' | 'CRLF' | 'CR' | 'mixed' | 'none';
  bom: boolean;
}

export interface Dataset {
  format: 'twinnet-dataset';
  version: 1;
  source: SourceInfo;
  title: string | null;
  intro: string[];
  /** Number of lines of each kind; they sum to `source.lines`. */
  lineKinds: Record<LineKind, number>;
  /** The home country: ISO 3166-1 alpha-2 of the country the list is about (`CN` for the China list). */
  home: string;
  /** The home side: the places of the home country, as listed. */
  homes: HomeEntry[];
  partners: Partner[];
  links: Link[];
  countries: CountryRecord[];
  diagnostics: Diagnostic[];
  /**
   * Tables only (absent for the Wikipedia list): pairs of two home-country places, and the
   * home-country places that are in such pairs only (not in `homes`, which holds the bipartite graph's side).
   */
  domesticLinks?: DomesticLink[];
  domesticPlaces?: HomeEntry[];
}
