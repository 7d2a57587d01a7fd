/**
 * The report as one JSON document: every number the Markdown report shows, and more (full per-node
 * metrics, every significant pair). Described by `reports/schema/report.schema.json`.
 * Deterministic: no clock, no randomness but the seeded kind; numbers are rounded to 12 significant
 * digits so the bytes do not depend on the last ulp of floating-point summation order.
 */
import { existsSync, readFileSync } from 'node:fs';
import { quickselect } from 'd3-array';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Analysis } from '../analysis/analyze.js';
import { valueAt } from '../analysis/measures/measure.js';
import { RANKED_MEASURES } from '../analysis/measures/registry.js';
import { identicalPairs, jaccardWeights, METRICS, nodeAttributesAt, nodeRowAt, nodeRows, pairRecord, rankPairs } from '../analysis/results.js';
import type { NodeRow, PairRecord } from '../analysis/results.js';
import type { Side } from '../graph/build-bipartite.js';
import { linkPartnerPositions } from '../graph/bipartite-index.js';
import { homeWords, regionOf } from '../parse/countries.js';
import type { Diagnostic } from '../parse/types.js';
import { packageVersion } from '../util/paths.js';
import { domesticOf, growthOf } from './growth.js';
import { byLocale, byName } from '../util/collate.js';
import { firstKByValue } from '../util/first-k.js';
import { toPrecisionNumber } from '../util/to-precision.js';
import { edgeList } from './edge-list.js';
import type { WhereData } from './where-data.js';

/**
 * A dependency's version, from `node_modules/<name>/package.json` in the nearest folder above this
 * module that has one: where Node's resolution would find the package, without resolving its entry
 * point (`require.resolve` walks every package's exports map: ~1 ms a library, cold).
 */
const version = (name: string): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(file)) {
      try {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
        return pkg.name === name && pkg.version ? pkg.version : 'unknown';
      } catch {
        return 'unknown';
      }
    }
    const up = dirname(dir);
    if (up === dir) return 'unknown';
    dir = up;
  }
};

export const LIBRARIES = ['graphology', 'graphology-metrics', 'graphology-communities-louvain', 'graphology-layout-forceatlas2', 'world-countries'];

export interface ReportMeta {
  /** Report name (file stem). */
  name: string;
  inputLabel: string;
  snapshotDate: string | null;
  sourceUrl: string | null;
}

export const TOP = 10;
/** Longest list of pairs in the report; longer ones are cut and the cut is noted. */
export const LIST_CAP = 1000;
/** Above this many nodes, the per-node table keeps home nodes and partners with 2+ links. */
export const NODE_TABLE_LIMIT = 200_000;


/** `x` to 12 significant digits (as `Number(x.toPrecision(12))`). */
export function round(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  if (Number.isSafeInteger(x) && Math.abs(x) < 1e12) return x; // 12 significant digits hold it exactly
  return toPrecisionNumber(x, 12);
}

/**
 * Deep-rounds every number in a plain value (for byte-stable JSON), copying only what changes: an
 * array or object in which no number changes is returned as it is, so the result shares those parts
 * with `v` (treat both as read-only). Most of a report is strings and integers (member lists,
 * diagnostics, counts): copying them all was most of the cost.
 */
export function roundDeep<T>(v: T): T {
  if (typeof v === 'number') return round(v) as T;
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      const r = typeof x === 'number' ? round(x) : x !== null && typeof x === 'object' ? roundDeep(x) : x;
      if (out) out[i] = r;
      else if (!Object.is(r, x)) { out = v.slice() as unknown[]; out[i] = r; }
    }
    return (out ?? v) as T;
  }
  const o = v as Record<string, unknown>;
  let out: Record<string, unknown> | null = null;
  for (const k of Object.keys(o)) {
    const x = o[k];
    const r = typeof x === 'number' ? round(x) : x !== null && typeof x === 'object' ? roundDeep(x) : x;
    if (!Object.is(r, x)) (out ??= { ...o })[k] = r;
  }
  return (out ?? v) as T;
}

/**
 * Node row r with its numbers rounded (`round`): `roundDeep` for a flat record, without the walk. A
 * spread copy, then fields overwritten: an object literal naming each field would store measures as
 * unboxed doubles, which `JSON.stringify` reads back ~2× slower.
 */
function roundRow(r: NodeRow): NodeRow {
  const out = { ...r } as Record<string, unknown>;
  for (const k in out) {
    const x = out[k];
    if (typeof x === 'number') out[k] = round(x);
  }
  return out as unknown as NodeRow;
}

export interface CommunitySummary {
  id: number;
  size: number;
  members: string[];
  /** The members' node keys, in the same order. */
  memberIds: string[];
  homeMembers: number;
  partnerMembers: number;
  /** Most frequent partner countries: of the member partners, or (home places only) of the members' partners. */
  dominantCountries: { country: string; name: string; count: number; share: number }[];
}

/**
 * `given`: what the caller has computed already (a report's run computes each once for all its
 * outputs): `nodeRows(a)`, each side's `jaccardWeights`; the "Where" section (`buildWhereData`), when
 * the run placed the network on the map.
 */
export function buildReportData(
  a: Analysis, meta: ReportMeta, limits: { nodeTable: number } = { nodeTable: NODE_TABLE_LIMIT },
  given: { rows?: readonly NodeRow[]; jaccard?: Readonly<Partial<Record<Side, Float64Array>>>; geography?: WhereData } = {},
) {
  const ds = a.dataset;
  // Nodes by position v: home side 0…n−1, then partners. Rows are made for every node only when the
  // node table lists them all; above that, only for the nodes the report shows.
  const N = a.unified.keys.length, nHome = a.unified.n;
  // Rows are rounded here, once, and kept out of the final `roundDeep`: they are most of the report.
  const all = N <= limits.nodeTable ? (given.rows ?? nodeRows(a)).map(roundRow) : null;
  const rowAt = (v: number): NodeRow => (all ? (all[v] as NodeRow) : roundRow(nodeRowAt(a, v)));
  const notes = [...a.notes];
  const home: NodeRow[] = [];
  for (let v = 0; v < nHome; v++) home.push(rowAt(v));
  const totalLinks = ds.links.length;

  // Countries and continents (sovereign states; territories under their sovereign).
  // Per partner country: links, different partners, different home entries. Partners are counted on
  // their node position, home entries by a number per id; countries in order of first link. (A Map of
  // every partner's key and a set of id strings per country took ~2 s at 1.4 million links.)
  const partnerOf = linkPartnerPositions(ds, a.nodes.partner.keys);
  const byCountry: { code: string; links: number; partners: number; homes: Set<number> }[] = [], countryAt = new Map<string, number>();
  const countryIndex = (code: string): number => {
    let c = countryAt.get(code);
    if (c === undefined) { c = byCountry.length; byCountry.push({ code, links: 0, partners: 0, homes: new Set() }); countryAt.set(code, c); }
    return c;
  };
  const countryOfPartner = new Int32Array(a.nodes.partner.keys.length).fill(-1);
  const partnerSeen = new Uint8Array(a.nodes.partner.keys.length);
  /** Partners of links whose partner is not a node (none in a data set the analysis was built from), by id. */
  const strayPartners = new Set<string>();
  const entryAt = new Map<string, number>();
  let lastId: string | null = null, entry = -1;
  for (let k = 0; k < ds.links.length; k++) {
    const l = ds.links[k] as (typeof ds.links)[number], j = partnerOf[k] as number;
    let c: number;
    if (j >= 0) {
      c = countryOfPartner[j] as number;
      if (c < 0) countryOfPartner[j] = c = countryIndex(a.nodes.partner.attributes[j]?.country ?? '??');
    } else c = countryIndex('??');
    const e = byCountry[c]!;
    e.links++;
    if (j >= 0) { if (partnerSeen[j] === 0) { partnerSeen[j] = 1; e.partners++; } }
    else if (!strayPartners.has(l.partnerId)) { strayPartners.add(l.partnerId); e.partners++; }
    if (l.homeId !== lastId) { // a home entry's links mostly come together
      lastId = l.homeId;
      entry = entryAt.get(lastId) ?? entryAt.size;
      entryAt.set(lastId, entry);
    }
    e.homes.add(entry);
  }
  /** Countries of home node i's partners, one per link, in adjacency order. */
  const partnerCountries = (i: number): string[] => {
    const s = a.index.home, out: string[] = [];
    for (let e = s.offsets[i] as number; e < (s.offsets[i + 1] as number); e++) out.push(a.nodes.partner.attributes[s.adj[e] as number]?.country ?? '??');
    return out;
  };
  const countryName = new Map<string, string | null>(); // of the first partner with that country
  for (const p of a.nodes.partner.attributes) if (p.country !== null && !countryName.has(p.country)) countryName.set(p.country, p.countryName);
  const countries = byCountry.map((e) => ({
    country: e.code,
    name: countryName.get(e.code) ?? e.code,
    continent: regionOf(e.code)?.continent ?? 'Unknown',
    links: e.links, share: e.links / totalLinks, partners: e.partners, homeEntries: e.homes.size,
  })).sort((x, y) => y.links - x.links || byName(x.name, y.name));
  const countryNames = new Map(countries.map((c) => [c.country, c.name]));
  const continentMap = new Map<string, { links: number; countries: number }>();
  for (const c of countries) {
    const e = continentMap.get(c.continent) ?? { links: 0, countries: 0 };
    e.links += c.links; e.countries++;
    continentMap.set(c.continent, e);
  }
  const continents = [...continentMap].map(([continent, e]) => ({ continent, links: e.links, share: e.links / totalLinks, countries: e.countries }))
    .sort((x, y) => y.links - x.links || byLocale(x.continent, y.continent));
  const reach = home.map((r, i) => {
    const set = new Set(partnerCountries(i));
    return { key: r.key, label: r.label, countries: set.size, partners: r.degree };
  }).sort((x, y) => y.countries - x.countries || y.partners - x.partners || byName(x.label, y.label));

  // Centrality: top nodes per side and measure.
  const centralityTop = (from: number, to: number) => {
    // A measure ranked within the largest component (component 0) ranks only its nodes.
    const everyNode: number[] = [], inLargest: number[] = [], value = new Float64Array(to - from);
    for (let v = from; v < to; v++) {
      everyNode.push(v);
      if (a.components.membership[v] === 0) inLargest.push(v);
    }
    const top = (m: (typeof RANKED_MEASURES)[number]) => {
      for (let v = from; v < to; v++) value[v - from] = valueAt(m, a, v) ?? -1;
      return firstKByValue(m.rankedIn === 'largest-component' ? inLargest : everyNode, (v) => value[v - from] as number, (v) => nodeAttributesAt(a, v).label, TOP)
        .map((v) => { const r = rowAt(v); return { key: r.key, label: r.label, country: r.country, value: r[m.id], degree: r.degree }; });
    };
    return Object.fromEntries(RANKED_MEASURES.map((m) => [m.id, top(m)]));
  };

  // Shared partners.
  const shared = (side: Side) => {
    const s = a.sides[side], { u, v, count } = s.projection, bh = s.significance.bh;
    const jaccard = given.jaccard?.[side] ?? jaccardWeights(s.projection);
    const { identical, near } = identicalPairs(a, side, jaccard);
    const rec = (i: number): PairRecord => pairRecord(a, side, i);
    const linked = new Uint8Array(s.projection.keys.length);
    for (let i = 0; i < u.length; i++) { linked[u[i] as number] = 1; linked[v[i] as number] = 1; }
    let isolated = 0;
    for (let j = 0; j < linked.length; j++) if (linked[j] === 0) isolated++;
    const cap = <T>(list: T[], what: string): T[] => {
      if (list.length <= LIST_CAP) return list;
      notes.push(`${side} side: ${what} lists the first ${LIST_CAP} of ${list.length}.`);
      return list.slice(0, LIST_CAP);
    };
    return {
      nodes: s.projection.keys.length,
      isolated,
      pairs: u.length,
      tests: s.significance.tests,
      alpha: s.significance.alpha,
      correction: s.significance.correction,
      topByCount: rankPairs(a, side, 'count', 20, undefined, jaccard).map(rec),
      topByJaccard: rankPairs(a, side, 'jaccard', 20, (i) => (count[i] as number) >= 2, jaccard).map(rec),
      significant: cap(s.significance.backbone, 'the Holm-significant pairs').map(rec),
      significantBh: rankPairs(a, side, 'p', LIST_CAP + 1, (i) => (bh[i] as number) <= s.significance.alpha, jaccard)
        .slice(0, LIST_CAP).map(rec),
      identical: cap(identical, 'identical partner lists').map(rec),
      nearIdentical: cap(near, 'near-identical partner lists').map(rec),
      // The lists above stop at LIST_CAP: their lengths are not the counts.
      totals: { significant: s.significance.backbone.length, significantBh: countAtMost(bh, s.significance.alpha), identical: identical.length, nearIdentical: near.length },
      sdsm: s.sdsm
        ? { computed: true, iterations: s.sdsm.fit.iterations, maxError: s.sdsm.fit.maxError, significant: s.sdsm.backbone.map(rec) }
        : { computed: false, iterations: 0, maxError: 0, significant: [] as PairRecord[] },
    };
  };

  // Communities.
  const summarize = (members: [number, number[]][]): CommunitySummary[] => members.map(([id, vs]) => {
    const counts = new Map<string, number>();
    let total = 0;
    // Countries of the partner members; a community of home places only: of their partners.
    const isPartner = (v: number) => v >= nHome;
    const hasPartners = vs.some(isPartner);
    const add = (c: string) => { counts.set(c, (counts.get(c) ?? 0) + 1); total++; };
    for (const v of vs) {
      if (isPartner(v)) add(nodeAttributesAt(a, v).country ?? '??');
      else if (!hasPartners) for (const c of partnerCountries(v)) add(c);
    }
    const dominantCountries = [...counts].sort((x, y) => y[1] - x[1] || byLocale(x[0], y[0])).slice(0, 3)
      .map(([country, count]) => ({ country, name: countryNames.get(country) ?? country, count, share: total ? count / total : 0 }));
    const partnerMembers = vs.filter(isPartner).length;
    return {
      id, size: vs.length, members: vs.map((v) => nodeAttributesAt(a, v).label), memberIds: vs.map((v) => a.unified.keys[v] as string),
      homeMembers: vs.length - partnerMembers,
      partnerMembers,
      dominantCountries,
    };
  });
  /**
   * Each community's id (its number in the membership: the JSON's, the explorer's and the GEXF's) and
   * members as node positions (member i is node first + i), largest communities first.
   */
  const groups = (membership: ArrayLike<number>, first: number): [number, number[]][] => {
    const out: number[][] = [];
    for (let i = 0; i < membership.length; i++) (out[membership[i] as number] ??= []).push(first + i);
    return out.map((g, id): [number, number[]] => [id, g]).filter(([, g]) => g !== undefined).sort((x, y) => y[1].length - x[1].length);
  };
  const projectionCommunities = (side: Side) => {
    const c = a.sides[side].communities;
    if (!c) return null;
    return {
      method: c.library
        ? 'Louvain (twinnet multi-level local moves; the first seed also from graphology-communities-louvain, refined), best of the seeds'
        : 'Louvain (twinnet multi-level local moves; graphology pass left out for size), best of the seeds',
      weight: c.weight, resolution: c.resolution, seeds: c.seeds, bestSeed: c.best.seed,
      modularity: c.best.modularity, count: c.best.communities,
      nonSingleton: c.best.sizes.filter((s) => s > 1).length,
      sizes: c.best.sizes,
      runs: c.runs,
      stability: {
        modularityMin: c.stability.modularity.min, modularityMedian: c.stability.modularity.median, modularityMax: c.stability.modularity.max,
        meanAdjustedRand: c.stability.meanAdjustedRand, meanNmi: c.stability.meanNmi,
        consensusCount: c.stability.consensus.communities, consensusModularity: c.stability.consensus.modularity,
      },
      communities: summarize(groups(c.best.membership, side === 'home' ? 0 : nHome).filter(([, g]) => g.length > 1)),
    };
  };
  const bip = a.bipartite;

  const diagnosticsBy = (f: (d: Diagnostic) => string) => {
    const m: Record<string, number> = {};
    for (const d of ds.diagnostics) m[f(d)] = (m[f(d)] ?? 0) + 1;
    return m;
  };

  const report = {
    format: 'twinnet-report' as const,
    version: 1 as const,
    name: meta.name,
    generator: {
      name: 'twinnet', version: packageVersion(),
      libraries: Object.fromEntries(LIBRARIES.map((l) => [l, version(l)])),
    },
    input: {
      path: meta.inputLabel, sha256: ds.source.sha256, bytes: ds.source.bytes, lines: ds.source.lines,
      lineEnding: ds.source.lineEnding, bom: ds.source.bom, snapshotDate: meta.snapshotDate, url: meta.sourceUrl, title: ds.title,
    },
    /** The country the list is about, in words: every "Chinese cities" of the prose comes from here. */
    home: homeWords(ds.home),
    parameters: {
      seed: a.options.seed, districts: a.options.districts, resolution: a.options.resolution, runs: a.options.runs,
      communityWeight: a.options.communityWeight, alpha: a.options.alpha, correction: a.options.correction,
      pathsExact: a.paths.exact, pivots: a.paths.pivots, exactLimit: a.options.exactLimit,
      nearIdentical: a.options.nearIdentical,
      ...(given.geography ? { nullSamples: given.geography.parameters.nullSamples } : {}),
    },
    overview: {
      homeEntries: ds.homes.length,
      districts: ds.homes.filter((c) => c.kind === 'district').length,
      homeNodes: home.length,
      partners: N - nHome,
      links: totalLinks,
      edges: a.index.edges,
      countriesWritten: ds.countries.length,
      sovereignStates: countries.filter((c) => c.country !== '??').length,
      density: a.density,
      components: { count: a.components.count, largest: a.components.sizes[0] ?? 0, largestShare: a.components.largestShare, sizes: a.components.sizes },
      largestComponent: a.largestComponent,
      assortativity: a.assortativity,
      robinsAlexander: a.robinsAlexander,
      latapyMean: {
        home: mean(a.sides.home.latapy), partner: mean(a.sides.partner.latapy),
      },
      degree: {
        home: { mean: a.sides.home.degree.mean, median: a.sides.home.degree.median, max: a.sides.home.degree.max, distribution: a.sides.home.degree.counts },
        partner: { mean: a.sides.partner.degree.mean, median: a.sides.partner.degree.median, max: a.sides.partner.degree.max, distribution: a.sides.partner.degree.counts },
      },
    },
    dataQuality: {
      lineKinds: ds.lineKinds,
      bySeverity: diagnosticsBy((d) => d.severity),
      byCode: diagnosticsBy((d) => `${d.severity} ${d.code}`),
      diagnostics: ds.diagnostics.length <= LIST_CAP * 10 ? ds.diagnostics : capDiagnostics(ds.diagnostics, notes),
    },
    countries,
    continents,
    homeByCountries: reach.slice(0, TOP),
    // tables only: absent for the Wikipedia list
    ...((d) => (d ? { domestic: d } : {}))(domesticOf(ds)),
    ...((g) => (g ? { growth: g } : {}))(growthOf(ds)),
    centrality: {
      metrics: METRICS,
      top: { home: centralityTop(0, nHome), partner: centralityTop(nHome, N) },
    },
    shared: { home: shared('home'), partner: shared('partner') },
    communities: {
      home: projectionCommunities('home'),
      partner: projectionCommunities('partner'),
      bipartite: bip === null ? null : {
        method: bip.method, seeds: bip.seeds, bestSeed: bip.best.seed, modularity: bip.best.modularity,
        count: bip.best.communities, nonSingleton: bip.best.sizes.filter((s) => s > 1).length,
        sizes: [...bip.best.sizes].sort((x, y) => y - x), runs: bip.runs,
        stability: { modularityMin: bip.stability.modularity.min, modularityMax: bip.stability.modularity.max, meanAdjustedRand: bip.stability.meanAdjustedRand, meanNmi: bip.stability.meanNmi },
        communities: summarize(groups([...bip.best.home, ...bip.best.partner], 0).filter(([, g]) => g.length > 1)),
      },
    },
    notes,
  };
  // After the rest: choosing the rows of a large table adds a note.
  const kept = all ? null : keepNodes(a, home, rowAt, limits.nodeTable, notes);
  const nodes = all ?? kept!.rows;
  return { ...roundDeep(report), ...(given.geography ? { geography: roundDeep(given.geography) } : {}), nodes, edges: edgeList(a, kept?.marks ?? null) };
}

export type ReportData = ReturnType<typeof buildReportData>;

/** How many of `values` are ≤ `limit`. */
function countAtMost(values: ArrayLike<number>, limit: number): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if ((values[i] as number) <= limit) n++;
  return n;
}

function mean(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] as number;
  return x.length ? s / x.length : 0;
}

/**
 * The node table of a large graph: every home node, then the partners with most links (ties by key) up
 * to `limit` rows; `marks` has 1 at the unified position of each.
 */
function keepNodes(a: Analysis, home: NodeRow[], rowAt: (v: number) => NodeRow, limit: number, notes: string[]): { rows: NodeRow[]; marks: Uint8Array } {
  const { unified: g } = a;
  const N = g.keys.length, room = Math.max(0, limit - home.length);
  const degree = (v: number) => (g.offsets[v + 1] as number) - (g.offsets[v] as number);
  // The lowest degree that still gets in: count partners per degree from the top.
  const perDegree = new Map<number, number>();
  for (let v = g.n; v < N; v++) perDegree.set(degree(v), (perDegree.get(degree(v)) ?? 0) + 1);
  let threshold = 0, taken = 0;
  for (const d of [...perDegree.keys()].sort((x, y) => y - x)) {
    threshold = d; taken += perDegree.get(d) as number;
    if (taken >= room) break;
  }
  // Above the threshold all get in (by degree, then key); at it, the first by key: selected
  // (quickselect), then only those sorted — at 1.4 million links a million partners have one link,
  // and sorting them all by key took ~1 s. Keys are all different, so the order is total.
  const byKey = (x: number, y: number) => { const p = g.keys[x] as string, q = g.keys[y] as string; return p < q ? -1 : p > q ? 1 : 0; };
  const above: number[] = [], tied: number[] = [];
  for (let v = g.n; v < N; v++) {
    const d = degree(v);
    if (d > threshold) above.push(v); else if (d === threshold) tied.push(v);
  }
  const rest = Math.max(0, Math.min(tied.length, room - above.length));
  if (rest > 0 && rest < tied.length) quickselect(tied, rest - 1, 0, tied.length - 1, (x, y) => byKey(x as number, y as number));
  const chosen = [...above.sort((x, y) => degree(y) - degree(x) || byKey(x, y)), ...tied.slice(0, rest).sort(byKey)];
  const marks = new Uint8Array(N).fill(1, 0, g.n);
  for (const v of chosen) marks[v] = 1;
  const rows = [...home, ...chosen.map(rowAt)];
  notes.push(`Per-node table: ${rows.length} of ${N} nodes (all ${homeWords(a.dataset.home).demonym} nodes, then the partners with most links; limit ${limit}).`);
  return { rows, marks };
}

function capDiagnostics(all: Diagnostic[], notes: string[]): Diagnostic[] {
  const limit = LIST_CAP * 10;
  notes.push(`Diagnostics: the first ${limit} of ${all.length} are listed here; \`twinnet parse\` writes them all (diagnostics.csv).`);
  return all.slice(0, limit);
}

