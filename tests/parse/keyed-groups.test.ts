/**
 * KeyedGroups when different keys share a hash: the run of one hash is split by key (the keys read in
 * item order against the run's first), and the groups still come in the order of their first items.
 */
import { describe, expect, it } from 'vitest';
import { HASH_SEED, hashCodes } from '../../src/parse/hash-index.js';
import { KeyedGroups } from '../../src/parse/quality.js';

/**
 * Pairs of different two-number keys with the same hash: FNV-1a takes `[a, b]` to
 * ((SEED ^ a)·P ^ b)·P, so `[a2, b ^ (SEED ^ a)·P ^ (SEED ^ a2)·P]` collides with `[a, b]`.
 */
function collidingKeys(wanted: number): [number[], number[]][] {
  const P = 0x01000193;
  const pairs: [number[], number[]][] = [];
  for (let i = 0; i < wanted; i++) {
    const a = 10 + i, b = 20 + i, a2 = 100 + i;
    const b2 = (b ^ Math.imul(HASH_SEED ^ a, P) ^ Math.imul(HASH_SEED ^ a2, P)) | 0;
    pairs.push([[a, b], [a2, b2]]);
  }
  return pairs;
}

describe('KeyedGroups with colliding hashes', () => {
  const pairs = collidingKeys(3);
  // items: keys of the pairs interleaved, with repeats and singletons, in a fixed shuffled order
  const keys: number[][] = [];
  const pick = [0, 1, 0, 2, 3, 1, 4, 5, 5, 0, 2, 1, 3, 6, 6];
  const pool = [...pairs.flat(), [7, 7]];
  for (const k of pick) keys.push(pool[k] as number[]);
  const groups = new KeyedGroups(keys.length, (i, key) => {
    const k = keys[i] as number[];
    key[0] = k[0] as number; key[1] = k[1] as number;
    return 2;
  });
  const expected = new Map<string, number[]>();
  keys.forEach((k, i) => {
    const list = expected.get(k.join(','));
    if (list) list.push(i); else expected.set(k.join(','), [i]);
  });

  it('the pairs collide', () => {
    for (const [a, b] of pairs) {
      expect(a).not.toEqual(b);
      expect(hashCodes(a, 2)).toBe(hashCodes(b, 2));
    }
  });

  it('groups as a Map does', () => {
    expect(groups.groups()).toEqual([...expected.values()]);
    expect(groups.groups(2)).toEqual([...expected.values()].filter((g) => g.length >= 2));
    expect(groups.groups(3)).toEqual([...expected.values()].filter((g) => g.length >= 3));
    for (const [key, items] of expected) expect(groups.get(key.split(',').map(Number), 2)).toEqual(items);
  });
});
