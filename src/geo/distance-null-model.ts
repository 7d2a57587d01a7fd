/**
 * Are partners nearer than chance? The observed link distances against those of degree-preserving
 * randomisations of the bipartite graph (curveball, see `curveball.ts`).
 *
 * Statistics, for the mean and the median link distance (great-circle km, `haversine.ts`):
 *   expected = mean over the N null samples;  sd = their standard deviation (N − 1 in the divisor;
 *   squared deviations summed by Welford's update);
 *   z = (observed − expected) / sd  (null when sd = 0);
 *   p = (1 + #{null ≤ observed}) / (N + 1): the empirical one-sided p-value for "nearer than chance"
 *   (Davison & Hinkley 1997, Bootstrap Methods, eq. 4.11; North, Curtis & Sham 2002,
 *   doi:10.1086/341527), never 0.
 * Overall and per group of partners (their continent): a partner keeps its degree and its group in
 * every sample, so each group has the same number of links in every sample.
 *
 * Links with an unplaced end are left out before randomising (and counted): the null model keeps the
 * degrees of the graph of placed places.
 *
 * Trades: a burn-in of 5 × L trades (L = links measured; the rule of thumb for curveball) leaves the
 * observed graph, then a sample is taken every L trades. No tight bound on the chain's mixing time is
 * known, so the thinning is set by measurement: on the seed, the lag-1 autocorrelation of a sample
 * statistic (the mean distance to Asian partners, the one with the strongest signal) falls
 * geometrically with the trades between samples, to the noise level (|ρ| < 0.05 over 400 samples)
 * from L trades on; 5 × L gains nothing more. With R rows of mean degree k̄ = L/R, L trades involve
 * each row in 2k̄ trades on average, each dealing out its unshared neighbours afresh. The tests
 * check, on a graph small enough to enumerate, that every realisation is visited equally often.
 *
 * What it says and what it does not: a small p means that, given who has how many partners, the
 * realised pairs are nearer than degree-preserving random pairing would make them; it says nothing of
 * why (history, trade, language), and it treats every realisation of the degrees as equally likely.
 *
 * @example
 *   distanceNullModel({ home, partner, edges }, coordinates, { samples: 1000, seed: 42 })
 *   // { overall: { links: 1380, observed: { mean: 7890, … }, expected: { mean: 8420, … }, z: …, p: … }, … }
 */
import { definedOnly } from '../util/defined-only.js';
import type { BipartiteIndex } from '../graph/bipartite-index.js';
import { DEFAULT_SEED, createRng } from '../util/rng.js';
import { curveballChain } from './curveball.js';
import { EARTH_RADIUS_KM } from './haversine.js';

/** Coordinates per node of each side, aligned with the index (NaN = unplaced), and the partners' groups. */
export interface NullModelCoordinates {
  home: { lat: Float64Array; lon: Float64Array };
  partner: { lat: Float64Array; lon: Float64Array };
  /** Group of each partner (its continent), or null for none. Default: no groups. */
  partnerGroup?: readonly (string | null)[] | null;
}

export interface DistanceNullOptions {
  /** Null samples. Default 1,000. */
  samples?: number;
  /** Trades before the first sample; null: 5 × the number of links measured. Default null. */
  burnIn?: number | null;
  /** Trades between samples; null: the number of links measured. Default null. */
  tradesPerSample?: number | null;
  /** Seed of the random numbers. Default DEFAULT_SEED (42). */
  seed?: number;
}

export interface DistanceStatistic {
  observed: number;
  expected: number;
  sd: number;
  z: number | null;
  /** Empirical p for "nearer than chance". */
  p: number;
}

export interface DistanceTest {
  links: number;
  mean: DistanceStatistic;
  median: DistanceStatistic;
}

export interface DistanceNullResult {
  samples: number;
  burnIn: number;
  tradesPerSample: number;
  seed: number;
  links: { total: number; measured: number; leftOut: number };
  overall: DistanceTest;
  /** Per partner group with measured links, by name (sorted); links of ungrouped partners count only overall. */
  byGroup: Record<string, DistanceTest>;
}

const isPlaced = (c: { lat: Float64Array; lon: Float64Array }, i: number): boolean => !Number.isNaN(c.lat[i]!) && !Number.isNaN(c.lon[i]!);

/** The links of `index` with both ends placed, as CSR rows of the home side: the graph the null model randomises. */
function placedLinks(index: BipartiteIndex, coords: NullModelCoordinates): { offsets: Int32Array; kept: number[] } {
  const n = index.home.keys.length, offsets = new Int32Array(n + 1), kept: number[] = [];
  for (let i = 0; i < n; i++) {
    if (isPlaced(coords.home, i)) {
      for (let e = index.home.offsets[i]!; e < index.home.offsets[i + 1]!; e++) {
        const j = index.home.adj[e]!;
        if (isPlaced(coords.partner, j)) kept.push(j);
      }
    }
    offsets[i + 1] = kept.length;
  }
  return { offsets, kept };
}

/** How many links of `index` have both ends placed: those the null model randomises, and its trades per sample. */
export function measuredLinkCount(index: BipartiteIndex, coords: NullModelCoordinates): number {
  return placedLinks(index, coords).kept.length;
}

export const DISTANCE_NULL_DEFAULTS = { samples: 1000, burnIn: null, tradesPerSample: null, seed: DEFAULT_SEED } satisfies Required<DistanceNullOptions>;
const DEFAULTS = DISTANCE_NULL_DEFAULTS;
const RAD = Math.PI / 180;

export function distanceNullModel(index: BipartiteIndex, coords: NullModelCoordinates, options: DistanceNullOptions = {}): DistanceNullResult {
  const o = { ...DEFAULTS, ...definedOnly(options) } as Required<DistanceNullOptions>;
  const n = index.home.keys.length, m = index.partner.keys.length;
  if (!(Number.isInteger(o.samples) && o.samples >= 1)) throw new RangeError(`geo/distance-null-model: samples must be a whole number ≥ 1, got ${o.samples}`);
  for (const k of ['burnIn', 'tradesPerSample'] as const) {
    const v = o[k];
    if (v !== null && !(Number.isInteger(v) && v >= 0)) throw new RangeError(`geo/distance-null-model: ${k} must be a whole number ≥ 0 or null, got ${v}`);
  }
  for (const [side, c, size] of [['home', coords.home, n], ['partner', coords.partner, m]] as const) {
    if (c.lat.length !== size || c.lon.length !== size) throw new RangeError(`geo/distance-null-model: ${side} coordinates for ${c.lat.length}/${c.lon.length} nodes, the index has ${size}`);
  }
  if (coords.partnerGroup && coords.partnerGroup.length !== m) throw new RangeError(`geo/distance-null-model: ${coords.partnerGroup.length} partner groups for ${m} partners`);

  // The graph of placed nodes, rows = home side.
  const { offsets, kept } = placedLinks(index, coords);
  const L = kept.length;
  const trades = o.tradesPerSample ?? L;
  const burnIn = o.burnIn ?? 5 * L;

  // Per node: φ, λ in radians and cos φ; distances computed per pair, cached in a table when small.
  const trig = (c: { lat: Float64Array; lon: Float64Array }) => {
    const k = c.lat.length, phi = new Float64Array(k), lam = new Float64Array(k), cos = new Float64Array(k);
    for (let i = 0; i < k; i++) { phi[i] = c.lat[i]! * RAD; lam[i] = c.lon[i]! * RAD; cos[i] = Math.cos(phi[i]!); }
    return { phi, lam, cos };
  };
  const H = trig(coords.home), P = trig(coords.partner);
  const compute = (i: number, j: number): number => {
    const s = Math.sin((P.phi[j]! - H.phi[i]!) / 2), t = Math.sin((P.lam[j]! - H.lam[i]!) / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, s * s + H.cos[i]! * P.cos[j]! * t * t)));
  };
  const table = n * m <= 1 << 22 ? new Float64Array(n * m).fill(-1) : null;
  const distance = table
    ? (i: number, j: number): number => { const k = i * m + j; let d = table[k]!; if (d < 0) { d = compute(i, j); table[k] = d; } return d; }
    : compute;

  // Groups: index per partner (−1 none), names sorted.
  // Groups with at least one measured link (a group of unplaced partners only has nothing to test).
  const names = [...new Set(kept.map((j) => coords.partnerGroup?.[j] ?? null).filter((g): g is string => g !== null))].sort();
  const groupOf = new Int32Array(m).fill(-1);
  coords.partnerGroup?.forEach((g, j) => { if (g !== null) groupOf[j] = names.indexOf(g); });
  const G = names.length;
  const groupLinks = new Int32Array(G);
  for (const j of kept) if (groupOf[j]! >= 0) groupLinks[groupOf[j]!]!++;
  const groupStart = new Int32Array(G + 1);
  for (let g = 0; g < G; g++) groupStart[g + 1] = groupStart[g]! + groupLinks[g]!;

  // One evaluation: mean and median overall and per group, from the current adjacency.
  const all = new Float64Array(L), byGroup = new Float64Array(groupStart[G]!), fill = new Int32Array(G);
  const evaluate = (adj: Int32Array, out: Float64Array): void => {
    fill.set(groupStart.subarray(0, G));
    let e = 0;
    for (let i = 0; i < n; i++) {
      for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
        const j = adj[k]!, d = distance(i, j);
        all[e++] = d;
        const g = groupOf[j]!;
        if (g >= 0) byGroup[fill[g]!++] = d;
      }
    }
    out[0] = meanOf(all, 0, L); out[1] = medianOf(all, 0, L);
    for (let g = 0; g < G; g++) { out[2 + 2 * g] = meanOf(byGroup, groupStart[g]!, groupStart[g + 1]!); out[3 + 2 * g] = medianOf(byGroup, groupStart[g]!, groupStart[g + 1]!); }
  };

  const S = 2 + 2 * G;
  const observed = new Float64Array(S);
  evaluate(Int32Array.from(kept), observed);
  const chain = curveballChain({ offsets, adj: Int32Array.from(kept) }, createRng(o.seed));
  chain.trade(burnIn);
  // Sums for the mean; the squared deviations by Welford's update (no cancellation: samples that are all
  // equal give sd = 0 exactly, not rounding noise that a z would divide by).
  const sum = new Float64Array(S), mean = new Float64Array(S), m2 = new Float64Array(S), atMost = new Int32Array(S), sample = new Float64Array(S);
  for (let s = 0; s < o.samples; s++) {
    chain.trade(trades);
    evaluate(chain.adj, sample);
    for (let k = 0; k < S; k++) {
      const v = sample[k]!;
      sum[k] = sum[k]! + v;
      const d = v - mean[k]!;
      mean[k] = mean[k]! + d / (s + 1);
      m2[k] = m2[k]! + d * (v - mean[k]!);
      if (v <= observed[k]!) atMost[k]!++;
    }
  }
  const N = o.samples;
  const stat = (k: number): DistanceStatistic => {
    const expected = sum[k]! / N;
    const sd = N > 1 ? Math.sqrt(Math.max(0, m2[k]! / (N - 1))) : 0;
    return { observed: observed[k]!, expected, sd, z: sd > 0 ? (observed[k]! - expected) / sd : null, p: (1 + atMost[k]!) / (N + 1) };
  };
  const byGroupResult: Record<string, DistanceTest> = {};
  names.forEach((g, gi) => { byGroupResult[g] = { links: groupLinks[gi]!, mean: stat(2 + 2 * gi), median: stat(3 + 2 * gi) }; });
  return {
    samples: N, burnIn, tradesPerSample: trades, seed: o.seed,
    links: { total: index.edges, measured: L, leftOut: index.edges - L },
    overall: { links: L, mean: stat(0), median: stat(1) },
    byGroup: byGroupResult,
  };
}

function meanOf(a: Float64Array, from: number, to: number): number {
  if (to <= from) return NaN;
  let s = 0;
  for (let i = from; i < to; i++) s += a[i]!;
  return s / (to - from);
}

/**
 * Median of a[from, to) (mean of the two middle values for an even count), by selection (Hoare's
 * partition, median-of-three pivot: O(k) expected, no full sort); reorders that range. The same
 * values as sorting and taking the middle.
 */
function medianOf(a: Float64Array, from: number, to: number): number {
  const k = to - from;
  if (k === 0) return NaN;
  const hi = from + (k >> 1);
  select(a, from, to - 1, hi);
  if (k % 2 === 1) return a[hi]!;
  let lower = -Infinity;
  for (let i = from; i < hi; i++) if (a[i]! > lower) lower = a[i]!;
  return (lower + a[hi]!) / 2;
}

/** Puts the value of rank `k` (within [left, right]) at a[k], smaller or equal ones before it, larger or equal after. */
function select(a: Float64Array, left: number, right: number, k: number): void {
  const swap = (i: number, j: number) => { const t = a[i]!; a[i] = a[j]!; a[j] = t; };
  while (right > left) {
    const mid = (left + right) >>> 1;
    if (a[mid]! < a[left]!) swap(left, mid);
    if (a[right]! < a[left]!) swap(left, right);
    if (a[right]! < a[mid]!) swap(mid, right);
    const pivot = a[mid]!;
    let i = left, j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) { swap(i, j); i++; j--; }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}
