/**
 * Great-circle distance between two points given in degrees, by the haversine formula on a sphere of
 * the mean Earth radius R = 6,371.0088 km (the IUGG mean radius R₁ = (2a + b)/3 of WGS 84; Moritz
 * 2000, "Geodetic Reference System 1980", J. Geodesy 74:128–133, doi:10.1007/s001900050278):
 *
 *   d = 2R · asin √( sin²(Δφ/2) + cos φ₁ · cos φ₂ · sin²(Δλ/2) )
 *
 * (Sinnott 1984, "Virtues of the haversine", Sky & Telescope 68:159). Not normalised: kilometres,
 * from 0 (same point) to πR ≈ 20,015.1 km (antipodes). The sphere errs by up to ~0.5 % against the
 * ellipsoid, far below what place coordinates of towns resolve.
 *
 * @example
 *   haversineKm(0, 0, 90, 0)  // πR/2 = 10,007.5 km: equator to pole along a meridian
 *   haversineKm(0, 0, 0, 180) // πR = 20,015.1 km
 */

/** Mean Earth radius in kilometres (IUGG R₁). */
export const EARTH_RADIUS_KM = 6371.0088;

const RAD = Math.PI / 180;

/** Distance in km between (lat1, lon1) and (lat2, lon2), in degrees. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  if (!(Math.abs(lat1) <= 90 && Math.abs(lat2) <= 90 && Number.isFinite(lon1) && Number.isFinite(lon2))) {
    throw new RangeError(`geo/haversine: latitudes must lie in [−90, 90] and longitudes be finite, got (${lat1}, ${lon1}), (${lat2}, ${lon2})`);
  }
  const s = Math.sin(((lat2 - lat1) * RAD) / 2), t = Math.sin(((lon2 - lon1) * RAD) / 2);
  const h = s * s + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * t * t;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, h)));
}
