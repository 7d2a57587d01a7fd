/**
 * writeNeo4jTables: a graph as the CSV files `neo4j-admin database import full` reads, each table as
 * a header file and a data file (no header row), so that
 *
 *     neo4j-admin database import full --nodes=N-header.csv,N.csv --relationships=R-header.csv,R.csv neo4j
 *
 * loads it:
 *
 *     nodes:         id:ID,name,<column id>:<type>…,:LABEL
 *     relationships: :START_ID,:END_ID,[weight:double,]<column id>:<type>…,:TYPE
 *
 * Types: integer → int, long → long, double → double, float → float, boolean → boolean, string →
 * string, liststring → string[] (items joined with `;`, neo4j-admin's default array delimiter). `id`
 * is the node key (one ID space), `name` its label; `:LABEL` is `labels(key, attributes)` joined
 * with `;`. Neo4j relationships have a direction: each undirected edge is written once, source to
 * target, with type `relationshipType` — query it without direction (`(a)-[:T]-(b)`). Quoting, empty
 * cells and numbers as in `writeCsvTables` (RFC 4180; `Infinity` is what Java's `Double.parseDouble` reads).
 *
 * @example
 *   writeNeo4jTables(graph, { nodeColumns: [{ key: 'degree', id: 'degree', title: 'Degree', type: 'integer' }],
 *     edgeColumns: [], labels: () => ['Place'], relationshipType: 'TWINNED_WITH' }).nodesHeader
 *   // 'id:ID,name,degree:int,:LABEL\n'
 */
import type { AbstractGraph as Graph } from 'graphology-types';
import type { Attributes } from 'graphology-types';
import { stringify } from 'csv-stringify/sync';
import { checkColumns, formatNumber } from './columns.js';
import type { ColumnSpec, ColumnType } from './columns.js';
import { csvCells } from './csv.js';

export interface Neo4jOptions {
  nodeColumns: readonly ColumnSpec[];
  edgeColumns: readonly ColumnSpec[];
  /** Edge attribute written as the `weight:double` property (a similarity). Default: none. */
  weightKey?: string | null;
  /** The node's labels (at least one). */
  labels: (key: string, attributes: Attributes) => readonly string[];
  /** The relationship type, e.g. `TWINNED_WITH`. */
  relationshipType: string;
}

export interface Neo4jTables { nodesHeader: string; nodes: string; relationshipsHeader: string; relationships: string }

export const NEO4J_TYPES: Readonly<Record<ColumnType, string>> = {
  integer: 'int', long: 'long', double: 'double', float: 'float', boolean: 'boolean', string: 'string', liststring: 'string[]',
};

const WHERE = 'export/neo4j';
/** Labels and relationship types: identifiers, so that Cypher needs no backquotes. */
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function writeNeo4jTables(graph: Graph, options: Neo4jOptions): Neo4jTables {
  const { nodeColumns, edgeColumns, labels, relationshipType } = options;
  const weightKey = options.weightKey ?? null;
  checkColumns(nodeColumns, `${WHERE}: nodeColumns`, ['id', 'name']);
  checkColumns(edgeColumns, `${WHERE}: edgeColumns`, weightKey === null ? [] : ['weight']);
  if (!NAME.test(relationshipType)) throw new TypeError(`${WHERE}: relationship type ${JSON.stringify(relationshipType)} must match ${String(NAME)}`);

  const typed = (c: ColumnSpec) => `${c.id}:${NEO4J_TYPES[c.type]}`;
  const nodesHeader = ['id:ID', 'name', ...nodeColumns.map(typed), ':LABEL'];
  const nodeRows: string[][] = [];
  graph.forEachNode((key, attributes) => {
    const names = labels(key, attributes);
    const bad = names.find((l) => !NAME.test(l));
    if (names.length === 0 || bad !== undefined) throw new TypeError(`${WHERE}: node "${key}": labels must be one or more identifiers, got ${JSON.stringify(names)}`);
    const label: unknown = attributes.label;
    nodeRows.push([key, label === undefined || label === null ? '' : String(label), ...csvCells(nodeColumns, attributes, `node "${key}"`, WHERE), names.join(';')]);
  });

  const relationshipsHeader = [':START_ID', ':END_ID', ...(weightKey === null ? [] : ['weight:double']), ...edgeColumns.map(typed), ':TYPE'];
  const relationshipRows: string[][] = [];
  graph.forEachEdge((_edge, attributes, source, target) => {
    const owner = `edge ${source}–${target}`;
    const row = [source, target];
    if (weightKey !== null) {
      const w: unknown = attributes[weightKey];
      if (w !== undefined && w !== null && (typeof w !== 'number' || !Number.isFinite(w))) {
        throw new TypeError(`${WHERE}: ${owner}: weight "${weightKey}" must be a finite number, got ${String(w)}`);
      }
      row.push(typeof w === 'number' ? formatNumber(w) : '');
    }
    relationshipRows.push([...row, ...csvCells(edgeColumns, attributes, owner, WHERE), relationshipType]);
  });

  const write = (rows: string[][]): string => stringify(rows, { record_delimiter: '\n' });
  return { nodesHeader: write([nodesHeader]), nodes: write(nodeRows), relationshipsHeader: write([relationshipsHeader]), relationships: write(relationshipRows) };
}
