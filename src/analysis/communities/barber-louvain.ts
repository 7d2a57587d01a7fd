/**
 * barberLouvain: communities of a bipartite graph by Louvain-style local moving and aggregation on
 * Barber's bipartite modularity (see `barber-modularity.ts`),
 *
 *   Q·m² = Σ_c (e_c·m − K_c·D_c).
 *
 * Every node carries two masses, K (its home-side degree) and D (its partner degree): a home node
 * starts with (k_i, 0), a partner with (0, d_j), and a community sums them. Moving node u (already
 * taken out of its community) into community b changes Q·m² by
 *
 *   Δ(u → b) = m·w(u, b) − (K_u·D_b + D_u·K_b),
 *
 * w(u, b) being the number of edges between u and b; a community u does not touch has
 * Δ ≤ 0 and an empty one Δ = 0, so only the communities of u's neighbours and "alone" are scored.
 * Nodes are visited in a random order (from `rng`) and moved while some move gains strictly (ties
 * keep the current community; gains are exact integers). Communities then become nodes with summed
 * masses, the edges among their members as a self-weight and the edges between them as weights, and
 * the two steps repeat until a level moves nothing. The same Δ holds on every level because Q only
 * sees the masses and the edge counts. Each pass costs O(n + m); levels are usually a handful.
 *
 * Louvain: V. D. Blondel, J.-L. Guillaume, R. Lambiotte, E. Lefebvre (2008), J. Stat. Mech. P10008,
 * doi:10.1088/1742-5468/2008/10/P10008. Bipartite modularity: M. J. Barber (2007), Phys. Rev. E 76,
 * 066102, doi:10.1103/PhysRevE.76.066102. The result can be refined further with
 * `brim(index, { rng, initial: result, restarts: 0 })`, which never lowers Q.
 *
 * Labels are canonical as in `brim` (first appearance over home then partner nodes; degree-0 nodes
 * alone). Example: two disjoint copies of K_{3,3} give two communities and Q = 1/2.
 */
import type { BipartiteIndex } from '../../graph/bipartite-index.js';
import { shuffleInPlace } from '../../util/rng.js';
import type { Rng } from '../../util/rng.js';
import type { BipartiteMembership } from './barber-modularity.js';
import { canonical } from './brim.js';

export interface BarberLouvainOptions {
  /** Source of randomness for the visiting order (`createRng(seed)`); required. */
  rng: Rng;
}

export interface BarberLouvainResult extends BipartiteMembership {
  /** Barber's Q of the returned partition. */
  modularity: number;
  /** Number of communities (labels run 0…communities−1). */
  communities: number;
  /** Levels whose local moving moved at least one node. */
  levels: number;
}

/** A weighted graph of (super)nodes with masses K and D; CSR without self-loops, kept apart. */
interface Level {
  K: Float64Array;
  D: Float64Array;
  self: Float64Array;
  offsets: Int32Array;
  adj: Int32Array;
  weight: Float64Array;
}

export function barberLouvain(index: BipartiteIndex, options: BarberLouvainOptions): BarberLouvainResult {
  const { rng } = options;
  const nHome = index.home.keys.length, nPartner = index.partner.keys.length, m = index.edges;
  if (typeof rng !== 'function') throw new TypeError('analysis/barber-louvain: options.rng must be a function returning [0, 1)');
  if (m === 0) throw new Error(`analysis/barber-louvain: the graph has no edges (m = 0; ${nHome} home, ${nPartner} partner nodes)`);

  let level = firstLevel(index);
  /** Community (at the current level) of every original node: home 0…nHome−1, then partners. */
  const label = identity(nHome + nPartner);
  let levels = 0;
  // Loops stay in the helpers, so this function stays cold and is never compiled with them inlined.
  for (;;) {
    const n = level.K.length, comm = identity(n);
    // The visiting order is drawn here rather than in the hot loop: each seed's rng is a new closure.
    const moved = localMoving(level, m, shuffled(n, rng), comm);
    if (moved === 0) break;
    levels++;
    const count = densify(comm, label);
    level = aggregate(level, comm, count);
  }
  const [home, partner, communities] = canonical(index, label.subarray(0, nHome), label.subarray(nHome));
  let inside = 0, expected = 0;
  for (let c = 0; c < level.self.length; c++) {
    inside += level.self[c]!;
    expected += level.K[c]! * level.D[c]!;
  }
  return { home, partner, modularity: (inside * m - expected) / (m * m), communities, levels };
}

function firstLevel(index: BipartiteIndex): Level {
  const nHome = index.home.keys.length, n = nHome + index.partner.keys.length, m = index.edges;
  const K = new Float64Array(n), D = new Float64Array(n), offsets = new Int32Array(n + 1);
  const adj = new Int32Array(2 * m), weight = new Float64Array(2 * m).fill(1);
  for (let i = 0; i < nHome; i++) {
    const from = index.home.offsets[i]!, to = index.home.offsets[i + 1]!;
    K[i] = to - from;
    for (let e = from; e < to; e++) adj[e] = nHome + index.home.adj[e]!;
    offsets[i + 1] = to;
  }
  for (let j = 0; j < n - nHome; j++) {
    const from = index.partner.offsets[j]!, to = index.partner.offsets[j + 1]!;
    D[nHome + j] = to - from;
    for (let e = from; e < to; e++) adj[m + e] = index.partner.adj[e]!;
    offsets[nHome + j + 1] = m + to;
  }
  return { K, D, self: new Float64Array(n), offsets, adj, weight };
}

/** (0, 1, …, n−1). */
function identity(n: number): Int32Array {
  const a = new Int32Array(n);
  for (let u = 0; u < n; u++) a[u] = u;
  return a;
}

/** 0…n−1 shuffled by Fisher–Yates (`shuffleInPlace`). */
function shuffled(n: number, rng: Rng): Int32Array {
  const order = identity(n);
  shuffleInPlace(order, n, rng);
  return order;
}

/**
 * Moves nodes, visited in `order`, while some move gains strictly, starting from `comm` (each node
 * alone: comm[u] = u), which ends as each node's community; returns the number of moves made.
 */
function localMoving(level: Level, m: number, order: Int32Array, comm: Int32Array): number {
  const { K, D, offsets, adj, weight } = level;
  const n = K.length;
  const size = new Int32Array(n).fill(1);
  const CK = K.slice(), CD = D.slice();
  const w = new Float64Array(n), touched = new Int32Array(n);
  // Emptied labels as a stack in free[1…top]; free[0] is never read as a label.
  const free = new Int32Array(n + 1);
  let top = 0;
  let total = 0;
  for (let moved = -1; moved !== 0;) {
    moved = 0;
    for (let x = 0; x < n; x++) {
      const u = order[x]!, a = comm[u]!, ku = K[u]!, du = D[u]!;
      let t = 0;
      for (let e = offsets[u]!, end = offsets[u + 1]!; e < end; e++) {
        const c = comm[adj[e]!]!;
        if (w[c] === 0) touched[t++] = c;
        w[c] = w[c]! + weight[e]!;
      }
      CK[a] = CK[a]! - ku; CD[a] = CD[a]! - du; size[a] = size[a]! - 1;
      let best = a, bestGain = m * w[a]! - (ku * CD[a]! + du * CK[a]!);
      for (let i = 0; i < t; i++) {
        const c = touched[i]!, gain = m * w[c]! - (ku * CD[c]! + du * CK[c]!);
        if (gain > bestGain) { best = c; bestGain = gain; }
      }
      for (let i = 0; i < t; i++) w[touched[i]!] = 0;
      // Alone is worth 0; bestGain < 0 implies `a` still has members, so a free label exists. Written
      // without a branch of its own: that case is rare and would find the optimised code unprepared.
      const alone = bestGain < 0, freeLabel = free[top]!;
      best = alone ? freeLabel : best;
      top -= alone ? 1 : 0;
      CK[best] = CK[best]! + ku; CD[best] = CD[best]! + du; size[best] = size[best]! + 1;
      if (best !== a) {
        comm[u] = best;
        moved++;
        if (size[a] === 0) free[++top] = a;
      }
    }
    total += moved;
  }
  return total;
}

/**
 * Renumbers `comm` 0…k−1 in order of first appearance, in place, and moves every original node's
 * `label` (a node of this level) to its renumbered community; returns k.
 */
function densify(comm: Int32Array, label: Int32Array): number {
  const map = new Int32Array(comm.length).fill(-1);
  let k = 0;
  for (let u = 0; u < comm.length; u++) {
    const c = comm[u]!;
    if (map[c] === -1) map[c] = k++;
    comm[u] = map[c]!;
  }
  for (let u = 0; u < label.length; u++) label[u] = comm[label[u]!]!;
  return k;
}

/** The graph of communities: summed masses, inner edges as self-weight, edges between summed. */
function aggregate(level: Level, comm: Int32Array, k: number): Level {
  const n = comm.length;
  const K = new Float64Array(k), D = new Float64Array(k), self = new Float64Array(k);
  const start = new Int32Array(k + 1), members = new Int32Array(n);
  for (let u = 0; u < n; u++) start[comm[u]! + 1] = start[comm[u]! + 1]! + 1;
  for (let c = 0; c < k; c++) start[c + 1] = start[c + 1]! + start[c]!;
  const fill = start.slice(0, k);
  for (let u = 0; u < n; u++) {
    const c = comm[u]!;
    members[fill[c]!] = u;
    fill[c] = fill[c]! + 1;
    K[c] = K[c]! + level.K[u]!;
    D[c] = D[c]! + level.D[u]!;
    self[c] = self[c]! + level.self[u]!;
  }
  // At most as many arcs as the level below: only the used prefix is kept.
  const offsets = new Int32Array(k + 1), adj = new Int32Array(level.adj.length), weight = new Float64Array(level.adj.length);
  let arcs = 0;
  const w = new Float64Array(k), touched = new Int32Array(k);
  for (let c = 0; c < k; c++) {
    let t = 0;
    for (let x = start[c]!; x < start[c + 1]!; x++) {
      const u = members[x]!;
      for (let e = level.offsets[u]!; e < level.offsets[u + 1]!; e++) {
        const d = comm[level.adj[e]!]!;
        if (w[d] === 0) touched[t++] = d;
        w[d] = w[d]! + level.weight[e]!;
      }
    }
    for (let i = 0; i < t; i++) {
      const d = touched[i]!;
      // Edges inside c were seen from both ends.
      if (d === c) self[c] = self[c]! + w[d]! / 2;
      else { adj[arcs] = d; weight[arcs] = w[d]!; arcs++; }
      w[d] = 0;
    }
    offsets[c + 1] = arcs;
  }
  return { K, D, self, offsets, adj: adj.subarray(0, arcs), weight: weight.subarray(0, arcs) };
}
