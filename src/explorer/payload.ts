/**
 * explorerPayload: what the HTML explorer draws, as one compact JSON-ready object.
 *
 * - `nodes`: one column per field, one entry per node of the bipartite graph (Chinese places first,
 *   in the analysis' node order); every other part of the payload refers to nodes by this index.
 *   Metrics are rounded to 4 significant digits, positions to 5, so that the page stays small.
 * - `views`: the bipartite graph and the projection onto the Chinese places, each with its own seeded
 *   ForceAtlas2 positions (`layoutForceAtlas2`; the projection's layout pulls along the shared-partner
 *   count, a similarity), colours by community (bipartite: Barber communities; projection: Louvain)
 *   and a legend of its largest communities.
 * - `similar[i]`: the places most similar to node i on its own side — the top 5 for a Chinese place,
 *   top 3 for a partner — ranked as `similarTo` ranks them (Jaccard of the partner sets, then the
 *   shared count), each with the partners they share.
 *
 * Deterministic: the same analysis, seed and iterations give the same object.
 */
import { incidentEdges } from '../analysis/query.js';
import type { Analysis } from '../analysis/analyze.js';
import { edgeWeight, sharedOf } from '../analysis/projection/project.js';
import { nodeRows } from '../analysis/results.js';
import type { Side } from '../graph/build-bipartite.js';
import { networkLayout } from '../export/network-layout.js';
import { exportNetwork } from '../export/network.js';
import type { ExportNetwork } from '../export/network.js';
import { toPrecisionNumber } from '../util/to-precision.js';

export type ViewName = 'bipartite' | 'china';

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

/** [node index, shared count, Jaccard, node indices of the shared partners]. */
export type SimilarEntry = [number, number, number, number[]];

export interface ExplorerPayload {
  version: 1;
  title: string;
  seed: number;
  /** Requested ForceAtlas2 iterations, or null for the size-dependent default. */
  iterations: number | null;
  nodes: {
    label: string[];
    /** 0 = Chinese place, 1 = foreign partner. */
    side: (0 | 1)[];
    /** Index into `countries`, −1 when unknown. */
    country: number[];
    degree: number[];
    /** Bipartite-normalised betweenness (NetworkX `bipartite.betweenness_centrality`). */
    betweenness: number[];
    /** Harmonic closeness ÷ (N − 1); null when not computed. */
    harmonic: (number | null)[];
    /** Eigenvector centrality, maximum = 1. */
    eigenvector: number[];
    pagerank: number[];
    /** Louvain community in the projection onto the node's side. */
    community: (number | null)[];
    /** Community of the bipartite (Barber) optimiser. */
    bipartiteCommunity: (number | null)[];
  };
  countries: string[];
  views: Record<ViewName, ExplorerView>;
  similar: SimilarEntry[][];
}

export interface ExplorerPayloadOptions {
  title: string;
  seed: number;
  /** ForceAtlas2 iterations per view. Default `defaultIterations(layoutCoreOrder(graph))` (100 up to a core of 1,500 nodes). */
  iterations?: number;
}

/** How many similar places are kept per side. */
export const SIMILAR_TOP: Readonly<Record<Side, number>> = { china: 5, partner: 3 };

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
  const rows = nodeRows(a);
  const indexOf = new Map(rows.map((r, i) => [r.key, i]));
  const at = (key: string) => indexOf.get(key) as number;

  const countries: string[] = [];
  const countryIndex = new Map<string, number>();
  const country = rows.map((r) => {
    if (r.countryName === null) return -1;
    let i = countryIndex.get(r.countryName);
    if (i === undefined) { i = countries.length; countries.push(r.countryName); countryIndex.set(r.countryName, i); }
    return i;
  });
  const r4 = (v: number) => roundSignificant(v, 4);

  const view = (net: ExportNetwork, title: string): ExplorerView => {
    const positions = networkLayout(a, net, { seed: options.seed, iterations });
    const nodes: number[] = [], x: number[] = [], y: number[] = [], color: number[] = [];
    const palette: string[] = [], paletteIndex = new Map<string, number>();
    const members = new Map<number, number[]>();
    net.graph.forEachNode((key, attr) => {
      const p = positions.get(key) as { x: number; y: number };
      const c = net.color(key);
      const h = `#${hex(c.r)}${hex(c.g)}${hex(c.b)}`;
      let ci = paletteIndex.get(h);
      if (ci === undefined) { ci = palette.length; palette.push(h); paletteIndex.set(h, ci); }
      const i = at(key);
      nodes.push(i); x.push(roundSignificant(p.x, 5)); y.push(roundSignificant(p.y, 5)); color.push(ci);
      const community = attr.modularity_class as number | null;
      if (community !== null) {
        const list = members.get(community);
        if (list) list.push(i); else members.set(community, [i]);
      }
    });
    const edges: number[] = [], weight: number[] = [];
    net.graph.forEachEdge((_e, attr, s, t) => {
      edges.push(at(s), at(t));
      weight.push(typeof attr.shared_count === 'number' ? attr.shared_count : 1);
    });
    const byDegree = (i: number, j: number) => (rows[j]?.degree ?? 0) - (rows[i]?.degree ?? 0) || i - j;
    const ranked = [...members.entries()].sort((p, q) => q[1].length - p[1].length || p[0] - q[0]);
    const legend = ranked.slice(0, LEGEND_SIZE).map(([community, list]) => {
      const first = list[0] as number;
      return {
        color: palette[color[nodes.indexOf(first)] as number] as string,
        community,
        size: list.length,
        examples: [...list].sort(byDegree).slice(0, 3).map((i) => rows[i]?.label ?? ''),
      };
    });
    return { title, description: net.description, nodes, x, y, color, palette, edges, weight, legend, otherCommunities: Math.max(0, ranked.length - LEGEND_SIZE) };
  };

  return {
    version: 1,
    title: options.title,
    seed: options.seed,
    iterations: iterations ?? null,
    nodes: {
      label: rows.map((r) => r.label),
      side: rows.map((r) => (r.side === 'china' ? 0 : 1)),
      country,
      degree: rows.map((r) => r.degree),
      betweenness: rows.map((r) => r4(r.betweenness)),
      harmonic: rows.map((r) => (r.harmonicNormalized === null ? null : r4(r.harmonicNormalized))),
      eigenvector: rows.map((r) => r4(r.eigenvectorMax)),
      pagerank: rows.map((r) => r4(r.pagerank)),
      community: rows.map((r) => r.community),
      bipartiteCommunity: rows.map((r) => r.bipartiteCommunity),
    },
    countries,
    views: {
      bipartite: view(exportNetwork(a, 'bipartite'), 'Bipartite graph'),
      china: view(exportNetwork(a, 'china'), 'Chinese projection'),
    },
    similar: similarLists(a, rows.length, at),
  };
}

/**
 * For every node, its most similar places on its own side, ordered as `similarTo` orders them:
 * Jaccard desc, then shared count desc, then projection edge index.
 */
function similarLists(a: Analysis, n: number, at: (key: string) => number): SimilarEntry[][] {
  const out: SimilarEntry[][] = Array.from({ length: n }, () => []);
  for (const side of ['china', 'partner'] as const) {
    const p = a.sides[side].projection;
    const incident = incidentEdges(p);
    const jaccard = (i: number) => edgeWeight(p, i, 'jaccard');
    const count = (i: number) => p.count[i] as number;
    p.keys.forEach((key, me) => {
      const edges = Array.from(incident.adj.subarray(incident.offsets[me] as number, incident.offsets[me + 1] as number)).sort((x, y) => jaccard(y) - jaccard(x) || count(y) - count(x) || x - y);
      out[at(key)] = edges.slice(0, SIMILAR_TOP[side]).map((i): SimilarEntry => {
        const other = (p.u[i] === me ? p.v[i] : p.u[i]) as number;
        const shared = p.sharedOffsets ? sharedOf(p, i).map(at) : [];
        return [at(p.keys[other] as string), count(i), roundSignificant(jaccard(i), 4), shared];
      });
    });
  }
  return out;
}
