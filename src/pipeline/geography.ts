/**
 * The run's geography, each part made once, on first use: the placements of every place (offline
 * geocoding against the GeoNames index, loaded lazily once per process by `loadGazetteer`, with the
 * reviewed aliases and overrides), the distance of every link, and the distance null model (seeded
 * with the run's seed). The geocoder and the null model are pure functions; this is where a run
 * decides when they run — `computeReport` runs the null model on the main thread while the side
 * worker analyses the partner side, or later, on first use, when there is no worker — and how many
 * null samples it can afford (`defaultNullSamples`).
 */
import type { BipartiteIndex } from '../graph/bipartite-index.js';
import type { Dataset } from '../parse/types.js';
import { distanceNullModel, measuredLinkCount, DISTANCE_NULL_DEFAULTS } from '../geo/distance-null-model.js';
import type { DistanceNullResult, NullModelCoordinates } from '../geo/distance-null-model.js';
import { geocodeDataset } from '../geo/geocode.js';
import type { GeocodeResult } from '../geo/geocode.js';
import { indexCoordinates } from '../geo/index-coordinates.js';
import { linkDistances } from '../geo/link-distances.js';
import { loadGazetteer } from '../geo/load-gazetteer.js';
import { loadPlaceReferences } from '../geo/place-references.js';
import type { PlaceAlias, PlaceOverride } from '../geo/reference-csv.js';

/** Curveball trades the default null samples may cost together (samples × trades per sample; the burn-in apart). */
export const NULL_TRADE_BUDGET = 5_000_000;

/** Fewest null samples the budget leaves. */
export const NULL_SAMPLES_MIN = 10;

/**
 * Null samples run by default when each sample costs `tradesPerSample` curveball trades (the links
 * measured, see `distance-null-model.ts`): DISTANCE_NULL_DEFAULTS.samples while samples × tradesPerSample ≤
 * `budget`, else ⌊budget / tradesPerSample⌋, and never fewer than NULL_SAMPLES_MIN (so above
 * budget / NULL_SAMPLES_MIN = 500,000 links the budget is exceeded rather than the samples cut further).
 *
 * @example
 *   defaultNullSamples(1_380)   // 1000 (1,380,000 trades)
 *   defaultNullSamples(35_000)  // 142 (4,970,000 trades)
 *   defaultNullSamples(1_400_000) // 10
 */
export function defaultNullSamples(tradesPerSample: number, budget: number = NULL_TRADE_BUDGET): number {
  if (!(Number.isInteger(tradesPerSample) && tradesPerSample >= 0)) throw new RangeError(`pipeline/geography: tradesPerSample must be a whole number ≥ 0, got ${tradesPerSample}`);
  if (tradesPerSample === 0) return DISTANCE_NULL_DEFAULTS.samples;
  return Math.min(DISTANCE_NULL_DEFAULTS.samples, Math.max(NULL_SAMPLES_MIN, Math.floor(budget / tradesPerSample)));
}

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
  /** Null samples, run as given; 0 = no null model. Default: `defaultNullSamples` of the links measured. */
  nullSamples?: number | undefined;
}

export interface RunGeography {
  /** Null samples asked for: the option, else DISTANCE_NULL_DEFAULTS.samples (the budget may run fewer; `nullModel().samples` says how many ran). */
  readonly nullSamples: number;
  places(): GeocodeResult;
  /** `linkDistances(ds, places())`, per link of the data set. */
  distances(): Float64Array;
  /** `indexCoordinates(index, places(), ds)`: coordinates and continents per node of `index` (the analysis' index). */
  coordinates(index: BipartiteIndex): NullModelCoordinates;
  /** The null model on `index` (the analysis' index), or null when switched off (`notes` says so). */
  nullModel(index: BipartiteIndex): DistanceNullResult | null;
  /** What was skipped or cut, in words. */
  notes: string[];
}

export function runGeography(ds: Dataset, o: GeographyOptions): RunGeography {
  const asked = o.nullSamples;
  if (asked !== undefined && !(Number.isInteger(asked) && asked >= 0)) throw new RangeError(`pipeline/geography: nullSamples must be a whole number ≥ 0, got ${asked}`);
  let places: GeocodeResult | null = null, distances: Float64Array | null = null;
  let nullModel: { index: BipartiteIndex; result: DistanceNullResult | null } | null = null;
  let coordinates: { index: BipartiteIndex; result: NullModelCoordinates } | null = null;
  const notes: string[] = [];
  const run: RunGeography = {
    nullSamples: asked ?? DISTANCE_NULL_DEFAULTS.samples,
    notes,
    places: () => (places ??= placesFor(ds)),
    distances: () => (distances ??= linkDistances(ds, run.places())),
    coordinates(index) {
      if (coordinates?.index !== index) coordinates = { index, result: indexCoordinates(index, run.places(), ds) };
      return coordinates.result;
    },
    nullModel(index) {
      if (nullModel?.index === index) return nullModel.result;
      let result: DistanceNullResult | null = null;
      if (asked === 0) notes.push('Distance null model switched off (--null-samples 0).');
      else {
        const coords = run.coordinates(index);
        const links = measuredLinkCount(index, coords);
        if (links === 0) {
          notes.push('Distance null model not run: no link has both ends placed, so there is no distance to test.');
          nullModel = { index, result: null };
          return null;
        }
        const samples = asked ?? defaultNullSamples(links);
        if (asked === undefined && samples < DISTANCE_NULL_DEFAULTS.samples) {
          notes.push(`Distance null model: ${samples.toLocaleString('en-US')} samples instead of ${DISTANCE_NULL_DEFAULTS.samples.toLocaleString('en-US')} (${links.toLocaleString('en-US')} links measured, as many curveball trades per sample; the default keeps samples × trades within ${NULL_TRADE_BUDGET.toLocaleString('en-US')}, and runs at least ${NULL_SAMPLES_MIN}). Expected values are given ± their standard error; --null-samples N runs N.`);
        } else if (asked !== undefined && asked < DISTANCE_NULL_DEFAULTS.samples) {
          notes.push(`Distance null model: ${asked.toLocaleString('en-US')} samples, as asked (--null-samples), fewer than the default ${DISTANCE_NULL_DEFAULTS.samples.toLocaleString('en-US')}. Expected values are given ± their standard error.`);
        }
        result = distanceNullModel(index, coords, { samples, seed: o.seed });
      }
      nullModel = { index, result };
      return result;
    },
  };
  return run;
}
