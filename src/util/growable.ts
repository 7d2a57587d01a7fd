/**
 * Append-only typed arrays: dense numeric buffers without JS arrays' overhead. Values go into
 * fixed-size chunks (2^16 first, then 2^20 elements), so growing never copies and never holds two
 * large buffers at once; `toArray` copies the chunks into one exact-size array, releasing each
 * chunk as it goes. Peak memory is about twice the final array (the chunks, then the result),
 * where doubling a single buffer and trimming it needs up to four times.
 */
type Typed = Int32Array | Float64Array;

const FIRST_CHUNK = 1 << 16;
const CHUNK = 1 << 20;

class Growable<T extends Typed> {
  private readonly chunks: T[] = [];
  private current: T;
  private at = 0;
  length = 0;
  constructor(private readonly make: (n: number) => T) {
    this.current = make(FIRST_CHUNK);
  }
  push(v: number): void {
    if (this.at === this.current.length) {
      this.chunks.push(this.current);
      this.current = this.make(CHUNK);
      this.at = 0;
    }
    this.current[this.at++] = v;
    this.length++;
  }
  /** One array of exactly `length` values; the Growable is empty afterwards. */
  toArray(): T {
    const out = this.make(this.length);
    let offset = 0;
    for (let i = 0; i < this.chunks.length; i++) {
      const chunk = this.chunks[i] as T;
      out.set(chunk, offset);
      offset += chunk.length;
      (this.chunks as (T | null)[])[i] = null;
    }
    out.set(this.current.subarray(0, this.at), offset);
    this.chunks.length = 0;
    this.current = this.make(FIRST_CHUNK);
    this.at = 0;
    this.length = 0;
    return out;
  }
}

export class GrowableInt32 extends Growable<Int32Array> {
  constructor() { super((n) => new Int32Array(n)); }
}

export class GrowableFloat64 extends Growable<Float64Array> {
  constructor() { super((n) => new Float64Array(n)); }
}
