import { describe, expect, it } from 'vitest';
import { GrowableFloat64, GrowableInt32 } from '../../src/util/growable.js';

describe('growable typed arrays', () => {
  it('keep every value across chunk boundaries, in order, and return an exact-size array', () => {
    const g = new GrowableInt32();
    const n = (1 << 16) + 3 * (1 << 20) + 17; // first chunk, three full chunks, a partial one
    for (let i = 0; i < n; i++) g.push(i % 1000003);
    expect(g.length).toBe(n);
    const a = g.toArray();
    expect(a).toBeInstanceOf(Int32Array);
    expect(a.length).toBe(n);
    let ok = true;
    for (let i = 0; i < n; i++) if (a[i] !== i % 1000003) { ok = false; break; }
    expect(ok).toBe(true);
    expect(g.length).toBe(0); // emptied; usable again
    g.push(5);
    expect(Array.from(g.toArray())).toEqual([5]);
  });
  it('give an empty array when nothing was pushed, and keep floats exactly', () => {
    expect(new GrowableInt32().toArray().length).toBe(0);
    const f = new GrowableFloat64();
    [0.1, -2.5, 1 / 3].forEach((x) => f.push(x));
    expect(Array.from(f.toArray())).toEqual([0.1, -2.5, 1 / 3]);
  });
});
