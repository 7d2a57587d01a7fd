/** Geography: offline geocoding (GeoNames), great-circle distances and the distance null model. */
export { haversineKm, EARTH_RADIUS_KM } from './haversine.js';
export { placeKey, withoutAreaWords, withoutSuffix } from './place-key.js';
export { buildGazetteerIndex, openGazetteer, memoryReader, seatOf } from './gazetteer.js';
export type { Gazetteer, GazetteerArea, GazetteerInput, GazetteerPlace, IndexReader } from './gazetteer.js';
export { loadGazetteer, GEO_INDEX_PATH } from './load-gazetteer.js';
export { loadPlaceReferences, PLACE_ALIASES_PATH, PLACE_OVERRIDES_PATH } from './place-references.js';
export { parseAliases, parseOverrides } from './reference-csv.js';
export type { PlaceAlias, PlaceOverride } from './reference-csv.js';
export { geocodeDataset } from './geocode.js';
export type { GeocodeOptions, GeocodeResult, Placement, PlaceCandidate, PlaceMatch, PlaceSource } from './geocode.js';
export { curveball, curveballChain } from './curveball.js';
export type { CsrSide, CurveballChain, CurveballOptions } from './curveball.js';
export { distanceNullModel } from './distance-null-model.js';
export type { DistanceNullOptions, DistanceNullResult, DistanceStatistic, DistanceTest, NullModelCoordinates } from './distance-null-model.js';
export { indexCoordinates } from './index-coordinates.js';
export { DISTANCE_NULL_DEFAULTS } from './distance-null-model.js';
export { edgeDistances, linkDistances, placementDistance } from './link-distances.js';
