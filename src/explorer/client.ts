/**
 * The explorer's browser code (bundled by `scripts/build-explorer.mjs` into an IIFE). Reads the
 * payload from `<script type="application/json" id="twinnet-data">` and draws it with sigma 3:
 * colours by community, sizes by degree, two views (bipartite graph / home-side projection) with their
 * own positions and a Map view (`map-view.ts`), a forgiving search, and a side panel for the selected place with its neighbours
 * highlighted. Every name reaches the page through `textContent`, never as HTML.
 */
import { UndirectedGraph } from 'graphology';
import Sigma from 'sigma';
import { searchKey } from '../util/fold.js';
import { communityText, panelNumber, panelP } from './format.js';
import type { ExplorerPayload, ExplorerView, SimilarEntry, ViewName } from './payload.js';
import { createMapView } from './map-view.js';

const DIM_NODE = '#e2e2e2';
const EDGE_COLOR = '#c9c9c9';
const MAX_MATCHES = 12;
const MAX_PARTNERS = 40;
/** Neighbours of the selected node get a label when there are at most this many. */
const MAX_FORCED_LABELS = 15;

function element<T extends HTMLElement>(id: string): T {
  const e = document.getElementById(id);
  if (!e) throw new Error(`explorer: element #${id} is missing`);
  return e as T;
}

/**
 * A place name as an isolated run of text (`<bdi>`, direction from its own first strong letter): a
 * Hebrew or Arabic name neither reorders the punctuation and numbers written around it nor takes on
 * the page's direction.
 */
function nameRun(text: string): HTMLElement {
  return make('bdi', text);
}

/** Names in one element, each isolated, between separators. */
function nameRuns(names: string[], separator: string): (HTMLElement | string)[] {
  return names.flatMap((name, k) => (k === 0 ? [nameRun(name)] : [separator, nameRun(name)]));
}

/** `document.createElement` with text (as text) and a class. */
function make<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

const payloadText = element<HTMLScriptElement>('twinnet-data').textContent ?? '';
const data = JSON.parse(payloadText) as ExplorerPayload;
const N = data.nodes.label;
const folded = N.map((label) => searchKey(label));
const heads = N.map((label) => searchKey(label.split(',')[0] ?? label));

const nodeSize = (degree: number) => 2 + 1.6 * Math.sqrt(degree);

function buildGraph(view: ExplorerView): UndirectedGraph {
  const g = new UndirectedGraph();
  view.nodes.forEach((i, k) => {
    g.addNode(String(i), {
      x: view.x[k] ?? 0,
      y: view.y[k] ?? 0,
      size: nodeSize(data.nodes.degree[i] ?? 0),
      color: view.palette[view.color[k] ?? 0] ?? '#999999',
      label: N[i] ?? '',
    });
  });
  for (let e = 0; e + 1 < view.edges.length; e += 2) {
    const s = String(view.edges[e]), t = String(view.edges[e + 1]);
    const w = view.weight[e / 2] ?? 1;
    if (!g.hasEdge(s, t)) g.addEdge(s, t, { size: Math.min(4, 0.4 + 0.4 * w), color: EDGE_COLOR });
  }
  return g;
}

const graphs: Record<ViewName, UndirectedGraph> = {
  bipartite: buildGraph(data.views.bipartite),
  home: buildGraph(data.views.home),
};

let view: ViewName = 'bipartite';
/** Whether the Map view is shown (selection and neighbours then follow the bipartite graph). */
let onMap = false;
let selected: number | null = null;
let neighbours = new Set<string>();

const container = element<HTMLDivElement>('graph');
const panel = element<HTMLElement>('panel');
const search = element<HTMLInputElement>('search');
const matches = element<HTMLUListElement>('matches');

element('title').textContent = data.title;
document.title = data.title;
element('view-home').textContent = data.views.home.title;

let renderer: Sigma | null = null;
try {
  renderer = new Sigma(graphs[view], container, {
    zIndex: true,
    labelDensity: 0.6,
    labelRenderedSizeThreshold: 9,
    defaultEdgeColor: EDGE_COLOR,
    nodeReducer: (node, attrs) => {
      if (selected === null || !graphs[view].hasNode(String(selected))) return attrs;
      if (node === String(selected)) return { ...attrs, highlighted: true, forceLabel: true, zIndex: 2 };
      if (neighbours.has(node)) return { ...attrs, forceLabel: neighbours.size <= MAX_FORCED_LABELS, zIndex: 1 };
      return { ...attrs, color: DIM_NODE, label: null, zIndex: 0 };
    },
    edgeReducer: (edge, attrs) => {
      if (selected === null || !graphs[view].hasNode(String(selected))) return attrs;
      const [s, t] = graphs[view].extremities(edge);
      const me = String(selected);
      return s === me || t === me ? { ...attrs, color: '#555555', zIndex: 1 } : { ...attrs, hidden: true };
    },
  });
  renderer.on('clickNode', ({ node }) => select(Number(node)));
  renderer.on('clickStage', () => clearSelection());
  renderer.on('enterNode', () => { container.style.cursor = 'pointer'; });
  renderer.on('leaveNode', () => { container.style.cursor = ''; });
  // The canvases follow their container: the header wraps once its text is in, the charts drawer
  // takes height when opened, the window is resized. Sigma itself only listens to the window.
  const r = renderer;
  new ResizeObserver(() => { r.resize(); r.refresh(); }).observe(container);
  // The zoom, for tests and styles: 1 = the whole network.
  r.getCamera().on('updated', (state) => { document.body.dataset.zoom = state.ratio.toFixed(2); });
} catch (err) {
  const message = err instanceof Error ? err.message : String(err);
  container.replaceChildren(make('p', `The network cannot be drawn in this browser (WebGL: ${message}). Search and the side panel still work.`, 'note'));
  console.error(`explorer: sigma could not start: ${message}`);
}

const mapView = data.map ? createMapView(element('map'), data.map, data.nodes, (i) => select(i)) : null;
if (!mapView) element('view-map').hidden = true;
else element('map-credit').textContent = data.map?.credit ?? '';
const partnersOf = (i: number): number[] => (graphs.bipartite.hasNode(String(i)) ? graphs.bipartite.neighbors(String(i)).map(Number) : []);

function updateNeighbours(): void {
  const g = graphs[view];
  neighbours = selected !== null && g.hasNode(String(selected)) ? new Set(g.neighbors(String(selected))) : new Set();
}

function focusCamera(): void {
  if (!renderer || selected === null) return;
  const display = renderer.getNodeDisplayData(String(selected));
  if (display) renderer.getCamera().animate({ x: display.x, y: display.y, ratio: 0.3 }, { duration: 400 });
}

function select(i: number): void {
  if (N[i] === undefined) return;
  selected = i;
  updateNeighbours();
  renderPanel(i);
  mapView?.select(i, partnersOf(i));
  renderer?.refresh({ skipIndexation: true });
  focusCamera();
  document.body.dataset.selected = String(i);
}

/** Back to the whole network (after a selection zoomed in). */
function resetCamera(): void {
  void renderer?.getCamera().animatedReset({ duration: 300 });
}

function clearSelection(): void {
  selected = null;
  neighbours = new Set();
  panel.hidden = true;
  panel.replaceChildren();
  delete document.body.dataset.selected;
  mapView?.select(null, []);
  renderer?.refresh({ skipIndexation: true });
}

function placeButton(i: number): HTMLButtonElement {
  const b = make('button', N[i] ?? '', 'link');
  b.type = 'button';
  b.dir = 'auto';
  b.addEventListener('click', () => select(i));
  return b;
}

function sideName(i: number): string {
  return data.nodes.side[i] === 0 ? `${data.home.demonym} place` : 'Foreign partner';
}

function renderPanel(i: number): void {
  const nodes = data.nodes;
  const close = make('button', 'Close', 'close');
  close.type = 'button';
  close.addEventListener('click', () => { clearSelection(); resetCamera(); });
  const name = make('h2', N[i] ?? '');
  name.id = 'panel-name';
  name.dir = 'auto';
  const country = nodes.country[i] ?? -1;
  const meta = make('p', `${sideName(i)} · ${country >= 0 ? (data.countries[country] ?? '') : 'country unknown'}`);

  const table = make('table');
  const community = nodes.community[i] ?? null, bipartite = nodes.bipartiteCommunity[i] ?? null;
  const home = nodes.side[i] === 0;
  const rows: [string, string][] = [
    ...data.measures.map((m): [string, string] => {
      const v = m.values[i] ?? null;
      return [m.label, m.integer && v !== null ? String(v) : panelNumber(v)];
    }),
    [`Community (Louvain, ${home ? data.home.demonym : 'partner'} projection)`,
      communityText(community, community === null ? undefined : (data.communities[home ? 'home' : 'partner'][community] ?? undefined), home ? 'partners most often in' : 'most often in')],
    ['Community (two-mode network)', communityText(bipartite, bipartite === null ? undefined : (data.communities.bipartite[bipartite] ?? undefined), 'most often in')],
  ];
  for (const [label, value] of rows) {
    const tr = make('tr');
    tr.append(make('th', label), make('td', value));
    table.append(tr);
  }

  const similarTitle = make('h3', 'Most similar places (shared partners)');
  const similar = make('ol');
  similar.id = 'similar';
  const entries: SimilarEntry[] = data.similar[i] ?? [];
  for (const [j, count, jaccard, shared, p] of entries) {
    const li = make('li');
    li.append(placeButton(j), make('small', ` — ${count} shared, Jaccard ${panelNumber(jaccard)}, p ${panelP(p)}`));
    if (shared.length > 0) {
      const div = make('div');
      div.append(...nameRuns(shared.map((k) => N[k] ?? ''), '; '));
      li.append(div);
    }
    similar.append(li);
  }
  if (entries.length === 0) similar.append(make('li', 'No place on this side shares a partner with it.'));

  const partnerIds = graphs.bipartite.hasNode(String(i)) ? graphs.bipartite.neighbors(String(i)).map(Number) : [];
  partnerIds.sort((p, q) => (N[p] ?? '').localeCompare(N[q] ?? '', 'en'));
  const partnersTitle = make('h3', `Partners (${partnerIds.length})`);
  const partners = make('ul');
  partners.id = 'partners';
  for (const p of partnerIds.slice(0, MAX_PARTNERS)) {
    const li = make('li');
    li.append(placeButton(p));
    partners.append(li);
  }
  if (partnerIds.length > MAX_PARTNERS) partners.append(make('li', `… and ${partnerIds.length - MAX_PARTNERS} more`));

  const notShown = graphs[view].hasNode(String(i)) ? [] : [make('p', `Not drawn in this view (the projection shows ${data.home.demonym} places only).`, 'note')];
  panel.replaceChildren(close, name, meta, ...notShown, table, similarTitle, similar, partnersTitle, partners);
  panel.hidden = false;
}

/** Places matching a query, best first: exact, name before the comma, prefix, word prefix, substring. */
function findMatches(query: string): number[] {
  const q = searchKey(query);
  if (q === '') return [];
  const scored: [number, number][] = [];
  for (let i = 0; i < N.length; i++) {
    const f = folded[i] ?? '', h = heads[i] ?? '';
    let tier = -1;
    if (f === q) tier = 0;
    else if (h === q) tier = 1;
    else if (f.startsWith(q)) tier = 2;
    else if (f.split(' ').some((w) => w.startsWith(q))) tier = 3;
    else if (f.includes(q)) tier = 4;
    if (tier >= 0) scored.push([i, tier]);
  }
  const degree = data.nodes.degree;
  scored.sort((x, y) => x[1] - y[1] || (degree[y[0]] ?? 0) - (degree[x[0]] ?? 0) || (N[x[0]] ?? '').localeCompare(N[y[0]] ?? '', 'en'));
  return scored.slice(0, MAX_MATCHES).map(([i]) => i);
}

function choose(i: number): void {
  matches.replaceChildren();
  search.value = N[i] ?? '';
  select(i);
}

function renderMatches(): void {
  const found = findMatches(search.value);
  matches.replaceChildren(...found.map((i) => {
    const li = make('li');
    li.setAttribute('role', 'option');
    const b = make('button');
    b.type = 'button';
    b.append(nameRun(N[i] ?? ''));
    const country = data.nodes.country[i] ?? -1;
    b.append(make('small', ` · ${data.nodes.side[i] === 0 ? data.home.name : (country >= 0 ? (data.countries[country] ?? '') : 'partner')} · degree ${data.nodes.degree[i] ?? 0}`));
    b.addEventListener('click', () => choose(i));
    li.append(b);
    return li;
  }));
}

search.addEventListener('input', renderMatches);
search.addEventListener('keydown', (event) => {
  if (event.key === 'Enter') {
    const first = findMatches(search.value)[0];
    if (first !== undefined) choose(first);
  } else if (event.key === 'Escape') {
    matches.replaceChildren();
  }
});

function renderLegend(): void {
  const v = data.views[view];
  const legend = element<HTMLElement>('legend');
  const list = make('ul');
  for (const entry of v.legend) {
    const swatch = make('span', undefined, 'swatch');
    swatch.style.background = entry.color;
    const li = make('li');
    const text = make('span', `${entry.size} places: `);
    text.append(...nameRuns(entry.examples, ', '), entry.size > entry.examples.length ? ', …' : '');
    li.append(swatch, text);
    list.append(li);
  }
  if (v.otherCommunities > 0) list.append(make('li', `+ ${v.otherCommunities} smaller communities`));
  legend.replaceChildren(make('h2', `Colour = community (${view === 'bipartite' ? 'two-mode network' : 'Louvain on the projection'}); size = degree`), list);
  const g = graphs[view];
  element('stats').textContent = `${v.title}: ${g.order.toLocaleString('en')} places · ${g.size.toLocaleString('en')} links`;
}

function setView(next: ViewName | 'map'): void {
  onMap = next === 'map';
  view = next === 'map' ? 'bipartite' : next;
  document.body.dataset.view = next;
  for (const b of document.querySelectorAll<HTMLButtonElement>('.views button')) {
    b.setAttribute('aria-pressed', String(b.dataset.view === next));
  }
  container.style.visibility = onMap ? 'hidden' : ''; // hidden, not removed: sigma needs its size
  element('map').hidden = !onMap;
  element('map-credit').hidden = !onMap;
  updateNeighbours();
  if (renderer) {
    renderer.setGraph(graphs[view]);
    renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    focusCamera();
  }
  if (selected !== null) renderPanel(selected);
  renderLegend();
  if (onMap && mapView) {
    element<HTMLElement>('legend').replaceChildren(make('h2', `Red: ${data.home.demonym} places; blue: foreign partners; size = degree. Select a place to draw its links.`));
    element('stats').textContent = `Map: ${mapView.placed.toLocaleString('en')} places placed`;
  }
}

for (const b of document.querySelectorAll<HTMLButtonElement>('.views button')) {
  b.addEventListener('click', () => setView(b.dataset.view === 'home' ? 'home' : b.dataset.view === 'map' ? 'map' : 'bipartite'));
}

setView('bipartite');
document.body.dataset.ready = 'true';
