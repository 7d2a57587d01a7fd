/**
 * A link table (rows already split into cells) → a `Dataset`: columns by role, rows read, the home
 * country settled, places and links assembled, countries resolved, the list's quality checks run.
 * Shared by the `table` and `sparql-json` formats.
 *
 * The data set is the list's, with what tables add: `domesticLinks` and `domesticPlaces` (pairs of two
 * home-country places, not in the bipartite graph), and on places and links the optional facts the
 * table gives (coordinates, region, population, Wikidata item, start and end). Line accounting: the
 * header counts as the `title` line, the lines of rows read as `partner`, of rows refused as
 * `unparsed`, the others as `blank`.
 */
import { UsageError, InputError } from '../../util/errors.js';
import { countryByAlpha2, homeWords, regionOf } from '../countries.js';
import { qualityDiagnostics } from '../quality.js';
import type { PartnerFacts } from '../quality.js';
import { resolveDistrictParents } from '../district-parents.js';
import { listed, sortedCopy } from '../reporter.js';
import type { Reporter } from '../reporter.js';
import { readLocationParts, resolveCountries } from '../resolve-countries.js';
import type { CountryRecord, Dataset, Diagnostic, Link, Partner, SourceInfo } from '../types.js';
import { truncate } from '../assemble-blocks.js';
import { TableAssembler } from './assemble-table.js';
import { countryCell } from './cells.js';
import { columnsOf, parseColumnsSpec, REQUIRED_ROLES, TABLE_ROLES } from './columns.js';
import type { ColumnMap } from './columns.js';
import { firstRows } from './delimited.js';
import type { Table } from './delimited.js';
import { RowReader } from './table-rows.js';
import { append } from '../../util/append.js';

export interface TableReadOptions {
  /** The home country, ISO alpha-2; default: the one country of the home column. */
  home?: string | undefined;
  /** `--columns`: `role=header,…`. */
  columns?: string | undefined;
}

/** Rows looked at to tell a column of Wikidata items from one of names. */
const SAMPLE_ROWS = 50;

/** Headers quoted in a message: the first `listed` ones, each cut at 40 characters (a 20,000-column header, or a whole file read as one, made a 229 kB line). */
function headerQuote(header: readonly string[]): string {
  return listed(header.map((h) => `"${truncate(h, 40)}"`), ', ');
}

/** Reads `table`, which came from the input described by `source`. */
export function readTable(table: Table, source: SourceInfo, options: TableReadOptions = {}): Dataset {
  const explicit = options.columns === undefined ? undefined : parseColumnsSpec(options.columns);
  const columns = columnsOf(table.header, firstRows(table, SAMPLE_ROWS).map((r) => r.cells), explicit);
  // Without a home-country column, every home place is in the country given with --home.
  const missing = REQUIRED_ROLES.filter((r) => !columns.has(r) && !(r === 'home-country' && options.home !== undefined));
  if (missing.length > 0) {
    const orHome = missing.includes('home-country') ? ', or give the home country with --home ISO' : '';
    throw new InputError(
      `no column for ${missing.join(', ')} in the header (${headerQuote(table.header)}); name them with --columns ${missing.map((r) => `${r}=HEADER`).join(',')}${orHome} (roles: ${TABLE_ROLES.join(', ')})`,
      source.path, 1);
  }

  const diagnostics: Diagnostic[] = [];
  const report: Reporter = (severity, code, lineNos, message) => {
    const sorted = sortedCopy(lineNos);
    diagnostics.push({ severity, code, line: sorted[0] ?? null, lines: sorted, message });
  };
  // The rows are read as they come, never held: once to settle the home country when none is given
  // (nothing reported), then into places and links.
  const home = options.home ?? homeOfRows(table, columns, source.path);
  const { demonym, name: homeName } = homeWords(home);
  const reader = new RowReader(table.header, columns, report, columns.has('home-country') ? null : home);
  const assembler = new TableAssembler({ home, demonym, report });
  let refused = 0, read = 0;
  const blankLines = table.eachRow((r) => {
    const row = reader.read(r.cells, r.line, r.lines);
    if (row && assembler.add(row)) read += r.lines; else refused += r.lines;
  });
  const unused = table.header.filter((_, k) => ![...columns.values()].some((cols) => cols.includes(k)));
  if (unused.length > 0) report('info', 'unused-columns', [], `columns not read (no role): ${unused.map((h) => `"${h}"`).join(', ')}`);
  const a = assembler.finish();
  if (a.domesticLinks.length > 0) {
    report('info', 'domestic-pairs', a.domesticLinks.map((l) => l.line),
      `${a.domesticLinks.length} pair(s) of two ${demonym} places (both in ${homeName}): kept in the data set (domesticLinks), left out of the bipartite graph`);
  }
  resolveDistrictParents(a.homes, report, home);
  const countries = columns.has('code')
    ? resolveCountries(a.partners, a.links, a.linkPartner, report)
    : tableCountries(a.partners, a.links, a.linkPartner, report);
  const locations: string[] = [], numbers = new Map<string, number>();
  const location = Int32Array.from(a.partners, (p) => {
    const text = p.location.join(', ');
    let k = numbers.get(text);
    if (k === undefined) { k = locations.length; numbers.set(text, k); locations.push(text); }
    return k;
  });
  const facts: PartnerFacts = {
    positionsOf(i, out) {
      const ps = a.partnerPositions[i] as number[];
      for (let k = 0; k < ps.length; k++) out[k] = ps[k] as number;
      return ps.length;
    },
    location,
    locations,
  };
  append(diagnostics, qualityDiagnostics(a.homes, a.partners, facts, demonym));
  diagnostics.sort((x, y) => (x.line ?? 0) - (y.line ?? 0) || x.code.localeCompare(y.code));

  source.lines = table.lines;
  return {
    format: 'twinnet-dataset',
    version: 1,
    home,
    source,
    title: null,
    intro: [],
    lineKinds: { title: table.lines - blankLines - refused - read, intro: 0, section: 0, 'home-header': 0, partner: read, blank: blankLines, unparsed: refused },
    homes: a.homes,
    partners: a.partners,
    links: a.links,
    countries,
    diagnostics,
    domesticLinks: a.domesticLinks,
    domesticPlaces: a.domesticPlaces,
  };
}

/**
 * The home country of a table given none: the one country (sovereign) of the home column of the rows
 * read. A `UsageError` listing the countries with their numbers of rows when there are several, or none.
 */
export function homeOfRows(table: Table, columns: ColumnMap, source: string): string {
  const reader = new RowReader(table.header, columns, () => {});
  const counts = new Map<string, number>();
  let rows = 0, ragged = 0, read = 0, firstLine = 0, firstCells = 0;
  const atEitherEnd = new Map<string, number>();
  table.eachRow((r) => {
    if (rows++ === 0) { firstLine = r.line; firstCells = r.cells.length; }
    if (r.cells.length !== table.header.length) ragged++;
    const key = reader.homeCountryKey(r.cells);
    if (key === null) return;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    read++;
    // a row written the other way round has the home country at its partner end
    const other = reader.partnerCountryCode(r.cells);
    for (const c of other === null || other === key ? [key] : [key, other]) atEitherEnd.set(c, (atEitherEnd.get(c) ?? 0) + 1);
  });
  if (rows === 0) throw new InputError('the table has a header and no rows: no links to analyse', source, 2);
  if (ragged === rows) {
    // no row has the header's cells: that, not the home country, is what is wrong (it said "give --home")
    throw new InputError(`no row has as many cells as the header (${table.header.length}; the first row ${firstCells}): a delimiter inside unquoted cells, or another delimiter than the header's?`, source, firstLine);
  }
  const resolved = [...counts.keys()].filter((k) => !k.startsWith('"'));
  if (resolved.length === 1) return resolved[0] as string;
  // several countries in the home column, one of them in every row at one end or the other (and most
  // often at the home end): the rows given the other way round (`Lyon, France – Frankfurt, Germany`)
  const everywhere = [...atEitherEnd].filter(([c, n]) => n === read && !c.startsWith('"')).map(([c]) => c);
  if (everywhere.length === 1 && resolved.length > 1) return everywhere[0] as string;
  const listed = [...counts].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
    .map(([k, n]) => `${k.startsWith('"') ? `${k} (unknown)` : `${countryByAlpha2(k)?.name ?? k} (${k})`} ${n}`);
  throw new UsageError(resolved.length === 0
    ? `${source}: the home column names no known country${listed.length > 0 ? ` (${listed.join(', ')})` : ''}; give the home country with --home ISO`
    : `${source}: the home column holds ${resolved.length} countries — ${listed.join(', ')}; choose the home country with --home ISO`);
}

/**
 * Country records of a table's partners (no flag codes to reconcile): each country as written, the
 * sovereign and territory it resolves to, its links. UK home nations and territories named in a
 * partner's region are recorded on the partner, as the list does.
 */
function tableCountries(partners: Partner[], links: readonly Link[], linkPartner: Int32Array, report: Reporter): CountryRecord[] {
  const unknown = new Map<string, number[]>();
  for (const p of partners) {
    if (p.country === null) {
      const lines = unknown.get(p.countryWritten);
      if (lines) append(lines, p.lines); else unknown.set(p.countryWritten, [...p.lines]);
    }
    readLocationParts(p);
  }
  const records = new Map<string, CountryRecord>();
  for (let i = 0; i < links.length; i++) {
    const p = partners[linkPartner[i] as number] as Partner;
    let r = records.get(p.countryWritten);
    if (!r) {
      const region = p.country ? regionOf(p.country) : null;
      r = {
        written: p.countryWritten, sovereign: p.country ? countryByAlpha2(p.country) : null,
        territory: ((t) => (t ? countryByAlpha2(t) : null))(countryCell(p.countryWritten)?.territory),
        region: region?.continent ?? null, subregion: region?.subregion ?? null, links: 0, codes: {},
      };
      records.set(p.countryWritten, r);
    }
    r.links++;
  }
  for (const [written, lines] of unknown) report('error', 'unknown-country', lines, `country "${written}" is neither an ISO 3166 country name nor an ISO or IOC code`);
  return [...records.values()].sort((x, y) => y.links - x.links || x.written.localeCompare(y.written));
}
