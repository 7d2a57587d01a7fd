import { describe, expect, it } from 'vitest';
import { distanceNullModel, type NullModelCoordinates } from '../../src/geo/distance-null-model.js';
import type { BipartiteIndex } from '../../src/graph/bipartite-index.js';

const R = 6371.0088;

/** An index from home rows of partner indices (the partner side's CSR is not read by the null model, but filled). */
function index(rows: number[][], partners: number): BipartiteIndex {
  const offsets = new Int32Array(rows.length + 1);
  rows.forEach((r, i) => { offsets[i + 1] = offsets[i]! + r.length; });
  const byPartner: number[][] = Array.from({ length: partners }, () => []);
  rows.forEach((r, i) => r.forEach((j) => byPartner[j]!.push(i)));
  const pOffsets = new Int32Array(partners + 1);
  byPartner.forEach((r, j) => { pOffsets[j + 1] = pOffsets[j]! + r.length; });
  return {
    home: { keys: rows.map((_, i) => `h${i}`), offsets, adj: Int32Array.from(rows.flat()) },
    partner: { keys: byPartner.map((_, j) => `p${j}`), offsets: pOffsets, adj: Int32Array.from(byPartner.flat()) },
    edges: offsets[rows.length]!,
  };
}
const at = (points: [number, number][]) => ({ lat: Float64Array.from(points.map((p) => p[0])), lon: Float64Array.from(points.map((p) => p[1])) });

// Two homes on the equator at 0° and 90°E, each twinned with the partner standing on it; a third
// partner is unplaced. The only other realisation of the placed graph crosses the pairs: both links
// then measure a quarter of the equator, πR/2.
const twoPairs = index([[0, 2], [1]], 3);
const coords: NullModelCoordinates = {
  home: at([[0, 0], [0, 90]]),
  partner: at([[0, 0], [0, 90], [NaN, NaN]]),
  partnerGroup: ['Africa', 'Europe', 'Asia'],
};

describe('distanceNullModel', () => {
  it('gives sd 0 and no z when every sample is the same (no trade can change the graph), not rounding noise', () => {
    // Two homes sharing both partners: no trade moves a link; distances of 1,234.5… km repeated 500 times.
    const full = index([[0, 1], [0, 1]], 2);
    const c: NullModelCoordinates = { home: at([[10.1, 20.2], [-33.3, 151.1]]), partner: at([[48.8, 2.35], [35.7, 139.7]]) };
    const r = distanceNullModel(full, c, { samples: 500, seed: 7 });
    expect(r.overall.mean).toMatchObject({ sd: 0, z: null, p: 1 });
    expect(r.overall.mean.expected).toBeCloseTo(r.overall.mean.observed, 9);
  });
  it('refuses no samples, a negative number of trades and coordinates that do not fit the index', () => {
    expect(() => distanceNullModel(twoPairs, coords, { samples: 0 })).toThrow(/samples/);
    expect(() => distanceNullModel(twoPairs, coords, { tradesPerSample: -1 })).toThrow(/tradesPerSample/);
    expect(() => distanceNullModel(twoPairs, coords, { burnIn: 0.5 })).toThrow(/burnIn/);
    expect(() => distanceNullModel(twoPairs, { ...coords, home: at([[0, 0]]) })).toThrow(/home coordinates for 1\/1 nodes, the index has 2/);
    expect(() => distanceNullModel(twoPairs, { ...coords, partnerGroup: ['Africa'] })).toThrow(/1 partner groups for 3 partners/);
  });
  it('leaves out and counts the links with an unplaced end', () => {
    const r = distanceNullModel(twoPairs, coords, { samples: 10 });
    expect(r.links).toEqual({ total: 3, measured: 2, leftOut: 1 });
    expect(r.overall.links).toBe(2);
    expect(Object.keys(r.byGroup)).toEqual(['Africa', 'Europe']); // Asia's only partner is unplaced
  });
  it('burns in 5 × the measured links, then samples every L trades by default, with the seed 42', () => {
    const r = distanceNullModel(twoPairs, coords, { samples: 3 });
    expect(r).toMatchObject({ samples: 3, burnIn: 10, tradesPerSample: 2, seed: 42 });
  });
  it('finds the observed pairs (0 km) nearer than the null expectation of πR/4, with p near 1/2', () => {
    // The null model visits both realisations equally often: distances 0 and πR/2 with probability
    // 1/2 each, so E = πR/4, sd = πR/4 and z = (0 − πR/4)/(πR/4) = −1; the observed realisation
    // is among the nulls half of the time, so p = (1 + ~N/2)/(N + 1) ≈ 1/2.
    const r = distanceNullModel(twoPairs, coords, { samples: 4000, tradesPerSample: 7 });
    expect(r.overall.mean.observed).toBe(0);
    expect(r.overall.median.observed).toBe(0);
    expect(r.overall.mean.expected / ((Math.PI * R) / 4)).toBeCloseTo(1, 1);
    expect(r.overall.mean.sd / ((Math.PI * R) / 4)).toBeCloseTo(1, 1);
    expect(r.overall.mean.z!).toBeCloseTo(-1, 1);
    expect(r.overall.mean.p).toBeCloseTo(0.5, 1);
    expect(r.byGroup.Africa).toMatchObject({ links: 1, mean: { observed: 0 } });
    expect(r.byGroup.Africa!.median.expected / ((Math.PI * R) / 4)).toBeCloseTo(1, 1);
  });
  it('gives z null when the null distribution has no spread, and p = 1 when nothing is nearer', () => {
    // One home: every realisation is the observed graph.
    const one = index([[0, 1]], 2);
    const r = distanceNullModel(one, { home: at([[10, 10]]), partner: at([[20, 20], [-10, 30]]) }, { samples: 9 });
    expect(r.overall.mean.sd).toBe(0);
    expect(r.overall.mean.z).toBeNull();
    expect(r.overall.mean.p).toBe(1); // (1 + 9)/(9 + 1): all nulls ≤ observed
  });
  it('gives the same result under the same seed and another under another seed', () => {
    const rows = [[0, 1, 2], [3, 4], [5], [6, 7, 8, 9]];
    const g = index(rows, 10);
    const c: NullModelCoordinates = {
      home: at([[48, 2], [40, -74], [-33, 151], [35, 139]]),
      partner: at(Array.from({ length: 10 }, (_, j) => [j * 8 - 40, j * 35 - 170] as [number, number])),
    };
    const a = distanceNullModel(g, c, { samples: 50, seed: 1 });
    expect(distanceNullModel(g, c, { samples: 50, seed: 1 })).toEqual(a);
    expect(distanceNullModel(g, c, { samples: 50, seed: 2 }).overall.mean.expected).not.toBe(a.overall.mean.expected);
  });
});
