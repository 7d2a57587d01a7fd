/**
 * `twinnet report [FILE] [--out DIR] [--seed N] [--districts separate|merge]`: the Markdown and JSON
 * reports, their SVG charts and the GEXF of the bipartite graph, written atomically into DIR.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { basename, join } from 'node:path';
import { ANALYSIS_DEFAULTS } from '../analysis/analyze.js';
import { analyzeInParallel, startSideWorker } from '../analysis/parallel.js';
import { buildBipartiteGraph } from '../graph/build-bipartite.js';
import type { BipartiteGraph } from '../graph/build-bipartite.js';
import { layoutInWorker } from '../export/layout-job.js';
import { layoutCoreOrder, layoutForceAtlas2 } from '../export/layout.js';
import type { Position } from '../export/layout.js';
import { defaultIterations, primeLayout } from '../export/network-layout.js';
import { writeFilesAtomically } from '../io/atomic-write.js';
import { jsonPieces, jsonText } from '../io/json-chunks.js';
import type { OutputFile } from '../io/atomic-write.js';
import { reportCharts } from '../report/charts.js';
import { renderMarkdown } from '../report/markdown.js';
import { buildReportData } from '../report/report-data.js';
import { DEFAULT_INPUT } from '../util/paths.js';
import { homeWords } from '../parse/countries.js';
import { explorerHtml } from '../explorer/explorer-html.js';
import { gexfFor } from '../export/network-gexf.js';
import { gexfInWorker } from '../export/gexf-job.js';
import { loadDataset } from './load.js';
import { createProgress } from './progress.js';
import { analysisOptions } from './options.js';
import type { AnalysisFlags } from './options.js';

export interface ReportFlags extends AnalysisFlags {
  out: string;
  layoutIterations?: number;
  quiet?: boolean;
  timings?: boolean;
  strict?: boolean;
}

/** Layouts with more nodes to iterate than this run in a worker thread during the analysis. */
export const LAYOUT_WORKER_CORE = 2_000;

/** Above these node counts the report leaves out the explorer / the GEXF (and says so). */
export const EXPLORER_NODE_LIMIT = 50_000;
export const GEXF_NODE_LIMIT = 50_000;

/** Above this many nodes the report's JSON is written in pieces as it is made, never held whole (memory). */
export const JSON_IN_PIECES_NODES = 50_000;

export interface InputMeta { snapshotDate: string | null; url: string | null }

/** Reads `<file>.meta.json` beside the input when there is one (snapshot date, source URL). */
export function inputMeta(file: string | undefined): InputMeta {
  const path = (file ?? DEFAULT_INPUT).replace(/\.[^./]+$/, '') + '.meta.json';
  if (file === '-' || !existsSync(path)) return { snapshotDate: null, url: null };
  const meta = JSON.parse(readFileSync(path, 'utf8')) as { snapshotDate?: string; url?: string };
  return { snapshotDate: meta.snapshotDate ?? null, url: meta.url ?? null };
}

export function reportName(file: string | undefined): string {
  if (file === undefined) return 'china-sister-cities';
  if (file === '-') return 'stdin';
  return basename(file).replace(/\.[^.]+$/, '') || 'report';
}

export async function reportCommand(file: string | undefined, flags: ReportFlags, print: (s: string) => void): Promise<void> {
  const progress = createProgress({ quiet: flags.quiet, timings: flags.timings });
  const sideWorker = startSideWorker(); // loads its code while the list is read
  progress('reading the list');
  const ds = loadDataset(file, { strict: flags.strict, format: flags.format, home: flags.home });
  const options = analysisOptions(flags);
  // The bipartite layout (only when the report will draw it: the explorer and the GEXF have size
  // limits). A large one runs in a worker thread alongside the whole analysis; a small one (the seed:
  // 333 nodes to iterate) on the main thread while it waits for the partner side's worker.
  const seed = options.seed ?? ANALYSIS_DEFAULTS.seed;
  const drawn = ds.homes.length + ds.partners.length <= Math.max(EXPLORER_NODE_LIMIT, GEXF_NODE_LIMIT);
  const structure = drawn ? buildBipartiteGraph(ds, { districts: options.districts ?? ANALYSIS_DEFAULTS.districts }) : null;
  const coreOrder = structure ? layoutCoreOrder(structure) : 0;
  const iterations = flags.layoutIterations ?? defaultIterations(coreOrder);
  const pending = structure && coreOrder > LAYOUT_WORKER_CORE ? layoutInWorker(structure, { seed, iterations }) : null;
  let positions: Map<string, Position> | null = null;
  const layOut = (g: BipartiteGraph): Map<string, Position> => (positions ??= layoutForceAtlas2(g, { seed, iterations }));
  const whileWaiting = structure && !pending ? () => { layOut(structure); } : undefined;
  // The side worker stays for the GEXF only when there will be one (else it ends with its side and
  // its memory is freed at once: at 1.4M links, keeping it idle raised the peak by ~1 GB).
  let freeWorker: Worker | null = null;
  const keepWorker = structure ? (w: Worker) => { freeWorker = w; } : undefined;
  const a = await analyzeInParallel(ds, { ...options, onStage: progress, whileWaiting, worker: sideWorker, graph: structure, keepWorker });
  const name = reportName(file);
  const meta = inputMeta(file);
  const nodes = a.unified.keys.length;
  const withExplorer = nodes <= EXPLORER_NODE_LIMIT, withGexf = nodes <= GEXF_NODE_LIMIT;
  if (!withExplorer) a.notes.push(`Interactive explorer not written (${nodes} nodes, limit ${EXPLORER_NODE_LIMIT}).`);
  if (!withGexf) a.notes.push(`GEXF not written with the report (${nodes} nodes, limit ${GEXF_NODE_LIMIT}).`);
  // The GEXF on the worker, idle now, while this thread writes the rest (same bytes either way).
  let gexf: Promise<string> | null = null;
  // The iteration count the layout above used (gexfFor would work it out again from the graph).
  const gexfOptions = { seed: a.options.seed, snapshotDate: meta.snapshotDate, iterations: structure ? iterations : flags.layoutIterations };
  if (structure) {
    // Laid out while waiting for the worker, or now (no worker, no wait).
    const laidOut = pending ? await pending : layOut(structure);
    primeLayout(a, 'bipartite', null, seed, iterations, laidOut, structure.size);
    if (withGexf && freeWorker) gexf = gexfInWorker(freeWorker, a, 'bipartite', { seed, iterations, positions: laidOut, size: structure.size }, gexfOptions);
  }
  if (freeWorker && !gexf) void (freeWorker as Worker).terminate();
  progress('report data');
  const data = buildReportData(a, { name, inputLabel: ds.source.path, snapshotDate: meta.snapshotDate, sourceUrl: meta.url });
  progress('charts, Markdown, JSON');
  const charts = reportCharts(data);
  const chartFiles = Object.fromEntries(Object.keys(charts).map((k) => [k, `${name}-${k}.svg`]));
  const files: OutputFile[] = [
    { path: join(flags.out, `${name}.md`), content: renderMarkdown(data, chartFiles, { explorer: withExplorer ? `${name}.html` : undefined, gexf: withGexf ? `${name}.gexf` : undefined }) },
    { path: join(flags.out, `${name}.json`), content: nodes > JSON_IN_PIECES_NODES ? jsonPieces(data, 1) : jsonText(data, 1) },
    ...Object.entries(charts).map(([k, svg]) => ({ path: join(flags.out, chartFiles[k] as string), content: svg })),
  ];
  let explorer: string | null = null;
  if (withExplorer) {
    progress('interactive explorer');
    explorer = explorerHtml(a, { title: `Sister cities: ${ds.title ?? name}`, seed: a.options.seed, iterations: flags.layoutIterations, charts });
  }
  if (withGexf) {
    progress(gexf ? 'waiting for the GEXF' : 'GEXF');
    files.push({ path: join(flags.out, `${name}.gexf`), content: gexf ? await gexf : gexfFor(a, 'bipartite', gexfOptions) });
  }
  if (explorer !== null) files.push({ path: join(flags.out, `${name}.html`), content: explorer });
  progress('writing');
  const written = writeFilesAtomically(files);
  progress.done();
  const { demonym } = homeWords(ds.home);
  print(`${ds.homes.length} ${demonym} entries, ${ds.partners.length} foreign partners, ${ds.links.length} links; ` +
    `Q (${demonym} projection) ${data.communities.home?.modularity ?? '–'}, bipartite ${data.communities.bipartite?.modularity ?? '–'}`);
  print(`wrote ${written.join(', ')}`);
}
