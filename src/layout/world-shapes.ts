/**
 * Country shapes for the maps, offline: Natural Earth's 1:110m countries (public domain) as TopoJSON
 * from the npm package world-atlas, read once, merged into one SVG path of land and one of the borders
 * between countries (topojson-client's `feature` and `mesh`), projected as `map-projection.ts`
 * projects. Reference: Natural Earth, naturalearthdata.com.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { pathOf, sphereOutline } from './map-projection.js';

export interface WorldShapes {
  /** The globe's outline. */
  sphere: string;
  /** Every country, filled. */
  land: string;
  /** Borders between countries (interior arcs only). */
  borders: string;
}

let shapes: WorldShapes | null = null;

export function worldShapes(): WorldShapes {
  if (shapes) return shapes;
  const require = createRequire(import.meta.url);
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8')) as Topology<{ countries: GeometryCollection }>;
  const countries = topology.objects.countries;
  shapes = {
    sphere: sphereOutline(),
    land: pathOf(feature(topology, countries)),
    borders: pathOf(mesh(topology, countries, (a, b) => a !== b)),
  };
  return shapes;
}
