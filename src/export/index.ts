/**
 * Export stage: graphs (with whatever metric columns the analyses put on them) → GEXF 1.3 for Gephi,
 * GraphML, CSV tables, Neo4j import tables, graphology JSON; plus a community palette. Positions come from the layout stage.
 */
export { checkColumns, readCell, formatNumber } from './columns.js';
export type { CellValue, ColumnSpec, ColumnType } from './columns.js';
export { communityPalette, hexToRgb, hslToRgb, KELLY_COLORS } from './palette.js';
export type { Rgb } from './palette.js';
export { writeGexf, GEXF_NS, GEXF_VIZ_NS, GEXF_SCHEMA_LOCATION, GEXF_VERSIONS, GEXF_DIALECTS } from './gexf.js';
export type { GexfMeta, GexfOptions, GexfVersion, GexfViz } from './gexf.js';
export { writeGraphml, GRAPHML_NS, GRAPHML_TYPES, LIST_SEPARATOR } from './graphml.js';
export type { GraphmlOptions } from './graphml.js';
export { writeCsvTables } from './csv.js';
export type { CsvOptions, CsvTables } from './csv.js';
export { writeGraphJson } from './json.js';
export { writeNeo4jTables, NEO4J_TYPES } from './neo4j.js';
export type { Neo4jOptions, Neo4jTables } from './neo4j.js';
export { LAYOUT_COLUMNS, rgbToHex, withLayoutColumns } from './layout-columns.js';
export { PROJECTION_METRIC_COLUMNS, projectionNodeColumns } from './projection-columns.js';
