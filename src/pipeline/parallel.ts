/**
 * analyzeInParallel: `analyze` on two cores. The partner side (its projection, significance, SDSM and
 * Louvain: the largest share of the work on the seed) runs in a worker thread while the main thread
 * computes the home side, the whole-graph measures and the shortest paths. Every part is a pure
 * function of the same inputs and the notes are put together in a fixed order, so the result equals
 * `analyze(dataset, options)` (tested byte for byte through the reports). Without a compiled worker
 * (running from TypeScript sources) or with TWINNET_WORKERS=0, it is `analyze`.
 *
 * `graph`: as for `analyze`, a graphology graph of the same data set already built by the caller.
 * `worker`: a side worker started ahead (`startSideWorker`).
 * `whileWaiting`: work of the caller's to do on the main thread once its part of the analysis but
 * the shortest paths is done (not called when there is no worker); it gets the index the analysis
 * runs on.
 * `onHomeSide`: called with the home side's analysis as soon as it is done (the report starts the
 * home projection's layout in a thread of its own there).
 * `keepWorker`: given the worker once it has answered, instead of ending it (the caller may give it
 * another job — `gexfInWorker` — and ends it; unref'd meanwhile, it does not keep the process alive).
 *
 * The bipartite communities need only the index: they go to whichever thread is free first — the
 * worker after the partner side, or the main thread after its share and `whileWaiting` — claimed
 * through one shared Int32 (compare-and-exchange), so neither waits while the other still has work.
 * At 1.4 million links the worker is done with its side ~40 s before the main thread reaches them,
 * and taking them (and the path chunks) there cut the report from 67 to 54 s for ~0.25 GB more peak.
 * Which thread ran them changes nothing in the result. The shortest paths come last on the main
 * thread, as they can be shared: their sums are defined chunk by chunk (`pathPlan`), and the worker,
 * once done with the rest, computes the chunks the main thread has not claimed (`collectChunks`): from
 * a plan of its own, so it can start before the main thread gets there; the main thread adds them all
 * in chunk order, the same bits as `pathTotals`.
 * Likewise the seeds of the partner side's Louvain (the longest part of the worker's share): once
 * the main thread has nothing else to do and the worker has not posted its side, it projects the
 * partner side itself and runs the seeds the worker has not started (`helpLouvain`).
 */
import { Worker } from 'node:worker_threads';
import type { Dataset } from '../parse/types.js';
import type { BipartiteIndex } from '../graph/bipartite-index.js';
import type { BipartiteGraph } from '../graph/build-bipartite.js';
import { chunkShare, Claim, collectChunks, tryClaim, workerInbox, workerScript } from './workers.js';
import type { ChunkShare } from './workers.js';
import {
  analysisGraph, analyze, analyzeSide, assembleAnalysis, bipartiteMeasures, buildAnalysisGraph, louvainOptions, resolveOptions, runsFor,
  sharedEntryCount, wholeGraphMeasures, withPaths,
} from '../analysis/analyze.js';
import type { Analysis, AnalysisOptions, ResolvedAnalysisOptions, SideAnalysis } from '../analysis/analyze.js';
import type { BipartiteCommunities } from '../analysis/communities/bipartite-communities.js';
import { createSeedShare, helpLouvain } from '../analysis/communities/louvain-projection.js';
import type { SeedShare } from '../analysis/communities/louvain-projection.js';
import { project } from '../analysis/projection/project.js';
import { chunkCount, chunkTotal, pathChunkSums } from '../analysis/centrality/paths.js';
import type { PathPlan, PathSums } from '../analysis/centrality/paths.js';

/**
 * What the side worker answers: its side (posted as soon as it is done, so its memory moves here
 * before anything else runs there), then — only if it claimed them — the bipartite communities.
 */
interface SideAnswer { analysis: SideAnalysis; notes: string[] }
interface BipartiteAnswer { bipartite: BipartiteCommunities | null; notes: string[] }

/**
 * A side worker started ahead of its job (e.g. before the list is read), so that it has loaded its
 * code when `analyzeInParallel` hands it the index; null where workers are not used. It does not keep
 * the process alive until it is given work.
 */
export function startSideWorker(): Worker | null {
  const url = workerScript('side-worker.js', import.meta.url);
  if (url === null) return null;
  const worker = new Worker(url);
  worker.unref();
  return worker;
}

export async function analyzeInParallel(
  dataset: Dataset,
  options: AnalysisOptions & {
    whileWaiting?: ((index: BipartiteIndex) => void) | undefined;
    onHomeSide?: ((home: SideAnalysis) => void) | undefined;
    worker?: Worker | null | undefined;
    graph?: BipartiteGraph | null | undefined;
    keepWorker?: ((worker: Worker) => void) | undefined;
  } = {},
): Promise<Analysis> {
  const { whileWaiting, onHomeSide, worker: early, graph = null, keepWorker, ...analysisOptions } = options;
  const url = workerScript('side-worker.js', import.meta.url);
  if (url === null) { if (early) void early.terminate(); return analyze(dataset, analysisOptions, graph); }
  const { onStage, ...rest } = analysisOptions;
  const stage = onStage ?? (() => {});
  const o = resolveOptions(rest);
  const built = buildAnalysisGraph(dataset, o, stage);
  const claim = new Int32Array(new SharedArrayBuffer(4));
  const paths = chunkShare();
  const partners = built.index.partner.keys.length;
  const seeds = partners * o.runs <= SHARED_SEEDS_LIMIT ? createSeedShare(partners, o.runs) : null;
  const worker = early ?? new Worker(url);
  const inbox = workerInbox(worker, 'pipeline/parallel: the partner-side worker');
  worker.ref();
  worker.postMessage(
    { index: built.index, side: 'partner', options: o, claim, seeds, paths: paths.worker, stay: keepWorker !== undefined },
    [paths.worker.port],
  );
  const partner = inbox.next<SideAnswer>();
  partner.catch(() => {}); // handled when awaited below; no unhandled rejection meanwhile
  try {
    const graphBase = analysisGraph(dataset, built);
    const home = analyzeSide(built.index, 'home', o, stage);
    onHomeSide?.(home.analysis);
    const whole = wholeGraphMeasures(graphBase, home.analysis, o, stage, false);
    if (whileWaiting) { stage('other work while the partner side runs'); whileWaiting(built.index); }
    let bipartite: BipartiteAnswer | null = null;
    if (tryClaim(claim, Claim.Main)) {
      stage('bipartite communities');
      bipartite = bipartiteMeasures(built.index, o);
    }
    const base = withPaths(graphBase, o, stage, (plan) => sharedPathSums(plan, paths.main, stage));
    // Only when the worker runs Louvain on the partner side: it has started (and said with how many
    // seeds), or will surely (every projection's pair count is at most Σ C(d, 2) over the other
    // side) — never a large projection made here for nothing — and seeds are left to claim.
    const louvainSure = sharedEntryCount(built.index, 'partner') <= o.louvainLimit;
    // Claimed seeds read first, then the count: a count read after is the one those claims ran under.
    const claimed = seeds ? Atomics.load(seeds.counters, 0) : 0;
    const started = seeds ? Atomics.load(seeds.counters, 2) : 0;
    if (seeds && (started > 0 || louvainSure) && claimed < (started > 0 ? started : o.runs)) {
      stage('Louvain seeds of the partner side');
      helpPartnerLouvain(built.index, o, seeds);
    }
    stage('waiting for the partner side');
    const side = await partner;
    side.analysis.projection.keys = built.index.partner.keys;
    side.analysis.projection.sharedKeys = built.index.home.keys;
    // The worker claimed the bipartite communities: they come as its second message.
    bipartite ??= await inbox.next<BipartiteAnswer>();
    inbox.close();
    if (keepWorker) { worker.unref(); keepWorker(worker); } else void worker.terminate();
    return assembleAnalysis(base, { home, partner: side }, { ...whole, ...bipartite, notes: [...whole.notes, ...bipartite.notes] }, o, graph);
  } catch (e) {
    inbox.close();
    void worker.terminate();
    throw e;
  } finally {
    paths.main.port.close();
  }
}

/** The sums of every chunk of `plan`, computed here and by the worker (whichever claims each first), added in chunk order. */
function sharedPathSums(plan: PathPlan, share: ChunkShare, stage: (s: string) => void): PathSums {
  const total = chunkTotal(plan);
  const onRest = () => { stage('the worker\'s shortest-path chunks'); };
  collectChunks(share, chunkCount(plan), (c) => pathChunkSums(plan, c), (c, sums: PathSums) => { total.add(c, sums); }, onRest);
  return total.result();
}

/** Labels (partners × seeds) above which the partner side's Louvain seeds are not shared (memory). */
const SHARED_SEEDS_LIMIT = 1 << 25;

/** The main thread's hand in the partner side's Louvain: the same projection and seeds as the worker's `analyzeSide`, when it runs Louvain. */
function helpPartnerLouvain(index: BipartiteIndex, o: ResolvedAnalysisOptions, seeds: SeedShare): void {
  const projection = project(index, 'partner', { keepShared: false });
  const edges = projection.u.length;
  if (edges === 0 || edges > o.louvainLimit) return;
  helpLouvain(projection, louvainOptions(o, runsFor(edges, o.runs, o.runBudget)), seeds);
}
