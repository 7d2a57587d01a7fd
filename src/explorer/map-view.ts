/**
 * The explorer's Map view (browser code, bundled with `client.ts`): an SVG world map from the
 * payload's projected country shapes, every placed node as a point sized by degree (home places red,
 * partners blue), and — for the selected place — great-circle arcs to its partners (projected here
 * with `layout/map-projection.ts`, the projection of the report's map). Clicking a point selects it;
 * the wheel zooms, dragging pans. Names reach the page as SVG `<title>` text only.
 */
import { arcPath } from '../layout/map-projection.js';
import type { ExplorerMap } from './map-payload.js';

const SVG = 'http://www.w3.org/2000/svg';
const HOME = '#c0392b', PARTNER = '#1d4f91', DIM = '#b9b9b9';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

export interface MapView {
  /** Draws the selection: node i's arcs to `partners` (null: none selected). */
  select(i: number | null, partners: readonly number[]): void;
  /** Placed nodes and the links with both ends placed. */
  placed: number;
}

export function createMapView(container: HTMLElement, map: ExplorerMap, nodes: { label: string[]; side: (0 | 1)[]; degree: number[] }, onSelect: (i: number) => void): MapView {
  const root = svg('svg', { viewBox: `0 0 ${map.width} ${map.height}`, width: '100%', height: '100%', role: 'img', 'aria-label': 'World map of the places and their links' });
  const view = svg('g', {});
  view.append(
    svg('path', { d: map.sphere, fill: '#eef3f8', stroke: '#c8d3de' }),
    svg('path', { d: map.land, fill: '#dcdcdc' }),
    svg('path', { d: map.borders, fill: 'none', stroke: '#ffffff', 'stroke-width': 0.5 }),
  );
  const arcs = svg('g', { id: 'map-arcs', fill: 'none', stroke: '#444444', 'stroke-width': 1, 'stroke-opacity': 0.8 });
  const points = svg('g', { id: 'map-points', stroke: '#ffffff', 'stroke-width': 0.3 });
  const circles = new Map<number, SVGCircleElement>();
  // Larger points first, home places over partners, so that small points stay visible.
  const order = nodes.label.map((_, i) => i).filter((i) => map.x[i] !== null && map.x[i] !== undefined)
    .sort((a, b) => (nodes.side[b] === 0 ? 0 : 1) - (nodes.side[a] === 0 ? 0 : 1) || (nodes.degree[b] ?? 0) - (nodes.degree[a] ?? 0) || a - b);
  for (const i of order) {
    const c = svg('circle', { cx: map.x[i]!, cy: map.y[i]!, r: Math.round((1 + 0.9 * Math.sqrt(nodes.degree[i] ?? 0)) * 10) / 10, fill: nodes.side[i] === 0 ? HOME : PARTNER, 'fill-opacity': 0.85 });
    c.dataset.node = String(i);
    const title = svg('title', {});
    title.textContent = nodes.label[i] ?? '';
    c.append(title);
    c.addEventListener('click', (event) => { event.stopPropagation(); onSelect(i); });
    circles.set(i, c);
    points.append(c);
  }
  view.append(arcs, points);
  root.append(view);
  container.replaceChildren(root);

  // Zoom (wheel) and pan (drag), as a transform on the drawing.
  let k = 1, tx = 0, ty = 0, drag: { x: number; y: number } | null = null;
  const apply = () => view.setAttribute('transform', `translate(${tx} ${ty}) scale(${k})`);
  const toMap = (event: MouseEvent) => {
    const r = root.getBoundingClientRect(), s = Math.min(r.width / map.width, r.height / map.height);
    return { x: (event.clientX - r.left - (r.width - map.width * s) / 2) / s, y: (event.clientY - r.top - (r.height - map.height * s) / 2) / s };
  };
  root.addEventListener('wheel', (event) => {
    event.preventDefault();
    const p = toMap(event), next = Math.min(40, Math.max(1, k * (event.deltaY < 0 ? 1.25 : 0.8)));
    tx = p.x - ((p.x - tx) / k) * next; ty = p.y - ((p.y - ty) / k) * next; k = next;
    apply();
  }, { passive: false });
  root.addEventListener('mousedown', (event) => { drag = toMap(event); });
  root.addEventListener('mousemove', (event) => {
    if (!drag) return;
    const p = toMap(event);
    tx += p.x - drag.x; ty += p.y - drag.y; drag = p;
    apply();
  });
  for (const end of ['mouseup', 'mouseleave'] as const) root.addEventListener(end, () => { drag = null; });

  return {
    placed: order.length,
    select(i, partners) {
      arcs.replaceChildren();
      const shown = new Set(i === null ? [] : [i, ...partners]);
      for (const [j, c] of circles) c.setAttribute('fill', i === null || shown.has(j) ? (nodes.side[j] === 0 ? HOME : PARTNER) : DIM);
      if (i === null || map.lat[i] === null || map.lat[i] === undefined) return;
      for (const j of partners) {
        const a = map.lat[j], b = map.lon[j];
        if (a === null || a === undefined || b === null || b === undefined) continue;
        const path = svg('path', { d: arcPath(map.lat[i]!, map.lon[i]!, a, b), class: 'arc' });
        path.dataset.partner = String(j);
        arcs.append(path);
      }
      // Selected and its partners on top.
      for (const j of shown) { const c = circles.get(j); if (c) points.append(c); }
    },
  };
}
