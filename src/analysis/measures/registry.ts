/**
 * The node measures of twinnet, in the order of the node rows and of every output. A new measure is a
 * family file in this folder (see `measure.ts`) and one line below; its values are computed in
 * `analyze` (a field of the `Analysis` its `value` reads).
 */
import { betweennessFamily } from './betweenness.js';
import { birankFamily } from './birank.js';
import { closenessFamily } from './closeness.js';
import { degreeFamily } from './degree.js';
import { eigenvectorFamily } from './eigenvector.js';
import { harmonicFamily } from './harmonic.js';
import { latapyFamily } from './latapy.js';
import type { Measure, MeasureColumn } from './measure.js';
import { pagerankFamily } from './pagerank.js';

export const REGISTRY = [
  degreeFamily,
  betweennessFamily,
  closenessFamily,
  harmonicFamily,
  eigenvectorFamily,
  pagerankFamily,
  birankFamily,
  latapyFamily,
] as const;

type AnyMeasure = (typeof REGISTRY)[number]['measures'][number];
export type MeasureId = AnyMeasure['id'];
/** The measures' fields of a node row: each typed as its `value` returns it. */
export type MeasureValues = { [M in AnyMeasure as M['id']]: ReturnType<M['value']> };

/** Every measure, in row order. */
export const MEASURES: readonly Measure<MeasureId>[] = REGISTRY.flatMap((f): readonly Measure<MeasureId>[] => f.measures);

/** The measures ranked in the report's centrality section (those with an explanation). */
export const RANKED_MEASURES = MEASURES.filter((m) => m.explain !== undefined);

/** The report's metric metadata: title, formula and normalisation of every listed measure. */
export function metricMetadata(): Record<string, { title: string; formula: string; normalisation: string }> {
  return Object.fromEntries(MEASURES.filter((m) => m.listed !== false).map((m) => [m.id, { title: m.title, formula: m.formula, normalisation: m.normalisation }]));
}

/** The export columns, each with the measure it holds: per family, in its `columnOrder` if it has one. */
export const MEASURE_COLUMNS: readonly (MeasureColumn & { measure: MeasureId })[] = REGISTRY.flatMap((f) => {
  const withColumn: readonly Measure<MeasureId>[] = f.measures.filter((m) => m.column !== undefined);
  const order: readonly string[] = f.columnOrder ?? withColumn.map((m) => m.id);
  if (order.length !== withColumn.length || withColumn.some((m) => !order.includes(m.id))) {
    throw new Error(`analysis/measures: columnOrder [${order.join(', ')}] must name each column of [${withColumn.map((m) => m.id).join(', ')}] once`);
  }
  return order.map((id) => {
    const m = withColumn.find((x) => x.id === id) as Measure<MeasureId>;
    return { ...(m.column as MeasureColumn), measure: m.id };
  });
});

const BY_ID = new Map<string, Measure<MeasureId>>(MEASURES.map((m) => [m.id, m]));

export function measureById(id: string): Measure<MeasureId> {
  const m = BY_ID.get(id);
  if (!m) throw new Error(`analysis/measures: no measure "${id}"`);
  return m;
}
