/**
 * The map's geometry, one projection for every map twinnet draws (the report's SVG map and the
 * explorer's Map view, which bundles this file): the Equal Earth projection (Šavrič, Patterson &
 * Jenny 2019, doi:10.1080/13658816.2018.1504949; d3-geo's `geoEqualEarth`), fitted to a
 * MAP_WIDTH × MAP_HEIGHT frame. Links are great-circle arcs: d3-geo resamples a two-point
 * LineString along the geodesic and cuts it at the antimeridian. Coordinates are rounded to one
 * decimal (a tenth of a pixel), so the same input gives the same bytes.
 *
 * @example
 *   projectPoint(31.23, 121.47)        // Shanghai → [x, y] in the frame
 *   arcPath(31.23, 121.47, 48.86, 2.35) // 'M…L…': Shanghai → Paris over Siberia
 */
import { geoEqualEarth, geoPath } from 'd3-geo';
import type { GeoPath, GeoPermissibleObjects, GeoProjection } from 'd3-geo';

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 470;
const PAD = 4;

let projection: GeoProjection | null = null;

/** The fitted projection (made once). */
export function mapProjection(): GeoProjection {
  return (projection ??= geoEqualEarth().fitExtent([[PAD, PAD], [MAP_WIDTH - PAD, MAP_HEIGHT - PAD]], { type: 'Sphere' }).precision(1));
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** (lat, lon) in degrees → [x, y] in the frame, to a tenth. */
export function projectPoint(lat: number, lon: number): [number, number] {
  const p = mapProjection()([lon, lat]) ?? [NaN, NaN];
  return [round1(p[0]), round1(p[1])];
}

let path: GeoPath | null = null;

/** SVG path data of a GeoJSON object in the frame (one decimal); one path generator for all (made once). */
export function pathOf(object: GeoPermissibleObjects): string {
  return (path ??= geoPath(mapProjection()).digits(1))(object) ?? '';
}

/** One two-point LineString, refilled for each arc (d3 reads it and keeps nothing). */
const arc = { type: 'LineString' as const, coordinates: [[0, 0], [0, 0]] };

/** SVG path data of the great-circle arc between two places. */
export function arcPath(lat1: number, lon1: number, lat2: number, lon2: number): string {
  const [a, b] = arc.coordinates as [number[], number[]];
  a[0] = lon1; a[1] = lat1; b[0] = lon2; b[1] = lat2;
  return pathOf(arc);
}

/** The outline of the globe in the frame. */
export function sphereOutline(): string {
  return pathOf({ type: 'Sphere' });
}
