/**
 * The report's **Key findings**: a handful of sentences a reader can take away, every number read from
 * the report data and every word about the home country from `r.home` (nothing written for one
 * list): the network's size, its hubs, the pairs that share more partners than chance, the largest
 * communities and their dominant countries, where the links go, and the data-quality headline.
 */
import type { ReportData } from './report-data.js';
import { analysedDistricts, counted, md, num, pct, plural as count } from './text.js';

/** How many hubs, pairs, communities, countries and continents a finding names. */
const NAMED = 3;

type Entry = { label: string; degree: number };

const list = (items: string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] as string}`;

/** A verb agreeing with n (`shares` / `share`). */
const agree = (n: number, one: string, many: string) => (n <= 1 ? one : many);

const withDegree = (entries: readonly Entry[]) => list(entries.slice(0, NAMED).map((e) => `${md(e.label)} (${num(e.degree)})`));

/** The Key findings as Markdown bullet lines. */
export function keyFindings(r: ReportData): string[] {
  const H = r.home.demonym, o = r.overview;
  const out: string[] = [];
  const analysed = analysedDistricts(r);

  out.push(`**The network:** ${num(o.homeEntries)} ${H} ${o.homeEntries === 1 ? 'entry' : 'entries'}${o.districts === 0 ? '' : o.districts === 1 ? ' (one of them a district)' : ` (${num(o.districts)} of them districts)`} ${o.homeEntries === 1 ? 'is' : 'are'} twinned with ${counted(o.partners, 'foreign place')} in ${counted(o.sovereignStates, 'country', 'countries')} through ${counted(o.links, 'link')}.${analysed ? ` With ${analysed}, the analysis below sees ${counted(o.homeNodes, `${H} place`)} and ${counted(o.edges, 'link')}.` : ''} ${o.components.count === 1 ? 'All of it hangs together in one piece.' : `It falls into ${num(o.components.count)} separate pieces; the largest holds ${pct(o.components.largestShare)} of all places.`}`);

  const top = r.centrality.top;
  // Places with one partner each are no hubs: naming three of many ties at 1 would be an arbitrary pick.
  const hubClause = (entries: readonly Entry[], most: string, none: string) => {
    const many = entries.filter((e) => e.degree > 1);
    return many.length > 0 ? `${most} ${withDegree(many)}` : none;
  };
  const hubs = [`**Hubs:** ${hubClause(top.home.degree ?? [], `the ${H} cities with the most partners are`, `no ${H} city has more than one partner`)}`];
  if ((top.partner.degree ?? []).length) {
    hubs.push(`; ${hubClause(top.partner.degree ?? [], `the foreign places with the most ${H} partners are`, `no foreign place has more than one ${H} partner`)}`);
  }
  const bridge = top.home.betweenness?.[0];
  hubs.push(bridge ? `. ${md(bridge.label)} lies on the most shortest paths between places (betweenness), holding the network together more than any other ${H} city.` : '.');
  out.push(hubs.join(''));

  const s = r.shared.home;
  const pairs = s.significant.slice(0, NAMED).map((x) => `${md(x.labelA)} – ${md(x.labelB)} (${num(x.count)} shared of ${num(x.degreeA)} and ${num(x.degreeB)})`);
  const most = s.topByCount[0];
  const sig = s.totals.significant, sigPartner = r.shared.partner.totals.significant;
  const tested = s.tests === 0 ? `no pair of ${H} cities shares a partner, so none was tested` : `corrected for the ${s.tests === 1 ? 'one pair' : `${num(s.tests)} pairs`} tested: Holm p ≤ ${s.alpha}`;
  out.push(`**Pairs:** ${count(sig, 'pair')} of ${H} cities ${agree(sig, 'shares', 'share')} more foreign partners than chance would give (hypergeometric test; ${tested})` +
    (pairs.length ? `: ${list(pairs)}${sig > NAMED ? ' …' : ''}.` : most ? `; the most shared partners: ${md(most.labelA)} – ${md(most.labelB)} (${num(most.count)}).` : '.') +
    (s.totals.identical ? ` ${count(s.totals.identical, 'pair')} ${agree(s.totals.identical, 'has', 'have')} identical partner lists.` : '') +
    ` Among foreign places, ${count(sigPartner, 'pair')} ${agree(sigPartner, 'shares', 'share')} more ${H} partners than chance.`);

  const c = r.communities.home;
  if (c && c.communities.length) {
    const groups = c.communities.slice(0, NAMED).map((g) => {
      const d = list(g.dominantCountries.slice(0, 2).map((x) => `${md(x.name)} (${pct(x.share)})`));
      return `community ${g.id} (${num(g.size)} cities${d ? `; their partners most often in ${d}` : ''})`;
    });
    out.push(`**Communities:** grouping ${H} cities by the partners they share gives ${count(c.nonSingleton, 'group')} of two or more (modularity Q = ${c.modularity.toFixed(3)}; above about 0.3 means clear groups). The largest: ${list(groups)}.`);
  }

  const countries = r.countries.filter((x) => x.country !== '??').slice(0, 5);
  const continents = r.continents.slice(0, NAMED);
  if (countries.length) {
    const share = countries.reduce((t, x) => t + x.share, 0);
    const between = countries.length < r.countries.length ? ` — ${pct(share)} of all links between them` : '';
    out.push(`**Where the links go:** ${list(countries.map((x) => `${md(x.name)} (${count(x.links, 'link')}, ${pct(x.share)})`))}${between}; by continent, ${list(continents.map((x) => `${md(x.continent)} ${pct(x.share)}`))}.`);
  }

  const q = r.dataQuality, lines = Object.values(q.lineKinds).reduce((t, n) => t + n, 0);
  const unparsed = (q.lineKinds as Record<string, number>)['unparsed'] ?? 0;
  // The most frequent codes of a severity, and how many findings of the others (`…, others 2`).
  const by = (severity: string) => {
    const codes = Object.entries(q.byCode).filter(([k]) => k.startsWith(`${severity} `)).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
    const named = codes.slice(0, NAMED).map(([k, n]) => `${md(k.slice(severity.length + 1))} ${num(n)}`);
    const rest = codes.slice(NAMED).reduce((t, [, n]) => t + n, 0);
    return rest > 0 ? [...named, `others ${num(rest)}`] : named;
  };
  const errors = q.bySeverity['error'] ?? 0, warnings = q.bySeverity['warning'] ?? 0;
  out.push(`**Data quality:** all ${num(lines)} input lines were accounted for, ${num(unparsed)} unreadable; ${count(errors, 'error')}${errors ? ` (${by('error').join(', ')})` : ''}, ${count(warnings, 'warning')}${warnings ? ` (${by('warning').join(', ')})` : ''} and ${count(q.bySeverity['info'] ?? 0, 'note')}, listed under Data quality below.`);
  return out.map((line) => `- ${line}`);
}
