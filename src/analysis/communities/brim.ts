/**
 * brim: communities of a bipartite graph by BRIM (Bipartite, Recursively Induced Modules), which
 * climbs Barber's bipartite modularity Q (see `barber-modularity.ts`) by relabelling one side at a
 * time.
 *
 *   Q = (1/m²) Σ_c (e_c·m − K_c·D_c) = (1/m²) Σ_{i ∈ home} (A_{i,g_i}·m − k_i·D_{g_i})
 *
 * where A_{i,c} is the number of neighbours of i in community c. With the partner labels fixed, D is
 * fixed and each home node's term depends on its own label only, so the best labelling of the
 * whole side is found node by node: g_i = argmax_c (A_{i,c}·m − k_i·D_c). Then the partner side is
 * relabelled the same way given the home labels (d_j and K_c), and so on. Scores are integers
 * (exact in doubles while m ≤ ~9·10⁷); a node moves only to a strictly better community, so Q rises
 * strictly with every move and the alternation stops, at the latest, at the first half-step that
 * moves nothing.
 *
 * Candidates per node: for a community the node does not touch, A_{i,c} = 0 and the score is
 * −k_i·D_c, so of all untouched communities only the one with the smallest D_c (an empty one if any)
 * can win. Each node therefore scores the communities of its neighbours plus that one, found by
 * walking the communities in increasing D and skipping touched ones (at most k_i + 1 steps); a
 * half-step costs O(m + c log c). Ties keep the node's current community.
 *
 * Restarts: each restart labels the partner side uniformly at random into c communities (c follows
 * a geometric schedule from 2 to `maxCommunities`, default min(#home, #partner), the most
 * communities that can each hold an edge) and runs BRIM to convergence; `initial`, when given, is run
 * too, before the random restarts. The run with the highest Q wins (the earliest on ties). Its labels
 * are renumbered 0…k−1 in order of first appearance over the home nodes, then the partner nodes;
 * empty communities disappear, and each node of degree 0 gets a community of its own. Randomness
 * comes only from `rng`, so a seed fixes the output.
 *
 * Reference: M. J. Barber (2007), "Modularity and community detection in bipartite networks",
 * Phys. Rev. E 76, 066102, doi:10.1103/PhysRevE.76.066102 (section IV, BRIM).
 *
 * Example: two disjoint copies of K_{3,3} (m = 18) come out as two communities with
 * Q = 2·(9/18 − 9·9/18²) = 1/2.
 */
import type { BipartiteIndex, SideIndex } from '../../graph/bipartite-index.js';
import type { Rng } from '../../util/rng.js';
import type { BipartiteMembership } from './barber-modularity.js';
import { compact } from './barber-modularity.js';

export interface BrimOptions {
  /** Source of randomness (`createRng(seed)`); required. */
  rng: Rng;
  /** Largest number of communities a restart starts from; `undefined`/`null`: min(#home, #partner). */
  maxCommunities?: number | null;
  /** Random restarts; default 10. May be 0 when `initial` is given. */
  restarts?: number;
  /** A starting partition to refine, tried before the random restarts; `null`: none. */
  initial?: BipartiteMembership | null;
}

export interface BrimResult extends BipartiteMembership {
  /** Barber's Q of the returned partition. */
  modularity: number;
  /** Number of communities (labels run 0…communities−1). */
  communities: number;
  /** Half-steps (one side relabelled given the other) of the winning run, the last one moving nothing. */
  iterations: number;
}

const DEFAULTS = { maxCommunities: null, restarts: 10, initial: null } as const;

interface Run {
  home: Int32Array;
  partner: Int32Array;
  /** Q·m², an exact integer. */
  numerator: number;
  iterations: number;
}

export function brim(index: BipartiteIndex, options: BrimOptions): BrimResult {
  const { rng } = options;
  const restarts = options.restarts ?? DEFAULTS.restarts;
  const initial = options.initial ?? DEFAULTS.initial;
  const nHome = index.home.keys.length, nPartner = index.partner.keys.length, m = index.edges;
  if (typeof rng !== 'function') throw new TypeError('analysis/brim: options.rng must be a function returning [0, 1)');
  if (m === 0) throw new Error(`analysis/brim: the graph has no edges (m = 0; ${nHome} home, ${nPartner} partner nodes)`);
  if (!Number.isInteger(restarts) || restarts < 0) throw new Error(`analysis/brim: restarts must be an integer ≥ 0, got ${restarts}`);
  if (restarts === 0 && initial === null) throw new Error('analysis/brim: restarts = 0 and no initial partition: nothing to run');
  const cap = options.maxCommunities ?? Math.min(nHome, nPartner);
  if (!Number.isInteger(cap) || cap < 1) throw new Error(`analysis/brim: maxCommunities must be an integer ≥ 1, got ${cap}`);

  let best: Run | null = null;
  const keep = (run: Run): void => {
    if (best === null || run.numerator > best.numerator) best = run;
  };
  if (initial !== null) {
    if (initial.home.length !== nHome || initial.partner.length !== nPartner) {
      throw new Error(`analysis/brim: initial partition has ${initial.home.length} home and ${initial.partner.length} partner labels for ${nHome} and ${nPartner} nodes`);
    }
    const [g, h, labels] = denseLabels(initial.home, initial.partner);
    keep(climb(index, g, h, labels));
  }
  const low = Math.min(2, cap);
  for (let r = 0; r < restarts; r++) {
    const c = restarts === 1 ? cap : Math.round(low * (cap / low) ** (r / (restarts - 1)));
    const h = new Int32Array(nPartner);
    for (let j = 0; j < nPartner; j++) h[j] = Math.min(c - 1, Math.floor(rng() * c));
    keep(climb(index, new Int32Array(nHome).fill(-1), h, c));
  }
  const won = best as unknown as Run;
  const [home, partner, communities] = canonical(index, won.home, won.partner);
  return { home, partner, modularity: won.numerator / (m * m), communities, iterations: won.iterations };
}

/**
 * Runs BRIM from partner labels `h` (home labels `g` are only the tie-breaking incumbents; −1 means
 * none) with labels 0…labels−1, until a half-step moves nothing. Mutates and returns g and h.
 */
function climb(index: BipartiteIndex, g: Int32Array, h: Int32Array, labels: number): Run {
  const m = index.edges;
  const K = new Float64Array(labels), D = new Float64Array(labels);
  const scratch = { count: new Int32Array(labels), touched: new Int32Array(labels), order: new Int32Array(labels) };
  degreeSums(index.partner, h, D);
  let iterations = 0;
  for (let side = 0; ; side ^= 1) {
    const moved = side === 0
      ? relabel(index.home, g, h, D, m, scratch)
      : relabel(index.partner, h, g, K, m, scratch);
    if (side === 0) degreeSums(index.home, g, K);
    else degreeSums(index.partner, h, D);
    iterations++;
    if (moved === 0 && iterations > 1) break;
  }
  return { home: g, partner: h, numerator: numerator(index.home, g, h, K, D, m), iterations };
}

/**
 * Q·m² = e·m − Σ_c K_c·D_c (e: edges inside communities), an exact integer. Kept out of `climb` so
 * that the loops live in small functions: `climb` itself then stays cold and is never compiled
 * with everything it calls inlined.
 */
function numerator(home: SideIndex, g: Int32Array, h: Int32Array, K: Float64Array, D: Float64Array, m: number): number {
  let inside = 0;
  for (let i = 0; i < g.length; i++) {
    const gi = g[i]!;
    for (let e = home.offsets[i]!, end = home.offsets[i + 1]!; e < end; e++) if (h[home.adj[e]!] === gi) inside++;
  }
  let expected = 0;
  for (let c = 0; c < K.length; c++) expected += K[c]! * D[c]!;
  return inside * m - expected;
}

/**
 * One half-step: gives every node of `s` the community maximising A_{i,c}·m − k_i·S_c, where A counts
 * its neighbours labelled c in `otherLabels` and S holds the other side's degree sums. Returns the
 * number of nodes whose label changed. Nodes of degree 0 keep their label.
 */
function relabel(
  s: SideIndex, own: Int32Array, otherLabels: Int32Array, S: Float64Array, m: number,
  scratch: { count: Int32Array; touched: Int32Array; order: Int32Array },
): number {
  const { count, touched, order } = scratch;
  sortByMass(S, order);
  let moved = 0;
  for (let i = 0; i < own.length; i++) {
    const from = s.offsets[i]!, to = s.offsets[i + 1]!, k = to - from;
    if (k === 0) continue;
    let t = 0;
    for (let e = from; e < to; e++) {
      const c = otherLabels[s.adj[e]!]!;
      if (count[c] === 0) touched[t++] = c;
      count[c] = count[c]! + 1;
    }
    const current = own[i]!;
    let bestC = current, bestScore = current < 0 ? -Infinity : count[current]! * m - k * S[current]!;
    for (let u = 0; u < t; u++) {
      const c = touched[u]!, score = count[c]! * m - k * S[c]!;
      if (score > bestScore) { bestScore = score; bestC = c; }
    }
    for (let x = 0; x < order.length; x++) {
      const c = order[x]!;
      if (count[c] !== 0) continue;
      if (-k * S[c]! > bestScore) bestC = c;
      break;
    }
    for (let u = 0; u < t; u++) count[touched[u]!] = 0;
    if (bestC !== current) { own[i] = bestC; moved++; }
  }
  return moved;
}

/**
 * order = 0…c−1 sorted by S (ascending), ties by label. S holds integer degree sums ≤ m, so the key
 * S·c + label is an exact integer and a plain numeric sort of the keys gives that order.
 */
function sortByMass(S: Float64Array, order: Int32Array): void {
  const labels = order.length, keys = new Float64Array(labels);
  for (let c = 0; c < labels; c++) keys[c] = S[c]! * labels + c;
  keys.sort();
  for (let x = 0; x < labels; x++) order[x] = keys[x]! % labels;
}

/** sums[c] = Σ degrees of the nodes of `s` labelled c. */
function degreeSums(s: SideIndex, labels: Int32Array, sums: Float64Array): void {
  sums.fill(0);
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i]!;
    if (c >= 0) sums[c] = sums[c]! + (s.offsets[i + 1]! - s.offsets[i]!);
  }
}

/** Copies of the two label arrays renumbered 0…k−1 in order of first appearance; throws on negatives. */
function denseLabels(g: Int32Array, h: Int32Array): [Int32Array, Int32Array, number] {
  for (const [a, side] of [[g, 'home'], [h, 'partner']] as const) {
    for (let i = 0; i < a.length; i++) if (a[i]! < 0) throw new Error(`analysis/brim: initial ${side} label ${i} is negative (${a[i]})`);
  }
  // Labels beyond the node count are first made dense (`compact`), so the table of ids stays small.
  const [g1, h1, labels] = compact(g, h);
  const ids = new Int32Array(labels).fill(-1), g2 = new Int32Array(g.length), h2 = new Int32Array(h.length);
  const next = firstAppearance(h1, ids, h2, firstAppearance(g1, ids, g2, 0, null), null);
  return [g2, h2, Math.max(1, next)];
}

/**
 * out[i] = id of label a[i], ids numbered from `next` on in order of first appearance (`ids` maps
 * label → id, −1 for none yet); with `s`, each node of degree 0 gets a fresh id of its own. Returns
 * the next unused id.
 */
function firstAppearance(a: Int32Array, ids: Int32Array, out: Int32Array, next: number, s: SideIndex | null): number {
  for (let i = 0; i < a.length; i++) {
    if (s !== null && s.offsets[i + 1] === s.offsets[i]) { out[i] = next++; continue; }
    const c = a[i]!;
    if (ids[c] === -1) ids[c] = next++;
    out[i] = ids[c]!;
  }
  return next;
}

/** The largest label on either side (−1 when there are none). */
function maxLabel(g: Int32Array, h: Int32Array): number {
  let max = -1;
  for (let i = 0; i < g.length; i++) if (g[i]! > max) max = g[i]!;
  for (let i = 0; i < h.length; i++) if (h[i]! > max) max = h[i]!;
  return max;
}

/**
 * Canonical labels: 0…k−1 in order of first appearance over home then partner nodes; each degree-0
 * node alone. Labels must be non-negative. Shared with `barber-louvain.ts`; not part of the public surface.
 * @internal
 */
export function canonical(index: BipartiteIndex, g: Int32Array, h: Int32Array): [Int32Array, Int32Array, number] {
  const ids = new Int32Array(maxLabel(g, h) + 1).fill(-1), home = new Int32Array(g.length), partner = new Int32Array(h.length);
  const next = firstAppearance(h, ids, partner, firstAppearance(g, ids, home, 0, index.home), index.partner);
  return [home, partner, next];
}
