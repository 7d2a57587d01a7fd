/**
 * The communities of the explorer's panel: for each community id (the report's, the JSON's and the
 * GEXF's numbers) its size and most frequent country, counted as the report counts its "dominant
 * countries" — the countries of the partner members, or, in a community of home places only, of
 * their partners (one per link); ties by country code.
 */
import type { Analysis } from '../analysis/analyze.js';
import type { NodeRow } from '../analysis/results.js';
import { byLocale } from '../util/collate.js';
import type { CommunityInfo } from './format.js';

export interface CommunityInfos {
  /** Louvain communities of the projection onto the home places, by id. */
  home: (CommunityInfo | null)[];
  /** Louvain communities of the projection onto the partners, by id. */
  partner: (CommunityInfo | null)[];
  /** Communities of the two-mode network, by id. */
  bipartite: (CommunityInfo | null)[];
}

export function communityInfos(a: Analysis, rows: readonly NodeRow[]): CommunityInfos {
  const nHome = a.unified.n, s = a.index.home;
  /** Country codes and names of home place i's partners, one per link. */
  const partnersOf = (i: number): NodeRow[] => {
    const out: NodeRow[] = [];
    for (let e = s.offsets[i] as number; e < (s.offsets[i + 1] as number); e++) out.push(rows[nHome + (s.adj[e] as number)] as NodeRow);
    return out;
  };
  const summarize = (nodes: number[], id: (i: number) => number | null): (CommunityInfo | null)[] => {
    const members: number[][] = [];
    for (const i of nodes) {
      const c = id(i);
      if (c !== null) (members[c] ??= []).push(i);
    }
    return Array.from(members, (list) => {
      if (!list) return null;
      const partners = list.filter((i) => i >= nHome);
      const counted = partners.length ? partners.map((i) => rows[i] as NodeRow) : list.flatMap(partnersOf);
      const counts = new Map<string, { n: number; name: string }>();
      for (const r of counted) {
        const code = r.country ?? '??';
        const e = counts.get(code);
        if (e) e.n++; else counts.set(code, { n: 1, name: r.countryName ?? code });
      }
      const top = [...counts].sort((x, y) => y[1].n - x[1].n || byLocale(x[0], y[0]))[0];
      return [list.length, top ? top[1].name : null, top && counted.length ? Math.round((1e4 * top[1].n) / counted.length) / 1e4 : 0];
    });
  };
  const all = rows.map((_r, i) => i);
  return {
    home: summarize(all.slice(0, nHome), (i) => (rows[i] as NodeRow).community),
    partner: summarize(all.slice(nHome), (i) => (rows[i] as NodeRow).community),
    bipartite: summarize(all, (i) => (rows[i] as NodeRow).bipartiteCommunity),
  };
}
