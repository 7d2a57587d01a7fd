/** `twinnet` on link tables: a German table of twin towns, and the Wikidata Query Service's download. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = 'dist/twinnet.mjs';
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
const tmp = () => mkdtempSync(join(tmpdir(), 'twinnet-tables-'));
const GERMAN = 'tests/fixtures/tables/german-twins.csv';
const WIKIDATA = 'tests/fixtures/tables/wikidata-germany.csv';

describe('twinnet on a table: what it refuses', () => {
  it('refuses a --columns name the table lacks with exit 1, listing the header', () => {
    const r = run('parse', GERMAN, '--out', join(tmp(), 'out'), '--columns', 'home=origincityLabel');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--columns: the table has no column "origincityLabel" (for home); its header: "city", "country", "lat", "lon", "partner", "partner_country", "partner_lat", "partner_lon", "since"');
  });
  it('refuses a home column of several countries with exit 1, listing them with their rows, until --home picks one', () => {
    const d = tmp(), f = join(d, 'mixed.csv');
    writeFileSync(f, 'city,country,partner,partner country\nKöln,Germany,Lille,France\nBonn,Germany,Oxford,United Kingdom\nLille,France,Turin,Italy\n');
    const r = run('parse', f, '--out', join(d, 'out'));
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('the home column holds 2 countries — Germany (DE) 2, France (FR) 1; choose the home country with --home ISO');
    const ok = run('parse', f, '--out', join(d, 'out'), '--home', 'DE', '--json');
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).summary.links).toBe(2);
  });
  it('refuses --columns on the Wikipedia list with exit 1', () => {
    const r = run('parse', '--out', join(tmp(), 'out'), '--columns', 'home=city');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--columns names the columns of a table/);
  });
  it('refuses the German table with --strict: exit 2, its four errors on stderr, nothing written', () => {
    const out = join(tmp(), 'out');
    const r = run('report', GERMAN, '--out', out, '--strict', '--quiet');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('german-twins.csv:21: error bad-date');
    expect(r.stderr).toContain('german-twins.csv:42: error ragged-row');
    expect(r.stderr).toMatch(/4 error\(s\) in the list \(--strict\): nothing written/);
    expect(existsSync(out)).toBe(false);
  });
  it('tells a place in domestic pairs only from an unknown one', () => {
    const r = run('city', 'dresden', '--input', GERMAN);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('"Dresden" is a German place in domestic pairs only');
  });
});

describe('twinnet report on the German table', () => {
  const out = tmp();
  const r = run('report', GERMAN, '--out', out, '--quiet');
  const mdText = readFileSync(join(out, 'german-twins.md'), 'utf8');
  it('writes the full report, explorer and exports, with a growth chart', () => {
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('7 German entries, 28 foreign partners, 31 links');
    expect(readdirSync(out).sort()).toEqual([
      'german-twins-communities.svg', 'german-twins-continents.svg', 'german-twins-countries.svg', 'german-twins-degree.svg',
      'german-twins-distances.svg', 'german-twins-growth.svg', 'german-twins-map.svg', 'german-twins.gexf', 'german-twins.html', 'german-twins.json', 'german-twins.md',
    ]);
  });
  it('speaks of German cities with its own figures', () => {
    expect(mdText).toContain('The list pairs **German cities** with **foreign partners**');
    expect(mdText).toContain('compared with the 28 possible partners');
    expect(mdText).toContain('| Links | 31 |');
    expect(mdText).not.toMatch(/Chinese|China list|1,204/);
    // the table's own words for its lines: 42 = a header and 41 rows, of which row 34 (no partner
    // country) and row 42 (ten cells under nine headers) are refused
    expect(mdText).toContain('Every line of the table was read as one kind: header 1, rows read 39, blank 0, rows refused 2.');
    // four errors of four kinds: three named, the fourth (ragged-row) counted
    expect(mdText).toContain('4 errors (bad-coordinates 1, bad-date 1, missing-cell 1, others 1)');
    const json = JSON.parse(readFileSync(join(out, 'german-twins.json'), 'utf8'));
    expect([json.home.demonym, json.overview.homeEntries, json.overview.partners, json.overview.links]).toEqual(['German', 7, 28, 31]);
    expect(readFileSync(join(out, 'german-twins.html'), 'utf8')).toContain('German');
  });
  it('lists the 3 domestic pairs and the links signed per decade (1950s 6, 1960s 6, 1970s 2, 1980s 8, 1990s 7, 2000s 1)', () => {
    expect(mdText).toContain('3 pair(s) join two places that both lie in Germany (6 German places; 3 of them have no foreign partner)');
    expect(mdText).toContain('| 28 | Hamburg | Dresden | 1987 |  |');
    expect(mdText).toContain('30 of the 31 German–foreign links have a start date');
    const json = JSON.parse(readFileSync(join(out, 'german-twins.json'), 'utf8'));
    expect(json.growth.decades.map((d: { decade: number; links: number }) => [d.decade, d.links])).toEqual([[1950, 6], [1960, 6], [1970, 2], [1980, 8], [1990, 7], [2000, 1]]);
    expect(json.growth.decades[3].byContinent).toEqual({ Europe: 4, Asia: 2, 'North America': 2 });
  });
  it('writes a dynamic GEXF of years', () => {
    expect(readFileSync(join(out, 'german-twins.gexf'), 'utf8')).toContain('<graph defaultedgetype="undirected" mode="dynamic" timeformat="integer">');
  });
});

describe('twinnet questions on the German table', () => {
  it('shared: Berlin and Düsseldorf share Warsaw and Moscow; Jaccard 2/9, p = 28056/98280', () => {
    const r = run('shared', 'Berlin', 'Düsseldorf', '--input', GERMAN, '--json');
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.count).toBe(2);
    expect(s.jaccard).toBeCloseTo(2 / 9, 12);
    // P(X ≥ 2), X ~ Hypergeometric(N = 28, 6, 5): 1 − [C(22,5) + 6·C(22,4)] / C(28,5) = 1 − 70224/98280
    expect(s.p).toBeCloseTo(28056 / 98280, 12);
    expect([...s.shared].sort()).toEqual(['Moscow, Russia', 'Warsaw, Poland']);
  });
  it('similar: Düsseldorf first for Berlin, then Köln (Beijing)', () => {
    const r = run('similar', 'Berlin', '--input', GERMAN);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').filter((l) => /^(Düsseldorf|Köln)/.test(l)).map((l) => l.split(/\s+/)[0])).toEqual(['Düsseldorf', 'Köln']);
  });
  it('partners: Köln has 6, and the two Frankfurts are told apart by their keys', () => {
    expect(run('partners', 'Köln', '--input', GERMAN).stdout).toMatch(/Köln \[German place\]( at [^\n]*)? has 6 partner\(s\)/);
    const ambiguous = run('partners', 'Frankfurt', '--input', GERMAN);
    expect(ambiguous.status).toBe(1);
    expect(ambiguous.stderr).toContain('Frankfurt [home] de:frankfurt-2');
    const oder = run('partners', 'de:frankfurt-2', '--input', GERMAN);
    expect(oder.stdout).toMatch(/Frankfurt \[German place\]( at [^\n]*)? has 2 partner\(s\)/);
    expect(oder.stdout).toMatch(/Słubice, Poland[\s\S]*Yuma, United States/);
  });
  it('city: Berlin with its 6 partners and its country', () => {
    const r = run('city', 'Berlin', '--input', GERMAN);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Berlin [German place], Germany');
    expect(r.stdout).toMatch(/partners\s+6/);
  });
});

describe('the Wikidata recipe: twinnet report result.csv', () => {
  it('reports on the query service\'s CSV download, with dates as a dynamic GEXF of dates', () => {
    const d = tmp();
    const f = join(d, 'result.csv');
    writeFileSync(f, readFileSync(WIKIDATA));
    const r = run('report', f, '--out', join(d, 'out'), '--quiet');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('5 German entries, 11 foreign partners, 12 links');
    expect(readFileSync(join(d, 'out', 'result.gexf'), 'utf8')).toContain('timeformat="date"');
  });
  it('reads a table with the issue\'s --columns mapping on any command', () => {
    const d = tmp(), f = join(d, 'study.csv');
    writeFileSync(f, 'origincityLabel,origincountry,originlat,originlong,sistercityLabel,destination_countryLabel,destinationlat,destinationlong\n' +
      'Köln,DE,50.94,6.96,Lille,France,50.63,3.06\nBonn,DE,50.74,7.10,Oxford,United Kingdom,51.75,-1.26\nKöln,DE,50.94,6.96,Liverpool,United Kingdom,53.41,-2.99\n');
    const columns = 'home=origincityLabel,home-country=origincountry,home-lat=originlat,home-lon=originlong,partner=sistercityLabel,partner-country=destination_countryLabel,partner-lat=destinationlat,partner-lon=destinationlong';
    const r = run('partners', 'Köln', '--input', f, '--columns', columns);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Köln \[German place\]( at [^\n]*)? has 2 partner\(s\)/);
  });
});

describe('twinnet export of a table with dates (found by the probe: GraphML and CSV left them out)', () => {
  it('writes each link\'s start and end as columns of GraphML, CSV and Neo4j, as GEXF has them as its spells', () => {
    const d = tmp();
    const quick = ['--runs', '1', '--layout-iterations', '5'];
    expect(run('export', GERMAN, '--to', 'csv', '--out', join(d, 'g.csv'), ...quick).status).toBe(0);
    const rows = readFileSync(join(d, 'g-edges.csv'), 'utf8').trimEnd().split('\n');
    expect(rows[0]).toMatch(/,start,end$/);
    expect(rows.find((r) => r.startsWith('de:koln,p:lille-france,'))).toMatch(/,1958,$/);
    expect(run('export', GERMAN, '--to', 'graphml', '--out', join(d, 'g.graphml'), ...quick).status).toBe(0);
    expect(readFileSync(join(d, 'g.graphml'), 'utf8')).toMatch(/<key id="start" for="edge" attr.name="start" attr.type="string">[\s\S]*<data key="start">1958<\/data>/);
    expect(run('export', GERMAN, '--to', 'neo4j', '--out', join(d, 'n'), ...quick).status).toBe(0);
    expect(readFileSync(join(d, 'n-relationships-header.csv'), 'utf8')).toMatch(/,start:string,end:string,:TYPE\n$/);
  });
});
