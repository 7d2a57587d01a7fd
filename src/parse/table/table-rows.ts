/**
 * The rows of a link table read cell by cell into the two ends of a link: name, country, region, id,
 * position, population; and the link's start, end and flag code. A row the header's width does not
 * fit, or without one of the four required cells, is refused with an error; a cell that cannot be read
 * (coordinates, dates, populations) is left out of the row with an error or a warning, the row kept.
 *
 * @example
 *   const { rows } = readRows(table, columnsOf(table.header, []), report);
 *   rows[0].partner // { name: 'Lille', countryWritten: 'France', country: { country: 'FR', territory: null }, … }
 */
import { normalizeText } from '../normalize.js';
import type { Reporter } from '../reporter.js';
import { countryCell, decimal, entityId, latLon, population, tableDate, wktPoint } from './cells.js';
import type { CountryCell, LatLon } from './cells.js';
import type { ColumnMap, TableRole } from './columns.js';
import type { Table } from './delimited.js';

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

/** The rows read, and the lines of the rows refused (for the line accounting). */
export interface ReadRows {
  rows: LinkRow[];
  refusedLines: number;
}

/** Reads every row of `table` by the roles of `columns`; findings go to `report`. */
export function readRows(table: Table, columns: ColumnMap, report: Reporter): ReadRows {
  const reader = new RowReader(table.header, columns, report);
  const rows: LinkRow[] = [];
  let refusedLines = 0;
  for (const row of table.rows) {
    const read = reader.read(row.cells, row.line, row.lines);
    if (read) rows.push(read); else refusedLines += row.lines;
  }
  return { rows, refusedLines };
}

const NO_COLUMNS: readonly number[] = [];

/** Reads rows by role: the columns of each role looked up once, country cells resolved once per spelling. */
class RowReader {
  private readonly cols: (role: TableRole) => readonly number[];
  private readonly countries = new Map<string, CountryCell | null>();

  constructor(private readonly header: readonly string[], columns: ColumnMap, private readonly report: Reporter) {
    const byRole = new Map([...columns].map(([role, ks]) => [role, ks] as const));
    this.cols = (role) => byRole.get(role) ?? NO_COLUMNS;
  }

  /** The row's link, or null (an error reported) when it is ragged or lacks a required cell. */
  read(cells: readonly string[], line: number, lines: number): LinkRow | null {
    if (cells.length !== this.header.length) {
      this.report('error', 'ragged-row', [line], `row has ${cells.length} cell(s), the header ${this.header.length}: not read (a delimiter inside an unquoted cell?)`);
      return null;
    }
    const home = this.cell(cells, 'home'), partner = this.cell(cells, 'partner');
    const homeCountry = this.country(cells, 'home-country'), partnerCountry = this.country(cells, 'partner-country');
    if (home === '' || partner === '' || homeCountry.written === '' || partnerCountry.written === '') {
      const missing = ([['home', home], ['home-country', homeCountry.written], ['partner', partner], ['partner-country', partnerCountry.written]] as const)
        .filter(([, v]) => v === '').map(([r]) => `${r} (${this.cols(r).map((k) => `"${this.header[k] as string}"`).join(' or ')})`);
      this.report('error', 'missing-cell', [line], `row has no ${missing.join(', ')}: not read`);
      return null;
    }
    return {
      line, lines,
      home: this.end(cells, line, 'home', home, homeCountry),
      partner: this.end(cells, line, 'partner', partner, partnerCountry),
      start: this.date(cells, line, 'start'), end: this.date(cells, line, 'end'), code: this.cell(cells, 'code') || null,
    };
  }

  /** The first non-empty cell of a role's columns, normalised; '' when none. */
  private cell(cells: readonly string[], role: TableRole): string {
    for (const k of this.cols(role)) {
      const v = cells[k] as string;
      if (v !== '' && v.trim() !== '') return normalizeText(v);
    }
    return '';
  }

  /** The first cell of a country role that resolves, else the first non-empty one. */
  private country(cells: readonly string[], role: TableRole): { written: string; resolved: CountryCell | null } {
    let first = '';
    for (const k of this.cols(role)) {
      const v = normalizeText(cells[k] as string);
      if (v === '') continue;
      let resolved = this.countries.get(v);
      if (resolved === undefined) { resolved = countryCell(v); this.countries.set(v, resolved); }
      if (resolved) return { written: v, resolved };
      first ||= v;
    }
    return { written: first, resolved: null };
  }

  private end(cells: readonly string[], line: number, side: 'home' | 'partner', name: string, c: { written: string; resolved: CountryCell | null }): RowEnd {
    const id = this.cell(cells, `${side}-id`);
    const pop = this.cell(cells, `${side}-population`);
    const people = pop === '' ? null : population(pop);
    if (pop !== '' && people === null) this.report('warning', 'bad-population', [line], `${side}-population "${pop}" is not a whole number of inhabitants: left out`);
    return {
      name, countryWritten: c.written, country: c.resolved, region: this.cell(cells, `${side}-region`) || null,
      id: id === '' ? null : entityId(id), at: this.position(cells, line, side), population: people,
    };
  }

  private position(cells: readonly string[], line: number, side: 'home' | 'partner'): LatLon | null {
    const lat = this.cell(cells, `${side}-lat`), lon = this.cell(cells, `${side}-lon`);
    if (lat !== '' || lon !== '') {
      const at = latLon(lat, lon);
      if (!at) this.report('error', 'bad-coordinates', [line], `${side} coordinates "${lat}", "${lon}" are not a latitude and a longitude in degrees: left out`);
      return at;
    }
    const wkt = this.cell(cells, `${side}-coordinates`);
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
    return d;
  }
}

/** `lat, lon` or `lat lon` in one cell (two decimal numbers). */
function latLonPair(cell: string): LatLon | null {
  const parts = cell.trim().split(/\s*[,;]\s*|\s+/);
  if (parts.length !== 2) return null;
  const [a, b] = parts as [string, string];
  return decimal(a) === null ? null : latLon(a, b);
}
