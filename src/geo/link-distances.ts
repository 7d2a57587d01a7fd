/**
 * Great-circle distances of links: per link of a data set, and per edge of a `BipartiteIndex`
 * (haversine, mean Earth radius 6,371.0088 km; see `haversine.ts`). NaN where either end has no
 * coordinates. Pure: the placements come from `geocodeDataset`.
 *
 * @example
 *   linkDistances(ds, geocodeDataset(ds, loadGazetteer()))[0] // km from ds.links[0]'s home place to its partner
 */
import type { BipartiteIndex } from '../graph/bipartite-index.js';
import type { Dataset } from '../parse/types.js';
import type { GeocodeResult, Placement } from './geocode.js';
import { haversineKm } from './haversine.js';

/** Distance in km between two placements, or NaN when one has no coordinates. */
export function placementDistance(a: Placement | undefined, b: Placement | undefined): number {
  if (!a || !b || a.lat === null || a.lon === null || b.lat === null || b.lon === null) return NaN;
  return haversineKm(a.lat, a.lon, b.lat, b.lon);
}

/** Distance of each link of `ds`, in the order of `ds.links`. */
export function linkDistances(ds: Dataset, places: GeocodeResult): Float64Array {
  const out = new Float64Array(ds.links.length);
  ds.links.forEach((l, i) => { out[i] = placementDistance(places.homes[l.homeId], places.partners[l.partnerId]); });
  return out;
}

/** Distance of each edge of `index`, in home-side CSR order (edge e joins the home node owning offset e and `index.home.adj[e]`). */
export function edgeDistances(index: BipartiteIndex, places: GeocodeResult): Float64Array {
  const { home, partner } = index;
  const out = new Float64Array(home.adj.length);
  for (let i = 0; i < home.keys.length; i++) {
    const h = places.homes[home.keys[i]!];
    for (let e = home.offsets[i]!; e < home.offsets[i + 1]!; e++) out[e] = placementDistance(h, places.partners[partner.keys[home.adj[e]!]!]);
  }
  return out;
}
