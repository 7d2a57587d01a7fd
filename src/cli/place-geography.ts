/**
 * Geography in the answers of `twinnet partners X` and `twinnet city X`: a place's coordinates, their
 * source and its province / region, and the great-circle distance to each partner.
 */
import type { Analysis } from '../analysis/analyze.js';
import type { GeocodeResult, Placement } from '../geo/geocode.js';
import { placementDistance } from '../geo/link-distances.js';
import { placesFor } from '../pipeline/geography.js';
import { summarizeDistances } from '../report/where-data.js';

/** How `partners` sorts: by name (default) or by distance, nearest first (unplaced last). */
export const PARTNERS_BY = ['name', 'distance'] as const;
export type PartnersBy = (typeof PARTNERS_BY)[number];

export interface PlaceGeography { lat: number | null; lon: number | null; region: string | null; source: string | null; match: string | null }

const placementOf = (places: GeocodeResult, key: string): Placement | undefined => places.homes[key] ?? places.partners[key];

export function placeGeography(places: GeocodeResult, key: string): PlaceGeography {
  const p = placementOf(places, key);
  return { lat: p?.lat ?? null, lon: p?.lon ?? null, region: p?.admin1?.name ?? null, source: p?.source ?? null, match: p?.match ?? null };
}

/** `31.23042, 121.4737 (Shanghai; geonames)` or `not placed`. */
export function placeText(g: PlaceGeography): string {
  if (g.lat === null || g.lon === null) return 'not placed';
  return `${g.lat}, ${g.lon}${g.region || g.source ? ` (${[g.region, g.source].filter(Boolean).join('; ')})` : ''}`;
}

/** The analysis' data set geocoded. */
export function placesOf(a: Analysis): GeocodeResult {
  return placesFor(a.dataset);
}

/** Distance in km (to the metre) between two nodes, or null. */
export function distanceKm(places: GeocodeResult, a: string, b: string): number | null {
  const d = placementDistance(placementOf(places, a), placementOf(places, b));
  return Number.isNaN(d) ? null : Math.round(d * 1000) / 1000;
}

/** Median and quartiles of a node's partner distances (unrounded, as the report's), or null when none is measured. */
export function partnerDistanceSummary(places: GeocodeResult, key: string, partners: readonly string[]) {
  const from = placementOf(places, key);
  return summarizeDistances(partners.map((k) => placementDistance(from, placementOf(places, k))).filter((d) => !Number.isNaN(d)));
}

export const kmText = (d: number | null): string => (d === null ? '–' : Math.round(d).toLocaleString('en-US'));
