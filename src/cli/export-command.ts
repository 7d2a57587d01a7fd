/**
 * `twinnet export [FILE] --to gexf|graphml|csv|json|neo4j [--graph bipartite|home|partners] [--weight W] [--out PATH]`.
 * CSV writes two files, `<stem>-nodes.csv` and `<stem>-edges.csv`; neo4j four, a header file and a
 * data file each for nodes and relationships (`<stem>-nodes-header.csv`, `<stem>-nodes.csv`, …).
 * GEXF, GraphML, CSV and Neo4j carry the seeded layout and the community colours. A projection's edges carry the
 * projection weight (`--weight`), the one its communities were found with.
 */
import { basename, dirname, extname, join } from 'node:path';
import { analyze } from '../analysis/analyze.js';
import { checkWritable, isStandardOutput, writeFilesAtomically, writeStdout } from '../io/atomic-write.js';
import type { OutputFile } from '../io/atomic-write.js';
import { writeCsvTables } from '../export/csv.js';
import { gexfPiecesFor } from '../export/network-gexf.js';
import type { GexfVersion } from '../export/gexf.js';
import { writeGraphJson } from '../export/json.js';
import { writeGraphml } from '../export/graphml.js';
import { exportNetwork } from '../export/network.js';
import { withLayoutColumns } from '../export/layout-columns.js';
import { writeNeo4jTables } from '../export/neo4j.js';
import type { NetworkKind } from '../export/network.js';
import { pathText, UsageError } from '../util/errors.js';
import { inputFiles, loadDataset } from './load.js';
import { analysisOptions } from './options.js';
import type { AnalysisFlags } from './options.js';
import { inputMeta, reportName } from './report-command.js';
import { placesFor } from '../pipeline/geography.js';
import { sharedNetworkLayout } from '../pipeline/repulsion-helper.js';

export const EXPORT_FORMATS = ['gexf', 'graphml', 'csv', 'json', 'neo4j'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFlags extends AnalysisFlags {
  /** Refuse the list when any line is an error (as `parse` and `report`). */
  strict?: boolean;
  /** Output format (default gexf; `--format gexf` says the same). */
  to?: ExportFormat;
  graph: NetworkKind;
  out?: string;
  layoutIterations?: number;
  gexfVersion?: GexfVersion;
  /** CSV cells as they are, formula-like ones included. */
  rawCsv?: boolean;
}

export function exportCommand(file: string | undefined, flags: ExportFlags, print: (s: string) => void): void {
  const { to, input } = formats(flags);
  const stem = `${reportName(file)}-${flags.graph}`;
  // `--out -`: the one file to standard output (the summary then goes nowhere: stdout is the file).
  const toStdout = flags.out !== undefined && isStandardOutput(flags.out);
  if (toStdout && (to === 'csv' || to === 'neo4j')) throw new UsageError(`--out - (or /dev/stdout) writes one file to standard output, and ${to} is several files: give a path`);
  const out = flags.out ?? join('reports', `${stem}.${to}`);
  if (!toStdout) checkWritable(out, 'file');
  const { snapshotDate } = inputMeta(file); // a bad <list>.meta.json is found before the analysis
  const ds = loadDataset(file, { strict: flags.strict, format: input, home: flags.home, columns: flags.columns });
  const a = analyze(ds, analysisOptions(flags));
  const weight = a.options.communityWeight; // the projection weight, as its communities used it
  const places = placesFor(ds);
  const net = exportNetwork(a, flags.graph, weight, undefined, places);
  // Laid out for every format that keeps a drawing (graphology's JSON is the graph alone); a large
  // layout's Barnes–Hut walks on both cores.
  const layout = () => sharedNetworkLayout(net, { seed: a.options.seed, iterations: flags.layoutIterations });
  const base = join(dirname(out), basename(out).replace(/\.(csv|neo4j)$/, ''));
  let files: OutputFile[];
  switch (to) {
    case 'gexf':
      files = [{ path: out, content: gexfPiecesFor(a, flags.graph, { seed: a.options.seed, snapshotDate, network: net, layout: layout(), version: flags.gexfVersion }) }];
      break;
    case 'graphml': {
      const drawn = withLayoutColumns(net, layout().positions);
      files = [{ path: out, content: writeGraphml(drawn.graph, { nodeColumns: drawn.nodeColumns, edgeColumns: drawn.edgeColumns, weightKey: drawn.weightKey }) }];
      break;
    }
    case 'csv': {
      const drawn = withLayoutColumns(net, layout().positions);
      const t = writeCsvTables(drawn.graph, { nodeColumns: drawn.nodeColumns, edgeColumns: drawn.edgeColumns, weightKey: drawn.weightKey, raw: flags.rawCsv });
      files = [{ path: `${base}-nodes.csv`, content: t.nodes }, { path: `${base}-edges.csv`, content: t.edges }];
      break;
    }
    case 'json':
      files = [{ path: out, content: writeGraphJson(net.graph) }];
      break;
    case 'neo4j': {
      const drawn = withLayoutColumns(net, layout().positions);
      const t = writeNeo4jTables(drawn.graph, {
        nodeColumns: drawn.nodeColumns, edgeColumns: drawn.edgeColumns, weightKey: drawn.weightKey,
        labels: (_key, attributes) => ['Place', attributes['side'] === 'home' ? 'Home' : 'Partner'],
        relationshipType: flags.graph === 'bipartite' ? 'TWINNED_WITH' : 'SHARES_PARTNERS_WITH',
      });
      files = [
        { path: `${base}-nodes-header.csv`, content: t.nodesHeader }, { path: `${base}-nodes.csv`, content: t.nodes },
        { path: `${base}-relationships-header.csv`, content: t.relationshipsHeader }, { path: `${base}-relationships.csv`, content: t.relationships },
      ];
      break;
    }
  }
  if (toStdout) {
    writeStdout((files[0] as OutputFile).content);
    return;
  }
  const written = writeFilesAtomically(files, { inputs: inputFiles(file) }).map(pathText);
  print(`wrote ${written.join(', ')}`);
  if (to === 'neo4j') {
    const [nh, n, rh, r] = written as [string, string, string, string];
    print(`load with: neo4j-admin database import full ${shellWord(`--nodes=${nh},${n}`)} ${shellWord(`--relationships=${rh},${r}`)} neo4j`);
  }
}

/**
 * The output and input formats of an export. `--format` names either: an output format (`gexf`,
 * `graphml`, `csv`, `json`, `neo4j` — what it always meant for export, the same as `--to`) or the input list's
 * format (`wikipedia-list` …, as on every other command). The two sets of names do not overlap.
 */
function formats(flags: ExportFlags): { to: ExportFormat; input: string | undefined } {
  const named = flags.format;
  const given = named !== undefined && (EXPORT_FORMATS as readonly string[]).includes(named) ? named as ExportFormat : undefined;
  if (given !== undefined && flags.to !== undefined && flags.to !== given) throw new UsageError(`--format ${given} and --to ${flags.to} name two output formats: give one`);
  const asked = given ?? flags.to;
  // `--out graph.graphml` says GraphML as clearly as `--to graphml`; a name saying another format than the one asked is refused
  const byName = flags.out === undefined ? undefined : formatOfExtension(flags.out);
  if (asked !== undefined && byName !== undefined && byName !== asked && !(asked === 'neo4j' && byName === 'csv')) {
    throw new UsageError(`--out ${pathText(flags.out as string)} names a ${byName} file, and the output format asked is ${asked}: give a file name that fits, or another --to`);
  }
  return { to: asked ?? byName ?? 'gexf', input: given === undefined ? named : undefined };
}

/** The output format `--out`'s extension names: a format's own name (`.gexf`, `.graphml`, `.json`, `.csv`; Neo4j writes `.csv` files). */
function formatOfExtension(out: string): ExportFormat | undefined {
  const ext = extname(out).slice(1).toLowerCase();
  return ext !== 'neo4j' && (EXPORT_FORMATS as readonly string[]).includes(ext) ? ext as ExportFormat : undefined;
}

/** `arg` as one word for a POSIX shell: as it is when it is plain, else in single quotes. */
function shellWord(arg: string): string {
  return /^[\w.,/@%+=:-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
