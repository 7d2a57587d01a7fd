/**
 * `twinnet report [FILE] [--out DIR] [--seed N] [--districts separate|merge]`: the Markdown and JSON
 * reports, their SVG charts and the GEXF of the bipartite graph, written atomically into DIR.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { checkWritable, writeFilesAtomically } from '../io/atomic-write.js';
import { computeReport } from '../pipeline/report.js';
import { InputError, pathText } from '../util/errors.js';
import { isCalendarDate } from '../util/calendar-date.js';
import { homeWords } from '../parse/countries.js';
import { inputFiles, loadDataset, metaPath } from './load.js';
import { createProgress } from './progress.js';
import { analysisOptions } from './options.js';
import type { AnalysisFlags } from './options.js';
import type { GexfVersion } from '../export/gexf.js';
import { nounFor } from '../util/noun.js';

export interface ReportFlags extends AnalysisFlags {
  out: string;
  layoutIterations?: number;
  gexfVersion?: GexfVersion;
  quiet?: boolean;
  timings?: boolean;
  strict?: boolean;
  nullSamples?: number;
}

export interface InputMeta { snapshotDate: string | null; url: string | null }

/** Reads `<file>.meta.json` beside the input when there is one (snapshot date, source URL). */
export function inputMeta(file: string | undefined): InputMeta {
  const path = metaPath(file);
  if (file === '-' || !existsSync(path)) return { snapshotDate: null, url: null };
  let meta: unknown;
  try {
    meta = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new InputError(`not valid JSON (${(e as Error).message}); it describes the list beside it: fix it or remove it`, path);
  }
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) throw new InputError('must be a JSON object { "snapshotDate": "YYYY-MM-DD", "url": "…" }', path);
  const { snapshotDate = null, url = null } = meta as Record<string, unknown>;
  if (snapshotDate !== null && (typeof snapshotDate !== 'string' || !isCalendarDate(snapshotDate))) {
    throw new InputError(`"snapshotDate" must be a date written YYYY-MM-DD that exists, got ${JSON.stringify(snapshotDate)}`, path);
  }
  if (url !== null && typeof url !== 'string') throw new InputError(`"url" must be a string, got ${JSON.stringify(url)}`, path);
  return { snapshotDate, url };
}

export function reportName(file: string | undefined): string {
  if (file === undefined) return 'china-sister-cities';
  if (file === '-') return 'stdin';
  // `..txt`, `.hidden.txt`: no leading dot, so that no output is a hidden file
  return basename(file).replace(/\.[^.]+$/, '').replace(/^\.+/, '') || 'report';
}

export async function reportCommand(file: string | undefined, flags: ReportFlags, print: (s: string) => void): Promise<void> {
  const progress = createProgress({ quiet: flags.quiet, timings: flags.timings });
  checkWritable(flags.out, 'dir');
  const meta = inputMeta(file);
  const read = () => { progress('reading the list'); return loadDataset(file, { strict: flags.strict, format: flags.format, home: flags.home, columns: flags.columns }); };
  const { dataset: ds, data, files } = await computeReport(read, {
    out: flags.out, name: reportName(file), snapshotDate: meta.snapshotDate, sourceUrl: meta.url,
    analysis: analysisOptions(flags), layoutIterations: flags.layoutIterations, gexfVersion: flags.gexfVersion, nullSamples: flags.nullSamples, onStage: progress,
  });
  progress('writing');
  const written = writeFilesAtomically(files, { inputs: inputFiles(file) });
  progress.done();
  const { demonym } = homeWords(ds.home);
  const n = (k: number, one: string, many?: string) => `${k} ${nounFor(k, one, many)}`;
  print(`${n(ds.homes.length, `${demonym} entry`, `${demonym} entries`)}, ${n(ds.partners.length, 'foreign partner')}, ${n(ds.links.length, 'link')}; ` +
    `Q (${demonym} projection) ${data.communities.home?.modularity ?? '–'}, bipartite ${data.communities.bipartite?.modularity ?? '–'}`);
  print(`wrote ${written.map(pathText).join(', ')}`);
}
