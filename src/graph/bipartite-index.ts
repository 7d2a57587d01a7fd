/**
 * An integer index over a bipartite graph, built once: each side's nodes numbered 0…n−1 in graph
 * order, and compressed adjacency (CSR) from each side to the other. The hot loops of centrality and
 * projection run on it; results are collected back by node key.
 *
 * The partition is read from the `side` attribute and checked: every node must have a side and
 * every edge must join the two sides ("refuse the temptation to guess").
 */
import type Graph from 'graphology';
import type { Side } from './build-bipartite.js';

export interface SideIndex {
  keys: string[];
  /** CSR: neighbours of node i (indices on the other side) are adj[offsets[i]] … adj[offsets[i+1]−1]. */
  offsets: Int32Array;
  adj: Int32Array;
}

export interface BipartiteIndex {
  china: SideIndex;
  partner: SideIndex;
  edges: number;
}

export function other(side: Side): Side {
  return side === 'china' ? 'partner' : 'china';
}

export function degreeOf(s: SideIndex, i: number): number {
  return (s.offsets[i + 1] as number) - (s.offsets[i] as number);
}

export function buildBipartiteIndex(graph: Graph): BipartiteIndex {
  if (graph.type !== 'undirected') throw new Error(`graph/bipartite-index: expected an undirected graph, got ${graph.type}`);
  if (graph.multi) throw new Error('graph/bipartite-index: multigraphs are not supported');
  const pos = new Map<string, number>();
  const keys: Record<Side, string[]> = { china: [], partner: [] };
  graph.forEachNode((key, attr) => {
    const side = (attr as { side?: unknown }).side;
    if (side !== 'china' && side !== 'partner') {
      throw new Error(`graph/bipartite-index: node "${key}" has no side ('china' or 'partner'), got ${JSON.stringify(side)}`);
    }
    pos.set(key, keys[side].length);
    keys[side].push(key);
  });
  const sideOf = (key: string): Side => (graph.getNodeAttribute(key, 'side') as Side);
  const degrees: Record<Side, Int32Array> = {
    china: new Int32Array(keys.china.length + 1),
    partner: new Int32Array(keys.partner.length + 1),
  };
  graph.forEachEdge((edge, _attr, s, t) => {
    const a = sideOf(s), b = sideOf(t);
    if (a === b) throw new Error(`graph/bipartite-index: edge ${edge} joins two ${a} nodes ("${s}" – "${t}"): the graph is not bipartite`);
    bump(degrees[a], (pos.get(s) as number) + 1);
    bump(degrees[b], (pos.get(t) as number) + 1);
  });
  const make = (side: Side): SideIndex => {
    const offsets = degrees[side];
    for (let i = 1; i < offsets.length; i++) offsets[i] = (offsets[i] as number) + (offsets[i - 1] as number);
    return { keys: keys[side], offsets, adj: new Int32Array(offsets[offsets.length - 1] as number) };
  };
  const china = make('china'), partner = make('partner');
  const fillC = china.offsets.slice(0, -1), fillP = partner.offsets.slice(0, -1);
  graph.forEachEdge((_e, _a, s, t) => {
    const [c, p] = sideOf(s) === 'china' ? [s, t] : [t, s];
    const ci = pos.get(c) as number, pi = pos.get(p) as number;
    china.adj[bump(fillC, ci)] = pi;
    partner.adj[bump(fillP, pi)] = ci;
  });
  return { china, partner, edges: graph.size };
}

/** Increments a[i] and returns its value before the increment. */
function bump(a: Int32Array, i: number): number {
  const v = a[i] as number;
  a[i] = v + 1;
  return v;
}

/** Both sides in one numbering: china nodes 0…n−1, partner nodes n…n+m−1; CSR adjacency. */
export interface UnifiedIndex {
  n: number;
  m: number;
  keys: string[];
  offsets: Int32Array;
  adj: Int32Array;
}

export function unify(index: BipartiteIndex): UnifiedIndex {
  const n = index.china.keys.length, m = index.partner.keys.length;
  const offsets = new Int32Array(n + m + 1);
  const adj = new Int32Array(2 * index.edges);
  let at = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = at;
    for (let e = index.china.offsets[i] as number; e < (index.china.offsets[i + 1] as number); e++) adj[at++] = n + (index.china.adj[e] as number);
  }
  for (let j = 0; j < m; j++) {
    offsets[n + j] = at;
    for (let e = index.partner.offsets[j] as number; e < (index.partner.offsets[j + 1] as number); e++) adj[at++] = index.partner.adj[e] as number;
  }
  offsets[n + m] = at;
  return { n, m, keys: [...index.china.keys, ...index.partner.keys], offsets, adj };
}
