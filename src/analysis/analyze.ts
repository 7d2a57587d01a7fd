/**
 * analyze: every analysis of twinnet over one data set, as plain results. Pure: the data set and the
 * graph are not modified (writing metrics onto node attributes is `assignMetrics`, a separate step).
 */
import { bipartiteNodes, buildBipartiteGraph } from '../graph/build-bipartite.js';
import type { BipartiteGraph, BipartiteNodes, Side } from '../graph/build-bipartite.js';
import { buildBipartiteIndexFromDataset, unify } from '../graph/bipartite-index.js';
import type { BipartiteIndex, UnifiedIndex } from '../graph/bipartite-index.js';
import type { Dataset } from '../parse/types.js';
import { homeWords, withArticle } from '../parse/countries.js';
import { createRng, DEFAULT_SEED } from '../util/rng.js';
import { InputError } from '../util/errors.js';
import { capitalise } from '../util/capitalise.js';
import { nounFor } from '../util/noun.js';
import { birank } from './centrality/birank.js';
import { eigenvectorCentrality } from './centrality/eigenvector.js';
import { pagerank, PAGERANK_DEFAULTS } from './centrality/pagerank.js';
import { PATH_DEFAULTS, pathPlan, pathResults, pathTotals } from './centrality/paths.js';
import type { PathMeasures, PathOptions, PathPlan, PathSums } from './centrality/paths.js';
import { bipartiteCommunities } from './communities/bipartite-communities.js';
import type { BipartiteCommunities } from './communities/bipartite-communities.js';
import { LOUVAIN_DEFAULTS, louvainProjection } from './communities/louvain-projection.js';
import type { LouvainOptions, LouvainResult, SeedShare } from './communities/louvain-projection.js';
import { project } from './projection/project.js';
import type { Projection, WeightKind } from './projection/project.js';
import { significance } from './projection/significance.js';
import { sdsm } from './projection/sdsm.js';
import type { SdsmResult } from './projection/sdsm.js';
import type { Correction, Significance } from './projection/significance.js';
import {
  bipartiteDensity, components, degreeAssortativity, degreeDistribution, latapyClustering, robinsAlexander,
} from './structure/structure.js';
import type { Components, DegreeDistribution } from './structure/structure.js';

export interface AnalysisOptions {
  districts?: 'separate' | 'merge';
  seed?: number;
  /** Louvain resolution γ (NetworkX / igraph convention). */
  resolution?: number;
  /** Seeds per community detection (stability). */
  runs?: number;
  /** Weight used by Louvain on the projections. */
  communityWeight?: WeightKind;
  alpha?: number;
  correction?: Correction;
  /** Exact shortest-path measures up to this many nodes, sampled pivots above. */
  exactLimit?: number;
  samples?: number;
  /** Pairs with Jaccard at least this (and below 1) are "near-identical". */
  nearIdentical?: number;
  /** Keep shared-partner lists of projection edges (memory at scale). */
  keepShared?: boolean;
  /** SDSM p-values for projections with at most this many edges (0: never). */
  sdsmLimit?: number;
  /** Louvain on a projection with at most this many edges; above, skipped (stated in `notes`). */
  louvainLimit?: number;
  /** graphology-communities-louvain takes part up to this many projection edges; above, twinnet's own local moves only (noted). */
  louvainLibraryLimit?: number;
  /** Keep shared-partner lists when a projection holds at most this many (partner, pair) entries. */
  sharedLimit?: number;
  /**
   * Largest projection analysed, in pairs (its bound Σ C(d, 2) over the other side): above it the
   * analysis is refused, naming the place that makes it (one place linked to nearly every other).
   */
  projectionLimit?: number;
  /** Bipartite community detection on graphs with at most this many links. */
  bipartiteLimit?: number;
  /** Edges × seeds allowed per community detection; above, fewer seeds (at least 1), noted. */
  runBudget?: number;
  /** Called as each stage starts (progress display); not part of the results. */
  onStage?: ((stage: string) => void) | null;
}

export const ANALYSIS_DEFAULTS = {
  districts: 'separate' as 'separate' | 'merge',
  seed: DEFAULT_SEED,
  resolution: LOUVAIN_DEFAULTS.resolution,
  runs: LOUVAIN_DEFAULTS.runs,
  communityWeight: LOUVAIN_DEFAULTS.weight,
  alpha: 0.05,
  correction: 'holm' as Correction,
  exactLimit: PATH_DEFAULTS.exactLimit,
  samples: PATH_DEFAULTS.samples,
  nearIdentical: 0.75,
  keepShared: true,
  sdsmLimit: 200_000,
  louvainLimit: 3_000_000,
  louvainLibraryLimit: 200_000,
  sharedLimit: 20_000_000,
  // Twice the 1.4-million-link benchmark's largest (20.7M pairs, 3.3 GB in all); one partner of
  // 20,000 homes (200M pairs) ran out of memory after 210 s at 22 GB.
  projectionLimit: 40_000_000,
  bipartiteLimit: 2_000_000,
  runBudget: 2_000_000,
};

export type ResolvedAnalysisOptions = typeof ANALYSIS_DEFAULTS;

export interface SideAnalysis {
  projection: Projection;
  significance: Significance;
  /** Stochastic degree sequence model p-values (null above `sdsmLimit`). */
  sdsm: SdsmResult | null;
  communities: LouvainResult | null;
  latapy: Float64Array;
  degree: DegreeDistribution;
}

export interface Analysis {
  options: ResolvedAnalysisOptions;
  dataset: Dataset;
  /**
   * The graphology graph (node attributes, edge lines), built on first use: the analyses run on
   * `index` and `nodes`, and a report of a large list never needs the graph.
   */
  readonly graph: BipartiteGraph;
  /** Node keys and attributes per side, in index order. */
  nodes: BipartiteNodes;
  index: BipartiteIndex;
  unified: UnifiedIndex;
  density: number;
  components: Components;
  assortativity: number;
  robinsAlexander: number;
  paths: PathMeasures;
  eigenvector: { values: Float64Array; maxNormalized: Float64Array; iterations: number };
  pagerank: { values: Float64Array; iterations: number };
  /** BiRank (He et al. 2017) per side, the home side as U, with its defaults (α = β = 0.85, uniform queries). */
  birank: Record<Side, Float64Array> & { iterations: number };
  largestComponent: { nodes: number; diameter: number; averageDistance: number } | null;
  sides: Record<Side, SideAnalysis>;
  bipartite: BipartiteCommunities | null;
  /** What was sampled or skipped because of size, in words (empty on the seed). */
  notes: string[];
}

export function resolveOptions(options: AnalysisOptions = {}): ResolvedAnalysisOptions {
  const o = { ...ANALYSIS_DEFAULTS };
  for (const [k, v] of Object.entries(options)) if (v !== undefined) (o as Record<string, unknown>)[k] = v;
  return o;
}

/**
 * `graph`: the graphology graph of the same data set and `districts`, when the caller has already
 * built it; otherwise built on first use of `a.graph` (the report never needs it).
 */
export function analyze(dataset: Dataset, options: AnalysisOptions = {}, graph: BipartiteGraph | null = null): Analysis {
  const { onStage, ...rest } = options;
  const stage = onStage ?? (() => {});
  const o = resolveOptions(rest);
  const base = prepareAnalysis(dataset, o, stage);
  const home = analyzeSide(base.index, 'home', o, stage);
  const partner = analyzeSide(base.index, 'partner', o, stage);
  return assembleAnalysis(base, { home, partner }, wholeGraphMeasures(base, home.analysis, o, stage), o, graph);
}

/** The graph an analysis runs on: its nodes, indices and components. */
export interface AnalysisGraph {
  dataset: Dataset;
  nodes: BipartiteNodes;
  index: BipartiteIndex;
  unified: UnifiedIndex;
  components: Components;
}

/** What `analyze` computes before the sides: the graph, its indices, components and shortest paths. */
export interface AnalysisBase extends AnalysisGraph {
  paths: PathMeasures;
  largestComponent: Analysis['largestComponent'];
  notes: string[];
}

/** The nodes and the index of the graph (the first step of `prepareAnalysis`), so that a side can start before the paths. */
export function buildAnalysisGraph(dataset: Dataset, o: ResolvedAnalysisOptions, stage: (s: string) => void = () => {}): { nodes: BipartiteNodes; index: BipartiteIndex } {
  stage('building the graph');
  const nodes = bipartiteNodes(dataset, { districts: o.districts });
  const index = buildBipartiteIndexFromDataset(dataset, nodes);
  if (index.edges === 0) throw noLinks(dataset);
  for (const side of ['home', 'partner'] as const) {
    const pairs = sharedEntryCount(index, side);
    if (pairs > o.projectionLimit) throw projectionTooLarge(dataset, index, side, pairs, o.projectionLimit);
  }
  return { nodes, index };
}

/** The refusal of a projection of more than `limit` pairs, naming the place of the most partners on the other side. */
function projectionTooLarge(dataset: Dataset, index: BipartiteIndex, side: Side, pairs: number, limit: number): InputError {
  const { demonym } = homeWords(dataset.home);
  const other = side === 'home' ? index.partner : index.home;
  const degree = (k: number) => (other.offsets[k + 1] as number) - (other.offsets[k] as number);
  let hub = 0;
  for (let k = 1; k < other.keys.length; k++) if (degree(k) > degree(hub)) hub = k;
  const d = degree(hub);
  const place = side === 'home' ? dataset.partners.find((p) => p.id === other.keys[hub]) : dataset.homes.find((h) => h.id === other.keys[hub]);
  const name = place === undefined ? other.keys[hub] : 'label' in place ? `${place.label}, ${place.location.join(', ')}` : place.name;
  const what = side === 'home' ? `${demonym} places` : 'foreign partners';
  const n = (x: number) => x.toLocaleString('en-US');
  return new InputError(
    `the projection onto the ${what} would hold up to ${n(pairs)} pairs, more than the ${n(limit)} twinnet analyses (memory): "${name}" alone is linked to ${n(d)} of them (${n((d * (d - 1)) / 2)} pairs) — check the data for a place linked to nearly every other`,
    dataset.source.path,
  );
}

function prepareAnalysis(
  dataset: Dataset,
  o: ResolvedAnalysisOptions,
  stage: (s: string) => void = () => {},
  built: { nodes: BipartiteNodes; index: BipartiteIndex } = buildAnalysisGraph(dataset, o, stage),
): AnalysisBase {
  return withPaths(analysisGraph(dataset, built), o, stage);
}

/** The unified index and the components of the graph `buildAnalysisGraph` built. */
export function analysisGraph(dataset: Dataset, built: { nodes: BipartiteNodes; index: BipartiteIndex }): AnalysisGraph {
  const unified = unify(built.index);
  return { dataset, ...built, unified, components: components(unified) };
}

/** The options of the shortest paths: any thread that makes `pathPlan(unify(index), pathOptions(o))` gets the same plan. */
export function pathOptions(o: ResolvedAnalysisOptions): PathOptions {
  return { exactLimit: o.exactLimit, samples: o.samples, rng: createRng(o.seed) };
}

/**
 * The shortest-path measures of the graph and what follows from them. `sums`: the sums of every chunk
 * of the plan added in chunk order (`pathTotals`, here on this thread, or the same from chunks computed
 * elsewhere: the same bits).
 */
export function withPaths(
  graph: AnalysisGraph, o: ResolvedAnalysisOptions, stage: (s: string) => void = () => {},
  sums: (plan: PathPlan) => PathSums = pathTotals,
): AnalysisBase {
  const { unified, components: comps } = graph;
  stage(`shortest paths (${unified.keys.length} nodes)`);
  const plan = pathPlan(unified, pathOptions(o));
  const paths = pathResults(plan, sums(plan));

  let largestComponent: Analysis['largestComponent'] = null;
  if (paths.eccentricity && paths.distanceSum) {
    let diameter = 0, sum = 0;
    const n = comps.sizes[0] ?? 0;
    for (let v = 0; v < comps.membership.length; v++) {
      if (comps.membership[v] !== 0) continue;
      diameter = Math.max(diameter, paths.eccentricity[v] as number);
      sum += paths.distanceSum[v] as number;
    }
    largestComponent = { nodes: n, diameter, averageDistance: n > 1 ? sum / (n * (n - 1)) : 0 };
  }

  const notes: string[] = [];
  if (!paths.exact) {
    notes.push(`Shortest-path measures sampled: betweenness estimated from ${paths.pivots} random pivot sources (of ${unified.keys.length} nodes, seed ${o.seed})${sampledErrorNote(paths)}; closeness, harmonic closeness, diameter and mean distance not computed (graph above ${o.exactLimit} nodes).`);
  }
  return { ...graph, paths, largestComponent, notes };
}

/** One side: its projection, significance (hypergeometric, SDSM), Louvain, clustering, degrees; with what it had to skip. Pure. */
export function analyzeSide(
  index: BipartiteIndex, s: Side, o: ResolvedAnalysisOptions, stage: (s: string) => void = () => {},
  share: SeedShare | null = null,
): { analysis: SideAnalysis; notes: string[] } {
  const notes: string[] = [];
  stage(`projection onto the ${s} side`);
  const sharedEntries = sharedEntryCount(index, s);
  const keepShared = o.keepShared && sharedEntries <= o.sharedLimit;
  if (o.keepShared && !keepShared) notes.push(`Projection onto the ${s} side: shared-partner lists not kept (${sharedEntries} entries, limit ${o.sharedLimit}).`);
  const projection = project(index, s, { keepShared });
  const edges = projection.u.length;
  if (edges > o.sdsmLimit) notes.push(`Projection onto the ${s} side: SDSM p-values skipped (${edges} pairs, limit ${o.sdsmLimit}).`);
  if (edges > o.louvainLimit) notes.push(`Projection onto the ${s} side: Louvain skipped (${edges} pairs, limit ${o.louvainLimit}).`);
  const runs = runsFor(edges, o.runs, o.runBudget);
  if (edges <= o.louvainLimit && runs < o.runs) notes.push(`Projection onto the ${s} side: Louvain run with ${runs} seed(s) instead of ${o.runs} (${edges} pairs; budget ${o.runBudget} pair-runs).`);
  if (edges <= o.louvainLimit && edges > o.louvainLibraryLimit) notes.push(`Projection onto the ${s} side: Louvain by twinnet's multi-level local moves only; the graphology-communities-louvain pass is left out above ${o.louvainLibraryLimit} pairs (${edges}).`);
  stage(`significance and communities, ${s} side (${edges} pairs)`);
  const analysis: SideAnalysis = {
    projection,
    significance: significance(projection, { alpha: o.alpha, correction: o.correction }),
    sdsm: edges > 0 && edges <= o.sdsmLimit ? sdsm(index, projection, o.alpha) : null,
    communities: edges > 0 && edges <= o.louvainLimit
      ? louvainProjection(projection, louvainOptions(o, runs), share)
      : null,
    latapy: latapyClustering(projection, 'dot'),
    degree: degreeDistribution(projection.degree),
  };
  return { analysis, notes };
}

/** The options of a side's Louvain, given its number of seeds (`runsFor`). */
export function louvainOptions(o: ResolvedAnalysisOptions, runs: number): LouvainOptions {
  return { weight: o.communityWeight, resolution: o.resolution, seed: o.seed, runs, libraryLimit: o.louvainLibraryLimit };
}

/** Measures of the whole bipartite graph and its communities (needs the home side's projection only, for Robins–Alexander). */
export interface WholeGraphMeasures {
  density: number;
  assortativity: number;
  robinsAlexander: number;
  eigenvector: Analysis['eigenvector'];
  pagerank: Analysis['pagerank'];
  birank: Analysis['birank'];
  bipartite: BipartiteCommunities | null;
  notes: string[];
}

export function wholeGraphMeasures(
  base: AnalysisGraph, home: SideAnalysis, o: ResolvedAnalysisOptions, stage: (s: string) => void = () => {},
  withBipartite = true,
): WholeGraphMeasures {
  const { index, unified } = base;
  stage(withBipartite ? 'centrality and bipartite communities' : 'centrality');
  const bipartite = withBipartite ? bipartiteMeasures(index, o) : { bipartite: null, notes: [] };
  const eigenvector = eigenvectorCentrality(unified);
  return {
    density: bipartiteDensity(index),
    assortativity: degreeAssortativity(unified),
    robinsAlexander: robinsAlexander(index, home.projection),
    eigenvector,
    pagerank: pagerank(unified, { alpha: PAGERANK_DEFAULTS.alpha }),
    birank: birankBySide(index),
    ...bipartite,
    notes: [...(eigenvector.unconverged ? [`${capitalise(eigenvector.unconverged)}.`] : []), ...bipartite.notes],
  };
}

/** The communities of the two-mode graph (or why they were run with fewer seeds, or skipped); needs only the index. */
export function bipartiteMeasures(index: BipartiteIndex, o: ResolvedAnalysisOptions): { bipartite: BipartiteCommunities | null; notes: string[] } {
  const notes: string[] = [];
  const bipRuns = runsFor(index.edges, o.runs, o.runBudget);
  if (index.edges <= o.bipartiteLimit && bipRuns < o.runs) notes.push(`Bipartite communities run with ${bipRuns} seed(s) instead of ${o.runs} (${index.edges} links; budget ${o.runBudget} link-runs).`);
  const bipartite = index.edges <= o.bipartiteLimit ? bipartiteCommunities(index, { seed: o.seed, runs: bipRuns }) : skipBipartite(notes, index.edges, o.bipartiteLimit);
  return { bipartite, notes };
}

/** The analysis from its parts; notes in a fixed order (paths, home side, partner side, whole graph), however the parts were computed. */
export function assembleAnalysis(
  base: AnalysisBase,
  sides: Record<Side, { analysis: SideAnalysis; notes: string[] }>,
  whole: WholeGraphMeasures,
  o: ResolvedAnalysisOptions,
  prebuilt: BipartiteGraph | null = null,
): Analysis {
  return analysisFromData({
    options: o,
    dataset: base.dataset,
    nodes: base.nodes,
    index: base.index,
    unified: base.unified,
    density: whole.density,
    components: base.components,
    assortativity: whole.assortativity,
    robinsAlexander: whole.robinsAlexander,
    paths: base.paths,
    eigenvector: whole.eigenvector,
    pagerank: whole.pagerank,
    birank: whole.birank,
    largestComponent: base.largestComponent,
    sides: { home: sides.home.analysis, partner: sides.partner.analysis },
    bipartite: whole.bipartite,
    notes: [...base.notes, ...sides.home.notes, ...sides.partner.notes, ...whole.notes],
  }, prebuilt);
}

/** An analysis as plain data, without its graphology graph: what can be posted to a worker thread. */
export type AnalysisData = Omit<Analysis, 'graph'>;

/** `a` without its graph (the lazy getter is not called: a graph not yet built stays unbuilt). */
export function analysisData(a: Analysis): AnalysisData {
  const out: Record<string, unknown> = {};
  for (const [key, d] of Object.entries(Object.getOwnPropertyDescriptors(a))) if (key !== 'graph') out[key] = d.value;
  return out as AnalysisData;
}

/** The analysis again from `analysisData`, its graph built on first use (or `prebuilt`, the same graph built already). */
export function analysisFromData(data: AnalysisData, prebuilt: BipartiteGraph | null = null): Analysis {
  let graph = prebuilt;
  return {
    ...data,
    get graph(): BipartiteGraph {
      graph ??= buildBipartiteGraph(data.dataset, { districts: data.options.districts }, data.nodes);
      return graph;
    },
  };
}

/** The standard errors of the 10 highest betweenness estimates, relative to the estimates, in words. */
function sampledErrorNote(paths: PathMeasures): string {
  const se = paths.betweennessStdError;
  if (!se) return '';
  const top: number[] = [];
  for (let v = 0; v < paths.betweenness.length; v++) {
    if (!((paths.betweenness[v] as number) > 0)) continue;
    top.push(v);
    if (top.length > 10) { top.sort((x, y) => (paths.betweenness[y] as number) - (paths.betweenness[x] as number) || x - y); top.pop(); }
  }
  if (top.length === 0) return '';
  const relative = top.map((v) => (se[v] as number) / (paths.betweenness[v] as number)).sort((x, y) => x - y);
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  return `; standard error of the ${top.length} highest estimates, from the spread over pivots: median ${pct(relative[relative.length >> 1] as number)}, at most ${pct(relative[relative.length - 1] as number)} of the estimate`;
}

/** The error for a data set without a link between a home place and a foreign partner (every command gives the same). */
export function noLinks(dataset: Dataset): InputError {
  const { demonym } = homeWords(dataset.home);
  return new InputError(
    `no links to analyse (${dataset.homes.length} ${demonym} ${nounFor(dataset.homes.length, 'entry', 'entries')}, ${dataset.partners.length} foreign ${nounFor(dataset.partners.length, 'partner')}): the input holds no link between ${withArticle(demonym)} place and a foreign partner`,
    dataset.source.path,
  );
}

/** Seeds for a community detection on `edges` edges: all requested ones while edges × runs ≤ budget, never fewer than 1. */
export function runsFor(edges: number, runs: number, budget: number): number {
  return Math.max(1, Math.min(runs, Math.floor(budget / Math.max(1, edges))));
}

function birankBySide(index: BipartiteIndex): Analysis['birank'] {
  const { left, right, iterations } = birank(index.home, index.partner);
  return { home: left, partner: right, iterations };
}

function skipBipartite(notes: string[], edges: number, limit: number): null {
  notes.push(`Bipartite communities skipped (${edges} links, limit ${limit}).`);
  return null;
}

/** Σ_k C(d_k, 2) over the other side: how many (shared partner, pair) entries a projection holds. */
export function sharedEntryCount(index: BipartiteIndex, side: Side): number {
  const other = side === 'home' ? index.partner : index.home;
  let total = 0;
  for (let k = 0; k < other.keys.length; k++) {
    const d = (other.offsets[k + 1] as number) - (other.offsets[k] as number);
    total += (d * (d - 1)) / 2;
  }
  return total;
}
