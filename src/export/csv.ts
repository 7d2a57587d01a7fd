/**
 * writeCsvTables: a graph as two CSV tables, nodes and edges, with headers that Gephi's spreadsheet
 * import (Data Laboratory → Import Spreadsheet), R's `read.csv`, pandas' `read_csv` and Neo4j's
 * `LOAD CSV WITH HEADERS` read without configuration:
 *
 *     nodes: Id,Label,<column ids…>
 *     edges: Source,Target,Type,[Weight,]<column ids…>
 *
 * `Type` is `Undirected` or `Directed`; `Weight` (only with `weightKey`, a similarity) is what Gephi
 * takes as the edge weight. Column headers are the column ids, so they must not repeat these names
 * (case-insensitive).
 *
 * Quoting is RFC 4180 (by csv-stringify): a field containing a comma, a double quote, CR or LF is
 * double-quoted with inner quotes doubled. A text cell that a spreadsheet would run as a formula
 * (`=`, `+`, `-`, `@` first, not a number) gets a leading `'` unless `raw` (see util/csv-cell.ts). Records end in `\n`, UTF-8 without BOM. Missing values are
 * empty cells; booleans `true`/`false`; `liststring` items joined with `;` (not escapable: keep `;` out
 * of list items).
 *
 * @example
 *   const { nodes, edges } = writeCsvTables(graph, { nodeColumns: [], edgeColumns: [] });
 *   nodes.split('\n')[0] // 'Id,Label'
 */
import type { AbstractGraph as Graph } from 'graphology-types';
import type { Attributes } from 'graphology-types';
import { stringify } from 'csv-stringify/sync';
import { checkColumns, formatNumber, readCell } from './columns.js';
import type { ColumnSpec } from './columns.js';
import { LIST_SEPARATOR } from './graphml.js';
import { neutralizeFormula } from '../util/csv-cell.js';

export interface CsvOptions {
  nodeColumns: readonly ColumnSpec[];
  edgeColumns: readonly ColumnSpec[];
  /** Edge attribute written in the `Weight` column (a similarity). Default: no `Weight` column. */
  weightKey?: string | null;
  /** Write text cells as they are (default false: a cell a spreadsheet would run as a formula gets a leading `'`). */
  raw?: boolean;
}

export interface CsvTables {
  nodes: string;
  edges: string;
}

const WHERE = 'export/csv';
const NODE_HEADERS = ['Id', 'Label'] as const;
const EDGE_HEADERS = ['Source', 'Target', 'Type'] as const;

export function writeCsvTables(graph: Graph, options: CsvOptions): CsvTables {
  const { nodeColumns, edgeColumns } = options;
  const weightKey = options.weightKey ?? null;
  checkColumns(nodeColumns, `${WHERE}: nodeColumns`, [...NODE_HEADERS]);
  checkColumns(edgeColumns, `${WHERE}: edgeColumns`, [...EDGE_HEADERS, 'Weight']);

  const nodeRows: string[][] = [[...NODE_HEADERS, ...nodeColumns.map((c) => c.id)]];
  graph.forEachNode((key, attributes) => {
    const label: unknown = attributes.label;
    nodeRows.push([key, label === undefined || label === null ? '' : String(label), ...csvCells(nodeColumns, attributes, `node "${key}"`)]);
  });

  const edgeHeader: string[] = [...EDGE_HEADERS];
  if (weightKey !== null) edgeHeader.push('Weight');
  const edgeRows: string[][] = [[...edgeHeader, ...edgeColumns.map((c) => c.id)]];
  graph.forEachEdge((_edge, attributes, source, target, _sa, _ta, undirected) => {
    const owner = `edge ${source}–${target}`;
    const row = [source, target, undirected ? 'Undirected' : 'Directed'];
    if (weightKey !== null) {
      const w: unknown = attributes[weightKey];
      if (w !== undefined && w !== null && (typeof w !== 'number' || !Number.isFinite(w))) {
        throw new TypeError(`${WHERE}: ${owner}: weight "${weightKey}" must be a finite number, got ${String(w)}`);
      }
      row.push(typeof w === 'number' ? formatNumber(w) : '');
    }
    edgeRows.push([...row, ...csvCells(edgeColumns, attributes, owner)]);
  });

  const write = (rows: string[][]): string => stringify(rows, { record_delimiter: '\n', cast: { string: options.raw ? (t) => t : neutralizeFormula } });
  return { nodes: write(nodeRows), edges: write(edgeRows) };
}

/** The cells of one row: empty when missing, lists joined with `;`, numbers in shortest round-trip form. */
export function csvCells(columns: readonly ColumnSpec[], attributes: Attributes, owner: string, where = WHERE): string[] {
  return columns.map((c) => {
    const value = readCell(c, attributes, owner, where);
    if (value === null) return '';
    if (Array.isArray(value)) return value.join(LIST_SEPARATOR);
    return typeof value === 'number' ? formatNumber(value) : String(value);
  });
}
