/**
 * The network over time, for inputs whose links carry a start (tables, Wikidata exports): links signed
 * per decade, overall and per continent of the partner, with the running total; and the domestic
 * pairs a table holds (two places of the home country), counted and listed.
 *
 * A decade is the year's floor to ten (1987 → 1980s); dates count by their year. Decades from the
 * first to the last dated one are all listed, empty ones with 0.
 *
 * @example
 *   // links started 1958, 1964, 1967 (Europe, Europe, North America), one undated
 *   growthOf(ds)?.decades // [{ decade: 1950, links: 1, cumulative: 1, byContinent: { Europe: 1 } },
 *                         //  { decade: 1960, links: 2, cumulative: 3, byContinent: { Europe: 1, 'North America': 1 } }]
 */
import { regionOf } from '../parse/countries.js';
import type { Dataset, HomeEntry } from '../parse/types.js';
import { byLocale } from '../util/collate.js';

export interface Growth {
  /** Links with a start, without one, and with an end. */
  dated: number;
  undated: number;
  ended: number;
  /** Continents of the dated links, most links first. */
  continents: string[];
  decades: { decade: number; links: number; cumulative: number; byContinent: Record<string, number> }[];
}

/** The growth of the bipartite links over time; null when no link has a start. */
export function growthOf(ds: Dataset): Growth | null {
  if (!ds.links.some((l) => l.start !== undefined)) return null;
  const continentOf = new Map<string, string>();
  for (const p of ds.partners) continentOf.set(p.id, (p.country && regionOf(p.country)?.continent) || 'Unknown');
  const perDecade = new Map<number, Map<string, number>>();
  const perContinent = new Map<string, number>();
  let dated = 0, ended = 0;
  for (const l of ds.links) {
    if (l.end !== undefined) ended++;
    if (l.start === undefined) continue;
    dated++;
    const decade = Math.floor(Number(l.start.slice(0, 4)) / 10) * 10;
    const continent = continentOf.get(l.partnerId) ?? 'Unknown';
    const m = perDecade.get(decade) ?? new Map<string, number>();
    m.set(continent, (m.get(continent) ?? 0) + 1);
    perDecade.set(decade, m);
    perContinent.set(continent, (perContinent.get(continent) ?? 0) + 1);
  }
  if (dated === 0) return null;
  const continents = [...perContinent].sort((a, b) => b[1] - a[1] || byLocale(a[0], b[0])).map(([c]) => c);
  const first = Math.min(...perDecade.keys()), last = Math.max(...perDecade.keys());
  const decades: Growth['decades'] = [];
  let cumulative = 0;
  for (let decade = first; decade <= last; decade += 10) {
    const m = perDecade.get(decade) ?? new Map<string, number>();
    const byContinent = Object.fromEntries(continents.filter((c) => m.has(c)).map((c) => [c, m.get(c) as number]));
    const links = [...m.values()].reduce((s, n) => s + n, 0);
    cumulative += links;
    decades.push({ decade, links, cumulative, byContinent });
  }
  return { dated, undated: ds.links.length - dated, ended, continents, decades };
}

/** Pairs of two home-country places listed in the report (all are in the JSON up to this many). */
export const DOMESTIC_LISTED = 1000;

export interface DomesticSummary {
  pairs: number;
  /** Home-country places in such pairs, and how many of them have no foreign partner. */
  places: number;
  onlyDomestic: number;
  list: { home: string; other: string; start: string | null; end: string | null; line: number }[];
}

/** The domestic pairs of a table's data set; null for an input that has none by nature (the Wikipedia list). */
export function domesticOf(ds: Dataset): DomesticSummary | null {
  if (ds.domesticLinks === undefined) return null;
  const name = new Map<string, string>([...ds.homes, ...(ds.domesticPlaces ?? [])].map((h: HomeEntry) => [h.id, h.name]));
  const places = new Set<string>();
  for (const l of ds.domesticLinks) { places.add(l.homeId); places.add(l.otherId); }
  return {
    pairs: ds.domesticLinks.length,
    places: places.size,
    onlyDomestic: ds.domesticPlaces?.length ?? 0,
    list: ds.domesticLinks.slice(0, DOMESTIC_LISTED).map((l) => ({
      home: name.get(l.homeId) ?? l.homeId, other: name.get(l.otherId) ?? l.otherId, start: l.start ?? null, end: l.end ?? null, line: l.line,
    })),
  };
}
