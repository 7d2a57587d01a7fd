/**
 * District entries (`City – District`) → the city entry they belong to. Where two cities share the
 * name (`Suzhou, Anhui` / `Suzhou, Jiangsu`), a small table of known districts decides; otherwise the
 * nearest preceding candidate, with a warning.
 */
import { foldName } from './fold-table.js';
import type { Reporter } from './reporter.js';
import type { HomeEntry } from './types.js';

/**
 * By home country, district entries whose parent city name is shared by two entries (`Suzhou, Anhui`
 * and `Suzhou, Jiangsu`): which one they belong to. Gusu, Wujiang and Wuzhong are districts of Suzhou
 * in Jiangsu. Districts not listed fall back to the nearest preceding candidate, with a warning.
 */
const KNOWN_DISTRICT_PARENTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  CN: {
    'suzhou|gusu': 'Jiangsu',
    'suzhou|wujiang': 'Jiangsu',
    'suzhou|wuzhong': 'Jiangsu',
    'suzhou|xiangcheng': 'Jiangsu',
    'suzhou|huqiu': 'Jiangsu',
    'suzhou|yongqiao': 'Anhui',
  },
};

/** Links each `City – District` entry to its city entry (see KNOWN_DISTRICT_PARENTS; `homeCountry` is ISO alpha-2). */
export function resolveDistrictParents(home: HomeEntry[], report: Reporter, homeCountry: string): void {
  const knownParents = KNOWN_DISTRICT_PARENTS[homeCountry] ?? {};
  const byCity = new Map<string, HomeEntry[]>();
  for (const c of home) {
    if (c.kind !== 'city') continue;
    const key = foldName(c.city);
    const list = byCity.get(key);
    if (list) list.push(c); else byCity.set(key, [c]);
  }
  for (const d of home) {
    if (d.kind !== 'district') continue;
    let candidates = (byCity.get(foldName(d.city)) ?? []).filter((c) => d.qualifier === null || c.qualifier === d.qualifier);
    if (candidates.length > 1) {
      const known = knownParents[`${foldName(d.city)}|${foldName(d.district ?? '')}`];
      const chosen = candidates.filter((c) => c.qualifier === known);
      if (chosen.length === 1) {
        candidates = chosen;
      } else {
        const before = candidates.filter((c) => c.line < d.line);
        const nearest = before[before.length - 1] ?? candidates[0];
        report('warning', 'district-parent-ambiguous', [d.line, ...candidates.map((c) => c.line)],
          `district "${d.name}" could belong to ${candidates.map((c) => `"${c.name}"`).join(' or ')}; linked to the nearest preceding, "${nearest?.name}"`);
        candidates = nearest ? [nearest] : [];
      }
    }
    const parent = candidates[0];
    if (parent) d.parentId = parent.id;
    else report('warning', 'district-parent-missing', [d.line], `district "${d.name}" has no entry for its city "${d.city}" in the list`);
  }
}
