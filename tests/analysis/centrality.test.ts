import Graph, { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { buildBipartiteIndex, unify } from '../../src/graph/bipartite-index.js';
import { eigenvectorCentrality } from '../../src/analysis/centrality/eigenvector.js';
import { pagerank } from '../../src/analysis/centrality/pagerank.js';
import {
  addPathSums, bipartiteBetweennessMax, chunkCount, chunkTotal, PATH_CHUNKS, pathChunkSums, pathMeasures, pathPlan, pathResults, pathSums, pathTotals,
} from '../../src/analysis/centrality/paths.js';
import type { PathSums } from '../../src/analysis/centrality/paths.js';
import { pendantTrees } from '../../src/analysis/centrality/pendant-trees.js';
import type { UnifiedIndex } from '../../src/graph/bipartite-index.js';
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

/**
 * A plain Brandes BFS over the whole index (leaves included) from s, in the index's adjacency
 * order: what the core search must reproduce bit for bit.
 */
function wholeGraphSearch(u: UnifiedIndex, s: number) {
  const N = u.n + u.m;
  const dist = new Int32Array(N).fill(-1), sigma = new Float64Array(N), delta = new Float64Array(N), order: number[] = [s];
  dist[s] = 0; sigma[s] = 1;
  for (let head = 0; head < order.length; head++) {
    const v = order[head] as number;
    for (let e = u.offsets[v] as number; e < (u.offsets[v + 1] as number); e++) {
      const w = u.adj[e] as number;
      if (dist[w] === -1) { dist[w] = (dist[v] as number) + 1; order.push(w); }
      if (dist[w] === (dist[v] as number) + 1) sigma[w] = (sigma[w] as number) + (sigma[v] as number);
    }
  }
  for (let i = order.length - 1; i > 0; i--) {
    const w = order[i] as number, coeff = (1 + (delta[w] as number)) / (sigma[w] as number);
    for (let e = u.offsets[w] as number; e < (u.offsets[w + 1] as number); e++) {
      const v = u.adj[e] as number;
      if (dist[v] === (dist[w] as number) - 1) delta[v] = (delta[v] as number) + (sigma[v] as number) * coeff;
    }
  }
  let sum = 0, harmonic = 0, ecc = 0;
  for (const v of order) { const d = dist[v] as number; if (d > 0) { sum += d; harmonic += 1 / d; ecc = Math.max(ecc, d); } }
  return { order, delta, sum, harmonic, ecc, reach: order.length };
}

/** The hub of a leaf (degree 1, its neighbour of degree ≥ 2), else −1. */
function hubOfLeaf(u: UnifiedIndex, v: number): number {
  const degree = (x: number) => (u.offsets[x + 1] as number) - (u.offsets[x] as number);
  if (degree(v) !== 1) return -1;
  const h = u.adj[u.offsets[v] as number] as number;
  return degree(h) >= 2 ? h : -1;
}

/**
 * Exact mode by its definition with whole-graph searches: betweenness Σ over non-leaf sources of
 * (1 + k_s)·δ_s plus k_s·(r_s − 2) at s, summed from zero within each chunk (`chunkEnds`: the
 * number of non-leaf sources before each chunk's end, as `pathPlan` cuts them), the chunks added in
 * order, halved; distance sums, reaches, eccentricities and harmonic sums from a search from every
 * node, leaves included.
 */
function foldedReference(u: UnifiedIndex, chunkEnds: ArrayLike<number>) {
  const N = u.n + u.m;
  const bc = new Float64Array(N), sum = new Float64Array(N), reach = new Int32Array(N), harmonic = new Float64Array(N), ecc = new Int32Array(N);
  let chunk = new Float64Array(N), sources = 0, next = 1;
  const leaves = new Int32Array(N);
  for (let v = 0; v < N; v++) { const h = hubOfLeaf(u, v); if (h >= 0) leaves[h]!++; }
  for (let s = 0; s < N; s++) {
    const r = wholeGraphSearch(u, s);
    sum[s] = r.sum; reach[s] = r.reach; harmonic[s] = r.harmonic; ecc[s] = r.ecc;
    if (hubOfLeaf(u, s) >= 0) continue;
    const k = leaves[s] as number;
    for (let i = r.order.length - 1; i > 0; i--) { const w = r.order[i] as number; chunk[w] = (chunk[w] as number) + (1 + k) * (r.delta[w] as number); }
    if (k > 0) chunk[s] = (chunk[s] as number) + k * (r.reach - 2);
    if (++sources === chunkEnds[next]) {
      for (let v = 0; v < N; v++) bc[v] = next === 1 ? (chunk[v] as number) : (bc[v] as number) + (chunk[v] as number);
      chunk = new Float64Array(N); next++;
    }
  }
  return { bc: bc.map((b) => b * 0.5), sum, reach, harmonic, ecc };
}

/**
 * Random bipartite graphs with many leaves and several components: per component, home hubs joined
 * through shared partners, partner leaves on each hub, a partner hub with home leaves, loose pairs;
 * the edges shuffled, so that leaves and core nodes alternate in the adjacency lists.
 */
const leafyGraph = fc.record({
  parts: fc.array(fc.record({
    hubs: fc.integer({ min: 1, max: 4 }),
    shared: fc.array(fc.tuple(fc.nat(3), fc.nat(3)), { maxLength: 6 }),
    leaves: fc.array(fc.nat(7), { minLength: 4, maxLength: 4 }),
    homeLeaves: fc.nat(4),
  }), { minLength: 1, maxLength: 4 }),
  pairs: fc.nat(2),
  shuffle: fc.integer({ min: 1, max: 1e6 }),
}).map(({ parts, pairs, shuffle }) => {
  const edges: [number, number][] = [];
  let n = 0, m = 0;
  for (const part of parts) {
    const hub0 = n;
    n += part.hubs;
    for (const [a, b] of part.shared) { const p = m++; edges.push([hub0 + (a % part.hubs), p]); if (a % part.hubs !== b % part.hubs) edges.push([hub0 + (b % part.hubs), p]); }
    for (let i = 0; i < part.hubs; i++) for (let l = 0; l < (part.leaves[i] as number); l++) edges.push([hub0 + i, m++]);
    const q = m++;
    edges.push([hub0, q]);
    for (let l = 0; l < part.homeLeaves; l++) edges.push([n++, q]);
  }
  for (let i = 0; i < pairs; i++) edges.push([n++, m++]);
  const rng = createRng(shuffle);
  for (let i = edges.length - 1; i > 0; i--) { const j = Math.floor(rng() * (i + 1)); [edges[i], edges[j]] = [edges[j] as [number, number], edges[i] as [number, number]]; }
  return unify(buildBipartiteIndex(bipartiteGraph(n, m, edges)));
});

/** A generated list (`generateList`, seed 3) and its nodes, as `buildBipartiteIndexFromDataset` takes them. */
function seedDataset(scale: number) {
  const ds = parseSisterCityList(generateList({ scale, seed: 3 }).text);
  return [ds, bipartiteNodes(ds, { districts: 'separate' })] as const;
}

const sameBits = (a: ArrayLike<number> | null | undefined, b: ArrayLike<number>) => {
  expect(a).toBeTruthy();
  expect(Array.from(a as ArrayLike<number>)).toEqual(Array.from(b));
  for (let i = 0; i < b.length; i++) expect(Object.is((a as ArrayLike<number>)[i], b[i])).toBe(true);
};
const within = (a: ArrayLike<number>, b: ArrayLike<number>, rel: number) => {
  for (let i = 0; i < b.length; i++) expect(Math.abs((a[i] as number) - (b[i] as number))).toBeLessThanOrEqual(rel * Math.abs(b[i] as number));
};

describe('shortest paths searched on the core (the graph without its leaves)', () => {
  it('gives every exact measure bit for bit as whole-graph searches with the leaf formulas, pendant trees off (fast-check, seeded)', () => {
    fc.assert(fc.property(leafyGraph, (u) => {
      const pm = pathMeasures(u, { pendantTrees: false }), ref = foldedReference(u, pathPlan(u, { pendantTrees: false }).chunks);
      sameBits(pm.betweennessRaw, ref.bc);
      sameBits(pm.distanceSum, ref.sum);
      sameBits(pm.harmonic, ref.harmonic);
      sameBits(pm.eccentricity, ref.ecc);
    }), { seed: 16, numRuns: 150 });
  });
  it('agrees with the independent all-sources Brandes to 1e-12 (fast-check, seeded)', () => {
    fc.assert(fc.property(leafyGraph, (u) => {
      const keys = u.keys;
      const g = new UndirectedGraph();
      keys.forEach((k, v) => g.addNode(k, { side: v < u.n ? 'home' : 'partner' }));
      for (let v = 0; v < u.n; v++) for (let e = u.offsets[v] as number; e < (u.offsets[v + 1] as number); e++) g.addEdge(keys[v], keys[u.adj[e] as number]);
      const pm = pathMeasures(u), ref = allSourcesReference(g);
      keys.forEach((k, v) => {
        expect(Math.abs((pm.betweennessRaw[v] as number) - (ref.bc.get(k) as number))).toBeLessThanOrEqual(1e-12 * (ref.bc.get(k) as number));
        expect(pm.distanceSum?.[v]).toBe(ref.distSum.get(k));
        expect(pm.eccentricity?.[v]).toBe(ref.ecc.get(k));
        expect(pm.harmonic?.[v]).toBe(ref.harmonic.get(k)); // both add 1/d level by level
      });
    }), { seed: 17, numRuns: 100 });
  });
  it('gives sampled betweenness bit for bit as whole-graph searches from the same pivots, chunk by chunk, leaves among them, pendant trees off (fast-check, seeded)', () => {
    fc.assert(fc.property(leafyGraph, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 1000 }), (u, samples, seed) => {
      const N = u.n + u.m;
      const plan = pathPlan(u, { exactLimit: 0, samples, rng: createRng(seed), pendantTrees: false });
      const pm = pathMeasures(u, { exactLimit: 0, samples, rng: createRng(seed), pendantTrees: false });
      const bc = new Float64Array(N);
      for (let c = 0; c < chunkCount(plan); c++) {
        const chunk = new Float64Array(N);
        for (const s of plan.sources.subarray(plan.chunks[c], plan.chunks[c + 1])) {
          const r = wholeGraphSearch(u, s);
          for (let i = r.order.length - 1; i > 0; i--) { const w = r.order[i] as number; chunk[w] = (chunk[w] as number) + (r.delta[w] as number); }
        }
        for (let v = 0; v < N; v++) bc[v] = c === 0 ? (chunk[v] as number) : (bc[v] as number) + (chunk[v] as number);
      }
      const scale = (0.5 * N) / plan.sources.length;
      sameBits(pm.betweennessRaw, bc.map((b) => b * scale));
    }), { seed: 18, numRuns: 150 });
  });
  it('adds the sums of two or three ranges of sources into the single range: per-source measures bit for bit, betweenness to 1e-12 (fast-check, seeded)', () => {
    fc.assert(fc.property(leafyGraph, fc.boolean(), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (u, sampled, x, y) => {
      const plan = pathPlan(u, sampled ? { exactLimit: 0, samples: 30, rng: createRng(5) } : {});
      const S = plan.sources.length;
      const [i, j] = [Math.floor(Math.min(x, y) * S), Math.floor(Math.max(x, y) * S)];
      const whole = pathSums(plan, 0, S);
      const two = pathSums(plan, 0, i);
      addPathSums(two, pathSums(plan, i, S));
      const three = pathSums(plan, 0, i);
      addPathSums(three, pathSums(plan, i, j));
      addPathSums(three, pathSums(plan, j, S));
      for (const merged of [two, three]) {
        within(merged.bc, whole.bc, 1e-12);
        if (sampled) within(merged.bcSquares as Float64Array, whole.bcSquares as Float64Array, 1e-12);
        else {
          for (const key of ['closeSum', 'reach', 'harmonic', 'ecc'] as const) sameBits(merged[key], whole[key] as ArrayLike<number>);
          const a = pathResults(plan, merged), b = pathResults(plan, whole);
          sameBits(a.closeness, b.closeness as Float64Array);
          sameBits(a.harmonicNormalized, b.harmonicNormalized as Float64Array);
        }
      }
    }), { seed: 19, numRuns: 150 });
  });
  it('cuts two equal components K_{11,11} into 4 chunks of 11 sources: work 44 × (22 + 242) = 11,616, ⌊11,616 / (64 · 44)⌋ = 4', () => {
    const edges: string[] = [];
    for (const side of ['a', 'b']) for (let i = 0; i < 11; i++) for (let j = 0; j < 11; j++) edges.push(`${side}${i}-${side}x${j}`);
    const u = unify(buildBipartiteIndex(twoMode(edges.join(' '))));
    expect(PATH_CHUNKS).toEqual({ max: 64, nodeWork: 64, sampledNodeWork: 8 });
    const plan = pathPlan(u);
    expect(plan.sources.length).toBe(44);
    expect(Array.from(plan.chunks)).toEqual([0, 11, 22, 33, 44]);
    expectSameAsAllSources(twoMode(edges.join(' ')));
  });
  it('cuts a sampled plan finer: the same two K_{11,11}, every node a pivot, work 44 × 264 = 11,616, ⌊11,616 / (8 · 44)⌋ = 33 chunks, sums as one chunk gives them', () => {
    const edges: string[] = [];
    for (const side of ['a', 'b']) for (let i = 0; i < 11; i++) for (let j = 0; j < 11; j++) edges.push(`${side}${i}-${side}x${j}`);
    const u = unify(buildBipartiteIndex(twoMode(edges.join(' '))));
    const plan = pathPlan(u, { exactLimit: 0, samples: 44, rng: createRng(5) });
    expect(plan.exact).toBe(false);
    expect(plan.sources.length).toBe(44);
    expect(chunkCount(plan)).toBe(33);
    // One chunk holding every source: the same sums, added in another grouping (to rounding).
    const whole = pathSums(plan, 0, plan.sources.length), total = pathTotals(plan);
    for (let v = 0; v < 44; v++) {
      expect(total.bc[v]).toBeCloseTo(whole.bc[v] as number, 9);
      expect(total.bcSquares?.[v]).toBeCloseTo(whole.bcSquares?.[v] as number, 6);
    }
    // Every node of K_{11,11} lies between the 10 · 11 / 2 pairs of its side's other nodes, each pair on
    // 11 shortest paths through distinct middles: δ over all 22 sources = 2 · 55 / 11 = 10 (undirected, counted from both ends).
    for (let v = 0; v < 44; v++) expect(total.bc[v]).toBeCloseTo(10, 9);
  });
  it('keeps a small graph in one chunk: a star K_{1,4} has work 1 · 1 < 64 · 5', () => {
    const plan = pathPlan(unify(buildBipartiteIndex(twoMode('c-p1 c-p2 c-p3 c-p4'))));
    expect(Array.from(plan.chunks)).toEqual([0, 1]);
  });
  it('cuts the sources into at most 64 consecutive non-empty chunks that cover them all (fast-check, seeded)', () => {
    const dense = fc.record({ n: fc.integer({ min: 1, max: 30 }), m: fc.integer({ min: 1, max: 30 }), p: fc.double({ min: 0.05, max: 1, noNaN: true }), seed: fc.nat() });
    fc.assert(fc.property(dense, fc.boolean(), ({ n, m, p, seed }, sampled) => {
      const rng = createRng(seed + 1), edges: [number, number][] = [];
      for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) if (rng() < p) edges.push([i, j]);
      const u = unify(buildBipartiteIndex(bipartiteGraph(n, m, edges)));
      const plan = pathPlan(u, sampled ? { exactLimit: 0, samples: 25, rng: createRng(3) } : {});
      const K = chunkCount(plan);
      expect(K).toBeGreaterThanOrEqual(1);
      expect(K).toBeLessThanOrEqual(64);
      expect(plan.chunks[0]).toBe(0);
      expect(plan.chunks[K]).toBe(plan.sources.length);
      for (let c = 0; c < K; c++) if (plan.sources.length > 0) expect(plan.chunks[c + 1]).toBeGreaterThan(plan.chunks[c] as number);
    }), { seed: 20, numRuns: 200 });
  });
  it('adds the chunks in chunk order whatever order they arrive in: the same bits (fast-check, seeded)', () => {
    const u = unify(buildBipartiteIndexFromDataset(...seedDataset(2)));
    const plan = pathPlan(u);
    const K = chunkCount(plan);
    expect(K).toBeGreaterThan(2);
    const inOrder = pathTotals(plan);
    fc.assert(fc.property(fc.array(fc.nat(), { minLength: K, maxLength: K }), (keys) => {
      const order = Array.from({ length: K }, (_, c) => c).sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
      const total = chunkTotal(plan);
      for (const c of order) total.add(c, pathChunkSums(plan, c));
      const sums: PathSums = total.result();
      sameBits(sums.bc, inOrder.bc);
      for (const key of ['closeSum', 'reach', 'harmonic', 'ecc'] as const) sameBits(sums[key], inOrder[key] as ArrayLike<number>);
    }), { seed: 21, numRuns: 20 });
  });
  it('refuses a chunk given twice, one out of range, and a total before every chunk is in', () => {
    const u = unify(buildBipartiteIndexFromDataset(...seedDataset(2)));
    const plan = pathPlan(u);
    const total = chunkTotal(plan);
    expect(() => total.result()).toThrow(/0 of \d+ chunks summed/);
    total.add(1, pathChunkSums(plan, 1));
    expect(() => total.add(1, pathChunkSums(plan, 1))).toThrow(/chunk 1 given twice or out of range/);
    expect(() => total.add(chunkCount(plan), pathChunkSums(plan, 0))).toThrow(/out of range/);
    expect(() => pathChunkSums(plan, -1)).toThrow(/no chunk -1/);
    total.add(0, pathChunkSums(plan, 0));
    expect(total.merged).toBe(2);
  });
  it('gives a generated list, in two chunks, as an independent all-sources Brandes: betweenness to 1e-12, the rest bit for bit', () => {
    const [ds, nodes] = seedDataset(1);
    const u = unify(buildBipartiteIndexFromDataset(ds, nodes));
    expect(chunkCount(pathPlan(u, { pendantTrees: false }))).toBe(2);
    const g = new UndirectedGraph();
    u.keys.forEach((k, v) => g.addNode(k, { side: v < u.n ? 'home' : 'partner' }));
    for (let v = 0; v < u.n; v++) for (let e = u.offsets[v] as number; e < (u.offsets[v + 1] as number); e++) g.addEdge(u.keys[v], u.keys[u.adj[e] as number]);
    const ref = allSourcesReference(g);
    for (const pendantTrees of [false, true]) {
      const pm = pathMeasures(u, { pendantTrees });
      u.keys.forEach((k, v) => {
        expect(Math.abs((pm.betweennessRaw[v] as number) - (ref.bc.get(k) as number))).toBeLessThanOrEqual(1e-12 * (ref.bc.get(k) as number));
        expect(pm.distanceSum?.[v]).toBe(ref.distSum.get(k));
        expect(pm.eccentricity?.[v]).toBe(ref.ecc.get(k));
        expect(pm.harmonic?.[v]).toBe(ref.harmonic.get(k));
      });
    }
  });
});

/**
 * Random bipartite graphs with deep pendant trees: a random small graph (cycles likely), then nodes
 * added one at a time, each joined to a random earlier node of the other side (so trees grow on
 * the 2-core, on trees and from scratch as separate components), a few isolated nodes; the edges
 * shuffled so that tree and core entries alternate in the lists.
 */
const treeGraph = fc.record({
  n: fc.integer({ min: 1, max: 6 }),
  m: fc.integer({ min: 1, max: 6 }),
  base: fc.array(fc.tuple(fc.nat(5), fc.nat(5)), { maxLength: 14 }),
  grow: fc.array(fc.tuple(fc.boolean(), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 40 }),
  shuffle: fc.integer({ min: 1, max: 1e6 }),
}).map(({ n: n0, m: m0, base, grow, shuffle }) => {
  let n = n0, m = m0;
  const edges: [number, number][] = [];
  const seen = new Set<string>();
  const add = (i: number, j: number) => { if (!seen.has(`${i},${j}`)) { seen.add(`${i},${j}`); edges.push([i, j]); } };
  for (const [i, j] of base) add(i % n0, j % m0);
  for (const [home, x] of grow) {
    // a new home node on a random partner, or a new partner on a random home node; x ≥ 0.9: a new component of two
    if (x >= 0.9) add(n++, m++);
    else if (home) add(n++, Math.floor(x / 0.9 * m));
    else add(Math.floor(x / 0.9 * n), m++);
  }
  const rng = createRng(shuffle);
  for (let i = edges.length - 1; i > 0; i--) { const j = Math.floor(rng() * (i + 1)); [edges[i], edges[j]] = [edges[j] as [number, number], edges[i] as [number, number]]; }
  return bipartiteGraph(n, m, edges);
});

describe('exact shortest paths on the 2-core and its pendant trees', () => {
  it('gives a path c0–p0–c1–p1–c2 by hand: betweenness 0, 3, 4, 3, 0; c1 at 1, 1, 2, 2', () => {
    const u = unify(buildBipartiteIndex(bipartiteGraph(3, 2, [[0, 0], [1, 0], [1, 1], [2, 1]])));
    const plan = pathPlan(u);
    expect(plan.trees).not.toBeNull();
    expect(plan.trees?.core.node.length).toBe(0); // a tree: no 2-core, one root
    expect(plan.sources.length).toBe(1);
    const pm = pathMeasures(u);
    // u numbers c0, c1, c2, p0, p1
    expect(Array.from(pm.betweennessRaw)).toEqual([0, 4, 0, 3, 3]);
    expect(Array.from(pm.distanceSum as Float64Array)).toEqual([1 + 2 + 3 + 4, 1 + 1 + 2 + 2, 10, 1 + 1 + 2 + 3, 7]);
    expect(Array.from(pm.eccentricity as Int32Array)).toEqual([4, 2, 4, 3, 3]);
    expect(pm.harmonic?.[1]).toBe(1 + 1 + 0.5 + 0.5);
  });
  it('gives a 4-cycle c0 p0 c1 p1 with a tail p1–c2–p2 by hand', () => {
    // Pairs through c2: p2 with the other four (4). Through p1: c2 and p2 with each of c0, c1, p0 (6), and
    // c0–c1 half (1/2): 6.5. Through c0 and c1: p0–p1 half each (1/2), and p0 with c2 and with p2 half each
    // (2 × 1/2): 1.5. Through p0: c0–c1 half: 0.5.
    const u = unify(buildBipartiteIndex(bipartiteGraph(3, 3, [[0, 0], [1, 0], [0, 1], [1, 1], [2, 1], [2, 2]])));
    const pm = pathMeasures(u);
    expect(pathPlan(u).trees?.core.node.length).toBe(4);
    // u numbers c0, c1, c2, p0, p1, p2
    expect(Array.from(pm.betweennessRaw)).toEqual([1.5, 1.5, 4, 0.5, 6.5, 0]);
    expect(pm.distanceSum?.[5]).toBe(1 + 2 + 3 + 3 + 4); // p2: c2, p1, c0 and c1, p0
    expect(pm.eccentricity?.[5]).toBe(4);
    expect(pm.harmonic?.[5]).toBe(1 + 1 / 2 + 1 / 3 + 1 / 3 + 1 / 4);
  });
  it('equals the independent all-sources Brandes on graphs with deep trees: betweenness to 1e-12, the rest bit for bit (fast-check, seeded)', () => {
    fc.assert(fc.property(treeGraph, (g) => {
      const u = unify(buildBipartiteIndex(g));
      const plan = pathPlan(u);
      expect(plan.trees).not.toBeNull();
      const pm = pathMeasures(u), ref = allSourcesReference(g);
      u.keys.forEach((k, v) => {
        const b = ref.bc.get(k) as number;
        expect(Math.abs((pm.betweennessRaw[v] as number) - b)).toBeLessThanOrEqual(1e-12 * b);
        expect(pm.distanceSum?.[v]).toBe(ref.distSum.get(k));
        expect(pm.eccentricity?.[v]).toBe(ref.ecc.get(k));
      });
    }), { seed: 22, numRuns: 300 });
  });
  it('gives the distance sums, reaches, eccentricities and harmonic sums of whole-graph searches bit for bit (fast-check, seeded)', () => {
    fc.assert(fc.property(fc.oneof(treeGraph.map((g) => unify(buildBipartiteIndex(g))), leafyGraph), (u) => {
      const pm = pathMeasures(u);
      for (let s = 0; s < u.keys.length; s++) {
        const r = wholeGraphSearch(u, s);
        expect(Object.is(pm.distanceSum?.[s], r.sum)).toBe(true);
        expect(Object.is(pm.harmonic?.[s], r.harmonic)).toBe(true);
        expect(pm.eccentricity?.[s]).toBe(r.ecc);
      }
    }), { seed: 23, numRuns: 200 });
  });
  it('agrees with the leaf-only method: per-source measures bit for bit, betweenness to 1e-12 (fast-check, seeded)', () => {
    fc.assert(fc.property(fc.oneof(treeGraph.map((g) => unify(buildBipartiteIndex(g))), leafyGraph), (u) => {
      const a = pathMeasures(u), b = pathMeasures(u, { pendantTrees: false });
      sameBits(a.distanceSum, b.distanceSum as Float64Array);
      sameBits(a.harmonic, b.harmonic as Float64Array);
      sameBits(a.eccentricity, b.eccentricity as Int32Array);
      sameBits(a.closeness, b.closeness as Float64Array);
      within(a.betweennessRaw, b.betweennessRaw, 1e-12);
    }), { seed: 24, numRuns: 200 });
  });
  it('samples the same pivots as whole-graph searches do: betweenness to 1e-12, standard errors (from the sums of squares) to 1e-9 (fast-check, seeded)', () => {
    fc.assert(fc.property(fc.oneof(treeGraph.map((g) => unify(buildBipartiteIndex(g))), leafyGraph), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 1000 }), (u, samples, seed) => {
      const N = u.n + u.m;
      const options = { exactLimit: 0, samples, rng: createRng(seed) };
      const plan = pathPlan(u, { ...options, rng: createRng(seed) });
      expect(plan.trees).not.toBeNull();
      const pivots = plan.pivots as Int32Array;
      const sum = new Float64Array(N), squares = new Float64Array(N);
      for (const s of pivots) {
        const r = wholeGraphSearch(u, s);
        for (let i = r.order.length - 1; i > 0; i--) {
          const w = r.order[i] as number, d = r.delta[w] as number;
          sum[w] = (sum[w] as number) + d; squares[w] = (squares[w] as number) + d * d;
        }
      }
      const k = pivots.length, scale = (0.5 * N) / k;
      const pm = pathMeasures(u, options);
      expect(pm.pivots).toBe(k);
      within(pm.betweennessRaw, sum.map((b) => b * scale), 1e-12);
      const leafOnly = pathMeasures(u, { exactLimit: 0, samples, rng: createRng(seed), pendantTrees: false });
      within(pm.betweennessRaw, leafOnly.betweennessRaw, 1e-12);
      const se = pm.betweennessStdError as Float64Array, theirs = leafOnly.betweennessStdError as Float64Array;
      for (let v = 0; v < N; v++) {
        // The standard error from the whole-graph searches' sums and sums of squares (header of paths.ts).
        const max = v < u.n ? bipartiteBetweennessMax(u.n, u.m) : bipartiteBetweennessMax(u.m, u.n);
        const variance = k > 1 ? Math.max(0, ((squares[v] as number) - (sum[v] as number) ** 2 / k) / (k - 1)) : 0;
        const expected = k > 1 && max > 0 ? ((N / 2) * Math.sqrt(((1 - k / N) * variance) / k)) / max : 0;
        expect(Math.abs((se[v] as number) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, expected));
        expect(Math.abs((se[v] as number) - (theirs[v] as number))).toBeLessThanOrEqual(1e-9 * Math.max(1, theirs[v] as number));
      }
    }), { seed: 25, numRuns: 200 });
  });
  it('counts a pivot in a tree by its root: a path of five sampled at its two ends searches nothing and gives the exact shares', () => {
    // c0–p0–c1–p1–c2 is a tree; pivots drawn from all 5 nodes: with k = 5 every node is a pivot and the
    // estimate is exact: 0, 4, 0, 3, 3, with standard error 0 (k = N).
    const u = unify(buildBipartiteIndex(bipartiteGraph(3, 2, [[0, 0], [1, 0], [1, 1], [2, 1]])));
    const plan = pathPlan(u, { exactLimit: 0, samples: 5, rng: createRng(1) });
    expect(plan.sources.length).toBe(0);
    const pm = pathMeasures(u, { exactLimit: 0, samples: 5, rng: createRng(1) });
    expect(Array.from(pm.betweennessRaw)).toEqual([0, 4, 0, 3, 3]);
    expect(Array.from(pm.betweennessStdError as Float64Array)).toEqual([0, 0, 0, 0, 0]);
  });
  it('cuts the roots into chunks whose sums add up to one range: the same bits in any arrival order', () => {
    const u = unify(buildBipartiteIndexFromDataset(...seedDataset(4)));
    const plan = pathPlan(u);
    expect(plan.trees).not.toBeNull();
    const K = chunkCount(plan);
    expect(K).toBeGreaterThan(2);
    const inOrder = pathTotals(plan);
    const total = chunkTotal(plan);
    for (let c = K - 1; c >= 0; c--) total.add(c, pathChunkSums(plan, c));
    const sums = total.result();
    sameBits(sums.bc, inOrder.bc);
    const whole = pathSums(plan, 0, plan.sources.length);
    within(sums.bc, whole.bc, 1e-12);
    for (const key of ['closeSum', 'reach', 'harmonic', 'ecc'] as const) sameBits(sums[key], whole[key] as ArrayLike<number>);
  });
});

describe('pendantTrees', () => {
  it('leaves a graph with a self-loop to the leaf-only method, exact and sampled: the values of whole-graph searches', () => {
    // c0–p0–c1 with a self-loop on p0 (an index built by hand: graphs from data never have one)
    const u: UnifiedIndex = { n: 2, m: 1, keys: ['c0', 'c1', 'p0'], offsets: Int32Array.of(0, 1, 2, 5), adj: Int32Array.of(2, 2, 0, 1, 2) };
    for (const options of [{}, { exactLimit: 0, samples: 3, rng: createRng(1) }]) {
      expect(pathPlan(u, options).trees).toBeNull();
      const pm = pathMeasures(u, options);
      expect(Array.from(pm.betweennessRaw)).toEqual([0, 0, 1]);
    }
    expect(Array.from(pathMeasures(u).distanceSum as Float64Array)).toEqual([3, 3, 2]);
  });
  const index = (lists: number[][], n: number): UnifiedIndex => {
    const offsets = new Int32Array(lists.length + 1);
    lists.forEach((l, v) => { offsets[v + 1] = (offsets[v] as number) + l.length; });
    return { n, m: lists.length - n, keys: lists.map((_, v) => `v${v}`), offsets, adj: Int32Array.from(lists.flat()) };
  };
  it('peels a 4-cycle with a tail and a separate path of three: parents, sizes, heights, histograms', () => {
    // 0–3–1–4–0 a cycle, 4–2–5 a tail; 6–7–8 a path (6, 8 home... sides do not matter here)
    const u = index([[3, 4], [3, 4], [4, 5], [0, 1], [0, 1, 2], [2], [7], [6, 8], [7]], 3);
    const t = pendantTrees(u);
    expect(t).not.toBeNull();
    expect(Array.from(t!.parent)).toEqual([-1, -1, 4, -1, -1, 2, 7, -1, 7]);
    expect(Array.from(t!.core.node)).toEqual([0, 1, 3, 4]);
    expect(Array.from(t!.size)).toEqual([1, 1, 2, 1, 3, 1, 1, 3, 1]);
    expect(Array.from(t!.height)).toEqual([0, 0, 1, 0, 2, 0, 0, 1, 0]);
    const hist = (v: number) => Array.from(t!.hist.subarray(t!.histOffsets[v], t!.histOffsets[v + 1]));
    expect(hist(4)).toEqual([1, 1, 1]);
    expect(hist(7)).toEqual([1, 2]);
  });
  it('declines a self-loop, a repeated neighbour, and histograms over the limit', () => {
    expect(pendantTrees(index([[0, 1], [0]], 1))).toBeNull();
    expect(pendantTrees(index([[1, 1], [0, 0]], 1))).toBeNull();
    const path = index([[1], [0, 2], [1, 3], [2]], 2);
    expect(pendantTrees(path)).not.toBeNull();
    expect(pendantTrees(path, 3)).toBeNull();
  });
});
