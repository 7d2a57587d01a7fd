/**
 * forceAtlas2Arrays against graphology-layout-forceatlas2 itself (the independent implementation):
 * positions equal bit for bit on random graphs over random settings and iteration counts, on both the
 * WebAssembly and the JavaScript repulsion, and on the seed's layout core as `layoutForceAtlas2` runs it.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import { MultiUndirectedGraph } from 'graphology';
import { FORCE_ATLAS2_DEFAULTS, forceAtlas2Arrays } from '../../src/layout/forceatlas2.js';
import type { ForceAtlas2Input } from '../../src/layout/forceatlas2.js';
import { KERNEL_BASE64 } from '../../src/layout/forceatlas2-repulsion.js';
import { repulsionKernelModule } from '../../src/layout/forceatlas2-kernel.js';
import { layoutForceAtlas2 } from '../../src/layout/layout.js';
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

/** Same numbers, −0 and NaN included (`Object.is`), index by index. */
function sameBits(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

describe('forceAtlas2Arrays', () => {
  const path: ForceAtlas2Input = { x: [0, 1, 2], y: [0, 0, 1], source: [0, 1], target: [1, 2], weight: [1, 1] };

  it.each([
    ['a negative Barnes–Hut θ', { barnesHutOptimize: true, barnesHutTheta: -0.5 }, /barnesHutTheta/],
    ['a setting of the wrong type', { linLogMode: 1 as unknown as boolean }, /linLogMode/],
    ['a negative gravity', { gravity: -1 }, /gravity/],
    ['a setting given as undefined (graphology rejects it too)', { scalingRatio: undefined }, /scalingRatio/],
  ])('rejects %s', (_name, settings, message) => {
    expect(() => forceAtlas2Arrays(path, settings, 1)).toThrow(message);
  });

  it.each([
    ['an edge to a node that does not exist', { ...path, target: [1, 3] }, /edge 1 joins 1 and 3/],
    ['fewer y than x positions', { ...path, y: [0, 0] }, /3 x but 2 y/],
    ['fewer weights than edges', { ...path, weight: [1] }, /2 sources, 2 targets, 1 weights/],
  ])('rejects %s', (_name, input, message) => {
    expect(() => forceAtlas2Arrays(input, {}, 1)).toThrow(message);
  });

  it('rejects a fractional iteration count and returns the float32 start positions after 0 iterations', () => {
    expect(() => forceAtlas2Arrays(path, {}, 1.5)).toThrow(/iterations/);
    const p = forceAtlas2Arrays({ ...path, x: [0.1, 1, 2] }, {}, 0);
    expect([...p.x]).toEqual([Math.fround(0.1), 1, 2]);
  });

  it('loads the WebAssembly kernel that forceatlas2-kernel.ts assembles', () => {
    const assembled = Buffer.from(repulsionKernelModule()).toString('base64');
    expect(KERNEL_BASE64, `KERNEL_BASE64 is out of date; the assembler now gives:\n${assembled}`).toBe(assembled);
  });

  it('lays settings over graphology-layout-forceatlas2\'s own defaults', () => {
    const defaults = createRequire(import.meta.url)('graphology-layout-forceatlas2/defaults.js') as Record<string, unknown>;
    expect(FORCE_ATLAS2_DEFAULTS).toEqual(defaults);
  });

  it('moves two nodes on one edge by hand-computed amounts in the first iteration', () => {
    // Nodes at (0, 0) and (3, 4), one edge of weight 1: masses 2 and 2, d = 5, defaults (kr = 1, gravity 1,
    // slowDown 1). Node 0: repulsion −(3, 4)·1·2·2/25, gravity 0 (at the origin), attraction +(3, 4)·1
    // → F₀ = (3, 4)·(1 − 4/25) = (63/25, 84/25), |F₀| = 21/5. First iteration: old F = 0, so
    // swinging = 2·|F₀| = 42/5, traction = |F₀|/2 = 21/10, speed = ln(1 + 21/10)/(1 + √(42/5)).
    const p = forceAtlas2Arrays({ x: [0, 3], y: [0, 4], source: [0], target: [1], weight: [1] }, {}, 1);
    const speed = Math.log(1 + 21 / 10) / (1 + Math.sqrt(42 / 5));
    expect(p.x[0]).toBeCloseTo((63 / 25) * speed, 6);
    expect(p.y[0]).toBeCloseTo((84 / 25) * speed, 6);
  });

  const settingsArb = fc.record({
    linLogMode: fc.boolean(),
    outboundAttractionDistribution: fc.boolean(),
    adjustSizes: fc.boolean(),
    edgeWeightInfluence: fc.constantFrom(0, 0.5, 1, 2),
    scalingRatio: fc.constantFrom(0, 0.5, 1, 10),
    strongGravityMode: fc.boolean(),
    gravity: fc.constantFrom(0, 0.05, 1),
    slowDown: fc.constantFrom(1, 2.5, 1 + Math.log(30)),
  }, { requiredKeys: [] });
  const coord = fc.oneof(fc.double({ min: -100, max: 100, noNaN: true }), fc.constantFrom(0, 1, -1));
  const graphArb = fc.integer({ min: 1, max: 24 }).chain((n) => fc.record({
    x: fc.array(coord, { minLength: n, maxLength: n }),
    y: fc.array(coord, { minLength: n, maxLength: n }),
    size: fc.array(fc.constantFrom(0, 1, 2, 5, 0.5), { minLength: n, maxLength: n }),
    fixed: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    edges: fc.array(fc.record({
      s: fc.nat({ max: n - 1 }), t: fc.nat({ max: n - 1 }),
      w: fc.oneof(fc.constantFrom(1, 0, 0.5, 3), fc.double({ min: 0, max: 10, noNaN: true })),
    }), { maxLength: 3 * n }),
  }));

  it('gives graphology\'s positions bit for bit on random graphs, settings and iteration counts (fast-check)', () => {
    fc.assert(fc.property(graphArb, settingsArb, fc.integer({ min: 1, max: 25 }), (g, settings, iterations) => {
      const input: ForceAtlas2Input = {
        x: g.x, y: g.y, size: g.size, fixed: g.fixed,
        source: g.edges.map((e) => e.s), target: g.edges.map((e) => e.t), weight: g.edges.map((e) => e.w),
      };
      const theirs = graphologyPositions(input, settings, iterations);
      for (const simd of [true, false]) {
        const ours = forceAtlas2Arrays(input, settings, iterations, { simd });
        expect(sameBits(ours.x, theirs.x) && sameBits(ours.y, theirs.y)).toBe(true);
      }
    }), { numRuns: 300 });
  });

  it('gives graphology\'s positions bit for bit where nodes coincide (d = 0) and on an odd and even count', () => {
    for (const n of [9, 10]) {
      const input: ForceAtlas2Input = {
        x: Array.from({ length: n }, (_, i) => (i % 3) * 7), y: Array.from({ length: n }, (_, i) => (i % 2) * 5),
        source: Array.from({ length: n }, (_, i) => i), target: Array.from({ length: n }, (_, i) => (i * 4) % n),
        weight: Array.from({ length: n }, (_, i) => 1 + (i % 3)),
      };
      const theirs = graphologyPositions(input, { scalingRatio: 2, strongGravityMode: true }, 40);
      for (const simd of [true, false]) {
        const ours = forceAtlas2Arrays(input, { scalingRatio: 2, strongGravityMode: true }, 40, { simd });
        expect(sameBits(ours.x, theirs.x) && sameBits(ours.y, theirs.y)).toBe(true);
      }
    }
  });
});

describe('layoutForceAtlas2 on typed arrays', () => {
  it('places the seed\'s core exactly where graphology-layout-forceatlas2 does (100 iterations)', () => {
    const graph = seedGraph();
    const keys = graph.nodes();
    const rng = createRng(42);
    const start = new Map(keys.map((k) => [k, { x: (rng() * 2 - 1) * 50, y: (rng() * 2 - 1) * 50 }]));
    // The core: all but leaves (degree 1 next to a node of degree > 1); a hub carries its leaves'
    // weight as a self-loop of half of it (unweighted layout: every edge weighs 1).
    const leafOf = (k: string): boolean => graph.degree(k) === 1 && graph.degree(graph.neighbors(k)[0] as string) > 1;
    const core = new MultiUndirectedGraph({ allowSelfLoops: true });
    for (const k of keys) if (!leafOf(k)) core.addNode(k, start.get(k));
    graph.forEachEdge((_e, _a, s, t) => { if (core.hasNode(s) && core.hasNode(t)) core.addEdge(s, t, { weight: 1 }); });
    for (const k of keys) {
      const leaves = graph.neighbors(k).filter(leafOf).length;
      if (core.hasNode(k) && leaves > 0) core.addEdge(k, k, { weight: leaves / 2 });
    }
    expect(core.order).toBeLessThan(1000); // no Barnes–Hut: the all-pairs repulsion
    const settings = { ...forceAtlas2.inferSettings(core), barnesHutOptimize: false };
    const expected = forceAtlas2(core, { iterations: 100, settings, getEdgeWeight: 'weight' });

    const round = (v: number): number => { const r = Math.round(v * 1e12) / 1e12; return r === 0 ? 0 : r; };
    const positions = layoutForceAtlas2(graph, { seed: 42, iterations: 100, decimals: 12 });
    core.forEachNode((k) => {
      const e = expected[k] as { x: number; y: number };
      expect(positions.get(k)).toEqual({ x: round(e.x), y: round(e.y) });
    });
  });
});
