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
  const rows: LinkRow[] = [];
  let refusedLines = 0;
  const width = table.header.length;
  const header = (role: TableRole) => (columns.get(role) ?? []).map((k) => `"${table.header[k] as string}"`).join(' or ');
  for (const { cells, line, lines } of table.rows) {
    if (cells.length !== width) {
      report('error', 'ragged-row', [line], `row has ${cells.length} cell(s), the header ${width}: not read (a delimiter inside an unquoted cell?)`);
      refusedLines += lines;
      continue;
    }
    /** The first non-empty cell of a role's columns, normalised; '' when none. */
    const cell = (role: TableRole): string => {
      for (const k of columns.get(role) ?? []) {
        const v = cells[k] as string;
        if (v.trim() !== '') return normalizeText(v);
      }
      return '';
    };
    /** The first cell of a country role that resolves, else the first non-empty one. */
    const country = (role: TableRole): { written: string; resolved: CountryCell | null } => {
      let first = '';
      for (const k of columns.get(role) ?? []) {
        const v = normalizeText(cells[k] as string);
        if (v === '') continue;
        const resolved = countryCell(v);
        if (resolved) return { written: v, resolved };
        first ||= v;
      }
      return { written: first, resolved: null };
    };
    const missing = (['home', 'home-country', 'partner', 'partner-country'] as const).filter((r) => cell(r) === '');
    if (missing.length > 0) {
      report('error', 'missing-cell', [line], `row has no ${missing.map((r) => `${r} (${header(r)})`).join(', ')}: not read`);
      refusedLines += lines;
      continue;
    }
    const end = (side: 'home' | 'partner'): RowEnd => {
      const c = country(`${side}-country`);
      const id = cell(`${side}-id`);
      const pop = cell(`${side}-population`);
      const people = pop === '' ? null : population(pop);
      if (pop !== '' && people === null) report('warning', 'bad-population', [line], `${side}-population "${pop}" is not a whole number of inhabitants: left out`);
      return {
        name: cell(side), countryWritten: c.written, country: c.resolved, region: cell(`${side}-region`) || null,
        id: id === '' ? null : entityId(id), at: position(side), population: people,
      };
    };
    const position = (side: 'home' | 'partner'): LatLon | null => {
      const lat = cell(`${side}-lat`), lon = cell(`${side}-lon`), wkt = cell(`${side}-coordinates`);
      if (lat !== '' || lon !== '') {
        const at = latLon(lat, lon);
        if (at) return at;
        report('error', 'bad-coordinates', [line], `${side} coordinates "${lat}", "${lon}" are not a latitude and a longitude in degrees: left out`);
      } else if (wkt !== '') {
        const at = wktPoint(wkt) ?? latLonPair(wkt);
        if (at) return at;
        report('error', 'bad-coordinates', [line], `${side} coordinates "${wkt}" are not a WKT point "Point(lon lat)" on Earth: left out`);
      }
      return null;
    };
    const date = (role: 'start' | 'end'): string | null => {
      const v = cell(role);
      if (v === '') return null;
      const d = tableDate(v);
      if (d === null) report('error', 'bad-date', [line], `${role} "${v}" is not a year or a date (YYYY, YYYY-MM-DD): left out`);
      return d;
    };
    rows.push({ line, lines, home: end('home'), partner: end('partner'), start: date('start'), end: date('end'), code: cell('code') || null });
  }
  return { rows, refusedLines };
}

/** `lat, lon` or `lat lon` in one cell (two decimal numbers). */
function latLonPair(cell: string): LatLon | null {
  const parts = cell.trim().split(/\s*[,;]\s*|\s+/);
  if (parts.length !== 2) return null;
  const [a, b] = parts as [string, string];
  return decimal(a) === null ? null : latLon(a, b);
}
