/**
 * An integer index over a bipartite graph, built once: each side's nodes numbered 0…n−1 in graph
 * order, and compressed adjacency (CSR) from each side to the other. The hot loops of centrality and
 * projection run on it; results are collected back by node key.
 *
 * The partition is read from the `side` attribute and checked: every node must have a side and
 * every edge must join the two sides ("refuse the temptation to guess").
 */
import type { AbstractGraph as Graph } from 'graphology-types';
import { parsedLinkPositions } from '../parse/link-positions.js';
import type { Dataset, HomeEntry, Link } from '../parse/types.js';
import type { BipartiteNodes, Side } from './build-bipartite.js';
import { KeyPositions } from './key-positions.js';

export interface SideIndex {
  keys: string[];
  /** CSR: neighbours of node i (indices on the other side) are adj[offsets[i]] … adj[offsets[i+1]−1]. */
  offsets: Int32Array;
  adj: Int32Array;
}

export interface BipartiteIndex {
  home: SideIndex;
  partner: SideIndex;
  edges: number;
}

export function other(side: Side): Side {
  return side === 'home' ? 'partner' : 'home';
}

export function degreeOf(s: SideIndex, i: number): number {
  return (s.offsets[i + 1] as number) - (s.offsets[i] as number);
}

export function buildBipartiteIndex(graph: Graph): BipartiteIndex {
  if (graph.type !== 'undirected') throw new Error(`graph/bipartite-index: expected an undirected graph, got ${graph.type}`);
  if (graph.multi) throw new Error('graph/bipartite-index: multigraphs are not supported');
  const pos = new KeyPositions(graph.order);
  const keys: Record<Side, string[]> = { home: [], partner: [] };
  graph.forEachNode((key, attr) => {
    const side = (attr as { side?: unknown }).side;
    if (side !== 'home' && side !== 'partner') {
      throw new Error(`graph/bipartite-index: node "${key}" has no side ('home' or 'partner'), got ${JSON.stringify(side)}`);
    }
    pos.set(key, keys[side].length);
    keys[side].push(key);
  });
  const sideOf = (key: string): Side => (graph.getNodeAttribute(key, 'side') as Side);
  const ec = new Int32Array(graph.size), ep = new Int32Array(graph.size);
  let e = 0;
  graph.forEachEdge((edge, _attr, s, t) => {
    const a = sideOf(s), b = sideOf(t);
    if (a === b) throw new Error(`graph/bipartite-index: edge ${edge} joins two ${a} nodes ("${s}" – "${t}"): the graph is not bipartite`);
    const [c, p] = a === 'home' ? [s, t] : [t, s];
    ec[e] = pos.get(c); ep[e] = pos.get(p); e++;
  });
  return fromEdges(keys.home, keys.partner, ec, ep, e);
}

/** The index of edges (ec[e], ep[e]), e < edges, in that order: each side's adjacency lists keep the edge order. */
function fromEdges(homeKeys: string[], partnerKeys: string[], ec: Int32Array, ep: Int32Array, edges: number): BipartiteIndex {
  const n = homeKeys.length, m = partnerKeys.length;
  const home: SideIndex = { keys: homeKeys, offsets: new Int32Array(n + 1), adj: new Int32Array(edges) };
  const partner: SideIndex = { keys: partnerKeys, offsets: new Int32Array(m + 1), adj: new Int32Array(edges) };
  for (let e = 0; e < edges; e++) { bump(home.offsets, (ec[e] as number) + 1); bump(partner.offsets, (ep[e] as number) + 1); }
  for (let i = 1; i <= n; i++) home.offsets[i] = (home.offsets[i] as number) + (home.offsets[i - 1] as number);
  for (let j = 1; j <= m; j++) partner.offsets[j] = (partner.offsets[j] as number) + (partner.offsets[j - 1] as number);
  const fillC = home.offsets.slice(0, -1), fillP = partner.offsets.slice(0, -1);
  for (let e = 0; e < edges; e++) {
    const c = ec[e] as number, p = ep[e] as number;
    home.adj[bump(fillC, c)] = p;
    partner.adj[bump(fillP, p)] = c;
  }
  return { home, partner, edges };
}

/**
 * The index straight from the data set, without a graphology graph (a graph of 1.4 million links
 * holds ~1 GB): equal to `buildBipartiteIndex(buildBipartiteGraph(ds, options))` — same numbering,
 * same adjacency order (edges in the order of their first link; a repeated (city, partner) pair, as
 * after merging districts, is one edge).
 */
export function buildBipartiteIndexFromDataset(ds: Dataset, nodes: BipartiteNodes): BipartiteIndex {
  const homeAt = KeyPositions.of(nodes.home.keys);
  const homeOfId = new KeyPositions(nodes.homeNodeOf.size);
  for (const [id, key] of nodes.homeNodeOf) {
    const c = homeAt.get(key);
    if (c >= 0) homeOfId.set(id, c);
  }
  const m = nodes.partner.keys.length;

  // Links as (city, partner) positions; then, per partner, the cities it has met so far (a
  // partner has few), so that a repeated pair is found without a set of all pairs.
  const L = ds.links.length;
  const lc = new Int32Array(L), lp = new Int32Array(L);
  if (!linkPositionsAsParsed(ds, nodes, homeOfId, lc, lp)) {
    const partnerAt = KeyPositions.of(nodes.partner.keys);
    ds.links.forEach((l, k) => {
      const c = homeOfId.get(l.homeId), p = partnerAt.get(l.partnerId);
      if (c < 0 || p < 0) throw new Error(`graph/bipartite-index: line ${l.line} links unknown ids "${l.homeId}" – "${l.partnerId}"`);
      lc[k] = c; lp[k] = p;
    });
  }
  const perPartner = new Int32Array(m + 1);
  for (let k = 0; k < L; k++) perPartner[(lp[k] as number) + 1]!++;
  for (let j = 1; j <= m; j++) perPartner[j] = (perPartner[j] as number) + (perPartner[j - 1] as number);
  const met = new Int32Array(L), metEnd = perPartner.slice(0, m);
  const ec = new Int32Array(L), ep = new Int32Array(L);
  let edges = 0;
  for (let k = 0; k < L; k++) {
    const c = lc[k] as number, p = lp[k] as number;
    let repeated = false;
    for (let t = perPartner[p] as number; t < (metEnd[p] as number); t++) if (met[t] === c) { repeated = true; break; }
    if (repeated) continue;
    met[metEnd[p]!++] = c;
    ec[edges] = c; ep[edges] = p; edges++;
  }
  return fromEdges(nodes.home.keys, nodes.partner.keys, ec, ep, edges);
}

/**
 * Fills `lc`, `lp` (each link's home node and partner node) from the positions the parser recorded
 * (`parse/link-positions.ts`), without looking up an id string: when the partner nodes are the
 * parsed partners, in order (so their keys are all different), and every link still names the home
 * entry and the partner at its recorded positions. Then they are what the lookups by id would give;
 * otherwise false (and the caller looks them up).
 */
function linkPositionsAsParsed(ds: Dataset, nodes: BipartiteNodes, homeOfId: KeyPositions, lc: Int32Array, lp: Int32Array): boolean {
  const parsed = parsedLinkPositions(ds);
  const links = ds.links, homes = ds.homes, keys = nodes.partner.keys;
  if (parsed === null || parsed.partner.length !== links.length || parsed.home.length !== links.length) return false;
  if (!sameStrings(parsed.partnerIds, keys)) return false;
  const nodeOfEntry = new Int32Array(homes.length);
  for (let h = 0; h < homes.length; h++) nodeOfEntry[h] = homeOfId.get((homes[h] as HomeEntry).id);
  for (let k = 0; k < links.length; k++) {
    const l = links[k] as Link, h = parsed.home[k] as number, p = parsed.partner[k] as number;
    if (h >= homes.length || p >= keys.length || l.partnerId !== keys[p] || l.homeId !== (homes[h] as HomeEntry).id) return false;
    const c = nodeOfEntry[h] as number;
    if (c < 0) return false;
    lc[k] = c; lp[k] = p;
  }
  return true;
}

/**
 * Per link of `ds` (in `links` order), the position in `partnerKeys` of its partner's node, or −1 when
 * no node has that key — what a lookup by id gives (a repeated key: its last position, as a Map filled
 * in order). From the positions the parser recorded when they still hold (the partner nodes are the
 * parsed partners, in order, and each link names the partner at its recorded position): then no id
 * string is looked up, which at 1.4 million links was ~1 s through a Map of every partner.
 */
export function linkPartnerPositions(ds: Dataset, partnerKeys: readonly string[]): Int32Array {
  const links = ds.links, out = new Int32Array(links.length);
  const parsed = parsedLinkPositions(ds);
  if (parsed !== null && parsed.partner.length === links.length && sameStrings(parsed.partnerIds, partnerKeys)) {
    let k = 0;
    for (; k < links.length; k++) {
      const p = parsed.partner[k] as number;
      if (!(p < partnerKeys.length && (links[k] as Link).partnerId === partnerKeys[p])) break;
      out[k] = p;
    }
    if (k === links.length) return out;
  }
  const at = KeyPositions.of(partnerKeys);
  for (let k = 0; k < links.length; k++) out[k] = at.get((links[k] as Link).partnerId);
  return out;
}

function sameStrings(x: readonly string[], y: readonly string[]): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** Increments a[i] and returns its value before the increment. */
function bump(a: Int32Array, i: number): number {
  const v = a[i] as number;
  a[i] = v + 1;
  return v;
}

/** Both sides in one numbering: home nodes 0…n−1, partner nodes n…n+m−1; CSR adjacency. */
export interface UnifiedIndex {
  n: number;
  m: number;
  keys: string[];
  offsets: Int32Array;
  adj: Int32Array;
}

export function unify(index: BipartiteIndex): UnifiedIndex {
  const n = index.home.keys.length, m = index.partner.keys.length;
  const offsets = new Int32Array(n + m + 1);
  const adj = new Int32Array(2 * index.edges);
  let at = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = at;
    for (let e = index.home.offsets[i] as number; e < (index.home.offsets[i + 1] as number); e++) adj[at++] = n + (index.home.adj[e] as number);
  }
  for (let j = 0; j < m; j++) {
    offsets[n + j] = at;
    for (let e = index.partner.offsets[j] as number; e < (index.partner.offsets[j + 1] as number); e++) adj[at++] = index.partner.adj[e] as number;
  }
  offsets[n + m] = at;
  return { n, m, keys: index.home.keys.concat(index.partner.keys), offsets, adj };
}
