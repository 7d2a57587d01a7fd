/**
 * Louvain communities of a shared-partner projection (Blondel et al. 2008,
 * doi:10.1088/1742-5468/2008/10/P10008), via graphology-communities-louvain, with a seeded rng and
 * a resolution γ. The projection's weight is a similarity (count, Jaccard, Newman …), which is what
 * modularity wants. Every node of the side takes part, isolated ones as singletons.
 *
 * One run with seed s: `improvePartition` from singletons (node-level local moves visiting nodes in
 * an order shuffled by s, then moves of whole communities, repeated: a multi-level Louvain whose Q
 * never drops). The first seed's run also starts once from graphology-communities-louvain's
 * partition (rng seeded with s), refined by `improvePartition`, and keeps the higher Q of the two:
 * the library is the reference implementation, but costs ~10× twinnet's pass per run (on the
 * seed's partner projection 10 library runs took 280 of the worker's ~1,000 ms), so the other seeds
 * measure twinnet's optimiser alone — which is what their spread and agreement describe. On the
 * seed's home (Chinese) projection the library alone stops at Q ≈ 0.384, NetworkX's best of 10 seeds is
 * 0.3960, the best run here ≈ 0.401. Above `libraryLimit` edges the library does not run at all: on
 * a synthetic home projection of 284,979 pairs twinnet's pass reaches Q 0.5473 per seed where
 * python-igraph 0.10's `community_multilevel` reaches 0.5432–0.5438 and NetworkX 2.8's
 * `louvain_communities` 0.5432.
 *
 * Stability: the optimiser is randomised, so it runs `runs` times with seeds seed, seed+1, …; the
 * best partition (highest Q, ties → lowest seed) is reported, with the spread of Q and the mean
 * pairwise adjusted Rand index and NMI between the runs' partitions, and a consensus partition:
 * projected pairs placed together in at least half of the runs, joined transitively (components).
 */
import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import graphModularity from 'graphology-metrics/graph/modularity.js';
import { createRng, DEFAULT_SEED } from '../../util/rng.js';
import type { Projection, WeightKind } from '../projection/project.js';
import { edgeWeights } from '../projection/project.js';
import { meanPairwiseAgreement } from '../stats/partition-compare.js';
import { modularity } from './modularity.js';
import { improvePartition, LocalMovesWorkspace, weightedCsr } from './local-moves.js';

export interface LouvainOptions {
  weight?: WeightKind;
  resolution?: number;
  seed?: number;
  runs?: number;
  /**
   * Run graphology-communities-louvain (and report Q through graphology-metrics) when the projection
   * has at most this many edges; above, only twinnet's multi-level local moves from singletons run
   * and Q comes from `modularity.ts` (a graphology graph of millions of edges costs more time and
   * memory than the optimisation itself). Default: always.
   */
  libraryLimit?: number;
}
export const LOUVAIN_DEFAULTS = { weight: 'count' as WeightKind, resolution: 1, seed: DEFAULT_SEED, runs: 10, libraryLimit: Infinity };

/** One seed's result: Q and number of communities of the partition kept for that seed. */
export interface LouvainRun { seed: number; modularity: number; communities: number }

export interface LouvainResult {
  weight: WeightKind;
  resolution: number;
  /** Whether graphology-communities-louvain ran (see `libraryLimit`). */
  library: boolean;
  seeds: number[];
  runs: LouvainRun[];
  /** The best run's partition, communities renumbered 0… by size desc, then first member. */
  best: { seed: number; modularity: number; membership: Int32Array; communities: number; sizes: number[] };
  stability: {
    modularity: { min: number; median: number; max: number };
    meanAdjustedRand: number;
    meanNmi: number;
    consensus: { membership: Int32Array; communities: number; modularity: number };
  };
}

/**
 * Seeds of one `louvainProjection` shared between threads: each thread claims the next seed index
 * (`counters[0]`, atomic add), runs it and writes the canonical membership and its Q into shared
 * memory, then counts it finished (`counters[1]`); the thread that owns the result waits until all
 * are. The owner sets `counters[2]` to its number of runs when it starts (others may join from then
 * on, and see how many seeds there are). Every run is a pure function of (projection, options, seed), so which thread ran which seed
 * changes nothing. Memberships hold up to `runs` × n labels.
 */
export interface SeedShare {
  counters: Int32Array;
  memberships: Int32Array;
  q: Float64Array;
}

export function createSeedShare(n: number, runs: number): SeedShare {
  return {
    counters: new Int32Array(new SharedArrayBuffer(12)),
    memberships: new Int32Array(new SharedArrayBuffer(4 * Math.max(1, n * runs))),
    q: new Float64Array(new SharedArrayBuffer(8 * Math.max(1, runs))),
  };
}

/** What every run needs, built once per thread: the weights, the CSR, graphology's graph when used. */
function louvainContext(p: Projection, options: LouvainOptions) {
  const { weight, resolution, seed, runs, libraryLimit } = { ...LOUVAIN_DEFAULTS, ...options };
  if (!(runs >= 1)) throw new RangeError(`analysis/louvain: runs must be ≥ 1, got ${runs}`);
  const n = p.keys.length;
  const E = p.u.length;
  if (E === 0) throw new Error(`analysis/louvain: the ${p.side} projection has no edges (${n} nodes)`);
  const w = edgeWeights(p, weight);
  const withLibrary = E <= libraryLimit;
  let graph: UndirectedGraph | null = null;
  const libraryGraph = (): UndirectedGraph => {
    if (graph) return graph;
    graph = new UndirectedGraph();
    const keys: string[] = new Array<string>(n);
    for (let i = 0; i < n; i++) { keys[i] = String(i); graph.addNode(keys[i] as string); }
    // Explicit edge keys spare graphology its key generator; nothing reads the keys.
    for (let i = 0; i < E; i++) graph.addUndirectedEdgeWithKey(i, keys[p.u[i] as number] as string, keys[p.v[i] as number] as string, { weight: w[i] });
    return graph;
  };
  const csr = weightedCsr(n, p.u, p.v, w);
  const ws = new LocalMovesWorkspace();
  /**
   * Run k (seed + k): its canonical membership and Q. Q does not depend on how labels are spelled
   * (`modularity`), so the canonical partition's Q is the one computed before renumbering.
   */
  const run = (k: number): { membership: Int32Array; q: number } => {
    const s = seed + k;
    const fromSingletons = new Int32Array(n);
    for (let i = 0; i < n; i++) fromSingletons[i] = i;
    improvePartition(csr, fromSingletons, resolution, createRng(s), ws);
    const qb = modularity(n, p.u, p.v, w, fromSingletons, resolution);
    if (withLibrary && k === 0) {
      const communities = louvain(libraryGraph(), { getEdgeWeight: 'weight', resolution, rng: createRng(s) });
      const fromLibrary = new Int32Array(n);
      for (let i = 0; i < n; i++) fromLibrary[i] = communities[String(i)] as number;
      improvePartition(csr, fromLibrary, resolution, createRng(s), ws);
      const qa = modularity(n, p.u, p.v, w, fromLibrary, resolution);
      return qb > qa + 1e-12 ? { membership: canonical(fromSingletons), q: qb } : { membership: canonical(fromLibrary), q: qa };
    }
    return { membership: canonical(fromSingletons), q: qb };
  };
  return { weight, resolution, seed, runs, n, w, withLibrary, libraryGraph, run };
}

/** Claims and runs seeds of `share` until none is left. */
function runShared(ctx: ReturnType<typeof louvainContext>, share: SeedShare): void {
  for (let k = Atomics.add(share.counters, 0, 1); k < ctx.runs; k = Atomics.add(share.counters, 0, 1)) {
    const r = ctx.run(k);
    share.memberships.set(r.membership, k * ctx.n);
    share.q[k] = r.q;
    Atomics.add(share.counters, 1, 1);
    Atomics.notify(share.counters, 1);
  }
}

/**
 * Another thread's hand in a `louvainProjection` running elsewhere with the same `share`: runs the
 * seeds nobody has claimed yet. `p` must equal the owner's projection (u, v and counts; the
 * shared-partner lists are not read).
 */
export function helpLouvain(p: Projection, options: LouvainOptions, share: SeedShare): void {
  try {
    runShared(louvainContext(p, options), share);
  } catch (e) {
    // Release the owner, who would otherwise wait for this thread's seeds forever.
    Atomics.store(share.counters, 1, FAILED);
    Atomics.notify(share.counters, 1);
    throw e;
  }
}

/** `counters[1]` once a helping thread has failed: more than any number of runs. */
const FAILED = 0x7fffffff;

/**
 * `share`: seeds shared with other threads (`helpLouvain`); the result is the same with or without.
 */
export function louvainProjection(p: Projection, options: LouvainOptions = {}, share: SeedShare | null = null): LouvainResult {
  const ctx = louvainContext(p, options);
  const { weight, resolution, seed, runs, n, w, withLibrary } = ctx;
  const partitions: Int32Array[] = [];
  const results: LouvainRun[] = [];
  const seeds = Array.from({ length: runs }, (_, i) => seed + i);
  if (share) {
    Atomics.store(share.counters, 2, runs);
    runShared(ctx, share);
    for (let done = Atomics.load(share.counters, 1); done < runs; done = Atomics.load(share.counters, 1)) Atomics.wait(share.counters, 1, done);
    if (Atomics.load(share.counters, 1) === FAILED) throw new Error(`analysis/louvain: a thread running seeds of the ${p.side} projection failed`);
  }
  for (let k = 0; k < runs; k++) {
    const r = share ? { membership: share.memberships.slice(k * n, (k + 1) * n), q: share.q[k] as number } : ctx.run(k);
    partitions.push(r.membership);
    results.push({ seed: seed + k, modularity: r.q, communities: sizesOf(r.membership).length });
  }
  let bestAt = 0;
  results.forEach((r, i) => { if (r.modularity > (results[bestAt] as LouvainRun).modularity + 1e-12) bestAt = i; });
  const best = partitions[bestAt] as Int32Array;
  // The reported Q of the chosen partition comes from graphology-metrics (an implementation
  // independent of `modularity.ts`, which ranks the runs; tests check the two agree to 1e-12).
  const bestQ = withLibrary
    ? graphModularity(ctx.libraryGraph(), { getNodeCommunity: (node) => best[Number(node)] as number, getEdgeWeight: 'weight', resolution })
    : (results[bestAt] as LouvainRun).modularity;

  const agreement = meanPairwiseAgreement(partitions);
  const consensus = consensusPartition(n, p, partitions);
  const qs = results.map((r) => r.modularity).sort((a, b) => a - b);
  return {
    weight, resolution, seeds, runs: results, library: withLibrary,
    best: { seed: (results[bestAt] as LouvainRun).seed, modularity: bestQ, membership: best, communities: sizesOf(best).length, sizes: sizesOf(best) },
    stability: {
      modularity: { min: qs[0] as number, median: median(qs), max: qs[qs.length - 1] as number },
      ...agreement,
      consensus: { membership: consensus, communities: sizesOf(consensus).length, modularity: modularity(n, p.u, p.v, w, consensus, resolution) },
    },
  };
}

/** Renumbers communities 0… by size (desc), ties by first member: independent of the optimiser's labels. */
export function canonical(membership: Int32Array): Int32Array {
  const n = membership.length;
  let max = -1;
  for (let i = 0; i < n; i++) {
    const c = membership[i]!;
    if (c < 0 || c >= 4 * n + 16) return canonicalByMap(membership);
    if (c > max) max = c;
  }
  // Communities numbered f = 0… in order of first member, so a stable counting sort by size
  // (desc) gives the order size desc, then first member.
  const id = new Int32Array(max + 1).fill(-1);
  const size = new Int32Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const c = membership[i]!;
    if (id[c] === -1) id[c] = k++;
    size[id[c]!]!++;
  }
  const atSize = new Int32Array(n + 2);
  for (let f = 0; f < k; f++) atSize[size[f]!]!++;
  // atSize[s] := number of communities larger than s, the rank of the first community of size s.
  let larger = 0;
  for (let s = n; s >= 0; s--) { const here = atSize[s]!; atSize[s] = larger; larger += here; }
  const rank = new Int32Array(k);
  for (let f = 0; f < k; f++) rank[f] = atSize[size[f]!]!++;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = rank[id[membership[i]!]!]!;
  return out;
}

/** `canonical` for labels outside [0, 4n + 16) (negative or large). */
function canonicalByMap(membership: Int32Array): Int32Array {
  const size = new Map<number, number>(), first = new Map<number, number>();
  membership.forEach((c, i) => { size.set(c, (size.get(c) ?? 0) + 1); if (!first.has(c)) first.set(c, i); });
  const order = [...size.keys()].sort((a, b) => (size.get(b) as number) - (size.get(a) as number) || (first.get(a) as number) - (first.get(b) as number));
  const rank = new Map(order.map((c, r) => [c, r]));
  return membership.map((c) => rank.get(c) as number);
}

/** Members per community of a canonical membership (labels 0…k−1). */
function sizesOf(membership: Int32Array): number[] {
  let k = 0;
  for (let i = 0; i < membership.length; i++) if ((membership[i] as number) >= k) k = (membership[i] as number) + 1;
  const sizes = new Int32Array(k);
  for (let i = 0; i < membership.length; i++) sizes[membership[i] as number]!++;
  return Array.from(sizes);
}

function median(sorted: number[]): number {
  const m = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[m] as number) : ((sorted[m - 1] as number) + (sorted[m] as number)) / 2;
}

function consensusPartition(n: number, p: Projection, partitions: Int32Array[]): Int32Array {
  const E = p.u.length;
  const together = new Int32Array(E);
  for (const part of partitions) countTogether(part, p.u, p.v, together);
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  for (let i = 0; i < E; i++) if (2 * together[i]! >= partitions.length) parent[root(parent, p.u[i]!)] = root(parent, p.v[i]!);
  const roots = new Int32Array(n);
  for (let i = 0; i < n; i++) roots[i] = root(parent, i);
  return canonical(roots);
}

/** together[i] += 1 where edge i's ends share a community of `part`. */
function countTogether(part: Int32Array, u: Int32Array, v: Int32Array, together: Int32Array): void {
  for (let i = 0; i < u.length; i++) if (part[u[i]!] === part[v[i]!]) together[i]!++;
}

/** Root of x in the union-find forest `parent`, halving the path on the way. */
function root(parent: Int32Array, x: number): number {
  while (parent[x] !== x) { parent[x] = parent[parent[x]!]!; x = parent[x]!; }
  return x;
}
