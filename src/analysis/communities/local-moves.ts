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
  for (const c of membership) if (c > maxLabel) maxLabel = c;
  const S = new Float64Array(Math.max(maxLabel + 1, n) + n);
  for (let i = 0; i < n; i++) S[membership[i] as number]! += strength[i] as number;
  const free: number[] = [];
  const used = new Int32Array(S.length);
  for (const c of membership) used[c]!++;
  for (let c = S.length - 1; c >= 0; c--) if (used[c] === 0) free.push(c);

  const toComm = new Float64Array(S.length);
  const touched: number[] = [];
  const order = Int32Array.from({ length: n }, (_, i) => i);
  let moves = 0;
  for (let sweep = 0; sweep < maxSweeps; sweep++) {
    if (rng) for (let i = n - 1; i > 0; i--) { const j = Math.floor(rng() * (i + 1)); const t = order[i] as number; order[i] = order[j] as number; order[j] = t; }
    let moved = 0;
    for (const i of order) {
      const a = membership[i] as number, ki = strength[i] as number;
      for (let e = offsets[i] as number; e < (offsets[i + 1] as number); e++) {
        const j = adj[e] as number;
        if (j === i) continue;
        const c = membership[j] as number;
        if (toComm[c] === 0) touched.push(c);
        toComm[c] = (toComm[c] as number) + (weight[e] as number);
      }
      const wA = toComm[a] as number;
      const sA = (S[a] as number) - ki;
      let best = a, bestGain = 0;
      for (const c of touched) {
        if (c === a) continue;
        const gain = ((toComm[c] as number) - wA) / W - (resolution * ki * ((S[c] as number) - sA)) / (2 * W * W);
        if (gain > bestGain + 1e-12 || (gain > 1e-12 && Math.abs(gain - bestGain) <= 1e-12 && c < best)) { best = c; bestGain = gain; }
      }
      // A community of its own: gain = −w_iA/W + γ k_i S_A' / (2W²).
      const alone = -wA / W + (resolution * ki * sA) / (2 * W * W);
      if (alone > bestGain + 1e-12 && used[a]! > 1 && free.length > 0) { best = free.pop() as number; bestGain = alone; }
      for (const c of touched) toComm[c] = 0;
      touched.length = 0;
      if (best !== a) {
        S[a]! -= ki; S[best]! += ki; used[a]!--; used[best]!++;
        if (used[a] === 0) free.push(a);
        membership[i] = best; moved++;
      }
    }
    moves += moved;
    if (moved === 0) break;
  }
  return moves;
}

/** The graph of communities: one node per community (labels compacted to 0…k−1), self-loops carry the inside weight. */
export function aggregate(g: WeightedCsr, membership: Int32Array): { graph: WeightedCsr; labels: Int32Array } {
  const map = new Map<number, number>();
  const labels = new Int32Array(g.n);
  for (let i = 0; i < g.n; i++) {
    const c = membership[i] as number;
    if (!map.has(c)) map.set(c, map.size);
    labels[i] = map.get(c) as number;
  }
  const k = map.size;
  const acc = new Map<number, number>();
  for (let i = 0; i < g.n; i++) {
    for (let e = g.offsets[i] as number; e < (g.offsets[i + 1] as number); e++) {
      const j = g.adj[e] as number;
      if (j < i) continue; // each undirected edge once (self-loops once)
      const a = labels[i] as number, b = labels[j] as number;
      const key = a <= b ? a * k + b : b * k + a;
      acc.set(key, (acc.get(key) ?? 0) + (g.weight[e] as number));
    }
  }
  const keys = [...acc.keys()].sort((x, y) => x - y);
  const u = new Int32Array(keys.length), v = new Int32Array(keys.length), w = new Float64Array(keys.length);
  keys.forEach((key, i) => { u[i] = Math.floor(key / k); v[i] = key % k; w[i] = acc.get(key) as number; });
  return { graph: weightedCsr(k, u, v, w), labels };
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
    const sub = Int32Array.from({ length: graph.n }, (_, i) => i);
    improvePartition0(graph, sub, resolution, rng);
    const merged = new Set(sub).size < graph.n;
    for (let i = 0; i < g.n; i++) membership[i] = sub[labels[i] as number] as number;
    if (!merged) return;
  }
}

function improvePartition0(g: WeightedCsr, membership: Int32Array, resolution: number, rng?: Rng): void {
  const moved = refineByLocalMoves(g, membership, resolution, rng);
  if (moved === 0) return;
  improvePartition(g, membership, resolution, rng);
}
