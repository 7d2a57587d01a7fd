/**
 * readList: any supported input → a `Dataset`, through the registry of formats (`formats/index.ts`).
 * The format is named (`format: 'wikipedia-list'`) or, absent or `auto`, detected from the content:
 * the format that is surest of the text reads it.
 *
 * @example
 *   readList('==A==\nAnqing\n- JPN Ibaraki, Japan\n', { source: 'x.txt' }).links.length // 1
 *   readList(text, { format: 'wikipedia-list', home: 'deu' }).home // 'DE'
 */
import { InputError, UsageError } from '../util/errors.js';
import { LIST_FORMATS } from './formats/index.js';
import type { ListFormat, ReadOptions } from './formats/index.js';
import { homeCountryCode } from './home-country.js';
import type { Dataset } from './types.js';

export interface ReadListOptions {
  /** Name of the input for messages and provenance (a path); default `<text>`. */
  source?: string | undefined;
  /** A format id from `LIST_FORMATS`, or `auto` (default): detected from the content. */
  format?: string | undefined;
  /** The home country, ISO alpha-2 or alpha-3 in any case; default: what the input says, else the format's own. */
  home?: string | undefined;
  /** Tables only: the columns by role, `role=header,…` (`--columns`); default: recognised from the header. */
  columns?: string | undefined;
}

/** Reads `text` in its format. Throws `InputError` for an unknown format or content no format reads, `UsageError` for an unknown home country. */
export function readList(text: string, options: ReadListOptions = {}): Dataset {
  const source = options.source ?? '<text>';
  const read: ReadOptions = { source };
  if (options.home !== undefined) {
    const home = homeCountryCode(options.home);
    if (home === null) throw new UsageError(`home country "${options.home}" is not an ISO 3166-1 alpha-2 or alpha-3 code`);
    read.home = home;
  }
  const format = formatOf(text, source, options);
  if (options.columns !== undefined) {
    if (!format.tabular) throw new UsageError(`--columns names the columns of a table; ${source} is read as ${format.id}, which has none (--format table reads it as a table)`);
    read.columns = options.columns;
  }
  return format.read(text, read);
}

/**
 * The format `options` name, else the one detected from `text`; with `columns` (`--columns` says the
 * input is a table) a table whose header no format recognises is read as one.
 */
export function formatOf(text: string, source: string, options: Pick<ReadListOptions, 'format' | 'columns'>): ListFormat {
  if (options.format !== undefined && options.format !== 'auto') return listFormat(options.format, source);
  return detectFormat(text, source, options.columns === undefined ? null : listFormat('table'));
}

/** The registered format `id`; an `InputError` naming `source` and the formats when there is none. */
export function listFormat(id: string, source = '<text>'): ListFormat {
  const format = LIST_FORMATS.find((f) => f.id === id);
  if (!format) throw new InputError(`unknown input format "${id}" (known: auto, ${LIST_FORMATS.map((f) => f.id).join(', ')})`, source);
  return format;
}

/** The format surest of `text` (the first registered, on a tie); else `otherwise`, or an `InputError` naming `source` when none is given. */
export function detectFormat(text: string, source = '<text>', otherwise: ListFormat | null = null): ListFormat {
  let best: ListFormat | null = null, bestScore = 0;
  for (const f of LIST_FORMATS) {
    const score = f.detect(text);
    if (score > bestScore) { best = f; bestScore = score; }
  }
  if (best) return best;
  if (otherwise) return otherwise;
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new InputError('file is empty', source);
  const firstNonBlank = text.split(/\r\n|\n|\r/).findIndex((l) => l.trim() !== '') + 1;
  throw new InputError(
    `not a sister-city list in any known format (${LIST_FORMATS.map((f) => `${f.id}: ${f.description}`).join('; ')})`,
    source,
    firstNonBlank || null,
  );
}
