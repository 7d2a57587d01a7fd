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
 * Two ways to the same values. On a simple graph (the default) the searches run on the 2-core only
 * — the graph once every tree hanging from it is peeled off (`pendant-trees.ts`) — counting each
 * tree as targets, and the trees' nodes come in closed form (`treeSums`): exact mode searches from
 * every 2-core node, sampled mode from each pivot's root once. A graph `pendantTrees` declines (a
 * self-loop, a repeated edge, or trees too deep for its level histograms, such as a hanging chain
 * of thousands of nodes), or `pendantTrees: false`, peels the leaves only (below).
 *
 * Leaves and the core. A leaf is a node ℓ of degree 1 whose neighbour h (its hub) has another
 * neighbour (in sister-city lists most foreign partners have one home partner); the core is the
 * graph without its leaves, each core node h carrying its number of leaves k_h. Every shortest path
 * from ℓ is ℓ–h followed by a shortest path from h, and no shortest path between two other nodes
 * passes through ℓ. So each BFS runs on the core only — from every core node (exact) or from each
 * pivot (sampled; a leaf pivot from its hub) — and the leaves are added in closed form:
 * - a leaf t of h, seen from a source s ≠ t: d(s,t) = d(s,h) + 1 and σ_st = σ_sh. Level d of the
 *   BFS holds c_d nodes: the core nodes at distance d and the leaves of the core nodes at d − 1; so
 *   Σ_t d(s,t) = Σ_d d·c_d, r_s = 1 + Σ_d c_d (reach, s included), ecc(s) = max{d : c_d > 0} and
 *   H(s) = Σ_d c_d/d. Its dependency is δ_s(t) = 0, and it adds σ_sh·(1 + 0)/σ_st = σ_sh·(1/σ_sh)
 *   (= 1: the one path to t that ends in h) to δ_s(h).
 * - a leaf ℓ of h as a source: d(ℓ,t) = 1 + d(h,t) and σ_ℓt = σ_ht for t ≠ ℓ, hence
 *   δ_ℓ(v) = δ_h(v) for v ∉ {ℓ, h} and δ_ℓ(h) = r_h − 2 (ℓ reaches every other node through h).
 *   Exact mode: h's BFS adds (1 + k_h)·δ_h(v) to b(v), v ≠ h, and k_h·(r_h − 2) to b(h);
 *   Σ_t d(ℓ,t) = Σ_t d(h,t) + r_h − 2, r_ℓ = r_h, ecc(ℓ) = ecc(h) + 1,
 *   H(ℓ) = 1 + ½(c_1 − 1) + Σ_{d≥2} c_d/(1 + d), with c_d the level counts of h's BFS.
 *   Sampled mode: a leaf pivot ℓ counts δ_ℓ(h) as the sum over h's successors other than ℓ.
 * Floating point, leaves only: every per-source result, and each chunk's betweenness sums (below), is the one a
 * BFS over the whole graph (leaves included, from every source of the chunk but the leaves in exact
 * mode, from every pivot of the chunk in sampled mode) gives, bit for bit. A BFS
 * meets the nodes level by level, so a harmonic sum adds 1/d c_d times in a row (`addRepeated`
 * gives that loop's bits without the loop); distance sums and reaches are sums of integers. The
 * leaves' terms of δ_s(h) are added one at a time, each where the whole-graph BFS adds it: a leaf
 * sits in the queue among the nodes h finds, in h's list order, so going backwards its term comes
 * after those of the core nodes h found later in its list and before that of any successor an
 * earlier node found (`leavesAfter` counts, for each core entry, the leaves after it in the list).
 * The exact mode's betweenness sums the same dependencies as an all-sources BFS in another order,
 * so it may differ from that in the last bits.
 *
 * Chunks. The sums over sources are defined chunk by chunk: `pathPlan` cuts the sources into
 * consecutive chunks of about equal estimated work — how many and where depends on the graph (and
 * the pivots) only, never on threads or timing — each chunk's sums start from zero (`pathChunkSums`),
 * and the chunks' sums are added in chunk order, ((s_0 + s_1) + s_2) + … (`chunkTotal`, which takes
 * them in any order of arrival). So the chunks may be computed anywhere, by any number of threads,
 * and the result is the same bits. Distance sums, reaches, eccentricities and harmonic sums belong
 * to one source each (0 in the other chunks), so only betweenness (and its squares when sampled)
 * depends on the chunking, in its last bits.
 *
 * @example  path a–x–b: betweenness raw of x = 1, closeness of x (bipartite) = (2+0)/2 = 1.
 */
import type { UnifiedIndex } from '../../graph/bipartite-index.js';
import type { Rng } from '../../util/rng.js';
import { addRepeated } from '../../util/repeated-sum.js';
import { pendantTrees } from './pendant-trees.js';
import type { PendantTrees } from './pendant-trees.js';

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
  /**
   * Searches on the 2-core with the pendant trees in closed form (default true; the same values,
   * betweenness to the last bits); false: on the graph without its leaves only.
   */
  pendantTrees?: boolean;
}

export const PATH_DEFAULTS = { exactLimit: 50_000, samples: 256 } as const;

/** b_max for a node on a side of size n facing a side of size m (NetworkX / Borgatti–Halgin). */
export function bipartiteBetweennessMax(n: number, m: number): number {
  if (m === 0) return 0;
  const s = Math.floor((n - 1) / m), t = (n - 1) % m;
  return (m * m * (s + 1) ** 2 + m * (s + 1) * (2 * t - s - 1) - t * (2 * s - t + 3)) / 2;
}

/**
 * The work of `pathMeasures` laid out once: the core graph, the sources in order, and their chunks.
 * `pathChunkSums` runs one chunk; `chunkTotal` adds the chunks' sums in chunk order; `pathResults`
 * normalises. `pathMeasures(g, o)` = `pathResults(plan, pathTotals(plan))`.
 */
export interface PathPlan {
  g: UnifiedIndex;
  exact: boolean;
  /**
   * BFS sources in order (node ids). With `trees`: exact, the roots (2-core nodes and tree
   * components' roots); sampled, the 2-core roots of the pivots (`weight`). Without: every node but
   * the leaves (exact) or the pivots (sampled).
   */
  sources: Int32Array;
  /**
   * Chunk c holds the sources [chunks[c], chunks[c + 1]); the chunks have about the same estimated
   * work (core nodes + core entries reached, + the source's tree), at most `PATH_CHUNKS.max` of them,
   * each worth at least `PATH_CHUNKS.nodeWork` × N (a chunk's sums take O(N) to add), or
   * `PATH_CHUNKS.sampledNodeWork` × N when sampled.
   */
  chunks: Int32Array;
  /** Pivots drawn (sampled; sorted), or null when exact. */
  pivots: Int32Array | null;
  /**
   * With `trees` when sampled: the sources are the 2-core roots of the pivots (a pivot in a tree
   * searches from its root), `weight[i]` the number of pivots whose root is sources[i].
   */
  weight: Int32Array | null;
  /** The 2-core and its pendant trees (a simple graph, unless `pendantTrees: false`); null otherwise. */
  trees: PendantTrees | null;
  /** Without `trees`: the leaves and the core without them; null with `trees`. */
  leafCore: LeafCore | null;
}

/** The graph without its leaves (`pendantTrees: false`, or a graph `pendantTrees` declines). */
interface LeafCore {
  /** hubOf[ℓ] = the hub of leaf ℓ, −1 for a core node; leaves[v] = k_v, the leaves of v. */
  hubOf: Int32Array;
  leaves: Int32Array;
  /** The core (the graph without its leaves), numbered 0…C−1 in node order. */
  core: CoreGraph;
}

interface CoreGraph {
  /** node[c] = node id of core node c; id[v] = core number of node v, −1 for a leaf. */
  node: Int32Array;
  id: Int32Array;
  /** CSR over core numbers, each list in the node's adjacency order with its leaves left out. */
  offsets: Int32Array;
  adj: Int32Array;
  /** leavesAfter[e]: leaves of the list's owner that come after entry e in its full adjacency list. */
  leavesAfter: Int32Array;
  /** leaves[c] = k of core node c. */
  leaves: Int32Array;
}

/**
 * Raw sums over a range of sources; every array is indexed by node id. Sampled on pendant trees,
 * `bc` and `bcSquares` hold the 2-core's searches only: `pathResults` adds the trees' shares.
 */
export interface PathSums {
  /** Σ over the range of the dependencies (each source's times the nodes it stands for), not yet halved or scaled. */
  bc: Float64Array;
  /** Σ δ_s(v)² over the pivots (sampled only). */
  bcSquares: Float64Array | null;
  /** Per source and per node it stands for (exact only; 0 for nodes outside the range). */
  closeSum: Float64Array | null;
  reach: Int32Array | null;
  harmonic: Float64Array | null;
  ecc: Int32Array | null;
}

/**
 * How the sources are cut into chunks (see `PathPlan.chunks`); part of the definition of the sums.
 * A sampled plan's chunk may be worth less, `sampledNodeWork` × N: its sums are two arrays (bc and
 * bcSquares), not six, and its few sources (the pivots' roots) each search a whole component — at
 * 64 × N a sampled plan was one chunk up to 1.4 million links (9.4 s on one thread, the other idle).
 */
export const PATH_CHUNKS = { max: 64, nodeWork: 64, sampledNodeWork: 8 } as const;

export function pathMeasures(g: UnifiedIndex, options: PathOptions = {}): PathMeasures {
  const plan = pathPlan(g, options);
  return pathResults(plan, pathTotals(plan));
}

/** The sums of every chunk of `plan`, one after the other on this thread, added in chunk order. */
export function pathTotals(plan: PathPlan): PathSums {
  const total = chunkTotal(plan);
  for (let c = 0; c < chunkCount(plan); c++) total.add(c, pathChunkSums(plan, c));
  return total.result();
}

export function chunkCount(plan: PathPlan): number {
  return plan.chunks.length - 1;
}

/** The sums of chunk c of `plan`, from zero. */
export function pathChunkSums(plan: PathPlan, c: number): PathSums {
  if (!(c >= 0 && c < chunkCount(plan))) throw new RangeError(`analysis/paths: no chunk ${c} (${chunkCount(plan)} chunks)`);
  return pathSums(plan, plan.chunks[c] as number, plan.chunks[c + 1] as number);
}

/** The running total of a plan's chunk sums: `add` takes them in any order, they are added in chunk order. */
export interface ChunkTotal {
  add(c: number, sums: PathSums): void;
  /** Chunks added to the total so far (chunks 0 … merged − 1). */
  readonly merged: number;
  /** The total once every chunk is in. */
  result(): PathSums;
}

export function chunkTotal(plan: PathPlan): ChunkTotal {
  const count = chunkCount(plan);
  const waiting = new Map<number, PathSums>();
  let total: PathSums | null = null, merged = 0;
  return {
    add(c, sums) {
      if (!(c >= merged && c < count) || waiting.has(c)) throw new RangeError(`analysis/paths: chunk ${c} given twice or out of range (${count} chunks)`);
      waiting.set(c, sums);
      for (let next = waiting.get(merged); next; next = waiting.get(merged)) {
        waiting.delete(merged++);
        if (total) addPathSums(total, next); else total = next;
      }
    },
    get merged() { return merged; },
    result() {
      if (merged < count || !total) throw new Error(`analysis/paths: ${merged} of ${count} chunks summed`);
      return total;
    },
  };
}

export function pathPlan(g: UnifiedIndex, options: PathOptions = {}): PathPlan {
  const N = g.n + g.m;
  const exactLimit = options.exactLimit ?? PATH_DEFAULTS.exactLimit;
  const exact = N <= exactLimit;
  if (!exact && !options.rng) throw new Error('analysis/paths: sampling pivots needs an rng');
  const pivots = exact ? null : samplePivots(N, Math.min(N, options.samples ?? PATH_DEFAULTS.samples), options.rng as Rng);
  const trees = options.pendantTrees !== false ? pendantTrees(g) : null;
  if (trees) {
    const { parent, size, core } = trees;
    const { comp, work } = componentWork(core.offsets, core.adj);
    const cost = (v: number): number => {
      const c = core.id[v] as number;
      return (c >= 0 ? (work[comp[c] as number] as number) : 0) + (exact ? (size[v] as number) : 0);
    };
    if (pivots === null) {
      const roots: number[] = [];
      for (let v = 0; v < N; v++) if (parent[v] === -1) roots.push(v);
      const sources = Int32Array.from(roots);
      return { g, exact, sources, chunks: chunkBounds(sources, cost, N, exact), pivots, weight: null, trees, leafCore: null };
    }
    // Each pivot searches from its root; the roots on the 2-core are the sources, once each.
    const root = rootsOf(trees), count = new Int32Array(N);
    for (const p of pivots) count[root[p] as number]!++;
    const roots: number[] = [];
    for (let v = 0; v < N; v++) if ((count[v] as number) > 0 && (core.id[v] as number) >= 0) roots.push(v);
    const sources = Int32Array.from(roots);
    const weight = Int32Array.from(roots, (v) => count[v] as number);
    return { g, exact, sources, chunks: chunkBounds(sources, cost, N, exact), pivots, weight, trees, leafCore: null };
  }
  const hubOf = new Int32Array(N).fill(-1);
  const leaves = new Int32Array(N);
  for (let v = 0; v < N; v++) {
    const h = leafHub(g, v);
    if (h >= 0) { hubOf[v] = h; leaves[h]!++; }
  }
  const core = coreGraph(g, hubOf, leaves);
  const sources = pivots ?? core.node;
  const { comp, work } = componentWork(core.offsets, core.adj);
  const cost = (v: number): number => work[comp[core.id[hubOf[v] === -1 ? v : (hubOf[v] as number)] as number] as number] as number;
  return { g, exact, sources, chunks: chunkBounds(sources, cost, N, exact), pivots, weight: null, trees: null, leafCore: { hubOf, leaves, core } };
}

function coreGraph(g: UnifiedIndex, hubOf: Int32Array, nodeLeaves: Int32Array): CoreGraph {
  const N = hubOf.length;
  const id = new Int32Array(N).fill(-1);
  let C = 0;
  for (let v = 0; v < N; v++) if (hubOf[v] === -1) id[v] = C++;
  const node = new Int32Array(C);
  const offsets = new Int32Array(C + 1);
  let E = 0;
  for (let v = 0; v < N; v++) {
    const c = id[v] as number;
    if (c < 0) continue;
    node[c] = v;
    for (let e = g.offsets[v] as number; e < (g.offsets[v + 1] as number); e++) if (hubOf[g.adj[e] as number] === -1) E++;
    offsets[c + 1] = E;
  }
  const adj = new Int32Array(E), leavesAfter = new Int32Array(E);
  for (let c = 0; c < C; c++) {
    const v = node[c] as number;
    let at = offsets[c + 1] as number, after = 0;
    for (let e = (g.offsets[v + 1] as number) - 1; e >= (g.offsets[v] as number); e--) {
      const w = g.adj[e] as number;
      if (hubOf[w] === -1) { at--; adj[at] = id[w] as number; leavesAfter[at] = after; } else after++;
    }
  }
  const leaves = new Int32Array(C);
  for (let c = 0; c < C; c++) leaves[c] = nodeLeaves[node[c] as number] as number;
  return { node, id, offsets, adj, leavesAfter, leaves };
}

/** The connected components of a CSR graph, and each one's work: its nodes + its list entries. */
function componentWork(offsets: Int32Array, adj: Int32Array): { comp: Int32Array; work: number[] } {
  const C = offsets.length - 1;
  const comp = new Int32Array(C).fill(-1), work: number[] = [];
  const queue = new Int32Array(C);
  for (let c = 0; c < C; c++) {
    if (comp[c] !== -1) continue;
    let head = 0, tail = 0, w = 0;
    queue[tail++] = c; comp[c] = work.length;
    while (head < tail) {
      const v = queue[head++] as number;
      w += 1 + (offsets[v + 1] as number) - (offsets[v] as number);
      for (let e = offsets[v] as number; e < (offsets[v + 1] as number); e++) {
        const u = adj[e] as number;
        if (comp[u] === -1) { comp[u] = work.length; queue[tail++] = u; }
      }
    }
    work.push(w);
  }
  return { comp, work };
}

/** Chunk bounds over `sources` (see `PathPlan.chunks`) of an exact or sampled plan, the work of a source estimated by `cost`. */
function chunkBounds(sources: Int32Array, cost: (v: number) => number, N: number, exact: boolean): Int32Array {
  let total = 0;
  for (const v of sources) total += cost(v);
  const nodeWork = exact ? PATH_CHUNKS.nodeWork : PATH_CHUNKS.sampledNodeWork;
  const count = Math.max(1, Math.min(PATH_CHUNKS.max, sources.length, Math.floor(total / (nodeWork * N))));
  const bounds = [0];
  let done = 0;
  for (let i = 0; i < sources.length; i++) {
    // A bound after source i once the work so far reaches the next c/count of the total.
    done += cost(sources[i] as number);
    if (i + 1 < sources.length && done * count >= total * bounds.length) bounds.push(i + 1);
  }
  bounds.push(sources.length);
  return Int32Array.from(bounds);
}

/**
 * Runs the sources [from, to) of `plan`: on pendant trees, `treeSums`; else one breadth-first search
 * on the core from each (for a leaf pivot, from its hub), the leaves added in closed form (header comment).
 */
export function pathSums(plan: PathPlan, from: number, to: number): PathSums {
  if (plan.trees) return treeSums(plan, plan.trees, from, to);
  const { g, exact, sources } = plan;
  const { hubOf, leaves, core } = plan.leafCore!;
  const N = g.n + g.m, C = core.node.length;
  const sums: PathSums = {
    bc: new Float64Array(N),
    bcSquares: exact ? null : new Float64Array(N),
    closeSum: exact ? new Float64Array(N) : null,
    reach: exact ? new Int32Array(N) : null,
    harmonic: exact ? new Float64Array(N) : null,
    ecc: exact ? new Int32Array(N) : null,
  };
  const ws = workspace(C);
  const { order, delta, level } = ws;
  const bc = sums.bc, squares = sums.bcSquares;
  for (let i = from; i < to; i++) {
    const v = sources[i] as number;
    const hub = hubOf[v] as number;
    // A leaf pivot ℓ searches from its hub h, leaving ℓ out of h's dependency (skip = its rank
    // among h's leaves counted from the end of h's list).
    const s = core.id[hub === -1 ? v : hub] as number;
    const skip = hub === -1 ? 0 : leafRankFromEnd(g, hubOf, hub, v);
    const tail = search(plan, ws, s, skip);
    if (squares) {
      for (let j = tail - 1; j > 0; j--) {
        const w = order[j] as number, d = delta[w] as number, u = core.node[w] as number;
        bc[u] = (bc[u] as number) + d;
        squares[u] = (squares[u] as number) + d * d;
      }
      if (hub !== -1) {
        const d = delta[s] as number;
        bc[hub] = (bc[hub] as number) + d;
        squares[hub] = (squares[hub] as number) + d * d;
      }
    } else {
      const vs = core.node[s] as number, k = leaves[vs] as number, times = 1 + k;
      for (let j = tail - 1; j > 0; j--) {
        const w = order[j] as number, u = core.node[w] as number;
        bc[u] = (bc[u] as number) + times * (delta[w] as number);
      }
      let maxd = 0, sum = 0, r = 1, h = 0;
      for (let d = 1; (level[d] as number) > 0; d++) {
        const c = level[d] as number;
        maxd = d; sum += d * c; r += c;
        h = addRepeated(h, 1 / d, c);
      }
      sums.closeSum![vs] = sum; sums.reach![vs] = r; sums.harmonic![vs] = h; sums.ecc![vs] = maxd;
      if (k > 0) {
        // Each leaf ℓ of s lies on the path from every other reachable t to s: δ_ℓ(s) = r_s − 2.
        bc[vs] = (bc[vs] as number) + k * (r - 2);
        let hl = 1 + ((level[1] as number) - 1) * 0.5;
        for (let d = 2; d <= maxd; d++) hl = addRepeated(hl, 1 / (d + 1), level[d] as number);
        for (let e = g.offsets[vs] as number; e < (g.offsets[vs + 1] as number); e++) {
          const l = g.adj[e] as number;
          if (hubOf[l] !== vs) continue;
          sums.closeSum![l] = sum + r - 2; sums.reach![l] = r; sums.harmonic![l] = hl; sums.ecc![l] = maxd + 1;
        }
      }
    }
    clear(ws, tail);
  }
  return sums;
}

/**
 * The searches on the 2-core with its pendant trees (`pendant-trees.ts`), for the sources [from, to)
 * of `plan`; in exact mode as follows (sampled: the searches only, see `withTreeShares`). With R
 * the size of the root's component and T_u = size(u) − 1 the tree of 2-core node u:
 * - from a 2-core root s, one BFS on the 2-core; the levels c_d count the whole component (the tree
 *   of each 2-core node u found at distance d adds hist(u)[h] at d + h); the dependencies count the
 *   trees as targets, δ_s(v) = T_v + Σ_{w: v ∈ P_s(w)} σ_sv/σ_sw·(1 + δ_s(w)), and s's own tree has
 *   the same dependencies on 2-core nodes v ≠ s as s (every path out of it leaves through s), so
 *   b(v) gains size(s)·δ_s(v);
 * - every pair through a tree node x lies in two different branches at x: the subtrees of its
 *   children and, unless x is a root, the rest of the component (R − size(x) nodes). So
 *   Σ_s δ_s(x) over ordered pairs = Σ_branches β(R − 1 − β); at a root, the pairs from its tree
 *   out to the 2-core pass through it too (β(R − 1 − β) counts them), and those from the 2-core
 *   into its tree are the T_v in the other roots' dependencies;
 * - the levels of a tree node x follow from its parent p's: c_x(d) = c_p(d − 1) − hist(x)[d − 2] +
 *   hist(x)[d] (the nodes one step further than from p, but those of x's own subtree one nearer).
 *   Distance sums, reaches, eccentricities and harmonic sums (1/d added c_d times, level by level)
 *   then come as from a BFS of the whole graph, bit for bit; betweenness adds the same
 *   dependencies as an all-sources BFS in another order.
 */
function treeSums(plan: PathPlan, trees: PendantTrees, from: number, to: number): PathSums {
  const { g, sources } = plan;
  const N = g.n + g.m;
  const { core, size, height, childOffsets, children, histOffsets, hist } = trees;
  const C = core.node.length;
  // The 2-core's sums by core number (near each other in memory), put in place at the end.
  const coreBc = new Float64Array(C);
  const dist = new Int32Array(C).fill(-1), sigma = new Float64Array(C), delta = new Float64Array(C), order = new Int32Array(C);
  if (!plan.exact) {
    // Sampled: each root's search counts for its pivots (`weight`); the trees' shares come in `pathResults`.
    const coreSquares = new Float64Array(C);
    for (let i = from; i < to; i++) {
      coreSearch(trees, core.id[sources[i] as number] as number, dist, sigma, delta, order, null, 0, coreBc, (plan.weight as Int32Array)[i] as number, coreSquares);
    }
    const bc = new Float64Array(N), squares = new Float64Array(N);
    for (let c = 0; c < C; c++) { bc[core.node[c] as number] = coreBc[c] as number; squares[core.node[c] as number] = coreSquares[c] as number; }
    return { bc, bcSquares: squares, closeSum: null, reach: null, harmonic: null, ecc: null };
  }
  const bc = new Float64Array(N), closeSum = new Float64Array(N), reach = new Int32Array(N), harmonic = new Float64Array(N), ecc = new Int32Array(N);
  let deepest = 0;
  for (let i = from; i < to; i++) deepest = Math.max(deepest, height[sources[i] as number] as number);
  // Levels of the node at depth k below the root at buf[base0 − k …]; the root's levels need at most N + 1 places.
  const base0 = deepest + 1;
  const buf = new Int32Array(base0 + N + 2);
  const stackNode = new Int32Array(deepest + 1), stackNext = new Int32Array(deepest + 1);
  // Per-source measures from the levels at buf[base …], at most `len` of them.
  const record = (v: number, base: number, len: number): void => {
    let sum = 0, r = 1, h = 0, maxd = 0;
    for (let d = 1; d < len; d++) {
      const c = buf[base + d] as number;
      if (c === 0) break;
      maxd = d; sum += d * c; r += c;
      h = addRepeated(h, 1 / d, c);
    }
    closeSum[v] = sum; reach[v] = r; harmonic[v] = h; ecc[v] = maxd;
  };
  // Moves the levels at buf[base + 1 …] (those of x's parent) to those of x at buf[base …], or back (sign −1).
  const shift = (x: number, base: number, sign: number): void => {
    const hx = histOffsets[x] as number, H = height[x] as number;
    for (let d = 0; d <= H + 2; d++) {
      const add = (d <= H ? (hist[hx + d] as number) : 0) - (d >= 2 ? (hist[hx + d - 2] as number) : 0);
      buf[base + d] = (buf[base + d] as number) + sign * add;
    }
  };
  const branches = (x: number, R: number): number => {
    let pairs = 0;
    for (let k = childOffsets[x] as number; k < (childOffsets[x + 1] as number); k++) {
      const b = size[children[k] as number] as number;
      pairs += b * (R - 1 - b);
    }
    return pairs;
  };
  for (let i = from; i < to; i++) {
    const s = sources[i] as number;
    const cs = core.id[s] as number;
    let len: number;
    if (cs >= 0) {
      len = coreSearch(trees, cs, dist, sigma, delta, order, buf, base0, coreBc, size[s] as number, null);
    } else {
      const hs = histOffsets[s] as number;
      len = (height[s] as number) + 1;
      for (let d = 0; d < len; d++) buf[base0 + d] = hist[hs + d] as number;
    }
    let R = 0;
    for (let d = 0; d < len; d++) R += buf[base0 + d] as number;
    record(s, base0, len);
    if (cs >= 0) coreBc[cs] = (coreBc[cs] as number) + branches(s, R);
    else bc[s] = (bc[s] as number) + branches(s, R);
    // The tree below s, depth first, each node's levels made from its parent's and undone after its subtree.
    let top = 0;
    stackNode[0] = s; stackNext[0] = childOffsets[s] as number;
    while (top >= 0) {
      const p = stackNode[top] as number, k = stackNext[top] as number;
      if (k < (childOffsets[p + 1] as number)) {
        stackNext[top] = k + 1;
        const x = children[k] as number, base = base0 - top - 1;
        shift(x, base, 1);
        record(x, base, len + top + 1);
        const up = R - (size[x] as number);
        bc[x] = (bc[x] as number) + up * (R - 1 - up) + branches(x, R);
        top++;
        stackNode[top] = x; stackNext[top] = childOffsets[x] as number;
      } else {
        if (top > 0) shift(p, base0 - top, -1);
        top--;
      }
    }
    buf.fill(0, base0, base0 + len);
  }
  for (let c = 0; c < C; c++) bc[core.node[c] as number] = coreBc[c] as number;
  return { bc, bcSquares: null, closeSum, reach, harmonic, ecc };
}

/**
 * Brandes from 2-core node s on the 2-core, the trees counted as targets: adds `times`·δ_s(v) to
 * bc[v] (and `times`·δ_s(v)² to squares[v]) for every 2-core node v ≠ s (by core number), and the
 * levels of the whole component to buf[base …] (when given); returns the number of levels. Leaves
 * dist, σ and δ as it found them (−1, 0, 0).
 */
function coreSearch(
  trees: PendantTrees, s: number, dist: Int32Array, sigma: Float64Array, delta: Float64Array, order: Int32Array,
  buf: Int32Array | null, base: number, bc: Float64Array, times: number, squares: Float64Array | null,
): number {
  const { core, hist } = trees;
  const { offsets, adj, treeSize, treeHeight, treeHist } = core;
  let head = 0, tail = 0, len = 0;
  order[tail++] = s; dist[s] = 0; sigma[s] = 1;
  while (head < tail) {
    const v = order[head++] as number;
    const dv = dist[v] as number, sv = sigma[v] as number, next = dv + 1;
    if (buf !== null) {
      // v's tree's levels, from level dv (v itself: its histogram starts with 1; most core nodes have no tree).
      const H = treeHeight[v] as number, at = base + dv;
      buf[at] = (buf[at] as number) + 1;
      if (H > 0) { const hu = treeHist[v] as number; for (let h = 1; h <= H; h++) buf[at + h] = (buf[at + h] as number) + (hist[hu + h] as number); }
      if (dv + H + 1 > len) len = dv + H + 1;
    }
    const end = offsets[v + 1] as number;
    for (let e = offsets[v] as number; e < end; e++) {
      const w = adj[e] as number, dw = dist[w] as number;
      // σ starts at 0, so a first path sets it to σ_v (0 + σ_v, the same bits).
      if (dw === -1) { dist[w] = next; order[tail++] = w; delta[w] = treeSize[w] as number; sigma[w] = sv; }
      else if (dw === next) sigma[w] = (sigma[w] as number) + sv;
    }
  }
  for (let i = tail - 1; i > 0; i--) {
    const w = order[i] as number;
    const up = (dist[w] as number) - 1, coeff = (1 + (delta[w] as number)) / (sigma[w] as number);
    const end = offsets[w + 1] as number;
    for (let e = offsets[w] as number; e < end; e++) {
      const v = adj[e] as number;
      if (dist[v] === up) delta[v] = (delta[v] as number) + (sigma[v] as number) * coeff;
    }
    const d = delta[w] as number;
    bc[w] = (bc[w] as number) + times * d;
    if (squares !== null) squares[w] = (squares[w] as number) + times * (d * d);
  }
  for (let i = 0; i < tail; i++) { const w = order[i] as number; dist[w] = -1; sigma[w] = 0; delta[w] = 0; }
  return len;
}

/** root[v]: the root of v's tree (v itself for a root). */
function rootsOf(trees: PendantTrees): Int32Array {
  const { peeled, parent } = trees;
  const root = new Int32Array(parent.length);
  for (let v = 0; v < root.length; v++) root[v] = v;
  // Removal order puts children first: backwards, each parent's root is known before its children's.
  for (let i = peeled.length - 1; i >= 0; i--) { const x = peeled[i] as number; root[x] = root[parent[x] as number] as number; }
  return root;
}

/**
 * Sampled mode on pendant trees: the sums of the pivots' dependencies with the trees' shares added,
 * in closed form (see `treeSums`). For a node x of a component of R nodes holding P pivots, pc(y)
 * the pivots in y's subtree (y included): a pivot in the component outside x's subtree depends on a
 * non-root x for the nodes below it, size(x) − 1 (on a root, its searches gave that share); one in
 * the subtree of x's child c, on every node but c's subtree and x, R − 1 − size(c). The shares are
 * integers, and so are their sums (exact while P·R² < 2^53: R below ~5.9 million at 256 pivots).
 */
function withTreeShares(trees: PendantTrees, pivots: Int32Array, bc: Float64Array, squares: Float64Array): [Float64Array, Float64Array] {
  const N = bc.length;
  const { peeled, parent, size, childOffsets, children, core } = trees;
  const pc = new Int32Array(N);
  for (const p of pivots) pc[p]!++;
  for (const x of peeled) pc[parent[x] as number]! += pc[x] as number;
  const root = rootsOf(trees);
  const { comp, work } = componentWork(core.offsets, core.adj);
  const compR = new Float64Array(work.length), compP = new Float64Array(work.length);
  for (let c = 0; c < core.node.length; c++) {
    const u = core.node[c] as number, k = comp[c] as number;
    compR[k] = (compR[k] as number) + (size[u] as number);
    compP[k] = (compP[k] as number) + (pc[u] as number);
  }
  const sums = bc.slice(), sq = squares.slice();
  for (let x = 0; x < N; x++) {
    const r = root[x] as number, cr = core.id[r] as number;
    const R = cr >= 0 ? (compR[comp[cr] as number] as number) : (size[r] as number);
    let s1 = 0, s2 = 0;
    if (parent[x] !== -1) {
      const P = cr >= 0 ? (compP[comp[cr] as number] as number) : (pc[r] as number);
      const outside = P - (pc[x] as number), d = (size[x] as number) - 1;
      s1 += outside * d; s2 += outside * d * d;
    }
    for (let j = childOffsets[x] as number; j < (childOffsets[x + 1] as number); j++) {
      const c = children[j] as number, k = pc[c] as number;
      if (k === 0) continue;
      const d = R - 1 - (size[c] as number);
      s1 += k * d; s2 += k * d * d;
    }
    if (s1 !== 0) { sums[x] = (sums[x] as number) + s1; sq[x] = (sq[x] as number) + s2; }
  }
  return [sums, sq];
}

/** Adds the sums of a later range `b` into `a`, in place; per-source entries are 0 outside their range, so they are copied exactly. */
export function addPathSums(a: PathSums, b: PathSums): void {
  const add = (x: Float64Array | Int32Array | null, y: Float64Array | Int32Array | null): void => {
    if (!x || !y) return;
    for (let i = 0; i < x.length; i++) x[i] = (x[i] as number) + (y[i] as number);
  };
  add(a.bc, b.bc); add(a.bcSquares, b.bcSquares); add(a.closeSum, b.closeSum);
  add(a.reach, b.reach); add(a.harmonic, b.harmonic); add(a.ecc, b.ecc);
}

interface Workspace {
  dist: Int32Array; sigma: Float64Array; delta: Float64Array; order: Int32Array;
  /** The core node that found each node first, and the leavesAfter of that entry. */
  finder: Int32Array; finderAfter: Int32Array;
  /** Leaves of each node whose share of δ is added already (counted from the end of its list). */
  flushed: Int32Array;
  /** level[d] = nodes at distance d, leaves included. */
  level: Int32Array;
}

function workspace(C: number): Workspace {
  return {
    dist: new Int32Array(C).fill(-1), sigma: new Float64Array(C), delta: new Float64Array(C), order: new Int32Array(C),
    finder: new Int32Array(C), finderAfter: new Int32Array(C), flushed: new Int32Array(C), level: new Int32Array(C + 2),
  };
}

function clear(ws: Workspace, tail: number): void {
  const { dist, sigma, delta, order, flushed, level } = ws;
  for (let d = 0; (level[d] as number) > 0 || d === 0; d++) level[d] = 0;
  for (let i = 0; i < tail; i++) { const w = order[i] as number; dist[w] = -1; sigma[w] = 0; delta[w] = 0; flushed[w] = 0; }
}

/**
 * Brandes from core node s on the core: fills dist, σ, δ (δ of s too) and the level counts, and
 * returns the number of core nodes reached. Each node v's leaves add σ_v·(1/σ_v) each to δ_v at the
 * place of their entry in v's list (see the header comment), `skip` (> 0) leaving out the skip-th
 * leaf of s from the end.
 */
function search(plan: PathPlan, ws: Workspace, s: number, skip: number): number {
  const { offsets, adj, leavesAfter, leaves } = plan.leafCore!.core;
  const { dist, sigma, delta, order, finder, finderAfter, flushed, level } = ws;
  let head = 0, tail = 0;
  order[tail++] = s; dist[s] = 0; sigma[s] = 1;
  // level counts kept in registers while the queue is on one level: `here` nodes at distance d, `next` leaves at d + 1
  let d = 0, here = 0, next = 0;
  while (head < tail) {
    const v = order[head++] as number;
    const dv = dist[v] as number;
    if (dv !== d) { level[d] = here; level[d + 1] = next; d = dv; here = next; next = 0; }
    here++; next += leaves[v] as number;
    for (let e = offsets[v] as number; e < (offsets[v + 1] as number); e++) {
      const w = adj[e] as number;
      if (dist[w] === -1) { dist[w] = dv + 1; order[tail++] = w; finder[w] = v; finderAfter[w] = leavesAfter[e] as number; }
      if (dist[w] === dv + 1) sigma[w] = (sigma[w] as number) + (sigma[v] as number);
    }
  }
  level[d] = here; level[d + 1] = next;
  level[0] = 0;
  // Adds the leaves of v from the end of its list up to `upTo` (a leaf ℓ of v: coefficient (1 + 0)/σ_ℓ, σ_ℓ = σ_v).
  const flush = (v: number, upTo: number): void => {
    const f = flushed[v] as number;
    let count = upTo - f;
    if (v === s && skip > f && skip <= upTo) count--;
    if (count > 0) { const sv = sigma[v] as number; delta[v] = addRepeated(delta[v] as number, sv * (1 / sv), count); }
    flushed[v] = upTo;
  };
  for (let i = tail - 1; i >= 0; i--) {
    const w = order[i] as number;
    if ((flushed[w] as number) < (leaves[w] as number)) flush(w, leaves[w] as number);
    if (i === 0) break;
    const up = (dist[w] as number) - 1, first = finder[w] as number, firstAfter = finderAfter[w] as number;
    const coeff = (1 + (delta[w] as number)) / (sigma[w] as number);
    for (let e = offsets[w] as number; e < (offsets[w + 1] as number); e++) {
      const v = adj[e] as number;
      if (dist[v] !== up) continue;
      const upTo = v === first ? firstAfter : (leaves[v] as number);
      if ((flushed[v] as number) < upTo) flush(v, upTo);
      delta[v] = (delta[v] as number) + (sigma[v] as number) * coeff;
    }
  }
  return tail;
}

/** 1 + the number of leaves of h after leaf ℓ in h's adjacency list. */
function leafRankFromEnd(g: UnifiedIndex, hubOf: Int32Array, h: number, l: number): number {
  let rank = 1;
  for (let e = (g.offsets[h + 1] as number) - 1; e >= (g.offsets[h] as number); e--) {
    const w = g.adj[e] as number;
    if (w === l) return rank;
    if (hubOf[w] === h) rank++;
  }
  throw new Error(`analysis/paths: node ${l} is no leaf of ${h}`);
}

export function pathResults(plan: PathPlan, sums: PathSums): PathMeasures {
  const { g, exact } = plan;
  const N = g.n + g.m;
  const { closeSum, reach, harmonic } = sums;
  const k = plan.pivots ? plan.pivots.length : N;
  let bcSums = sums.bc, bcSquares = sums.bcSquares;
  if (plan.trees && plan.pivots && bcSquares) [bcSums, bcSquares] = withTreeShares(plan.trees, plan.pivots, bcSums, bcSquares);
  const bc = new Float64Array(N);
  const scale = exact ? 0.5 : (0.5 * N) / k;
  const maxTop = bipartiteBetweennessMax(g.n, g.m), maxBottom = bipartiteBetweennessMax(g.m, g.n);
  const norm = new Float64Array(N);
  const stdError = bcSquares ? new Float64Array(N) : null;
  for (let v = 0; v < N; v++) {
    const max = v < g.n ? maxTop : maxBottom;
    if (bcSquares && stdError && k > 1) {
      const sum = bcSums[v] as number;
      const variance = Math.max(0, ((bcSquares[v] as number) - (sum * sum) / k) / (k - 1));
      const se = (N / 2) * Math.sqrt(((1 - k / N) * variance) / k);
      stdError[v] = max > 0 ? se / max : 0;
    }
    bc[v] = (bcSums[v] as number) * scale;
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
    eccentricity: sums.ecc, distanceSum: closeSum, pivots: exact ? N : k, exact,
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
