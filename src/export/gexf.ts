/**
 * writeGexf: a graph as GEXF 1.3 (namespace `http://gexf.net/1.3`, viz `http://gexf.net/1.3/viz`), the
 * format Gephi opens natively, valid against the official RELAX NG grammar (tests check it); or, with
 * `version: '1.2draft'`, as GEXF 1.2draft (`http://www.gexf.net/1.2draft`, `version="1.2"`), the
 * version older readers take — NetworkX before 3.6 reads 1.1draft and 1.2draft only (and keys
 * attributes by their title). The two differ in the namespaces, the version and the list syntax.
 *
 * Written with a small XML tree writer (`_xml.ts`) rather than graphology-gexf's writer, so that column ids, titles and types
 * are exactly the given `ColumnSpec`s (graphology-gexf infers types from values and uses attribute
 * names as ids) and the output is byte-stable: nodes in graph order, edges in graph order with ids
 * `0, 1, …`, attributes in column order, numbers in shortest round-trip form.
 *
 * - `<graph defaultedgetype>`: `undirected`/`directed` from the graph type; a mixed graph is written
 *   `undirected` with `type="directed"` on its directed edges.
 * - 1.3 `liststring` values use GEXF 1.3's list syntax `[a, b]` (what Gephi's graphstore and
 *   graphology-gexf parse): an item containing `,`, quotes, brackets, backslashes, control whitespace or
 *   edge spaces is written double-quoted with `\"`, `\\`, `\n`, `\r`, `\t` escapes, e.g.
 *   `[Xi'an, "A, B", "say \"hi\""]`. 1.2draft has no quoting: items are joined with `|` (as Gephi
 *   0.8 and graphology-gexf write them), so an item containing `|` cannot be told apart there.
 * - Labels and attribute values: XML escaping by a small XML tree writer (`_xml.ts`); tab, CR and LF
 *   in attribute values are written as character references (they survive), XML-illegal characters
 *   become U+FFFD, and two node keys that would then coincide are refused.
 * - `meta.lastModifiedDate` is the input's date (YYYY-MM-DD), passed in, never today's date.
 * - `xsi:schemaLocation` is off by default: the official 1.3 RELAX NG grammar rejects it (it allows no
 *   foreign attributes on `<gexf>`); `schemaLocation: true` writes it the way Gephi does.
 * - `weightKey`: that edge attribute becomes the GEXF edge `weight` (Gephi reads it as a similarity /
 *   connection strength, e.g. for ForceAtlas2 attraction and weighted degree).
 *
 * @example
 *   writeGexf(graph, {
 *     nodeColumns: [{ key: 'community', id: 'modularity_class', title: 'Modularity Class', type: 'integer' }],
 *     edgeColumns: [],
 *     meta: { creator: 'twinnet', description: 'Sister cities', lastModifiedDate: '2024-05-01' },
 *   });
 */
import type { AbstractGraph as Graph } from 'graphology-types';
import type { Attributes } from 'graphology-types';
import { checkColumns, formatNumber, readCell } from './columns.js';
import type { CellValue, ColumnSpec } from './columns.js';
import type { Position } from '../layout/layout.js';
import type { Rgb } from './palette.js';
import { createDocument, escapeAttr, nodeIdWriter, XMLNS_NS, XSI_NS, xmlAttr, xmlText } from './_xml.js';
import { isCalendarDate } from '../util/calendar-date.js';
import type { XmlElement } from './_xml.js';

export const GEXF_NS = 'http://gexf.net/1.3';
export const GEXF_VIZ_NS = 'http://gexf.net/1.3/viz';
export const GEXF_SCHEMA_LOCATION = 'http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd';

/** The GEXF versions written; the first is the default. */
export const GEXF_VERSIONS = ['1.3', '1.2draft'] as const;
export type GexfVersion = (typeof GEXF_VERSIONS)[number];

/** Per version: namespace, viz namespace, `version` attribute, schema location. */
export const GEXF_DIALECTS: Readonly<Record<GexfVersion, { ns: string; vizNs: string; version: string; schemaLocation: string }>> = {
  '1.3': { ns: GEXF_NS, vizNs: GEXF_VIZ_NS, version: '1.3', schemaLocation: GEXF_SCHEMA_LOCATION },
  '1.2draft': {
    ns: 'http://www.gexf.net/1.2draft', vizNs: 'http://www.gexf.net/1.2draft/viz', version: '1.2',
    schemaLocation: 'http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd',
  },
};

export interface GexfMeta {
  creator: string;
  description: string;
  /** The input's date, YYYY-MM-DD; null when unknown (the attribute is then left out). */
  lastModifiedDate: string | null;
  keywords?: string | readonly string[];
}

export interface GexfViz {
  /** Node colour; alpha `a` in [0, 1] optional. */
  color?: (key: string, attributes: Attributes) => (Rgb & { a?: number }) | null | undefined;
  /** Node size, ≥ 0. */
  size?: (key: string, attributes: Attributes) => number | null | undefined;
  /** Node positions, e.g. from `layoutForceAtlas2`; nodes missing from the map get none. */
  position?: ReadonlyMap<string, Position>;
}

export interface GexfOptions {
  nodeColumns: readonly ColumnSpec[];
  edgeColumns: readonly ColumnSpec[];
  meta: GexfMeta;
  viz?: GexfViz;
  /** Edge attribute written as the edge `weight` (a similarity). Default: no weights. */
  weightKey?: string | null;
  /** Write `xsi:schemaLocation` (invalid against the 1.3 RELAX NG grammar). Default false. */
  schemaLocation?: boolean;
  /** GEXF version. Default `'1.3'`. */
  version?: GexfVersion;
  /**
   * A dynamic graph: edges with `start` / `end` attributes (strings: years, or ISO dates) get them as
   * GEXF times, `<graph mode="dynamic" timeformat>` (`integer`: years; `date`: a year `1987` is
   * written `1987-01-01`), so that Gephi's timeline plays the network's growth. Default: static.
   */
  time?: { format: 'integer' | 'date' };
}

type XMLBuilder = XmlElement;

const WHERE = 'export/gexf';

/**
 * What the GEXF writer reads of a graph: a graphology graph has it all; an export network gives its
 * node and edge lists (`network-gexf.ts`), without a graph being built.
 */
export interface GexfGraph {
  readonly type: string;
  readonly order: number;
  readonly size: number;
  nodeEntries(): Iterable<{ node: string; attributes: Attributes }>;
  edgeEntries(): Iterable<{ attributes: Attributes; source: string; target: string; undirected: boolean }>;
}

export function writeGexf(graph: Graph, options: GexfOptions): string {
  return Array.from(gexfPieces(graph, options)).join('');
}

/**
 * The text `writeGexf` returns, as a sequence of pieces of ~16k characters made as they are consumed (a
 * GEXF larger than V8's longest string, ~512 MB, can be written to a file piece by piece). The
 * options are checked at once; a node or edge value the format cannot carry throws when its piece
 * is made.
 */
export function gexfPieces(graph: GexfGraph, options: GexfOptions): Iterable<string> {
  const { nodeColumns, edgeColumns, meta } = options;
  checkColumns(nodeColumns, `${WHERE}: nodeColumns`);
  checkColumns(edgeColumns, `${WHERE}: edgeColumns`);
  checkMeta(meta);
  const version = options.version ?? '1.3';
  if (GEXF_DIALECTS[version] === undefined) throw new TypeError(`${WHERE}: version must be one of ${GEXF_VERSIONS.join(', ')}, got ${JSON.stringify(version)}`);
  return writePieces(graph, options, version);
}

function* writePieces(graph: GexfGraph, options: GexfOptions, version: GexfVersion): Generator<string> {
  const { nodeColumns, edgeColumns, meta, viz = {} } = options;
  const weightKey = options.weightKey ?? null;
  const dialect = GEXF_DIALECTS[version];
  const listText = version === '1.3' ? list13 : list12;

  const root = createDocument()
    .ele(dialect.ns, 'gexf')
    .att(XMLNS_NS, 'xmlns:viz', dialect.vizNs);
  if (options.schemaLocation === true) {
    root.att(XMLNS_NS, 'xmlns:xsi', XSI_NS).att(XSI_NS, 'xsi:schemaLocation', dialect.schemaLocation);
  }
  root.att('version', dialect.version);

  const metaEl = root.ele('meta', meta.lastModifiedDate === null ? {} : { lastmodifieddate: meta.lastModifiedDate });
  metaEl.ele('creator').txt(xmlText(meta.creator));
  metaEl.ele('description').txt(xmlText(meta.description));
  if (meta.keywords !== undefined) {
    const keywords = typeof meta.keywords === 'string' ? meta.keywords : meta.keywords.join(', ');
    metaEl.ele('keywords').txt(xmlText(keywords));
  }

  const defaultEdgeType = graph.type === 'directed' ? 'directed' : 'undirected';
  const time = options.time ?? null;
  const graphEl = root.ele('graph', time === null
    ? { defaultedgetype: defaultEdgeType, mode: 'static' }
    : { defaultedgetype: defaultEdgeType, mode: 'dynamic', timeformat: time.format });
  writeModel(graphEl, 'node', nodeColumns);
  writeModel(graphEl, 'edge', edgeColumns);

  // Each node and edge is written as one string, exactly as the tree writer would write its
  // elements (`<node …>`, `<attvalues>`, one `<attvalue …/>` per value, the viz elements), at the
  // depth of the element it goes in.
  const nodeId = nodeIdWriter(WHERE);
  const nodesEl = graphEl.ele('nodes', { count: String(graph.order) });
  const nodeIndent = nodesEl.childIndent;
  const nodeValues = valuesWriter(nodeColumns, nodeIndent, listText), nodeViz = vizWriter(viz, `${nodeIndent}  `);
  for (const { node: key, attributes } of graph.nodeEntries()) {
    let tag = `${nodeIndent}<node id="${escapeAttr(nodeId(key))}"`;
    const label: unknown = attributes.label;
    if (label !== undefined && label !== null) tag += ` label="${escapeAttr(xmlAttr(String(label)))}"`;
    const content = nodeValues(attributes, `node "${key}"`) + nodeViz(key, attributes);
    nodesEl.child(content === '' ? `${tag}/>\n` : `${tag}>\n${content}${nodeIndent}</node>\n`);
    const ready = root.pieces();
    if (ready.length > 0) yield* ready;
  }

  const edgesEl = graphEl.ele('edges', { count: String(graph.size) });
  const edgeIndent = edgesEl.childIndent;
  const edgeValues = valuesWriter(edgeColumns, edgeIndent, listText);
  const mixed = graph.type === 'mixed';
  let index = 0;
  for (const { attributes, source, target, undirected } of graph.edgeEntries()) {
    let tag = `${edgeIndent}<edge id="${index++}" source="${escapeAttr(nodeId(source))}" target="${escapeAttr(nodeId(target))}"`;
    if (mixed && !undirected) tag += ' type="directed"';
    const owner = `edge ${source}–${target}`;
    if (time !== null) {
      for (const bound of ['start', 'end'] as const) {
        const t: unknown = attributes[bound];
        if (t !== undefined && t !== null) tag += ` ${bound}="${escapeAttr(gexfTime(t, time.format, `${owner}: ${bound}`))}"`;
      }
    }
    if (weightKey !== null) {
      const w: unknown = attributes[weightKey];
      if (w !== undefined && w !== null) {
        if (typeof w !== 'number' || !Number.isFinite(w)) {
          throw new TypeError(`${WHERE}: ${owner}: weight "${weightKey}" must be a finite number, got ${String(w)}`);
        }
        tag += ` weight="${formatNumber(w)}"`;
      }
    }
    const content = edgeValues(attributes, owner);
    edgesEl.child(content === '' ? `${tag}/>\n` : `${tag}>\n${content}${edgeIndent}</edge>\n`);
    const ready = root.pieces();
    if (ready.length > 0) yield* ready;
  }

  yield* root.endPieces();
}

const YEAR_OR_DATE = /^\d{4}(-\d{2}-\d{2})?$/;

/** An edge time as GEXF writes it in `format`: a year as is (`integer`) or as its 1 January (`date`). */
function gexfTime(t: unknown, format: 'integer' | 'date', owner: string): string {
  const s = String(t);
  if (!YEAR_OR_DATE.test(s)) throw new TypeError(`${WHERE}: ${owner} must be a year or a YYYY-MM-DD date, got ${JSON.stringify(t)}`);
  if (format === 'integer') {
    if (s.length !== 4) throw new TypeError(`${WHERE}: ${owner} is a date, ${s}, in a graph whose timeformat is integer (years)`);
    return s;
  }
  return s.length === 4 ? `${s}-01-01` : s;
}

function checkMeta(meta: GexfMeta): void {
  if (meta === null || typeof meta !== 'object') throw new TypeError(`${WHERE}: meta is required`);
  if (typeof meta.creator !== 'string') throw new TypeError(`${WHERE}: meta.creator must be a string`);
  if (typeof meta.description !== 'string') throw new TypeError(`${WHERE}: meta.description must be a string`);
  if (meta.lastModifiedDate === null) return;
  if (!isCalendarDate(String(meta.lastModifiedDate))) throw new TypeError(`${WHERE}: meta.lastModifiedDate must be a YYYY-MM-DD date, got ${JSON.stringify(meta.lastModifiedDate)}`);
}

function writeModel(graphEl: XMLBuilder, cls: 'node' | 'edge', columns: readonly ColumnSpec[]): void {
  if (columns.length === 0) return;
  const el = graphEl.ele('attributes', { class: cls, mode: 'static' });
  for (const c of columns) el.leaf('attribute', { id: c.id, title: xmlAttr(c.title), type: c.type });
}

/**
 * The `<attvalues>` element of a node or edge whose own tag is indented by `indent`, as text (empty
 * when it has no value): one `<attvalue for value/>` per column with a value, in column order.
 */
function valuesWriter(columns: readonly ColumnSpec[], indent: string, listText: (items: string[]) => string): (attributes: Attributes, owner: string) => string {
  const open = `${indent}  <attvalues>\n`, close = `${indent}  </attvalues>\n`;
  const starts = columns.map((c) => `${indent}    <attvalue for="${escapeAttr(c.id)}" value="`);
  return (attributes, owner) => {
    let text = '';
    for (let i = 0; i < columns.length; i++) {
      const value = readCell(columns[i] as ColumnSpec, attributes, owner, WHERE);
      if (value === null) continue;
      text += `${starts[i] as string}${typeof value === 'number' ? formatNumber(value) : escapeAttr(gexfValue(value, listText))}"/>\n`;
    }
    return text === '' ? '' : open + text + close;
  };
}

/** A cell as attribute text; numbers need no `xmlAttr` (their text is digits, `.`, `e`, signs, `Infinity`). */
function gexfValue(value: CellValue, listText: (items: string[]) => string): string {
  if (typeof value === 'number') return formatNumber(value);
  if (Array.isArray(value)) return xmlAttr(listText(value));
  return xmlAttr(String(value));
}

/** A list in GEXF 1.3's syntax: `[a, "b, c"]`. */
const list13 = (items: string[]): string => `[${items.map(listItem).join(', ')}]`;
/** A list in GEXF 1.2draft's: `a|b, c` (no quoting). */
const list12 = (items: string[]): string => items.join('|');

const NEEDS_QUOTES = /[,"'[\]\\\t\n\r]|^\s|\s$|^$/;

/** One item of a GEXF 1.3 list: bare when unambiguous, else double-quoted with backslash escapes. */
function listItem(item: string): string {
  if (!NEEDS_QUOTES.test(item)) return item;
  const escaped = item
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
  return `"${escaped}"`;
}

/** A node's viz elements (colour, size, position), indented by `indent`, as text (empty when it has none). */
function vizWriter(viz: GexfViz, indent: string): (key: string, attributes: Attributes) => string {
  return (key, attributes) => {
    let text = '';
    const color = viz.color?.(key, attributes);
    if (color !== undefined && color !== null) {
      for (const ch of ['r', 'g', 'b'] as const) {
        const v = color[ch];
        if (!Number.isInteger(v) || v < 0 || v > 255) {
          throw new TypeError(`${WHERE}: node "${key}": colour channel ${ch} must be an integer in [0, 255], got ${String(v)}`);
        }
      }
      let alpha = '';
      if (color.a !== undefined) {
        if (!(color.a >= 0 && color.a <= 1)) throw new TypeError(`${WHERE}: node "${key}": alpha must be in [0, 1], got ${color.a}`);
        alpha = ` a="${formatNumber(color.a)}"`;
      }
      text += `${indent}<viz:color r="${color.r}" g="${color.g}" b="${color.b}"${alpha}/>\n`;
    }
    const size = viz.size?.(key, attributes);
    if (size !== undefined && size !== null) {
      if (!Number.isFinite(size) || size < 0) throw new TypeError(`${WHERE}: node "${key}": size must be a finite number ≥ 0, got ${size}`);
      text += `${indent}<viz:size value="${formatNumber(size)}"/>\n`;
    }
    const p = viz.position?.get(key);
    if (p !== undefined) {
      if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) throw new TypeError(`${WHERE}: node "${key}": position must be finite`);
      text += `${indent}<viz:position x="${formatNumber(p.x)}" y="${formatNumber(p.y)}" z="0"/>\n`;
    }
    return text;
  };
}
