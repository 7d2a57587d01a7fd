/**
 * The pictures of the "Where" section: the distance distribution (a bar chart of links per 1,000 km)
 * and the world map (`world-map-svg.ts`), each an SVG file beside the report.
 */
import type { Analysis } from '../analysis/analyze.js';
import type { GeocodeResult } from '../geo/geocode.js';
import { homeWords } from '../parse/countries.js';
import { barChart } from './charts.js';
import type { WhereData } from './where-data.js';
import { worldMapSvg } from './world-map-svg.js';

const km = (x: number) => x.toLocaleString('en-US');

/** Bars of the distance histogram: one per bin, `0–1,000 km` … */
export function distanceBars(w: WhereData): { label: string; value: number }[] {
  const bin = w.parameters.binKm;
  return w.distance.histogram.map((value, k) => ({ label: `${km(k * bin)}–${km((k + 1) * bin)} km`, value }));
}

/**
 * The charts, and the map unless `withMap` is false (the report leaves it out of very large networks:
 * an SVG of a million arcs is hundreds of MB that no viewer opens).
 */
export function whereFiles(a: Analysis, w: WhereData, places: GeocodeResult, withMap = true): { charts: Record<string, string>; map: Record<string, string> } {
  const charts: Record<string, string> = {};
  if (w.distance.overall) charts['distances'] = barChart('Links by great-circle distance', distanceBars(w), '#59a14f');
  if (!withMap) return { charts, map: {} };
  const labels = { home: a.nodes.home.attributes.map((x) => x.label), partner: a.nodes.partner.attributes.map((x) => x.label) };
  const title = `Sister cities of ${homeWords(a.dataset.home).name} on the map`;
  return { charts, map: { map: worldMapSvg({ index: a.index, labels, places, title }) } };
}
