/** `twinnet parse [FILE] [--out DIR] [--json]`: the data set as JSON and CSV, and a one-screen summary. */
import { noLinks } from '../analysis/analyze.js';
import { datasetFiles } from '../io/dataset-files.js';
import { checkWritable, writeFilesAtomically } from '../io/atomic-write.js';
import { pathText } from '../util/errors.js';
import { homeWords } from '../parse/countries.js';
import type { Dataset } from '../parse/types.js';
import { LINE_KINDS } from '../parse/types.js';
import { inputFiles, loadDataset } from './load.js';
import { placesFor } from '../pipeline/geography.js';
import { linkDistances } from '../geo/link-distances.js';
import { GEO_CREDITS } from '../report/where-data.js';
import type { InputFlags } from './options.js';
import { nounFor } from '../util/noun.js';

export interface ParseCommandOptions extends InputFlags {
  out: string;
  json?: boolean;
  strict?: boolean;
  /** CSV cells as they are, formula-like ones included. */
  rawCsv?: boolean;
}

export function parseCommand(file: string | undefined, opts: ParseCommandOptions, print: (s: string) => void): void {
  checkWritable(opts.out, 'dir');
  const ds = loadDataset(file, { strict: opts.strict, format: opts.format, home: opts.home, columns: opts.columns, use: 'parse' });
  if (ds.links.length === 0) throw noLinks(ds); // as report and export do: a list is its links
  const places = placesFor(ds);
  const geo = { ...places, distances: linkDistances(ds, places), credit: GEO_CREDITS.places };
  const written = writeFilesAtomically(datasetFiles(ds, opts.out, geo, { rawCsv: opts.rawCsv }), { inputs: inputFiles(file) });
  if (opts.json) {
    print(JSON.stringify({ summary: summarize(ds), written }, null, 2));
    return;
  }
  print(formatSummary(ds));
  print(`\nwrote ${written.map(pathText).join(', ')}`);
}

export function summarize(ds: Dataset) {
  const bySeverity: Record<string, number> = { error: 0, warning: 0, info: 0 };
  const byCode: Record<string, number> = {};
  for (const d of ds.diagnostics) {
    bySeverity[d.severity] = (bySeverity[d.severity] ?? 0) + 1;
    byCode[`${d.severity} ${d.code}`] = (byCode[`${d.severity} ${d.code}`] ?? 0) + 1;
  }
  return {
    source: ds.source,
    lineKinds: ds.lineKinds,
    home: ds.home,
    homes: ds.homes.length,
    districts: ds.homes.filter((c) => c.kind === 'district').length,
    partners: ds.partners.length,
    links: ds.links.length,
    countriesWritten: ds.countries.length,
    sovereignStates: new Set(ds.partners.map((p) => p.country).filter((c) => c !== null)).size,
    diagnostics: { bySeverity, byCode },
  };
}

export function formatSummary(ds: Dataset): string {
  const s = summarize(ds);
  const n = (k: number, one: string) => `${k} ${nounFor(k, one)}`;
  const lines = [
    `${pathText(ds.source.path)}  (${ds.source.lines} lines, ${ds.source.bytes} bytes, sha256 ${ds.source.sha256.slice(0, 16)}…${ds.source.bom ? ', BOM' : ''}, ${ds.source.lineEnding})`,
    '',
    `lines by kind: ${LINE_KINDS.map((k) => `${k} ${ds.lineKinds[k]}`).join(', ')}`,
    `${homeWords(ds.home).demonym} entries: ${s.homes} (${s.districts} ${s.districts === 1 ? 'district' : 'districts'})`,
    `foreign partners: ${s.partners}`,
    `links: ${s.links}`,
    `countries: ${s.countriesWritten} as written → ${n(s.sovereignStates, 'sovereign state')} (ISO 3166-1)`,
    `diagnostics: ${n(s.diagnostics.bySeverity['error'] ?? 0, 'error')}, ${n(s.diagnostics.bySeverity['warning'] ?? 0, 'warning')}, ${n(s.diagnostics.bySeverity['info'] ?? 0, 'note')}`,
    ...Object.entries(s.diagnostics.byCode)
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([k, n]) => `  ${k.padEnd(36)} ${n}`),
  ];
  return lines.join('\n');
}
