/**
 * The benchmarked stages of the pipeline, one per analysis step, each as `run(file, options)`:
 * prerequisites first (untimed), then `begin()` and the stage itself, timed with
 * `performance.now()`. `bench/stage.ts` runs one of them in a fresh process; `bench/run.ts` spawns it.
 *
 * Options are the analysis defaults (`ANALYSIS_DEFAULTS`), so each stage costs what it costs inside
 * `twinnet report`: 10 seeds per community detection, exact shortest paths up to
 * `exactLimit` nodes and sampled pivots above (never exact above the limit).
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { analyze, ANALYSIS_DEFAULTS, pathOptions, runsFor, sharedEntryCount } from '../src/analysis/analyze.js';
import { eigenvectorCentrality } from '../src/analysis/centrality/eigenvector.js';
import { pagerank } from '../src/analysis/centrality/pagerank.js';
import { pathMeasures } from '../src/analysis/centrality/paths.js';
import { bipartiteCommunities } from '../src/analysis/communities/bipartite-communities.js';
import { louvainProjection } from '../src/analysis/communities/louvain-projection.js';
import { project } from '../src/analysis/projection/project.js';
import type { Projection } from '../src/analysis/projection/project.js';
import { significance } from '../src/analysis/projection/significance.js';
import { gexfPiecesFor } from '../src/export/network-gexf.js';
import { exportNetwork } from '../src/export/network.js';
import { distanceNullModel } from '../src/geo/distance-null-model.js';
import type { GeocodeResult } from '../src/geo/geocode.js';
import { indexCoordinates } from '../src/geo/index-coordinates.js';
import { linkDistances } from '../src/geo/link-distances.js';
import { loadGazetteer } from '../src/geo/load-gazetteer.js';
import { buildBipartiteIndexFromDataset, unify } from '../src/graph/bipartite-index.js';
import type { BipartiteIndex, UnifiedIndex } from '../src/graph/bipartite-index.js';
import { bipartiteNodes } from '../src/graph/build-bipartite.js';
import type { Side } from '../src/graph/build-bipartite.js';
import { writeLinkTable } from '../src/io/table-writer.js';
import { defaultNullSamples, placesFor } from '../src/pipeline/geography.js';
import { sharedNetworkLayout } from '../src/pipeline/repulsion-helper.js';
import { parseSisterCityList } from '../src/parse/parse-list.js';
import { readList } from '../src/parse/read-list.js';
import type { Dataset } from '../src/parse/types.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { buildReportData } from '../src/report/report-data.js';
import { createRng } from '../src/util/rng.js';

/** What a stage reports besides its time: sizes it worked on (pivots, edges, …). */
export type StageInfo = Record<string, number | string | boolean>;

export interface StageContext {
  /** Marks the start of the timed section (everything before is a prerequisite). */
  begin: () => void;
}

export interface Stage {
  name: string;
  title: string;
  run: (file: string, ctx: StageContext) => StageInfo;
  /** Timed by the parent as a whole process (`twinnet report`), not by `run`. */
  external?: boolean;
}

const o = ANALYSIS_DEFAULTS;

/** Gives every place of `ds` coordinates (latitude in ±70°, longitude in ±170°, 4 decimals) from `rng`. */
function scatter(ds: Dataset, rng: () => number): void {
  for (const place of [...ds.homes, ...ds.partners]) {
    place.lat = Math.round((rng() * 140 - 70) * 1e4) / 1e4;
    place.lon = Math.round((rng() * 340 - 170) * 1e4) / 1e4;
  }
}

/** `ds` as a link table whose places have coordinates and whose links have a start year (seeded: the same table each run). */
export function tableOf(ds: Dataset): string {
  const rng = createRng(7);
  scatter(ds, rng);
  for (const l of ds.links) l.start = String(1950 + Math.floor(rng() * 70));
  return writeLinkTable(ds);
}

/** The link table of the list `file` (`tableOf`), as the bench writes it beside the list: `…/list-X.txt` → `…/table-X.csv`. */
export const tableFileOf = (file: string): string => join(dirname(file), `${basename(file, '.txt').replace(/^list-/, 'table-')}.csv`);

export const load = (file: string): Dataset => parseSisterCityList(readFileSync(file, 'utf8'), { source: file });

/**
 * The list with seeded coordinates on every place (generated names are made up and mostly match no
 * GeoNames place), placed as the input's coordinates are, and its analysis index.
 */
function placedOf(file: string): { ds: Dataset; places: GeocodeResult; index: BipartiteIndex } {
  const ds = load(file);
  scatter(ds, createRng(7));
  const places = placesFor(ds);
  return { ds, places, index: buildBipartiteIndexFromDataset(ds, bipartiteNodes(ds, { districts: o.districts })) };
}

function indexOf(file: string): { index: BipartiteIndex; unified: UnifiedIndex } {
  const ds = load(file);
  const index = buildBipartiteIndexFromDataset(ds, bipartiteNodes(ds, { districts: o.districts }));
  return { index, unified: unify(index) };
}

/** As in `twinnet report`: shared-partner lists kept only up to `sharedLimit` entries. */
const keepShared = (index: BipartiteIndex, side: Side): boolean => o.keepShared && sharedEntryCount(index, side) <= o.sharedLimit;

const projectionOf = (file: string, side: Side): Projection => {
  const { index } = indexOf(file);
  return project(index, side, { keepShared: keepShared(index, side) });
};

const projectStage = (side: Side): Stage => ({
  name: `project-${side}`,
  title: `projection (${side})`,
  run(file, ctx) {
    const { index } = indexOf(file);
    ctx.begin();
    const p = project(index, side, { keepShared: keepShared(index, side) });
    return { nodes: p.keys.length, edges: p.u.length, sharedKept: p.sharedAdj !== null };
  },
});

const significanceStage = (side: Side): Stage => ({
  name: `significance-${side}`,
  title: `significance (${side})`,
  run(file, ctx) {
    const p = projectionOf(file, side);
    ctx.begin();
    const s = significance(p, { alpha: o.alpha, correction: o.correction });
    return { edges: p.u.length, backbone: s.backbone.length };
  },
});

const louvainStage = (side: Side): Stage => ({
  name: `louvain-${side}`,
  title: `Louvain (${side})`,
  run(file, ctx) {
    const p = projectionOf(file, side);
    ctx.begin();
    // As in `twinnet report`: fewer seeds above the run budget, no graphology pass above its limit.
    const runs = runsFor(p.u.length, o.runs, o.runBudget);
    const r = louvainProjection(p, { weight: o.communityWeight, resolution: o.resolution, seed: o.seed, runs, libraryLimit: o.louvainLibraryLimit });
    return { nodes: p.keys.length, edges: p.u.length, runs, library: r.library, modularity: r.best.modularity };
  },
});

export const STAGES: readonly Stage[] = [
  {
    name: 'parse',
    title: 'parse',
    run(file, ctx) {
      const text = readFileSync(file, 'utf8');
      ctx.begin();
      const ds = parseSisterCityList(text, { source: file });
      return { lines: ds.source.lines, links: ds.links.length };
    },
  },
  {
    name: 'read-table',
    title: 'read a link table',
    // The list's links as a link table (one row per link, with coordinates and a start year, seeded),
    // read back through readList as an input table is: delimited text, roles, identity, merging. The
    // table is the file the parent wrote beside the list (`tableFileOf`), so that the peak memory is
    // the reading's, not that of making the table; made here when there is none.
    run(file, ctx) {
      const table = tableFileOf(file);
      const text = existsSync(table) ? readFileSync(table, 'utf8') : tableOf(load(file));
      ctx.begin();
      const ds = readList(text, { source: 'bench.csv', format: 'table' });
      return { rows: ds.source.lines - 1, links: ds.links.length, bytes: ds.source.bytes };
    },
  },
  {
    name: 'graph',
    title: 'graph + index',
    run(file, ctx) {
      const ds = load(file);
      ctx.begin();
      const index = buildBipartiteIndexFromDataset(ds, bipartiteNodes(ds, { districts: o.districts }));
      const unified = unify(index);
      return { nodes: unified.n + unified.m, edges: index.edges };
    },
  },
  {
    name: 'paths',
    title: 'betweenness/closeness',
    run(file, ctx) {
      const { unified } = indexOf(file);
      ctx.begin();
      const p = pathMeasures(unified, pathOptions(o));
      return { nodes: unified.n + unified.m, exact: p.exact, pivots: p.pivots };
    },
  },
  {
    name: 'pagerank',
    title: 'PageRank',
    run(file, ctx) {
      const { unified } = indexOf(file);
      ctx.begin();
      return { iterations: pagerank(unified).iterations };
    },
  },
  {
    name: 'eigenvector',
    title: 'eigenvector',
    run(file, ctx) {
      const { unified } = indexOf(file);
      ctx.begin();
      return { iterations: eigenvectorCentrality(unified).iterations };
    },
  },
  {
    name: 'geocode',
    title: 'geocode (index load included)',
    // The real geocoder on the generated names (most match nothing, so this is mostly the cost of
    // looking every name up), from a cold start: opening the GeoNames index and reading the aliases and
    // overrides are inside the timed section, as they are in `twinnet report`; `indexLoadSeconds` is
    // the opening alone.
    run(file, ctx) {
      const ds = load(file);
      ctx.begin();
      const t0 = performance.now();
      loadGazetteer();
      const indexLoadSeconds = (performance.now() - t0) / 1000;
      const places = placesFor(ds);
      const total = ds.homes.length + ds.partners.length;
      return { places: total, placed: total - places.unplaced.length, ambiguous: places.ambiguous.length, indexLoadSeconds };
    },
  },
  {
    name: 'distances',
    title: 'link distances',
    // Every place at seeded random coordinates, so that every link is measured.
    run(file, ctx) {
      const { ds, places } = placedOf(file);
      ctx.begin();
      const d = linkDistances(ds, places);
      return { links: d.length, measured: d.filter((x) => !Number.isNaN(x)).length };
    },
  },
  {
    name: 'null-model',
    title: 'distance null model',
    // Every place at seeded random coordinates (so every link is measured), on the analysis index,
    // with the report's default samples (1,000 within the trade budget, fewer above).
    run(file, ctx) {
      const { ds, places, index } = placedOf(file);
      const coords = indexCoordinates(index, places, ds);
      ctx.begin();
      const r = distanceNullModel(index, coords, { samples: defaultNullSamples(index.edges), seed: o.seed });
      return { links: r.links.measured, samples: r.samples, trades: r.burnIn + r.samples * r.tradesPerSample, groups: Object.keys(r.byGroup).length };
    },
  },
  projectStage('home'),
  projectStage('partner'),
  significanceStage('home'),
  significanceStage('partner'),
  louvainStage('home'),
  louvainStage('partner'),
  {
    name: 'bipartite-communities',
    title: 'bipartite communities',
    run(file, ctx) {
      const { index } = indexOf(file);
      ctx.begin();
      const runs = runsFor(index.edges, o.runs, o.runBudget);
      const r = bipartiteCommunities(index, { seed: o.seed, runs });
      return { runs, modularity: r.best.modularity, communities: r.best.communities };
    },
  },
  {
    name: 'report',
    title: 'report (data + Markdown)',
    run(file, ctx) {
      const a = analyze(load(file));
      ctx.begin();
      const data = buildReportData(a, { name: 'bench', inputLabel: file, snapshotDate: null, sourceUrl: null });
      const text = renderMarkdown(data);
      return { markdownChars: text.length };
    },
  },
  {
    name: 'gexf',
    title: 'GEXF + layout',
    run(file, ctx) {
      const a = analyze(load(file));
      ctx.begin();
      // As `twinnet export --to gexf` makes it: the network, its layout (Barnes–Hut walks on both
      // cores when large), then the pieces as a file write takes them, counted, never joined (1.4M
      // links: more than one string holds).
      const network = exportNetwork(a, 'bipartite', a.options.communityWeight, undefined, null);
      const layout = sharedNetworkLayout(network, { seed: a.options.seed });
      let chars = 0;
      for (const piece of gexfPiecesFor(a, 'bipartite', { seed: a.options.seed, snapshotDate: null, network, layout })) chars += piece.length;
      return { gexfChars: chars };
    },
  },
];

/** The whole command, process start to exit, timed by the parent (bench/run.ts). */
export const REPORT_STAGE: Stage = {
  name: 'twinnet-report',
  title: '`twinnet report`, end to end',
  external: true,
  run() { throw new Error('bench: twinnet-report is timed as a whole process by bench/run.ts'); },
};

/**
 * The whole command on the list as a link table whose places all have coordinates (`tableOf`): the
 * generated names are made up and mostly match no GeoNames place, so on the list itself the report
 * measures almost no distance and its null model has next to nothing to randomise; here every link is
 * measured and the null model runs in full (its default samples within the trade budget). Timed by
 * the parent like `twinnet-report`.
 */
export const PLACED_REPORT_STAGE: Stage = {
  name: 'twinnet-report-placed',
  title: '`twinnet report` on the list as a table with coordinates, end to end',
  external: true,
  run() { throw new Error('bench: twinnet-report-placed is timed as a whole process by bench/run.ts'); },
};

const EXTERNAL_STAGES = [REPORT_STAGE, PLACED_REPORT_STAGE];

export const STAGE_NAMES: readonly string[] = [...STAGES.map((s) => s.name), ...EXTERNAL_STAGES.map((s) => s.name)];

export function stageByName(name: string): Stage {
  const stage = [...STAGES, ...EXTERNAL_STAGES].find((s) => s.name === name);
  if (!stage) throw new Error(`bench: unknown stage "${name}" (known: ${STAGE_NAMES.join(', ')})`);
  return stage;
}
