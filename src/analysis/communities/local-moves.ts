/**
 * Node-level refinement of a partition by local moves (the first phase of Louvain, Blondel et al.
 * 2008, doi:10.1088/1742-5468/2008/10/P10008, applied to a finished partition): each node in turn
 * moves to the neighbouring community (or a community of its own) with the largest modularity gain
 *   ΔQ = (w_iB − w_iA) / W − γ k_i (S_B − (S_A − k_i)) / (2W²),
 * w_iX the weight from i into X (i itself excluded), k_i its strength, S_X the strength of X,
 * W the total weight; repeated until no move gains more than 1e-12. Q never decreases.
 * Louvain's aggregation leaves nodes stranded in communities that no longer suit them once
 * communities merge; this pass moves them.
 *
 * Everything runs on typed arrays only (one array type per parameter, so V8 compiles each loop
 * once, even in a cold process), and the scratch arrays live in a `LocalMovesWorkspace` reused
 * across levels and runs.
 */
import { shuffleInPlace } from '../../util/rng.js';
import type { Rng } from '../../util/rng.js';

/**
 * Undirected weighted graph as CSR; `strength[i]` = Σ of i's entries in CSR order (a self-loop
 * is listed twice), `total` = Σ_i strength[i] (twice the total weight W).
 */
export interface WeightedCsr { n: number; offsets: Int32Array; adj: Int32Array; weight: Float64Array; strength: Float64Array; total: number }

/**
 * The CSR of edges (u[i], v[i], w[i]), i < m (default: all): each edge listed at both ends in edge
 * order (a self-loop twice at its node).
 */
export function weightedCsr(n: number, u: Int32Array, v: Int32Array, w: Float64Array, m: number = u.length): WeightedCsr {
  const offsets = new Int32Array(n + 1);
  countEnds(offsets, u, v, m);
  prefixSums(offsets, n);
  const adj = new Int32Array(2 * m), weight = new Float64Array(2 * m);
  fillCsr(offsets.slice(0, n), u, v, w, m, adj, weight);
  const strength = new Float64Array(n);
  return { n, offsets, adj, weight, strength, total: strengths(offsets, weight, strength, n) };
}

// The steps of `weightedCsr` (and of `aggregate` below) are small functions with one loop each: in a
// cold process V8 compiles a hot loop on its own (on-stack replacement), and code after that loop
// which has never run would throw the compiled code away again.

/** offsets[x + 1] = number of ends of edges i < m at x. */
function countEnds(offsets: Int32Array, u: Int32Array, v: Int32Array, m: number): void {
  for (let i = 0; i < m; i++) { offsets[u[i]! + 1]!++; offsets[v[i]! + 1]!++; }
}

/** In place: a[i] = a[0] + … + a[i], for i ≤ n. */
function prefixSums(a: Int32Array, n: number): void {
  for (let i = 1; i <= n; i++) a[i] = a[i]! + a[i - 1]!;
}

function fillCsr(fill: Int32Array, u: Int32Array, v: Int32Array, w: Float64Array, m: number, adj: Int32Array, weight: Float64Array): void {
  for (let i = 0; i < m; i++) {
    const a = u[i]!, b = v[i]!, x = w[i]!;
    let at = fill[a]!++; adj[at] = b; weight[at] = x;
    at = fill[b]!++; adj[at] = a; weight[at] = x;
  }
}

/** strength[i] = Σ of i's CSR weights (in CSR order); returns Σ_i strength[i]. */
function strengths(offsets: Int32Array, weight: Float64Array, strength: Float64Array, n: number): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) s += weight[e]!;
    strength[i] = s; total += s;
  }
  return total;
}

/**
 * Scratch arrays of `refineByLocalMoves` and `aggregate`, grown on demand and reused: a run of
 * `improvePartition` otherwise allocates (and the collector frees) a dozen arrays per level.
 * Not shared between threads. Contents between calls are meaningless, except `toComm`, which every
 * call leaves all zero.
 */
export class LocalMovesWorkspace {
  S = new Float64Array(0);
  used = new Int32Array(0);
  free = new Int32Array(0);
  toComm = new Float64Array(0);
  touched = new Int32Array(0);
  order = new Int32Array(0);
  ea = new Int32Array(0);
  eb = new Int32Array(0);
  ew = new Float64Array(0);
  sortA = new Int32Array(0);
  sortB = new Int32Array(0);
  mu = new Int32Array(0);
  mv = new Int32Array(0);
  mw = new Float64Array(0);
  start = new Int32Array(0);
  compact = new Int32Array(0);
  /** Height of the stack of unused labels in `free` (`refineByLocalMoves`). */
  freeTop = 0;

  /** Room for `labels` community labels and `n` nodes. */
  forMoves(labels: number, n: number): void {
    if (this.S.length < labels) {
      this.S = new Float64Array(labels); this.used = new Int32Array(labels); this.free = new Int32Array(labels);
      this.toComm = new Float64Array(labels); this.touched = new Int32Array(labels);
    }
    if (this.order.length < n) this.order = new Int32Array(n);
  }

  /** Room for `m` edge entries, `k` communities and labels up to `maxLabel`. */
  forAggregate(m: number, k: number, maxLabel: number): void {
    if (this.ea.length < m) {
      this.ea = new Int32Array(m); this.eb = new Int32Array(m); this.ew = new Float64Array(m);
      this.sortA = new Int32Array(m); this.sortB = new Int32Array(m);
      this.mu = new Int32Array(m); this.mv = new Int32Array(m); this.mw = new Float64Array(m);
    }
    if (this.start.length < k + 1) this.start = new Int32Array(k + 1);
    if (this.compact.length < maxLabel + 1) this.compact = new Int32Array(maxLabel + 1);
  }
}

/** Improves `membership` in place; returns the number of moves made. */
export function refineByLocalMoves(
  g: WeightedCsr, membership: Int32Array, resolution = 1, rng?: Rng, maxSweeps = 100, ws: LocalMovesWorkspace = new LocalMovesWorkspace(),
): number {
  const n = g.n;
  if (g.total === 0) return 0;
  let maxLabel = 0;
  for (let i = 0; i < n; i++) if (membership[i]! > maxLabel) maxLabel = membership[i]!;
  const labels = Math.max(maxLabel + 1, n) + n;
  ws.forMoves(labels, n);
  ws.freeTop = startCommunities(ws, membership, g.strength, n, labels);
  const order = ws.order;
  for (let i = 0; i < n; i++) order[i] = i;
  let moves = 0;
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    if (rng) shuffleInPlace(order, n, rng);
    const moved = sweepOnce(g, membership, resolution, ws);
    moves += moved;
    if (moved === 0) break;
  }
  return moves;
}

/**
 * S[c] and used[c]: strength and size of each community c < labels; `free`: the unused labels as a
 * stack whose top is the smallest. Returns the stack's height.
 */
function startCommunities(ws: LocalMovesWorkspace, membership: Int32Array, strength: Float64Array, n: number, labels: number): number {
  const { S, used, free } = ws;
  S.fill(0, 0, labels);
  used.fill(0, 0, labels);
  for (let i = 0; i < n; i++) { const c = membership[i]!; S[c]! += strength[i]!; used[c]!++; }
  let freeTop = 0;
  for (let c = labels - 1; c >= 0; c--) if (used[c] === 0) free[freeTop++] = c;
  return freeTop;
}

/** One sweep of local moves over the nodes in `ws.order`; returns the number of moves. */
function sweepOnce(g: WeightedCsr, membership: Int32Array, resolution: number, ws: LocalMovesWorkspace): number {
  const { n, offsets, adj, weight, strength } = g;
  const { S, used, free, toComm, touched, order } = ws;
  const W = g.total / 2;
  const twoW2 = 2 * W * W;
  let freeTop = ws.freeTop;
  let moved = 0;
  for (let oi = 0; oi < n; oi++) {
    const i = order[oi]!;
    const start = offsets[i]!, end = offsets[i + 1]!;
    if (start === end) continue; // no neighbour: nothing to gain anywhere
    const a = membership[i]!, ki = strength[i]!;
    let nTouched = 0;
    for (let e = start; e < end; e++) {
      const j = adj[e]!;
      if (j === i) continue;
      const c = membership[j]!;
      if (toComm[c] === 0) touched[nTouched++] = c;
      toComm[c] = toComm[c]! + weight[e]!;
    }
    const wA = toComm[a]!;
    const sA = S[a]! - ki;
    let best = a, bestGain = 0;
    for (let t = 0; t < nTouched; t++) {
      const c = touched[t]!;
      if (c === a) continue;
      const gain = (toComm[c]! - wA) / W - (resolution * ki * (S[c]! - sA)) / twoW2;
      if (gain > bestGain + 1e-12 || (gain > 1e-12 && Math.abs(gain - bestGain) <= 1e-12 && c < best)) { best = c; bestGain = gain; }
    }
    // A community of its own: gain = −w_iA/W + γ k_i S_A' / (2W²).
    const alone = -wA / W + (resolution * ki * sA) / twoW2;
    if (alone > bestGain + 1e-12 && used[a]! > 1 && freeTop > 0) { best = free[--freeTop]!; bestGain = alone; }
    for (let t = 0; t < nTouched; t++) toComm[touched[t]!] = 0;
    if (best !== a) {
      S[a]! -= ki; S[best]! += ki; used[a]!--; used[best]!++;
      if (used[a] === 0) free[freeTop++] = a;
      membership[i] = best; moved++;
    }
  }
  ws.freeTop = freeTop;
  return moved;
}


/**
 * The graph of communities: one node per community (labels compacted to 0…k−1 in order of first
 * appearance), self-loops carry the inside weight; edges ordered by (a, b), each weight summed in the
 * order the edges are met (a stable two-pass counting sort by b then a). A self-loop of `g` is
 * listed twice in its CSR (so that it adds 2w to its node's strength, as in modularity's k_i): each
 * listing carries half its weight here, so the community's self-loop gets w, not 2w — the total
 * strength 2W is the same at every level (tested).
 */
export function aggregate(g: WeightedCsr, membership: Int32Array, ws: LocalMovesWorkspace = new LocalMovesWorkspace()): { graph: WeightedCsr; labels: Int32Array } {
  const n = g.n;
  let maxLabel = 0;
  for (let i = 0; i < n; i++) if (membership[i]! > maxLabel) maxLabel = membership[i]!;
  const E = g.offsets[n]!;
  ws.forAggregate(E, n, maxLabel);
  const labels = new Int32Array(n);
  const k = compactLabels(membership, n, ws.compact, maxLabel, labels);
  const m = edgeEntries(g, labels, ws.ea, ws.eb, ws.ew);
  countingOrder(ws.eb, m, k, null, ws.sortB, ws.start);
  countingOrder(ws.ea, m, k, ws.sortB, ws.sortA, ws.start);
  const merged = mergeEdges(ws.sortA, m, ws.ea, ws.eb, ws.ew, ws.mu, ws.mv, ws.mw);
  return { graph: weightedCsr(k, ws.mu, ws.mv, ws.mw, merged), labels };
}

/** labels[i] = membership[i] renumbered 0… in order of first appearance; returns how many. */
function compactLabels(membership: Int32Array, n: number, compact: Int32Array, maxLabel: number, labels: Int32Array): number {
  compact.fill(-1, 0, maxLabel + 1);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const c = membership[i]!;
    if (compact[c] === -1) compact[c] = k++;
    labels[i] = compact[c]!;
  }
  return k;
}

/** Each undirected edge once (a self-loop as its two listings, half the weight each), as (a ≤ b, weight) in CSR order; returns how many. */
function edgeEntries(g: WeightedCsr, labels: Int32Array, ea: Int32Array, eb: Int32Array, ew: Float64Array): number {
  const { n, offsets, adj, weight } = g;
  let m = 0;
  for (let i = 0; i < n; i++) {
    const a0 = labels[i]!;
    for (let e = offsets[i]!; e < offsets[i + 1]!; e++) {
      const j = adj[e]!;
      if (j < i) continue;
      const b0 = labels[j]!;
      if (a0 <= b0) { ea[m] = a0; eb[m] = b0; } else { ea[m] = b0; eb[m] = a0; }
      ew[m++] = j === i ? weight[e]! / 2 : weight[e]!;
    }
  }
  return m;
}

/** out[0…m−1]: positions 0…m−1 (or `within`, in its order) stably sorted by key[·] ∈ [0, k): a counting sort. */
function countingOrder(key: Int32Array, m: number, k: number, within: Int32Array | null, out: Int32Array, start: Int32Array): void {
  start.fill(0, 0, k + 1);
  for (let t = 0; t < m; t++) start[key[t]! + 1]!++;
  for (let c = 1; c <= k; c++) start[c] = start[c]! + start[c - 1]!;
  if (within === null) for (let t = 0; t < m; t++) out[start[key[t]!]!++] = t;
  else for (let t = 0; t < m; t++) { const x = within[t]!; out[start[key[x]!]!++] = x; }
}

/** Runs of equal (a, b) in `order` summed into one edge each (from 0, in order); returns how many. */
function mergeEdges(
  order: Int32Array, m: number, ea: Int32Array, eb: Int32Array, ew: Float64Array, u: Int32Array, v: Int32Array, w: Float64Array,
): number {
  let count = 0;
  for (let t = 0; t < m; t++) {
    const x = order[t]!, a = ea[x]!, b = eb[x]!;
    if (count > 0 && u[count - 1] === a && v[count - 1] === b) w[count - 1] = w[count - 1]! + ew[x]!;
    else { u[count] = a; v[count] = b; w[count] = 0 + ew[x]!; count++; }
  }
  return count;
}

/**
 * Multi-level improvement of a partition: local moves at node level, then the same on the graph of
 * communities (merging them), recursively, until nothing moves. Starts from `membership` (e.g. the
 * result of graphology-communities-louvain) and never lowers Q.
 */
export function improvePartition(
  g: WeightedCsr, membership: Int32Array, resolution = 1, rng?: Rng, ws: LocalMovesWorkspace = new LocalMovesWorkspace(),
): void {
  for (let round = 0; round < 50; round++) {
    refineByLocalMoves(g, membership, resolution, rng, 100, ws);
    const { graph, labels } = aggregate(g, membership, ws);
    const sub = new Int32Array(graph.n);
    for (let i = 0; i < graph.n; i++) sub[i] = i;
    improvePartition0(graph, sub, resolution, rng, ws);
    const merged = distinct(sub) < graph.n;
    for (let i = 0; i < g.n; i++) membership[i] = sub[labels[i]!]!;
    if (!merged) return;
  }
}

/** Number of distinct values of a non-negative label array. */
function distinct(labels: Int32Array): number {
  let max = -1;
  for (let i = 0; i < labels.length; i++) if (labels[i]! > max) max = labels[i]!;
  const seen = new Uint8Array(max + 1);
  let count = 0;
  for (let i = 0; i < labels.length; i++) if (seen[labels[i]!] === 0) { seen[labels[i]!] = 1; count++; }
  return count;
}

function improvePartition0(g: WeightedCsr, membership: Int32Array, resolution: number, rng: Rng | undefined, ws: LocalMovesWorkspace): void {
  const moved = refineByLocalMoves(g, membership, resolution, rng, 100, ws);
  if (moved === 0) return;
  improvePartition(g, membership, resolution, rng, ws);
}
