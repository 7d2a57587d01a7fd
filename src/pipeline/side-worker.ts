/**
 * Worker thread for `analyzeInParallel`: runs `analyzeSide` on the bipartite index it gets as its
 * first message (it is started ahead: `startSideWorker`) and posts the result back, typed arrays
 * transferred (not copied). The projection's key arrays are the index's own: they are left out of the
 * message and put back by the caller. Then, if the main thread has not claimed them (`tryClaim` on
 * the job's `claim`), it computes the bipartite communities and posts them as a second message. With
 * `seeds`, its Louvain shares seeds with the main thread (`helpLouvain`). Then it computes the
 * chunks of the shortest paths that the main thread has not claimed (`shareChunks`), from a
 * plan of its own: the same as the main thread's (`pathOptions`), so its chunks are the main thread's.
 */
import { parentPort } from 'node:worker_threads';
import { analyzeSide, bipartiteMeasures, pathOptions } from '../analysis/analyze.js';
import { chunkCount, pathChunkSums, pathPlan } from '../analysis/centrality/paths.js';
import { unify } from '../graph/bipartite-index.js';
import type { ResolvedAnalysisOptions } from '../analysis/analyze.js';
import type { BipartiteIndex } from '../graph/bipartite-index.js';
import type { SeedShare } from '../analysis/communities/louvain-projection.js';
import type { Side } from '../graph/build-bipartite.js';
import { chunksLeft, Claim, shareChunks, transferables, tryClaim } from './workers.js';
import type { ChunkShare } from './workers.js';
import { runGexfJob } from './gexf-job.js';
import type { GexfJob } from './gexf-job.js';

type Job = {
  task?: 'side'; index: BipartiteIndex; side: Side; options: ResolvedAnalysisOptions; claim: Int32Array; seeds?: SeedShare | null;
  /** The shortest paths' chunks, shared with the main thread. */
  paths: ChunkShare;
  /** Whether another job may follow (else the thread ends once this one is answered, freeing its heap). */
  stay?: boolean;
};

function run(job: Job): void {
  const side = analyzeSide(job.index, job.side, job.options, undefined, job.seeds ?? null);
  side.analysis.projection.keys = [];
  side.analysis.projection.sharedKeys = [];
  // Posted (its arrays transferred) before anything else: a large projection leaves this thread now.
  parentPort?.postMessage(side, transferables(side));
  if (tryClaim(job.claim, Claim.Worker)) {
    const bipartite = bipartiteMeasures(job.index, job.options);
    parentPort?.postMessage(bipartite, transferables(bipartite));
  }
  if (chunksLeft(job.paths)) {
    const plan = pathPlan(unify(job.index), pathOptions(job.options));
    shareChunks(job.paths, chunkCount(plan), (c) => pathChunkSums(plan, c));
  }
}

// The job comes as the first message (a worker started early, while the list is still being read,
// has loaded its code by then); a worker kept after its side (the report's) may then get a GEXF to write.
const onJob = (job: Job | GexfJob): void => {
  if (job.task === 'gexf') { parentPort?.postMessage(runGexfJob(job)); return; }
  run(job);
  // Nothing more to come: stop listening, so the thread ends (and its copy of the graph is freed)
  // as soon as its answers are delivered, not when the main thread gets round to ending it.
  if (!job.stay) parentPort?.off('message', onJob);
};
parentPort?.on('message', onJob);
