/**
 * Delimited text → a header and rows, each row with the line it starts on. Comma, tab or semicolon,
 * whichever the header line holds most of (outside quotes); RFC 4180 quoting (a quoted field may hold
 * delimiters, `""` and line breaks) through csv-parse; CRLF, CR and LF line ends. A header of
 * `?variables` separated by tabs is the SPARQL 1.1 Query Results TSV format: its fields are RDF terms,
 * unquoted, read by `rdfTermValue`.
 *
 * @example
 *   const t = readDelimited('city;partner\nKöln;Lille\n', 'x.csv');
 *   t.delimiter // ';'
 *   t.rows // [{ cells: ['Köln', 'Lille'], line: 2, lines: 1 }]
 */
import { parse } from 'csv-parse/sync';
import { InputError } from '../../util/errors.js';
import { rdfTermValue } from './rdf-terms.js';

export type Delimiter = ',' | '\t' | ';';

export interface TableRow {
  cells: string[];
  /** 1-based line of the input the row starts on. */
  line: number;
  /** How many lines it spans (more than 1 when a quoted cell holds line breaks). */
  lines: number;
}

export interface Table {
  header: string[];
  /** Data rows, blank ones left out (counted in `blankLines`). */
  rows: TableRow[];
  delimiter: Delimiter;
  /** Whether the cells were written as RDF terms (SPARQL results TSV) and have been read as their values. */
  rdfTerms: boolean;
  /** Lines of the text, and how many of them are blank (outside quoted cells). */
  lines: number;
  blankLines: number;
}

const DELIMITERS: readonly Delimiter[] = [',', '\t', ';'];

/** The delimiter the header line holds most of, outside quotes (a tie goes to the first of `, tab ;`); null when it holds none. */
export function detectDelimiter(headerLine: string): Delimiter | null {
  const counts = [0, 0, 0];
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted) {
      const k = DELIMITERS.indexOf(ch as Delimiter);
      if (k >= 0) counts[k] = (counts[k] as number) + 1;
    }
  }
  let best = -1;
  for (let k = 0; k < 3; k++) if ((counts[k] as number) > 0 && (best < 0 || (counts[k] as number) > (counts[best] as number))) best = k;
  return best < 0 ? null : DELIMITERS[best] as Delimiter;
}

/** The first non-blank line of `text` (without a byte-order mark), and its number. */
export function headerLineOf(text: string): { line: string; lineNo: number } | null {
  let lineNo = 0;
  for (const line of text.replace(/^\uFEFF/, '').slice(0, 64 * 1024).split(/\r\n|\n|\r/)) {
    lineNo++;
    if (line.trim() !== '') return { line, lineNo };
  }
  return null;
}

/** Reads the table; an `InputError` naming `source` (and the line) when it has no header or its quoting is broken. */
export function readDelimited(text: string, source: string): Table {
  const body = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const head = headerLineOf(body);
  if (!head) throw new InputError('file is empty', source);
  const delimiter = detectDelimiter(head.line);
  if (!delimiter) throw new InputError('not a table: the first line has no comma, tab or semicolon between column names', source, head.lineNo);
  const lines = body === '' ? 0 : body.split('\n').length - (body.endsWith('\n') ? 1 : 0);
  const sparqlTsv = delimiter === '\t' && head.line.split('\t').every((h) => h.startsWith('?'));
  const records = sparqlTsv ? splitTsv(body) : parseCsv(body, delimiter, source);
  const first = records[0];
  if (!first) throw new InputError('file is empty', source);
  const header = first.cells.map((h) => (sparqlTsv ? h.slice(1) : h).trim());
  const rows: TableRow[] = [];
  let blankLines = lines - first.lines;
  for (let r = 1; r < records.length; r++) {
    const row = records[r] as TableRow;
    if (row.cells.every((c) => c.trim() === '')) continue;
    if (sparqlTsv) row.cells = row.cells.map(rdfTermValue);
    rows.push(row);
    blankLines -= row.lines;
  }
  return { header, rows, delimiter, rdfTerms: sparqlTsv, lines, blankLines };
}

/** Records through csv-parse, each with the line it starts on (blank lines are skipped and counted by csv-parse). */
function parseCsv(body: string, delimiter: Delimiter, source: string): TableRow[] {
  let parsed: { record: string[]; info: { lines: number; empty_lines: number } }[];
  try {
    parsed = parse(body, { delimiter, info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true });
  } catch (e) {
    const err = e as Error & { lines?: number };
    throw new InputError(`cannot read the table: ${err.message.replace(/^Invalid [^:]*: /, '')}`, source, err.lines ?? null);
  }
  const rows: TableRow[] = new Array<TableRow>(parsed.length);
  let end = 0, empty = 0;
  for (let r = 0; r < parsed.length; r++) {
    const { record, info } = parsed[r] as (typeof parsed)[number];
    const line = end + 1 + (info.empty_lines - empty);
    rows[r] = { cells: record, line, lines: info.lines - line + 1 };
    end = info.lines;
    empty = info.empty_lines;
  }
  return rows;
}

/** SPARQL results TSV: one record per line, fields split on tabs (a literal's tabs and line breaks are escaped). */
function splitTsv(body: string): TableRow[] {
  const rows: TableRow[] = [];
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === '') continue;
    rows.push({ cells: line.split('\t'), line: i + 1, lines: 1 });
  }
  return rows;
}
