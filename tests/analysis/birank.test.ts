import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SideIndex } from '../../src/graph/bipartite-index.js';
import { birank, type BirankOptions } from '../../src/analysis/centrality/birank.js';
import { createRng } from '../../src/util/rng.js';

/** Both CSR halves of a bipartite graph with n left and m right nodes and edges (left i, right j). */
function sides(n: number, m: number, edges: [number, number][]): [SideIndex, SideIndex] {
  const half = (size: number, prefix: string, ends: [number, number][]): SideIndex => {
    const offsets = new Int32Array(size + 1), adj = new Int32Array(ends.length);
    for (const [a] of ends) offsets[a + 1]!++;
    for (let a = 0; a < size; a++) offsets[a + 1]! += offsets[a]!;
    const fill = offsets.slice(0, -1);
    for (const [a, b] of ends) adj[fill[a]!++] = b;
    return { keys: Array.from({ length: size }, (_, a) => `${prefix}${a + 1}`), offsets, adj };
  };
  return [half(n, 'u', edges), half(m, 'p', edges.map(([i, j]) => [j, i]))];
}

/** Dense S = D_u^{-1/2} W D_p^{-1/2}, n × m, rows of degree-0 nodes zero. */
function denseS(n: number, m: number, edges: [number, number][]): number[][] {
  const du = new Array<number>(n).fill(0), dp = new Array<number>(m).fill(0);
  for (const [i, j] of edges) { du[i]!++; dp[j]!++; }
  const S = Array.from({ length: n }, () => new Array<number>(m).fill(0));
  for (const [i, j] of edges) S[i]![j] = 1 / Math.sqrt(du[i]! * dp[j]!);
  return S;
}

/** A random simple bipartite graph: each of the n·m pairs is an edge with probability `density`. */
function randomGraph(rng: () => number, n: number, m: number, density: number): [number, number][] {
  const edges: [number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) if (rng() < density) edges.push([i, j]);
  return edges;
}

/**
 * The fixed point straight from its linear system, by dense Gaussian elimination with partial
 * pivoting: unknowns x = (u, p), equations u − βSp = (1−β)u⁰ and p − αSᵀu = (1−α)p⁰.
 */
function solveFixedPoint(S: number[][], alpha: number, beta: number, u0: number[], p0: number[]): { u: number[]; p: number[] } {
  const n = u0.length, m = p0.length, N = n + m;
  const A = Array.from({ length: N }, (_, r) => {
    const row = new Array<number>(N + 1).fill(0);
    row[r] = 1;
    return row;
  });
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      A[i]![n + j] = -beta * S[i]![j]!;
      A[n + j]![i] = -alpha * S[i]![j]!;
    }
    A[i]![N] = (1 - beta) * u0[i]!;
  }
  for (let j = 0; j < m; j++) A[n + j]![N] = (1 - alpha) * p0[j]!;
  for (let c = 0; c < N; c++) {
    let pivot = c;
    for (let r = c + 1; r < N; r++) if (Math.abs(A[r]![c]!) > Math.abs(A[pivot]![c]!)) pivot = r;
    [A[c], A[pivot]] = [A[pivot]!, A[c]!];
    for (let r = c + 1; r < N; r++) {
      const f = A[r]![c]! / A[c]![c]!;
      for (let k = c; k <= N; k++) A[r]![k]! -= f * A[c]![k]!;
    }
  }
  const x = new Array<number>(N).fill(0);
  for (let r = N - 1; r >= 0; r--) {
    let s = A[r]![N]!;
    for (let k = r + 1; k < N; k++) s -= A[r]![k]! * x[k]!;
    x[r] = s / A[r]![r]!;
  }
  return { u: x.slice(0, n), p: x.slice(n) };
}

describe('birank: invalid input', () => {
  const [l, r] = sides(2, 1, [[0, 0], [1, 0]]);
  it.each<[string, BirankOptions, RegExp]>([
    ['alpha below 0', { alpha: -0.1 }, /alpha must be in \[0, 1\), got -0.1/],
    ['alpha equal to 1', { alpha: 1 }, /alpha must be in \[0, 1\), got 1/],
    ['alpha NaN', { alpha: Number.NaN }, /alpha must be in \[0, 1\), got NaN/],
    ['beta above 1', { beta: 1.1 }, /beta must be in \[0, 1\), got 1.1/],
    ['beta equal to 1', { beta: 1 }, /beta must be in \[0, 1\), got 1/],
    ['a zero tolerance', { tolerance: 0 }, /tolerance must be positive, got 0/],
    ['a fractional maxIterations', { maxIterations: 2.5 }, /maxIterations must be a positive integer, got 2.5/],
    ['a zero maxIterations', { maxIterations: 0 }, /maxIterations must be a positive integer, got 0/],
    ['a left query of the wrong length', { leftQuery: new Float64Array(3) }, /leftQuery has 3 values for 2 nodes/],
    ['a negative right query value', { rightQuery: Float64Array.of(-1) }, /rightQuery\[0\] must be finite and non-negative, got -1/],
    ['an infinite left query value', { leftQuery: Float64Array.of(0, Infinity) }, /leftQuery\[1\] must be finite and non-negative/],
  ])('refuses %s', (_what, options, message) => {
    expect(() => birank(l, r, options)).toThrow(message);
  });
  it('refuses a graph with an empty side', () => {
    const [a, b] = sides(2, 0, []);
    expect(() => birank(a, b)).toThrow(/both sides need a node \(left 2, right 0\)/);
  });
  it('refuses two sides that disagree on the number of edges', () => {
    const [, b] = sides(2, 1, [[0, 0]]);
    expect(() => birank(l, b)).toThrow(/analysis\/birank: the two sides disagree on the number of edges/);
  });
  it('throws when it has not converged within maxIterations', () => {
    expect(() => birank(l, r, { maxIterations: 1 })).toThrow(/analysis\/birank: no convergence in 1 iterations \(tolerance 1e-12\)/);
  });
});

describe('birank: values worked out by hand', () => {
  it('gives u = (60 + 51√2)/222 and p = (120 + 51√2)/222 on the path u1–p1–u2', () => {
    // α = β = 17/20, S = (1/√2, 1/√2)ᵀ, u⁰ = 1/2, p⁰ = 1. By symmetry u1 = u2 = u:
    // p = α·2u/√2 + (1−α) = α√2·u + 3/20,  u = β·p/√2 + (1−β)/2 = β·p/√2 + 3/40.
    // u = αβ·u + β(1−α)/√2 + 3/40 → (111/400)·u = 51/(400√2) + 30/400 → u = (30 + 51/√2)/111 = (60 + 51√2)/222.
    // p = (17/20)·√2·(60 + 51√2)/222 + 3/20 = (1020√2 + 1734 + 666)/4440 = (120 + 51√2)/222.
    // The stopping rule bounds the last change, not the error (≤ αβ/(1−αβ) ≈ 2.6 times the change):
    // a tolerance of 1e-14 makes the error < 1e-13.
    const [l, r] = sides(2, 1, [[0, 0], [1, 0]]);
    const { left, right, iterations } = birank(l, r, { tolerance: 1e-14 });
    const u = (60 + 51 * Math.SQRT2) / 222, p = (120 + 51 * Math.SQRT2) / 222;
    expect(left[0]).toBeCloseTo(u, 12);
    expect(left[1]).toBeCloseTo(u, 12);
    expect(right[0]).toBeCloseTo(p, 12);
    expect(iterations).toBeLessThan(200);
  });

  it('gives an isolated node its teleport term only, (1−β)·u⁰ = 3/40, and no NaN', () => {
    // Edge u1–p1, u2 isolated; α = β = 17/20, u⁰ = 1/2, p⁰ = 1, S_11 = 1/√(1·1) = 1.
    // p = α·u1 + 3/20, u1 = β·p + 3/40 → (111/400)·u1 = 51/400 + 30/400 → u1 = 81/111 = 27/37;
    // p = (17/20)(27/37) + 3/20 = (459 + 111)/740 = 57/74;  u2 = 0 + (3/20)·(1/2) = 3/40.
    const [l, r] = sides(2, 1, [[0, 0]]);
    const { left, right } = birank(l, r, { tolerance: 1e-14 });
    expect(left[0]).toBeCloseTo(27 / 37, 12);
    expect(left[1]).toBeCloseTo(3 / 40, 15);
    expect(right[0]).toBeCloseTo(57 / 74, 12);
  });

  it('gives (3 + √2)/10 at the ends and (4 + √2)/10 inside the path u1–p1–u2–p2 with α = β = 1/2', () => {
    // Degrees u1 1, p1 2, u2 2, p2 1; S: u1–p1 1/√2, u2–p1 1/2, u2–p2 1/√2; u⁰ = p⁰ = 1/2.
    // Reversing the path swaps u1 ↔ p2 and p1 ↔ u2, and α = β, u⁰ = p⁰: so u1 = p2 = a, p1 = u2 = b.
    // a = ½·b/√2 + ¼,  b = ½(a/√2 + b/2) + ¼ → b = (√2·a + 1)/3;
    // a = a/6 + 1/(6√2) + ¼ → (5/6)a = (√2 + 3)/12 → a = (3 + √2)/10, b = (√2(3 + √2)/10 + 1)/3 = (4 + √2)/10.
    const [l, r] = sides(2, 2, [[0, 0], [1, 0], [1, 1]]);
    const { left, right } = birank(l, r, { alpha: 0.5, beta: 0.5 });
    const a = (3 + Math.SQRT2) / 10, b = (4 + Math.SQRT2) / 10;
    expect(Array.from(left)).toEqual([expect.closeTo(a, 12), expect.closeTo(b, 12)]);
    expect(Array.from(right)).toEqual([expect.closeTo(b, 12), expect.closeTo(a, 12)]);
  });

  it('reaches the closed form of the path u1–p1–u2 at alpha = beta = 0.99 within the default maxIterations', () => {
    // From the first case with α, β free: u = (β(1−α)/√2 + (1−β)/2)/(1 − αβ), p = α√2·u + (1−α).
    // The contraction factor αβ = 0.9801 makes this the slow end: about 1100 iterations.
    const [l, r] = sides(2, 1, [[0, 0], [1, 0]]);
    const alpha = 0.99, beta = 0.99;
    const { left, right, iterations } = birank(l, r, { alpha, beta });
    const u = (beta * (1 - alpha) / Math.SQRT2 + (1 - beta) / 2) / (1 - alpha * beta);
    expect(left[0]).toBeCloseTo(u, 9);
    expect(right[0]).toBeCloseTo(alpha * Math.SQRT2 * u + (1 - alpha), 9);
    expect(iterations).toBeGreaterThan(1000);
  });

  it('returns the query vectors themselves when alpha = beta = 0', () => {
    const [l, r] = sides(2, 2, [[0, 0], [1, 0], [1, 1]]);
    const leftQuery = Float64Array.of(0.2, 0.8), rightQuery = Float64Array.of(3, 0);
    const { left, right } = birank(l, r, { alpha: 0, beta: 0, leftQuery, rightQuery });
    expect(Array.from(left)).toEqual([0.2, 0.8]);
    expect(Array.from(right)).toEqual([3, 0]);
  });

  it('does not change its input', () => {
    const [l, r] = sides(2, 2, [[0, 0], [1, 0], [1, 1]]);
    const before = JSON.stringify([l, r].map((s) => [s.keys, Array.from(s.offsets), Array.from(s.adj)]));
    const leftQuery = Float64Array.of(1, 2);
    birank(l, r, { leftQuery });
    expect(JSON.stringify([l, r].map((s) => [s.keys, Array.from(s.offsets), Array.from(s.adj)]))).toBe(before);
    expect(Array.from(leftQuery)).toEqual([1, 2]);
  });
});

describe('birank: the fixed point', () => {
  const graphArb = fc
    .record({ n: fc.integer({ min: 1, max: 9 }), m: fc.integer({ min: 1, max: 9 }), density: fc.double({ min: 0, max: 1, noNaN: true }), seed: fc.nat() })
    .map(({ n, m, density, seed }) => ({ n, m, edges: randomGraph(createRng(seed), n, m, density) }));
  const parameterArb = fc.record({
    alpha: fc.double({ min: 0, max: 0.99, noNaN: true }),
    beta: fc.double({ min: 0, max: 0.99, noNaN: true }),
    queries: fc.boolean(),
  });

  it('satisfies both update equations to 1e-10 on random graphs (fast-check, seed 20170101)', () => {
    fc.assert(fc.property(graphArb, parameterArb, ({ n, m, edges }, { alpha, beta, queries }) => {
      const [l, r] = sides(n, m, edges);
      const u0 = queries ? Float64Array.from({ length: n }, (_, i) => (i * 7919) % 5) : new Float64Array(n).fill(1 / n);
      const p0 = queries ? Float64Array.from({ length: m }, (_, j) => (j * 104729) % 3) : new Float64Array(m).fill(1 / m);
      const { left: u, right: p } = birank(l, r, { alpha, beta, ...(queries ? { leftQuery: u0, rightQuery: p0 } : {}) });
      const S = denseS(n, m, edges);
      for (let j = 0; j < m; j++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += S[i]![j]! * u[i]!;
        expect(Math.abs(p[j]! - (alpha * s + (1 - alpha) * p0[j]!))).toBeLessThan(1e-10);
      }
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < m; j++) s += S[i]![j]! * p[j]!;
        expect(Math.abs(u[i]! - (beta * s + (1 - beta) * u0[i]!))).toBeLessThan(1e-10);
      }
    }), { seed: 20170101, numRuns: 300 });
  });

  it('equals the solution of the linear system by Gaussian elimination to 1e-9 on random graphs', () => {
    const rng = createRng(2611584);
    for (let trial = 0; trial < 60; trial++) {
      const n = 1 + Math.floor(rng() * 12), m = 1 + Math.floor(rng() * 12);
      const edges = randomGraph(rng, n, m, 0.05 + 0.6 * rng());
      const alpha = trial % 3 === 0 ? 0.85 : 0.99 * rng(), beta = trial % 3 === 0 ? 0.85 : 0.99 * rng();
      const [l, r] = sides(n, m, edges);
      const { left, right } = birank(l, r, { alpha, beta });
      const { u, p } = solveFixedPoint(denseS(n, m, edges), alpha, beta, new Array<number>(n).fill(1 / n), new Array<number>(m).fill(1 / m));
      for (let i = 0; i < n; i++) expect(Math.abs(left[i]! - u[i]!)).toBeLessThan(1e-9);
      for (let j = 0; j < m; j++) expect(Math.abs(right[j]! - p[j]!)).toBeLessThan(1e-9);
    }
  });
});
