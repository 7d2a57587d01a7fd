/**
 * The Markdown of the "Where" section (the map, distances, the null model, provinces) and of its
 * paragraph in the Method section, from the report's `geography` block (`where-data.ts`).
 */
import { md, num, pct, table } from './markdown.js';
import { counted } from './text.js';
import type { Charts } from './markdown.js';
import { linkTarget } from './markdown-paths.js';
import type { DistanceSummary, WhereData } from './where-data.js';
import { divisionWords } from './where-words.js';
import { capitalise } from '../util/capitalise.js';

/** Level at which the report calls the links shorter than chance (one-sided empirical p of the mean distance). */
export const NULL_ALPHA = 0.05;

/** Home places listed with the nearest and with the farthest median partner distance. */
export const HOME_DISTANCES_SHOWN = 10;
/** Fewest placed partners for a home place to be ranked by its median distance. */
export const HOME_DISTANCE_MIN_LINKS = 3;
/** First-level divisions (provinces, states …) shown in the cross tables. */
export const REGIONS_SHOWN = 40;
/** Ambiguous places listed in the Markdown (all are in the JSON). */
export const AMBIGUOUS_SHOWN = 40;
/** Groups of places at one GeoNames town named in the Markdown, at most. */
export const SAME_PLACE_SHOWN = 40;
/** Places without coordinates named in the Markdown, at most (the JSON lists more, `twinnet parse` all). */
export const UNPLACED_SHOWN = 500;

const km = (x: number | null | undefined) => (x === null || x === undefined ? '–' : Math.round(x).toLocaleString('en-US'));
const p3 = (x: number) => (x < 0.001 ? x.toExponential(2) : num(x, 3));
/** A standard error in km: one decimal below 10 km, whole km above. */
const seKm = (x: number) => (x < 10 ? x.toFixed(1) : km(x));

/** The home country, as the report names it: its ISO code (which says what its divisions are called) and demonym. */
export interface WhereHome { code: string; demonym: string }

export function whereMarkdown(g: WhereData, home: WhereHome, charts: Charts): string {
  const { demonym } = home;
  const division = divisionWords(home.code);
  const out: string[] = [];
  const p = (s = '') => out.push(s);
  const c = g.coverage;
  p('## Where');
  p();
  const all = c.homes.placed === c.homes.total && c.partners.placed === c.partners.total;
  p(`${all ? 'Every place was given coordinates' : 'Places were given coordinates where they were found'} (offline, from GeoNames; see the Method section): ${num(c.homes.placed)} of ${counted(c.homes.total, `${demonym} entry`, `${demonym} entries`)} (${num(c.homes.withRegion)} with their ${division.singular}) and ${num(c.partners.placed)} of ${counted(c.partners.total, 'foreign partner')} (${pct(c.partners.placed / Math.max(1, c.partners.total))}). Distances are great-circle distances between the two places of a link; ${num(c.links.measured)} of ${counted(c.links.total, 'link')} ${c.links.measured === 1 ? 'has' : 'have'} both ends placed (${num(c.links.leftOut)} left out).`);
  p();
  if (charts['map']) p(`![The network on a world map: places sized by their number of partners, links as great-circle arcs](${linkTarget(charts['map'])})\n`);
  const o = g.distance.overall;
  if (!o) { p('No link has both ends placed: nothing to measure.'); p(); return out.join('\n'); }
  p(`**Median distance ${km(o.median)} km** (quartiles ${km(o.q1)} and ${km(o.q3)} km; mean ${km(o.mean)} km; nearest ${km(o.min)} km, farthest ${km(o.max)} km).`);
  p();
  if (charts['distances']) p(`![Links by great-circle distance](${linkTarget(charts['distances'])})\n`);
  const summaryRow = (name: string, s: DistanceSummary) => [md(name), s.links, km(s.q1), km(s.median), km(s.q3), km(s.mean)];
  // distances are measured on the links with both ends placed: the count says so (a division's links in all are in the table below)
  const summaryHeader = ['links measured', 'Q1 km', 'median km', 'Q3 km', 'mean km'];
  p(table(['partner continent', ...summaryHeader], g.distance.byContinent.map((x) => summaryRow(x.continent, x)), ['l', 'r', 'r', 'r', 'r', 'r']));
  p();
  p(table([`${demonym} ${division.singular}`, ...summaryHeader], g.distance.byRegion.slice(0, REGIONS_SHOWN).map((x) => summaryRow(x.region, x)), ['l', 'r', 'r', 'r', 'r', 'r']));
  p();

  const ranked = g.homeDistances.filter((h) => h.links >= HOME_DISTANCE_MIN_LINKS);
  if (ranked.length) {
    const rows = (list: typeof ranked) => list.map((h) => [md(h.label), md(h.region ?? '–'), h.links, km(h.median)]);
    const header = [`${demonym} place`, division.singular, 'partners placed', 'median km'];
    const split = ranked.length > 2 * HOME_DISTANCES_SHOWN;
    p(`${demonym} places by the median distance to their partners (those with at least ${HOME_DISTANCE_MIN_LINKS} placed partners; all ${g.homeDistances.length} in the JSON)${split ? '. Nearest:' : ', nearest first:'}`);
    p();
    p(table(header, rows(split ? ranked.slice(0, HOME_DISTANCES_SHOWN) : ranked), ['l', 'l', 'r', 'r']));
    p();
    if (split) {
      p('Farthest:');
      p();
      p(table(header, rows(ranked.slice(-HOME_DISTANCES_SHOWN).reverse()), ['l', 'l', 'r', 'r']));
      p();
    }
  }
  const pairs = (list: WhereData['nearest']) => table(['pair', 'partner country', 'km'], list.map((x) => [`${md(x.homeLabel)} – ${md(x.partnerLabel)}`, md(x.country ?? '–'), km(x.km)]), ['l', 'l', 'r']);
  p('Nearest pairs:');
  p();
  p(pairs(g.nearest));
  p();
  p('Farthest pairs:');
  p();
  p(pairs(g.farthest));
  p();

  p('### Are partners nearer than chance?');
  p();
  const n = g.nullModel;
  if (!n) {
    p(`Not tested: ${g.notes.length ? md(g.notes.join(' ')) : 'the null model was switched off.'}`);
  } else {
    // With fewer samples than the default, each expected value ± its standard error.
    const se = g.nullPrecision?.standardErrors;
    const expected = (value: number, error: number | undefined) => (error === undefined ? km(value) : `${km(value)} ± ${seKm(error)}`);
    const row = (name: string, t: NonNullable<WhereData['nullModel']>['overall'], e: { mean: number; median: number } | undefined) => [
      md(name), t.links, km(t.mean.observed), expected(t.mean.expected, e?.mean), num(t.mean.z, 3), p3(t.mean.p), km(t.median.observed), expected(t.median.expected, e?.median), num(t.median.z, 3), p3(t.median.p),
    ];
    const z = n.overall.mean.z, pMean = n.overall.mean.p;
    // The verdict follows the test: shorter only when p ≤ NULL_ALPHA, not from the sign of z alone.
    const verdict = pMean <= NULL_ALPHA ? 'shorter than chance' : z !== null && z < 0 ? `not significantly shorter than chance (p > ${NULL_ALPHA})` : 'not shorter than chance';
    p(`Compared with ${num(n.samples)} degree-preserving randomisations of the network (every place keeps its number of partners; the partners are dealt out afresh among the same places), the observed links are ${verdict}: mean ${km(n.overall.mean.observed)} km against ${expected(n.overall.mean.expected, se?.overall.mean)} km expected (z = ${num(z, 3)}, empirical p = ${p3(n.overall.mean.p)}). p is one-sided, for "nearer than chance"; the smallest it can be is 1/(samples + 1) = ${p3(1 / (n.samples + 1))}.`);
    p();
    if (g.nullPrecision) {
      const said = g.notes.join(' ');
      p(`${said ? md(said) : `${num(n.samples)} samples, fewer than the default ${num(g.nullPrecision.defaultSamples)}.`} ± gives the standard error sd/√${num(n.samples)} of each expected value (the mean of the samples).`);
      p();
    }
    p(table(['links to', 'links measured', 'mean km', 'expected', 'z', 'p', 'median km', 'expected', 'z', 'p'],
      [row('all partners', n.overall, se?.overall), ...Object.entries(n.byGroup).sort((x, y) => y[1].links - x[1].links).map(([k, t]) => row(k, t, se?.byGroup[k]))],
      ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r']));
  }
  p();

  p(`### ${capitalise(division.plural)} and the world`);
  p();
  p(`Links per ${demonym} ${division.singular} (home places, links, distinct partners, median distance), and where each ${division.singular}'s partners lie:`);
  p();
  p(table([division.singular, `${demonym} places`, 'links', 'partners', 'median km'], g.linksByRegion.slice(0, REGIONS_SHOWN).map((r) => [md(r.region), r.homePlaces, r.links, r.partners, km(r.medianKm)]), ['l', 'r', 'r', 'r', 'r']));
  p();
  for (const t of [g.regionsByContinent, g.regionsByCountry]) {
    p(table([division.singular, 'links', ...t.columns.map(md)], t.rows.slice(0, REGIONS_SHOWN).map((r) => [md(r.region), r.links, ...r.counts]), ['l', 'r', ...t.columns.map(() => 'r' as const)]));
    p();
  }
  if (g.linksByRegion.length > REGIONS_SHOWN) { p(`(${g.linksByRegion.length} ${division.plural} in all; every one in the JSON.)`); p(); }

  p('### Places not placed, and names with several candidates');
  p();
  const shown = g.unplaced.slice(0, UNPLACED_SHOWN);
  const more = g.unplacedTotal > shown.length
    ? ` The first ${num(shown.length)} of ${num(g.unplacedTotal)} are named here, ${num(g.unplaced.length)} in the JSON; \`twinnet parse\` writes every place with its coordinates (places.csv, lat and lon empty where unplaced).`
    : '';
  p(g.unplacedTotal
    ? `Without coordinates (${num(g.unplacedTotal)}; their links are left out of the distances): ${shown.map((u) => `${md(u.label)} (${md(u.country ?? '?')})`).join('; ')}.${more}`
    : 'Every place has coordinates.');
  p();
  if (g.ambiguous.length) {
    p(`Placed, but the name had several candidates (${g.ambiguous.length}; the most populous was chosen; ${Math.min(AMBIGUOUS_SHOWN, g.ambiguous.length)} shown, all in the JSON):`);
    p();
    p(table(['place', 'chosen', 'candidates', 'others considered'], g.ambiguous.slice(0, AMBIGUOUS_SHOWN).map((x) => [
      md(x.label), md(`${x.chosen.name ?? '?'}${x.chosen.region ? `, ${x.chosen.region}` : ''}`), x.candidates,
      md(x.alternatives.map((a) => `${a.name} (${a.country}.${a.admin1}, pop. ${a.population.toLocaleString('en-US')})`).join('; ')),
    ]), ['l', 'l', 'r', 'l']));
    p();
  }
  if (g.samePlace.length) {
    const shownSame = g.samePlace.slice(0, SAME_PLACE_SHOWN);
    p(`Placed at one GeoNames town as separate entries (${num(g.samePlace.length)}${g.samePlace.length > shownSame.length ? `; ${num(shownSame.length)} shown, all in the JSON` : ''}): perhaps one place written two ways or listed twice, and then counted as separate nodes — ` +
      `${shownSame.map((x) => `${x.places.map((q) => md(q.label)).join(' and ')} → ${md(x.name ?? '?')}${x.region ? `, ${md(x.region)}` : ''} (GeoNames ${x.geonameId})`).join('; ')}.`);
    p();
  }
  p(`*${md(g.credits.places)}. ${md(g.credits.map)}.*`);
  p();
  return out.join('\n');
}

/** The Method section's paragraph on the geography. */
export function whereMethod(g: WhereData, home: WhereHome): string {
  const n = g.nullModel;
  const division = divisionWords(home.code);
  return [
    `**Geography.** Coordinates: from the input where it gives them, else a reviewed override (\`data/reference/place-overrides.csv\`), else GeoNames matched offline on name and country, or failing that on GeoNames' alternate names (other languages, former names) (the qualifier and location narrow it; the most populous candidate wins and the others are kept); ${division.plural} are GeoNames first-level divisions (admin1), English names. Distances: haversine on a sphere of radius R = ${g.parameters.earthRadiusKm} km; quartiles by linear interpolation (type 7). ` +
    `Null model: ${n ? `${num(n.samples)} samples${g.nullPrecision ? ` (fewer than the default ${num(g.nullPrecision.defaultSamples)}; expected values ± standard error sd/√N)` : ''} of` : 'when run (`--null-samples`, 0 = off),'} the curveball algorithm (Strona, Nappo, Boccacci, Fattorini & San-Miguel-Ayanz 2014, *Nat. Commun.* 5:4114, doi:10.1038/ncomms5114), which deals the partners out afresh while every place keeps its number of partners${n ? ` (burn-in ${num(n.burnIn)} trades, ${counted(n.tradesPerSample, 'trade')} between samples, seed ${n.seed})` : ''}; z = (observed − expected) / sd and the empirical p = (1 + #{samples ≤ observed}) / (samples + 1). ` +
    'What it means: it tests whether the actual partners are nearer than partners chosen at random among the same places with the same numbers of partners; per continent, a partner keeps its continent. What it does not say: why (neighbourhood, history, trade, language or the way the list was compiled), and it takes every rewiring as equally likely. ' +
    `Links with an unplaced end are left out and counted (${num(g.coverage.links.leftOut)} here).`,
    `${md(g.credits.places)}. ${md(g.credits.map)}.`,
  ].join('\n\n');
}
