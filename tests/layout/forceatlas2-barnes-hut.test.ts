/**
 * ForceAtlas2 with Barnes–Hut on typed arrays (`forceatlas2-barnes-hut.ts` through `forceAtlas2Arrays`)
 * against graphology-layout-forceatlas2's own Barnes–Hut (the independent implementation): positions
 * equal bit for bit on random graphs, settings, θ and iteration counts, where nodes coincide (the
 * quadtree's split limit), on a few thousand nodes, and on the whole seed graph as `layoutForceAtlas2`
 * lays it out.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import { MultiUndirectedGraph } from 'graphology';
import { createBarnesHut, repulseRange } from '../../src/layout/forceatlas2-barnes-hut.js';
import type { RepulsionHelper } from '../../src/layout/forceatlas2-barnes-hut.js';
import { forceAtlas2Arrays } from '../../src/layout/forceatlas2.js';
import type { ForceAtlas2Input } from '../../src/layout/forceatlas2.js';
import { BARNES_HUT_THRESHOLD, layoutForceAtlas2 } from '../../src/layout/layout.js';
import { createRng } from '../../src/util/rng.js';
import { seedGraph } from '../export/_helpers.js';

/** graphology's positions for the same input: a multigraph with self-loops, attributes as it reads them. */
function graphologyPositions(input: ForceAtlas2Input, settings: ForceAtlas2Settings, iterations: number): { x: number[]; y: number[] } {
  const g = new MultiUndirectedGraph({ allowSelfLoops: true });
  for (let i = 0; i < input.x.length; i++) {
    g.addNode(`n${i}`, { x: input.x[i], y: input.y[i], size: input.size?.[i], fixed: input.fixed?.[i] ?? false });
  }
  for (let e = 0; e < input.source.length; e++) g.addEdge(`n${input.source[e]}`, `n${input.target[e]}`, { weight: input.weight[e] });
  const out = forceAtlas2(g, { iterations, settings, getEdgeWeight: 'weight' });
  const keys = g.nodes();
  return { x: keys.map((k) => (out[k] as { x: number }).x), y: keys.map((k) => (out[k] as { y: number }).y) };
}

/** How many positions differ from graphology's, compared as bits (`Object.is`: −0 and NaN included). */
function differences(input: ForceAtlas2Input, settings: ForceAtlas2Settings, iterations: number): number {
  const theirs = graphologyPositions(input, settings, iterations);
  const ours = forceAtlas2Arrays(input, settings, iterations);
  let count = 0;
  for (let i = 0; i < input.x.length; i++) if (!Object.is(ours.x[i], theirs.x[i]) || !Object.is(ours.y[i], theirs.y[i])) count++;
  return count;
}

/** n nodes uniform in [−50, 50]², m random edges of weight 1–3 (self-loops and repeats allowed), seeded. */
function randomInput(n: number, m: number, seed: number): ForceAtlas2Input {
  const rng = createRng(seed);
  const input: ForceAtlas2Input & { source: number[]; target: number[]; weight: number[] } = {
    x: Array.from({ length: n }, () => (rng() * 2 - 1) * 50), y: Array.from({ length: n }, () => (rng() * 2 - 1) * 50),
    source: [], target: [], weight: [],
  };
  for (let e = 0; e < m; e++) {
    input.source.push(Math.floor(rng() * n)); input.target.push(Math.floor(rng() * n)); input.weight.push(1 + Math.floor(rng() * 3));
  }
  return input;
}

describe('createBarnesHut', () => {
  it('rejects positions for another node count', () => {
    const f = new Float32Array(3);
    expect(() => createBarnesHut(2).run(f, f, f, f, f, 1, 0.25)).toThrow(/made for 2 nodes, given 3/);
  });

  it('repulses two nodes by kr m₁ m₂ / d² · Δ each way (the tree holds one node per leaf)', () => {
    // (0, 0) and (3, 4), masses 2 and 3, kr = 1: D = 25, F on node 0 = 2·3/25 · (−3, −4).
    const x = Float32Array.of(0, 3), y = Float32Array.of(0, 4), mass = Float32Array.of(2, 3);
    const dx = new Float32Array(2), dy = new Float32Array(2);
    createBarnesHut(2).run(x, y, mass, dx, dy, 1, 0.25);
    expect([...dx]).toEqual([Math.fround((-3 * 6) / 25), Math.fround((3 * 6) / 25)]);
    expect([...dy]).toEqual([Math.fround((-4 * 6) / 25), Math.fround((4 * 6) / 25)]);
  });

  it('treats a far region as one body at its centre of mass, which graphology makes without the node that split it', () => {
    // Nodes at x = 0, 1000, 1001 on a line (mass 1, kr = 1). The root (side 1001, centre 500.5) takes
    // node 0; node 1 splits it: the root's mass becomes node 0's alone (graphology adds the node that
    // split a leaf to neither), node 1 goes to a child. Node 2 passes through the root: centre
    // (0·1 + 1001·1)/2 = 500.5, mass 2. With θ = 100 (4s²/D = 4·1001²/500.5² = 16 < θ² everywhere) node 0
    // sees the root as one body: F = 1·1·2/500.5² · (0 − 500.5) = −2/500.5, itself included.
    const x = Float32Array.of(0, 1000, 1001), y = new Float32Array(3), mass = Float32Array.of(1, 1, 1);
    const dx = new Float32Array(3), dy = new Float32Array(3);
    createBarnesHut(3).run(x, y, mass, dx, dy, 1, 100 * 100);
    expect(dx[0]).toBe(Math.fround(-2 / 500.5));
    expect(dy[0]).toBe(0);
  });
});

describe('createBarnesHut with a helper (walks shared between threads)', () => {
  /**
   * A helper on this thread: of each job it walks nodes 0 … cut − 1 itself (`repulseRange`, as its
   * thread would) and leaves the rest to the caller's `walk`; it counts its jobs.
   */
  const sameThreadHelper = (cut: number): RepulsionHelper & { jobs: number } => {
    const helper = {
      jobs: 0,
      accepts: () => true,
      memory: (bytes: number) => new SharedArrayBuffer(bytes),
      share(job: Parameters<RepulsionHelper['share']>[0], walk: (from: number, to: number) => void): void {
        helper.jobs++;
        repulseRange(job, 0, Math.min(cut, job.n));
        if (cut < job.n) walk(cut, job.n);
      },
    };
    return helper;
  };

  it('gives graphology\'s positions bit for bit when part of each iteration\'s walks is done elsewhere (shared memory)', () => {
    // The helper walks the first 4,113 nodes, the caller the other 6,131.
    const n = 10_244;
    const input = randomInput(n, 2 * n, 3);
    const settings = { ...forceAtlas2.inferSettings(n), barnesHutOptimize: true };
    const helper = sameThreadHelper(4113);
    const ours = forceAtlas2Arrays(input, settings, 3, { repulsionHelper: helper });
    const theirs = graphologyPositions(input, settings, 3);
    expect(helper.jobs).toBe(3);
    let count = 0;
    for (let i = 0; i < n; i++) if (!Object.is(ours.x[i], theirs.x[i]) || !Object.is(ours.y[i], theirs.y[i])) count++;
    expect(count).toBe(0);
  });

  it('walks every node on the caller\'s thread when the helper declines the layout', () => {
    const x = Float32Array.of(0, 3, 10), y = Float32Array.of(0, 4, -2), mass = Float32Array.of(2, 3, 1);
    const alone = { dx: new Float32Array(3), dy: new Float32Array(3) };
    createBarnesHut(3).run(x, y, mass, alone.dx, alone.dy, 1, 0.25);
    const declining: RepulsionHelper = { accepts: () => false, memory: () => { throw new Error('declined: no memory asked for'); }, share: () => { throw new Error('declined: nothing shared'); } };
    const shared = { dx: new Float32Array(3), dy: new Float32Array(3) };
    createBarnesHut(3, declining).run(x, y, mass, shared.dx, shared.dy, 1, 0.25);
    expect([...shared.dx]).toEqual([...alone.dx]);
    expect([...shared.dy]).toEqual([...alone.dy]);
    // By hand: node 0 is pushed from (3, 4) (m 3, D 25) and (10, −2) (m 1, D 104).
    expect(alone.dx[0]).toBe(Math.fround(Math.fround((-3 * 6) / 25) + (-10 * 2) / 104));
  });
});

describe('forceAtlas2Arrays with Barnes–Hut', () => {
  it('rejects a negative or missing θ, as graphology does', () => {
    const input = randomInput(3, 2, 1);
    expect(() => forceAtlas2Arrays(input, { barnesHutOptimize: true, barnesHutTheta: -1 }, 1)).toThrow(/barnesHutTheta/);
    expect(() => forceAtlas2Arrays(input, { barnesHutOptimize: true, barnesHutTheta: undefined }, 1)).toThrow(/barnesHutTheta/);
  });

  const settingsArb = fc.record({
    linLogMode: fc.boolean(),
    outboundAttractionDistribution: fc.boolean(),
    adjustSizes: fc.boolean(),
    edgeWeightInfluence: fc.constantFrom(0, 0.5, 1, 2),
    scalingRatio: fc.constantFrom(0, 0.5, 1, 10),
    strongGravityMode: fc.boolean(),
    gravity: fc.constantFrom(0, 0.05, 1),
    slowDown: fc.constantFrom(1, 2.5, 1 + Math.log(300)),
    barnesHutTheta: fc.constantFrom(0, 0.5, 1.2, 3),
  }, { requiredKeys: [] });
  // Coordinates from a small grid as well, so that nodes coincide or share a quadrant's boundary.
  const coord = fc.oneof(fc.double({ min: -100, max: 100, noNaN: true }), fc.constantFrom(0, 1, -1, 2.5, 50));
  const graphArb = fc.integer({ min: 1, max: 60 }).chain((n) => fc.record({
    x: fc.array(coord, { minLength: n, maxLength: n }),
    y: fc.array(coord, { minLength: n, maxLength: n }),
    size: fc.array(fc.constantFrom(0, 1, 2, 5, 0.5), { minLength: n, maxLength: n }),
    fixed: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    edges: fc.array(fc.record({
      s: fc.nat({ max: n - 1 }), t: fc.nat({ max: n - 1 }),
      w: fc.oneof(fc.constantFrom(1, 0, 0.5, 3), fc.double({ min: 0, max: 10, noNaN: true })),
    }), { maxLength: 3 * n }),
  }));

  it('gives graphology\'s positions bit for bit on random graphs, settings, θ and iteration counts (fast-check)', () => {
    fc.assert(fc.property(graphArb, settingsArb, fc.integer({ min: 1, max: 12 }), (g, settings, iterations) => {
      const input: ForceAtlas2Input = {
        x: g.x, y: g.y, size: g.size, fixed: g.fixed,
        source: g.edges.map((e) => e.s), target: g.edges.map((e) => e.t), weight: g.edges.map((e) => e.w),
      };
      expect(differences(input, { ...settings, barnesHutOptimize: true }, iterations)).toBe(0);
    }), { numRuns: 200, seed: 16 });
  });

  it('gives graphology\'s positions bit for bit where many nodes coincide (splits give up, nodes left out of the tree)', () => {
    // 40 nodes on 4 points: every split of two coinciding nodes fails, and after three more tries
    // graphology leaves the new node out of the tree.
    const n = 40;
    const input: ForceAtlas2Input = {
      x: Array.from({ length: n }, (_, i) => (i % 2) * 10), y: Array.from({ length: n }, (_, i) => (i % 4 < 2 ? 0 : 7)),
      source: Array.from({ length: n }, (_, i) => i), target: Array.from({ length: n }, (_, i) => (i * 7) % n),
      weight: Array.from({ length: n }, (_, i) => 1 + (i % 3)),
    };
    expect(differences(input, { barnesHutOptimize: true, scalingRatio: 2 }, 15)).toBe(0);
  });

  it('gives graphology\'s positions bit for bit on 3,000 nodes with inferred settings (10 iterations)', () => {
    const input = randomInput(3000, 6000, 7);
    expect(differences(input, { ...forceAtlas2.inferSettings(3000), barnesHutOptimize: true }, 10)).toBe(0);
  });
});

describe('layoutForceAtlas2 with Barnes–Hut', () => {
  it('places every node of the seed graph exactly where graphology-layout-forceatlas2 does (leaves laid out too)', () => {
    const graph = seedGraph();
    expect(graph.order).toBeGreaterThan(BARNES_HUT_THRESHOLD); // every node laid out: Barnes–Hut on
    const rng = createRng(42);
    const copy = new MultiUndirectedGraph({ allowSelfLoops: true });
    graph.forEachNode((k) => { copy.addNode(k, { x: (rng() * 2 - 1) * 50, y: (rng() * 2 - 1) * 50 }); });
    graph.forEachEdge((_e, _a, s, t) => { copy.addEdge(s, t, { weight: 1 }); });
    const settings = { ...forceAtlas2.inferSettings(copy), barnesHutOptimize: true };
    const expected = forceAtlas2(copy, { iterations: 30, settings, getEdgeWeight: 'weight' });

    const round = (v: number): number => { const r = Math.round(v * 1e12) / 1e12; return r === 0 ? 0 : r; };
    const positions = layoutForceAtlas2(graph, { seed: 42, iterations: 30, decimals: 12, leaves: 'layout' });
    copy.forEachNode((k) => {
      const e = expected[k] as { x: number; y: number };
      expect(positions.get(k)).toEqual({ x: round(e.x), y: round(e.y) });
    });
  });
});
