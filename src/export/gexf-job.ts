/**
 * The report's GEXF on the second core: once the analysis is done, the side worker (idle by then)
 * writes the bipartite GEXF while the main thread writes the report data, Markdown, JSON, charts and
 * explorer. The worker gets the analysis as plain data (`analysisData`: typed arrays and objects,
 * structured-cloned) and the layout positions the main thread computed, so it lays out nothing and
 * the file is the one `gexfFor` writes on the main thread, byte for byte (tested).
 */
import type { Worker } from 'node:worker_threads';
import { analysisData, analysisFromData } from '../analysis/analyze.js';
import type { Analysis, AnalysisData } from '../analysis/analyze.js';
import { workerAnswer } from '../util/workers.js';
import type { Position } from './layout.js';
import { gexfFor } from './network-gexf.js';
import { primeLayout } from './network-layout.js';

export interface GexfJob {
  task: 'gexf';
  data: AnalysisData;
  /** The bipartite graph, the report's GEXF: unweighted, so its layout is keyed with weight key null. */
  kind: 'bipartite';
  /** The positions of the network's layout, with what `primeLayout` keys them by. */
  layout: { seed: number; iterations: number; positions: Map<string, Position>; size: number };
  gexf: Parameters<typeof gexfFor>[2];
}

/** Posts the job to `worker` (a side worker kept after its analysis) and ends the worker once it answered. */
export function gexfInWorker(worker: Worker, a: Analysis, kind: 'bipartite', layout: GexfJob['layout'], gexf: GexfJob['gexf']): Promise<string> {
  const job: GexfJob = { task: 'gexf', data: analysisData(a), kind, layout, gexf };
  return workerAnswer<{ xml: string }>(worker, 'export/gexf-job: the GEXF worker', job).then((answer) => answer.xml);
}

/** In the worker: the GEXF text of the job. */
export function runGexfJob(job: GexfJob): { xml: string } {
  const a = analysisFromData(job.data);
  const { seed, iterations, positions, size } = job.layout;
  primeLayout(a, job.kind, null, seed, iterations, positions, size);
  return { xml: gexfFor(a, job.kind, job.gexf) };
}
