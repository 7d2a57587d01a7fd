import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { firstKByValue } from '../../src/util/first-k.js';
import { byName } from '../../src/util/collate.js';

describe('firstKByValue', () => {
  it('is the first k of a stable sort by value (descending), then label (fast-check, many ties)', () => {
    const labels = ['Åre', 'are', 'Are', 'Zwolle', 'zwolle', 'Ōsaka', 'Osaka', 'Łódź', 'Lodz', ''];
    fc.assert(fc.property(
      fc.array(fc.record({ value: fc.constantFrom(-1, 0, -0, 0.5, 1, 2, 1e-12, Infinity, -Infinity), label: fc.constantFrom(...labels) }), { maxLength: 60 }),
      fc.integer({ min: 0, max: 15 }),
      (items, k) => {
        const nodes = items.map((_, i) => i).filter((i) => i % 7 !== 3); // a subset, as a component filter makes
        const value = (v: number) => items[v]!.value, label = (v: number) => items[v]!.label;
        const sorted = [...nodes].sort((x, y) => value(y) - value(x) || byName(label(x), label(y)) || x - y).slice(0, k);
        expect(firstKByValue(nodes, value, label, k)).toEqual(sorted);
      },
    ), { numRuns: 500 });
  });
  it('a worked example: the 3 largest of 5, the tie at the third value broken by name', () => {
    const value = [5, 1, 3, 3, 9], label = ['e', 'd', 'Zeta', 'alpha', 'b'];
    expect(firstKByValue([0, 1, 2, 3, 4], (v) => value[v]!, (v) => label[v]!, 3)).toEqual([4, 0, 3]);
  });
  it('falls back to the plain comparison when a value is NaN (same result as before)', () => {
    const value = [1, Number.NaN, 2];
    expect(firstKByValue([0, 1, 2], (v) => value[v]!, (v) => String(v), 2)).toHaveLength(2);
  });
});
