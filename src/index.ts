/**
 * twinnet's public API. The data flows one way: text → parse → data set → bipartite graph →
 * analyses → report / export.
 */
export { parseSisterCityList } from './parse/parse-list.js';
export type { ParseOptions } from './parse/parse-list.js';
export { readList, detectFormat, listFormat } from './parse/read-list.js';
export type { ReadListOptions } from './parse/read-list.js';
export { LIST_FORMATS } from './parse/formats/index.js';
export type { ListFormat, ReadOptions } from './parse/formats/index.js';
export { homeCountryCode, homeCountryOfTitle } from './parse/home-country.js';
export type {
  HomeEntry, CountryRecord, Dataset, Diagnostic, DiagnosticCode, DomesticLink, IsoCountry, LineKind, Link, Partner, PlaceFacts, Severity, SourceInfo,
} from './parse/types.js';
export { DEFAULT_INPUT as EMBEDDED_LIST } from './util/paths.js';
export { TABLE_ROLES, COLUMN_ALIASES } from './parse/table/columns.js';
export type { TableRole } from './parse/table/columns.js';
export { HOMONYM_KM } from './parse/table/assemble-table.js';
export { readListFile, decodeList } from './io/read-input.js';
export { datasetFiles } from './io/dataset-files.js';
export { writeLinkTable } from './io/table-writer.js';
export { writeFilesAtomically } from './io/atomic-write.js';

export { buildBipartiteGraph } from './graph/build-bipartite.js';
export type { BipartiteGraph, BuildOptions, EdgeAttributes, NodeAttributes, Side } from './graph/build-bipartite.js';
export { buildBipartiteIndex, unify } from './graph/bipartite-index.js';
export type { BipartiteIndex, SideIndex, UnifiedIndex } from './graph/bipartite-index.js';

export { analyze, ANALYSIS_DEFAULTS } from './analysis/analyze.js';
export type { Analysis, AnalysisOptions } from './analysis/analyze.js';
export { pathMeasures, bipartiteBetweennessMax } from './analysis/centrality/paths.js';
export { pagerank } from './analysis/centrality/pagerank.js';
export { birank, BIRANK_DEFAULTS } from './analysis/centrality/birank.js';
export type { BirankOptions } from './analysis/centrality/birank.js';
export { eigenvectorCentrality } from './analysis/centrality/eigenvector.js';
export { project, edgeWeight, sharedOf, WEIGHT_KINDS } from './analysis/projection/project.js';
export type { Projection, WeightKind } from './analysis/projection/project.js';
export { projectionMetrics } from './analysis/projection/projection-metrics.js';
export type { ProjectionMetrics, ProjectionMetricsOptions } from './analysis/projection/projection-metrics.js';
export { significance } from './analysis/projection/significance.js';
export type { Significance } from './analysis/projection/significance.js';
export { louvainProjection } from './analysis/communities/louvain-projection.js';
export { modularity } from './analysis/communities/modularity.js';
export { barberModularity, brim, barberLouvain } from './analysis/communities/index.js';
export { bipartiteCommunities } from './analysis/communities/bipartite-communities.js';
export * from './analysis/stats/index.js';
export {
  components, bipartiteDensity, degreeAssortativity, degreeDistribution, latapyClustering, robinsAlexander,
} from './analysis/structure/structure.js';
export { nodeRows, pairRecord, rankPairs, identicalPairs, METRICS } from './analysis/results.js';
export type { NodeRow, PairRecord } from './analysis/results.js';
export { MEASURES, REGISTRY } from './analysis/measures/registry.js';
export type { MeasureId } from './analysis/measures/registry.js';
export type { Measure, MeasureColumn, MeasureFamily } from './analysis/measures/measure.js';
export { findNode, sharedPartners, similarTo, partnersOf } from './analysis/query.js';

export { buildReportData } from './report/report-data.js';
export type { ReportData } from './report/report-data.js';
export { renderMarkdown } from './report/markdown.js';
export { exportNetwork } from './export/network.js';
export type { NetworkKind } from './export/network.js';
export { writeGexf, writeGraphml, writeCsvTables, writeGraphJson, writeNeo4jTables, withLayoutColumns, communityPalette } from './export/index.js';
export { layoutForceAtlas2 } from './layout/index.js';
export { createRng, DEFAULT_SEED } from './util/rng.js';
export { InputError, UsageError } from './util/errors.js';
