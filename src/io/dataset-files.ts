/**
 * The parsed data set as files: `dataset.json` (the whole `Dataset`), and CSV tables `places.csv`,
 * `links.csv`, `countries.csv`, `diagnostics.csv` (RFC 4180, UTF-8, header row; read as-is by R's
 * read.csv, pandas.read_csv and Neo4j's LOAD CSV). Multi-valued cells are joined with `;`.
 *
 * With `geo` (the data set geocoded, see `DatasetGeo`), places.csv gets `lat`, `lon`,
 * `coordinate_source` and `region` (province / first-level division), links.csv `distance_km`, and
 * dataset.json a `geo` block after the data set's own fields; without it those cells stay empty. And
 * `table.csv`, the links as a link table that twinnet reads back (`table-writer.ts`).
 */
import { stringify } from 'csv-stringify/sync';
import { join } from 'node:path';
import { homeWords, regionOf } from '../parse/countries.js';
import type { Dataset } from '../parse/types.js';
import type { OutputFile } from './atomic-write.js';
import { jsonPieces } from './json-chunks.js';
import { neutralizeFormula } from '../util/csv-cell.js';
import { writeLinkTable } from './table-writer.js';

/** CSV text; string cells that a spreadsheet would run as a formula are neutralised unless `raw`. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[], raw = false): string {
  return stringify([header as unknown[], ...(rows as unknown[][])], {
    cast: { boolean: (b) => (b ? 'true' : 'false'), string: raw ? (t) => t : neutralizeFormula },
    record_delimiter: '\n',
  });
}

/** A place's coordinates as the geocoder gives them (structurally `geo/geocode.ts`'s `Placement`). */
export interface DatasetPlacement {
  lat: number | null;
  lon: number | null;
  source: string | null;
  match: string | null;
  geonameId: number | null;
  admin1: { code: string; name: string } | null;
}

/** The geography of a data set: placements by id, a distance (km, NaN = unknown) per link, credits. */
export interface DatasetGeo {
  homes: Record<string, DatasetPlacement>;
  partners: Record<string, DatasetPlacement>;
  distances: ArrayLike<number>;
  credit: string;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** The `geo` block of dataset.json: per place its coordinates, source, match and region; per link its distance. */
function geoBlock(ds: Dataset, geo: DatasetGeo) {
  const place = (p: DatasetPlacement | undefined) => (p ? { lat: p.lat, lon: p.lon, source: p.source, match: p.match, geonameId: p.geonameId, region: p.admin1?.name ?? null } : null);
  return {
    credit: geo.credit,
    places: Object.fromEntries([...ds.homes.map((h) => [h.id, place(geo.homes[h.id])]), ...ds.partners.map((p) => [p.id, place(geo.partners[p.id])])]),
    linkDistanceKm: Array.from(geo.distances, (d) => (Number.isNaN(d) ? null : round3(d))),
  };
}

export interface DatasetFileOptions {
  /** Write CSV cells as they are, formula-like ones included (default false: neutralised with a leading `'`). */
  rawCsv?: boolean;
}

export function datasetFiles(ds: Dataset, dir: string, geo: DatasetGeo | null = null, options: DatasetFileOptions = {}): OutputFile[] {
  const raw = options.rawCsv ?? false;
  const at = (p: DatasetPlacement | undefined) => [p?.lat ?? '', p?.lon ?? '', p?.source ?? '', p?.admin1?.name ?? ''];
  const distance = (i: number) => { const d = geo?.distances[i]; return d === undefined || Number.isNaN(d) ? '' : round3(d); };
  const homeName = new Map(ds.homes.map((c) => [c.id, c.name]));
  const partnerById = new Map(ds.partners.map((p) => [p.id, p]));
  const home = homeWords(ds.home), homeContinent = regionOf(ds.home)?.continent ?? '';
  const places = toCsv(
    ['id', 'side', 'name', 'label', 'qualifier', 'kind', 'district', 'parent_id', 'location', 'country_written',
      'country_iso2', 'territory_iso2', 'subdivision', 'continent', 'degree', 'lines', 'lat', 'lon', 'coordinate_source', 'region'],
    [
      ...ds.homes.map((c) => [c.id, 'home', c.city, c.name, c.qualifier ?? '', c.kind, c.district ?? '',
        c.parentId ?? '', home.name, home.name, home.code, c.territory ?? '', '', homeContinent, c.partnerIds.length, String(c.line), ...at(geo?.homes[c.id])]),
      ...ds.partners.map((p) => [p.id, 'partner', p.name, p.label, p.qualifier ?? '', 'partner', '', '',
        p.location.join(', '), p.countryWritten, p.country ?? '', p.territory ?? '', p.subdivision ?? '',
        (p.country && regionOf(p.country)?.continent) ?? '', p.homeIds.length, p.lines.join(';'), ...at(geo?.partners[p.id])]),
    ],
    raw,
  );
  const links = toCsv(
    ['home_id', 'home_name', 'partner_id', 'partner_label', 'partner_location', 'country_iso2', 'code', 'line', 'distance_km'],
    ds.links.map((l, i) => {
      const p = partnerById.get(l.partnerId);
      return [l.homeId, homeName.get(l.homeId) ?? '', l.partnerId, p?.label ?? '', p?.location.join(', ') ?? '',
        p?.country ?? '', l.code ?? '', l.line, distance(i)];
    }),
    raw,
  );
  const countries = toCsv(
    ['country_written', 'sovereign_iso2', 'sovereign_iso3', 'sovereign_name', 'territory_iso2', 'continent', 'subregion', 'links', 'codes'],
    ds.countries.map((c) => [c.written, c.sovereign?.alpha2 ?? '', c.sovereign?.alpha3 ?? '', c.sovereign?.name ?? '',
      c.territory?.alpha2 ?? '', c.region ?? '', c.subregion ?? '', c.links,
      Object.entries(c.codes).map(([k, v]) => `${k}:${v}`).join(';')]),
    raw,
  );
  const diagnostics = toCsv(
    ['severity', 'code', 'line', 'lines', 'message'],
    ds.diagnostics.map((d) => [d.severity, d.code, d.line ?? '', d.lines.join(';'), d.message]),
    raw,
  );
  return [
    { path: join(dir, 'dataset.json'), content: jsonPieces(geo ? { ...ds, geo: geoBlock(ds, geo) } : ds, 2) },
    { path: join(dir, 'places.csv'), content: places },
    { path: join(dir, 'links.csv'), content: links },
    { path: join(dir, 'countries.csv'), content: countries },
    { path: join(dir, 'diagnostics.csv'), content: diagnostics },
    { path: join(dir, 'table.csv'), content: writeLinkTable(ds) },
  ];
}
