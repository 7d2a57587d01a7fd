import { describe, expect, it } from 'vitest';
import { barberModularity } from '../../../src/analysis/communities/barber-modularity.js';
import { createRng } from '../../../src/util/rng.js';
import { blocks, indexOf, labels } from './helpers.js';

// Path a–x–b–y: home a, b; partners x, y; edges a–x, b–x, b–y; m = 3; degrees k = (1, 2), d = (2, 1).
const path = indexOf(['a', 'b'], ['x', 'y'], [['a', 'x'], ['b', 'x'], ['b', 'y']]);

/** The definition itself, O(n_home · n_partner): Q = (1/m) Σ_ij (A_ij − k_i d_j / m) δ(g_i, h_j). */
function naiveQ(index: ReturnType<typeof indexOf>, g: Int32Array, h: Int32Array): number {
  const m = index.edges, nC = index.home.keys.length, nP = index.partner.keys.length;
  const A = Array.from({ length: nC }, () => new Array<number>(nP).fill(0));
  for (let i = 0; i < nC; i++) for (let e = index.home.offsets[i]!; e < index.home.offsets[i + 1]!; e++) A[i]![index.home.adj[e]!] = 1;
  let q = 0;
  for (let i = 0; i < nC; i++) {
    const k = index.home.offsets[i + 1]! - index.home.offsets[i]!;
    for (let j = 0; j < nP; j++) {
      const d = index.partner.offsets[j + 1]! - index.partner.offsets[j]!;
      if (g[i] === h[j]) q += A[i]![j]! - (k * d) / m;
    }
  }
  return q / m;
}

describe('barberModularity', () => {
  it('rejects a graph without edges, since Q divides by m = 0', () => {
    const empty = indexOf(['a'], ['x'], []);
    expect(() => barberModularity(empty, { home: labels(0), partner: labels(0) })).toThrow(/analysis\/barber-modularity: the graph has no edges \(m = 0\)/);
  });

  it('rejects membership arrays whose lengths do not match the sides', () => {
    expect(() => barberModularity(path, { home: labels(0), partner: labels(0, 0) })).toThrow(/home membership has 1 labels for 2 nodes/);
    expect(() => barberModularity(path, { home: labels(0, 0), partner: labels(0, 0, 0) })).toThrow(/partner membership has 3 labels for 2 nodes/);
  });

  it('rejects negative labels', () => {
    expect(() => barberModularity(path, { home: labels(0, -1), partner: labels(0, 0) })).toThrow(/home node 1 \("b"\) has negative label -1/);
  });

  it('gives 1/2 for two disjoint K_{2,2} blocks split naturally: 2·(4/8 − 4·4/64)', () => {
    const index = blocks([[2, 2], [2, 2]]);
    expect(index.edges).toBe(8);
    expect(barberModularity(index, { home: labels(0, 0, 1, 1), partner: labels(0, 0, 1, 1) })).toBe(1 / 2);
  });

  it('gives 0 with everything in one community: 8/8 − 8·8/64', () => {
    const index = blocks([[2, 2], [2, 2]]);
    expect(barberModularity(index, { home: labels(0, 0, 0, 0), partner: labels(0, 0, 0, 0) })).toBe(0);
  });

  it('gives −1/2 for two K_{2,2} blocks with the sides crossed: 0/8 − 2·(4·4)/64', () => {
    const index = blocks([[2, 2], [2, 2]]);
    expect(barberModularity(index, { home: labels(0, 0, 1, 1), partner: labels(1, 1, 0, 0) })).toBe(-1 / 2);
  });

  it('gives 2/9 for the path a–x–b–y split {a, x} | {b, y}', () => {
    // e = 2 (a–x, b–y); K = (k_a, k_b) = (1, 2); D = (d_x, d_y) = (2, 1);
    // Q = 2/3 − (1·2 + 2·1)/9 = 6/9 − 4/9 = 2/9.
    expect(barberModularity(path, { home: labels(0, 1), partner: labels(0, 1) })).toBe(2 / 9);
  });

  it('gives 0 for the path split {a} | {b, x, y}: 2/3 − (1·0 + 2·3)/9', () => {
    expect(barberModularity(path, { home: labels(0, 1), partner: labels(1, 1) })).toBe(0);
  });

  it('reads any non-negative labels, contiguous or not', () => {
    expect(barberModularity(path, { home: labels(7, 1000), partner: labels(7, 1000) })).toBe(2 / 9);
  });

  it('agrees with the O(n²) definition on seeded random graphs and partitions', () => {
    const rng = createRng(7);
    for (let trial = 0; trial < 20; trial++) {
      const nC = 2 + Math.floor(rng() * 6), nP = 2 + Math.floor(rng() * 6), c = 1 + Math.floor(rng() * 4);
      const home = Array.from({ length: nC }, (_, i) => `c${i}`), partner = Array.from({ length: nP }, (_, j) => `p${j}`);
      const edges: [string, string][] = [['c0', 'p0']];
      for (let i = 0; i < nC; i++) for (let j = 0; j < nP; j++) if ((i || j) && rng() < 0.4) edges.push([`c${i}`, `p${j}`]);
      const index = indexOf(home, partner, edges);
      const g = Int32Array.from(home, () => Math.floor(rng() * c)), h = Int32Array.from(partner, () => Math.floor(rng() * c));
      expect(barberModularity(index, { home: g, partner: h })).toBeCloseTo(naiveQ(index, g, h), 14);
    }
  });
});
