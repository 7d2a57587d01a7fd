/**
 * Shortest-path measures from one breadth-first search per source (unweighted; edges of the
 * bipartite graph all have length 1):
 *
 * - betweenness (Brandes 2001, doi:10.1080/0022250X.2001.9990249): raw b(v) = Σ_{s≠v≠t} σ_st(v)/σ_st
 *   over unordered pairs; bipartite-normalised as NetworkX `bipartite.betweenness_centrality`
 *   (Borgatti & Halgin 2011): b(v) / b_max(side), where for a node on a side of size n facing m,
 *   s, t = divmod(n−1, m) and b_max = ½[m²(s+1)² + m(s+1)(2t−s−1) − t(2s−t+3)].
 *   Above `exactLimit` nodes, Brandes–Pich sampling: k pivot sources drawn with the seeded rng,
 *   raw estimate = (N/k) · Σ_pivots δ_s(v) / 2; the sample size is recorded, with each estimate's
 *   standard error from the spread of δ_s(v) over the pivots (sampling without replacement):
 *   SE(v) = (N/2) · √((1 − k/N) · s²_v / k), s²_v the sample variance of δ_s(v); normalised as b(v).
 * - closeness, NetworkX's bipartite formula: for v on a side of size n facing m,
 *   c(v) = (m + 2(n−1)) / Σ_u d(v,u) · (r−1)/(N−1), r = nodes reachable from v including v
 *   (Wasserman–Faust scaling for disconnected graphs). It can exceed 1 on a disconnected graph.
 * - Gephi's closeness: (r−1) / Σ_u d(v,u), the reciprocal mean distance to the reachable nodes.
 * - harmonic closeness (Marchiori & Latora 2000; Boldi & Vigna 2014, doi:10.1080/15427951.2013.865686):
 *   H(v) = Σ_{u≠v} 1/d(v,u) (unreachable: 0), and normalised H(v)/(N−1). Well defined when disconnected.
 * - eccentricity within the component, from which diameter and mean distance of the largest
 *   component follow.
 *
 * Exact mode runs no BFS from a leaf: a node ℓ of degree 1 whose neighbour h (its hub) has another
 * neighbour (in sister-city lists most foreign partners have one home partner). Every shortest
 * path from ℓ is ℓ–h followed by a shortest path from h, so d(ℓ,t) = 1 + d(h,t) and σ_ℓt = σ_ht
 * for t ≠ ℓ, and no shortest path between other nodes passes through ℓ. Hence, with r_h the nodes
 * reachable from h (h included) and k_h the leaves of h, exactly:
 *   δ_ℓ(v) = δ_h(v) for v ∉ {ℓ, h}, δ_ℓ(h) = r_h − 2 → h's BFS adds (1 + k_h)·δ_h(v) to b(v), v ≠ h,
 *   and k_h·(r_h − 2) to b(h);
 *   Σ_t d(ℓ,t) = Σ_t d(h,t) + r_h − 2, r_ℓ = r_h, ecc(ℓ) = ecc(h) + 1,
 *   H(ℓ) = 1 + ½(#neighbours of h − 1) + Σ_{d(h,t)≥2} 1/(1 + d(h,t)).
 * The distance sums, reaches, eccentricities and harmonic sums are those a BFS from ℓ would give,
 * bit for bit (the harmonic terms are added in the same order); betweenness sums the same
 * dependencies in another order, so it may differ from the all-sources sum in the last bits.
 *
 * @example  path a–x–b: betweenness raw of x = 1, closeness of x (bipartite) = (2+0)/2 = 1.
 */
import type { UnifiedIndex } from '../../graph/bipartite-index.js';
import type { Rng } from '../../util/rng.js';

export interface PathMeasures {
  betweennessRaw: Float64Array;
  betweenness: Float64Array;
  /** Standard error of the sampled (normalised) betweenness estimate; null when exact. */
  betweennessStdError: Float64Array | null;
  /** null when sampled (closeness needs every source). */
  closeness: Float64Array | null;
  closenessGephi: Float64Array | null;
  harmonic: Float64Array | null;
  harmonicNormalized: Float64Array | null;
  eccentricity: Int32Array | null;
  distanceSum: Float64Array | null;
  /** Number of pivot sources used (= N when exact). */
  pivots: number;
  exact: boolean;
}

export interface PathOptions {
  /** Exact up to this many nodes; sampled pivots above. */
  exactLimit?: number;
  /** Pivot sample size when sampling. */
  samples?: number;
  rng?: Rng;
}

export const PATH_DEFAULTS = { exactLimit: 50_000, samples: 256 } as const;

/** b_max for a node on a side of size n facing a side of size m (NetworkX / Borgatti–Halgin). */
export function bipartiteBetweennessMax(n: number, m: number): number {
  if (m === 0) return 0;
  const s = Math.floor((n - 1) / m), t = (n - 1) % m;
  return (m * m * (s + 1) ** 2 + m * (s + 1) * (2 * t - s - 1) - t * (2 * s - t + 3)) / 2;
}

export function pathMeasures(g: UnifiedIndex, options: PathOptions = {}): PathMeasures {
  const N = g.n + g.m;
  const exactLimit = options.exactLimit ?? PATH_DEFAULTS.exactLimit;
  const exact = N <= exactLimit;
  let sources: Int32Array;
  // hubOf[ℓ] = the hub of leaf ℓ (−1 if ℓ is no leaf); leavesAt[h] = k_h. Exact mode only: the
  // sampled estimator is defined over uniformly drawn pivots, leaves included.
  const hubOf = new Int32Array(exact ? N : 0).fill(-1);
  const leavesAt = new Int32Array(N);
  if (exact) {
    let count = 0;
    for (let v = 0; v < N; v++) {
      const h = leafHub(g, v);
      if (h >= 0) { hubOf[v] = h; leavesAt[h]!++; } else count++;
    }
    sources = new Int32Array(count);
    for (let v = 0, i = 0; v < N; v++) if (hubOf[v] === -1) sources[i++] = v;
  } else {
    if (!options.rng) throw new Error('analysis/paths: sampling pivots needs an rng');
    const k = Math.min(N, options.samples ?? PATH_DEFAULTS.samples);
    sources = samplePivots(N, k, options.rng);
  }
  const bc = new Float64Array(N);
  const bcSquares = exact ? null : new Float64Array(N);
  const closeSum = exact ? new Float64Array(N) : null;
  const reach = exact ? new Int32Array(N) : null;
  const harmonic = exact ? new Float64Array(N) : null;
  const ecc = exact ? new Int32Array(N) : null;

  const dist = new Int32Array(N).fill(-1);
  const sigma = new Float64Array(N);
  const delta = new Float64Array(N);
  const order = new Int32Array(N);
  for (const s of sources) {
    let head = 0, tail = 0;
    order[tail++] = s; dist[s] = 0; sigma[s] = 1;
    let sum = 0, h = 0, maxd = 0;
    while (head < tail) {
      const v = order[head++] as number;
      const dv = dist[v] as number;
      if (dv > 0) { sum += dv; h += 1 / dv; if (dv > maxd) maxd = dv; }
      for (let e = g.offsets[v] as number; e < (g.offsets[v + 1] as number); e++) {
        const w = g.adj[e] as number;
        if (dist[w] === -1) { dist[w] = dv + 1; order[tail++] = w; }
        if (dist[w] === dv + 1) sigma[w] = (sigma[w] as number) + (sigma[v] as number);
      }
    }
    // s stands for itself and its k_s leaves: δ_ℓ(w) = δ_s(w) for every w ≠ s.
    const k = leavesAt[s] as number, times = 1 + k;
    // dependencies, in reverse BFS order
    for (let i = tail - 1; i > 0; i--) {
      const w = order[i] as number;
      const dw = dist[w] as number;
      const coeff = (1 + (delta[w] as number)) / (sigma[w] as number);
      for (let e = g.offsets[w] as number; e < (g.offsets[w + 1] as number); e++) {
        const v = g.adj[e] as number;
        if (dist[v] === dw - 1) delta[v] = (delta[v] as number) + (sigma[v] as number) * coeff;
      }
      bc[w] = (bc[w] as number) + times * (delta[w] as number);
      if (bcSquares) bcSquares[w] = (bcSquares[w] as number) + (delta[w] as number) * (delta[w] as number);
    }
    if (closeSum && reach && harmonic && ecc) {
      closeSum[s] = sum; reach[s] = tail; harmonic[s] = h; ecc[s] = maxd;
      if (k > 0) {
        // Each leaf ℓ of s lies on the path from every other reachable t to s: δ_ℓ(s) = r_s − 2.
        bc[s] = (bc[s] as number) + k * (tail - 2);
        // H_ℓ: 1 for s, ½ for each other neighbour of s, then 1/(1 + d(s,t)) in s's BFS order,
        // which is the order a BFS from ℓ meets them in (so the sum is the one it would make).
        let near = 0, i = 1;
        while (i < tail && dist[order[i] as number] === 1) { near++; i++; }
        let hl = 1 + (near - 1) * 0.5;
        for (; i < tail; i++) hl += 1 / ((dist[order[i] as number] as number) + 1);
        for (let e = g.offsets[s] as number; e < (g.offsets[s + 1] as number); e++) {
          const l = g.adj[e] as number;
          if (hubOf[l] !== s) continue;
          closeSum[l] = sum + tail - 2; reach[l] = tail; harmonic[l] = hl; ecc[l] = maxd + 1;
        }
      }
    }
    for (let i = 0; i < tail; i++) { const w = order[i] as number; dist[w] = -1; sigma[w] = 0; delta[w] = 0; }
  }
  const k = sources.length;
  const scale = exact ? 0.5 : (0.5 * N) / k;
  const maxTop = bipartiteBetweennessMax(g.n, g.m), maxBottom = bipartiteBetweennessMax(g.m, g.n);
  const norm = new Float64Array(N);
  const stdError = bcSquares ? new Float64Array(N) : null;
  for (let v = 0; v < N; v++) {
    const max = v < g.n ? maxTop : maxBottom;
    if (bcSquares && stdError && k > 1) {
      const sum = bc[v] as number;
      const variance = Math.max(0, ((bcSquares[v] as number) - (sum * sum) / k) / (k - 1));
      const se = (N / 2) * Math.sqrt(((1 - k / N) * variance) / k);
      stdError[v] = max > 0 ? se / max : 0;
    }
    bc[v] = (bc[v] as number) * scale;
    norm[v] = max > 0 ? (bc[v] as number) / max : 0;
  }
  let closeness: Float64Array | null = null, gephi: Float64Array | null = null, hn: Float64Array | null = null;
  if (closeSum && reach && harmonic) {
    closeness = new Float64Array(N); gephi = new Float64Array(N); hn = new Float64Array(N);
    for (let v = 0; v < N; v++) {
      const tot = closeSum[v] as number, r = reach[v] as number;
      const [own, opposite] = v < g.n ? [g.n, g.m] : [g.m, g.n];
      closeness[v] = tot > 0 && N > 1 ? ((opposite + 2 * (own - 1)) / tot) * ((r - 1) / (N - 1)) : 0;
      gephi[v] = tot > 0 ? (r - 1) / tot : 0;
      hn[v] = N > 1 ? (harmonic[v] as number) / (N - 1) : 0;
    }
  }
  return {
    betweennessRaw: bc, betweenness: norm, betweennessStdError: stdError, closeness, closenessGephi: gephi, harmonic, harmonicNormalized: hn,
    eccentricity: ecc, distanceSum: closeSum, pivots: exact ? N : sources.length, exact,
  };
}

/**
 * The hub of v if v is a leaf — one neighbour h, which has a neighbour other than v and itself
 * (so r_h ≥ 3 and ecc_h ≥ d(h,v)) — else −1. Two degree-1 nodes joined to each other are no
 * leaves of a hub; a self-loop or a repeated edge (never in an index built from a graph or a data
 * set, but the type allows them) counts towards the degree, so it only ever keeps v a source.
 */
function leafHub(g: UnifiedIndex, v: number): number {
  const start = g.offsets[v] as number;
  if ((g.offsets[v + 1] as number) - start !== 1) return -1;
  const h = g.adj[start] as number;
  if (h === v) return -1;
  for (let e = g.offsets[h] as number; e < (g.offsets[h + 1] as number); e++) {
    const w = g.adj[e] as number;
    if (w !== v && w !== h) return h;
  }
  return -1;
}

/** k distinct sources, uniformly, by a partial Fisher–Yates shuffle with the seeded rng; sorted. */
function samplePivots(N: number, k: number, rng: Rng): Int32Array {
  const a = Int32Array.from({ length: N }, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (N - i));
    const t = a[i] as number; a[i] = a[j] as number; a[j] = t;
  }
  return a.slice(0, k).sort();
}
