import { UndirectedGraph } from 'graphology';
import { buildBipartiteIndex, type BipartiteIndex } from '../../../src/graph/bipartite-index.js';

/** A bipartite index from home keys, partner keys and home–partner edges, in that node order. */
export function indexOf(home: string[], partner: string[], edges: [string, string][]): BipartiteIndex {
  const g = new UndirectedGraph();
  for (const c of home) g.addNode(c, { side: 'home' });
  for (const p of partner) g.addNode(p, { side: 'partner' });
  for (const [c, p] of edges) g.addEdge(c, p);
  return buildBipartiteIndex(g);
}

/** Complete bipartite blocks: block b has home `${b}c0…` and partners `${b}p0…`, all joined. */
export function blocks(sizes: [number, number][]): BipartiteIndex {
  const home: string[] = [], partner: string[] = [], edges: [string, string][] = [];
  sizes.forEach(([r, s], b) => {
    for (let i = 0; i < r; i++) home.push(`${b}c${i}`);
    for (let j = 0; j < s; j++) partner.push(`${b}p${j}`);
    for (let i = 0; i < r; i++) for (let j = 0; j < s; j++) edges.push([`${b}c${i}`, `${b}p${j}`]);
  });
  return indexOf(home, partner, edges);
}

export const labels = (...a: number[]): Int32Array => Int32Array.from(a);
