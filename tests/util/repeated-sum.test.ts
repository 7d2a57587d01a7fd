import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addRepeated } from '../../src/util/repeated-sum.js';

/** The definition: count additions, rounding at each. */
function loop(acc: number, x: number, count: number): number {
  for (let i = 0; i < count; i++) acc += x;
  return acc;
}

describe('addRepeated', () => {
  it.each([
    ['a negative term', 5, -0.1, 7],
    ['a negative start', -3, 0.1, 50],
    ['a zero term', 1.5, 0, 9],
    ['NaN', 0, Number.NaN, 3],
    ['an infinite start', Infinity, 1, 3],
  ])('falls back to the plain loop for %s', (_name, acc, x, count) => {
    expect(Object.is(addRepeated(acc, x, count), loop(acc, x, count))).toBe(true);
  });
  it('adds nothing for a count of 0', () => {
    expect(addRepeated(0.3, 0.1, 0)).toBe(0.3);
  });
  it('gives ten tenths as the loop does: 0.9999999999999999, not 1', () => {
    expect(addRepeated(0, 0.1, 10)).toBe(0.9999999999999999);
  });
  it.each([
    ['a term of half an ulp of 1 (a tie, rounded to even: 1 stays)', 1, 2 ** -53, 1000],
    ['a term of one and a half ulps of 1 (ties alternate)', 1, 3 * 2 ** -53, 1000],
    ['halves above 2^52 (ties)', 2 ** 52, 0.5, 100],
    ['one and a half above 2^52', 2 ** 52, 1.5, 1000],
    ['ones across 2^53 (the sum stops growing)', 2 ** 53 - 10, 1, 100],
    ['a term below half an ulp', 1e17, 1, 1000],
    ['thirds across many binades', 0, 1 / 3, 100_000],
  ])('equals the loop bit for bit for %s', (_name, acc, x, count) => {
    expect(Object.is(addRepeated(acc, x, count), loop(acc, x, count))).toBe(true);
  });
  it('equals the loop bit for bit on random starts, terms and counts (fast-check, seeded)', () => {
    const term = fc.oneof(
      fc.integer({ min: 1, max: 40 }).map((d) => 1 / d),
      fc.double({ min: 1e-6, max: 1e3, noNaN: true }),
      fc.integer({ min: 1, max: 5 }),
    );
    const start = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1e6 }), fc.double({ min: 0, max: 1e7, noNaN: true }));
    fc.assert(fc.property(start, term, fc.nat({ max: 5000 }), (acc, x, count) => {
      expect(Object.is(addRepeated(acc, x, count), loop(acc, x, count))).toBe(true);
    }), { seed: 16, numRuns: 2000 });
  });
});
