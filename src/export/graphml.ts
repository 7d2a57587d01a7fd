/**
 * writeGraphml: a graph as GraphML (Brandes et al., graphml.graphdrawing.org/specification.html) with
 * typed `<key>`s, for Gephi, yEd, NetworkX (`read_graphml`), igraph (`read_graph(format = "graphml")`)
 * and Cytoscape.
 *
 * - Keys: one per column, `id` and `attr.name` both the column id (Gephi takes the key id as the
 *   column id; NetworkX and igraph use `attr.name`), `attr.type` mapped integer→int, long→long,
 *   double→double, float→float, boolean→boolean, string→string, liststring→string (GraphML has no
 *   list type: items joined with `;`, which cannot be escaped — keep `;` out of list items). The
 *   column title goes into the key's `<desc>`. Key ids are unique per document: an edge column whose id
 *   a node column already uses gets key id `edge_<id>` (same `attr.name`).
 * - Node labels go into a `label` key (Gephi maps it onto the node label), edge weights (`weightKey`, a
 *   similarity) into a `weight` double key; the column ids `label` (nodes) and `weight` (edges) are
 *   therefore reserved.
 * - Edges carry ids `e0, e1, …` in graph order; a mixed graph marks its directed edges `directed="true"`.
 * - Text is escaped by a small XML tree writer (`_xml.ts`); XML-illegal characters become U+FFFD. Newlines in string values
 *   survive (they are element text, not attributes).
 *
 * @example
 *   writeGraphml(graph, { nodeColumns: [{ key: 'degree', id: 'degree', title: 'Degree', type: 'integer' }], edgeColumns: [] });
 */
import type { AbstractGraph as Graph } from 'graphology-types';
import type { Attributes } from 'graphology-types';
import { checkColumns, formatNumber, readCell } from './columns.js';
import type { ColumnSpec, ColumnType } from './columns.js';
import { createDocument, nodeIdWriter, XMLNS_NS, XSI_NS, xmlAttr, xmlText } from './_xml.js';
import type { XmlElement } from './_xml.js';

export const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';
const SCHEMA_LOCATION = 'http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd';

export interface GraphmlOptions {
  nodeColumns: readonly ColumnSpec[];
  edgeColumns: readonly ColumnSpec[];
  /** Edge attribute written as key `weight` (a similarity). Default: none. */
  weightKey?: string | null;
}

export const GRAPHML_TYPES: Readonly<Record<ColumnType, 'boolean' | 'int' | 'long' | 'float' | 'double' | 'string'>> = {
  integer: 'int', long: 'long', double: 'double', float: 'float', boolean: 'boolean', string: 'string', liststring: 'string',
};

/** Separator of list items in GraphML (and CSV). */
export const LIST_SEPARATOR = ';';

const WHERE = 'export/graphml';

type XMLBuilder = XmlElement;

export function writeGraphml(graph: Graph, options: GraphmlOptions): string {
  const { nodeColumns, edgeColumns } = options;
  const weightKey = options.weightKey ?? null;
  checkColumns(nodeColumns, `${WHERE}: nodeColumns`, ['label']);
  checkColumns(edgeColumns, `${WHERE}: edgeColumns`, weightKey === null ? [] : ['weight']);

  const root = createDocument()
    .ele(GRAPHML_NS, 'graphml')
    .att(XMLNS_NS, 'xmlns:xsi', XSI_NS)
    .att(XSI_NS, 'xsi:schemaLocation', SCHEMA_LOCATION);

  const used = new Set<string>();
  const key = (id: string, domain: 'node' | 'edge', type: string, title: string): string => {
    const keyId = used.has(id) ? `${domain}_${id}` : id;
    used.add(keyId);
    const el = root.ele('key', { id: keyId, for: domain, 'attr.name': id, 'attr.type': type });
    if (title !== '') el.ele('desc').txt(xmlText(title));
    return keyId;
  };
  const labelKey = key('label', 'node', 'string', 'Label');
  const nodeKeys = nodeColumns.map((c) => key(c.id, 'node', GRAPHML_TYPES[c.type], c.title));
  const weightKeyId = weightKey === null ? null : key('weight', 'edge', 'double', 'Weight');
  const edgeKeys = edgeColumns.map((c) => key(c.id, 'edge', GRAPHML_TYPES[c.type], c.title));

  const nodeId = nodeIdWriter(WHERE);
  const graphEl = root.ele('graph', { id: 'G', edgedefault: graph.type === 'directed' ? 'directed' : 'undirected' });
  graph.forEachNode((node, attributes) => {
    const el = graphEl.ele('node', { id: nodeId(node) });
    const label: unknown = attributes.label;
    if (label !== undefined && label !== null) el.ele('data', { key: labelKey }).txt(xmlText(String(label)));
    writeData(el, nodeColumns, nodeKeys, attributes, `node "${node}"`);
  });
  let index = 0;
  graph.forEachEdge((_edge, attributes, source, target, _sa, _ta, undirected) => {
    const el = graphEl.ele('edge', { id: `e${index++}`, source: nodeId(source), target: nodeId(target) });
    if (graph.type === 'mixed' && !undirected) el.att('directed', 'true');
    const owner = `edge ${source}–${target}`;
    if (weightKey !== null && weightKeyId !== null) {
      const w: unknown = attributes[weightKey];
      if (w !== undefined && w !== null) {
        if (typeof w !== 'number' || !Number.isFinite(w)) {
          throw new TypeError(`${WHERE}: ${owner}: weight "${weightKey}" must be a finite number, got ${String(w)}`);
        }
        el.ele('data', { key: weightKeyId }).txt(formatNumber(w));
      }
    }
    writeData(el, edgeColumns, edgeKeys, attributes, owner);
  });
  return `${root.end()}\n`;
}

function writeData(el: XMLBuilder, columns: readonly ColumnSpec[], keys: readonly string[], attributes: Attributes, owner: string): void {
  columns.forEach((c, i) => {
    const value = readCell(c, attributes, owner, WHERE);
    if (value === null) return;
    const text = Array.isArray(value)
      ? value.join(LIST_SEPARATOR)
      : typeof value === 'number' ? graphmlNumber(value) : String(value);
    el.ele('data', { key: keys[i] as string }).txt(xmlText(text));
  });
}

/** GraphML numbers follow XML Schema: infinities are `INF` / `-INF`. */
function graphmlNumber(n: number): string {
  if (n === Infinity) return 'INF';
  if (n === -Infinity) return '-INF';
  return formatNumber(n);
}
