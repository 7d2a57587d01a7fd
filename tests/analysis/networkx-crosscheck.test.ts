/**
 * Cross-check against an independent implementation: values computed once with NetworkX 2.8.8
 * (tests/fixtures/networkx/make_fixtures.py) on the seed and on the Davis Southern Women graph.
 */
import { readFileSync } from 'node:fs';
import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { buildBipartiteGraph } from '../../src/graph/build-bipartite.js';
import { buildBipartiteIndex, unify } from '../../src/graph/bipartite-index.js';
import { pathMeasures } from '../../src/analysis/centrality/paths.js';
import { pagerank } from '../../src/analysis/centrality/pagerank.js';
import { eigenvectorCentrality } from '../../src/analysis/centrality/eigenvector.js';
import { edgeWeight, project } from '../../src/analysis/projection/project.js';
import { significance } from '../../src/analysis/projection/significance.js';
import {
  bipartiteDensity, components, degreeAssortativity, latapyClustering, robinsAlexander,
} from '../../src/analysis/structure/structure.js';
import { parseSisterCityList } from '../../src/parse/parse-list.js';

interface Fixture {
  sides: { top: string[]; bottom: string[] };
  edges: [string, string][];
  n_edges: number;
  density: number;
  components: { count: number; sizes: number[] };
  largest_component: { n_nodes: number; diameter: number; average_shortest_path_length: number };
  degree_assortativity: number;
  robins_alexander_clustering: number;
  node: Record<string, Record<string, number>>;
  projections: Record<'top' | 'bottom', { n_nodes: number; n_edges: number; edges: Record<string, string | number>[] }>;
}

const load = (name: string) => JSON.parse(readFileSync(`tests/fixtures/networkx/${name}.json`, 'utf8')) as Fixture;

function seedGraph() {
  const ds = parseSisterCityList(readFileSync('data/raw/china-sister-cities.txt', 'utf8'));
  const g = buildBipartiteGraph(ds);
  const rekeyed = new UndirectedGraph();
  g.forEachNode((k, a) => rekeyed.addNode(`${a.side === 'home' ? 'cn' : 'p'}|${a.label}`, { side: a.side }));
  g.forEachEdge((_e, _a, s, t) => rekeyed.addEdge(`${g.getNodeAttribute(s, 'side') === 'home' ? 'cn' : 'p'}|${g.getNodeAttribute(s, 'label')}`,
    `${g.getNodeAttribute(t, 'side') === 'home' ? 'cn' : 'p'}|${g.getNodeAttribute(t, 'label')}`));
  return rekeyed;
}

function fixtureGraph(f: Fixture) {
  const g = new UndirectedGraph();
  for (const k of f.sides.top) g.addNode(k, { side: 'home' });
  for (const k of f.sides.bottom) g.addNode(k, { side: 'partner' });
  for (const [u, v] of f.edges) g.addEdge(u, v);
  return g;
}

const close = (actual: number, expected: number, tol = 1e-9) => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected)));
};

describe.each([
  ['seed', () => seedGraph()],
  ['davis', () => fixtureGraph(load('davis'))],
])('against NetworkX on the %s graph', (name, make) => {
  const f = load(name);
  const g = make();
  const index = buildBipartiteIndex(g);
  const uni = unify(index);
  const paths = pathMeasures(uni);
  const pr = pagerank(uni, { tolerance: 1e-14 });
  const ev = eigenvectorCentrality(uni, { tolerance: 1e-14 });
  const keys = uni.keys;

  it('has the same nodes, sides and edges', () => {
    expect([...index.home.keys].sort()).toEqual(f.sides.top);
    expect([...index.partner.keys].sort()).toEqual(f.sides.bottom);
    expect(index.edges).toBe(f.n_edges);
  });
  it('has the same density, components and assortativity', () => {
    close(bipartiteDensity(index), f.density);
    const c = components(uni);
    expect(c.count).toBe(f.components.count);
    expect(c.sizes).toEqual(f.components.sizes);
    close(degreeAssortativity(uni), f.degree_assortativity);
  });
  it('has the same diameter and mean distance in the largest component', () => {
    const c = components(uni);
    let diameter = 0, sum = 0;
    keys.forEach((_k, v) => {
      if (c.membership[v] !== 0) return;
      diameter = Math.max(diameter, paths.eccentricity?.[v] ?? 0);
      sum += paths.distanceSum?.[v] ?? 0;
    });
    const n = c.sizes[0] as number;
    expect(diameter).toBe(f.largest_component.diameter);
    close(sum / (n * (n - 1)), f.largest_component.average_shortest_path_length);
  });
  it('has the same degree, betweenness, closeness, harmonic, eigenvector and PageRank for every node', () => {
    keys.forEach((k, v) => {
      const ref = f.node[k] as Record<string, number>;
      const deg = (uni.offsets[v + 1] as number) - (uni.offsets[v] as number);
      expect(deg).toBe(ref['degree']);
      close(deg / (v < uni.n ? uni.m : uni.n), ref['degree_centrality'] as number);
      close(paths.betweenness[v] as number, ref['betweenness'] as number);
      close(paths.closeness?.[v] as number, ref['closeness'] as number);
      close(paths.harmonic?.[v] as number, ref['harmonic'] as number);
      close(pr.values[v] as number, ref['pagerank'] as number);
      expect(Math.abs((ev.values[v] as number) - (ref['eigenvector'] as number))).toBeLessThan(1e-9);
    });
  });
  it.each(['top', 'bottom'] as const)('has the same %s projection weights, p-values and clustering', (which) => {
    const p = project(index, which === 'top' ? 'home' : 'partner');
    const ref = f.projections[which];
    expect(p.u.length).toBe(ref.n_edges);
    const sig = significance(p);
    const byPair = new Map<string, number>();
    for (let i = 0; i < p.u.length; i++) {
      const a = p.keys[p.u[i] as number] as string, b = p.keys[p.v[i] as number] as string;
      byPair.set(a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`, i);
    }
    for (const e of ref.edges) {
      const i = byPair.get(`${e['u']}\u0000${e['v']}`);
      expect(i).toBeDefined();
      for (const w of ['count', 'jaccard', 'overlap', 'cosine', 'newman'] as const) close(edgeWeight(p, i as number, w), e[w] as number);
      const pv = sig.p[i as number] as number, ref = e['hypergeom_p'] as number;
      expect(Math.abs(pv - ref)).toBeLessThanOrEqual(1e-9 * ref); // relative: p-values can be tiny
    }
    for (const mode of ['dot', 'min', 'max'] as const) {
      const cc = latapyClustering(p, mode);
      p.keys.forEach((k, i) => close(cc[i] as number, (f.node[k] as Record<string, number>)[`latapy_${mode}`] as number));
    }
    if (which === 'top') close(robinsAlexander(index, p), f.robins_alexander_clustering);
  });
});
