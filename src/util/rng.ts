/**
 * Seeded random numbers. Every randomised step in twinnet takes an `Rng` built here, so that the same
 * seed gives the same output byte for byte; reports record the seed.
 *
 * Generator: xoroshiro128+ (Blackman & Vigna 2018, doi:10.1145/3460772) seeded as `pure-rand`'s
 * `xoroshiro128plus(seed)`, floats as its `uniformFloat64` (26 + 27 random bits of two outputs:
 * 53 bits, [0, 1)): the same numbers as pure-rand, bit for bit (tested), written out here on four
 * local integers, so that a draw is two calls of one closure and no object behind it (the Louvain
 * sweeps draw one number per node per sweep, most of them before V8 has compiled anything).
 */

/** A function returning uniform floats in [0, 1), like `Math.random`, but seeded. */
export type Rng = () => number;

/** The seed used when the user gives none. Recorded in every report. */
export const DEFAULT_SEED = 42;

/** 2^−26 and 2^−53. */
const SCALE26 = 1.4901161193847656e-8;
const SCALE53 = 1.1102230246251565e-16;

/** Builds a seeded uniform [0, 1) generator. `seed` must be a safe integer. */
export function createRng(seed: number = DEFAULT_SEED): Rng {
  if (!Number.isSafeInteger(seed)) throw new TypeError(`rng: seed must be a safe integer, got ${seed}`);
  const s = (seed ^ Math.floor(seed / 2 ** 32)) | 0;
  // State as pure-rand's XoroShiro128Plus(s01, s00, s11, s10) = (−1, ~s, s, 0): 32-bit halves.
  let s01 = -1, s00 = ~s, s11 = s | 0, s10 = 0;
  /** One 32-bit output, and the state advanced (xoroshiro128+, a = 24, b = 16, c = 37). */
  const next = (): number => {
    const out = (s00 + s10) | 0;
    const a0 = s10 ^ s00, a1 = s11 ^ s01;
    const o00 = s00, o01 = s01;
    s00 = (o00 << 24) ^ (o01 >>> 8) ^ a0 ^ (a0 << 16);
    s01 = (o01 << 24) ^ (o00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
    s10 = (a1 << 5) ^ (a0 >>> 27);
    s11 = (a0 << 5) ^ (a1 >>> 27);
    return out;
  };
  return () => {
    const high = next() & 0x3ffffff;
    const low = next() & 0x7ffffff;
    return high * SCALE26 + low * SCALE53;
  };
}

/**
 * Fisher–Yates shuffle of order[0…n−1] in place, drawing from `rng` from the last position down
 * (j = ⌊rng()·(i+1)⌋, clamped to i should rounding ever give i + 1).
 */
export function shuffleInPlace(order: Int32Array, n: number, rng: Rng): void {
  for (let i = n - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(rng() * (i + 1)));
    const t = order[i]!; order[i] = order[j]!; order[j] = t;
  }
}
