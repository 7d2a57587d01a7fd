/**
 * `twinnet export [FILE] --to gexf|graphml|csv|json [--graph bipartite|home|partners] [--weight W] [--out PATH]`.
 * CSV writes two files, `<stem>-nodes.csv` and `<stem>-edges.csv`. A projection's edges carry the
 * projection weight (`--weight`), the one its communities were found with.
 */
import { basename, dirname, join } from 'node:path';
import { analyze } from '../analysis/analyze.js';
import { writeFilesAtomically } from '../io/atomic-write.js';
import type { OutputFile } from '../io/atomic-write.js';
import { writeCsvTables } from '../export/csv.js';
import { gexfFor } from '../export/network-gexf.js';
import { writeGraphJson } from '../export/json.js';
import { writeGraphml } from '../export/graphml.js';
import { exportNetwork } from '../export/network.js';
import type { NetworkKind } from '../export/network.js';
import { UsageError } from '../util/errors.js';
import { loadDataset } from './load.js';
import { analysisOptions } from './options.js';
import type { AnalysisFlags } from './options.js';
import { inputMeta, reportName } from './report-command.js';

export const EXPORT_FORMATS = ['gexf', 'graphml', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFlags extends AnalysisFlags {
  /** Output format. */
  to: ExportFormat;
  graph: NetworkKind;
  out?: string;
  layoutIterations?: number;
}

export function exportCommand(file: string | undefined, flags: ExportFlags, print: (s: string) => void): void {
  if ((EXPORT_FORMATS as readonly (string | undefined)[]).includes(flags.format)) {
    throw new UsageError(`--format names the input list's format; choose the output format with --to ${flags.format as string}`);
  }
  const ds = loadDataset(file, { format: flags.format, home: flags.home, columns: flags.columns });
  const a = analyze(ds, analysisOptions(flags));
  const stem = `${reportName(file)}-${flags.graph}`;
  const out = flags.out ?? join('reports', `${stem}.${flags.to}`);
  let files: OutputFile[];
  const weight = a.options.communityWeight; // the projection weight, as its communities used it
  switch (flags.to) {
    case 'gexf':
      files = [{ path: out, content: gexfFor(a, flags.graph, { seed: a.options.seed, snapshotDate: inputMeta(file).snapshotDate, weight, iterations: flags.layoutIterations }) }];
      break;
    case 'graphml': {
      const net = exportNetwork(a, flags.graph, weight);
      files = [{ path: out, content: writeGraphml(net.graph, { nodeColumns: net.nodeColumns, edgeColumns: net.edgeColumns, weightKey: net.weightKey }) }];
      break;
    }
    case 'csv': {
      const net = exportNetwork(a, flags.graph, weight);
      const t = writeCsvTables(net.graph, { nodeColumns: net.nodeColumns, edgeColumns: net.edgeColumns, weightKey: net.weightKey });
      const base = join(dirname(out), basename(out).replace(/\.csv$/, ''));
      files = [{ path: `${base}-nodes.csv`, content: t.nodes }, { path: `${base}-edges.csv`, content: t.edges }];
      break;
    }
    case 'json': {
      const net = exportNetwork(a, flags.graph, weight);
      files = [{ path: out, content: writeGraphJson(net.graph) }];
      break;
    }
  }
  print(`wrote ${writeFilesAtomically(files).join(', ')}`);
}
