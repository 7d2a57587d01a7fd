import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { barberModularity } from '../../../src/analysis/communities/barber-modularity.js';
import { brim } from '../../../src/analysis/communities/brim.js';
import { buildBipartiteGraph } from '../../../src/graph/build-bipartite.js';
import { buildBipartiteIndex } from '../../../src/graph/bipartite-index.js';
import { parseSisterCityList } from '../../../src/parse/parse-list.js';
import { createRng } from '../../../src/util/rng.js';
import { blocks, indexOf, labels } from './helpers.js';

// Two disjoint K_{3,3}: m = 18, each block has e = 9, K = D = 9: Q = 2·(9/18 − 81/324) = 2·(1/2 − 1/4) = 1/2.
const twoK33 = blocks([[3, 3], [3, 3]]);

describe('brim', () => {
  it('rejects a graph without edges', () => {
    expect(() => brim(indexOf(['a'], ['x'], []), { rng: createRng(1) })).toThrow(/analysis\/brim: the graph has no edges \(m = 0; 1 home, 1 partner nodes\)/);
  });

  it.each([
    [{ restarts: -1 }, /restarts must be an integer ≥ 0, got -1/],
    [{ restarts: 0 }, /restarts = 0 and no initial partition/],
    [{ maxCommunities: 0 }, /maxCommunities must be an integer ≥ 1, got 0/],
    [{ maxCommunities: 2.5 }, /maxCommunities must be an integer ≥ 1, got 2.5/],
    [{ initial: { home: labels(0), partner: labels(0) } }, /initial partition has 1 home and 1 partner labels for 6 and 6 nodes/],
  ])('rejects the options %o', (extra, message) => {
    expect(() => brim(twoK33, { rng: createRng(1), ...extra })).toThrow(message);
  });

  it('finds the two K_{3,3} blocks with Q = 1/2, for every seed from 1 to 20', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const r = brim(twoK33, { rng: createRng(seed) });
      expect(r.modularity).toBe(1 / 2);
      expect(r.communities).toBe(2);
      expect([...r.home]).toEqual([0, 0, 0, 1, 1, 1]);
      expect([...r.partner]).toEqual([0, 0, 0, 1, 1, 1]);
    }
  });

  it('returns identical output for the same seed', () => {
    const index = blocks([[2, 3], [3, 2], [4, 4], [1, 2]]);
    const a = brim(index, { rng: createRng(123), restarts: 4 });
    const b = brim(index, { rng: createRng(123), restarts: 4 });
    expect(b).toEqual(a);
  });

  it('reports the Q that barberModularity gives its membership', () => {
    // Two K_{3,3} joined by one edge 0c0–1p0: m = 19; the blocks split gives
    // e = 18, K = (10, 9), D = (9, 10): Q = 18/19 − 180/361 = 162/361.
    const index = indexOf(
      [...twoK33.home.keys], [...twoK33.partner.keys],
      [...blockEdges(0), ...blockEdges(1), ['0c0', '1p0']],
    );
    const r = brim(index, { rng: createRng(5) });
    expect(r.modularity).toBe(barberModularity(index, r));
    expect(r.modularity).toBe((18 * 19 - 180) / 361);
  });

  it('refines an initial partition and never returns less than its Q', () => {
    // Everything in one community (Q = 0) cannot be split with one label: BRIM keeps it.
    const one = brim(twoK33, { rng: createRng(1), restarts: 0, initial: { home: labels(0, 0, 0, 0, 0, 0), partner: labels(0, 0, 0, 0, 0, 0) } });
    expect(one.modularity).toBe(0);
    expect(one.communities).toBe(1);
    // The natural split, with non-contiguous labels, is a fixed point: two half-steps, the second moves nothing.
    const natural = brim(twoK33, { rng: createRng(1), restarts: 0, initial: { home: labels(9, 9, 9, 4, 4, 4), partner: labels(9, 9, 9, 4, 4, 4) } });
    expect(natural.modularity).toBe(1 / 2);
    expect(natural.iterations).toBe(2);
    expect([...natural.home, ...natural.partner]).toEqual([0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1]);
  });

  it('accepts initial labels far beyond the number of nodes (renumbered densely first)', () => {
    const big = 2_000_000_000;
    const r = brim(twoK33, { rng: createRng(1), restarts: 0, initial: { home: labels(big, big, big, 7, 7, 7), partner: labels(big, big, big, 7, 7, 7) } });
    // The same fixed point as labels (9, 4): Q = 1/2, blocks numbered in order of first appearance.
    expect(r.modularity).toBe(1 / 2);
    expect([...r.home, ...r.partner]).toEqual([0, 0, 0, 1, 1, 1, 0, 0, 0, 1, 1, 1]);
  });

  it('rejects a negative initial label, naming the side and the node', () => {
    expect(() => brim(twoK33, { rng: createRng(1), restarts: 0, initial: { home: labels(0, 0, 0, 1, 1, 1), partner: labels(0, 0, -2, 1, 1, 1) } }))
      .toThrow(/analysis\/brim: initial partner label 2 is negative \(-2\)/);
  });

  it('gives every node of degree 0 a community of its own', () => {
    const index = indexOf(['a', 'lonely', 'b'], ['x', 'y', 'alone'], [['a', 'x'], ['b', 'y']]);
    const r = brim(index, { rng: createRng(3) });
    // a–x | b–y: e = 2, K = D = (1, 1), Q = 2/2 − 2/4 = 1/2.
    expect(r.modularity).toBe(1 / 2);
    expect([...r.home]).toEqual([0, 1, 2]);
    expect([...r.partner]).toEqual([0, 2, 3]);
    expect(r.communities).toBe(4);
  });

  it('reaches Q > 0.5 on the seed data set and labels every node', () => {
    const ds = parseSisterCityList(readFileSync('data/raw/china-sister-cities.txt', 'utf8'));
    const index = buildBipartiteIndex(buildBipartiteGraph(ds));
    const r = brim(index, { rng: createRng(1) });
    expect(r.modularity).toBeGreaterThan(0.5);
    expect(r.modularity).toBe(barberModularity(index, r));
    for (const c of [...r.home, ...r.partner]) {
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThan(r.communities);
    }
    expect(new Set([...r.home, ...r.partner]).size).toBe(r.communities);
  });
});

function blockEdges(b: number): [string, string][] {
  const edges: [string, string][] = [];
  for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) edges.push([`${b}c${i}`, `${b}p${j}`]);
  return edges;
}
