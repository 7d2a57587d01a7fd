/**
 * KeyPositions against a Map<string, number>: the same answers after any sequence of sets, on
 * random keys (ASCII, full Unicode, lone surrogates), on keys whose 32-bit hashes are equal, and on
 * many keys (the table grows).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyPositions } from '../../src/graph/key-positions.js';
import { HASH_SEED, hashChars } from '../../src/parse/hash-index.js';

/** Pairs of different keys with the same hash (FNV-1a, 32 bits), found by brute force over `k0`, `k1`, …. */
function collidingPairs(wanted: number): [string, string][] {
  const seen = new Map<number, string>();
  const pairs: [string, string][] = [];
  for (let i = 0; pairs.length < wanted; i++) {
    const key = `k${i}`;
    const h = hashChars(HASH_SEED, key);
    const other = seen.get(h);
    if (other === undefined) seen.set(h, key); else pairs.push([other, key]);
  }
  return pairs;
}

const COLLIDING = collidingPairs(4);

/** Checks that `at` answers every key of `map` (and each of `absent`) as the map does. */
function expectSame(at: KeyPositions, map: Map<string, number>, absent: readonly string[]): void {
  const wrong: string[] = [];
  for (const [key, position] of map) if (at.get(key) !== position) wrong.push(key);
  for (const key of absent) if (!map.has(key) && at.get(key) !== -1) wrong.push(key);
  expect(wrong).toEqual([]);
  expect(at.size).toBe(map.size);
}

const key = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom('', 'p:perth-scotland-united-kingdom', 'cn:suzhou-jiangsu', 'é', 'e\u0301', '\ud800', ...COLLIDING.flat()),
);

describe('KeyPositions', () => {
  it('answers -1 for a key never set, including the empty key', () => {
    const at = new KeyPositions();
    expect(at.get('')).toBe(-1);
    expect(at.get('p:x')).toBe(-1);
    expect(at.size).toBe(0);
  });

  it('gives each key its position in the list, a repeated key its last one', () => {
    const at = KeyPositions.of(['cn:anqing', 'p:ibaraki-japan', 'cn:anqing']);
    expect(at.get('cn:anqing')).toBe(2);
    expect(at.get('p:ibaraki-japan')).toBe(1);
    expect(at.size).toBe(2);
  });

  it('keeps apart keys whose hashes are equal', () => {
    for (const [a, b] of COLLIDING) {
      expect(hashChars(HASH_SEED, a)).toBe(hashChars(HASH_SEED, b));
      const at = new KeyPositions(4);
      at.set(a, 7);
      expect(at.get(b)).toBe(-1);
      at.set(b, 9);
      expect([at.get(a), at.get(b)]).toEqual([7, 9]);
    }
  });

  it('tells apart strings that are equal only after normalisation (é precomposed and decomposed)', () => {
    const at = KeyPositions.of(['\u00e9', 'e\u0301']);
    expect([at.get('\u00e9'), at.get('e\u0301')]).toEqual([0, 1]);
  });

  it('answers as a Map does after any sequence of sets', () => {
    fc.assert(fc.property(
      fc.array(fc.tuple(key, fc.nat(1_000_000)), { maxLength: 200 }),
      fc.array(key, { maxLength: 20 }),
      fc.nat(64),
      (sets, probes, capacity) => {
        const at = new KeyPositions(capacity);
        const map = new Map<string, number>();
        for (const [k, position] of sets) {
          at.set(k, position);
          map.set(k, position);
        }
        expectSame(at, map, probes);
      },
    ), { numRuns: 300 });
  });

  it('answers as a Map does on a list of keys (KeyPositions.of)', () => {
    fc.assert(fc.property(fc.array(key, { maxLength: 300 }), (keys) => {
      const map = new Map<string, number>();
      keys.forEach((k, i) => map.set(k, i));
      expectSame(KeyPositions.of(keys), map, ['never-set']);
    }), { numRuns: 200 });
  });

  it('grows past its capacity: 30,000 keys in a table made for 16', () => {
    const at = new KeyPositions(16);
    const map = new Map<string, number>();
    for (let i = 0; i < 30_000; i++) {
      const k = `p:${(i * 7919) % 30_011}-${String.fromCharCode(0x4e00 + (i % 500))}`;
      at.set(k, i);
      map.set(k, i);
    }
    expectSame(at, map, ['p:', 'p:30011-x']);
  });
});
