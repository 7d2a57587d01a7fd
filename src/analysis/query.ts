/**
 * Questions about single places: find a node by a forgiving name (case, accents, apostrophes and
 * punctuation ignored: `xian` finds Xi'an), the partners shared by two places, the places most
 * similar to one, a place's partners. Unknown or ambiguous names raise `UsageError` listing the
 * closest candidates.
 */
import { homeWhere } from '../graph/build-bipartite.js';
import type { Side } from '../graph/build-bipartite.js';
import { searchKey } from '../util/fold.js';
import { homeWords, withArticle } from '../parse/countries.js';
import { UsageError } from '../util/errors.js';
import type { Analysis } from './analyze.js';
import { edgeWeight } from './projection/project.js';
import type { Projection } from './projection/project.js';
import { hypergeometricUpperTail } from './stats/hypergeometric.js';
import { pairRecord } from './results.js';
import type { PairRecord } from './results.js';

/** Levenshtein distance (for suggestions). */
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] as number;
      row[j] = Math.min((row[j] as number) + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] as number;
}

/**
 * The node a user means. Matching, in order: exact key; exact label; folded label; folded name
 * before the first comma (`perth` → both Perths: ambiguous); folded prefix. `side` restricts it.
 * The folded tiers need a query and a name that fold to something.
 */
export function findNode(a: Analysis, query: string, side?: Side): string {
  const q = searchKey(query);
  const nodes: { key: string; label: string; side: Side; folded: string; head: string }[] = [];
  a.graph.forEachNode((key, attr) => {
    if (side && attr.side !== side) return;
    nodes.push({ key, label: attr.label, side: attr.side, folded: searchKey(attr.label), head: searchKey(attr.label.split(',')[0] as string) });
  });
  // A query or a name that folds to nothing (punctuation, invisible characters) is matched by key or
  // exact label only: folded, it would be every place's prefix, or the country after its comma.
  const named = q === '' ? [] : nodes.filter((n) => n.head !== '');
  const tiers = [
    nodes.filter((n) => n.key === query),
    nodes.filter((n) => n.label === query),
    named.filter((n) => n.folded === q),
    named.filter((n) => n.head === q),
    named.filter((n) => q.length >= 3 && n.folded.startsWith(q)),
  ];
  for (const tier of tiers) {
    if (tier.length === 1) return (tier[0] as { key: string }).key;
    if (tier.length > 1) {
      // places of one label (homonyms split by coordinates or sections) are told apart by their keys,
      // with the region or section the input gave them (`Aurangabad [home] in:aurangabad-2, Bihar`)
      const twice = (n: { label: string }) => tier.filter((m) => m.label === n.label).length > 1;
      const where = (key: string): string => {
        const h = a.dataset.homes.find((x) => x.id === key);
        const w = h ? homeWhere(h) : a.dataset.partners.find((x) => x.id === key)?.region;
        return w ? `, ${w}` : '';
      };
      const list = tier.slice(0, 10).map((n) => `  ${n.label} [${n.side}]${twice(n) ? ` ${n.key}${where(n.key)}` : ''}`).join('\n');
      throw new UsageError(`"${query}" is ambiguous; it matches ${tier.length} places:\n${list}`);
    }
  }
  const closest = nodes
    .map((n) => ({ n, d: Math.min(editDistance(q, n.head), editDistance(q, n.folded)) }))
    .sort((x, y) => x.d - y.d || x.n.label.localeCompare(y.n.label))
    .slice(0, 5)
    .map((x) => `  ${x.n.label} [${x.n.side}]`);
  const domestic = (a.dataset.domesticPlaces ?? []).find((h) => searchKey(h.name) === q);
  if (domestic) {
    throw new UsageError(`"${domestic.name}" is ${withArticle(homeWords(a.dataset.home).demonym)} place in domestic pairs only (both ends in the home country), which the network leaves out: it has no foreign partner`);
  }
  throw new UsageError(`no place called "${query}"${side ? ` on the ${side} side` : ''}; closest:\n${closest.join('\n')}`);
}

export interface SharedResult extends PairRecord { side: Side }

/** The partners two places on the same side share, with every weight and the p-value. */
export function sharedPartners(a: Analysis, first: string, second: string): SharedResult {
  const ka = findNode(a, first), kb = findNode(a, second);
  const sa = a.graph.getNodeAttribute(ka, 'side'), sb = a.graph.getNodeAttribute(kb, 'side');
  if (sa !== sb) throw new UsageError(`"${first}" is on the ${sa} side and "${second}" on the ${sb} side: shared partners compare places of one side`);
  if (ka === kb) throw new UsageError(`"${first}" and "${second}" are the same place`);
  const i = edgeIndex(a, sa, ka, kb);
  if (i >= 0) return { side: sa, ...pairRecord(a, sa, i) };
  const p = a.sides[sa].projection;
  const da = a.graph.degree(ka), db = a.graph.degree(kb);
  const label = (k: string) => a.graph.getNodeAttribute(k, 'label');
  return {
    side: sa, a: ka, b: kb, labelA: label(ka), labelB: label(kb), degreeA: da, degreeB: db,
    count: 0, jaccard: 0, overlap: 0, cosine: 0, newman: 0,
    // P(X ≥ 0) = 1 under either model (SDSM's only when it was fitted: null above its limit, as for a pair)
    p: hypergeometricUpperTail(0, p.opposite, da, db), holm: 1, bh: 1,
    pSdsm: a.sides[sa].sdsm ? 1 : null, holmSdsm: a.sides[sa].sdsm ? 1 : null, shared: [], sharedIds: [],
  };
}

function edgeIndex(a: Analysis, side: Side, ka: string, kb: string): number {
  const p = a.sides[side].projection;
  let u = positionOf(a, side, ka), v = positionOf(a, side, kb);
  if (u > v) [u, v] = [v, u];
  // edges are ordered by (u, v): binary search
  let lo = 0, hi = p.u.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const mu = p.u[mid] as number, mv = p.v[mid] as number;
    if (mu === u && mv === v) return mid;
    if (mu < u || (mu === u && mv < v)) lo = mid + 1; else hi = mid - 1;
  }
  return -1;
}

/** For each node of a projection, the indices of its edges (CSR). */
export function incidentEdges(p: Projection): { offsets: Int32Array; adj: Int32Array } {
  const n = p.keys.length, E = p.u.length;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < E; i++) { offsets[(p.u[i] as number) + 1]!++; offsets[(p.v[i] as number) + 1]!++; }
  for (let i = 1; i <= n; i++) offsets[i] = (offsets[i] as number) + (offsets[i - 1] as number);
  const fill = offsets.slice(0, n), adj = new Int32Array(2 * E);
  for (let i = 0; i < E; i++) { adj[fill[p.u[i] as number]!++] = i; adj[fill[p.v[i] as number]!++] = i; }
  return { offsets, adj };
}

/** Position of `key` among the nodes of `side`'s projection (−1 when absent). */
function positionOf(a: Analysis, side: Side, key: string): number {
  return a.sides[side].projection.keys.indexOf(key);
}

export type SimilarBy = 'jaccard' | 'count' | 'newman' | 'cosine' | 'overlap' | 'pvalue';

/** The places most similar to one (same side), ranked `by` a similarity of the pair; `pvalue` ranks by the hypergeometric p, smallest first. */
export function similarTo(a: Analysis, name: string, options: { top?: number; by?: SimilarBy } = {}): { key: string; label: string; side: Side; similar: PairRecord[] } {
  const top = options.top ?? 10, by = options.by ?? 'jaccard';
  if (!(Number.isInteger(top) && top > 0)) throw new UsageError(`--top must be a positive integer, got ${top}`);
  const key = findNode(a, name);
  const side = a.graph.getNodeAttribute(key, 'side');
  const p = a.sides[side].projection;
  const me = positionOf(a, side, key);
  const incident = incidentEdges(p);
  const edges = Array.from(incident.adj.subarray(incident.offsets[me] as number, incident.offsets[me + 1] as number));
  const s = a.sides[side].significance;
  const score = (i: number) => (by === 'pvalue' ? -(s.p[i] as number) : edgeWeight(p, i, by));
  edges.sort((x, y) => score(y) - score(x) || (p.count[y] as number) - (p.count[x] as number) || x - y);
  const similar = edges.slice(0, top).map((i) => {
    const r = pairRecord(a, side, i);
    return r.a === key ? r : { ...r, a: r.b, b: r.a, labelA: r.labelB, labelB: r.labelA, degreeA: r.degreeB, degreeB: r.degreeA };
  });
  return { key, label: a.graph.getNodeAttribute(key, 'label'), side, similar };
}

/** A place's partners, with their countries and degrees. */
export function partnersOf(a: Analysis, name: string) {
  const key = findNode(a, name);
  const attrs = a.graph.getNodeAttributes(key);
  const partners = a.graph.neighbors(key).map((k) => {
    const n = a.graph.getNodeAttributes(k);
    return { key: k, label: n.label, country: n.country, countryName: n.countryName, degree: a.graph.degree(k), lines: a.graph.getEdgeAttribute(key, k, 'lines') };
  }).sort((x, y) => x.label.localeCompare(y.label, 'en'));
  return { key, label: attrs.label, side: attrs.side, country: attrs.country, partners };
}
