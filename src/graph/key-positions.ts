/**
 * KeyPositions: node key strings → integer positions, for the million-node lookups that build the
 * bipartite index. A `Map<string, number>` of a million keys costs tens of megabytes of hash-table
 * entries and grows by rehashing; this keeps the keys in one array, the positions in another, and
 * finds them through `HashIndex` (32-bit hashes in one typed array). Same answers as the Map:
 * `set` adds or overwrites, `get` returns the position, or -1 for a key never set.
 *
 * @example
 *   const at = KeyPositions.of(['cn:anqing', 'p:ibaraki-japan']);
 *   at.get('p:ibaraki-japan') // 1
 *   at.get('p:perth') // -1
 */
import { HASH_SEED, HashIndex, hashChars } from '../parse/hash-index.js';

export class KeyPositions {
  /** Entry numbers by hash of key; the entries' keys and positions, in order of addition. */
  private readonly index: HashIndex;
  private readonly keys: string[] = [];
  private readonly positions: number[] = [];

  /** `capacity`: about how many keys will be set (more may be). */
  constructor(capacity?: number) {
    this.index = new HashIndex(capacity);
  }

  /** Each key at its position in `keys` (a repeated key: at its last, as a Map filled in order would have it). */
  static of(keys: readonly string[]): KeyPositions {
    const at = new KeyPositions(keys.length);
    for (let i = 0; i < keys.length; i++) at.set(keys[i] as string, i);
    return at;
  }

  /** The number of distinct keys set. */
  get size(): number {
    return this.keys.length;
  }

  /** The position of `key`, or -1 when it was never set. */
  get(key: string): number {
    const e = this.entryOf(hashChars(HASH_SEED, key), key);
    return e < 0 ? -1 : (this.positions[e] as number);
  }

  /** Sets the position (≥ 0) of `key`, replacing the one it had. */
  set(key: string, position: number): void {
    const hash = hashChars(HASH_SEED, key);
    const e = this.entryOf(hash, key);
    if (e >= 0) {
      this.positions[e] = position;
      return;
    }
    this.index.add(hash, this.keys.length);
    this.keys.push(key);
    this.positions.push(position);
  }

  private entryOf(hash: number, key: string): number {
    const index = this.index;
    for (let s = index.first(hash); s >= 0; s = index.next(hash, s)) {
      const e = index.item(s);
      if (this.keys[e] === key) return e;
    }
    return -1;
  }
}
