/**
 * buildBipartiteGraph: the data set as a two-mode graphology graph, Chinese entries on one side and
 * foreign partners on the other. Node keys are the data set's ids (`cn:…`, `p:…`); every node carries
 * its side, label, country (ISO alpha-2) and ids; every edge the input lines it rests on.
 *
 * `districts: 'merge'` folds each `City – District` entry into its parent city (its partners become
 * the city's; a partner both had becomes one edge with both lines).
 */
import { UndirectedGraph } from 'graphology';
import { countryByAlpha2 } from '../parse/countries.js';
import type { Dataset } from '../parse/types.js';

export type Side = 'china' | 'partner';

export interface NodeAttributes {
  side: Side;
  label: string;
  /** ISO 3166-1 alpha-2 of the sovereign state (`CN` for the Chinese side). */
  country: string | null;
  countryName: string | null;
  /** ISO alpha-2 of a dependent territory (RE, PF, AX), else null. */
  territory: string | null;
  kind: 'city' | 'district' | 'partner';
  /** For a district (separate mode), the id of its parent city. */
  parentId: string | null;
  /** Data set ids folded into this node (itself, plus districts in merge mode). */
  ids: string[];
}

export interface EdgeAttributes {
  /** Input lines of the partner lines behind this edge. */
  lines: number[];
}

export type BipartiteGraph = UndirectedGraph<NodeAttributes, EdgeAttributes>;

export interface BuildOptions {
  districts?: 'separate' | 'merge';
}

export function buildBipartiteGraph(ds: Dataset, options: BuildOptions = {}): BipartiteGraph {
  const districts = options.districts ?? 'separate';
  if (districts !== 'separate' && districts !== 'merge') {
    throw new TypeError(`graph/build-bipartite: districts must be 'separate' or 'merge', got ${String(districts)}`);
  }
  const graph: BipartiteGraph = new UndirectedGraph({ allowSelfLoops: false });
  const target = new Map<string, string>();
  for (const c of ds.china) {
    const folded = districts === 'merge' && c.kind === 'district' && c.parentId !== null;
    target.set(c.id, folded ? (c.parentId as string) : c.id);
  }
  for (const c of ds.china) {
    const key = target.get(c.id) as string;
    if (key !== c.id) continue;
    graph.addNode(key, {
      side: 'china', label: c.name, country: 'CN', countryName: 'China', territory: null,
      kind: c.kind, parentId: districts === 'separate' ? c.parentId : null, ids: [c.id],
    });
  }
  for (const c of ds.china) {
    const key = target.get(c.id) as string;
    if (key !== c.id) graph.getNodeAttributes(key).ids.push(c.id);
  }
  for (const p of ds.partners) {
    graph.addNode(p.id, {
      side: 'partner', label: p.location.length > 0 ? `${p.label}, ${p.location.join(', ')}` : p.label,
      country: p.country, countryName: p.country ? (countryByAlpha2(p.country)?.name ?? null) : null,
      territory: p.territory, kind: 'partner', parentId: null, ids: [p.id],
    });
  }
  for (const l of ds.links) {
    const u = target.get(l.chinaId) as string;
    const edge = graph.edge(u, l.partnerId);
    if (edge === undefined) graph.addEdge(u, l.partnerId, { lines: [l.line] });
    else graph.getEdgeAttributes(edge).lines.push(l.line);
  }
  return graph;
}
