import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_KM } from '../../src/geo/haversine.js';
import { edgeDistances, linkDistances, placementDistance } from '../../src/geo/link-distances.js';
import type { GeocodeResult, Placement } from '../../src/geo/geocode.js';
import { buildBipartiteIndex } from '../../src/graph/bipartite-index.js';
import { buildBipartiteGraph } from '../../src/graph/build-bipartite.js';
import { parseSisterCityList } from '../../src/parse/parse-list.js';

export const at = (lat: number | null, lon: number | null): Placement => ({
  lat, lon, source: lat === null ? null : 'input', match: null, geonameId: null, name: null, country: null, admin1: null, area: null, candidates: 0, alternatives: [], note: null,
});

describe('link distances', () => {
  it('is NaN when either end has no coordinates', () => {
    expect(placementDistance(at(null, null), at(0, 0))).toBeNaN();
    expect(placementDistance(undefined, at(0, 0))).toBeNaN();
  });

  it('measures a quarter meridian as π/2 · R and a quarter of the equator the same', () => {
    expect(placementDistance(at(0, 0), at(90, 0))).toBeCloseTo((Math.PI / 2) * EARTH_RADIUS_KM, 9);
    expect(placementDistance(at(0, 10), at(0, 100))).toBeCloseTo((Math.PI / 2) * EARTH_RADIUS_KM, 9);
  });

  it('gives each link of the data set and each edge of the index its distance, in their orders', () => {
    const ds = parseSisterCityList(['==A==', 'Anqing', '', '- FRA Nice, France', '- JPN Ibaraki, Japan', '', 'Hefei', '', '- FRA Nice, France', ''].join('\n'));
    const [anqing, hefei] = ds.homes.map((h) => h.id) as [string, string];
    const [nice, ibaraki] = ds.partners.map((p) => p.id) as [string, string];
    // On the equator, 1° of longitude is R·π/180 km.
    const deg = (EARTH_RADIUS_KM * Math.PI) / 180;
    const places: GeocodeResult = { homes: { [anqing]: at(0, 0), [hefei]: at(0, 30) }, partners: { [nice]: at(0, 10), [ibaraki]: at(null, null) }, unplaced: [ibaraki], ambiguous: [] };
    const d = linkDistances(ds, places);
    expect(d[0]).toBeCloseTo(10 * deg, 9); // Anqing – Nice
    expect(d[1]).toBeNaN(); // Anqing – Ibaraki (unplaced)
    expect(d[2]).toBeCloseTo(20 * deg, 9); // Hefei – Nice
    const index = buildBipartiteIndex(buildBipartiteGraph(ds));
    expect(Array.from(edgeDistances(index, places)).map((x) => (Number.isNaN(x) ? null : Math.round(x / deg)))).toEqual([10, null, 20]);
  });
});
