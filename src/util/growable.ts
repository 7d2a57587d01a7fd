/**
 * Append-only typed arrays: dense numeric buffers without JS arrays' overhead. Values go into
 * fixed-size chunks (2^16 first, then 2^20 elements; the first allocated by the first push), so growing never copies and never holds two
 * large buffers at once; `toArray` copies the chunks into one exact-size array, releasing each
 * chunk as it goes. Peak memory is about twice the final array (the chunks, then the result),
 * where doubling a single buffer and trimming it needs up to four times.
 *
 * One class per array type, made by `growable`: V8 keeps type feedback per function object, so each
 * class's `push` sees one array type and is compiled for it (a single generic class, storing into both
 * Int32Array and Float64Array, is compiled for neither).
 */
const FIRST_CHUNK = 1 << 16;
const CHUNK = 1 << 20;

type Typed = Int32Array | Float64Array;

export interface Growable<T extends Typed> {
  readonly length: number;
  push(v: number): void;
  /** One array of exactly `length` values; the Growable is empty afterwards. */
  toArray(): T;
}

function growable<T extends Typed>(make: (n: number) => T): new () => Growable<T> {
  return class implements Growable<T> {
    private readonly chunks: (T | null)[] = [];
    private current = make(0);
    private at = 0;
    length = 0;
    push(v: number): void {
      if (this.at === this.current.length) {
        if (this.current.length > 0) this.chunks.push(this.current);
        this.current = make(this.length === 0 ? FIRST_CHUNK : CHUNK);
        this.at = 0;
      }
      this.current[this.at++] = v;
      this.length++;
    }
    toArray(): T {
      const out = make(this.length);
      let offset = 0;
      for (let i = 0; i < this.chunks.length; i++) {
        const chunk = this.chunks[i] as T;
        out.set(chunk, offset);
        offset += chunk.length;
        this.chunks[i] = null;
      }
      out.set(this.current.subarray(0, this.at), offset);
      this.chunks.length = 0;
      this.current = make(0);
      this.at = 0;
      this.length = 0;
      return out;
    }
  };
}

export const GrowableInt32 = growable((n) => new Int32Array(n));
export const GrowableFloat64 = growable((n) => new Float64Array(n));
