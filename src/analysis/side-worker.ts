/**
 * Worker thread for `analyzeInParallel`: runs `analyzeSide` on the bipartite index it is given (as
 * workerData, or as the first message to a worker started ahead: `startSideWorker`) and
 * posts the result back, typed arrays transferred (not copied). The projection's key arrays are the
 * index's own: they are left out of the message and put back by the caller.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { analyzeSide } from './analyze.js';
import type { ResolvedAnalysisOptions } from './analyze.js';
import type { BipartiteIndex } from '../graph/bipartite-index.js';
import type { Side } from '../graph/build-bipartite.js';
import { transferables } from '../util/workers.js';

type Job = { index: BipartiteIndex; side: Side; options: ResolvedAnalysisOptions };

function run(job: Job): void {
  const out = analyzeSide(job.index, job.side, job.options);
  out.analysis.projection.keys = [];
  out.analysis.projection.sharedKeys = [];
  parentPort?.postMessage(out, transferables(out));
}

// The job comes with the worker, or later as its first message (a worker started early, while the
// list is still being read, has loaded its code by then).
if (workerData) run(workerData as Job);
else parentPort?.once('message', run);
