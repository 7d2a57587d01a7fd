import { UndirectedGraph } from 'graphology';
import { buildBipartiteIndex, type BipartiteIndex } from '../../../src/graph/bipartite-index.js';

/** A bipartite index from china keys, partner keys and china–partner edges, in that node order. */
export function indexOf(china: string[], partner: string[], edges: [string, string][]): BipartiteIndex {
  const g = new UndirectedGraph();
  for (const c of china) g.addNode(c, { side: 'china' });
  for (const p of partner) g.addNode(p, { side: 'partner' });
  for (const [c, p] of edges) g.addEdge(c, p);
  return buildBipartiteIndex(g);
}

/** Complete bipartite blocks: block b has china `${b}c0…` and partners `${b}p0…`, all joined. */
export function blocks(sizes: [number, number][]): BipartiteIndex {
  const china: string[] = [], partner: string[] = [], edges: [string, string][] = [];
  sizes.forEach(([r, s], b) => {
    for (let i = 0; i < r; i++) china.push(`${b}c${i}`);
    for (let j = 0; j < s; j++) partner.push(`${b}p${j}`);
    for (let i = 0; i < r; i++) for (let j = 0; j < s; j++) edges.push([`${b}c${i}`, `${b}p${j}`]);
  });
  return indexOf(china, partner, edges);
}

export const labels = (...a: number[]): Int32Array => Int32Array.from(a);
