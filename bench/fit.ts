/**
 * Growth exponent of a stage: the least-squares slope b of log t = a + b·log n over the sizes
 * measured (n = links). b ≈ 1 is linear, 2 quadratic. Needs at least two sizes with a positive time;
 * otherwise null.
 *
 * @example  growthExponent([1e3, 1e4], [0.01, 0.1]) === 1
 */
export function growthExponent(sizes: readonly number[], seconds: readonly (number | null)[]): number | null {
  const xs: number[] = [], ys: number[] = [];
  sizes.forEach((n, i) => {
    const t = seconds[i];
    if (t !== null && t !== undefined && t > 0 && n > 0) { xs.push(Math.log(n)); ys.push(Math.log(t)); }
  });
  if (xs.length < 2) return null;
  const mx = xs.reduce((s, x) => s + x, 0) / xs.length, my = ys.reduce((s, y) => s + y, 0) / ys.length;
  let sxy = 0, sxx = 0;
  xs.forEach((x, i) => { sxy += (x - mx) * ((ys[i] as number) - my); sxx += (x - mx) ** 2; });
  return sxx > 0 ? sxy / sxx : null;
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}
