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
  const opp: SideIndex = side === 'china' ? index.partner : index.china;
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
  const sharedLists: number[][] = [];
  let touched: number[] = [];
  for (let a = 0; a < n; a++) {
    touched = [];
    for (let e = own.offsets[a] as number; e < (own.offsets[a + 1] as number); e++) {
      const k = own.adj[e] as number;
      const dk = degreeOf(opp, k);
      if (dk < 2) continue;
      const inv = 1 / (dk - 1);
      for (let f = opp.offsets[k] as number; f < (opp.offsets[k + 1] as number); f++) {
        const b = opp.adj[f] as number;
        if (b <= a) continue;
        if (mark[b] !== a) {
          mark[b] = a; cnt[b] = 0; nw[b] = 0; touched.push(b);
          if (keepShared) sharedLists[b] = [];
        }
        cnt[b] = (cnt[b] as number) + 1;
        nw[b] = (nw[b] as number) + inv;
        if (keepShared) (sharedLists[b] as number[]).push(k);
      }
    }
    touched.sort((x, y) => x - y);
    for (const b of touched) {
      us.push(a); vs.push(b); counts.push(cnt[b] as number); newmans.push(nw[b] as number);
      if (keepShared) {
        const list = (sharedLists[b] as number[]).sort((x, y) => x - y);
        for (const k of list) sharedAdj.push(k);
        sharedOffsets.push(sharedAdj.length);
      }
    }
  }
  return {
    side, keys: own.keys, sharedKeys: opp.keys, degree, opposite: opp.keys.length,
    u: us.toArray(), v: vs.toArray(), count: counts.toArray(), newman: newmans.toArray(),
    sharedOffsets: keepShared ? sharedOffsets.toArray() : null,
    sharedAdj: keepShared ? sharedAdj.toArray() : null,
  };
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
