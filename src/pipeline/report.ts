/**
 * How `twinnet report` is computed, on two cores: the side worker (started before the list is read)
 * analyses the partner side while the main thread analyses the rest and lays out the bipartite graph
 * (a large layout runs in a thread of its own alongside the whole analysis, and so does a large home
 * projection's layout for the explorer, from when the home side is analysed); both threads then share
 * the shortest paths' chunks (`parallel.ts`); then the worker, idle,
 * writes the GEXF while the main thread writes the report data, Markdown, JSON, charts and explorer.
 * Every derived product is made once (`runProducts`) and handed to each output that reads it. Which
 * thread ran what changes no byte of the files.
 */
import type { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { ANALYSIS_DEFAULTS } from '../analysis/analyze.js';
import type { AnalysisOptions, SideAnalysis } from '../analysis/analyze.js';
import { bipartiteEdgeList, bipartiteNodes } from '../graph/build-bipartite.js';
import type { Dataset } from '../parse/types.js';
import type { BipartiteIndex } from '../graph/bipartite-index.js';
import { edgeListCoreOrder } from '../layout/layout.js';
import type { KeyedEdgeList } from '../layout/layout.js';
import { defaultIterations, edgeListLayout, projectionEdgeList } from '../layout/network-layout.js';
import type { NetworkLayout } from '../layout/network-layout.js';
import { jsonPieces, jsonText } from '../io/json-chunks.js';
import type { OutputFile } from '../io/atomic-write.js';
import { reportCharts } from '../report/charts.js';
import { renderMarkdown } from '../report/markdown.js';
import { buildReportData, NODE_TABLE_LIMIT } from '../report/report-data.js';
import type { ReportData } from '../report/report-data.js';
import { explorerHtml } from '../explorer/explorer-html.js';
import { gexfPiecesFor } from '../export/network-gexf.js';
import type { GexfVersion } from '../export/gexf.js';
import { gexfInWorker } from './gexf-job.js';
import { layoutInWorker } from './layout-job.js';
import { analyzeInParallel, startSideWorker } from './parallel.js';
import { runProducts } from './products.js';
import { runGeography } from './geography.js';
import { buildWhereData, GEO_CREDITS } from '../report/where-data.js';
import { explorerMap } from '../explorer/map-payload.js';
import { whereFiles } from '../report/where-files.js';

/** Layouts with more nodes to iterate than this run in a worker thread during the analysis. */
export const LAYOUT_WORKER_CORE = 2_000;

/** Above these node counts the report leaves out the explorer / the GEXF (and says so). */
export const EXPLORER_NODE_LIMIT = 50_000;
/**
 * Above this many pairs in the home projection the report leaves out the explorer (and says so),
 * which draws that projection: one partner of 8,900 homes (39.6M pairs) made a 468 MB HTML file no
 * browser opens, and 6 GB of memory. The scale-25 list (35,000 links) has 6,976.
 */
export const EXPLORER_PAIR_LIMIT = 250_000;

/** Whether the explorer is written: `nodes` in the network, `homePairs` in the home projection it draws. */
const explorerFits = (nodes: number, homePairs: number): boolean => nodes <= EXPLORER_NODE_LIMIT && homePairs <= EXPLORER_PAIR_LIMIT;
export const GEXF_NODE_LIMIT = 50_000;
/** Above these counts the report leaves out its world map (and says so): at 1.4M links it was a 337 MB SVG. */
export const MAP_LIMITS = { nodes: 50_000, links: 100_000 } as const;

/** Above this many nodes the report's JSON is written in pieces as it is made, never held whole (memory). */
export const JSON_IN_PIECES_NODES = 50_000;

export interface ReportOptions {
  /** Directory the files are meant for (their paths start with it). */
  out: string;
  /** Report name: the files' stem. */
  name: string;
  snapshotDate: string | null;
  sourceUrl: string | null;
  analysis: AnalysisOptions;
  /** ForceAtlas2 iterations; default `defaultIterations` of each network's core. */
  layoutIterations?: number | undefined;
  /** Version of the report's GEXF; default 1.3. */
  gexfVersion?: GexfVersion | undefined;
  /** Largest network the report draws its world map of; default MAP_LIMITS. */
  mapLimits?: { nodes: number; links: number } | undefined;
  /** Samples of the distance null model; 0 = off. Default `DISTANCE_NULL_DEFAULTS.samples` (1,000). */
  nullSamples?: number | undefined;
  /** Layouts whose core has more nodes than this run in a thread of their own; default LAYOUT_WORKER_CORE (the same positions either way). */
  layoutWorkerCore?: number | undefined;
  onStage?: ((stage: string) => void) | undefined;
}

export interface ReportFiles { dataset: Dataset; data: ReportData; files: OutputFile[] }

/** The report's files (not written), from the data set `read` returns; `read` is called once the side worker is starting. */
export async function computeReport(read: () => Dataset, o: ReportOptions): Promise<ReportFiles> {
  const stage = o.onStage ?? (() => {});
  const sideWorker = startSideWorker(); // loads its code while the list is read
  const ds = read();
  // The bipartite layout (only when the report will draw it: the explorer and the GEXF have size
  // limits). A large one runs in a worker thread alongside the whole analysis; a small one (the seed:
  // 333 nodes to iterate) on the main thread while it waits for the partner side's worker.
  const seed = o.analysis.seed ?? ANALYSIS_DEFAULTS.seed;
  const drawn = ds.homes.length + ds.partners.length <= Math.max(EXPLORER_NODE_LIMIT, GEXF_NODE_LIMIT);
  // The graph as the layout reads it (no graphology graph: the report needs none).
  const structure = drawn ? bipartiteEdgeList(ds, bipartiteNodes(ds, { districts: o.analysis.districts ?? ANALYSIS_DEFAULTS.districts })) : null;
  const coreOrder = structure ? edgeListCoreOrder(structure.keys.length, structure.src, structure.dst) : 0;
  const iterations = o.layoutIterations ?? defaultIterations(coreOrder);
  const workerCore = o.layoutWorkerCore ?? LAYOUT_WORKER_CORE;
  const pending = structure && coreOrder > workerCore ? layoutInWorker(structure, { seed, iterations }) : null;
  pending?.catch(() => {}); // handled when awaited below; no unhandled rejection should the analysis fail first
  let laidOut: NetworkLayout | null = null;
  const layOut = (list: KeyedEdgeList): NetworkLayout => (laidOut ??= edgeListLayout(list, { seed, iterations }));
  // The geography: placed once; its null model, like a small layout, on the main thread after its
  // share of the analysis and before the shortest paths, whose chunks the worker takes once free.
  const geo = runGeography(ds, { seed, nullSamples: o.nullSamples });
  // The home projection's layout, for the explorer: a large one in a thread of its own as soon as the
  // home side is analysed, beside the rest of the analysis (else it ran last, on the main thread alone).
  let homePending: Promise<NetworkLayout> | null = null;
  const onHomeSide = ({ projection }: SideAnalysis) => {
    if (!explorerFits(projection.keys.length + projection.sharedKeys.length, projection.u.length)) return;
    const list = projectionEdgeList(projection, 'count');
    const core = edgeListCoreOrder(list.keys.length, list.src, list.dst);
    if (core <= workerCore) return;
    homePending = layoutInWorker(list, { seed, iterations: o.layoutIterations ?? defaultIterations(core) });
    homePending.catch(() => {}); // handled when awaited for the explorer; no unhandled rejection meanwhile
  };
  const whileWaiting = (index: BipartiteIndex) => {
    if (structure && !pending) layOut(structure);
    geo.nullModel(index);
  };
  // The side worker stays for the GEXF only when there will be one (else it ends with its side and
  // its memory is freed at once: at 1.4M links, keeping it idle raised the peak by ~1 GB).
  let freeWorker: Worker | null = null;
  const keepWorker = structure ? (w: Worker) => { freeWorker = w; } : undefined;
  const a = await analyzeInParallel(ds, { ...o.analysis, onStage: stage, whileWaiting, onHomeSide, worker: sideWorker, keepWorker });
  const nodes = a.unified.keys.length;
  const homePairs = a.sides.home.projection.u.length;
  const withExplorer = explorerFits(nodes, homePairs), withGexf = nodes <= GEXF_NODE_LIMIT;
  if (nodes > EXPLORER_NODE_LIMIT) a.notes.push(`Interactive explorer not written (${nodes} nodes, limit ${EXPLORER_NODE_LIMIT}).`);
  else if (!withExplorer) a.notes.push(`Interactive explorer not written (its home projection would draw ${homePairs} pairs, limit ${EXPLORER_PAIR_LIMIT}).`);
  if (!withGexf) a.notes.push(`GEXF not written with the report (${nodes} nodes, limit ${GEXF_NODE_LIMIT}).`);
  const mapLimits = o.mapLimits ?? MAP_LIMITS;
  const withMap = nodes <= mapLimits.nodes && a.index.edges <= mapLimits.links;
  if (!withMap) a.notes.push(`World map not written with the report (${nodes} nodes and ${a.index.edges} links; limits ${mapLimits.nodes} nodes, ${mapLimits.links} links).`);
  // Laid out while waiting for the worker, or now (no worker, no wait).
  const bipartite = structure ? (pending ? await pending : layOut(structure)) : null;
  const run = runProducts(a, { seed, iterations: o.layoutIterations, known: bipartite ? { bipartite } : {}, places: geo.places });
  // The GEXF on the worker, idle now, while this thread writes the rest (same bytes either way).
  const gexfOptions = { seed: a.options.seed, snapshotDate: o.snapshotDate, version: o.gexfVersion, places: geo.places() };
  const gexf = withGexf && bipartite && freeWorker ? gexfInWorker(freeWorker, a, 'bipartite', bipartite, gexfOptions) : null;
  if (freeWorker && !gexf) void (freeWorker as Worker).terminate();
  stage('report data');
  const { name } = o;
  const rows = nodes <= NODE_TABLE_LIMIT ? run.rows() : undefined; // else the report makes only the rows it shows
  const jaccard = { home: run.jaccard('home'), partner: run.jaccard('partner') };
  const geography = buildWhereData(a, geo.places(), geo.nullModel(a.index), { nullSamples: geo.nullSamples, notes: geo.notes, continents: geo.coordinates(a.index).partnerGroup ?? undefined });
  const data = buildReportData(a, { name, inputLabel: ds.source.path, snapshotDate: o.snapshotDate, sourceUrl: o.sourceUrl }, undefined, { rows, jaccard, geography });
  stage('charts, Markdown, JSON');
  const where = whereFiles(a, geography, geo.places(), withMap);
  const charts = { ...reportCharts(data), ...where.charts };
  const chartFiles = Object.fromEntries(Object.keys({ ...charts, ...where.map }).map((k) => [k, `${name}-${k}.svg`]));
  const files: OutputFile[] = [
    { path: join(o.out, `${name}.md`), content: renderMarkdown(data, chartFiles, { explorer: withExplorer ? `${name}.html` : undefined, gexf: withGexf ? `${name}.gexf` : undefined }) },
    { path: join(o.out, `${name}.json`), content: nodes > JSON_IN_PIECES_NODES ? jsonPieces(data, 1) : jsonText(data, 1) },
    ...Object.entries({ ...charts, ...where.map }).map(([k, svg]) => ({ path: join(o.out, chartFiles[k] as string), content: svg })),
  ];
  let explorer: string | null = null;
  if (withExplorer) {
    stage('interactive explorer');
    const positions = { bipartite: run.layout('bipartite').positions, home: (homePending ? await homePending : run.layout('home')).positions };
    const map = explorerMap(run.rows().map((r) => r.key), geo.places(), `${GEO_CREDITS.places}. ${GEO_CREDITS.map}.`);
    explorer = explorerHtml(a, { title: `Sister cities: ${ds.title ?? name}`, seed: a.options.seed, iterations: o.layoutIterations, charts, map, given: { rows, jaccard, positions, bipartiteEdges: structure ?? undefined } });
  }
  if (withGexf) {
    stage(gexf ? 'waiting for the GEXF' : 'GEXF');
    const content = gexf ? await gexf : gexfPiecesFor(a, 'bipartite', { ...gexfOptions, network: run.network('bipartite'), layout: run.layout('bipartite') });
    files.push({ path: join(o.out, `${name}.gexf`), content });
  }
  if (explorer !== null) files.push({ path: join(o.out, `${name}.html`), content: explorer });
  return { dataset: ds, data, files };
}
