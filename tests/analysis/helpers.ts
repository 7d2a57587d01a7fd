import { UndirectedGraph } from 'graphology';

/** A bipartite graph from an edge list "a-x a-y b-x": left names home side, right names partner side. */
export function twoMode(spec: string): UndirectedGraph {
  const g = new UndirectedGraph();
  for (const pair of spec.trim().split(/\s+/)) {
    const [c, p] = pair.split('-') as [string, string];
    if (!g.hasNode(c)) g.addNode(c, { side: 'home', label: c });
    if (!g.hasNode(p)) g.addNode(p, { side: 'partner', label: p });
    g.addEdge(c, p);
  }
  return g;
}
