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
import fc from 'fast-check';

describe('the bipartite index', () => {
  it('refuses a graph that is not bipartite', () => {
    const g = twoMode('a-x b-x');
    g.addEdge('a', 'b');
    expect(() => buildBipartiteIndex(g)).toThrow(/joins two home nodes.*not bipartite/);
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
  // Nodes: home a, b, c; partner x, y, z. N = 6, n = 3, m = 3.
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
    // Relative: values reach ~1.6·10⁵, and leaves' dependencies are summed in another order (as
    // (1 + k_h)·δ_h), so the last bits differ.
    keys.forEach((k, v) => {
      const b = theirs[k] as number;
      expect(Math.abs((ours.betweennessRaw[v] as number) - b)).toBeLessThanOrEqual(1e-12 * Math.abs(b));
    });
  });
});

/**
 * An independent all-sources Brandes (2001) on graphology's own adjacency: predecessor lists and a
 * stack, one BFS from every node, leaves included. Returns the raw measures by node key.
 */
function allSourcesReference(g: UndirectedGraph) {
  const keys = g.nodes();
  const bc = new Map<string, number>(keys.map((k) => [k, 0]));
  const distSum = new Map<string, number>(), reach = new Map<string, number>();
  const harmonic = new Map<string, number>(), ecc = new Map<string, number>();
  for (const s of keys) {
    const dist = new Map<string, number>([[s, 0]]);
    const sigma = new Map<string, number>([[s, 1]]);
    const pred = new Map<string, string[]>(keys.map((k) => [k, []]));
    const stack: string[] = [];
    const queue = [s];
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head] as string;
      stack.push(v);
      for (const w of g.neighbors(v)) {
        if (!dist.has(w)) { dist.set(w, (dist.get(v) as number) + 1); queue.push(w); sigma.set(w, 0); }
        if (dist.get(w) === (dist.get(v) as number) + 1) {
          sigma.set(w, (sigma.get(w) as number) + (sigma.get(v) as number));
          (pred.get(w) as string[]).push(v);
        }
      }
    }
    const delta = new Map<string, number>(keys.map((k) => [k, 0]));
    while (stack.length > 0) {
      const w = stack.pop() as string;
      for (const v of pred.get(w) as string[]) {
        delta.set(v, (delta.get(v) as number) + ((sigma.get(v) as number) / (sigma.get(w) as number)) * (1 + (delta.get(w) as number)));
      }
      if (w !== s) bc.set(w, (bc.get(w) as number) + (delta.get(w) as number));
    }
    const ds = [...dist.values()].filter((d) => d > 0);
    distSum.set(s, ds.reduce((a, d) => a + d, 0));
    reach.set(s, dist.size);
    harmonic.set(s, ds.reduce((a, d) => a + 1 / d, 0));
    ecc.set(s, Math.max(0, ...ds));
  }
  for (const k of keys) bc.set(k, (bc.get(k) as number) / 2);
  return { bc, distSum, reach, harmonic, ecc };
}

/** A bipartite graph with home nodes c0…c(n−1), partner nodes p0…p(m−1) and the edges (i, j), repeats dropped. */
function bipartiteGraph(n: number, m: number, edges: ReadonlyArray<readonly [number, number]>): UndirectedGraph {
  const g = new UndirectedGraph();
  for (let i = 0; i < n; i++) g.addNode(`c${i}`, { side: 'home' });
  for (let j = 0; j < m; j++) g.addNode(`p${j}`, { side: 'partner' });
  for (const [i, j] of edges) if (!g.hasEdge(`c${i}`, `p${j}`)) g.addEdge(`c${i}`, `p${j}`);
  return g;
}

/** Every exact measure of `pathMeasures` against the all-sources reference, to 1e-9 relative. */
function expectSameAsAllSources(g: UndirectedGraph): void {
  const u = unify(buildBipartiteIndex(g));
  const pm = pathMeasures(u);
  const ref = allSourcesReference(g);
  const N = u.keys.length;
  const close = (a: number | undefined, b: number) => {
    expect(a).toBeDefined();
    expect(Math.abs((a as number) - b)).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(a as number), Math.abs(b)));
  };
  expect(pm.exact).toBe(true);
  expect(pm.pivots).toBe(N);
  u.keys.forEach((key, v) => {
    const own = v < u.n ? u.n : u.m, opposite = v < u.n ? u.m : u.n;
    const bMax = bipartiteBetweennessMax(own, opposite);
    const b = ref.bc.get(key) as number, tot = ref.distSum.get(key) as number, r = ref.reach.get(key) as number;
    const h = ref.harmonic.get(key) as number;
    close(pm.betweennessRaw[v], b);
    close(pm.betweenness[v], bMax > 0 ? b / bMax : 0);
    expect(pm.distanceSum?.[v]).toBe(tot);
    expect(pm.eccentricity?.[v]).toBe(ref.ecc.get(key));
    close(pm.harmonic?.[v], h);
    close(pm.harmonicNormalized?.[v], N > 1 ? h / (N - 1) : 0);
    close(pm.closenessGephi?.[v], tot > 0 ? (r - 1) / tot : 0);
    close(pm.closeness?.[v], tot > 0 && N > 1 ? ((opposite + 2 * (own - 1)) / tot) * ((r - 1) / (N - 1)) : 0);
  });
}

describe('exact shortest-path measures without a BFS from each leaf', () => {
  it('gives a star K_{1,4} by hand: centre on all 6 leaf pairs, each leaf 1 from the centre and 2 from 3 leaves', () => {
    const u = unify(buildBipartiteIndex(twoMode('c-p1 c-p2 c-p3 c-p4')));
    const pm = pathMeasures(u);
    expect(pm.betweennessRaw[0]).toBe(6);
    for (let v = 1; v < 5; v++) {
      expect(pm.betweennessRaw[v]).toBe(0);
      expect(pm.distanceSum?.[v]).toBe(1 + 3 * 2);
      expect(pm.eccentricity?.[v]).toBe(2);
      expect(pm.harmonic?.[v]).toBe(1 + 3 / 2);
    }
  });
  it.each([
    ['a star', twoMode('c-p1 c-p2 c-p3 c-p4 c-p5')],
    ['a path', twoMode('a-x b-x b-y c-y c-z')],
    ['two stars joined through a shared partner', twoMode('a-x1 a-x2 a-x3 a-s b-s b-y1 b-y2')],
    ['a K2 component beside a star (both ends of degree 1 stay sources)', twoMode('a-x b-y1 b-y2 b-y3')],
    ['a lone K2', twoMode('a-x')],
    ['a K_{1,2} (each leaf the other’s only company)', twoMode('a-x a-y')],
    ['a disconnected graph with a cycle, a path and a star', twoMode('a-x a-y b-x b-y b-z c-w d-w d-v e-u e-t e-s')],
  ])('equals an all-sources Brandes on %s', (_name, g) => {
    expectSameAsAllSources(g);
  });
  it('equals an all-sources Brandes with isolated nodes on both sides', () => {
    expectSameAsAllSources(bipartiteGraph(4, 5, [[0, 0], [0, 1], [0, 2], [1, 2], [1, 3]]));
    expectSameAsAllSources(bipartiteGraph(2, 1, []));
  });
  it('equals an all-sources Brandes on random bipartite graphs (fast-check)', () => {
    const graph = fc.record({ n: fc.integer({ min: 1, max: 8 }), m: fc.integer({ min: 1, max: 14 }) }).chain(({ n, m }) =>
      fc.record({
        n: fc.constant(n),
        m: fc.constant(m),
        edges: fc.array(fc.tuple(fc.nat({ max: n - 1 }), fc.nat({ max: m - 1 })), { maxLength: 3 * (n + m) }),
      }));
    fc.assert(fc.property(graph, ({ n, m, edges }) => { expectSameAsAllSources(bipartiteGraph(n, m, edges)); }), { numRuns: 300 });
  });
});
