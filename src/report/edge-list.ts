/**
 * The report's edge list: every link of the analysed bipartite graph as `{ source, target }`, the
 * keys of a home node and of a partner (those of the node table), home nodes in index order and each
 * one's partners in adjacency order. With the node table, it rebuilds the network from the JSON alone
 * (`Graph.from({ nodes: nodes.map((n) => ({ key: n.key, attributes: n })), edges })`). When the node
 * table keeps only some nodes (`keep`), only the links between kept nodes are listed.
 *
 * @example  Bengbu's five partners: { source: 'cn:bengbu', target: 'p:barra-mansa-brazil' }, …
 */
import type { Analysis } from '../analysis/analyze.js';

export interface EdgeRecord { source: string; target: string }

export function edgeList(a: Analysis, keep: ReadonlySet<string> | null = null): EdgeRecord[] {
  const { home, partner } = a.index;
  const edges: EdgeRecord[] = [];
  for (let i = 0; i < home.keys.length; i++) {
    const source = home.keys[i] as string;
    if (keep && !keep.has(source)) continue;
    for (let e = home.offsets[i] as number; e < (home.offsets[i + 1] as number); e++) {
      const target = partner.keys[home.adj[e] as number] as string;
      if (!keep || keep.has(target)) edges.push({ source, target });
    }
  }
  return edges;
}
