/**
 * The geography columns of the exported networks (GEXF, GraphML, CSV): per node its coordinates
 * (`latitude`, `longitude`, typed `double`: Gephi's GeoLayout offers numeric columns only), where they
 * come from (`coordinate_source`: input, override or geonames) and its first-level division
 * (`region`: province, state, Land … — GeoNames admin1, English names); per edge of the bipartite
 * graph its great-circle length (`distance_km`, haversine, R = 6,371.0088 km). Unplaced places and
 * the links touching them have no value (empty cell, attribute left out).
 */
import type { GeocodeResult, Placement } from '../geo/geocode.js';
import { placementDistance } from '../geo/link-distances.js';
import type { ColumnSpec } from './columns.js';

export const GEO_NODE_COLUMNS: ColumnSpec[] = [
  { key: 'latitude', id: 'latitude', title: 'Latitude (WGS 84, degrees)', type: 'double' },
  { key: 'longitude', id: 'longitude', title: 'Longitude (WGS 84, degrees)', type: 'double' },
  { key: 'region', id: 'region', title: 'First-level division: province, state, Land … (GeoNames admin1)', type: 'string' },
  { key: 'coordinate_source', id: 'coordinate_source', title: 'Coordinate source (input, override, geonames)', type: 'string' },
];

export const GEO_EDGE_COLUMNS: ColumnSpec[] = [
  { key: 'distance_km', id: 'distance_km', title: 'Great-circle distance (km)', type: 'double' },
];

/** The placement of node `key` (a home id or a partner id). */
export function placementOf(places: GeocodeResult, key: string): Placement | undefined {
  return places.homes[key] ?? places.partners[key];
}

/** The geography attributes of node `key`. */
export function geoNodeAttributes(places: GeocodeResult, key: string): Record<string, unknown> {
  const p = placementOf(places, key);
  return { latitude: p?.lat ?? null, longitude: p?.lon ?? null, region: p?.admin1?.name ?? null, coordinate_source: p?.source ?? null };
}

/** Distance in km between nodes `s` and `t`, rounded to the metre; null when one is unplaced. */
export function geoEdgeDistance(places: GeocodeResult, s: string, t: string): number | null {
  const d = placementDistance(placementOf(places, s), placementOf(places, t));
  return Number.isNaN(d) ? null : Math.round(d * 1000) / 1000;
}
