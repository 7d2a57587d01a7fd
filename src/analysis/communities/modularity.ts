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
  // Labels are numbered densely in order of first appearance over the edges, and Q is summed in that
  // order (so the result does not depend on how the labels are spelled).
  let maxLabel = -1, allSmall = true;
  for (let i = 0; i < n; i++) {
    const c = membership[i] as number;
    if (!(Number.isInteger(c) && c >= 0)) allSmall = false;
    else if (c > maxLabel) maxLabel = c;
  }
  const inside = new Float64Array(n + 1), strength = new Float64Array(n + 1);
  const dense = allSmall && maxLabel < 4 * n + 16;
  const { total: W, used } = dense
    ? sumsBySlot(u, v, weight, membership, new Int32Array(maxLabel + 1).fill(-1), inside, strength)
    : sumsBySlotMap(u, v, weight, membership, inside, strength);
  if (W === 0) throw new Error('analysis/modularity: the graph has no edge weight');
  let q = 0;
  for (let s = 0; s < used; s++) q += (inside[s] as number) / W - resolution * ((strength[s] as number) / (2 * W)) ** 2;
  return q;
}

/**
 * Total weight, and inside weight and strength per slot (labels numbered in order of first
 * appearance over the edges, through `slot`, indexed by label); returns the total and the slots used.
 */
function sumsBySlot(
  u: ArrayLike<number>, v: ArrayLike<number>, weight: ArrayLike<number>, membership: ArrayLike<number>,
  slot: Int32Array, inside: Float64Array, strength: Float64Array,
): { total: number; used: number } {
  let W = 0, used = 0;
  for (let i = 0; i < u.length; i++) {
    const a = u[i] as number, b = v[i] as number, w = weight[i] as number;
    W += w;
    const ca = membership[a] as number, cb = membership[b] as number;
    if (slot[ca] === -1) slot[ca] = used++;
    if (slot[cb] === -1) slot[cb] = used++;
    const sa = slot[ca] as number, sb = slot[cb] as number;
    strength[sa]! += w;
    strength[sb]! += w;
    if (sa === sb) inside[sa]! += w;
  }
  return { total: W, used };
}

/** `sumsBySlot` for labels that are not small non-negative integers (a map from label to slot). */
function sumsBySlotMap(
  u: ArrayLike<number>, v: ArrayLike<number>, weight: ArrayLike<number>, membership: ArrayLike<number>,
  inside: Float64Array, strength: Float64Array,
): { total: number; used: number } {
  const slot = new Map<number, number>();
  let W = 0;
  const slotOf = (c: number): number => {
    let s = slot.get(c);
    if (s === undefined) { s = slot.size; slot.set(c, s); }
    return s;
  };
  for (let i = 0; i < u.length; i++) {
    const a = u[i] as number, b = v[i] as number, w = weight[i] as number;
    W += w;
    const sa = slotOf(membership[a] as number), sb = slotOf(membership[b] as number);
    strength[sa]! += w;
    strength[sb]! += w;
    if (sa === sb) inside[sa]! += w;
  }
  return { total: W, used: slot.size };
}
