/**
 * Reads the input of a command — FILE, `-` for standard input, or the embedded default — in its
 * format (`--format`, default detected) with its home country (`--home`), through `readList`.
 * Error diagnostics (lines that could not be read, unknown countries …) are printed on stderr with
 * file and line — the data set keeps everything else; with `strict`, any such error stops the
 * command (exit 2) before anything is written. Control characters are shown escaped (`terminalSafe`).
 */
import { anyInputLimit, checkInputSize, inputLimit, readListFile, readStdin } from '../io/read-input.js';
import { LIST_FORMATS } from '../parse/formats/index.js';
import { formatOf, readList } from '../parse/read-list.js';
import type { Dataset } from '../parse/types.js';
import { InputError, UsageError } from '../util/errors.js';
import { DEFAULT_INPUT } from '../util/paths.js';
import { terminalSafe } from '../util/terminal.js';

/** Error diagnostics shown on stderr (all are in the data set / diagnostics.csv). */
export const ERRORS_SHOWN = 20;

export interface LoadOptions {
  strict?: boolean | undefined;
  /** Input format id, or `auto` (default). */
  format?: string | undefined;
  /** Home country, ISO alpha-2 or alpha-3. */
  home?: string | undefined;
  /** Tables: columns by role, `role=header,…`. */
  columns?: string | undefined;
  /** Where error diagnostics are printed (default: stderr). */
  warn?: (line: string) => void;
  /** What the command does with the list, which sets the largest input it takes (default: analyse). */
  use?: 'parse' | 'analyse';
}

/** The input format `--format` names (any case), or undefined for auto; a `UsageError` (exit 1) naming the known ones for any other. */
function inputFormatId(format: string | undefined): string | undefined {
  if (format === undefined || format.toLowerCase() === 'auto') return undefined;
  const id = format.toLowerCase();
  if (!LIST_FORMATS.some((f) => f.id === id)) throw new UsageError(`--format ${format}: unknown input format (known: auto, ${LIST_FORMATS.map((f) => f.id).join(', ')})`);
  return id;
}

export function loadDataset(file: string | undefined, options: LoadOptions = {}): Dataset {
  const warn = options.warn ?? ((s: string) => process.stderr.write(`${terminalSafe(s)}\n`));
  const read = { format: inputFormatId(options.format), home: options.home, columns: options.columns };
  // The text is read within the largest limit of any kind of input, then held to its own kind's.
  const use = options.use ?? 'analyse';
  const source = file === '-' ? '<stdin>' : file ?? 'data/raw/china-sister-cities.txt';
  const text = file === '-' ? readStdin(anyInputLimit(use)) : readListFile(file ?? DEFAULT_INPUT, anyInputLimit(use));
  const format = formatOf(text, source, read);
  checkInputSize(Buffer.byteLength(text, 'utf8'), inputLimit(use, format.tabular ? 'table' : 'list'), source);
  const ds: Dataset = readList(text, { ...read, format: format.id, source });
  const errors = ds.diagnostics.filter((d) => d.severity === 'error');
  for (const d of errors.slice(0, ERRORS_SHOWN)) warn(`twinnet: ${ds.source.path}:${d.line ?? '?'}: error ${d.code}: ${d.message}`);
  if (errors.length > ERRORS_SHOWN) warn(`twinnet: … ${errors.length - ERRORS_SHOWN} more error(s) (all in diagnostics.csv from \`twinnet parse\`)`);
  if (options.strict && errors.length > 0) {
    throw new InputError(`${errors.length} error(s) in the list (--strict): nothing written`, ds.source.path, errors[0]?.line ?? null);
  }
  return ds;
}

/** The `<file>.meta.json` that may stand beside an input list (snapshot date, source URL). */
export const metaPath = (file: string | undefined): string => (file ?? DEFAULT_INPUT).replace(/\.[^./]+$/, '') + '.meta.json';

/** The files a command reads — the list and its meta file, `-` for standard input — which no output may replace. */
export function inputFiles(file: string | undefined): string[] {
  return file === '-' ? ['-'] : [file ?? DEFAULT_INPUT, metaPath(file)];
}
