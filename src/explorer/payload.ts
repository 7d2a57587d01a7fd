/**
 * explorerPayload: what the HTML explorer draws, as one compact JSON-ready object.
 *
 * - `nodes`: one column per field, one entry per node of the bipartite graph (home places first,
 *   in the analysis' node order); every other part of the payload refers to nodes by this index.
 *   Metrics are rounded to 4 significant digits, positions to 5, so that the page stays small.
 * - `views`: the bipartite graph and the projection onto the home places, each with its own seeded
 *   ForceAtlas2 positions (`layoutForceAtlas2`; the projection's layout pulls along the shared-partner
 *   count, a similarity), colours by community (bipartite: Barber communities; projection: Louvain)
 *   and a legend of its largest communities.
 * - `similar[i]`: the places most similar to node i on its own side — the top 5 for a home place,
 *   top 3 for a partner — ranked by the number of shared partners, then Jaccard, then the
 *   hypergeometric p (smallest first), then projection edge order; each with the partners they share.
 * - `communities`: each community's size and most frequent country, by id (`communityInfos`).
 *
 * Deterministic: the same analysis, seed and iterations give the same object.
 */
import { homeWords } from '../parse/countries.js';
import type { HomeWords } from '../parse/countries.js';
import type { Analysis } from '../analysis/analyze.js';
import { MEASURES } from '../analysis/measures/registry.js';
import { jaccardWeights, nodeRows } from '../analysis/results.js';
import type { NodeRow } from '../analysis/results.js';
import { bipartiteEdgeList } from '../graph/build-bipartite.js';
import type { Side } from '../graph/build-bipartite.js';
import { analysisLayout } from '../layout/network-layout.js';
import type { Position } from '../layout/layout.js';
import { communityColors, networkDescription } from '../export/network.js';
import { toPrecisionNumber } from '../util/to-precision.js';
import type { ExplorerMap } from './map-payload.js';
import { communityInfos } from './community-info.js';
import type { CommunityInfos } from './community-info.js';

export type ViewName = 'bipartite' | 'home';

/** A legend entry: colour, community number, its size and its best-connected members. */
export interface LegendEntry {
  color: string;
  community: number;
  size: number;
  examples: string[];
}

export interface ExplorerView {
  title: string;
  description: string;
  /** Node-table indices of the nodes drawn. */
  nodes: number[];
  x: number[];
  y: number[];
  /** Index into `palette`, per drawn node. */
  color: number[];
  palette: string[];
  /** Flat list of node-table index pairs. */
  edges: number[];
  /** Per edge: shared-partner count (projection) or 1 (bipartite). */
  weight: number[];
  legend: LegendEntry[];
  /** Communities beyond the legend. */
  otherCommunities: number;
}

/** [node index, shared count, Jaccard, node indices of the shared partners, hypergeometric p]. */
export type SimilarEntry = [number, number, number, number[], number];

export interface ExplorerPayload {
  version: 1;
  title: string;
  /** The country the list is about: code, name and demonym for the words of the page. */
  home: HomeWords;
  seed: number;
  /** Requested ForceAtlas2 iterations, or null for the size-dependent default. */
  iterations: number | null;
  nodes: {
    label: string[];
    /** 0 = home place, 1 = foreign partner. */
    side: (0 | 1)[];
    /** Index into `countries`, −1 when unknown. */
    country: number[];
    /** Partners (node sizes, search order); the panel's measures are in `measures`. */
    degree: number[];
    /** Louvain community in the projection onto the node's side. */
    community: (number | null)[];
    /** Community of the bipartite (Barber) optimiser. */
    bipartiteCommunity: (number | null)[];
  };
  countries: string[];
  /** The measures of the side panel, in the registry's order (those with a `panel` label), one value per node. */
  measures: PanelMeasure[];
  views: Record<ViewName, ExplorerView>;
  similar: SimilarEntry[][];
  /** The Map view (`map-payload.ts`), when the places were geocoded. */
  map?: ExplorerMap;
  /** Size and most frequent country of each community, by id, for the panel's words. */
  communities: CommunityInfos;
}

/** A measure of the side panel: its registry id, row label, format and per-node values (rounded to its digits). */
export interface PanelMeasure {
  id: string;
  label: string;
  integer: boolean;
  values: (number | null)[];
}

export interface ExplorerPayloadOptions {
  title: string;
  seed: number;
  /** The Map view's shapes and positions (`explorerMap`); without it the page has no Map view. */
  map?: ExplorerMap | undefined;
  /** ForceAtlas2 iterations per view. Default `defaultIterations(layoutCoreOrder(graph))` (100 up to a core of 1,500 nodes). */
  iterations?: number;
  /**
   * What the caller has computed already (a report's run computes each once for all its outputs):
   * `nodeRows(a)`, each side's `jaccardWeights`, a view's positions (laid out with `seed`, `iterations`),
   * the bipartite edge list its layout read.
   */
  given?: {
    rows?: readonly NodeRow[];
    jaccard?: Readonly<Partial<Record<Side, Float64Array>>>;
    positions?: Readonly<Partial<Record<ViewName, Map<string, Position>>>>;
    /** The bipartite graph's edges as index pairs into the node table, in graph order (`bipartiteEdgeList`). */
    bipartiteEdges?: { src: ArrayLike<number>; dst: ArrayLike<number> } | undefined;
  };
}

/** How many similar places are kept per side. */
export const SIMILAR_TOP: Readonly<Record<Side, number>> = { home: 5, partner: 3 };

/** Communities listed in each view's legend. */
export const LEGEND_SIZE = 8;

/** `v` to `digits` significant digits (no −0). */
export function roundSignificant(v: number, digits: number): number {
  const r = toPrecisionNumber(v, digits);
  return r === 0 ? 0 : r;
}

const hex = (n: number) => n.toString(16).padStart(2, '0');

export function explorerPayload(a: Analysis, options: ExplorerPayloadOptions): ExplorerPayload {
  const iterations = options.iterations;
  // Table index = node position in the analysis: home places 0…n−1, then the partners.
  const rows = options.given?.rows ?? nodeRows(a);
  const nHome = a.unified.n;

  const countries: string[] = [];
  const countryIndex = new Map<string, number>();
  const country = rows.map((r) => {
    if (r.countryName === null) return -1;
    let i = countryIndex.get(r.countryName);
    if (i === undefined) { i = countries.length; countries.push(r.countryName); countryIndex.set(r.countryName, i); }
    return i;
  });

  /**
   * A view of network `kind`, drawn from the analysis: `nodes` (table indices, in the network's node
   * order) coloured as the GEXF colours them, `edges` (flat table-index pairs) with their `weight`s,
   * positions from `networkLayout` (the GEXF's, when given).
   */
  const view = (kind: ViewName, title: string, nodes: number[], community: (i: number) => number | null, edges: number[], weight: number[]): ExplorerView => {
    const positions = options.given?.positions?.[kind] ?? analysisLayout(a, kind, 'count', { seed: options.seed, iterations }).positions;
    const colorOf = communityColors(a, kind);
    const x: number[] = [], y: number[] = [], color: number[] = [];
    const palette: string[] = [], paletteIndex = new Map<string, number>(), colorIndex = new Map<number | null, number>();
    const members = new Map<number, number[]>();
    for (const i of nodes) {
      const p = positions.get((rows[i] as NodeRow).key) as { x: number; y: number };
      const c = community(i);
      let ci = colorIndex.get(c);
      if (ci === undefined) {
        const rgb = colorOf(c);
        const h = `#${hex(rgb.r)}${hex(rgb.g)}${hex(rgb.b)}`;
        ci = paletteIndex.get(h);
        if (ci === undefined) { ci = palette.length; palette.push(h); paletteIndex.set(h, ci); }
        colorIndex.set(c, ci);
      }
      x.push(roundSignificant(p.x, 5)); y.push(roundSignificant(p.y, 5)); color.push(ci);
      if (c !== null) {
        const list = members.get(c);
        if (list) list.push(i); else members.set(c, [i]);
      }
    }
    const byDegree = (i: number, j: number) => (rows[j]?.degree ?? 0) - (rows[i]?.degree ?? 0) || i - j;
    const ranked = [...members.entries()].sort((p, q) => q[1].length - p[1].length || p[0] - q[0]);
    const legend = ranked.slice(0, LEGEND_SIZE).map(([c, list]) => ({
      color: palette[colorIndex.get(c) as number] as string,
      community: c,
      size: list.length,
      examples: [...list].sort(byDegree).slice(0, 3).map((i) => rows[i]?.label ?? ''),
    }));
    return { title, description: networkDescription(a, kind), nodes, x, y, color, palette, edges, weight, legend, otherCommunities: Math.max(0, ranked.length - LEGEND_SIZE) };
  };

  // The bipartite view: every node, the analysed graph's edges in graph order (`bipartiteEdgeList`, as
  // `exportNetwork` lists them; its node order is the table's), laid out as the GEXF's.
  const all = rows.map((_r, i) => i);
  const { src, dst } = options.given?.bipartiteEdges ?? bipartiteEdgeList(a.dataset, a.nodes);
  const bipartiteEdges: number[] = [], ones: number[] = [];
  for (let e = 0; e < src.length; e++) { bipartiteEdges.push(src[e] as number, dst[e] as number); ones.push(1); }
  // The projection view: the home places, the projection's edges (in `exportNetwork`'s order),
  // weighted by the shared-partner count; its layout is the projection export's.
  const p = a.sides.home.projection;
  const projectionEdges: number[] = [], sharedCounts: number[] = [];
  for (let i = 0; i < p.u.length; i++) { projectionEdges.push(p.u[i] as number, p.v[i] as number); sharedCounts.push(p.count[i] as number); }

  return {
    version: 1,
    title: options.title,
    home: homeWords(a.dataset.home),
    seed: options.seed,
    iterations: iterations ?? null,
    nodes: {
      label: rows.map((r) => r.label),
      side: rows.map((r) => (r.side === 'home' ? 0 : 1)),
      country,
      degree: rows.map((r) => r.degree),
      community: rows.map((r) => r.community),
      bipartiteCommunity: rows.map((r) => r.bipartiteCommunity),
    },
    countries,
    measures: panelMeasures(rows),
    views: {
      bipartite: view('bipartite', 'Bipartite graph', all,
        (i) => (rows[i] as NodeRow).bipartiteCommunity, bipartiteEdges, ones),
      home: view('home', `${homeWords(a.dataset.home).demonym} projection`, all.slice(0, nHome),
        (i) => (rows[i] as NodeRow).community, projectionEdges, sharedCounts),
    },
    similar: similarLists(a, rows.length, options.given?.jaccard ?? {}),
    ...(options.map ? { map: options.map } : {}),
    communities: communityInfos(a, rows),
  };
}

/** The panel's measures from the registry: integers as they are, the rest to the measure's significant digits. */
function panelMeasures(rows: readonly NodeRow[]): PanelMeasure[] {
  return MEASURES.filter((m) => m.panel !== undefined).map((m) => ({
    id: m.id, label: m.panel as string, integer: m.integer === true,
    values: rows.map((r) => {
      const v = r[m.id];
      return v === null || m.integer ? v : roundSignificant(v, m.digits);
    }),
  }));
}

/**
 * For every node, its most similar places on its own side: shared count desc, then Jaccard desc, then
 * p asc, then projection edge index (so ties are not settled by the alphabet alone). One pass over the projection's
 * edges, each offered to both its ends' short ranked lists (the top k of each node, in a flat array).
 */
function similarLists(a: Analysis, n: number, given: Partial<Record<Side, Float64Array>>): SimilarEntry[][] {
  const out: SimilarEntry[][] = []; // home side, then partners: in table order
  for (const side of ['home', 'partner'] as const) {
    const p = a.sides[side].projection;
    const jaccard = given[side] ?? jaccardWeights(p), count = p.count, pValue = a.sides[side].significance.p;
    /** Whether edge x ranks before edge y. */
    const before = (x: number, y: number) => ((count[y] as number) - (count[x] as number) || (jaccard[y] as number) - (jaccard[x] as number) ||
      (pValue[x] as number) - (pValue[y] as number) || x - y) < 0;
    const k = SIMILAR_TOP[side], nodes = p.keys.length;
    const best = new Int32Array(nodes * k), size = new Int32Array(nodes);
    const offer = (node: number, i: number) => {
      const first = node * k, length = size[node] as number;
      let at = length;
      while (at > 0 && before(i, best[first + at - 1] as number)) at--;
      if (at === k) return;
      for (let j = Math.min(length, k - 1); j > at; j--) best[first + j] = best[first + j - 1] as number;
      best[first + at] = i;
      if (length < k) size[node] = length + 1;
    };
    for (let i = 0; i < p.u.length; i++) { offer(p.u[i] as number, i); offer(p.v[i] as number, i); }
    // Table index of node j of this side / of the other side: own + j / opposite + j (home places first).
    const own = side === 'home' ? 0 : a.unified.n, opposite = side === 'home' ? a.unified.n : 0;
    for (let me = 0; me < nodes; me++) {
      const entries: SimilarEntry[] = [];
      for (let r = 0; r < (size[me] as number); r++) {
        const i = best[me * k + r] as number;
        const other = (p.u[i] === me ? p.v[i] : p.u[i]) as number;
        const shared: number[] = [];
        if (p.sharedOffsets && p.sharedAdj) {
          for (let j = p.sharedOffsets[i] as number; j < (p.sharedOffsets[i + 1] as number); j++) shared.push(opposite + (p.sharedAdj[j] as number));
        }
        entries.push([own + other, count[i] as number, roundSignificant(jaccard[i] as number, 4), shared, roundSignificant(pValue[i] as number, 3)]);
      }
      out.push(entries);
    }
  }
  if (out.length !== n) throw new Error(`explorer: ${out.length} similar lists for ${n} nodes`);
  return out;
}
