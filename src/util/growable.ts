/**
 * Append-only typed arrays: dense numeric buffers without JS arrays' overhead. Values go into
 * fixed-size chunks (2^16 first, then 2^20 elements; the first allocated by the first push), so growing never copies and never holds two
 * large buffers at once; `toArray` copies the chunks into one exact-size array, releasing each
 * chunk as it goes. Peak memory is about twice the final array (the chunks, then the result),
 * where doubling a single buffer and trimming it needs up to four times.
 *
 * Two classes with the same code rather than one generic class: `push` on a class shared by
 * Int32Array and Float64Array stores sees both array types and V8 compiles it for neither.
 */
const FIRST_CHUNK = 1 << 16;
const CHUNK = 1 << 20;

export class GrowableInt32 {
  private readonly chunks: (Int32Array | null)[] = [];
  private current = new Int32Array(0);
  private at = 0;
  length = 0;
  push(v: number): void {
    if (this.at === this.current.length) {
      if (this.current.length > 0) this.chunks.push(this.current);
      this.current = new Int32Array(this.length === 0 ? FIRST_CHUNK : CHUNK);
      this.at = 0;
    }
    this.current[this.at++] = v;
    this.length++;
  }
  /** One array of exactly `length` values; the Growable is empty afterwards. */
  toArray(): Int32Array {
    const out = new Int32Array(this.length);
    let offset = 0;
    for (let i = 0; i < this.chunks.length; i++) {
      const chunk = this.chunks[i] as Int32Array;
      out.set(chunk, offset);
      offset += chunk.length;
      this.chunks[i] = null;
    }
    out.set(this.current.subarray(0, this.at), offset);
    this.chunks.length = 0;
    this.current = new Int32Array(0);
    this.at = 0;
    this.length = 0;
    return out;
  }
}

export class GrowableFloat64 {
  private readonly chunks: (Float64Array | null)[] = [];
  private current = new Float64Array(0);
  private at = 0;
  length = 0;
  push(v: number): void {
    if (this.at === this.current.length) {
      if (this.current.length > 0) this.chunks.push(this.current);
      this.current = new Float64Array(this.length === 0 ? FIRST_CHUNK : CHUNK);
      this.at = 0;
    }
    this.current[this.at++] = v;
    this.length++;
  }
  /** One array of exactly `length` values; the Growable is empty afterwards. */
  toArray(): Float64Array {
    const out = new Float64Array(this.length);
    let offset = 0;
    for (let i = 0; i < this.chunks.length; i++) {
      const chunk = this.chunks[i] as Float64Array;
      out.set(chunk, offset);
      offset += chunk.length;
      this.chunks[i] = null;
    }
    out.set(this.current.subarray(0, this.at), offset);
    this.chunks.length = 0;
    this.current = new Float64Array(0);
    this.at = 0;
    this.length = 0;
    return out;
  }
}
