/**
 * The report's GEXF on the second core: once the analysis is done, the side worker (idle by then)
 * writes the bipartite GEXF while the main thread writes the report data, Markdown, JSON, charts and
 * explorer. The worker gets the analysis as plain data (`analysisData`: typed arrays and objects,
 * structured-cloned) and the layout the main thread computed, so it lays out nothing and the file is
 * the one `gexfFor` writes on the main thread, byte for byte (tested).
 */
import type { Worker } from 'node:worker_threads';
import { analysisData, analysisFromData } from '../analysis/analyze.js';
import type { Analysis, AnalysisData } from '../analysis/analyze.js';
import { gexfFor } from '../export/network-gexf.js';
import type { GexfForOptions } from '../export/network-gexf.js';
import type { NetworkLayout } from '../layout/network-layout.js';
import { workerAnswer } from './workers.js';

export interface GexfJob {
  task: 'gexf';
  data: AnalysisData;
  /** The bipartite graph, the report's GEXF. */
  kind: 'bipartite';
  /** Its layout, laid out on the main thread. */
  layout: NetworkLayout;
  gexf: Pick<GexfForOptions, 'seed' | 'snapshotDate' | 'version' | 'places'>;
}

/** Posts the job to `worker` (a side worker kept after its analysis) and ends the worker once it answered. */
export function gexfInWorker(worker: Worker, a: Analysis, kind: 'bipartite', layout: NetworkLayout, gexf: GexfJob['gexf']): Promise<string> {
  const job: GexfJob = { task: 'gexf', data: analysisData(a), kind, layout, gexf };
  return workerAnswer<{ xml: string }>(worker, 'pipeline/gexf-job: the GEXF worker', job).then((answer) => answer.xml);
}

/** In the worker: the GEXF text of the job. */
export function runGexfJob(job: GexfJob): { xml: string } {
  return { xml: gexfFor(analysisFromData(job.data), job.kind, { ...job.gexf, layout: job.layout }) };
}
