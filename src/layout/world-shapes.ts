/**
 * Country shapes for the maps, offline: Natural Earth's 1:110m countries (public domain) as TopoJSON
 * from the npm package world-atlas, merged into one SVG path of land and one of the borders between
 * countries (topojson-client's `feature` and `mesh`), projected as `map-projection.ts` projects.
 * `npm run build` writes them once to `dist/world-shapes.json` (`computeWorldShapes`, the same code,
 * so the same bytes); `worldShapes` reads that file, or computes them where there is none (tests run
 * from the sources before a build). Reference: Natural Earth, naturalearthdata.com.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { PACKAGE_ROOT } from '../util/paths.js';
import { pathOf, sphereOutline } from './map-projection.js';

export interface WorldShapes {
  /** The globe's outline. */
  sphere: string;
  /** Every country, filled. */
  land: string;
  /** Borders between countries (interior arcs only). */
  borders: string;
}

/** Where the build writes the projected shapes. */
export const WORLD_SHAPES_PATH = join(PACKAGE_ROOT, 'dist', 'world-shapes.json');

let shapes: WorldShapes | null = null;

export function computeWorldShapes(): WorldShapes {
  const require = createRequire(import.meta.url);
  const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8')) as Topology<{ countries: GeometryCollection }>;
  const countries = topology.objects.countries;
  return {
    sphere: sphereOutline(),
    land: pathOf(feature(topology, countries)),
    borders: pathOf(mesh(topology, countries, (a, b) => a !== b)),
  };
}

/** The shapes, read or computed once per process. */
export function worldShapes(): WorldShapes {
  return (shapes ??= existsSync(WORLD_SHAPES_PATH) ? (JSON.parse(readFileSync(WORLD_SHAPES_PATH, 'utf8')) as WorldShapes) : computeWorldShapes());
}
