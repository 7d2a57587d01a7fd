/**
 * Glue from a geocoded data set to the arrays the distance null model reads: coordinates per node of
 * each side of a `BipartiteIndex` (NaN where unplaced) and each partner's continent (`regionOf` of its
 * territory, else its sovereign). Node keys are data-set ids; a merged home node (districts merged
 * into their city) takes the placement of its key.
 *
 * @example
 *   const coords = indexCoordinates(index, geocodeDataset(ds, loadGazetteer()), ds);
 *   distanceNullModel(index, coords)
 */
import type { BipartiteIndex } from '../graph/bipartite-index.js';
import { regionOf } from '../parse/countries.js';
import type { Dataset } from '../parse/types.js';
import type { NullModelCoordinates } from './distance-null-model.js';
import type { GeocodeResult, Placement } from './geocode.js';

export function indexCoordinates(index: BipartiteIndex, places: GeocodeResult, ds: Dataset): NullModelCoordinates {
  const side = (keys: readonly string[], byId: Record<string, Placement>) => {
    const lat = new Float64Array(keys.length).fill(NaN), lon = new Float64Array(keys.length).fill(NaN);
    keys.forEach((k, i) => {
      const p = byId[k];
      if (p && p.lat !== null && p.lon !== null) { lat[i] = p.lat; lon[i] = p.lon; }
    });
    return { lat, lon };
  };
  const partnerById = new Map(ds.partners.map((p) => [p.id, p]));
  // A code's continent looked up once, not once per partner.
  const continents = new Map<string, string | null>();
  const continentOf = (code: string): string | null => {
    let c = continents.get(code);
    if (c === undefined) { c = regionOf(code)?.continent ?? null; continents.set(code, c); }
    return c;
  };
  const partnerGroup = index.partner.keys.map((k) => {
    const p = partnerById.get(k);
    const code = p ? (p.territory ?? p.country) : null;
    return code === null ? null : (continentOf(code) ?? (p?.country ? continentOf(p.country) : null));
  });
  return { home: side(index.home.keys, places.homes), partner: side(index.partner.keys, places.partners), partnerGroup };
}
