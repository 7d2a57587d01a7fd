/**
 * The report as one JSON document: every number the Markdown report shows, and more (full per-node
 * metrics, every significant pair). Described by `reports/schema/report.schema.json`.
 * Deterministic: no clock, no randomness but the seeded kind; numbers are rounded to 12 significant
 * digits so the bytes do not depend on the last ulp of floating-point summation order.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Analysis } from '../analysis/analyze.js';
import { identicalPairs, METRICS, nodeRows, pairRecord, rankPairs } from '../analysis/results.js';
import type { NodeRow, PairRecord } from '../analysis/results.js';
import type { Side } from '../graph/build-bipartite.js';
import { regionOf } from '../parse/countries.js';
import type { Diagnostic } from '../parse/types.js';
import { packageVersion } from '../util/paths.js';

const require = createRequire(import.meta.url);
/** A dependency's version, from the package.json above its resolved entry point (some packages do not export ./package.json). */
const version = (name: string): string => {
  try {
    let dir = dirname(require.resolve(name));
    for (;;) {
      const file = join(dir, 'package.json');
      if (existsSync(file)) {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === name && pkg.version) return pkg.version;
      }
      const up = dirname(dir);
      if (up === dir) return 'unknown';
      dir = up;
    }
  } catch {
    return 'unknown';
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

/** The measures ranked in the centrality section. */
export const RANKED: readonly (keyof NodeRow & keyof typeof METRICS)[] = [
  'degree', 'betweenness', 'closeness', 'harmonic', 'eigenvector', 'pagerank',
];

export const TOP = 10;
/** Longest list of pairs in the report; longer ones are cut and the cut is noted. */
export const LIST_CAP = 1000;
/** Above this many nodes, the per-node table keeps Chinese nodes and partners with 2+ links. */
export const NODE_TABLE_LIMIT = 200_000;

/** Collation of names: as `a.localeCompare(b, 'en')`, with one collator instead of one per call. */
const byName = new Intl.Collator('en').compare;

export function round(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  if (Number.isSafeInteger(x) && Math.abs(x) < 1e12) return x; // 12 significant digits hold it exactly
  return Number(x.toPrecision(12));
}

/** Deep-rounds every number in a plain value (for byte-stable JSON). */
export function roundDeep<T>(v: T): T {
  if (typeof v === 'number') return round(v) as T;
  if (Array.isArray(v)) return v.map(roundDeep) as T;
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = roundDeep(x);
    return out as T;
  }
  return v;
}

export interface CommunitySummary {
  id: number;
  size: number;
  members: string[];
  chineseMembers: number;
  partnerMembers: number;
  /** Most frequent partner countries: of the member partners, or (Chinese cities only) of the members' partners. */
  dominantCountries: { country: string; name: string; count: number; share: number }[];
}

export function buildReportData(a: Analysis, meta: ReportMeta) {
  const ds = a.dataset;
  const rows = nodeRows(a);
  const notes = [...a.notes];
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const china = rows.filter((r) => r.side === 'china'), partner = rows.filter((r) => r.side === 'partner');
  const totalLinks = ds.links.length;

  // Countries and continents (sovereign states; territories under their sovereign).
  const byCountry = new Map<string, { links: number; partners: Set<string>; chinese: Set<string> }>();
  const partnerCountry = new Map<string, string>();
  a.nodes.partner.keys.forEach((k, j) => partnerCountry.set(k, a.nodes.partner.attributes[j]?.country ?? '??'));
  const chinaAt = new Map<string, number>();
  a.nodes.china.keys.forEach((k, i) => chinaAt.set(k, i));
  /** Countries of a Chinese node's partners, one per link, in adjacency order. */
  const partnerCountries = (key: string): string[] => {
    const i = chinaAt.get(key) as number, s = a.index.china, out: string[] = [];
    for (let e = s.offsets[i] as number; e < (s.offsets[i + 1] as number); e++) out.push(a.nodes.partner.attributes[s.adj[e] as number]?.country ?? '??');
    return out;
  };
  for (const l of ds.links) {
    const c = partnerCountry.get(l.partnerId) ?? '??';
    const e = byCountry.get(c) ?? { links: 0, partners: new Set(), chinese: new Set() };
    e.links++; e.partners.add(l.partnerId); e.chinese.add(l.chinaId);
    byCountry.set(c, e);
  }
  const countries = [...byCountry].map(([code, e]) => ({
    country: code,
    name: rows.find((r) => r.country === code && r.side === 'partner')?.countryName ?? code,
    continent: regionOf(code)?.continent ?? 'Unknown',
    links: e.links, share: e.links / totalLinks, partners: e.partners.size, chineseCities: e.chinese.size,
  })).sort((x, y) => y.links - x.links || byName(x.name, y.name));
  const continentMap = new Map<string, { links: number; countries: number }>();
  for (const c of countries) {
    const e = continentMap.get(c.continent) ?? { links: 0, countries: 0 };
    e.links += c.links; e.countries++;
    continentMap.set(c.continent, e);
  }
  const continents = [...continentMap].map(([continent, e]) => ({ continent, links: e.links, share: e.links / totalLinks, countries: e.countries }))
    .sort((x, y) => y.links - x.links || x.continent.localeCompare(y.continent));
  const reach = china.map((r) => {
    const set = new Set(partnerCountries(r.key));
    return { key: r.key, label: r.label, countries: set.size, partners: r.degree };
  }).sort((x, y) => y.countries - x.countries || y.partners - x.partners || byName(x.label, y.label));

  // Centrality: top nodes per side and measure.
  const top = (side: NodeRow[], m: (typeof RANKED)[number]) => firstK(side, TOP, (x, y) => ((y[m] as number | null) ?? -1) - ((x[m] as number | null) ?? -1) || byName(x.label, y.label))
    .map((r) => ({ key: r.key, label: r.label, country: r.country, value: r[m] as number | null, degree: r.degree }));
  const centralityTop = (side: NodeRow[]) => Object.fromEntries(RANKED.map((m) => [m, top(side, m)]));

  // Shared partners.
  const shared = (side: Side) => {
    const s = a.sides[side];
    const { identical, near } = identicalPairs(a, side);
    const rec = (i: number): PairRecord => pairRecord(a, side, i);
    const degreeInProjection = new Int32Array(s.projection.keys.length);
    for (let i = 0; i < s.projection.u.length; i++) { degreeInProjection[s.projection.u[i] as number]!++; degreeInProjection[s.projection.v[i] as number]!++; }
    const cap = <T>(list: T[], what: string): T[] => {
      if (list.length <= LIST_CAP) return list;
      notes.push(`${side} side: ${what} lists the first ${LIST_CAP} of ${list.length}.`);
      return list.slice(0, LIST_CAP);
    };
    return {
      nodes: s.projection.keys.length,
      isolated: degreeInProjection.filter((d) => d === 0).length,
      pairs: s.projection.u.length,
      tests: s.significance.tests,
      alpha: s.significance.alpha,
      correction: s.significance.correction,
      topByCount: rankPairs(a, side, 'count', 20).map(rec),
      topByJaccard: rankPairs(a, side, 'jaccard', 20, (i) => (s.projection.count[i] as number) >= 2).map(rec),
      significant: cap(s.significance.backbone, 'the Holm-significant pairs').map(rec),
      significantBh: rankPairs(a, side, 'p', LIST_CAP + 1, (i) => (s.significance.bh[i] as number) <= s.significance.alpha)
        .slice(0, LIST_CAP).map(rec),
      identical: cap(identical, 'identical partner lists').map(rec),
      nearIdentical: cap(near, 'near-identical partner lists').map(rec),
      sdsm: s.sdsm
        ? { computed: true, iterations: s.sdsm.fit.iterations, maxError: s.sdsm.fit.maxError, significant: s.sdsm.backbone.map(rec) }
        : { computed: false, iterations: 0, maxError: 0, significant: [] as PairRecord[] },
    };
  };

  // Communities.
  const summarize = (members: string[][]): CommunitySummary[] => members.map((keys, id) => {
    const counts = new Map<string, number>();
    let total = 0;
    // Countries of the partner members; a community of Chinese cities only: of their partners.
    const hasPartners = keys.some((k) => (byKey.get(k) as NodeRow).side === 'partner');
    for (const k of keys) {
      const r = byKey.get(k) as NodeRow;
      if (hasPartners && r.side !== 'partner') continue;
      const cs = r.side === 'partner' ? [r.country ?? '??'] : partnerCountries(k);
      for (const c of cs) { counts.set(c, (counts.get(c) ?? 0) + 1); total++; }
    }
    const dominantCountries = [...counts].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).slice(0, 3)
      .map(([country, count]) => ({ country, name: countries.find((c) => c.country === country)?.name ?? country, count, share: total ? count / total : 0 }));
    const labels = keys.map((k) => (byKey.get(k) as NodeRow).label);
    return {
      id, size: keys.length, members: labels,
      chineseMembers: keys.filter((k) => (byKey.get(k) as NodeRow).side === 'china').length,
      partnerMembers: keys.filter((k) => (byKey.get(k) as NodeRow).side === 'partner').length,
      dominantCountries,
    };
  });
  const groups = (keys: string[], membership: ArrayLike<number>) => {
    const out: string[][] = [];
    for (let i = 0; i < keys.length; i++) (out[membership[i] as number] ??= []).push(keys[i] as string);
    return out.filter((g) => g !== undefined).sort((x, y) => y.length - x.length);
  };
  const projectionCommunities = (side: Side) => {
    const c = a.sides[side].communities;
    if (!c) return null;
    return {
      method: c.library
        ? 'Louvain (graphology-communities-louvain) + local-move refinement, best of the seeds'
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
      communities: summarize(groups(a.sides[side].projection.keys, c.best.membership).filter((g) => g.length > 1)),
    };
  };
  const bip = a.bipartite;
  const bipKeys = [...a.index.china.keys, ...a.index.partner.keys];

  const diagnosticsBy = (f: (d: Diagnostic) => string) => {
    const m: Record<string, number> = {};
    for (const d of ds.diagnostics) m[f(d)] = (m[f(d)] ?? 0) + 1;
    return m;
  };

  return roundDeep({
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
    parameters: {
      seed: a.options.seed, districts: a.options.districts, resolution: a.options.resolution, runs: a.options.runs,
      communityWeight: a.options.communityWeight, alpha: a.options.alpha, correction: a.options.correction,
      pathsExact: a.paths.exact, pivots: a.paths.pivots, exactLimit: a.options.exactLimit,
      nearIdentical: a.options.nearIdentical,
    },
    overview: {
      chineseEntries: ds.china.length,
      districts: ds.china.filter((c) => c.kind === 'district').length,
      chineseNodes: china.length,
      partners: partner.length,
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
        china: mean(a.sides.china.latapy), partner: mean(a.sides.partner.latapy),
      },
      degree: {
        china: { mean: a.sides.china.degree.mean, median: a.sides.china.degree.median, max: a.sides.china.degree.max, distribution: a.sides.china.degree.counts },
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
    chineseCitiesByCountries: reach.slice(0, TOP),
    centrality: {
      metrics: METRICS,
      top: { china: centralityTop(china), partner: centralityTop(partner) },
    },
    shared: { china: shared('china'), partner: shared('partner') },
    communities: {
      china: projectionCommunities('china'),
      partner: projectionCommunities('partner'),
      bipartite: bip === null ? null : {
        method: bip.method, seeds: bip.seeds, bestSeed: bip.best.seed, modularity: bip.best.modularity,
        count: bip.best.communities, nonSingleton: bip.best.sizes.filter((s) => s > 1).length,
        sizes: [...bip.best.sizes].sort((x, y) => y - x), runs: bip.runs,
        stability: { modularityMin: bip.stability.modularity.min, modularityMax: bip.stability.modularity.max, meanAdjustedRand: bip.stability.meanAdjustedRand, meanNmi: bip.stability.meanNmi },
        communities: summarize(groups(bipKeys, [...bip.best.china, ...bip.best.partner]).filter((g) => g.length > 1)),
      },
    },
    notes,
    nodes: rows.length <= NODE_TABLE_LIMIT ? rows : keepNodes(rows, notes),
  });
}

export type ReportData = ReturnType<typeof buildReportData>;

/**
 * The first k items of `items` stably sorted by `cmp` (= `[...items].sort(cmp).slice(0, k)`), by one
 * pass keeping the k best in order: O(n·k) instead of sorting a million rows six times.
 */
export function firstK<T>(items: readonly T[], k: number, cmp: (x: T, y: T) => number): T[] {
  const best: T[] = [];
  if (k <= 0) return best;
  for (const item of items) {
    if (best.length === k && cmp(item, best[k - 1] as T) >= 0) continue;
    let at = best.length;
    while (at > 0 && cmp(item, best[at - 1] as T) < 0) at--;
    best.splice(at, 0, item);
    if (best.length > k) best.pop();
  }
  return best;
}

function mean(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] as number;
  return x.length ? s / x.length : 0;
}

function keepNodes(rows: NodeRow[], notes: string[]): NodeRow[] {
  const china = rows.filter((r) => r.side === 'china');
  const room = Math.max(0, NODE_TABLE_LIMIT - china.length);
  const partners = rows.filter((r) => r.side === 'partner')
    .sort((x, y) => y.degree - x.degree || (x.key < y.key ? -1 : 1))
    .slice(0, room);
  const kept = [...china, ...partners];
  notes.push(`Per-node table: ${kept.length} of ${rows.length} nodes (all Chinese nodes, then the partners with most links; limit ${NODE_TABLE_LIMIT}).`);
  return kept;
}

function capDiagnostics(all: Diagnostic[], notes: string[]): Diagnostic[] {
  const limit = LIST_CAP * 10;
  notes.push(`Diagnostics: the first ${limit} of ${all.length} are listed here; \`twinnet parse\` writes them all (diagnostics.csv).`);
  return all.slice(0, limit);
}
