/**
 * `npm run bench` — how twinnet scales. For each size (synthetic lists from `generateList`, seeded),
 * every stage of the pipeline is timed on its own in fresh child processes (`bench/stage.ts`): the
 * median wall time of `--runs` runs and the largest peak RSS. Also the whole `twinnet report` on the
 * seed, process start to exit. Results: a Markdown table and JSON (`bench.md`, `bench.json` in
 * `--out`, default `reports/`), with the machine and, per stage, the growth exponent: the
 * least-squares slope of log time against log links.
 *
 *   node dist/bench/run.js [--sizes 1,10,25,100] [--runs 3] [--runs-large 1] [--stages a,b]
 *                          [--timeout 120] [--prerequisite-timeout 900] [--seed 42] [--out reports]
 *                          [--heap-mb 8192]
 *
 * Sizes are `generateList` scales (1 ≈ 1.4k links; 25 ≈ 35k links, about all Wikipedia lists
 * together; 1000 ≈ 1.4M links, opt-in). Sizes of 100 and more run `--runs-large` times. A stage that timed out at one size is not tried at larger sizes.
 * The files are rewritten after each size, so a long run that is stopped leaves what it measured.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateList } from '../src/synth/generate.js';
import type { GeneratedStats } from '../src/synth/generate.js';
import { ANALYSIS_DEFAULTS } from '../src/analysis/analyze.js';
import { runStage, runWall } from './child.js';
import type { Outcome } from './child.js';
import { growthExponent, median } from './fit.js';
import { describeMachine } from './machine.js';
import type { Machine } from './machine.js';
import { load, PLACED_REPORT_STAGE, REPORT_STAGE, STAGES, STAGE_NAMES, tableFileOf, tableOf } from './stages.js';
import { loadReference, referenceCell, referenceLouvain } from './reference.js';
import type { ReferenceResult } from './reference.js';
import type { StageInfo } from './stages.js';

export interface BenchOptions {
  sizes: number[];
  runs: number;
  runsLarge: number;
  stages: string[];
  timeout: number;
  prerequisiteTimeout: number;
  seed: number;
  out: string;
  heapMb: number;
}

export const BENCH_DEFAULTS: BenchOptions = {
  sizes: [1, 10, 25, 100],
  runs: 3,
  runsLarge: 1,
  stages: [...STAGE_NAMES],
  timeout: 120,
  prerequisiteTimeout: 900,
  seed: 42,
  out: 'reports',
  heapMb: 8192,
};

/** Sizes at or above this scale run `runsLarge` times. */
const LARGE = 100;

export interface Cell {
  status: 'ok' | 'timeout' | 'error' | 'skipped';
  /** Median seconds of the timed stage over the runs (ok only). */
  seconds: number | null;
  /** Largest peak RSS over the runs, MB. */
  maxRssMb: number | null;
  runs: number[];
  info: StageInfo;
  note: string | null;
}

export interface SizeResult { scale: number; stats: GeneratedStats; cells: Record<string, Cell> }

export interface BenchResult {
  machine: Machine;
  options: BenchOptions;
  analysis: { runs: number; exactLimit: number; samples: number };
  sizes: SizeResult[];
  growth: Record<string, number | null>;
  endToEnd: { command: string; runs: number[]; seconds: number | null; maxRssMb: number | null; status: Cell['status']; note: string | null };
}

function parseArgs(argv: string[]): BenchOptions {
  const o: BenchOptions = { ...BENCH_DEFAULTS };
  const numbers = (flag: string, v: string): number[] => v.split(',').map((s) => {
    const n = Number(s);
    if (!(n > 0) || !Number.isFinite(n)) throw new Error(`bench: ${flag} takes positive numbers, got "${v}"`);
    return n;
  });
  const one = (flag: string, v: string): number => numbers(flag, v)[0] as number;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] as string, v = argv[i + 1];
    if (v === undefined) throw new Error(`bench: ${flag} needs a value`);
    i++;
    switch (flag) {
      case '--sizes': o.sizes = numbers(flag, v); break;
      case '--runs': o.runs = Math.round(one(flag, v)); break;
      case '--runs-large': o.runsLarge = Math.round(one(flag, v)); break;
      case '--timeout': o.timeout = one(flag, v); break;
      case '--prerequisite-timeout': o.prerequisiteTimeout = one(flag, v); break;
      case '--seed': o.seed = Math.round(one(flag, v)); break;
      case '--heap-mb': o.heapMb = Math.round(one(flag, v)); break;
      case '--out': o.out = v; break;
      case '--stages': {
        const known = new Set(STAGE_NAMES);
        o.stages = v.split(',');
        for (const s of o.stages) if (!known.has(s)) throw new Error(`bench: unknown stage "${s}" (known: ${[...known].join(', ')})`);
        break;
      }
      default: throw new Error(`bench: unknown option ${flag}`);
    }
  }
  return o;
}

const log = (s: string): void => { process.stderr.write(`${s}\n`); };

function cellFrom(outcomes: Outcome[]): Cell {
  const ok = outcomes.flatMap((x) => (x.status === 'ok' ? [x] : []));
  const bad = outcomes.find((x) => x.status !== 'ok');
  if (bad?.status === 'timeout') {
    return { status: 'timeout', seconds: null, maxRssMb: null, runs: ok.map((x) => x.seconds), info: {}, note: `${bad.phase} over ${bad.afterSeconds.toFixed(0)} s` };
  }
  if (bad?.status === 'error') return { status: 'error', seconds: null, maxRssMb: null, runs: [], info: {}, note: bad.message };
  return {
    status: 'ok',
    seconds: median(ok.map((x) => x.seconds)),
    maxRssMb: Math.max(...ok.map((x) => x.maxRssMb)),
    runs: ok.map((x) => x.seconds),
    info: ok[0]?.info ?? {},
    note: null,
  };
}

/**
 * Preloaded into the end-to-end child (CommonJS, `--require`: costs well under a millisecond, where an
 * ES-module `--import` of a data: URL added ~30 ms to every start): writes its peak RSS in kB to the
 * file named by TWINNET_BENCH_RSS_FILE as the process exits.
 */
const RSS_PROBE_SOURCE = "process.on('exit', () => require('node:fs').writeFileSync(process.env.TWINNET_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));\n";

async function endToEnd(o: BenchOptions, tmp: string, mainScript: string, file: string | null = null, times = o.runs, timeout = o.timeout): Promise<BenchResult['endToEnd']> {
  const runs: number[] = [];
  let rss = 0;
  const command = `node dist/twinnet.mjs report${file ? ' <list>' : ''} --out <tmp>`;
  const probe = join(tmp, 'rss-probe.cjs');
  writeFileSync(probe, RSS_PROBE_SOURCE);
  for (let r = 0; r < times; r++) {
    const out = join(tmp, `report-${r}`);
    const rssFile = join(tmp, `rss-${r}`);
    const args = ['--require', probe, mainScript, 'report', ...(file ? [file] : []), '--quiet', '--out', out];
    const outcome = await runWall(process.execPath, args, timeout, { TWINNET_BENCH_RSS_FILE: rssFile });
    if (outcome.status !== 'ok') return { command, runs, seconds: null, maxRssMb: null, status: outcome.status, note: outcome.status === 'error' ? outcome.message : 'timeout' };
    runs.push(outcome.seconds);
    const kb = Number(readFileSync(rssFile, 'utf8'));
    rss = Math.max(rss, kb / 1024);
  }
  return { command, runs, seconds: median(runs), maxRssMb: Number.isFinite(rss) && rss > 0 ? rss : null, status: 'ok', note: null };
}

/** Called after each size with the results so far (so that a long run leaves partial results). */
export type Progress = (partial: BenchResult) => void;

export async function bench(o: BenchOptions, progress: Progress = () => {}): Promise<BenchResult> {
  const here = dirname(fileURLToPath(import.meta.url));
  const stageScript = join(here, 'stage.js');
  const mainScript = join(here, '..', 'twinnet.mjs');
  const tmp = mkdtempSync(join(tmpdir(), 'twinnet-bench-'));
  // --expose-gc: a stage collects its prerequisites' garbage before its timed section (bench/stage.ts).
  const nodeArgs = [`--max-old-space-size=${o.heapMb}`, '--expose-gc'];
  const sizes: SizeResult[] = [];
  const timedOut = new Set<string>();
  try {
    for (const scale of [...o.sizes].sort((a, b) => a - b)) {
      const { text, stats } = generateList({ scale, seed: o.seed });
      const file = join(tmp, `list-scale${scale}-seed${o.seed}.txt`);
      writeFileSync(file, text);
      // The same links as a link table with coordinates, for the stages that read one.
      if (o.stages.some((st) => st === 'read-table' || st === PLACED_REPORT_STAGE.name)) writeFileSync(tableFileOf(file), tableOf(load(file)));
      log(`size ${scale}: ${stats.links} links, ${stats.homeEntries} home entries, ${stats.partners} partners`);
      const runs = scale >= LARGE ? o.runsLarge : o.runs;
      const cells: Record<string, Cell> = {};
      for (const stage of o.stages) {
        if (timedOut.has(stage)) {
          cells[stage] = { status: 'skipped', seconds: null, maxRssMb: null, runs: [], info: {}, note: 'timed out at a smaller size' };
          log(`  ${stage}: skipped`);
          continue;
        }
        let cell: Cell;
        if (stage === REPORT_STAGE.name || stage === PLACED_REPORT_STAGE.name) {
          // The whole command on this size, as a user runs it (no heap flag), with its peak memory.
          const input = stage === PLACED_REPORT_STAGE.name ? tableFileOf(file) : file;
          const e = await endToEnd(o, tmp, mainScript, input, runs, o.prerequisiteTimeout);
          cell = { status: e.status, seconds: e.seconds, maxRssMb: e.maxRssMb, runs: e.runs, info: {}, note: e.note };
        } else {
          const outcomes: Outcome[] = [];
          for (let r = 0; r < runs; r++) {
            const outcome = await runStage({ stageScript, stage, file, timeoutSeconds: o.timeout, prerequisiteTimeoutSeconds: o.prerequisiteTimeout, nodeArgs });
            outcomes.push(outcome);
            if (outcome.status !== 'ok') break;
          }
          cell = cellFrom(outcomes);
        }
        if (cell.status === 'timeout') timedOut.add(stage);
        cells[stage] = cell;
        log(`  ${stage}: ${cell.status === 'ok' ? `${(cell.seconds as number).toFixed(3)} s, ${(cell.maxRssMb as number).toFixed(0)} MB ${JSON.stringify(cell.info)}` : `${cell.status} (${cell.note})`}`);
      }
      sizes.push({ scale, stats, cells });
      progress(summarise(o, sizes, { command: 'not run yet', runs: [], seconds: null, maxRssMb: null, status: 'skipped', note: 'run ends with it' }));
    }
    log('end to end: twinnet report on the seed');
    const e2e = await endToEnd(o, tmp, mainScript);
    return summarise(o, sizes, e2e);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function summarise(o: BenchOptions, sizes: SizeResult[], endToEnd: BenchResult['endToEnd']): BenchResult {
  const growth: Record<string, number | null> = {};
  for (const stage of o.stages) {
    growth[stage] = growthExponent(sizes.map((s) => s.stats.links), sizes.map((s) => s.cells[stage]?.seconds ?? null));
  }
  return {
    machine: describeMachine(),
    options: o,
    analysis: { runs: ANALYSIS_DEFAULTS.runs, exactLimit: ANALYSIS_DEFAULTS.exactLimit, samples: ANALYSIS_DEFAULTS.samples },
    sizes: [...sizes],
    growth,
    endToEnd,
  };
}

function save(o: BenchOptions, r: BenchResult): string {
  const markdown = renderBench(r);
  mkdirSync(o.out, { recursive: true });
  writeFileSync(join(o.out, 'bench.md'), markdown);
  writeFileSync(join(o.out, 'bench.json'), `${JSON.stringify(r, null, 1)}\n`);
  return markdown;
}

const fmtSeconds = (s: number): string => (s >= 100 ? s.toFixed(0) : s >= 10 ? s.toFixed(1) : s >= 1 ? s.toFixed(2) : s >= 0.01 ? s.toFixed(3) : s.toPrecision(2));

function cellText(c: Cell | undefined): string {
  if (!c) return '–';
  switch (c.status) {
    case 'ok': return `${fmtSeconds(c.seconds as number)} s · ${(c.maxRssMb as number).toFixed(0)} MB`;
    case 'timeout': return `timeout (${c.note})`;
    case 'skipped': return 'skipped';
    case 'error': return `error: ${(c.note ?? '').replace(/\|/g, '\\|').slice(0, 60)}`;
  }
}

export function renderBench(r: BenchResult): string {
  const m = r.machine;
  const title = (name: string) => [...STAGES, REPORT_STAGE, PLACED_REPORT_STAGE].find((s) => s.name === name)?.title ?? name;
  const lines: string[] = [
    '# twinnet benchmark',
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB memory, Node ${m.node} (${m.os}).`,
    '',
    `Inputs: \`generateList({ scale, seed: ${r.options.seed} })\`. Each stage timed alone in fresh child processes ` +
      `(prerequisites untimed, their garbage collected before the timed section); cell = median wall seconds of ${r.options.runs} run(s) (${r.options.runsLarge} at scale ≥ ${LARGE}) · ` +
      `peak RSS of the child (prerequisites included). Timeout ${r.options.timeout} s per stage. ` +
      `Analysis defaults: ${r.analysis.runs} seeds per community detection; shortest paths exact up to ${r.analysis.exactLimit.toLocaleString('en-US')} nodes, ` +
      `${r.analysis.samples} sampled pivots above.`,
    '',
    `| stage | ${r.sizes.map((s) => `scale ${s.scale}`).join(' | ')} | growth exponent |`,
    `| :--- | ${r.sizes.map(() => '---:').join(' | ')} | ---: |`,
    `| *links* | ${r.sizes.map((s) => s.stats.links.toLocaleString('en-US')).join(' | ')} | |`,
    `| *nodes (home + partners)* | ${r.sizes.map((s) => (s.stats.homeEntries + s.stats.partners).toLocaleString('en-US')).join(' | ')} | |`,
    ...r.options.stages.map((stage) => {
      const g = r.growth[stage];
      return `| ${title(stage)} | ${r.sizes.map((s) => cellText(s.cells[stage])).join(' | ')} | ${g === null || g === undefined ? '–' : g.toFixed(2)} |`;
    }),
    '',
  ];
  const paths = r.sizes.map((s) => {
    const info = s.cells['paths']?.info;
    return info && 'pivots' in info ? `scale ${s.scale}: ${info.exact ? 'exact' : 'sampled'}, ${info.pivots} pivots` : null;
  }).filter((x) => x !== null);
  if (paths.length) lines.push(`Shortest paths: ${paths.join('; ')}.`, '');
  for (const side of ['home', 'partner'] as const) {
    const louvain = r.sizes.map((s) => {
      const c = s.cells[`louvain-${side}`];
      if (c?.status !== 'ok' || typeof c.info['runs'] !== 'number') return null;
      const runs = c.info['runs'];
      return `scale ${s.scale}: ${runs} seed(s), ${fmtSeconds((c.seconds as number) / runs)} s per seed, Q ${Number(c.info['modularity']).toFixed(4)}${c.info['library'] === false ? ' (own local moves only)' : ''}`;
    }).filter((x) => x !== null);
    if (louvain.length) lines.push(`Louvain (${side}): ${louvain.join('; ')}.`, '');
  }
  lines.push(...comparison(r));
  const e = r.endToEnd;
  lines.push(`End to end, \`${e.command}\` on the seed (process start to exit, median of ${e.runs.length}): ` +
    (e.status === 'ok' ? `${fmtSeconds(e.seconds as number)} s${e.maxRssMb ? `, peak ${e.maxRssMb.toFixed(0)} MB` : ''}.` : `${e.status} (${e.note}).`), '');
  lines.push('Growth exponent: least-squares slope of log(seconds) against log(links) over the sizes measured (1 = linear, 2 = quadratic).', '');
  return lines.join('\n');
}

/**
 * twinnet beside NetworkX and python-igraph on the same generated lists (bench/reference), where
 * reference results exist for the sizes measured.
 */
function comparison(r: BenchResult): string[] {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench', 'reference');
  const ref = loadReference(dir, r.sizes.map((s) => s.scale));
  const sizes = r.sizes.filter((s) => ref.has(s.scale));
  if (sizes.length === 0) return [];
  const ok = (c: Cell | undefined) => (c?.status === 'ok' ? (c.seconds as number) : null);
  const own = (s: SizeResult, stages: string[]): string => {
    const parts = stages.map((st) => ok(s.cells[st]));
    if (parts.some((x) => x === null)) return stages.map((st) => cellText(s.cells[st])).join(' + ');
    const rss = Math.max(...stages.map((st) => s.cells[st]?.maxRssMb ?? 0));
    return `${fmtSeconds(parts.reduce((a, b) => (a as number) + (b as number), 0) as number)} s · ${rss.toFixed(0)} MB`;
  };
  const louvain = (s: SizeResult): string => {
    const c = s.cells['louvain-home'];
    if (c?.status !== 'ok' || typeof c.info['runs'] !== 'number') return cellText(c);
    return `${fmtSeconds((c.seconds as number) / c.info['runs'])} s, Q ${Number(c.info['modularity']).toFixed(4)}`;
  };
  const rows: [string, (s: SizeResult) => string, (x: ReferenceResult | undefined, lib: 'networkx' | 'igraph') => string][] = [
    ['parse + build', (s) => own(s, ['parse', 'graph']), (x, lib) => referenceCell(x?.[lib]?.stages['parse_build'], fmtSeconds)],
    ['projection (home)', (s) => cellText(s.cells['project-home']), (x, lib) => referenceCell(x?.[lib]?.stages['project_china'], fmtSeconds)],
    ['projection (partner)', (s) => cellText(s.cells['project-partner']), (x, lib) => referenceCell(x?.[lib]?.stages['project_partner'], fmtSeconds)],
    ['Louvain (home), per seed, best Q', louvain, (x, lib) => referenceLouvain(x?.[lib]?.stages['louvain_china'], fmtSeconds)],
    ['betweenness', (s) => cellText(s.cells['paths']), (x, lib) => referenceCell(x?.[lib]?.stages['betweenness'], fmtSeconds)],
  ];
  const out = [
    '## Side by side with NetworkX and python-igraph',
    '',
    'Same generated lists, measured by `bench/reference/reference.py` (NetworkX 2.8.8, python-igraph 0.10.2, Debian; ' +
      'each stage in a fresh process, peak RSS including the parsed list; see bench/reference/README.md). ' +
      'Betweenness: exact up to 50,000 nodes in twinnet and igraph, NetworkX exact up to 14,100 links and 256 pivots above; twinnet samples 256 pivots above 50,000 nodes. ' +
      `Reference runs of ${[...new Set(sizes.map((s) => ref.get(s.scale)?.date?.slice(0, 10) ?? 'an unknown date'))].join(', ')} on the same machine ` +
      '(each file in bench/reference/ records the load average before every stage); a stage not run says why. Timings here vary by ±40 % between runs: read small differences as ties.',
    '',
  ];
  for (const s of sizes) {
    out.push(`Scale ${s.scale} (${s.stats.links.toLocaleString('en-US')} links):`, '', '| stage | twinnet | NetworkX | igraph |', '| :--- | ---: | ---: | ---: |');
    for (const [title, mine, theirs] of rows) out.push(`| ${title} | ${mine(s)} | ${theirs(ref.get(s.scale), 'networkx')} | ${theirs(ref.get(s.scale), 'igraph')} |`);
    out.push('');
  }
  return out;
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const result = await bench(o, (partial) => { save(o, partial); });
  process.stdout.write(save(o, result));
  log(`wrote ${join(o.out, 'bench.md')}, ${join(o.out, 'bench.json')}`);
}

// Only when run as a script, so that the module stays importable.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e: unknown) => {
    log(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  });
}
