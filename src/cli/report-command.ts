/**
 * `twinnet report [FILE] [--out DIR] [--seed N] [--districts separate|merge]`: the Markdown and JSON
 * reports, their SVG charts and the GEXF of the bipartite graph, written atomically into DIR.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { writeFilesAtomically } from '../io/atomic-write.js';
import { computeReport } from '../pipeline/report.js';
import { DEFAULT_INPUT } from '../util/paths.js';
import { homeWords } from '../parse/countries.js';
import { loadDataset } from './load.js';
import { createProgress } from './progress.js';
import { analysisOptions } from './options.js';
import type { AnalysisFlags } from './options.js';

export interface ReportFlags extends AnalysisFlags {
  out: string;
  layoutIterations?: number;
  quiet?: boolean;
  timings?: boolean;
  strict?: boolean;
}

export interface InputMeta { snapshotDate: string | null; url: string | null }

/** Reads `<file>.meta.json` beside the input when there is one (snapshot date, source URL). */
export function inputMeta(file: string | undefined): InputMeta {
  const path = (file ?? DEFAULT_INPUT).replace(/\.[^./]+$/, '') + '.meta.json';
  if (file === '-' || !existsSync(path)) return { snapshotDate: null, url: null };
  const meta = JSON.parse(readFileSync(path, 'utf8')) as { snapshotDate?: string; url?: string };
  return { snapshotDate: meta.snapshotDate ?? null, url: meta.url ?? null };
}

export function reportName(file: string | undefined): string {
  if (file === undefined) return 'china-sister-cities';
  if (file === '-') return 'stdin';
  return basename(file).replace(/\.[^.]+$/, '') || 'report';
}

export async function reportCommand(file: string | undefined, flags: ReportFlags, print: (s: string) => void): Promise<void> {
  const progress = createProgress({ quiet: flags.quiet, timings: flags.timings });
  const meta = inputMeta(file);
  const read = () => { progress('reading the list'); return loadDataset(file, { strict: flags.strict, format: flags.format, home: flags.home, columns: flags.columns }); };
  const { dataset: ds, data, files } = await computeReport(read, {
    out: flags.out, name: reportName(file), snapshotDate: meta.snapshotDate, sourceUrl: meta.url,
    analysis: analysisOptions(flags), layoutIterations: flags.layoutIterations, onStage: progress,
  });
  progress('writing');
  const written = writeFilesAtomically(files);
  progress.done();
  const { demonym } = homeWords(ds.home);
  print(`${ds.homes.length} ${demonym} entries, ${ds.partners.length} foreign partners, ${ds.links.length} links; ` +
    `Q (${demonym} projection) ${data.communities.home?.modularity ?? '–'}, bipartite ${data.communities.bipartite?.modularity ?? '–'}`);
  print(`wrote ${written.join(', ')}`);
}
