/**
 * The network on a world map, as a static SVG (`<name>-map.svg` beside the report): country shapes
 * from Natural Earth (`layout/world-shapes.ts`), every placed link as a great-circle arc, every placed
 * place as a point sized by its degree (area ∝ degree: r = 1 + 0.9·√d px), home places in red over
 * the partners in blue, larger points first so that small ones stay visible. Equal Earth projection
 * (`layout/map-projection.ts`). Plain SVG 1.1, names XML-escaped in each point's `<title>`,
 * coordinates to a tenth of a pixel: the same input gives the same bytes.
 */
import type { BipartiteIndex } from '../graph/bipartite-index.js';
import type { GeocodeResult, Placement } from '../geo/geocode.js';
import { arcPath, MAP_HEIGHT, MAP_WIDTH, projectPoint } from '../layout/map-projection.js';
import { worldShapes } from '../layout/world-shapes.js';
import { xml } from './charts.js';
import { GEO_CREDITS } from './where-data.js';

export const HOME_COLOR = '#c0392b';
export const PARTNER_COLOR = '#1d4f91';

/** Radius of a point of degree d, in px. */
export const pointRadius = (degree: number): number => Math.round((1 + 0.9 * Math.sqrt(degree)) * 10) / 10;

export interface MapInput {
  index: BipartiteIndex;
  /** Labels per side, in index order. */
  labels: { home: readonly string[]; partner: readonly string[] };
  places: GeocodeResult;
  title: string;
}

export function worldMapSvg(m: MapInput): string {
  const { index, places } = m;
  const top = 30, bottom = 46, H = MAP_HEIGHT + top + bottom;
  const at = (p: Placement | undefined): [number, number] | null => (p && p.lat !== null && p.lon !== null ? [p.lat, p.lon] : null);
  const home = index.home.keys.map((k) => at(places.homes[k]));
  const partner = index.partner.keys.map((k) => at(places.partners[k]));
  // Each arc's element as it is made (not a list of paths, then of elements, spread into the document's).
  const arcs: string[] = [];
  for (let i = 0; i < home.length; i++) {
    const h = home[i];
    for (let e = index.home.offsets[i]!; e < index.home.offsets[i + 1]!; e++) {
      const p = partner[index.home.adj[e]!];
      if (h && p) arcs.push(`<path d="${arcPath(h[0], h[1], p[0], p[1])}"/>`);
    }
  }
  type Point = { x: number; y: number; r: number; label: string; color: string };
  const points = (side: 'home' | 'partner', coords: ([number, number] | null)[], color: string): Point[] => coords.flatMap((c, i) => {
    if (!c) return [];
    const s = index[side], [x, y] = projectPoint(c[0], c[1]);
    return [{ x, y, r: pointRadius(s.offsets[i + 1]! - s.offsets[i]!), label: m.labels[side][i] ?? '', color }];
  });
  const byRadius = (a: Point, b: Point) => b.r - a.r || a.x - b.x || a.y - b.y;
  const drawn = [...points('partner', partner, PARTNER_COLOR).sort(byRadius), ...points('home', home, HOME_COLOR).sort(byRadius)];
  const shapes = worldShapes();
  const placedLinks = arcs.length;
  const lines = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${MAP_WIDTH}" height="${H}" viewBox="0 0 ${MAP_WIDTH} ${H}" role="img" aria-label="${xml(m.title)}">`,
    `<title>${xml(m.title)}</title>`,
    `<rect width="${MAP_WIDTH}" height="${H}" fill="#ffffff"/>`,
    `<text x="10" y="20" font-family="Helvetica, Arial, sans-serif" font-size="14" font-weight="bold">${xml(m.title)}</text>`,
    `<g transform="translate(0 ${top})">`,
    `<path d="${shapes.sphere}" fill="#eef3f8" stroke="#c8d3de"/>`,
    `<path d="${shapes.land}" fill="#dcdcdc"/>`,
    `<path d="${shapes.borders}" fill="none" stroke="#ffffff" stroke-width="0.5"/>`,
    `<g fill="none" stroke="${PARTNER_COLOR}" stroke-opacity="0.22" stroke-width="0.6">`,
  ];
  for (const a of arcs) lines.push(a);
  lines.push('</g>', `<g stroke="#ffffff" stroke-width="0.3">`);
  for (const p of drawn) lines.push(`<circle cx="${p.x}" cy="${p.y}" r="${p.r}" fill="${p.color}" fill-opacity="0.85"><title>${xml(p.label)}</title></circle>`);
  lines.push(
    '</g>',
    '</g>',
    `<text x="10" y="${H - 30}" font-family="Helvetica, Arial, sans-serif" font-size="11"><tspan fill="${HOME_COLOR}">●</tspan> home places  <tspan fill="${PARTNER_COLOR}">●</tspan> foreign partners (area ∝ partners) · ${placedLinks} links as great-circle arcs · Equal Earth projection</text>`,
    `<text x="10" y="${H - 17}" font-family="Helvetica, Arial, sans-serif" font-size="10" fill="#555555">${xml(`${GEO_CREDITS.places}.`)}</text>`,
    `<text x="10" y="${H - 5}" font-family="Helvetica, Arial, sans-serif" font-size="10" fill="#555555">${xml(`${GEO_CREDITS.map}.`)}</text>`,
    '</svg>',
    '',
  );
  return lines.join('\n');
}
