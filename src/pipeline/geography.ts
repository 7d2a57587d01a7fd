/**
 * The run's geography, each part made once, on first use: the placements of every place (offline
 * geocoding against the GeoNames index, loaded lazily once per process by `loadGazetteer`, with the
 * reviewed aliases and overrides), the distance of every link, and the distance null model (seeded
 * with the run's seed). The geocoder and the null model are pure functions; this is where a run
 * decides when they run — `computeReport` runs the null model on the main thread while the side
 * worker analyses the partner side, or later, on first use, when there is no worker.
 */
import type { BipartiteIndex } from '../graph/bipartite-index.js';
import type { Dataset } from '../parse/types.js';
import { distanceNullModel, DISTANCE_NULL_DEFAULTS } from '../geo/distance-null-model.js';
import type { DistanceNullResult } from '../geo/distance-null-model.js';
import { geocodeDataset } from '../geo/geocode.js';
import type { GeocodeResult } from '../geo/geocode.js';
import { indexCoordinates } from '../geo/index-coordinates.js';
import { linkDistances } from '../geo/link-distances.js';
import { loadGazetteer } from '../geo/load-gazetteer.js';
import { loadPlaceReferences } from '../geo/place-references.js';
import type { PlaceAlias, PlaceOverride } from '../geo/reference-csv.js';

/** Null samples by default (`--null-samples`; 0 switches the null model off). */
export const NULL_SAMPLES_DEFAULT = DISTANCE_NULL_DEFAULTS.samples;

/** Links (measured) above which the null model is not run: each sample re-measures every link. */
export const NULL_MODEL_LINK_LIMIT = 200_000;

let references: { aliases: PlaceAlias[]; overrides: PlaceOverride[] } | null = null;

/** Every place of `ds` geocoded (GeoNames index, aliases and overrides, each read once per process). */
export function placesFor(ds: Dataset): GeocodeResult {
  references ??= loadPlaceReferences();
  return geocodeDataset(ds, loadGazetteer(), { ...references, input: inputCoordinates(ds) });
}

/** Coordinates the input gave (tables, Wikidata), by place id: they win over the gazetteer. */
function inputCoordinates(ds: Dataset): Map<string, { lat: number; lon: number }> {
  const given = new Map<string, { lat: number; lon: number }>();
  for (const p of [...ds.homes, ...ds.partners]) if (p.lat !== undefined && p.lon !== undefined) given.set(p.id, { lat: p.lat, lon: p.lon });
  return given;
}

export interface GeographyOptions {
  /** Seed of the null model (the run's). */
  seed: number;
  /** Null samples; 0 = no null model. Default `NULL_SAMPLES_DEFAULT`. */
  nullSamples?: number | undefined;
}

export interface RunGeography {
  readonly nullSamples: number;
  places(): GeocodeResult;
  /** `linkDistances(ds, places())`, per link of the data set. */
  distances(): Float64Array;
  /** The null model on `index` (the analysis' index), or null when switched off or too large (`notes` says which). */
  nullModel(index: BipartiteIndex): DistanceNullResult | null;
  /** What was skipped, in words. */
  notes: string[];
}

export function runGeography(ds: Dataset, o: GeographyOptions): RunGeography {
  const nullSamples = o.nullSamples ?? NULL_SAMPLES_DEFAULT;
  if (!(Number.isInteger(nullSamples) && nullSamples >= 0)) throw new RangeError(`pipeline/geography: nullSamples must be a whole number ≥ 0, got ${nullSamples}`);
  let places: GeocodeResult | null = null, distances: Float64Array | null = null;
  let nullModel: { index: BipartiteIndex; result: DistanceNullResult | null } | null = null;
  const notes: string[] = [];
  const run: RunGeography = {
    nullSamples,
    notes,
    places: () => (places ??= placesFor(ds)),
    distances: () => (distances ??= linkDistances(ds, run.places())),
    nullModel(index) {
      if (nullModel?.index === index) return nullModel.result;
      let result: DistanceNullResult | null = null;
      if (nullSamples === 0) notes.push('Distance null model switched off (--null-samples 0).');
      else if (index.edges > NULL_MODEL_LINK_LIMIT) notes.push(`Distance null model not run (${index.edges} links, limit ${NULL_MODEL_LINK_LIMIT}).`);
      else result = distanceNullModel(index, indexCoordinates(index, run.places(), ds), { samples: nullSamples, seed: o.seed });
      nullModel = { index, result };
      return result;
    },
  };
  return run;
}
