/**
 * The Markdown report's Key findings, closeness ranking, identical partner lists and community
 * numbers, on a German list small enough to work out by hand:
 *
 *   Aachen: Reims, Lyon (France), Nara (Japan)    Berlin: Reims, Lyon (France), Kyoto (Japan)
 *   Cologne: Boston (United States)
 *
 * 3 German entries, 5 partners, 7 links; two pieces (Cologne–Boston apart): the largest holds 6 of 8
 * places, 75.0 %. Aachen and Berlin share 2 of their 3 partners out of 5: p = P(X ≥ 2) for
 * X ~ Hypergeometric(5, 3, 3) = (3·2 + 1)/10 = 0.7, not significant. Reims and Lyon have the same
 * partners (Aachen, Berlin): one identical pair. Links: France 4/7 = 57.1 %, Japan 2/7 = 28.6 %,
 * United States 1/7 = 14.3 %; the one community of two (Aachen, Berlin) has partners France 4/6 =
 * 66.7 %, Japan 2/6 = 33.3 %.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { parseSisterCityList } from '../../src/parse/parse-list.js';
import { keyFindings } from '../../src/report/findings.js';
import { identicalGroups } from '../../src/report/identical-lists.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { pct } from '../../src/report/text.js';
import { buildReportData } from '../../src/report/report-data.js';
import type { PairRecord } from '../../src/analysis/results.js';

const GERMAN = [
  '= List of twin towns and sister cities in Germany =',
  '==A==', 'Aachen', '- FRA Reims, France', '- FRA Lyon, France', '- JPN Nara, Japan',
  '==B==', 'Berlin', '- FRA Reims, France', '- FRA Lyon, France', '- JPN Kyoto, Japan',
  '==C==', 'Cologne', '- USA Boston, Massachusetts, United States',
].join('\n');
const meta = { name: 'de', inputLabel: 'de.txt', snapshotDate: null, sourceUrl: null };
const data = buildReportData(analyze(parseSisterCityList(GERMAN, { source: 'de.txt' }), { runs: 2 }), meta);
const findings = keyFindings(data);
const finding = (title: string) => findings.find((f) => f.startsWith(`- **${title}:**`)) ?? '';

describe('the Key findings', () => {
  it('open the Markdown report, before the reading guide', () => {
    const text = renderMarkdown(data);
    expect(text.indexOf('## Key findings')).toBeGreaterThan(0);
    expect(text.indexOf('## Key findings')).toBeLessThan(text.indexOf('## How to read this report'));
    for (const f of findings) expect(text).toContain(f);
  });
  it('give the size of the network in the home country\'s own words', () => {
    expect(finding('The network')).toBe('- **The network:** 3 German entries are twinned with 5 foreign places in 3 countries through 7 links. It falls into 2 separate pieces; the largest holds 75.0 % of all places.');
    expect(findings.join('\n')).not.toMatch(/Chinese|China/);
  });
  it('name the hubs with their partner counts, ties in alphabetical order, and no place of one partner among them', () => {
    expect(finding('Hubs')).toContain('the German cities with the most partners are Aachen (3) and Berlin (3);');
    expect(finding('Hubs')).toContain('the foreign places with the most German partners are Lyon, France (2) and Reims, France (2).');
  });
  it('say that no place is a hub when every one has a single partner (found by the probe: "Busan (1)" named as a hub)', () => {
    const ds = parseSisterCityList(['= List of twin towns and sister cities in India =', '==A==', 'Agra', '- JPN Kyoto, Japan', '- KOR Busan, South Korea',
      '==B==', 'Bhopal', '- USA Denver, United States'].join('\n'));
    const hubs = keyFindings(buildReportData(analyze(ds, { runs: 1 }), meta)).find((f) => f.startsWith('- **Hubs:**')) ?? '';
    expect(hubs).toContain('the Indian cities with the most partners are Agra (2);');
    expect(hubs).toContain('; no foreign place has more than one Indian partner.');
    expect(hubs).not.toContain('(1)');
  });
  it('say when no pair shares more partners than chance, and name the pair that shares most', () => {
    expect(data.shared.home.topByCount[0]?.p).toBeCloseTo(7 / 10, 12);
    expect(finding('Pairs')).toContain('no pair of German cities shares more foreign partners than chance');
    expect(finding('Pairs')).toContain('the most shared partners: Aachen – Berlin (2)');
  });
  it('name the largest community by its id with its dominant countries', () => {
    expect(finding('Communities')).toContain('gives 1 group of two or more');
    expect(finding('Communities')).toContain('community 0 (2 cities; their partners most often in France (66.7 %) and Japan (33.3 %))');
  });
  it('say where the links go, by country and by continent', () => {
    expect(finding('Where the links go')).toBe('- **Where the links go:** France (4 links, 57.1 %), Japan (2 links, 28.6 %) and United States (1 link, 14.3 %); by continent, Europe 57.1 %, Asia 28.6 % and North America 14.3 %.');
  });
  it('give the data-quality headline: every line accounted for', () => {
    expect(finding('Data quality')).toContain('all 14 input lines were accounted for, 0 unreadable; no error, no warning');
  });
  it('name the significant pair of the seed list', () => {
    const seed = parseSisterCityList(readFileSync('data/raw/china-sister-cities.txt', 'utf8'));
    const seedFindings = keyFindings(buildReportData(analyze(seed, { runs: 2 }), meta)).join('\n');
    expect(seedFindings).toContain('1 pair of Chinese cities shares more foreign partners than chance');
    expect(seedFindings).toContain('Bengbu – Huainan (5 shared of 5 and 5)');
  });
});

describe('the closeness ranking', () => {
  it('lists only places of the largest component (Cologne, alone with Boston, is left out)', () => {
    expect((data.centrality.top.home.closeness ?? []).map((e) => e.label)).toEqual(['Aachen', 'Berlin']);
    expect(renderMarkdown(data)).toContain('| Closeness (bipartite), largest component |');
  });
});

describe('identical partner lists', () => {
  const pair = (a: string, b: string): PairRecord => ({
    a, b, labelA: a.toUpperCase(), labelB: b.toUpperCase(), degreeA: 2, degreeB: 2, count: 2, jaccard: 1, overlap: 1, cosine: 1,
    newman: 2, p: 0.25, holm: 1, bh: 1, pSdsm: null, holmSdsm: null, shared: ['S', 'T'], sharedIds: ['s', 't'],
  });
  it('gather the pairs among places with one list into one group', () => {
    const groups = identicalGroups([pair('a', 'b'), pair('a', 'c'), pair('b', 'c'), pair('d', 'e')]);
    expect(groups.map((g) => [g.labels, g.pairs])).toEqual([[['A', 'B', 'C'], 3], [['D', 'E'], 1]]);
  });
  it('are a count and a short table in the Markdown, not a sentence per pair', () => {
    const text = renderMarkdown(data);
    expect(text).toContain('**Identical partner lists** (every partner shared, 2 or more partners): 1 pair of foreign partners, 1 group of 2 places with the same list; none is more than chance after correction (Holm).');
    expect(text).toContain('| Reims, France; Lyon, France | 2 | Aachen; Berlin |');
  });
});

describe('a network of one link, in the singular', () => {
  // Found by the probe: "1 foreign places in 1 countries", "1 separate pieces", "1 communities" and a
  // community table with a header and no row.
  const ds = parseSisterCityList('= List of twin towns and sister cities in Germany =\n\n==B==\nBonn\n\n- FRA Paris, France\n');
  const data = buildReportData(analyze(ds, { runs: 2 }), { name: 'one', inputLabel: 'one.txt', snapshotDate: null, sourceUrl: null });
  const text = renderMarkdown(data, {});
  it('counts one of each in the singular', () => {
    expect(keyFindings(data).join('\n')).toContain('1 German entry is twinned with 1 foreign place in 1 country through 1 link. All of it hangs together in one piece.');
    expect(text).toContain('compared with the 1 possible partner, not');
    expect(text).toContain('The network hangs together in one piece.');
    expect(text).toContain('(1 country in all; the full table is in the JSON.)');
    expect(text).toContain('2 communities, 0 with more than one member');
    expect(text).not.toMatch(/\b1 (foreign places|countries|links|separate pieces|communities)\b/);
  });
  it('says of a single seed that it has no spread or agreement to measure (it said the divisions agree to 1)', () => {
    const single = renderMarkdown(buildReportData(analyze(ds, { runs: 1 }), { name: 'one', inputLabel: 'one.txt', snapshotDate: null, sourceUrl: null }), {});
    expect(single).toContain('(seed 42, a single seed: no spread of Q or agreement between seeds to measure); 2 communities, 0 with more than one member.');
    expect(single).toContain('Louvain resolution 1 (NetworkX/igraph convention; Gephi\'s runs the other way), 1 seed per community detection');
    expect(single).not.toContain('agree to 1 by the adjusted Rand index');
  });
  it('gives no empty community table', () => {
    expect(text).toContain('No community has more than one member: no table of them.');
    expect(text).not.toContain('| community | size | dominant countries | members |\n| ---: | ---: | :--- | :--- |\n\n');
  });
});

describe('counts beyond the lists\' cap (found by the probe: "1,000 pairs have identical partner lists" of 1,225)', () => {
  // 50 German cities, each twinned with the same 3 partners: C(50, 2) = 1,225 pairs with identical lists.
  const rows = ['= List of twin towns and sister cities in Germany =', '==A=='];
  for (let i = 0; i < 50; i++) rows.push(`Aachen${String.fromCharCode(97 + (i % 26))}${i}`, '- FRA Lille, France', '- FRA Lyon, France', '- ITA Turin, Italy');
  const data = buildReportData(analyze(parseSisterCityList(rows.join('\n'), { source: 'k.txt' }), { runs: 1 }), meta);
  it('states the totals, and lists the first 1,000', () => {
    expect(data.shared.home.totals).toMatchObject({ identical: 1225 });
    expect(data.shared.home.identical).toHaveLength(1000);
    expect(keyFindings(data).join('\n')).toContain('1,225 pairs have identical partner lists.');
    expect(renderMarkdown(data, {})).toContain('**Identical partner lists** (every partner shared, 2 or more partners): 1,225 pairs of German cities (the groups below from the first 1,000 listed),');
  });
});

describe('pct', () => {
  // Found by the probe: "the largest holds 100.0 % of all places" of 99.98 %, "2 nodes (0.0 % of all)".
  it.each([[0, '0.0 %'], [1, '100.0 %'], [0.0004, '< 0.1 %'], [0.0005, '0.1 %'], [0.9998, '> 99.9 %'], [0.9994, '99.9 %'], [0.5, '50.0 %']])('writes %s as %s', (x, text) => {
    expect(pct(x)).toBe(text);
  });
});

describe('districts merged into their cities (found by the probe: the headline gave 11 entries and 73 links, the analysis 10 and 70)', () => {
  const list = ['= List of twin towns and sister cities in Japan =', '==T==', 'Tokyo', '- FRA Paris, France', '- USA New York City, United States',
    'Tokyo – Shinjuku', '- FRA Paris, France', '- DEU Berlin, Germany', '==O==', 'Osaka', '- USA Chicago, United States'].join('\n');
  const ds = parseSisterCityList(list, { source: 'jp.txt' });
  it('says what the analysis sees beside the entries and links as listed', () => {
    const merged = buildReportData(analyze(ds, { runs: 1, districts: 'merge' }), meta);
    expect(merged.overview).toMatchObject({ homeEntries: 3, districts: 1, homeNodes: 2, links: 5, edges: 4 });
    expect(keyFindings(merged).join('\n')).toContain('through 5 links. With districts merged into their cities, the analysis below sees 2 Japanese places and 4 links.');
    expect(renderMarkdown(merged, {})).toContain('| In the analysis (districts merged into their cities) | 2 Japanese places, 4 links |');
    const separate = buildReportData(analyze(ds, { runs: 1 }), meta);
    expect(separate.overview).toMatchObject({ homeEntries: 3, homeNodes: 3, links: 5, edges: 5 });
    expect(keyFindings(separate).join('\n')).not.toContain('the analysis below sees');
    expect(renderMarkdown(separate, {})).not.toContain('In the analysis');
  });
});
