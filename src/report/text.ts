/**
 * Text for the Markdown report: names escaped for Markdown and HTML, numbers for reading, tables.
 * Shared by the report's sections (`markdown.ts`, `findings.ts`, `identical-lists.ts`).
 */
import { nounFor } from '../util/noun.js';
import { terminalSafe } from '../util/terminal.js';
import type { ReportData } from './report-data.js';

/** The characters `md` rewrites, and the starts of what GitHub's Markdown links by itself: most names have none and are returned as they are. */
const MD_SPECIAL = /[&<>\\`*_[\]|~\r\n@]|:\/\/|www\./i;

/**
 * Escapes text for a Markdown table cell or paragraph: HTML entities, then Markdown punctuation, and
 * what GitHub-flavoured Markdown would turn into a link by itself (`http://…`, `www.…`, `a@b.co`: the
 * colon, the dot after `www` and the `@` backslash-escaped, so the name stays text); then control
 * characters shown escaped (`terminalSafe`: `cat report.md` must not retitle the terminal).
 */
export function md(text: string): string {
  if (!MD_SPECIAL.test(text)) return terminalSafe(text);
  return terminalSafe(text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~@])/g, '\\$1')
    .replace(/:\/\//g, '\\://')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/\r\n?|\n/g, ' '));
}

/** A number for reading: integers as is, others to 4 significant digits; tiny p-values in e-notation. */
export function num(x: number | null | undefined, digits = 4): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  if (Number.isInteger(x)) return x.toLocaleString('en-US');
  if (x !== 0 && Math.abs(x) < 1e-3) return x.toExponential(2);
  return Number(x.toPrecision(digits)).toString();
}

/** `n thing(s)` in figures: `0 links`, `1 link`, `3 links` (`plural` says `no link`). */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${num(n)} ${nounFor(n, one, many)}`;
}

/** `n thing(s)` in words: `no pair`, `1 pair`, `3 pairs`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return n === 0 ? `no ${one}` : counted(n, one, many);
}

/** A share as a percentage to one decimal; a share that would round to 0.0 % or 100.0 % without being 0 or 1 says so (`< 0.1 %`, `> 99.9 %`). */
export function pct(x: number): string {
  if (x > 0 && x < 0.0005) return '< 0.1 %';
  if (x < 1 && x >= 0.9995) return '> 99.9 %';
  return `${(100 * x).toFixed(1)} %`;
}

/**
 * What the analysis sees when it differs from the entries and links as listed (districts merged into
 * their cities): the clause naming how districts are taken, or null when the counts agree.
 */
export function analysedDistricts(r: Pick<ReportData, 'overview' | 'parameters'>): string | null {
  const o = r.overview;
  if (o.homeNodes === o.homeEntries && o.edges === o.links) return null;
  return `districts ${r.parameters.districts === 'merge' ? 'merged into their cities' : 'as places of their own'}`;
}

export function table(header: string[], rows: (string | number)[][], align?: ('l' | 'r')[]): string {
  const al = align ?? header.map((_, i) => (i === 0 ? 'l' : 'r'));
  return [
    `| ${header.join(' | ')} |`,
    `| ${al.map((a) => (a === 'r' ? '---:' : ':---')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(String).join(' | ')} |`),
  ].join('\n');
}
