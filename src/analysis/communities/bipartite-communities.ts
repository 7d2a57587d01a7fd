/**
 * Communities of the two-mode graph itself, scored by Barber's bipartite modularity
 * (Barber 2007, doi:10.1103/PhysRevE.76.066102). One run with seed s: Louvain moves on Barber's Q
 * (`barberLouvain`), then BRIM sweeps from that partition (`brim`, no random restarts), which can
 * only raise Q. `runs` seeds s, s+1, …; best Q kept (ties → lowest seed); stability as for the
 * projections (spread of Q, mean pairwise ARI and NMI over all nodes).
 */
import type { BipartiteIndex } from '../../graph/bipartite-index.js';
import { createRng, DEFAULT_SEED } from '../../util/rng.js';
import { meanPairwiseAgreement } from '../stats/partition-compare.js';
import { barberLouvain } from './barber-louvain.js';
import { brim } from './brim.js';
import { canonical, LOUVAIN_DEFAULTS } from './louvain-projection.js';

export interface BipartiteCommunitiesOptions { seed?: number; runs?: number }

export interface BipartiteCommunities {
  method: string;
  seeds: number[];
  runs: { seed: number; modularity: number; communities: number }[];
  best: { seed: number; modularity: number; communities: number; home: Int32Array; partner: Int32Array; sizes: number[] };
  stability: { modularity: { min: number; max: number }; meanAdjustedRand: number; meanNmi: number };
}

export function bipartiteCommunities(index: BipartiteIndex, options: BipartiteCommunitiesOptions = {}): BipartiteCommunities {
  const seed = options.seed ?? DEFAULT_SEED, runs = options.runs ?? LOUVAIN_DEFAULTS.runs;
  if (index.edges === 0) throw new Error('analysis/bipartite-communities: the graph has no edges');
  const seeds = Array.from({ length: runs }, (_, i) => seed + i);
  const results = seeds.map((s) => {
    const rng = createRng(s);
    const start = barberLouvain(index, { rng });
    const r = brim(index, { rng, initial: start, restarts: 0 });
    return { seed: s, ...r };
  });
  let best = results[0] as (typeof results)[number];
  for (const r of results) if (r.modularity > best.modularity + 1e-12) best = r;
  const joined = results.map((r) => both(r.home, r.partner));
  const agreement = meanPairwiseAgreement(joined);
  // Renumber by size (largest = 0), ties by first node, so labels and colours do not depend on the optimiser.
  const nC = best.home.length;
  const relabelled = canonical(both(best.home, best.partner));
  const home = relabelled.slice(0, nC), partner = relabelled.slice(nC);
  const sizes: number[] = new Array(best.communities).fill(0);
  for (const c of relabelled) sizes[c]!++;
  const qs = results.map((r) => r.modularity);
  return {
    method: 'Louvain moves on Barber modularity, refined by BRIM',
    seeds,
    runs: results.map((r) => ({ seed: r.seed, modularity: r.modularity, communities: r.communities })),
    best: { seed: best.seed, modularity: best.modularity, communities: best.communities, home, partner, sizes },
    stability: { modularity: { min: Math.min(...qs), max: Math.max(...qs) }, ...agreement },
  };
}

/** One label array over all nodes: home nodes first, then partners. */
function both(home: Int32Array, partner: Int32Array): Int32Array {
  const all = new Int32Array(home.length + partner.length);
  all.set(home);
  all.set(partner, home.length);
  return all;
}
