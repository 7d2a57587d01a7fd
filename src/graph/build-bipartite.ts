/**
 * buildBipartiteGraph: the data set as a two-mode graphology graph, home entries on one side and
 * foreign partners on the other. Node keys are the data set's ids (`cn:…`, `p:…`); every node carries
 * its side, label, country (ISO alpha-2) and ids; every edge the input lines it rests on.
 *
 * `districts: 'merge'` folds each `City – District` entry into its parent city (its partners become
 * the city's; a partner both had becomes one edge with both lines).
 */
import { UndirectedGraph } from 'graphology';
import { countryByAlpha2, homeWords } from '../parse/countries.js';
import { isRegionSection } from '../parse/assemble-blocks.js';
import type { Dataset, HomeEntry } from '../parse/types.js';

export type Side = 'home' | 'partner';

export interface NodeAttributes {
  side: Side;
  label: string;
  /** ISO 3166-1 alpha-2 of the sovereign state (the data set's home country for the home side). */
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
  /** When the twinning began and ended (the earliest start and latest end of its links), where the input says. */
  start?: string;
  end?: string;
}

export type BipartiteGraph = UndirectedGraph<NodeAttributes, EdgeAttributes>;

export interface BuildOptions {
  districts?: 'separate' | 'merge';
}

/**
 * The nodes of the bipartite graph, per side in graph order (home entries as listed, districts
 * folded into their city in merge mode; partners as listed), with their attributes; and, for every
 * home id of the data set, the node it belongs to. The graph and the integer index are both built
 * from this, so they agree on nodes, order and attributes.
 */
export interface BipartiteNodes {
  home: { keys: string[]; attributes: NodeAttributes[] };
  partner: { keys: string[]; attributes: NodeAttributes[] };
  /** Home data-set id → node key (itself, or its parent city in merge mode). */
  homeNodeOf: Map<string, string>;
}

/** Where the input puts a home place: its region, its region section (`==Maine==`), or its territory's name; null when it says none. */
export function homeWhere(h: HomeEntry): string | null {
  return h.region ?? (isRegionSection(h.section) ? h.section : null) ?? (h.territory ? countryByAlpha2(h.territory)?.name ?? h.territory : null);
}

/**
 * Home places of one name (`Portland` under ==Maine== and ==Oregon==, a table's two Frankfurts) get
 * labels that tell them apart: the name and the region, region section or territory the input gives
 * (`Portland (Maine)`, `Saint-Denis (Réunion)`), where these make every label of the name distinct;
 * else they keep the name (their keys differ).
 */
function nameHomonyms(ds: Dataset, attributes: NodeAttributes[]): void {
  // one pass with a position per label; groups only for the labels seen twice (a million homes make no arrays)
  const first = new Map<string, number>();
  const groups = new Map<string, NodeAttributes[]>();
  for (let i = 0; i < attributes.length; i++) {
    const a = attributes[i] as NodeAttributes;
    const at = first.get(a.label);
    if (at === undefined) first.set(a.label, i);
    else {
      const same = groups.get(a.label);
      if (same) same.push(a); else groups.set(a.label, [attributes[at] as NodeAttributes, a]);
    }
  }
  let homes: Map<string, HomeEntry> | null = null;
  for (const [label, same] of groups) {
    homes ??= new Map(ds.homes.map((h) => [h.id, h]));
    const labels = same.map((a) => {
      const h = homes?.get(a.ids[0] as string);
      const where = h ? homeWhere(h) : null;
      return where ? `${label} (${where})` : label;
    });
    if (new Set(labels).size === labels.length) same.forEach((a, k) => { a.label = labels[k] as string; });
  }
}

export function bipartiteNodes(ds: Dataset, options: BuildOptions = {}): BipartiteNodes {
  const districts = options.districts ?? 'separate';
  if (districts !== 'separate' && districts !== 'merge') {
    throw new TypeError(`graph/build-bipartite: districts must be 'separate' or 'merge', got ${String(districts)}`);
  }
  const target = new Map<string, string>();
  for (const c of ds.homes) {
    const folded = districts === 'merge' && c.kind === 'district' && c.parentId !== null;
    target.set(c.id, folded ? (c.parentId as string) : c.id);
  }
  const home: BipartiteNodes['home'] = { keys: [], attributes: [] };
  const byKey = new Map<string, NodeAttributes>();
  const country = homeWords(ds.home);
  for (const c of ds.homes) {
    const key = target.get(c.id) as string;
    if (key !== c.id) continue;
    const attributes: NodeAttributes = {
      side: 'home', label: c.name, country: country.code, countryName: country.name, territory: null,
      kind: c.kind, parentId: districts === 'separate' ? c.parentId : null, ids: [c.id],
    };
    home.keys.push(key); home.attributes.push(attributes); byKey.set(key, attributes);
  }
  for (const c of ds.homes) {
    const key = target.get(c.id) as string;
    if (key !== c.id) (byKey.get(key) as NodeAttributes).ids.push(c.id);
  }
  nameHomonyms(ds, home.attributes);
  const partner: BipartiteNodes['partner'] = { keys: new Array<string>(ds.partners.length), attributes: new Array<NodeAttributes>(ds.partners.length) };
  const countryName = new Map<string, string | null>();
  // `, England, United Kingdom` once per location: each label is the partner's label and a shared tail
  const tails = new Map<string, string>();
  const tailOf = (location: readonly string[]): string => {
    const text = location.length === 1 ? (location[0] as string) : location.join(', ');
    let tail = tails.get(text);
    if (tail === undefined) tails.set(text, tail = `, ${text}`);
    return tail;
  };
  ds.partners.forEach((p, j) => {
    let name: string | null = null;
    if (p.country) {
      name = countryName.get(p.country) ?? null;
      if (!countryName.has(p.country)) { name = countryByAlpha2(p.country)?.name ?? null; countryName.set(p.country, name); }
    }
    partner.keys[j] = p.id;
    partner.attributes[j] = {
      side: 'partner', label: p.location.length > 0 ? p.label + tailOf(p.location) : p.label,
      country: p.country, countryName: name, territory: p.territory, kind: 'partner', parentId: null, ids: [p.id],
    };
  });
  return { home, partner, homeNodeOf: target };
}

export function buildBipartiteGraph(ds: Dataset, options: BuildOptions = {}, nodes: BipartiteNodes = bipartiteNodes(ds, options)): BipartiteGraph {
  const graph: BipartiteGraph = new UndirectedGraph({ allowSelfLoops: false });
  for (const side of [nodes.home, nodes.partner]) {
    side.keys.forEach((key, i) => graph.addNode(key, { ...(side.attributes[i] as NodeAttributes), ids: [...(side.attributes[i] as NodeAttributes).ids] }));
  }
  for (const e of bipartiteEdges(ds, nodes)) graph.addEdge(e.source, e.target, e.attributes);
  return graph;
}

/**
 * The bipartite graph as its node keys and its edges as index pairs into them, in graph order: what
 * `buildBipartiteGraph` holds (home nodes, then partners; edges in the order of their first link),
 * without making the graph (a layout needs no more). A key on both sides is refused, as adding it
 * twice to a graph would be.
 */
export function bipartiteEdgeList(ds: Dataset, nodes: BipartiteNodes): { keys: string[]; src: Int32Array; dst: Int32Array; wt: null } {
  const keys = [...nodes.home.keys, ...nodes.partner.keys];
  const at = new Map<string, number>();
  keys.forEach((k, i) => at.set(k, i));
  if (at.size !== keys.length) throw new Error('graph/build-bipartite: a node key is on both sides');
  const edges = bipartiteEdges(ds, nodes);
  const src = new Int32Array(edges.length), dst = new Int32Array(edges.length);
  edges.forEach((e, i) => { src[i] = at.get(e.source) as number; dst[i] = at.get(e.target) as number; });
  return { keys, src, dst, wt: null };
}

/** An edge of the bipartite graph: a home node's key, a partner's key, the edge's attributes. */
export interface BipartiteEdge { source: string; target: string; attributes: EdgeAttributes }

/**
 * The edges of the bipartite graph, in graph order (that of their first link), with their attributes:
 * what `buildBipartiteGraph` adds, without a graph (a writer that only walks the edges needs none).
 * A repeated (home node, partner) pair, as after merging districts, is one edge with all its lines.
 */
export function bipartiteEdges(ds: Dataset, nodes: BipartiteNodes): BipartiteEdge[] {
  const edges: BipartiteEdge[] = [];
  // Per home node, its edges by partner key.
  const byHome = new Map<string, Map<string, EdgeAttributes>>();
  for (const l of ds.links) {
    const u = nodes.homeNodeOf.get(l.homeId) as string;
    let mine = byHome.get(u);
    if (mine === undefined) byHome.set(u, mine = new Map());
    let attributes = mine.get(l.partnerId);
    if (attributes === undefined) {
      attributes = { lines: [l.line] };
      mine.set(l.partnerId, attributes);
      edges.push({ source: u, target: l.partnerId, attributes });
    } else attributes.lines.push(l.line);
    if (l.start !== undefined && (attributes.start === undefined || l.start < attributes.start)) attributes.start = l.start;
    if (l.end !== undefined && (attributes.end === undefined || l.end > attributes.end)) attributes.end = l.end;
  }
  return edges;
}
