import { describe, expect, it } from 'vitest';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { createRng } from '../../src/util/rng.js';

describe('createRng', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = createRng(7), b = createRng(7), c = createRng(8);
    const seqA = [a(), a(), a()], seqB = [b(), b(), b()], seqC = [c(), c(), c()];
    expect(seqA).toEqual(seqB);
    expect(seqA).not.toEqual(seqC);
    expect(new Set(seqA).size).toBe(3);
  });
  it('stays in [0, 1) and has a mean near 1/2 over many draws', () => {
    const r = createRng(1);
    let sum = 0;
    for (let i = 0; i < 10_000; i++) { const x = r(); expect(x >= 0 && x < 1).toBe(true); sum += x; }
    expect(Math.abs(sum / 10_000 - 0.5)).toBeLessThan(0.02);
  });
  it.each([0, 1, 42, 51, -7, 2 ** 31, 2 ** 40 + 3, -(2 ** 45), Number.MAX_SAFE_INTEGER])(
    'draws the same numbers as pure-rand\'s xoroshiro128plus + uniformFloat64 for seed %d', (seed) => {
      const ours = createRng(seed);
      const generator = xoroshiro128plus((seed ^ Math.floor(seed / 2 ** 32)) | 0);
      for (let i = 0; i < 5_000; i++) expect(ours()).toBe(uniformFloat64(generator));
    },
  );
  it('rejects a seed that is not a safe integer', () => {
    expect(() => createRng(1.5)).toThrow(/seed/);
  });
});
