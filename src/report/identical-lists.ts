/**
 * Identical partner lists, for reading: the pairs of places whose partner lists are the same, gathered
 * into groups (having the same list is transitive, so a group is every place with that list: the 6
 * pairs among Budapest, Jakarta, Lima and London are one group of four). The report shows one row per
 * group instead of one clause per pair.
 *
 * @example
 *   identicalGroups([{ a: 'x', b: 'y', … }, { a: 'x', b: 'z', … }, { a: 'y', b: 'z', … }])
 *   // [{ labels: [x, y, z], pairs: 3, … }]
 */
import type { PairRecord } from '../analysis/results.js';
import { md, num, plural, table } from './text.js';

export interface IdenticalGroup {
  /** Labels of the places with this list, in the order the pairs name them first. */
  labels: string[];
  /** Number of partners on the list. */
  count: number;
  /** The shared partners' labels (empty when the projection did not keep them). */
  shared: string[];
  /** Pairs in the group, and the smallest p-value and Holm-corrected p-value among them. */
  pairs: number;
  p: number;
  holm: number;
}

/** Groups of places with identical partner lists, in the order of each group's first pair. */
export function identicalGroups(pairs: readonly PairRecord[]): IdenticalGroup[] {
  const groupOf = new Map<string, IdenticalGroup>();
  const keysOf = new Map<IdenticalGroup, string[]>();
  const groups: IdenticalGroup[] = [];
  for (const x of pairs) {
    let g = groupOf.get(x.a) ?? groupOf.get(x.b);
    if (!g) {
      g = { labels: [], count: x.count, shared: x.shared, pairs: 0, p: x.p, holm: x.holm };
      groups.push(g);
      keysOf.set(g, []);
    }
    for (const [key, label] of [[x.a, x.labelA], [x.b, x.labelB]] as const) {
      if (groupOf.has(key)) continue;
      groupOf.set(key, g);
      g.labels.push(label);
      (keysOf.get(g) as string[]).push(key);
    }
    g.pairs++;
    g.p = Math.min(g.p, x.p);
    g.holm = Math.min(g.holm, x.holm);
  }
  return groups;
}

/**
 * The Markdown of a side's identical partner lists: a count, then a short table of the groups.
 * `what`: the places ("Chinese cities"); `by`: their partners ("foreign partners"); `alpha`: the
 * significance level of the Holm-corrected p-values.
 */
export function identicalListsMarkdown(pairs: readonly PairRecord[], what: string, by: string, alpha: number, total: number = pairs.length): string {
  const groups = identicalGroups(pairs);
  const places = groups.reduce((n, g) => n + g.labels.length, 0);
  const significant = groups.filter((g) => g.holm <= alpha).length;
  const shown = groups.slice(0, 10);
  const listed = total > pairs.length ? ` (the groups below from the first ${num(pairs.length)} listed)` : '';
  const lead = `**Identical partner lists** (every partner shared, 2 or more partners): ${plural(total, 'pair')} of ${what}${listed}, ` +
    `${plural(groups.length, 'group')} of ${num(places)} places with the same list; ` +
    (significant === 0 ? 'none is more than chance after correction (Holm).' : `${plural(significant, 'group')} more than chance after correction (Holm p ≤ ${alpha}).`);
  const rows = shown.map((g) => [
    md(g.labels.join('; ')),
    g.count,
    md(g.shared.slice(0, 6).join('; ') + (g.shared.length > 6 ? ` … (+${g.shared.length - 6})` : '')),
    num(g.p, 3),
    num(g.holm, 3),
  ]);
  const more = groups.length > shown.length ? `\n\n(${groups.length - shown.length} more groups; every pair is in the JSON.)` : '';
  return `${lead}\n\n${table([`${what} with the same list`, 'partners', `the ${by}`, 'p', 'p (Holm)'], rows, ['l', 'r', 'l', 'r', 'r'])}${more}`;
}
