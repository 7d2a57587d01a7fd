/** `ends`: the nearest and farthest pairs of the "Where" section without sorting every link. */
import { describe, expect, it } from 'vitest';
import { ends } from '../../src/report/where-data.js';

describe('ends', () => {
  it('gives the first k and the last k (reversed) of a stable sort, ties kept in list order', () => {
    let state = 12345;
    const random = (n: number) => { state = (state * 1103515245 + 12345) % 2147483648; return state % n; };
    for (let t = 0; t < 2000; t++) {
      const n = random(60), k = 1 + random(13);
      const list = Array.from({ length: n }, (_, id) => ({ km: random(5), label: 'xyz'[random(3)] as string, id }));
      const cmp = (x: typeof list[number], y: typeof list[number]) => x.km - y.km || (x.label < y.label ? -1 : x.label > y.label ? 1 : 0);
      const sorted = [...list].sort(cmp);
      expect(ends(list, cmp, k)).toEqual({ first: sorted.slice(0, k), last: sorted.slice(-k).reverse() });
    }
  });
});
