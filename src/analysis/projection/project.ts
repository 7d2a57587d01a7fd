/**
 * Shared-partner projection of a bipartite graph onto one side: u–v is an edge when u and v share at
 * least one neighbour on the other side. Computed from each node's neighbour lists, never over all
 * pairs: cost Σ_k d_k² over the other side's degrees d_k (as igraph's bipartite projection).
 *
 * Weights (similarities, larger = more alike), for degrees d_u, d_v and c = |N(u) ∩ N(v)|:
 * - count c (NetworkX `weighted_projected_graph`, Newman 2001);
 * - Jaccard c / (d_u + d_v − c) (NetworkX `overlap_weighted_projected_graph`, jaccard=True);
 * - overlap c / min(d_u, d_v) (jaccard=False);
 * - cosine (Salton) c / √(d_u d_v);
 * - Newman's collaboration weight Σ_{k ∈ N(u)∩N(v)} 1/(d_k − 1) (Newman 2001,
 *   doi:10.1103/PhysRevE.64.016132; NetworkX `collaboration_weighted_projected_graph`).
 * Where an algorithm wants distances, convert explicitly (e.g. 1/w) and say so.
 *
 * @example  a–x, a–y, b–x, b–y, b–z onto {a, b}: c = 2, Jaccard 2/3, overlap 1, cosine 2/√6,
 *           Newman 1/(2−1) + 1/(2−1) = 2.
 */
import type { BipartiteIndex, SideIndex } from '../../graph/bipartite-index.js';
import { degreeOf } from '../../graph/bipartite-index.js';
import { GrowableFloat64, GrowableInt32 } from '../../util/growable.js';
import type { Side } from '../../graph/build-bipartite.js';

export type WeightKind = 'count' | 'jaccard' | 'overlap' | 'cosine' | 'newman';
export const WEIGHT_KINDS: readonly WeightKind[] = ['count', 'jaccard', 'overlap', 'cosine', 'newman'];

export interface Projection {
  side: Side;
  /** Node keys of the projected side (index = position). */
  keys: string[];
  /** Keys of the other side (what is shared). */
  sharedKeys: string[];
  /** Degrees in the bipartite graph of the projected side's nodes. */
  degree: Int32Array;
  /** Size of the other side (the population for significance). */
  opposite: number;
  /** Edge list, u < v, ordered by (u, v). */
  u: Int32Array;
  v: Int32Array;
  count: Int32Array;
  newman: Float64Array;
  /** CSR of the shared neighbours of edge i: sharedAdj[sharedOffsets[i] … sharedOffsets[i+1]−1] (null if not kept). */
  sharedOffsets: Int32Array | null;
  sharedAdj: Int32Array | null;
}

export interface ProjectOptions {
  /** Keep, for every edge, the list of shared neighbours (default true). */
  keepShared?: boolean;
}

export function project(index: BipartiteIndex, side: Side, options: ProjectOptions = {}): Projection {
  const keepShared = options.keepShared ?? true;
  const own: SideIndex = index[side];
  const opp: SideIndex = side === 'home' ? index.partner : index.home;
  const n = own.keys.length;
  const degree = new Int32Array(n);
  for (let i = 0; i < n; i++) degree[i] = degreeOf(own, i);

  const us = new GrowableInt32(), vs = new GrowableInt32(), counts = new GrowableInt32(), newmans = new GrowableFloat64();
  const sharedOffsets = new GrowableInt32();
  sharedOffsets.push(0);
  const sharedAdj = new GrowableInt32();
  const mark = new Int32Array(n).fill(-1);
  const cnt = new Int32Array(n);
  const nw = new Float64Array(n);
  const touched = new Int32Array(n);
  // With shared lists: the (b, k) pairs met from a, in order, then regrouped by b (`at`, `grouped`).
  const pairs = keepShared ? new PairBuffer() : null;
  const at = keepShared ? new Int32Array(n) : null;
  for (let a = 0; a < n; a++) {
    let nTouched = 0;
    for (let e = own.offsets[a] as number; e < (own.offsets[a + 1] as number); e++) {
      const k = own.adj[e] as number;
      const dk = degreeOf(opp, k);
      if (dk < 2) continue;
      const inv = 1 / (dk - 1);
      for (let f = opp.offsets[k] as number; f < (opp.offsets[k + 1] as number); f++) {
        const b = opp.adj[f] as number;
        if (b <= a) continue;
        if (mark[b] !== a) { mark[b] = a; cnt[b] = 0; nw[b] = 0; touched[nTouched++] = b; }
        cnt[b] = (cnt[b] as number) + 1;
        nw[b] = (nw[b] as number) + inv;
        if (pairs) pairs.push(b, k);
      }
    }
    const partners = touched.subarray(0, nTouched).sort();
    for (let t = 0; t < nTouched; t++) {
      const b = partners[t] as number;
      us.push(a); vs.push(b); counts.push(cnt[b] as number); newmans.push(nw[b] as number);
    }
    if (pairs && at) {
      const grouped = pairs.groupBy(partners, cnt, at);
      for (let t = 0; t < nTouched; t++) {
        const end = at[partners[t] as number] as number;
        for (let j = end - (cnt[partners[t] as number] as number); j < end; j++) sharedAdj.push(grouped[j] as number);
        sharedOffsets.push(sharedAdj.length);
      }
      pairs.clear();
    }
  }
  return {
    side, keys: own.keys, sharedKeys: opp.keys, degree, opposite: opp.keys.length,
    u: us.toArray(), v: vs.toArray(), count: counts.toArray(), newman: newmans.toArray(),
    sharedOffsets: keepShared ? sharedOffsets.toArray() : null,
    sharedAdj: keepShared ? sharedAdj.toArray() : null,
  };
}

/** (b, k) pairs met from one node, in order; regrouped by b with each group's k ascending. */
class PairBuffer {
  private b = new Int32Array(64);
  private k = new Int32Array(64);
  private grouped = new Int32Array(64);
  private length = 0;
  push(b: number, k: number): void {
    if (this.length === this.b.length) {
      const nb = new Int32Array(2 * this.length), nk = new Int32Array(2 * this.length);
      nb.set(this.b); nk.set(this.k);
      this.b = nb; this.k = nk;
    }
    this.b[this.length] = b; this.k[this.length] = k; this.length++;
  }
  clear(): void { this.length = 0; }
  /**
   * The k's grouped by b, groups in the order of `partners` (each b's group has count[b] entries),
   * each group ascending; on return at[b] is the end of b's group in the returned array.
   */
  groupBy(partners: Int32Array, count: Int32Array, at: Int32Array): Int32Array {
    if (this.grouped.length < this.length) this.grouped = new Int32Array(this.b.length);
    const grouped = this.grouped;
    let start = 0;
    for (let t = 0; t < partners.length; t++) { const b = partners[t]!; at[b] = start; start += count[b]!; }
    for (let j = 0; j < this.length; j++) grouped[at[this.b[j]!]!++] = this.k[j]!;
    // Each group is short (the partners two nodes share): insertion sort, in place.
    for (let t = 0; t < partners.length; t++) {
      const b = partners[t]!, end = at[b]!;
      for (let x = end - count[b]! + 1; x < end; x++) {
        const v = grouped[x]!;
        let y = x - 1;
        while (y >= end - count[b]! && grouped[y]! > v) { grouped[y + 1] = grouped[y]!; y--; }
        grouped[y + 1] = v;
      }
    }
    return grouped;
  }
}

/** The weight of projected edge i under a given measure. */
export function edgeWeight(p: Projection, i: number, kind: WeightKind): number {
  const c = p.count[i] as number;
  const du = p.degree[p.u[i] as number] as number, dv = p.degree[p.v[i] as number] as number;
  switch (kind) {
    case 'count': return c;
    case 'jaccard': return c / (du + dv - c);
    case 'overlap': return c / Math.min(du, dv);
    case 'cosine': return c / Math.sqrt(du * dv);
    case 'newman': return p.newman[i] as number;
  }
}

/** `edgeWeight` of every projected edge (the same values, one loop per measure). */
export function edgeWeights(p: Projection, kind: WeightKind): Float64Array {
  const E = p.u.length;
  const out = new Float64Array(E);
  const { u, v, count, degree } = p;
  switch (kind) {
    case 'count': for (let i = 0; i < E; i++) out[i] = count[i]!; break;
    case 'jaccard': for (let i = 0; i < E; i++) { const c = count[i]!; out[i] = c / (degree[u[i]!]! + degree[v[i]!]! - c); } break;
    case 'overlap': for (let i = 0; i < E; i++) out[i] = count[i]! / Math.min(degree[u[i]!]!, degree[v[i]!]!); break;
    case 'cosine': for (let i = 0; i < E; i++) out[i] = count[i]! / Math.sqrt(degree[u[i]!]! * degree[v[i]!]!); break;
    case 'newman': out.set(p.newman); break;
  }
  return out;
}

/** Keys of the neighbours shared by the endpoints of edge i. */
export function sharedOf(p: Projection, i: number): string[] {
  if (!p.sharedOffsets || !p.sharedAdj) throw new Error('analysis/project: shared lists were not kept (keepShared: false)');
  const out: string[] = [];
  for (let j = p.sharedOffsets[i] as number; j < (p.sharedOffsets[i + 1] as number); j++) out.push(p.sharedKeys[p.sharedAdj[j] as number] as string);
  return out;
}
