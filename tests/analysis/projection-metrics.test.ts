import { readFileSync } from 'node:fs';
import { UndirectedGraph } from 'graphology';
import betweenness from 'graphology-metrics/centrality/betweenness.js';
import closeness from 'graphology-metrics/centrality/closeness.js';
import { weightedDegree } from 'graphology-metrics/node/weighted-degree.js';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { edgeWeight } from '../../src/analysis/projection/project.js';
import { projectionMetrics } from '../../src/analysis/projection/projection-metrics.js';
import type { ProjectionGraph } from '../../src/analysis/projection/projection-metrics.js';
import { parseSisterCityList } from '../../src/parse/parse-list.js';

/** Nodes 0…n−1, edges "0-1 1-2", weight of edge i = weights[i] (default 1). */
function graph(n: number, edges: string, weights: number[] = []): ProjectionGraph {
  const pairs = edges.split(' ').filter(Boolean).map((e) => e.split('-').map(Number) as [number, number]);
  return { n, u: pairs.map((p) => p[0]), v: pairs.map((p) => p[1]), weight: (i) => weights[i] ?? 1 };
}

describe('projectionMetrics', () => {
  it.each([
    ['a self-loop', graph(2, '0-0'), 'edge 0 (0, 0) is not a link between two of the 2 nodes'],
    ['an edge to a node that does not exist', graph(2, '0-2'), 'edge 0 (0, 2) is not a link between two of the 2 nodes'],
    ['edge ends of different lengths', { n: 2, u: [0], v: [], weight: () => 1 }, 'u and v must have the same length, got 1 and 0'],
    ['a negative node count', graph(-1, ''), 'n must be a non-negative integer, got -1'],
  ])('refuses %s', (_what, g, message) => {
    expect(() => projectionMetrics(g)).toThrow(`analysis/projection-metrics: ${message}`);
  });

  it('gives the hand-worked values of a triangle a–b–c with d hanging on c', () => {
    // a=0, b=1, c=2, d=3; weights a–b 2, b–c 3, a–c 5, c–d 7
    const m = projectionMetrics(graph(4, '0-1 1-2 0-2 2-3', [2, 3, 5, 7]));
    expect([...m.degree]).toEqual([2, 2, 3, 1]);
    expect([...m.weightedDegree]).toEqual([2 + 5, 2 + 3, 3 + 5 + 7, 7]);
    expect([...m.clustering]).toEqual([1, 1, 1 / 3, 0]);
    expect([...(m.betweenness as Float64Array)]).toEqual([0, 0, 2, 0]);
    // closeness (r−1)/Σd: a: 3/(1+1+2), c: 3/3, d: 3/(1+2+2)
    expect([...(m.closeness as Float64Array)]).toEqual([3 / 4, 3 / 4, 1, 3 / 5]);
    // harmonic ÷ (N−1): a: (1 + 1 + ½)/3, d: (1 + ½ + ½)/3
    const h = [...(m.harmonic as Float64Array)];
    expect(h[0]).toBeCloseTo(2.5 / 3, 15);
    expect(h[2]).toBeCloseTo(1, 15);
    expect(h[3]).toBeCloseTo(2 / 3, 15);
    expect([...m.component]).toEqual([0, 0, 0, 0]);
  });

  it('numbers components by size, largest first, and leaves an isolated node at degree 0', () => {
    // {0}, {1, 2}, {3, 4, 5}
    const m = projectionMetrics(graph(6, '1-2 3-4 4-5'));
    expect([...m.component]).toEqual([2, 1, 1, 0, 0, 0]);
    expect([m.degree[0], m.weightedDegree[0], m.clustering[0], m.closeness?.[0], m.harmonic?.[0]]).toEqual([0, 0, 0, 0, 0]);
  });

  it.each([
    ['switched off (null)', null],
    ['over budget', 4 * (4 + 2 * 4) - 1],
  ])('leaves the shortest-path measures out when %s, and keeps the rest', (_what, pathBudget) => {
    const m = projectionMetrics(graph(4, '0-1 1-2 0-2 2-3'), { pathBudget });
    expect([m.betweenness, m.closeness, m.harmonic]).toEqual([null, null, null]);
    expect([...m.clustering]).toEqual([1, 1, 1 / 3, 0]);
  });

  it('agrees with graphology-metrics on the seed partner projection (betweenness, closeness, weighted degree)', () => {
    const a = analyze(parseSisterCityList(readFileSync('data/raw/china-sister-cities.txt', 'utf8')), { runs: 1 });
    const p = a.sides.partner.projection;
    const m = projectionMetrics({ n: p.keys.length, u: p.u, v: p.v, weight: (i) => edgeWeight(p, i, 'jaccard') });
    const g = new UndirectedGraph();
    p.keys.forEach((k) => g.addNode(k));
    for (let i = 0; i < p.u.length; i++) g.addEdge(p.keys[p.u[i] as number], p.keys[p.v[i] as number], { w: edgeWeight(p, i, 'jaccard') });
    const b = betweenness(g, { normalized: false, getEdgeWeight: null });
    const c = closeness(g);
    p.keys.forEach((k, i) => {
      expect(m.betweenness?.[i]).toBeCloseTo(b[k] as number, 6);
      expect(m.closeness?.[i]).toBeCloseTo(c[k] as number, 12);
      expect(m.weightedDegree[i]).toBeCloseTo(weightedDegree(g, k, 'w'), 12);
      expect(m.degree[i]).toBe(g.degree(k));
    });
  });
});
