import Graph, { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { buildBipartiteIndex, unify } from '../../src/graph/bipartite-index.js';
import { eigenvectorCentrality } from '../../src/analysis/centrality/eigenvector.js';
import { pagerank } from '../../src/analysis/centrality/pagerank.js';
import { bipartiteBetweennessMax, pathMeasures } from '../../src/analysis/centrality/paths.js';
import { createRng } from '../../src/util/rng.js';
import { twoMode } from './helpers.js';
import { buildBipartiteIndexFromDataset } from '../../src/graph/bipartite-index.js';
import { bipartiteNodes } from '../../src/graph/build-bipartite.js';
import { parseSisterCityList } from '../../src/parse/parse-list.js';
import { generateList } from '../../src/synth/generate.js';

describe('the bipartite index', () => {
  it('refuses a graph that is not bipartite', () => {
    const g = twoMode('a-x b-x');
    g.addEdge('a', 'b');
    expect(() => buildBipartiteIndex(g)).toThrow(/joins two china nodes.*not bipartite/);
  });
  it('refuses a node without a side', () => {
    const g = new UndirectedGraph();
    g.addNode('lost');
    expect(() => buildBipartiteIndex(g)).toThrow(/node "lost" has no side/);
  });
  it('refuses a directed graph', () => {
    expect(() => buildBipartiteIndex(new Graph({ type: 'directed' }))).toThrow(/undirected/);
  });
});

describe('shortest-path measures on a path a–x–b–y plus a separate pair c–z', () => {
  // Nodes: china a, b, c; partner x, y, z. N = 6, n = 3, m = 3.
  const g = unify(buildBipartiteIndex(twoMode('a-x b-x b-y c-z')));
  const pm = pathMeasures(g);
  const at = (key: string) => g.keys.indexOf(key);
  it('counts raw betweenness by hand: x and b lie on 2 shortest paths each', () => {
    // a–x–b–y: x lies on a–b and a–y; b lies on x–y and a–y.
    expect(pm.betweennessRaw[at('x')]).toBe(2);
    expect(pm.betweennessRaw[at('b')]).toBe(2);
    expect(pm.betweennessRaw[at('a')]).toBe(0);
  });
  it('normalises betweenness by the bipartite maximum', () => {
    // n = m = 3: s, t = divmod(2, 3) = (0, 2); b_max = ½[9·1 + 3·1·(4−0−1) − 2·(0−2+3)] = ½(9 + 9 − 2) = 8.
    expect(bipartiteBetweennessMax(3, 3)).toBe(8);
    expect(pm.betweenness[at('x')]).toBe(2 / 8);
  });
  it('gives harmonic closeness as the sum of inverse distances, 0 for the unreachable', () => {
    // from a: x at 1, b at 2, y at 3 → 1 + 1/2 + 1/3 = 11/6; c, z unreachable.
    expect(pm.harmonic?.[at('a')]).toBeCloseTo(11 / 6, 15);
    expect(pm.harmonicNormalized?.[at('a')]).toBeCloseTo(11 / 6 / 5, 15);
    expect(pm.harmonic?.[at('c')]).toBe(1);
  });
  it("gives NetworkX's bipartite closeness by hand", () => {
    // a: Σd = 1+2+3 = 6, r = 4 → (m + 2(n−1))/6 · (4−1)/(6−1) = (3+4)/6 · 3/5 = 7/10.
    expect(pm.closeness?.[at('a')]).toBeCloseTo(7 / 10, 15);
    // Gephi: (r−1)/Σd = 3/6.
    expect(pm.closenessGephi?.[at('a')]).toBe(0.5);
  });
  it('records eccentricities for the diameter', () => {
    expect(pm.eccentricity?.[at('a')]).toBe(3);
    expect(pm.eccentricity?.[at('z')]).toBe(1);
  });
});

describe('sampled betweenness', () => {
  const g = unify(buildBipartiteIndex(twoMode('a-x b-x b-y c-y c-z d-z d-w e-w')));
  it('equals the exact values when every node is a pivot', () => {
    const exact = pathMeasures(g);
    const all = pathMeasures(g, { exactLimit: 0, samples: 100, rng: createRng(1) });
    expect(all.exact).toBe(false);
    expect(all.pivots).toBe(9);
    all.betweennessRaw.forEach((v, i) => expect(v).toBeCloseTo(exact.betweennessRaw[i] as number, 12));
    expect(all.closeness).toBeNull();
  });
  it('is the same for the same seed and records the sample size', () => {
    const a = pathMeasures(g, { exactLimit: 0, samples: 4, rng: createRng(7) });
    const b = pathMeasures(g, { exactLimit: 0, samples: 4, rng: createRng(7) });
    expect(a.pivots).toBe(4);
    expect(Array.from(a.betweennessRaw)).toEqual(Array.from(b.betweennessRaw));
  });
  it('has standard error 0 when every node is a pivot (finite-population correction), none when exact', () => {
    const all = pathMeasures(g, { exactLimit: 0, samples: 100, rng: createRng(1) });
    for (const se of all.betweennessStdError ?? [1]) expect(se).toBeCloseTo(0, 12);
    expect(pathMeasures(g).betweennessStdError).toBeNull();
  });
  it('gives standard errors that match the spread of the estimates over 40 pivot samples (Monte Carlo)', () => {
    // A synthetic list of ~1,400 nodes; 60 pivots per sample, seeds 1…40.
    const ds = parseSisterCityList(generateList({ scale: 1, seed: 3 }).text);
    const u = unify(buildBipartiteIndexFromDataset(ds, bipartiteNodes(ds)));
    const exact = pathMeasures(u);
    const top = Array.from(exact.betweenness.keys()).sort((x, y) => (exact.betweenness[y] as number) - (exact.betweenness[x] as number)).slice(0, 5);
    const runs = Array.from({ length: 40 }, (_, s) => pathMeasures(u, { exactLimit: 0, samples: 60, rng: createRng(s + 1) }));
    let covered = 0;
    for (const v of top) {
      const estimates = runs.map((r) => r.betweenness[v] as number);
      const mean = estimates.reduce((x, y) => x + y, 0) / estimates.length;
      const sd = Math.sqrt(estimates.reduce((x, y) => x + (y - mean) ** 2, 0) / (estimates.length - 1));
      const meanSe = runs.reduce((x, r) => x + (r.betweennessStdError?.[v] as number), 0) / runs.length;
      // The estimator is unbiased: the mean of 40 estimates is within 4 standard errors of the mean.
      expect(Math.abs(mean - (exact.betweenness[v] as number))).toBeLessThan(4 * (sd / Math.sqrt(estimates.length)));
      // The reported standard error is the spread actually seen, within sampling noise.
      expect(meanSe / sd).toBeGreaterThan(0.6);
      expect(meanSe / sd).toBeLessThan(1.6);
      covered += runs.filter((r) => Math.abs((r.betweenness[v] as number) - (exact.betweenness[v] as number)) <= 2 * (r.betweennessStdError?.[v] as number)).length;
    }
    // ±2 SE covers the exact value in most samples (≈95% for a normal estimate).
    expect(covered / (top.length * runs.length)).toBeGreaterThan(0.85);
  });
});

describe('eigenvector centrality and PageRank', () => {
  it('gives a star K_{1,4} its centre at 1/√2 and leaves at 1/√8', () => {
    const g = unify(buildBipartiteIndex(twoMode('c-p1 c-p2 c-p3 c-p4')));
    const e = eigenvectorCentrality(g, { tolerance: 1e-14 });
    expect(e.values[0]).toBeCloseTo(1 / Math.SQRT2, 9);
    for (let i = 1; i < 5; i++) expect(e.values[i]).toBeCloseTo(1 / Math.sqrt(8), 9);
    expect(e.maxNormalized[0]).toBe(1);
  });
  it('gives PageRank of a star by hand and sums to 1', () => {
    // centre x_c, leaves x_l: x_l = 0.15/5 + 0.85·x_c/4, x_c = 0.15/5 + 0.85·4·x_l and x_c + 4x_l = 1
    // → x_c = (0.03 + 0.85·4·0.03)/(1 − 0.85²) = 0.132/0.2775.
    const g = unify(buildBipartiteIndex(twoMode('c-p1 c-p2 c-p3 c-p4')));
    const pr = pagerank(g, { tolerance: 1e-15 });
    expect(pr.values[0]).toBeCloseTo(0.132 / 0.2775, 10);
    expect(Array.from(pr.values).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
  });
  it('refuses an empty graph', () => {
    const g = unify(buildBipartiteIndex(new UndirectedGraph()));
    expect(() => pagerank(g)).toThrow(/empty/);
    expect(() => eigenvectorCentrality(g)).toThrow(/empty/);
  });
});

describe('against graphology-metrics on the seed', () => {
  it('gives the same raw betweenness as its Brandes implementation', async () => {
    const { readFileSync } = await import('node:fs');
    const { parseSisterCityList } = await import('../../src/parse/parse-list.js');
    const { buildBipartiteGraph } = await import('../../src/graph/build-bipartite.js');
    const betweenness = (await import('graphology-metrics/centrality/betweenness.js')).default;
    const g = buildBipartiteGraph(parseSisterCityList(readFileSync('data/raw/china-sister-cities.txt', 'utf8')));
    const ours = pathMeasures(unify(buildBipartiteIndex(g)));
    const theirs = betweenness(g, { normalized: false, getEdgeWeight: null });
    const keys = unify(buildBipartiteIndex(g)).keys;
    keys.forEach((k, v) => expect(Math.abs((ours.betweennessRaw[v] as number) - (theirs[k] as number))).toBeLessThan(1e-9));
  });
});
