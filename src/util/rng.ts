/**
 * Seeded random numbers. Every randomised step in twinnet takes an `Rng` built here, so that the same
 * seed gives the same output byte for byte; reports record the seed.
 *
 * Generator: xoroshiro128+ from `pure-rand`, floats via `uniformFloat64` (53 random bits, [0, 1)).
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';

/** A function returning uniform floats in [0, 1), like `Math.random`, but seeded. */
export type Rng = () => number;

/** The seed used when the user gives none. Recorded in every report. */
export const DEFAULT_SEED = 42;

/** Builds a seeded uniform [0, 1) generator. `seed` must be a safe integer. */
export function createRng(seed: number = DEFAULT_SEED): Rng {
  if (!Number.isSafeInteger(seed)) throw new TypeError(`rng: seed must be a safe integer, got ${seed}`);
  const generator = xoroshiro128plus((seed ^ Math.floor(seed / 2 ** 32)) | 0);
  return () => uniformFloat64(generator);
}
