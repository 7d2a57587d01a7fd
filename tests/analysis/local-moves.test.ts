import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonical } from '../../src/analysis/communities/louvain-projection.js';
import { aggregate, improvePartition, LocalMovesWorkspace, weightedCsr } from '../../src/analysis/communities/local-moves.js';
import { modularity } from '../../src/analysis/communities/modularity.js';
import { edgeWeight, edgeWeights, project, WEIGHT_KINDS } from '../../src/analysis/projection/project.js';
import { buildBipartiteIndexFromDataset } from '../../src/graph/bipartite-index.js';
import { bipartiteNodes } from '../../src/graph/build-bipartite.js';
import { parseSisterCityList } from '../../src/parse/parse-list.js';
import { createRng } from '../../src/util/rng.js';

describe('canonical', () => {
  it('numbers by size desc, ties by first member, on small labels (counting sort) and on large or negative ones (map)', () => {
    // sizes: 7 → 2 (first at 1), 5 → 1 (first at 0), 9 → 1 (first at 3): 7 = 0, 5 = 1, 9 = 2.
    expect(Array.from(canonical(Int32Array.from([5, 7, 7, 9])))).toEqual([1, 0, 0, 2]);
    expect(Array.from(canonical(Int32Array.from([-5, 70000, 70000, 9])))).toEqual([1, 0, 0, 2]);
    // three of size 2: in order of first member (3 at 0, 0 at 1, 1 at 2).
    expect(Array.from(canonical(Int32Array.from([3, 0, 1, 3, 0, 1])))).toEqual([0, 1, 2, 0, 1, 2]);
  });
  it('does not depend on how labels are spelled (fast-check)', () => {
    fc.assert(fc.property(fc.array(fc.nat(6), { minLength: 1, maxLength: 40 }), (labels) => {
      const small = canonical(Int32Array.from(labels));
      const spelled = canonical(Int32Array.from(labels, (c) => c * 1_000_003 - 7));
      expect(Array.from(spelled)).toEqual(Array.from(small));
    }));
  });
});

describe('edgeWeights', () => {
  it('gives, edge by edge, what edgeWeight gives, for every measure', () => {
    const ds = parseSisterCityList(readFileSync('data/raw/china-sister-cities.txt', 'utf8'));
    const index = buildBipartiteIndexFromDataset(ds, bipartiteNodes(ds, { districts: 'separate' }));
    const p = project(index, 'home');
    for (const kind of WEIGHT_KINDS) {
      expect(Array.from(edgeWeights(p, kind))).toEqual(Array.from({ length: p.u.length }, (_, i) => edgeWeight(p, i, kind)));
    }
  });
});

describe('local moves with a reused workspace', () => {
  // Two triangles joined by one edge (Q = 5/14 split in the two triangles), plus a pendant node.
  const u = Int32Array.from([0, 0, 1, 3, 3, 4, 2, 5]), v = Int32Array.from([1, 2, 2, 4, 5, 5, 3, 6]);
  const w = Float64Array.from([1, 1, 1, 1, 1, 1, 1, 1]);
  it('keeps strengths and twice the total weight with the CSR', () => {
    const g = weightedCsr(7, u, v, w);
    expect(Array.from(g.strength)).toEqual([2, 2, 3, 3, 2, 3, 1]);
    expect(g.total).toBe(16);
  });
  it('aggregates a partition into a graph of communities with self-loops listed twice', () => {
    const { graph, labels } = aggregate(weightedCsr(7, u, v, w), Int32Array.from([4, 4, 4, 9, 9, 9, 9]));
    expect(Array.from(labels)).toEqual([0, 0, 0, 1, 1, 1, 1]);
    // inside weights 3 and 4, one edge between: strengths 2·3 + 1 = 7 and 2·4 + 1 = 9.
    expect(graph.n).toBe(2);
    expect(Array.from(graph.strength)).toEqual([7, 9]);
  });
  it('keeps the total strength 2W at every level: a self-loop is carried once, not doubled, by a second aggregation', () => {
    const level1 = aggregate(weightedCsr(7, u, v, w), Int32Array.from([0, 0, 0, 1, 1, 1, 1])).graph;
    expect(level1.total).toBe(16);
    // Both communities into one: self-loop 3 + 4 + the edge between = 8 = W, strength 16.
    const level2 = aggregate(level1, Int32Array.from([0, 0])).graph;
    expect(level2.n).toBe(1);
    expect(Array.from(level2.strength)).toEqual([16]);
    expect(level2.total).toBe(16);
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.nat(9), fc.nat(9), fc.integer({ min: 1, max: 4 })), { minLength: 1, maxLength: 40 }),
      fc.array(fc.nat(3), { minLength: 10, maxLength: 10 }), fc.array(fc.nat(1), { minLength: 4, maxLength: 4 }),
      (edges, first, second) => {
        const g = weightedCsr(10, Int32Array.from(edges, (e) => e[0]), Int32Array.from(edges, (e) => e[1]), Float64Array.from(edges, (e) => e[2]));
        const a = aggregate(g, Int32Array.from(first)).graph;
        const b = aggregate(a, Int32Array.from({ length: a.n }, (_, i) => second[i] ?? 0)).graph;
        expect(a.total).toBe(g.total);
        expect(b.total).toBe(g.total);
      }));
  });
  it('finds the same partition with a fresh workspace per run as with one reused across runs and graphs', () => {
    const g = weightedCsr(7, u, v, w);
    const shared = new LocalMovesWorkspace();
    // A larger graph first, so that the workspace's arrays are bigger than needed and hold old values.
    const big = weightedCsr(12, Int32Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0]), Int32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 11]), new Float64Array(12).fill(2));
    improvePartition(big, Int32Array.from({ length: 12 }, (_, i) => i), 1, createRng(1), shared);
    for (let seed = 0; seed < 5; seed++) {
      const a = Int32Array.from({ length: 7 }, (_, i) => i), b = Int32Array.from(a);
      improvePartition(g, a, 1, createRng(seed));
      improvePartition(g, b, 1, createRng(seed), shared);
      expect(Array.from(b)).toEqual(Array.from(a));
      // {0,1,2} and {3,4,5,6}: inside 3 and 4 of W = 8, strengths 7 and 9: Q = 3/8 − (7/16)² + 4/8 − (9/16)² = 47/128.
      expect(Array.from(canonical(a))).toEqual([1, 1, 1, 0, 0, 0, 0]);
      expect(modularity(7, u, v, w, a)).toBeCloseTo(47 / 128, 15);
    }
  });
});
