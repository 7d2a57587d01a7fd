/**
 * addRepeated(acc, x, count): the double-precision result of `for (i < count) acc += x` — the same
 * bits, rounding at every step — without `count` additions.
 *
 * Why it can skip: while acc stays in one binade [2^e, 2^(e+1)) it is a multiple of that binade's
 * ulp u, so acc + x rounds to acc + step with step = x rounded to a multiple of u (the same for
 * every addition), unless x/u lies exactly halfway between two integers (then round-half-even
 * looks at acc, and one addition is made the ordinary way). From a start a in the binade the
 * shortcut holds while a + step ≤ 2^(e+1) (at 2^(e+1) itself both neighbouring roundings agree),
 * so floor((2^(e+1) − acc)/step) additions are made at once as acc + j·step, which is exact (an
 * integer number of ulps, representable). Each pass also makes one ordinary addition, so every
 * binade boundary is crossed the ordinary way. Cost: O(binades crossed), at most ~60 passes for a
 * sum of positive terms. Outside its assumptions (x ≤ 0, acc < 0, non-finite values, subnormal
 * or huge sums) it runs the plain loop.
 *
 * @example addRepeated(0, 0.1, 10) === 0.1+0.1+0.1+0.1+0.1+0.1+0.1+0.1+0.1+0.1 // 0.9999999999999999
 */
const float = new Float64Array(1);
const words = new Uint32Array(float.buffer);
/** Index of the word holding sign and exponent (1 on little-endian machines). */
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** 2^k for an integer k with a normal result (−1022 ≤ k ≤ 1023), built from its bits. */
function pow2(k: number): number {
  words[HIGH] = (k + 1023) << 20;
  words[1 - HIGH] = 0;
  return float[0] as number;
}

export function addRepeated(acc: number, x: number, count: number): number {
  let c = count;
  if (!(x > 0 && acc >= 0 && x < Infinity && acc < Infinity)) {
    for (; c > 0; c--) acc += x;
    return acc;
  }
  // Integers stay exact up to 2^53: every partial sum is then the exact one.
  if (Number.isInteger(acc) && Number.isInteger(x) && acc + x * c < 2 ** 53) return acc + x * c;
  while (c > 0) {
    acc += x; c--;
    if (c < 4) { for (; c > 0; c--) acc += x; return acc; }
    float[0] = acc;
    const e = ((words[HIGH] as number) >>> 20) & 0x7ff; // biased exponent of acc (> 0: acc ≥ x > 0)
    if (e <= 53 || e >= 2045) { for (; c > 0; c--) acc += x; return acc; }
    const ulp = pow2(e - 1075), top = pow2(e - 1022);
    const q = x / ulp; // exact: a power-of-two scaling, and x ≤ acc < top, so q < 2^53
    const whole = Math.floor(q), frac = q - whole;
    if (frac === 0.5) continue; // a tie: the next addition depends on acc's last bit
    const step = (frac > 0.5 ? whole + 1 : whole) * ulp;
    if (step === 0) return acc; // x below half an ulp: acc never moves again
    const j = Math.min(c, Math.floor((top - acc) / step));
    acc += j * step; c -= j;
  }
  return acc;
}
