/**
 * Delimited text → a header and rows, each row with the line it starts on. Comma, tab or semicolon,
 * whichever the header line holds most of (outside quotes); RFC 4180 quoting (a quoted field may hold
 * delimiters, `""` and line breaks); CRLF, CR and LF line ends. A header of `?variables` separated by
 * tabs is the SPARQL 1.1 Query Results TSV format: its fields are RDF terms, unquoted, read by
 * `rdfTermValue`.
 *
 * The rows are read as they are asked for (`Table.eachRow`), never all held at once: a 1.4-million-row
 * table is read row by row into places and links. The reading is csv-parse's (5.6, options
 * `relax_quotes`, `relax_column_count`, `skip_empty_lines`), tested against it on random text: a
 * quote opens a quoted field only as its first character; a quoted field ends at a quote followed by
 * the delimiter, a line end or the end of the text; a quote followed by anything else (`"a"b`) makes
 * the whole field plain text, its quotes kept (`"a"b`), read on to the next delimiter or line end; a
 * quote inside a plain field is text. A quoted field never closed is an error naming the line it opens on.
 *
 * @example
 *   const t = readDelimited('city;partner\nKöln;Lille\n', 'x.csv');
 *   t.delimiter // ';'
 *   tableRows(t).rows // [{ cells: ['Köln', 'Lille'], line: 2, lines: 1 }]
 */
import { InputError } from '../../util/errors.js';
import { rdfTermProblem, rdfTermValue } from './rdf-terms.js';

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
  /**
   * Calls `row` with every data row in order, blank ones (every cell empty or spaces) left out;
   * returns how many lines of the text are blank (outside quoted cells). `row` returning false stops
   * the reading (the count is then of the lines read). Each call reads the rows afresh.
   */
  eachRow(row: (row: TableRow) => boolean | void): number;
  delimiter: Delimiter;
  /** Whether the cells were written as RDF terms (SPARQL results TSV) and are read as their values. */
  rdfTerms: boolean;
  /** Lines of the text. */
  lines: number;
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

/** A first line `sep=;` (`sep=,`, `sep=<tab>`), which Excel writes and reads to name the delimiter. */
const EXCEL_SEP = /^sep=([,;\t])[ ]*$/i;

/** The delimiter an Excel `sep=` line names, or null when `line` is none. */
export function excelSeparator(line: string): Delimiter | null {
  return (EXCEL_SEP.exec(line)?.[1] as Delimiter | undefined) ?? null;
}

/** `text` with an Excel `sep=` first line emptied (the lines keep their numbers), and the delimiter it names (null: none). */
function withoutExcelSeparator(text: string): { text: string; sep: Delimiter | null } {
  const first = headerLineOf(text);
  const sep = first ? excelSeparator(first.line) : null;
  if (!first || sep === null) return { text, sep: null };
  const at = text.indexOf(first.line);
  return { text: text.slice(0, at) + text.slice(at + first.line.length), sep };
}

/** The header line of a table (after an Excel `sep=` line), its number and its delimiter (null: none found); null for a text of blank lines. */
export function tableHeader(text: string): { line: string; lineNo: number; delimiter: Delimiter | null; body: string } | null {
  const { text: body, sep } = withoutExcelSeparator(text);
  const head = headerLineOf(body);
  return head && { ...head, delimiter: sep ?? detectDelimiter(head.line), body };
}

/** Reads the table's header; an `InputError` naming `source` (and the line) when it has none or its quoting is broken. */
export function readDelimited(text: string, source: string): Table {
  // Excel's `sep=;` line is read as a blank line.
  const head = tableHeader(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  if (!head) throw new InputError('file is empty', source);
  const { body, delimiter } = head;
  if (!delimiter) throw new InputError('not a table: the first line has no comma, tab or semicolon between column names', source, head.lineNo);
  const lines = body === '' ? 0 : countLines(body);
  const sparqlTsv = delimiter === '\t' && head.line.split('\t').every((h) => h.startsWith('?'));
  const records = (each: (row: TableRow) => boolean | void): void => {
    if (sparqlTsv) eachTsvRecord(body, each); else eachDelimitedRecord(body, delimiter, source, each);
  };
  // The header is the first record with a cell that is not blank.
  let first: TableRow | null = null;
  records((row) => { if (isBlank(row)) return; first = row; return false; });
  if (first === null) throw new InputError('file is empty', source);
  const header = (first as TableRow).cells.map((h) => (sparqlTsv ? h.slice(1) : h).trim());
  const eachRow = (row: (row: TableRow) => boolean | void): number => {
    let blankLines = lines, beforeHeader = true;
    records((r) => {
      if (isBlank(r)) return;
      blankLines -= r.lines;
      if (beforeHeader) { beforeHeader = false; return; }
      if (sparqlTsv) {
        for (let k = 0; k < r.cells.length; k++) {
          const problem = rdfTermProblem(r.cells[k] as string);
          if (problem !== null) throw new InputError(`column ${JSON.stringify(header[k] ?? `#${k + 1}`)}: ${problem} (SPARQL results TSV writes every literal in quotes, with its tag or type)`, source, r.line);
        }
        r.cells = r.cells.map(rdfTermValue);
      }
      return row(r);
    });
    return blankLines;
  };
  return { header, eachRow, delimiter, rdfTerms: sparqlTsv, lines };
}

const isBlank = (row: TableRow): boolean => row.cells.every((c) => c.trim() === '');

/** A table of rows already read (a SPARQL JSON result's, a test's). */
export function tableOfRows(header: string[], rows: readonly TableRow[], o: { delimiter: Delimiter; rdfTerms: boolean; lines: number }): Table {
  return {
    header, ...o,
    eachRow(each) {
      let blankLines = o.lines - 1;
      for (const r of rows) {
        blankLines -= r.lines;
        if (each(r) === false) break;
      }
      return blankLines;
    },
  };
}

/** Every data row of `table` and its blank lines, held at once (for tests and small tables). */
export function tableRows(table: Table): { rows: TableRow[]; blankLines: number } {
  const rows: TableRow[] = [];
  const blankLines = table.eachRow((r) => { rows.push(r); });
  return { rows, blankLines };
}

/** The first `n` data rows of `table`. */
export function firstRows(table: Table, n: number): TableRow[] {
  const rows: TableRow[] = [];
  if (n > 0) table.eachRow((r) => rows.push(r) < n);
  return rows;
}

/** Lines of `body` (line ends `\n`): the line breaks, plus one for a last line without one. */
function countLines(body: string): number {
  let n = 0;
  for (let i = body.indexOf('\n'); i >= 0; i = body.indexOf('\n', i + 1)) n++;
  return body.endsWith('\n') ? n : n + 1;
}

const QUOTE = 34, NL = 10;

/**
 * The records of `body` (line ends `\n`) in order, empty lines skipped (and counted in the next
 * record's line), read as csv-parse reads them (see the header). `each` returning false stops.
 */
export function eachDelimitedRecord(body: string, delimiter: Delimiter, source: string, each: (row: TableRow) => boolean | void): void {
  const D = delimiter.charCodeAt(0), n = body.length;
  let i = 0, line = 1;
  while (i < n) {
    if (body.charCodeAt(i) === NL) { i++; line++; continue; } // an empty line
    const start = line, cells: string[] = [];
    for (;;) {
      let value: string;
      if (body.charCodeAt(i) === QUOTE) {
        const opens = line;
        let from = i + 1, k = from, text = '';
        for (;;) {
          if (k >= n) throw new InputError('cannot read the table: a quoted cell is never closed (its quote opens on this line)', source, opens);
          const c = body.charCodeAt(k);
          if (c === NL) { line++; k++; continue; }
          if (c !== QUOTE) { k++; continue; }
          if (body.charCodeAt(k + 1) === QUOTE) { text += body.slice(from, k + 1); k += 2; from = k; continue; } // "" inside: one quote
          text += body.slice(from, k);
          const after = body.charCodeAt(k + 1);
          if (k + 1 >= n || after === D || after === NL) { value = text; i = k + 1; break; }
          // A stray quote: the field is plain text from its opening quote, read on to the delimiter or line end.
          let e = k + 1;
          for (; e < n; e++) { const x = body.charCodeAt(e); if (x === D || x === NL) break; }
          value = `"${text}"${body.slice(k + 1, e)}`;
          i = e;
          break;
        }
      } else {
        let e = i;
        for (; e < n; e++) { const x = body.charCodeAt(e); if (x === D || x === NL) break; }
        value = body.slice(i, e);
        i = e;
      }
      cells.push(value);
      if (i < n && body.charCodeAt(i) === D) { i++; continue; }
      break;
    }
    const lines = line - start + 1;
    if (i < n) { i++; line++; } // the line end
    if (each({ cells, line: start, lines }) === false) return;
  }
}

/** SPARQL results TSV: one record per line, fields split on tabs (a literal's tabs and line breaks are escaped); empty lines skipped. */
function eachTsvRecord(body: string, each: (row: TableRow) => boolean | void): void {
  let line = 0;
  for (let from = 0; from < body.length;) {
    let to = body.indexOf('\n', from);
    if (to < 0) to = body.length;
    line++;
    const text = body.slice(from, to);
    from = to + 1;
    if (text === '') continue;
    if (each({ cells: text.split('\t'), line, lines: 1 }) === false) return;
  }
}
