/**
 * What a node measure declares once, so that every output reads it from here: the report JSON (its
 * metric metadata, node rows and schema), the Markdown rankings and method table, the GEXF/GraphML/CSV
 * columns, the explorer's panel and `twinnet city`. A measure's values are computed by the analysis
 * (`analyze`); a descriptor only says where in the analysis node v's value is and how to show it.
 *
 * Measures come in families (one file each under `measures/`, one line each in `registry.ts`): a
 * family's measures stand together, in its order, in the node rows and in every output.
 *
 * @example
 *   export const pagerankFamily = family({
 *     measures: [measure({
 *       id: 'pagerank', title: 'PageRank', formula: 'x = α·xP + (1−α)/N, α = 0.85', normalisation: 'Σ = 1',
 *       reference: 'Brin & Page 1998, doi:10.1016/S0169-7552(98)00110-X', sides: BOTH, digits: 4,
 *       schema: { $ref: '#/$defs/unit' }, column: { id: 'pageranks', title: 'PageRank', type: 'double' },
 *       value: (a, v) => a.pagerank.values[v] as number,
 *     })],
 *   });
 */
import type { Side } from '../../graph/build-bipartite.js';
import type { AnalysisData } from '../analyze.js';

/** A number column of the exports (a subset of `ColumnSpec`'s types: measures are numbers). */
export interface MeasureColumn {
  /** Column id in GEXF/GraphML/CSV: Gephi's own where Gephi computes the measure (`pageranks`). */
  id: string;
  /** GEXF `title`, GraphML `<desc>`. */
  title: string;
  type: 'integer' | 'double';
}

export interface Measure<Id extends string = string, V extends number | null = number | null> {
  /** Field of the node row and key of the report's metric metadata. */
  id: Id;
  title: string;
  formula: string;
  normalisation: string;
  /** Where the measure (or the normalisation) comes from, with a DOI where there is one. */
  reference: string;
  /** The sides it is defined on; on a node of another side the row holds null (so `value` must allow it). */
  sides: readonly Side[];
  /** Node v's value (v: position in `a.unified`, home side 0…n−1 first); null when not computed. */
  value: (a: AnalysisData, v: number) => V;
  /** JSON schema of the value in a node row of `reports/schema/report.schema.json`. */
  schema: Record<string, unknown>;
  /** Whole numbers, shown as they are; otherwise shown to `digits` significant digits. */
  integer?: boolean;
  /** Significant digits in the explorer's panel and `twinnet city`. */
  digits: number;
  /** false: a row field only (e.g. a standard error), left out of the report's metric list. Default true. */
  listed?: boolean;
  /** Export column (GEXF, GraphML, CSV); none when absent. */
  column?: MeasureColumn;
  /** Ranked in the report's centrality section, with this explanation for a newcomer. */
  explain?: string;
  /**
   * Where the report ranks it: 'largest-component' for a measure whose values are not comparable
   * across separate pieces of the network (closeness: a place in a closed pair scores highest).
   * Default: every node of the side.
   */
  rankedIn?: 'largest-component';
  /** Row label in the explorer's panel; not shown there when absent. */
  panel?: string;
  /** Row label in `twinnet city`; not shown there when absent. */
  city?: string;
}

export interface MeasureFamily<M extends Measure = Measure> {
  measures: readonly M[];
  /** Ids of the family's measures in export-column order, when not the measures' order. */
  columnOrder?: readonly string[];
}

/** A measure with its literal id and value type kept (so that node rows are typed by the registry). */
export function measure<Id extends string, V extends number | null>(m: Measure<Id, V>): Measure<Id, V> {
  return m;
}

export function family<M extends Measure>(f: MeasureFamily<M>): MeasureFamily<M> {
  return f;
}

export const BOTH: readonly Side[] = ['home', 'partner'];

/** The side of node v and its index on that side. */
export function sideAt(a: AnalysisData, v: number): { side: Side; i: number } {
  const n = a.unified.n;
  return v < n ? { side: 'home', i: v } : { side: 'partner', i: v - n };
}

/** Node v's value of measure m: null on a side m is not defined on. */
export function valueAt<V extends number | null>(m: Measure<string, V>, a: AnalysisData, v: number): V | null {
  return m.sides.includes(v < a.unified.n ? 'home' : 'partner') ? m.value(a, v) : null;
}
