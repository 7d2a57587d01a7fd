/** The `twinnet` commands. `main` turns typed errors into exit codes and messages on stderr. */
import { Command, CommanderError } from 'commander';
import { InputError, OutputError, pathText, UsageError } from '../util/errors.js';
import { parseCommand } from './parse-command.js';
import { reportCommand } from './report-command.js';
import { DISTANCE_NULL_DEFAULTS } from '../geo/distance-null-model.js';
import { NULL_SAMPLES_MIN, NULL_TRADE_BUDGET } from '../pipeline/geography.js';
import { PARTNERS_BY } from './place-geography.js';
import type { PartnersBy } from './place-geography.js';
import type { ReportFlags } from './report-command.js';
import { exportCommand } from './export-command.js';
import type { ExportFlags } from './export-command.js';
import { CITY_RUNS, cityCommand, partnersCommand, QUERY_RUNS, sharedCommand, SIMILAR_BY, SIMILAR_DEFAULT_BY, similarCommand } from './query-commands.js';
import type { QueryFlags, SimilarFlags } from './query-commands.js';
import { addAnalysisOptions, addInputOptions, integer, MAX_SCALE, MAX_SEED, oneOf, OPTION_LIMITS, positive, positiveAtMost } from './options.js';
import type { InputFlags } from './options.js';
import { EXPORT_FORMATS } from './export-command.js';
import { ANALYSIS_DEFAULTS } from '../analysis/analyze.js';
import type { NetworkKind } from '../export/network.js';
import { REPORT_LAYOUT_ITERATIONS } from '../layout/network-layout.js';
import { GEXF_VERSIONS } from '../export/gexf.js';
import { generateList } from '../synth/generate.js';
import { DEFAULT_SEED } from '../util/rng.js';
import { checkWritable, isStandardOutput, writeFilesAtomically, writeStdout } from '../io/atomic-write.js';
import { packageVersion } from '../util/paths.js';
import { terminalSafe } from '../util/terminal.js';

export type Printer = (s: string) => void;
const stdout: Printer = (s) => process.stdout.write(`${s}\n`);

/** `--graph`: bipartite | home | partners; `china` is read as `home` (the name it had when every list was China's). */
function graphKind(value: string): NetworkKind {
  const kind = value === 'china' ? 'home' : value;
  return oneOf('--graph', ['bipartite', 'home', 'partners'] as const)(kind);
}

const GEXF_VERSION_HELP = `GEXF version: ${GEXF_VERSIONS.join(' | ')} (default ${GEXF_VERSIONS[0]}; 1.2draft for older readers, e.g. NetworkX before 3.6)`;

/** `--strict`, as parse, report and export take it. */
const STRICT_HELP = 'refuse the list (exit 2, nothing written) if any line is an error';

export function buildProgram(print: Printer = stdout): Command {
  const program = new Command('twinnet')
    .description('Network analysis of twin-town and sister-city lists (default input: the embedded list of sister cities in China)')
    .version(packageVersion(), '-V, --version')
    .showHelpAfterError('(twinnet --help lists the commands)')
    .configureOutput({ writeErr: (s) => process.stderr.write(terminalSafe(s)) })
    .exitOverride();

  addInputOptions(program
    .command('parse')
    .description('parse a list into a data set (JSON and CSV) and print a summary')
    .argument('[file]', 'the list (default: the embedded list; - for stdin)')
    .option('--out <dir>', 'output directory', 'data/processed')
    .option('--raw-csv', 'write CSV cells as they are; by default a cell a spreadsheet would run as a formula (=, +, -, @ first) gets a leading \' (OWASP)')
    .option('--json', 'print the summary as JSON')
    .option('--strict', STRICT_HELP))
    .action((file: string | undefined, opts: { out: string; json?: boolean; strict?: boolean } & InputFlags) => parseCommand(file, opts, print));

  addAnalysisOptions(program
    .command('report')
    .description('analyse a list and write the Markdown and JSON reports, charts and GEXF')
    .argument('[file]', 'the list (default: the embedded list; - for stdin)')
    .option('--out <dir>', 'output directory', 'reports')
    .option('--layout-iterations <n>', `ForceAtlas2 iterations for the layout (default ${REPORT_LAYOUT_ITERATIONS}, fewer above 1,500 nodes; at most ${OPTION_LIMITS.layoutIterations.toLocaleString('en-US')})`, integer('--layout-iterations', 1, OPTION_LIMITS.layoutIterations))
    .option('--gexf-version <v>', GEXF_VERSION_HELP, oneOf('--gexf-version', GEXF_VERSIONS))
    .option('--quiet', 'no progress on stderr')
    .option('--timings', 'print the wall time and peak memory of each stage on stderr at the end')
    .option('--null-samples <n>', `samples of the distance null model (default ${DISTANCE_NULL_DEFAULTS.samples}, fewer (at least ${NULL_SAMPLES_MIN}) above ${NULL_TRADE_BUDGET.toLocaleString('en-US')} curveball trades in all; 0 = off; at most ${OPTION_LIMITS.nullSamples.toLocaleString('en-US')})`, integer('--null-samples', 0, OPTION_LIMITS.nullSamples))
    .option('--strict', STRICT_HELP))
    .action((file: string | undefined, opts: ReportFlags) => reportCommand(file, opts, print));

  addAnalysisOptions(program
    .command('export')
    .description('export the bipartite graph or a projection as GEXF, GraphML, CSV or graphology JSON')
    .argument('[file]', 'the list (default: the embedded list; - for stdin)')
    .option('--to <format>', `output format: ${EXPORT_FORMATS.join(' | ')} (default gexf; --format gexf etc. says the same)`, oneOf('--to', EXPORT_FORMATS))
    .option('--graph <graph>', 'bipartite | home | partners (china: an alias of home)', graphKind, 'bipartite')
    .option('--out <path>', 'output file (default reports/<name>-<graph>.<to>)')
    .option('--raw-csv', 'write CSV cells as they are; by default a cell a spreadsheet would run as a formula (=, +, -, @ first) gets a leading \' (OWASP)')
    .option('--gexf-version <v>', GEXF_VERSION_HELP, oneOf('--gexf-version', GEXF_VERSIONS))
    .option('--layout-iterations <n>', `ForceAtlas2 iterations (GEXF, GraphML, CSV, Neo4j; default ${REPORT_LAYOUT_ITERATIONS}, fewer above 1,500 nodes; at most ${OPTION_LIMITS.layoutIterations.toLocaleString('en-US')})`, integer('--layout-iterations', 1, OPTION_LIMITS.layoutIterations))
    .option('--strict', STRICT_HELP), ANALYSIS_DEFAULTS.runs, true, EXPORT_FORMATS)
    .action((file: string | undefined, opts: ExportFlags) => exportCommand(file, opts, print));

  program
    .command('generate')
    .description('write a synthetic list in the seed\'s format (for benchmarks): log-normal city degrees, preferential attachment')
    .requiredOption('--scale <x>', `size relative to the seed (1 ≈ 1,407 links; 1000 ≈ 1.4 million; at most ${MAX_SCALE.toLocaleString('en-US')})`, positiveAtMost('--scale', MAX_SCALE))
    .option('--seed <n>', `seed (default ${DEFAULT_SEED})`, integer('--seed', 0, MAX_SEED))
    .requiredOption('--out <file>', 'output file (- for standard output)')
    .action((opts: { scale: number; seed?: number; out: string }) => {
      const toStdout = isStandardOutput(opts.out);
      if (!toStdout) checkWritable(opts.out, 'file');
      const g = generateList({ scale: opts.scale, seed: opts.seed });
      if (toStdout) { writeStdout(g.text); return; }
      writeFilesAtomically([{ path: opts.out, content: g.text }]);
      print(`wrote ${pathText(opts.out)}: ${g.stats.homeEntries} Chinese entries, ${g.stats.partners} partners, ${g.stats.links} links (seed ${g.stats.seed})`);
    });

  const query = (cmd: Command, weight = true, runs: number = QUERY_RUNS) => addAnalysisOptions(cmd
    .option('--input <file>', 'the list (default: the embedded list)')
    .option('--json', 'print JSON'), runs, weight);
  query(program.command('shared').description('the partners two places share, how strongly and whether more than chance')
    .argument('<a>').argument('<b>'))
    .action((a: string, b: string, opts: QueryFlags) => sharedCommand(a, b, opts, print));
  query(program.command('similar').description('the places most similar to one (same side)')
    .argument('<place>')
    .option('--top <n>', 'how many (default 10)', integer('--top', 1))
    .option('--by <measure>', `rank by: ${SIMILAR_BY.join(' | ')} (default ${SIMILAR_DEFAULT_BY}; pvalue: the hypergeometric p, smallest first)`, oneOf('--by', SIMILAR_BY)), false)
    .action((place: string, opts: SimilarFlags) => similarCommand(place, opts, print));
  query(program.command('partners').description("a place's partners, with their coordinates and distances").argument('<place>')
    .option('--by <order>', `sort by: ${PARTNERS_BY.join(' | ')} (default name; distance: nearest first)`, oneOf('--by', PARTNERS_BY)))
    .action((place: string, opts: QueryFlags & { by?: PartnersBy }) => partnersCommand(place, opts, print));
  // `city` shows communities: the report's, from as many seeds (one seed gave other communities, with other ids).
  query(program.command('city').description('everything about one place: metrics, communities, most similar').argument('<place>'), true, CITY_RUNS)
    .action((place: string, opts: QueryFlags) => cityCommand(place, opts, print));

  // A bad option or argument: the one-line error and where the help is, not the whole help.
  for (const cmd of program.commands) cmd.showHelpAfterError(`(twinnet ${cmd.name()} --help lists its options)`);
  return program;
}

/** Runs a command; everything it prints, on stdout or stderr, passes through `terminalSafe`. */
export async function main(argv: string[], print: Printer = stdout): Promise<number> {
  try {
    await buildProgram((s) => print(terminalSafe(s))).parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 1;
    if (e instanceof InputError || e instanceof UsageError || e instanceof OutputError) {
      process.stderr.write(`twinnet: ${terminalSafe(e.message)}\n`);
      return e.exitCode;
    }
    process.stderr.write(`twinnet: internal error: ${terminalSafe((e as Error).stack ?? String(e))}\n`);
    return 70;
  }
}
