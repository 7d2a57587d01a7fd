/**
 * The parsed data set as files: `dataset.json` (the whole `Dataset`), and CSV tables `places.csv`,
 * `links.csv`, `countries.csv`, `diagnostics.csv` (RFC 4180, UTF-8, header row; read as-is by R's
 * read.csv, pandas.read_csv and Neo4j's LOAD CSV). Multi-valued cells are joined with `;`. And
 * `table.csv`, the links as a link table that twinnet reads back (`table-writer.ts`).
 */
import { stringify } from 'csv-stringify/sync';
import { join } from 'node:path';
import { homeWords, regionOf } from '../parse/countries.js';
import type { Dataset } from '../parse/types.js';
import type { OutputFile } from './atomic-write.js';
import { jsonPieces } from './json-chunks.js';
import { writeLinkTable } from './table-writer.js';

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return stringify([header as unknown[], ...(rows as unknown[][])], {
    cast: { boolean: (b) => (b ? 'true' : 'false') },
    record_delimiter: '\n',
  });
}

export function datasetFiles(ds: Dataset, dir: string): OutputFile[] {
  const homeName = new Map(ds.homes.map((c) => [c.id, c.name]));
  const partnerById = new Map(ds.partners.map((p) => [p.id, p]));
  const home = homeWords(ds.home), homeContinent = regionOf(ds.home)?.continent ?? '';
  const places = toCsv(
    ['id', 'side', 'name', 'label', 'qualifier', 'kind', 'district', 'parent_id', 'location', 'country_written',
      'country_iso2', 'territory_iso2', 'subdivision', 'continent', 'degree', 'lines'],
    [
      ...ds.homes.map((c) => [c.id, 'home', c.city, c.name, c.qualifier ?? '', c.kind, c.district ?? '',
        c.parentId ?? '', home.name, home.name, home.code, '', '', homeContinent, c.partnerIds.length, String(c.line)]),
      ...ds.partners.map((p) => [p.id, 'partner', p.name, p.label, p.qualifier ?? '', 'partner', '', '',
        p.location.join(', '), p.countryWritten, p.country ?? '', p.territory ?? '', p.subdivision ?? '',
        (p.country && regionOf(p.country)?.continent) ?? '', p.homeIds.length, p.lines.join(';')]),
    ],
  );
  const links = toCsv(
    ['home_id', 'home_name', 'partner_id', 'partner_label', 'partner_location', 'country_iso2', 'code', 'line'],
    ds.links.map((l) => {
      const p = partnerById.get(l.partnerId);
      return [l.homeId, homeName.get(l.homeId) ?? '', l.partnerId, p?.label ?? '', p?.location.join(', ') ?? '',
        p?.country ?? '', l.code ?? '', l.line];
    }),
  );
  const countries = toCsv(
    ['country_written', 'sovereign_iso2', 'sovereign_iso3', 'sovereign_name', 'territory_iso2', 'continent', 'subregion', 'links', 'codes'],
    ds.countries.map((c) => [c.written, c.sovereign?.alpha2 ?? '', c.sovereign?.alpha3 ?? '', c.sovereign?.name ?? '',
      c.territory?.alpha2 ?? '', c.region ?? '', c.subregion ?? '', c.links,
      Object.entries(c.codes).map(([k, v]) => `${k}:${v}`).join(';')]),
  );
  const diagnostics = toCsv(
    ['severity', 'code', 'line', 'lines', 'message'],
    ds.diagnostics.map((d) => [d.severity, d.code, d.line ?? '', d.lines.join(';'), d.message]),
  );
  return [
    { path: join(dir, 'dataset.json'), content: jsonPieces(ds, 2) },
    { path: join(dir, 'places.csv'), content: places },
    { path: join(dir, 'links.csv'), content: links },
    { path: join(dir, 'countries.csv'), content: countries },
    { path: join(dir, 'diagnostics.csv'), content: diagnostics },
    { path: join(dir, 'table.csv'), content: writeLinkTable(ds) },
  ];
}
