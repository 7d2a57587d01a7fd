/**
 * `twinnet export [FILE] --format gexf|graphml|csv|json [--graph bipartite|china|partners] [--out PATH]`.
 * CSV writes two files, `<stem>-nodes.csv` and `<stem>-edges.csv`.
 */
import { basename, dirname, join } from 'node:path';
import type { Analysis } from '../analysis/analyze.js';
import { analyze } from '../analysis/analyze.js';
import type { WeightKind } from '../analysis/projection/project.js';
import { writeFilesAtomically } from '../io/atomic-write.js';
import type { OutputFile } from '../io/atomic-write.js';
import { writeCsvTables } from '../export/csv.js';
import { writeGexf } from '../export/gexf.js';
import { writeGraphJson } from '../export/json.js';
import { writeGraphml } from '../export/graphml.js';
import { defaultIterations, networkLayout } from '../export/network-layout.js';
import { layoutCoreOrder } from '../export/layout.js';
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

export function gexfFor(a: Analysis, kind: NetworkKind, o: { seed: number; snapshotDate: string | null; weight?: WeightKind; iterations?: number | undefined }): string {
  const net = exportNetwork(a, kind, o.weight ?? 'count');
  const iterations = o.iterations ?? defaultIterations(layoutCoreOrder(net.graph));
  const positions = networkLayout(a, net, { seed: o.seed, iterations });
  const p = a.options;
  return writeGexf(net.graph, {
    nodeColumns: net.nodeColumns,
    edgeColumns: net.edgeColumns,
    weightKey: net.weightKey,
    meta: {
      creator: 'twinnet',
      description: `${net.description} Input ${a.dataset.source.path} (sha256 ${a.dataset.source.sha256}). ` +
        `Parameters: seed ${p.seed}, districts ${p.districts}, resolution ${p.resolution}, runs ${p.runs}, ` +
        `community weight ${p.communityWeight}, layout ForceAtlas2 ${iterations} iterations (seed ${o.seed}).`,
      lastModifiedDate: o.snapshotDate,
      keywords: ['sister cities', 'twin towns', 'bipartite network', kind],
    },
    viz: { color: (k) => net.color(k), size: (k) => net.size(k), position: positions },
  });
}

export function exportCommand(file: string | undefined, flags: ExportFlags, print: (s: string) => void): void {
  if (flags.weight !== undefined && flags.graph === 'bipartite') {
    throw new UsageError('--weight chooses a projection\'s edge weight: use it with --graph china or --graph partners');
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
