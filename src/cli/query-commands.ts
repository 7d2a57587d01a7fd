/**
 * `twinnet shared A B`, `twinnet similar A`, `twinnet partners X`, `twinnet city X`: answers as tidy
 * terminal tables, or `--json` for programs. Names are matched forgivingly (see analysis/query.ts).
 */
import stringWidth from 'string-width';
import { homeWords } from '../parse/countries.js';
import { analyze, ANALYSIS_DEFAULTS } from '../analysis/analyze.js';
import type { Analysis } from '../analysis/analyze.js';
import { findNode, partnersOf, sharedPartners, similarTo } from '../analysis/query.js';
import type { SimilarBy } from '../analysis/query.js';
import { MEASURES } from '../analysis/measures/registry.js';
import { nodeRows } from '../analysis/results.js';
import { num } from '../report/markdown.js';
import { loadDataset } from './load.js';
import { analysisOptions } from './options.js';
import type { AnalysisFlags } from './options.js';
import { UsageError } from '../util/errors.js';
import { distanceKm, kmText, partnerDistanceSummary, placeGeography, placesOf, placeText } from './place-geography.js';
import type { PartnersBy } from './place-geography.js';

export interface QueryFlags extends AnalysisFlags { json?: boolean; input?: string }

/** What `similar` ranks by: a similarity of the shared-partner pairs, or their hypergeometric p-value. */
export const SIMILAR_BY: readonly SimilarBy[] = ['jaccard', 'count', 'newman', 'cosine', 'overlap', 'pvalue'];
export const SIMILAR_DEFAULT_BY: SimilarBy = 'jaccard';

/** `weight`: taken only to point a user of its old meaning (the ranking) to `--by`. */
export interface SimilarFlags extends Omit<QueryFlags, 'weight'> { top?: number; by?: SimilarBy; weight?: string }

/**
 * Seeds per community detection of `shared`, `similar` and `partners`, which show no communities (they
 * skip them); `city` runs CITY_RUNS, the report's number, so that its communities are the report's.
 */
export const QUERY_RUNS = 1;
/** Seeds of `city`'s community detections: the report's. */
export const CITY_RUNS = ANALYSIS_DEFAULTS.runs;

/** Columns a string takes in a terminal: string-width's (wide CJK and emoji 2, combining marks and joiners 0), printable ASCII at once. */
function columns(s: string): number {
  return PRINTABLE_ASCII.test(s) ? s.length : stringWidth(s);
}
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Aligned plain-text table (numbers right-aligned), by the columns each cell takes on a terminal (`北京`, `🇫🇷 Lyon`). */
export function textTable(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const width = header.map((_, i) => cells.reduce((w, r) => Math.max(w, columns(r[i] ?? '')), 0));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || /^[-\d.,e+–]+$/.test(String(r[i]))));
  const pad = (c: string, i: number) => ' '.repeat(Math.max(0, (width[i] as number) - columns(c)));
  const line = (r: string[]) => r.map((c, i) => (numeric[i] ? pad(c, i) + c : c + pad(c, i))).join('  ').trimEnd();
  return [line(header), width.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/**
 * The analysis a question needs. `shared`, `similar` and `partners` read the projections and their
 * and significance only, so communities are left out (limits of -1); `city` shows
 * communities too (the report's seeds unless --runs says otherwise).
 */
function load(flags: QueryFlags, needs: 'projections' | 'all' = 'projections'): Analysis {
  const skip = needs === 'projections' ? { louvainLimit: -1, bipartiteLimit: -1 } : {};
  const runs = flags.runs ?? (needs === 'all' ? CITY_RUNS : QUERY_RUNS);
  return analyze(loadDataset(flags.input, { format: flags.format, home: flags.home, columns: flags.columns }), { ...analysisOptions(flags), runs, ...skip });
}

export function sharedCommand(a: string, b: string, flags: QueryFlags, print: (s: string) => void): void {
  const r = sharedPartners(load(flags), a, b);
  if (flags.json) { print(JSON.stringify(r, null, 2)); return; }
  print(`${r.labelA} (${r.degreeA} partners) and ${r.labelB} (${r.degreeB} partners) share ${r.count}.`);
  print(`Jaccard ${num(r.jaccard)}, overlap ${num(r.overlap)}, cosine ${num(r.cosine)}, Newman ${num(r.newman)}`);
  print(`hypergeometric p = ${num(r.p, 3)} (Holm ${num(r.holm, 3)}, Benjamini–Hochberg ${num(r.bh, 3)})`);
  if (r.shared.length) print(`\n${textTable(['shared partner'], r.shared.map((s) => [s]))}`);
}

export function similarCommand(name: string, flags: SimilarFlags, print: (s: string) => void): void {
  const { weight, ...rest } = flags;
  if (weight !== undefined) {
    const meant = (SIMILAR_BY as readonly string[]).includes(weight) ? ` (did you mean --by ${weight}?)` : '';
    throw new UsageError(`similar ranks with --by ${SIMILAR_BY.join('|')}; --weight ${weight} is the projections' edge weight, which does not change this ranking${meant}`);
  }
  const by = flags.by ?? SIMILAR_DEFAULT_BY;
  const r = similarTo(load(rest), name, { top: flags.top ?? 10, by });
  if (flags.json) { print(JSON.stringify({ ...r, by }, null, 2)); return; }
  print(`Most similar to ${r.label}, ranked by ${by === 'pvalue' ? 'the hypergeometric p-value (smallest first)' : by}:\n`);
  if (!r.similar.length) { print('(shares no partner with any other place)'); return; }
  print(textTable(['place', 'shared', 'Jaccard', 'Newman', 'p', 'shared partners'],
    r.similar.map((s) => [s.labelB, s.count, num(s.jaccard, 3), num(s.newman, 3), num(s.p, 3), s.shared.slice(0, 4).join('; ') + (s.shared.length > 4 ? ' …' : '')])));
}

export function partnersCommand(name: string, flags: QueryFlags & { by?: PartnersBy }, print: (s: string) => void): void {
  const a = load(flags);
  const r = partnersOf(a, name);
  const places = placesOf(a);
  const place = placeGeography(places, r.key);
  const partners = r.partners.map((p) => ({ ...p, ...placeGeography(places, p.key), distanceKm: distanceKm(places, r.key, p.key) }));
  if (flags.by === 'distance') partners.sort((x, y) => (x.distanceKm ?? Infinity) - (y.distanceKm ?? Infinity) || x.label.localeCompare(y.label, 'en'));
  if (flags.json) { print(JSON.stringify({ ...r, place, partners }, null, 2)); return; }
  print(`${r.label} [${sideWord(a.dataset.home, r.side)}] at ${placeText(place)} has ${r.partners.length} partner(s):\n`);
  print(textTable(['partner', 'country', 'region', 'km', 'its partners', 'line'],
    partners.map((p) => [p.label, p.country ?? '?', p.region ?? '–', kmText(p.distanceKm), p.degree, p.lines.join(',')])));
}

export function cityCommand(name: string, flags: QueryFlags, print: (s: string) => void): void {
  const a = load(flags, 'all');
  const key = findNode(a, name);
  const row = nodeRows(a).find((r) => r.key === key);
  const similar = similarTo(a, key, { top: 5 });
  const places = placesOf(a);
  const place = placeGeography(places, key);
  const distances = partnerDistanceSummary(places, key, a.graph.neighbors(key));
  if (flags.json) { print(JSON.stringify({ ...row, place, partnerDistanceKm: distances, similar: similar.similar }, null, 2)); return; }
  if (!row) return;
  print(`${row.label} [${sideWord(a.dataset.home, row.side)}${row.kind === 'district' ? ', district' : ''}], ${row.countryName ?? '?'}`);
  print(`at ${placeText(place)}${distances ? `; partners ${kmText(distances.median)} km away (median; quartiles ${kmText(distances.q1)}–${kmText(distances.q3)} km, ${distances.links} placed)` : ''}`);
  const measures = MEASURES.filter((m) => m.city !== undefined).map((m) => {
    const v = row[m.id];
    return [m.city as string, m.integer && v !== null ? v : num(v, m.digits)];
  });
  print(textTable(['measure', 'value'], [
    ...measures,
    ['component', row.component], ['community (projection)', row.community ?? '–'], ['community (bipartite)', row.bipartiteCommunity ?? '–'],
  ]));
  if (similar.similar.length) print(`\nmost similar: ${similar.similar.map((s) => `${s.labelB} (${s.count} shared)`).join(', ')}`);
}

/** A side in words: `Chinese place` (the home country's demonym) or `foreign partner`. */
function sideWord(home: string, side: 'home' | 'partner'): string {
  return side === 'home' ? `${homeWords(home).demonym} place` : 'foreign partner';
}
