/**
 * The rows of a link table read cell by cell into the two ends of a link: name, country, region, id,
 * position, population; and the link's start, end and flag code. A row the header's width does not
 * fit, or without one of the four required cells, is refused with an error; a cell that cannot be read
 * (coordinates, dates, populations) is left out of the row with an error or a warning, the row kept.
 *
 * @example
 *   const reader = new RowReader(table.header, columnsOf(table.header, []), report);
 *   reader.read(['Köln', 'Germany', 'Lille', 'France'], 2, 1)?.partner
 *   // { name: 'Lille', countryWritten: 'France', country: { country: 'FR', territory: null }, … }
 */
import { restoreFormula } from '../../util/csv-cell.js';
import { countryByAlpha2 } from '../countries.js';
import { copyText, normalizeText } from '../normalize.js';
import type { Reporter } from '../reporter.js';
import { countryCell, decimal, entityId, latLon, population, tableDate, wktPoint, yearOf } from './cells.js';
import type { CountryCell, LatLon } from './cells.js';
import { TABLE_ROLES } from './columns.js';
import type { ColumnMap, TableRole } from './columns.js';

/** One end of a link as a row gives it. */
export interface RowEnd {
  name: string;
  countryWritten: string;
  country: CountryCell | null;
  region: string | null;
  id: { wikidata: string } | { externalId: string } | null;
  at: LatLon | null;
  population: number | null;
}

export interface LinkRow {
  /** Line the row starts on, and how many lines it spans. */
  line: number;
  lines: number;
  home: RowEnd;
  partner: RowEnd;
  start: string | null;
  end: string | null;
  code: string | null;
}

const NO_COLUMNS: readonly number[] = [];

/**
 * The country cell with the territory a region cell names (`France` with region `La Réunion` →
 * FR, territory RE): Saint-Denis, La Réunion is no town of mainland France.
 */
function withTerritory(country: CountryCell | null, region: string | null): CountryCell | null {
  if (country === null || country.territory !== null || region === null) return country;
  const named = countryCell(region);
  return named !== null && named.territory !== null && named.country === country.country ? named : country;
}

/** Each side's roles, spelt once (not built per row). */
const SIDE_ROLES = {
  home: { id: 'home-id', population: 'home-population', region: 'home-region', lat: 'home-lat', lon: 'home-lon', coordinates: 'home-coordinates' },
  partner: { id: 'partner-id', population: 'partner-population', region: 'partner-region', lat: 'partner-lat', lon: 'partner-lon', coordinates: 'partner-coordinates' },
} as const satisfies Record<'home' | 'partner', Record<string, TableRole>>;

/** A country cell as written (normalised) and what it resolves to. */
interface CountryText { readonly written: string; readonly resolved: CountryCell | null }
const NO_COUNTRY: CountryText = { written: '', resolved: null };

/** Reads rows by role: the columns of each role looked up once, country cells resolved once per spelling. */
export class RowReader {
  private readonly byRole: Record<TableRole, readonly number[]>;
  private readonly countries = new Map<string, CountryText>();
  /** One copy of each code and date read (they repeat from row to row, and go into every link). */
  private readonly texts = new Map<string, string>();

  /** The home country of every row, when the table has no column for it (`--home`). */
  private readonly homeCountry: CountryText | null;

  /** `home`: the home country (ISO alpha-2) of every row, for a table without a home-country column. */
  constructor(private readonly header: readonly string[], columns: ColumnMap, private readonly report: Reporter, home: string | null = null) {
    this.byRole = Object.fromEntries(TABLE_ROLES.map((role) => [role, columns.get(role) ?? NO_COLUMNS])) as Record<TableRole, readonly number[]>;
    this.homeCountry = home === null ? null : { written: countryByAlpha2(home)?.name ?? home, resolved: countryCell(home) };
  }

  private cols(role: TableRole): readonly number[] {
    return this.byRole[role];
  }

  /** The row's link, or null (an error reported) when it is ragged or lacks a required cell. */
  read(cells: readonly string[], line: number, lines: number): LinkRow | null {
    const required = this.required(cells, line);
    if (!required) return null;
    const { home, partner, homeCountry, partnerCountry } = required;
    const start = this.date(cells, line, 'start');
    let end = this.date(cells, line, 'end');
    // An end before the start (years or dates alike: ISO text sorts as time does, on its common prefix).
    if (start !== null && end !== null && end.slice(0, start.length) < start.slice(0, end.length)) {
      this.report('error', 'bad-date', [line], `end ${end} is before start ${start}: the end left out`);
      end = null;
    }
    return {
      line, lines,
      home: this.end(cells, line, 'home', home, homeCountry),
      partner: this.end(cells, line, 'partner', partner, partnerCountry),
      start, end, code: this.shared(this.cell(cells, 'code')) || null,
    };
  }

  /**
   * The home end's country as `homeOfRows` counts it — its code, or the text as written in quotes when
   * it resolves to none — or null when the row is not read (the same rows as `read`; nothing reported).
   */
  homeCountryKey(cells: readonly string[]): string | null {
    const required = this.required(cells, null);
    return required && (required.homeCountry.resolved?.country ?? `"${required.homeCountry.written}"`);
  }

  /** The partner end's country code, or null when the row is not read or it names none known. */
  partnerCountryCode(cells: readonly string[]): string | null {
    return this.required(cells, null)?.partnerCountry.resolved?.country ?? null;
  }

  /** The four cells a row must have, or null (reported when `line` is given) when it is ragged or lacks one. */
  private required(cells: readonly string[], line: number | null): { home: string; partner: string; homeCountry: CountryText; partnerCountry: CountryText } | null {
    if (cells.length !== this.header.length) {
      if (line !== null) this.report('error', 'ragged-row', [line], `row has ${cells.length} cell(s), the header ${this.header.length}: not read (a delimiter inside an unquoted cell?)`);
      return null;
    }
    const home = this.cell(cells, 'home'), partner = this.cell(cells, 'partner');
    const homeCountry = this.homeCountry ?? this.country(cells, 'home-country'), partnerCountry = this.country(cells, 'partner-country');
    if (home === '' || partner === '' || homeCountry.written === '' || partnerCountry.written === '') {
      if (line === null) return null;
      const missing = ([['home', home], ['home-country', homeCountry.written], ['partner', partner], ['partner-country', partnerCountry.written]] as const)
        .filter(([, v]) => v === '').map(([r]) => `${r} (${this.cols(r).map((k) => `"${this.header[k] as string}"`).join(' or ')})`);
      this.report('error', 'missing-cell', [line], `row has no ${missing.join(', ')}: not read`);
      return null;
    }
    return { home, partner, homeCountry, partnerCountry };
  }

  /** `s`, as the one copy kept of its text. */
  private shared(s: string): string {
    if (s === '') return s;
    let t = this.texts.get(s);
    if (t === undefined) { t = copyText(s); this.texts.set(t, t); }
    return t;
  }

  /** The first non-empty cell of a role's columns, normalised, a formula cell's neutralising quote dropped (`restoreFormula`); '' when none. */
  private cell(cells: readonly string[], role: TableRole): string {
    for (const k of this.cols(role)) {
      const v = cells[k] as string;
      if (v !== '' && v.trim() !== '') return restoreFormula(normalizeText(v));
    }
    return '';
  }

  /** The first cell of a country role that resolves, else the first non-empty one. */
  private country(cells: readonly string[], role: TableRole): CountryText {
    let first: CountryText | null = null;
    for (const k of this.cols(role)) {
      const v = normalizeText(cells[k] as string);
      if (v === '') continue;
      let c = this.countries.get(v);
      if (c === undefined) { c = { written: copyText(v), resolved: countryCell(v) }; this.countries.set(v, c); }
      if (c.resolved) return c;
      first ??= c;
    }
    return first ?? NO_COUNTRY;
  }

  private end(cells: readonly string[], line: number, side: 'home' | 'partner', name: string, c: CountryText): RowEnd {
    const roles = SIDE_ROLES[side];
    const id = this.cell(cells, roles.id);
    const pop = this.cell(cells, roles.population);
    const people = pop === '' ? null : population(pop);
    if (pop !== '' && people === null) this.report('warning', 'bad-population', [line], `${side}-population "${pop}" is not a whole number of inhabitants: left out`);
    const region = this.cell(cells, roles.region) || null;
    return {
      name, countryWritten: c.written, country: withTerritory(c.resolved, region), region,
      id: id === '' ? null : entityId(id), at: this.position(cells, line, side), population: people,
    };
  }

  private position(cells: readonly string[], line: number, side: 'home' | 'partner'): LatLon | null {
    const roles = SIDE_ROLES[side];
    const lat = this.cell(cells, roles.lat), lon = this.cell(cells, roles.lon);
    if (lat !== '' || lon !== '') {
      const at = latLon(lat, lon);
      if (!at) this.report('error', 'bad-coordinates', [line], `${side} coordinates "${lat}", "${lon}" are not a latitude and a longitude in degrees: left out`);
      return at;
    }
    const wkt = this.cell(cells, roles.coordinates);
    if (wkt === '') return null;
    const at = wktPoint(wkt) ?? latLonPair(wkt);
    if (!at) this.report('error', 'bad-coordinates', [line], `${side} coordinates "${wkt}" are not a WKT point "Point(lon lat)" on Earth: left out`);
    return at;
  }

  private date(cells: readonly string[], line: number, role: 'start' | 'end'): string | null {
    const v = this.cell(cells, role);
    if (v === '') return null;
    const d = tableDate(v);
    if (d === null) this.report('error', 'bad-date', [line], `${role} "${v}" is not a year or a date (YYYY, YYYY-MM-DD): left out`);
    else if (yearOf(d) < FIRST_YEAR || yearOf(d) > LAST_YEAR) {
      this.report('error', 'bad-date', [line], `${role} ${d} is not a year a twinning can have (${FIRST_YEAR}–${LAST_YEAR}): left out`);
      return null;
    }
    return d === null ? null : this.shared(d);
  }
}

/**
 * Years a twinning's date may have: from the first known (Paderborn and Le Mans, 836) to the end of
 * this century (a year 0000 is a placeholder, 9999 an open end written as a date).
 */
const FIRST_YEAR = 800, LAST_YEAR = 2100;

/** `lat, lon` or `lat lon` in one cell (two decimal numbers). */
function latLonPair(cell: string): LatLon | null {
  const parts = cell.trim().split(/\s*[,;]\s*|\s+/);
  if (parts.length !== 2) return null;
  const [a, b] = parts as [string, string];
  return decimal(a) === null ? null : latLon(a, b);
}
