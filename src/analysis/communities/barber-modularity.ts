/**
 * barberModularity: Barber's bipartite modularity of a two-sided partition.
 *
 *   Q = (1/m) Σ_{i ∈ home, j ∈ partner} (A_ij − k_i d_j / m) δ(g_i, h_j)
 *     = Σ_c [ e_c / m − K_c D_c / m² ]
 *
 * where m is the number of edges, k_i the degree of home node i, d_j the degree of partner j,
 * g and h the community labels on the two sides, e_c the number of edges inside community c,
 * K_c = Σ_{g_i = c} k_i and D_c = Σ_{h_j = c} d_j. The null model is the bipartite configuration
 * model (only edges between the sides are expected): everything in one community gives Q = 0, and
 * c disjoint, equal complete bipartite blocks give Q = 1 − 1/c. Computed in O(n + m + number of labels) from per-community
 * sums; the numerator e·m − Σ_c K_c D_c is an exact integer while m ≤ ~9·10⁷, so Q is correctly
 * rounded. Nodes of degree 0 contribute nothing, whatever their label.
 *
 * Reference: M. J. Barber (2007), "Modularity and community detection in bipartite networks",
 * Phys. Rev. E 76, 066102, doi:10.1103/PhysRevE.76.066102.
 *
 * Labels are non-negative integers; they need not be contiguous, and a label means the same
 * community on both sides.
 *
 * Example: the path a–x–b (home a, b; partner x) plus b–y, m = 3, split {a, x} | {b, y}:
 * e = 2, K = (1, 2), D = (2, 1), Q = 2/3 − (1·2 + 2·1)/9 = 2/9.
 */
import type { BipartiteIndex, SideIndex } from '../../graph/bipartite-index.js';

/** Community labels per side, indexed like `BipartiteIndex.home.keys` / `.partner.keys`. */
export interface BipartiteMembership {
  home: Int32Array;
  partner: Int32Array;
}

export function barberModularity(index: BipartiteIndex, membership: BipartiteMembership): number {
  const m = index.edges;
  if (m === 0) throw new Error('analysis/barber-modularity: the graph has no edges (m = 0), Q is undefined');
  checkLabels('home', index.home, membership.home);
  checkLabels('partner', index.partner, membership.partner);
  const [g, h, labels] = compact(membership.home, membership.partner);
  const K = new Float64Array(labels), D = new Float64Array(labels);
  let inside = 0;
  for (let i = 0; i < g.length; i++) {
    const c = g[i]!, from = index.home.offsets[i]!, to = index.home.offsets[i + 1]!;
    K[c] = K[c]! + (to - from);
    for (let e = from; e < to; e++) if (h[index.home.adj[e]!] === c) inside++;
  }
  for (let j = 0; j < h.length; j++) {
    const c = h[j]!;
    D[c] = D[c]! + (index.partner.offsets[j + 1]! - index.partner.offsets[j]!);
  }
  let expected = 0;
  for (let c = 0; c < labels; c++) expected += K[c]! * D[c]!;
  return (inside * m - expected) / (m * m);
}

function checkLabels(side: string, s: SideIndex, labels: Int32Array): void {
  if (labels.length !== s.keys.length) {
    throw new Error(`analysis/barber-modularity: ${side} membership has ${labels.length} labels for ${s.keys.length} nodes`);
  }
  for (let i = 0; i < labels.length; i++) {
    if (labels[i]! < 0) throw new Error(`analysis/barber-modularity: ${side} node ${i} ("${s.keys[i]}") has negative label ${labels[i]}`);
  }
}

/**
 * Returns the labels unchanged when they already lie in 0…n−1 (n = number of nodes), else renumbered
 * densely, so the per-community arrays never exceed n entries. Labels must be non-negative. Shared
 * with `brim.ts`; not part of the public surface.
 * @internal
 */
export function compact(g: Int32Array, h: Int32Array): [Int32Array, Int32Array, number] {
  const n = g.length + h.length;
  let max = -1;
  for (const c of g) if (c > max) max = c;
  for (const c of h) if (c > max) max = c;
  if (max < n) return [g, h, max + 1];
  const ids = new Map<number, number>();
  const renumber = (a: Int32Array): Int32Array => a.map((c) => {
    let id = ids.get(c);
    if (id === undefined) ids.set(c, (id = ids.size));
    return id;
  });
  const g2 = renumber(g), h2 = renumber(h);
  return [g2, h2, ids.size];
}
