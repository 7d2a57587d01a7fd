/**
 * `twinnet export [FILE] --format gexf|graphml|csv|json [--graph bipartite|home|partners] [--out PATH]`.
 * CSV writes two files, `<stem>-nodes.csv` and `<stem>-edges.csv`.
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

export type ExportFormat = 'gexf' | 'graphml' | 'csv' | 'json';

export interface ExportFlags extends AnalysisFlags {
  format: ExportFormat;
  graph: NetworkKind;
  out?: string;
  layoutIterations?: number;
}

export function exportCommand(file: string | undefined, flags: ExportFlags, print: (s: string) => void): void {
  if (flags.weight !== undefined && flags.graph === 'bipartite') {
    throw new UsageError('--weight chooses a projection\'s edge weight: use it with --graph home or --graph partners');
  }
  const ds = loadDataset(file);
  const a = analyze(ds, analysisOptions(flags));
  const stem = `${reportName(file)}-${flags.graph}`;
  const out = flags.out ?? join('reports', `${stem}.${flags.format === 'csv' ? 'csv' : flags.format}`);
  let files: OutputFile[];
  const weight = flags.weight ?? 'count';
  switch (flags.format) {
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
