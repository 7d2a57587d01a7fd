/**
 * Newman–Girvan modularity of a partition of a weighted projection, with resolution γ
 * (Newman & Girvan 2004, doi:10.1103/PhysRevE.69.026113; γ as in Reichardt & Bornholdt 2006):
 *   Q = Σ_c [ W_c / W − γ (S_c / 2W)² ]
 * W the total edge weight, W_c the weight of edges inside community c, S_c the sum of the weighted
 * degrees (strengths) of c's nodes. Same convention as NetworkX `community.modularity` and
 * graphology-communities-louvain (γ > 1 gives more, smaller communities; Gephi's "resolution" runs
 * the other way).
 *
 * @example  two triangles joined by one edge, unit weights, split in the two triangles:
 *           W = 7, W_c = 3 each, S_c = 7 each → Q = 2·(3/7 − (7/14)²) = 5/14.
 */
export function modularity(
  n: number,
  u: ArrayLike<number>,
  v: ArrayLike<number>,
  weight: ArrayLike<number>,
  membership: ArrayLike<number>,
  resolution = 1,
): number {
  if (membership.length !== n) throw new Error(`analysis/modularity: membership has ${membership.length} entries for ${n} nodes`);
  let W = 0;
  const inside = new Map<number, number>(), strength = new Map<number, number>();
  for (let i = 0; i < u.length; i++) {
    const a = u[i] as number, b = v[i] as number, w = weight[i] as number;
    W += w;
    const ca = membership[a] as number, cb = membership[b] as number;
    strength.set(ca, (strength.get(ca) ?? 0) + w);
    strength.set(cb, (strength.get(cb) ?? 0) + w);
    if (ca === cb) inside.set(ca, (inside.get(ca) ?? 0) + w);
  }
  if (W === 0) throw new Error('analysis/modularity: the graph has no edge weight');
  let q = 0;
  for (const [c, s] of strength) q += (inside.get(c) ?? 0) / W - resolution * (s / (2 * W)) ** 2;
  return q;
}
