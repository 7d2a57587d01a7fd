/**
 * The explorer draws its views from the analysis itself rather than from the export networks; these
 * check that it draws the same nodes, edges, weights and colours as those networks (what the GEXF shows).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { explorerPayload } from '../../src/explorer/payload.js';
import { exportNetwork } from '../../src/export/network.js';
import { parseSisterCityList } from '../../src/parse/parse-list.js';

const a = analyze(parseSisterCityList(readFileSync('data/raw/china-sister-cities.txt', 'utf8')), { runs: 2 });
const p = explorerPayload(a, { title: 'seed', seed: 42, iterations: 0 });
const hex = (c: { r: number; g: number; b: number }) => `#${[c.r, c.g, c.b].map((x) => x.toString(16).padStart(2, '0')).join('')}`;

describe.each(['bipartite', 'home'] as const)('the %s view', (kind) => {
  const net = exportNetwork(a, kind);
  const view = p.views[kind];
  const label = (i: number) => p.nodes.label[i];

  it('has the export network’s nodes, in its order, with its colours', () => {
    const keys = net.graph.nodes();
    expect(view.nodes.map(label)).toEqual(keys.map((k) => net.graph.getNodeAttribute(k, 'label')));
    expect(view.color.map((c) => view.palette[c])).toEqual(keys.map((k) => hex(net.color(k))));
    expect(view.description).toBe(net.description);
  });

  it('has the export network’s edges, in its order, weighted by shared partners (1 in the bipartite graph)', () => {
    const edges: string[] = [], weights: number[] = [];
    net.graph.forEachEdge((_e, attr, s, t) => {
      edges.push(`${net.graph.getNodeAttribute(s, 'label')}|${net.graph.getNodeAttribute(t, 'label')}`);
      weights.push(kind === 'home' ? (attr['shared_count'] as number) : 1);
    });
    const drawn: string[] = [];
    for (let e = 0; e < view.edges.length; e += 2) drawn.push(`${label(view.edges[e] as number)}|${label(view.edges[e + 1] as number)}`);
    expect(drawn).toEqual(edges);
    expect(view.weight).toEqual(weights);
  });
});

describe('the analysed graph', () => {
  it('holds the bipartite export network’s nodes and edges in the same order (so it lays out the same)', () => {
    const g = exportNetwork(a, 'bipartite').graph;
    expect(a.graph.nodes()).toEqual(g.nodes());
    const ends = (graph: typeof g) => graph.mapEdges((_e, _a, s, t) => `${s}|${t}`);
    expect(ends(a.graph)).toEqual(ends(g));
  });
});
