/**
 * Data-quality findings that need the whole list: identical partner lists, homonyms, near-duplicate
 * partner spellings, US partners without a state, headers outside their letter's section.
 */
import { foldName } from '../util/fold.js';
import type { ChinaEntry, Diagnostic, Partner } from './types.js';
import usHomonyms from '../../data/reference/us-homonyms.json' with { type: 'json' };

/** US place names borne by several places of ≥ 20,000 inhabitants (GeoNames; scripts/make-us-homonyms.mjs). */
const US_HOMONYMS = usHomonyms as { minPopulation: number; names: Record<string, { state: string; population: number }[]> };

/** Partner lists of at least this many partners are compared for identity. */
export const IDENTICAL_MIN_PARTNERS = 2;

export function qualityDiagnostics(china: readonly ChinaEntry[], partners: readonly Partner[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const push = (d: Omit<Diagnostic, 'line'>) => {
    const lines = [...d.lines].sort((a, b) => a - b);
    out.push({ ...d, lines, line: lines[0] ?? null });
  };

  // Chinese entries with the same set of partners.
  const bySet = new Map<string, ChinaEntry[]>();
  for (const c of china) {
    if (c.partnerIds.length < IDENTICAL_MIN_PARTNERS) continue;
    const key = [...c.partnerIds].sort().join('\u0001');
    bySet.set(key, [...(bySet.get(key) ?? []), c]);
  }
  for (const group of bySet.values()) {
    if (group.length < 2) continue;
    const n = group[0]?.partnerIds.length ?? 0;
    push({
      severity: 'info',
      code: 'identical-partner-lists',
      lines: group.map((c) => c.line),
      message: `${group.map((c) => `"${c.name}"`).join(' and ')} have identical partner lists (${n} partners each)`,
    });
  }

  // Same name in different places (Perth, Australia / Perth, Scotland).
  const byName = new Map<string, Partner[]>();
  const foldedLocation = new Map<string, string>();
  const foldLocation = (p: Partner) => {
    const text = p.location.join(' ');
    let f = foldedLocation.get(text);
    if (f === undefined) { f = foldName(text); foldedLocation.set(text, f); }
    return f;
  };
  for (const p of partners) {
    const key = foldName(p.name);
    const list = byName.get(key);
    if (list) list.push(p); else byName.set(key, [p]);
  }
  for (const group of byName.values()) {
    const places = new Set(group.map((p) => p.location.join(', ')));
    if (places.size < 2) continue;
    push({
      severity: 'info',
      code: 'homonym',
      lines: group.flatMap((p) => p.lines),
      message: `"${group[0]?.name}" names ${places.size} different places: ${[...places].join('; ')}; kept apart`,
    });
  }

  // Same place spelled differently (case, accents, punctuation).
  const byFold = new Map<string, Partner[]>();
  for (const p of partners) {
    const key = `${p.qualifier === null ? foldName(p.name) : foldName(p.label)}|${foldLocation(p)}`;
    const list = byFold.get(key);
    if (list) list.push(p); else byFold.set(key, [p]);
  }
  for (const group of byFold.values()) {
    if (group.length < 2) continue;
    push({
      severity: 'warning',
      code: 'near-duplicate-partner',
      lines: group.flatMap((p) => p.lines),
      message: `${group.map((p) => `"${p.label}, ${p.location.join(', ')}"`).join(' and ')} differ only in case, accents or punctuation; kept apart — check whether they are one place`,
    });
  }

  // US partners without a state whose name several sizeable US places bear (Wilmington DE / NC).
  for (const p of partners) {
    if (p.country !== 'US' || p.location.length > 1) continue;
    const places = US_HOMONYMS.names[p.name];
    if (!places) continue;
    const where = places.map((x) => `${x.state} (${x.population.toLocaleString('en-US')})`).join(', ');
    const merged = p.chinaIds.length >= 2;
    push({
      severity: merged ? 'warning' : 'info',
      code: 'us-name-without-state',
      lines: p.lines,
      message: `"${p.label}, United States" gives no state, and ${places.length} US places of at least ${US_HOMONYMS.minPopulation.toLocaleString('en-US')} inhabitants bear that name: ${where}` +
        (merged ? `; its ${p.chinaIds.length} Chinese partners are treated as one place, which may be wrong` : ''),
    });
  }

  // Header outside its letter's section (after folding accents: Ürümqi stands under U).
  for (const c of china) {
    if (c.section === null || c.section.length !== 1) continue;
    const first = foldName(c.name).charAt(0).toUpperCase();
    if (first !== c.section.toUpperCase()) {
      push({
        severity: 'info',
        code: 'section-mismatch',
        lines: [c.line],
        message: `"${c.name}" stands in section ${c.section}`,
      });
    }
  }

  for (const c of china) {
    if (c.partnerIds.length === 0) {
      push({ severity: 'warning', code: 'empty-block', lines: [c.line], message: `Chinese city "${c.name}" has no partner lines` });
    }
  }
  return out;
}
