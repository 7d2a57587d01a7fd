/**
 * The drawing as plain columns, for formats that have no place of their own for it (GraphML, CSV,
 * Neo4j): the seeded ForceAtlas2 position `x`, `y`, the node size `size`, and the community colour
 * both as channels `r`, `g`, `b` (0–255) and as `color` `#rrggbb`. Cytoscape's GraphML and table
 * import take them as node columns (a passthrough mapping of `color` to the fill colour, `x`/`y` to
 * the position), pandas and R keep them for plotting. The GEXF writes the same values as `viz:`
 * elements instead.
 *
 * @example  a node at (1.5, −2) coloured { r: 243, g: 195, b: 0 }: x 1.5, y −2, r 243, g 195, b 0, color '#f3c300'.
 */
import type { Position } from '../layout/layout.js';
import { column } from './columns.js';
import type { ColumnSpec } from './columns.js';
import type { ExportNetwork } from './network.js';
import type { Rgb } from './palette.js';


export const LAYOUT_COLUMNS: readonly ColumnSpec[] = [
  column('x', 'x (ForceAtlas2)', 'double'),
  column('y', 'y (ForceAtlas2)', 'double'),
  column('size', 'Size', 'double'),
  column('r', 'Colour, red (0–255)', 'integer'),
  column('g', 'Colour, green (0–255)', 'integer'),
  column('b', 'Colour, blue (0–255)', 'integer'),
  column('color', 'Colour (#rrggbb)', 'string'),
];

/** `#rrggbb`, lower case. */
export function rgbToHex(c: Rgb): string {
  return `#${[c.r, c.g, c.b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

/** A link's start and end as the input gives them (a year or a date), for formats without GEXF's spells. */
const DATE_COLUMNS: ColumnSpec[] = [
  column('start', 'Twinned since (year or date, as the input gives it)', 'string'),
  column('end', 'Ended (year or date, as the input gives it)', 'string'),
];

/**
 * `net` with the layout columns: a copy of its graph with `x`, `y` (from `positions`; left empty for
 * a node it lacks), `size`, `r`, `g`, `b` and `color` on every node, and `LAYOUT_COLUMNS` after its
 * node columns. `net` itself is not changed.
 */
export function withLayoutColumns(net: ExportNetwork, positions: ReadonlyMap<string, Position>): ExportNetwork {
  const taken = net.nodeColumns.filter((c) => LAYOUT_COLUMNS.some((l) => l.id === c.id));
  if (taken.length > 0) throw new TypeError(`export/layout-columns: the network already has column(s) ${taken.map((c) => c.id).join(', ')}`);
  const graph = net.graph.copy();
  graph.forEachNode((key, attributes) => {
    const p = positions.get(key);
    const color = net.color(key, attributes);
    graph.mergeNodeAttributes(key, { x: p?.x ?? null, y: p?.y ?? null, size: net.size(key, attributes), r: color.r, g: color.g, b: color.b, color: rgbToHex(color) });
  });
  // Without the network's node lists (`nodes`, `keys`, `nodeEntries`): they lack the new columns, so
  // every writer reads the nodes from the graph. The edges are unchanged.
  const { kind, edges, weightKey, timeformat, color, size, description } = net;
  // GEXF writes a link's dates as its spell; the formats drawn here have no such thing: columns of their own
  const edgeColumns = timeformat === null ? net.edgeColumns : [...net.edgeColumns, ...DATE_COLUMNS];
  return { kind, graph, edges, nodeColumns: [...net.nodeColumns, ...LAYOUT_COLUMNS], edgeColumns, weightKey, timeformat, color, size, description };
}
