/**
 * Worker thread for `analyzeInParallel`: runs `analyzeSide` on the bipartite index it is given (as
 * workerData, or as the first message to a worker started ahead: `startSideWorker`) and
 * posts the result back, typed arrays transferred (not copied). The projection's key arrays are the
 * index's own: they are left out of the message and put back by the caller.
 * With a `claim` (an Int32 on shared memory), it then also computes the bipartite communities if the
 * main thread has not claimed them yet (whichever thread is free first takes them: 0 = free,
 * 1 = main thread, 2 = this worker), and posts them as a second message. With `seeds`, its Louvain shares seeds with the main thread
 * (`helpLouvain`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeSide, bipartiteMeasures } from './analyze.js';
import type { ResolvedAnalysisOptions } from './analyze.js';
import type { BipartiteIndex } from '../graph/bipartite-index.js';
import type { SeedShare } from './communities/louvain-projection.js';
import type { Side } from '../graph/build-bipartite.js';
import { transferables } from '../util/workers.js';
import { runGexfJob } from '../export/gexf-job.js';
import type { GexfJob } from '../export/gexf-job.js';

type Job = {
  task?: 'side'; index: BipartiteIndex; side: Side; options: ResolvedAnalysisOptions; claim?: Int32Array; seeds?: SeedShare | null;
  /** Whether another job may follow (else the thread ends once this one is answered, freeing its heap). */
  stay?: boolean;
};

function run(job: Job): void {
  const side = analyzeSide(job.index, job.side, job.options, undefined, job.seeds ?? null);
  side.analysis.projection.keys = [];
  side.analysis.projection.sharedKeys = [];
  // Posted (its arrays transferred) before anything else: a large projection leaves this thread now.
  parentPort?.postMessage(side, transferables(side));
  if (job.claim && Atomics.compareExchange(job.claim, 0, 0, 2) === 0) {
    const bipartite = bipartiteMeasures(job.index, job.options);
    parentPort?.postMessage(bipartite, transferables(bipartite));
  }
}

// The job comes with the worker, or later as its first message (a worker started early, while the
// list is still being read, has loaded its code by then); a worker kept after its side (the report's)
// may then get a GEXF to write.
if (workerData) run(workerData as Job);
else {
  const onJob = (job: Job | GexfJob): void => {
    if (job.task === 'gexf') { parentPort?.postMessage(runGexfJob(job)); return; }
    run(job);
    // Nothing more to come: stop listening, so the thread ends (and its copy of the graph is freed)
    // as soon as its answers are delivered, not when the main thread gets round to ending it.
    if (!job.stay) parentPort?.off('message', onJob);
  };
  parentPort?.on('message', onJob);
}
