/**
 * The report's GEXF on the second core: once the analysis is done, the side worker (idle by then)
 * writes the bipartite GEXF while the main thread writes the report data, Markdown, JSON, charts and
 * explorer. The worker gets the analysis as plain data (`gexfJobData`: typed arrays and objects,
 * structured-cloned) and the layout the main thread computed, so it lays out nothing and the file is
 * the one `gexfFor` writes on the main thread, byte for byte (tested). It answers with the file's
 * bytes (UTF-8), which the main thread writes as they are: encoding them is the worker's work, and
 * bytes clone faster than the text's pieces.
 */
import type { Worker } from 'node:worker_threads';
import { analysisData, analysisFromData } from '../analysis/analyze.js';
import type { Analysis, AnalysisData, SideAnalysis } from '../analysis/analyze.js';
import { gexfPiecesFor } from '../export/network-gexf.js';
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

/**
 * The analysis as the job sends it: `analysisData` without what the bipartite GEXF does not read,
 * most of a structured clone's time on both threads: the data set's lists of entries and diagnostics
 * (its nodes come from `nodes`, its edges from the links) and each side's projected pairs with their
 * tests (a side keeps its communities and clustering; its projection, its nodes with no pairs).
 */
export function gexfJobData(a: Analysis): AnalysisData {
  const data = analysisData(a);
  return {
    ...data,
    dataset: { ...data.dataset, homes: [], partners: [], diagnostics: [] },
    sides: { home: withoutPairs(data.sides.home), partner: withoutPairs(data.sides.partner) },
  };
}

function withoutPairs(s: SideAnalysis): SideAnalysis {
  const none = new Int32Array(0), noValues = new Float64Array(0);
  return {
    ...s,
    projection: { ...s.projection, u: none, v: none, count: none, newman: noValues, sharedOffsets: null, sharedAdj: null },
    significance: { ...s.significance, p: noValues, holm: noValues, bh: noValues, backbone: [] },
    sdsm: null,
  };
}

/** Posts the job to `worker` (a side worker kept after its analysis) and ends the worker once it answered: the GEXF file's bytes. */
export function gexfInWorker(worker: Worker, a: Analysis, kind: 'bipartite', layout: NetworkLayout, gexf: GexfJob['gexf']): Promise<Uint8Array> {
  const job: GexfJob = { task: 'gexf', data: gexfJobData(a), kind, layout, gexf };
  return workerAnswer<{ bytes: Uint8Array }>(worker, 'pipeline/gexf-job: the GEXF worker', job).then((answer) => answer.bytes);
}

/**
 * In the worker: the GEXF file of the job, `gexfPiecesFor` each encoded as UTF-8 (as a file writer
 * encodes the pieces: none splits a character, the writer's strings are whole tags and values).
 */
export function runGexfJob(job: GexfJob): { bytes: Uint8Array } {
  const pieces = gexfPiecesFor(analysisFromData(job.data), job.kind, { ...job.gexf, layout: job.layout });
  return { bytes: Buffer.concat(Array.from(pieces, (piece) => Buffer.from(piece, 'utf8'))) };
}
