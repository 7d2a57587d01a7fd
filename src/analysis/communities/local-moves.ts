/**
 * Node-level refinement of a partition by local moves (the first phase of Louvain, Blondel et al.
 * 2008, doi:10.1088/1742-5468/2008/10/P10008, applied to a finished partition): each node in turn
 * moves to the neighbouring community (or a community of its own) with the largest modularity gain
 *   ΔQ = (w_iB − w_iA) / W − γ k_i (S_B − (S_A − k_i)) / (2W²),
 * w_iX the weight from i into X (i itself excluded), k_i its strength, S_X the strength of X,
 * W the total weight; repeated until no move gains more than 1e-12. Q never decreases.
 * Louvain's aggregation leaves nodes stranded in communities that no longer suit them once
 * communities merge; this pass moves them.
 */
import type { Rng } from '../../util/rng.js';

export interface WeightedCsr { n: number; offsets: Int32Array; adj: Int32Array; weight: Float64Array }

export function weightedCsr(n: number, u: ArrayLike<number>, v: ArrayLike<number>, w: ArrayLike<number>): WeightedCsr {
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < u.length; i++) { offsets[(u[i] as number) + 1]!++; offsets[(v[i] as number) + 1]!++; }
  for (let i = 1; i <= n; i++) offsets[i] = (offsets[i] as number) + (offsets[i - 1] as number);
  const fill = offsets.slice(0, n);
  const adj = new Int32Array(2 * u.length), weight = new Float64Array(2 * u.length);
  for (let i = 0; i < u.length; i++) {
    const a = u[i] as number, b = v[i] as number, x = w[i] as number;
    let at = fill[a]!++; adj[at] = b; weight[at] = x;
    at = fill[b]!++; adj[at] = a; weight[at] = x;
  }
  return { n, offsets, adj, weight };
}

/** Improves `membership` in place; returns the number of moves made. */
export function refineByLocalMoves(g: WeightedCsr, membership: Int32Array, resolution = 1, rng?: Rng, maxSweeps = 100): number {
  const { n, offsets, adj, weight } = g;
  const strength = new Float64Array(n);
  let W2 = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let e = offsets[i] as number; e < (offsets[i + 1] as number); e++) s += weight[e] as number;
    strength[i] = s; W2 += s;
  }
  const W = W2 / 2;
  if (W === 0) return 0;
  let maxLabel = 0;
  for (let i = 0; i < n; i++) if ((membership[i] as number) > maxLabel) maxLabel = membership[i] as number;
  const labels = Math.max(maxLabel + 1, n) + n;
  const S = new Float64Array(labels);
  const used = new Int32Array(labels);
  for (let i = 0; i < n; i++) { const c = membership[i] as number; S[c]! += strength[i] as number; used[c]!++; }
  // Unused labels, as a stack whose top is the smallest.
  const free = new Int32Array(labels);
  let freeTop = 0;
  for (let c = labels - 1; c >= 0; c--) if (used[c] === 0) free[freeTop++] = c;

  const toComm = new Float64Array(labels);
  const touched = new Int32Array(labels);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const twoW2 = 2 * W * W;
  let moves = 0;
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    if (rng) for (let i = n - 1; i > 0; i--) { const j = Math.floor(rng() * (i + 1)); const t = order[i] as number; order[i] = order[j] as number; order[j] = t; }
    let moved = 0;
    for (let oi = 0; oi < n; oi++) {
      const i = order[oi] as number;
      const start = offsets[i] as number, end = offsets[i + 1] as number;
      if (start === end) continue; // no neighbour: nothing to gain anywhere
      const a = membership[i] as number, ki = strength[i] as number;
      let nTouched = 0;
      for (let e = start; e < end; e++) {
        const j = adj[e] as number;
        if (j === i) continue;
        const c = membership[j] as number;
        if (toComm[c] === 0) touched[nTouched++] = c;
        toComm[c] = (toComm[c] as number) + (weight[e] as number);
      }
      const wA = toComm[a] as number;
      const sA = (S[a] as number) - ki;
      let best = a, bestGain = 0;
      for (let t = 0; t < nTouched; t++) {
        const c = touched[t] as number;
        if (c === a) continue;
        const gain = ((toComm[c] as number) - wA) / W - (resolution * ki * ((S[c] as number) - sA)) / twoW2;
        if (gain > bestGain + 1e-12 || (gain > 1e-12 && Math.abs(gain - bestGain) <= 1e-12 && c < best)) { best = c; bestGain = gain; }
      }
      // A community of its own: gain = −w_iA/W + γ k_i S_A' / (2W²).
      const alone = -wA / W + (resolution * ki * sA) / twoW2;
      if (alone > bestGain + 1e-12 && used[a]! > 1 && freeTop > 0) { best = free[--freeTop] as number; bestGain = alone; }
      for (let t = 0; t < nTouched; t++) toComm[touched[t] as number] = 0;
      if (best !== a) {
        S[a]! -= ki; S[best]! += ki; used[a]!--; used[best]!++;
        if (used[a] === 0) free[freeTop++] = a;
        membership[i] = best; moved++;
      }
    }
    moves += moved;
    if (moved === 0) break;
  }
  return moves;
}

/**
 * The graph of communities: one node per community (labels compacted to 0…k−1 in order of first
 * appearance), self-loops carry the inside weight; edges ordered by (a, b), each weight summed in the
 * order the edges are met (a stable two-pass counting sort by b then a).
 */
export function aggregate(g: WeightedCsr, membership: Int32Array): { graph: WeightedCsr; labels: Int32Array } {
  let maxLabel = 0;
  for (let i = 0; i < g.n; i++) if ((membership[i] as number) > maxLabel) maxLabel = membership[i] as number;
  const compact = new Int32Array(maxLabel + 1).fill(-1);
  const labels = new Int32Array(g.n);
  let k = 0;
  for (let i = 0; i < g.n; i++) {
    const c = membership[i] as number;
    if (compact[c] === -1) compact[c] = k++;
    labels[i] = compact[c] as number;
  }
  // Each undirected edge once (self-loops once), as (a ≤ b, weight), in CSR order.
  const E = (g.offsets[g.n] as number);
  const ea = new Int32Array(E), eb = new Int32Array(E), ew = new Float64Array(E);
  let m = 0;
  for (let i = 0; i < g.n; i++) {
    for (let e = g.offsets[i] as number; e < (g.offsets[i + 1] as number); e++) {
      const j = g.adj[e] as number;
      if (j < i) continue;
      const a = labels[i] as number, b = labels[j] as number;
      if (a <= b) { ea[m] = a; eb[m] = b; } else { ea[m] = b; eb[m] = a; }
      ew[m++] = g.weight[e] as number;
    }
  }
  const byB = stableCountingOrder(eb, m, k, null);
  const order = stableCountingOrder(ea, m, k, byB);
  const u: number[] = [], v: number[] = [], w: number[] = [];
  for (let t = 0; t < m; t++) {
    const x = order[t] as number, a = ea[x] as number, b = eb[x] as number;
    const last = u.length - 1;
    if (last >= 0 && u[last] === a && v[last] === b) w[last] = (w[last] as number) + (ew[x] as number);
    else { u.push(a); v.push(b); w.push(0 + (ew[x] as number)); }
  }
  return { graph: weightedCsr(k, u, v, w), labels };
}

/** Positions 0…m−1 (or `within`, in its order) stably sorted by key[·] ∈ [0, k): a counting sort. */
function stableCountingOrder(key: Int32Array, m: number, k: number, within: Int32Array | null): Int32Array {
  const start = new Int32Array(k + 1);
  for (let t = 0; t < m; t++) start[(key[t] as number) + 1]!++;
  for (let c = 1; c <= k; c++) start[c] = (start[c] as number) + (start[c - 1] as number);
  const out = new Int32Array(m);
  for (let t = 0; t < m; t++) {
    const x = within ? (within[t] as number) : t;
    out[start[key[x] as number]!++] = x;
  }
  return out;
}

/**
 * Multi-level improvement of a partition: local moves at node level, then the same on the graph of
 * communities (merging them), recursively, until nothing moves. Starts from `membership` (e.g. the
 * result of graphology-communities-louvain) and never lowers Q.
 */
export function improvePartition(g: WeightedCsr, membership: Int32Array, resolution = 1, rng?: Rng): void {
  for (let round = 0; round < 50; round++) {
    refineByLocalMoves(g, membership, resolution, rng);
    const { graph, labels } = aggregate(g, membership);
    const sub = new Int32Array(graph.n);
    for (let i = 0; i < graph.n; i++) sub[i] = i;
    improvePartition0(graph, sub, resolution, rng);
    const merged = distinct(sub) < graph.n;
    for (let i = 0; i < g.n; i++) membership[i] = sub[labels[i] as number] as number;
    if (!merged) return;
  }
}

/** Number of distinct values of a non-negative label array. */
function distinct(labels: Int32Array): number {
  let max = -1;
  for (let i = 0; i < labels.length; i++) if ((labels[i] as number) > max) max = labels[i] as number;
  const seen = new Uint8Array(max + 1);
  let count = 0;
  for (let i = 0; i < labels.length; i++) if (seen[labels[i] as number] === 0) { seen[labels[i] as number] = 1; count++; }
  return count;
}

function improvePartition0(g: WeightedCsr, membership: Int32Array, resolution: number, rng?: Rng): void {
  const moved = refineByLocalMoves(g, membership, resolution, rng);
  if (moved === 0) return;
  improvePartition(g, membership, resolution, rng);
}
