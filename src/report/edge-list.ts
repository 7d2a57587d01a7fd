/**
 * The report's edge list: every link of the analysed bipartite graph as `{ source, target }`, the
 * keys of a home node and of a partner (those of the node table), home nodes in index order and each
 * one's partners in adjacency order. With the node table, it rebuilds the network from the JSON alone
 * (`Graph.from({ nodes: nodes.map((n) => ({ key: n.key, attributes: n })), edges })`). When the node
 * table keeps only some nodes (`keep`: 1 at the unified position of each, home nodes 0…n−1 then the
 * partners), only the links between kept nodes are listed.
 *
 * @example  Bengbu's five partners: { source: 'cn:bengbu', target: 'p:barra-mansa-brazil' }, …
 */
import type { Analysis } from '../analysis/analyze.js';

export interface EdgeRecord { source: string; target: string }

export function edgeList(a: Analysis, keep: Uint8Array | null = null): EdgeRecord[] {
  const { home, partner } = a.index, n = home.keys.length;
  const edges: EdgeRecord[] = [];
  for (let i = 0; i < n; i++) {
    if (keep && keep[i] === 0) continue;
    const source = home.keys[i] as string;
    for (let e = home.offsets[i] as number; e < (home.offsets[i + 1] as number); e++) {
      const j = home.adj[e] as number;
      if (!keep || keep[n + j] === 1) edges.push({ source, target: partner.keys[j] as string });
    }
  }
  return edges;
}
