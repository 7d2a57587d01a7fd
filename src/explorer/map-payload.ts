/**
 * The explorer's Map view, as data: the country shapes (Natural Earth, already projected to SVG path
 * data by `layout/world-shapes.ts`, so the page needs no map file and no network) and each node's
 * projected position (null where unplaced), in the node table's order. The browser projects the arcs
 * itself with the same projection (`layout/map-projection.ts`, bundled into the client).
 */
import type { GeocodeResult } from '../geo/geocode.js';
import { MAP_HEIGHT, MAP_WIDTH, projectPoint } from '../layout/map-projection.js';
import { worldShapes } from '../layout/world-shapes.js';

export interface ExplorerMap {
  width: number;
  height: number;
  sphere: string;
  land: string;
  borders: string;
  /** Per node of the node table: projected x, y and lat, lon (null where unplaced). */
  x: (number | null)[];
  y: (number | null)[];
  lat: (number | null)[];
  lon: (number | null)[];
  credit: string;
}

/** `keys`: the node table's keys, in order. */
export function explorerMap(keys: readonly string[], places: GeocodeResult, credit: string): ExplorerMap {
  const shapes = worldShapes();
  const x: (number | null)[] = [], y: (number | null)[] = [], lat: (number | null)[] = [], lon: (number | null)[] = [];
  for (const k of keys) {
    const p = places.homes[k] ?? places.partners[k];
    if (p && p.lat !== null && p.lon !== null) {
      const [px, py] = projectPoint(p.lat, p.lon);
      x.push(px); y.push(py); lat.push(p.lat); lon.push(p.lon);
    } else { x.push(null); y.push(null); lat.push(null); lon.push(null); }
  }
  return { width: MAP_WIDTH, height: MAP_HEIGHT, sphere: shapes.sphere, land: shapes.land, borders: shapes.borders, x, y, lat, lon, credit };
}
