/**
 * A data set as a link table: one row per link (domestic pairs too), one column per role, named as
 * the role (`home`, `home-country`, `partner`, `partner-region`, `partner-country`, `code`, and the
 * optional ones the data set has: ids, coordinates, regions, populations, start, end). RFC 4180,
 * UTF-8, LF; rows in the order of the input lines. `readList` reads it back as the `table` format into the same homes, partners and links
 * (`tests/io/table-writer.test.ts` does it on the seed).
 *
 * @example
 *   writeLinkTable(readList(seedText)).split('\n')[0] // 'home,home-country,partner,partner-region,partner-country,code'
 */
import { homeWords } from '../parse/countries.js';
import type { Dataset, HomeEntry, Partner, PlaceFacts } from '../parse/types.js';
import { toCsv } from './dataset-files.js';

type Cell = string | number;

/** Optional columns: the role, and its cell for a row's home place, partner (a foreign place or a home place) and link. */
const OPTIONAL: readonly { role: string; cell: (home: HomeEntry, partner: PlaceFacts, link: { start?: string; end?: string }) => Cell | undefined }[] = [
  { role: 'home-id', cell: (h) => h.wikidata ?? h.externalId },
  { role: 'home-region', cell: (h) => h.region },
  { role: 'home-lat', cell: (h) => h.lat },
  { role: 'home-lon', cell: (h) => h.lon },
  { role: 'home-population', cell: (h) => h.population },
  { role: 'partner-id', cell: (_, p) => p.wikidata ?? p.externalId },
  { role: 'partner-lat', cell: (_, p) => p.lat },
  { role: 'partner-lon', cell: (_, p) => p.lon },
  { role: 'partner-population', cell: (_, p) => p.population },
  { role: 'start', cell: (_, __, l) => l.start },
  { role: 'end', cell: (_, __, l) => l.end },
];

/** The link table of `ds`; an `Error` when a link names a place the data set does not hold. */
export function writeLinkTable(ds: Dataset): string {
  const country = homeWords(ds.home).name;
  const homes = new Map<string, HomeEntry>([...ds.homes, ...(ds.domesticPlaces ?? [])].map((h) => [h.id, h]));
  const partners = new Map<string, Partner>(ds.partners.map((p) => [p.id, p]));
  const place = <T>(map: Map<string, T>, id: string): T => {
    const found = map.get(id);
    if (found === undefined) throw new Error(`io/table-writer: link to ${id}, which the data set does not hold`);
    return found;
  };
  type Row = { home: HomeEntry; partner: PlaceFacts; link: { line: number; start?: string; end?: string }; cells: Cell[] };
  const rows: Row[] = [];
  for (const l of ds.links) {
    const home = place(homes, l.homeId), p = place(partners, l.partnerId);
    rows.push({ home, partner: p, link: l, cells: [home.name, country, p.label, p.location.slice(0, -1).join(', '), p.countryWritten, l.code ?? ''] });
  }
  for (const l of ds.domesticLinks ?? []) {
    const home = place(homes, l.homeId), other = place(homes, l.otherId);
    rows.push({ home, partner: other, link: l, cells: [home.name, country, other.name, other.region ?? '', country, ''] });
  }
  // in the order of the input (places are numbered in the order they first appear)
  if (ds.domesticLinks && ds.domesticLinks.length > 0) rows.sort((a, b) => a.link.line - b.link.line);
  const optional = OPTIONAL.filter((c) => rows.some((r) => c.cell(r.home, r.partner, r.link) !== undefined));
  return toCsv(
    ['home', 'home-country', 'partner', 'partner-region', 'partner-country', 'code', ...optional.map((c) => c.role)],
    rows.map((r) => [...r.cells, ...optional.map((c) => c.cell(r.home, r.partner, r.link) ?? '')]),
  );
}
