/** Append-only typed arrays that double when full: dense numeric buffers without JS arrays' overhead. */
type Typed = Int32Array | Float64Array;

class Growable<T extends Typed> {
  private data: T;
  length = 0;
  constructor(private readonly make: (n: number) => T, capacity = 1024) {
    this.data = make(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const d = this.make(this.data.length * 2);
      d.set(this.data);
      this.data = d;
    }
    this.data[this.length++] = v;
  }
  /** A trimmed copy. */
  toArray(): T {
    return this.data.slice(0, this.length) as T;
  }
}

export class GrowableInt32 extends Growable<Int32Array> {
  constructor(capacity?: number) { super((n) => new Int32Array(n), capacity); }
}

export class GrowableFloat64 extends Growable<Float64Array> {
  constructor(capacity?: number) { super((n) => new Float64Array(n), capacity); }
}
