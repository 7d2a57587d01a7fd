/**
 * writeGraphJson: graphology's own serialisation (`graph.export()`, readable back with
 * `Graph.from(JSON.parse(text))` or `graph.import`) as pretty JSON, byte-stable:
 *
 * - object keys sorted at every level (array order — nodes, edges, lists — is kept);
 * - edge keys graphology generated itself (`geid_<instance>_<n>`, which differ from run to run) are
 *   dropped, so `import` generates fresh ones; keys the caller chose are kept;
 * - values JSON cannot carry follow `JSON.stringify` (NaN/±Infinity → null, undefined dropped).
 *
 * @example
 *   writeGraphJson(graph) // '{\n  "attributes": {},\n  "edges": [ … ],\n  "nodes": [ … ],\n  "options": { … }\n}\n'
 */
import type { AbstractGraph as Graph } from 'graphology-types';

const GENERATED_EDGE_KEY = /^geid_\d+_\d+$/;

export function writeGraphJson(graph: Graph): string {
  const serialized = graph.export();
  const edges = serialized.edges.map((edge) => {
    if (edge.key === undefined || !GENERATED_EDGE_KEY.test(String(edge.key))) return edge;
    const { key: _key, ...rest } = edge;
    return rest;
  });
  return `${JSON.stringify(sortKeys({ ...serialized, edges }), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const record = value as Record<string, unknown>;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(record).sort()) sorted[k] = sortKeys(record[k]);
    return sorted;
  }
  return value;
}
