/** Append-only typed arrays that double when full: dense numeric buffers without JS arrays' overhead. */
export class GrowableInt32 {
  private data: Int32Array;
  length = 0;
  constructor(capacity = 1024) { this.data = new Int32Array(Math.max(16, capacity)); }
  push(v: number): void {
    if (this.length === this.data.length) { const d = new Int32Array(this.data.length * 2); d.set(this.data); this.data = d; }
    this.data[this.length++] = v;
  }
  /** A trimmed copy. */
  toArray(): Int32Array { return this.data.slice(0, this.length); }
}

export class GrowableFloat64 {
  private data: Float64Array;
  length = 0;
  constructor(capacity = 1024) { this.data = new Float64Array(Math.max(16, capacity)); }
  push(v: number): void {
    if (this.length === this.data.length) { const d = new Float64Array(this.data.length * 2); d.set(this.data); this.data = d; }
    this.data[this.length++] = v;
  }
  toArray(): Float64Array { return this.data.slice(0, this.length); }
}
