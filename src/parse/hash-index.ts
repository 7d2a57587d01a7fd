/**
 * HashIndex: item numbers by 32-bit hash, in one typed array — for the parser's million-entry
 * lookup of partners by id, where a `Map` would need a key string per line and costs several cache
 * misses per lookup. The caller hashes its keys (`hashChars`, `hashCodes`) and confirms candidates,
 * since different keys may share a hash:
 *
 *   for (let s = index.first(hash); s >= 0; s = index.next(hash, s)) if (isIt(index.item(s))) …
 */
export class HashIndex {
  /** Pairs (mixed hash, item + 1); an item of 0 marks an empty slot. */
  private slots: Int32Array;
  private mask: number;
  private count = 0;

  /** `capacity`: about how many items will be added (the table grows past it, at three quarters full). */
  constructor(capacity = 1024) {
    let size = 16;
    while (size * 3 < capacity * 4) size *= 2;
    this.slots = new Int32Array(size * 2);
    this.mask = size - 1;
  }

  /** The first slot holding an item added with `hash`, or -1. */
  first(hash: number): number {
    const h = mix(hash);
    return this.scan(h, h & this.mask);
  }

  /** The next slot after `slot` holding an item added with `hash`, or -1. */
  next(hash: number, slot: number): number {
    return this.scan(mix(hash), (slot + 1) & this.mask);
  }

  /** The item in a slot. */
  item(slot: number): number {
    return (this.slots[2 * slot + 1] as number) - 1;
  }

  private scan(h: number, from: number): number {
    const slots = this.slots;
    for (let i = from; ; i = (i + 1) & this.mask) {
      const stored = slots[2 * i + 1] as number;
      if (stored === 0) return -1;
      if (slots[2 * i] === h) return i;
    }
  }

  /** Adds `item` (≥ 0) under `hash`. */
  add(hash: number, item: number): void {
    if (4 * (this.count + 1) > 3 * (this.mask + 1)) this.grow();
    this.put(mix(hash), item + 1);
    this.count++;
  }

  private put(h: number, stored: number): void {
    const slots = this.slots;
    let i = h & this.mask;
    while (slots[2 * i + 1] !== 0) i = (i + 1) & this.mask;
    slots[2 * i] = h;
    slots[2 * i + 1] = stored;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = this.mask * 2 + 1;
    for (let i = 0; i < old.length; i += 2) {
      const stored = old[i + 1] as number;
      if (stored !== 0) this.put(old[i] as number, stored);
    }
  }
}

/** Starting value of a hash. */
export const HASH_SEED = 0x811c9dc5 | 0;

/** `h` extended with the code units of `s[start, end)` (FNV-1a). */
export function hashChars(h: number, s: string, start = 0, end = s.length): number {
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/** The hash of the first `n` numbers of `codes` (for code units, the same as hashChars gives their string). */
export function hashCodes(codes: readonly number[], n: number): number {
  let h = HASH_SEED;
  for (let i = 0; i < n; i++) h = hashMore(h, codes[i] as number);
  return h;
}

/** `h` extended with one number (FNV-1a step). */
function hashMore(h: number, n: number): number {
  return Math.imul(h ^ n, 0x01000193);
}

/** Spreads the bits (murmur3's finaliser), so that the low bits index the table well. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}
