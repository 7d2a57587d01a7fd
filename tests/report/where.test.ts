/**
 * The report's "Where" section on a list small enough to work out by hand: five links between places
 * on the equator, so that every distance is a whole number of degrees of longitude (1° = R·π/180 km).
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { distanceNullModel } from '../../src/geo/distance-null-model.js';
import type { GeocodeResult, Placement } from '../../src/geo/geocode.js';
import { EARTH_RADIUS_KM } from '../../src/geo/haversine.js';
import { indexCoordinates } from '../../src/geo/index-coordinates.js';
import { parseSisterCityList } from '../../src/parse/parse-list.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { buildReportData } from '../../src/report/report-data.js';
import { buildWhereData, quantile, UNPLACED_LISTED } from '../../src/report/where-data.js';
import { UNPLACED_SHOWN, whereMarkdown } from '../../src/report/where-markdown.js';
import { runGeography } from '../../src/pipeline/geography.js';
import { worldMapSvg } from '../../src/report/world-map-svg.js';

const DEG = (EARTH_RADIUS_KM * Math.PI) / 180;
const at = (lon: number, region: string | null = null): Placement => ({
  lat: 0, lon, source: 'input', match: null, geonameId: null, name: null, country: null, admin1: region === null ? null : { code: region.slice(0, 2), name: region },
  area: null, candidates: 0, alternatives: [], note: null,
});

const LIST = ['==A==', 'Anqing', '', '- FRA Nice, France', '- JPN Ibaraki, Japan', '', 'Hefei', '', '- FRA Nice, France', '- JPN Ibaraki, Japan', '- PER Lima, Peru', ''].join('\n');
const ds = parseSisterCityList(LIST);
const a = analyze(ds, { runs: 1 });
const id = (label: string) => (ds.homes.find((h) => h.name === label)?.id ?? ds.partners.find((p) => p.name === label)?.id) as string;
// Anqing at 0°, Hefei at 30° E; Nice 10° E, Ibaraki 60° E, Lima 20° W: links of 10°, 60°, 20°, 30°, 50°.
const places: GeocodeResult = {
  homes: { [id('Anqing')]: at(0, 'North'), [id('Hefei')]: at(30, 'South') },
  partners: { [id('Nice')]: at(10), [id('Ibaraki')]: at(60), [id('Lima')]: at(-20) },
  unplaced: [], ambiguous: [],
};
const nullModel = distanceNullModel(a.index, indexCoordinates(a.index, places, ds), { samples: 50, seed: 3 });
const where = buildWhereData(a, places, nullModel, { nullSamples: 50, notes: [] });
const km = (degrees: number) => expect.closeTo(degrees * DEG, 6);

describe('the Where section of a hand-made list', () => {
  it('interpolates quartiles between order statistics (type 7)', () => {
    expect(() => quantile([], 0.5)).not.toThrow();
    expect(quantile([], 0.5)).toBeNaN();
    expect(quantile([10, 20, 30, 50, 60], 0.25)).toBe(20);
    expect(quantile([10, 20], 0.5)).toBe(15);
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
  });

  it('summarises the five distances: min 10°, quartiles 20° and 50°, median 30°, mean 34°, max 60°', () => {
    expect(where.distance.overall).toEqual({ links: 5, min: km(10), q1: km(20), median: km(30), q3: km(50), max: km(60), mean: km(34) });
    expect(where.distance.histogram.reduce((s, n) => s + n, 0)).toBe(5);
    expect(where.coverage.links).toEqual({ total: 5, measured: 5, leftOut: 0 });
  });

  it('splits them by partner continent and by home province', () => {
    expect(where.distance.byContinent.map((c) => [c.continent, c.links, c.median / DEG])).toEqual([
      ['Asia', 2, expect.closeTo(45, 6)], ['Europe', 2, expect.closeTo(15, 6)], ['South America', 1, expect.closeTo(50, 6)],
    ]);
    expect(where.distance.byRegion.map((r) => [r.region, r.links, r.median / DEG])).toEqual([['South', 3, expect.closeTo(30, 6)], ['North', 2, expect.closeTo(35, 6)]]);
    expect(where.homeDistances.map((h) => [h.label, h.median / DEG])).toEqual([['Hefei', expect.closeTo(30, 6)], ['Anqing', expect.closeTo(35, 6)]]);
    expect(where.regionsByContinent).toEqual({ columns: ['Asia', 'Europe', 'South America'], rows: [{ region: 'South', links: 3, counts: [1, 1, 1] }, { region: 'North', links: 2, counts: [1, 1, 0] }] });
    expect(where.linksByRegion.map((r) => [r.region, r.homePlaces, r.links, r.partners])).toEqual([['South', 1, 3, 3], ['North', 1, 2, 2]]);
  });

  it('names the nearest and the farthest pair', () => {
    expect([where.nearest[0]?.homeLabel, where.nearest[0]?.partnerLabel]).toEqual(['Anqing', 'Nice, France']);
    expect([where.farthest[0]?.homeLabel, where.farthest[0]?.partnerLabel]).toEqual(['Anqing', 'Ibaraki, Japan']);
  });

  it('keeps the null model, the same under the same seed', () => {
    expect(where.nullModel?.overall.mean.observed).toBeCloseTo(34 * DEG, 6);
    expect(distanceNullModel(a.index, indexCoordinates(a.index, places, ds), { samples: 50, seed: 3 })).toEqual(nullModel);
  });

  it('shows the section in the Markdown and validates against the schema', () => {
    const data = buildReportData(a, { name: 'tiny', inputLabel: 'tiny.txt', snapshotDate: null, sourceUrl: null }, undefined, { geography: where });
    const text = renderMarkdown(data, { map: 'tiny-map.svg' });
    expect(text).toContain('## Where');
    expect(text).toContain(`**Median distance ${Math.round(30 * DEG).toLocaleString('en-US')} km**`);
    expect(text).toContain('![The network on a world map');
    expect(text).toContain('Place data © GeoNames');
    expect(text).toContain('Strona');
    expect(data.parameters.nullSamples).toBe(50);
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync('reports/schema/report.schema.json', 'utf8')) as object);
    expect(validate(JSON.parse(JSON.stringify(data))), JSON.stringify(validate.errors)).toBe(true);
  });

  it('lists places of one side placed at one GeoNames town under different names, and not division seats or regions', () => {
    const town = (match: Placement['match'], area: Placement['area'] = null): Placement => ({ ...at(10, 'Provence'), source: 'geonames', match, geonameId: 2990440, name: 'Nice', area });
    const geo: GeocodeResult = { ...places, partners: { ...places.partners, [id('Nice')]: town('name'), [id('Ibaraki')]: town('alternate'), [id('Lima')]: town('region') } };
    const w = buildWhereData(a, geo, nullModel, { nullSamples: 50, notes: [] });
    expect(w.samePlace).toEqual([{ geonameId: 2990440, name: 'Nice', region: 'Provence', places: [
      { id: id('Nice'), side: 'partner', label: 'Nice', country: 'FR' }, { id: id('Ibaraki'), side: 'partner', label: 'Ibaraki', country: 'JP' }] }]);
    expect(whereMarkdown(w, { code: 'CN', demonym: 'Chinese' }, {})).toContain('Placed at one GeoNames town as separate entries (1): perhaps one place written two ways or listed twice, and then counted as separate nodes — Nice and Ibaraki → Nice, Provence (GeoNames 2990440).');
    expect(where.samePlace).toEqual([]);
    const seats = buildWhereData(a, { ...places, partners: { ...places.partners, [id('Nice')]: town('area', { code: 'FR.93', name: 'Provence' }), [id('Ibaraki')]: town('name') } }, nullModel, { nullSamples: 50, notes: [] });
    expect(seats.samePlace).toEqual([]);
  });

  it('calls the links shorter than chance only when the test says so (p ≤ 0.05), not from the sign of z', () => {
    const sentence = (mean: { z: number | null; p: number }) => {
      const m = where.nullModel!;
      const g = { ...where, nullModel: { ...m, overall: { ...m.overall, mean: { ...m.overall.mean, ...mean } } } };
      return whereMarkdown(g, { code: 'CN', demonym: 'Chinese' }, {}).split('\n').find((l) => l.startsWith('Compared with')) as string;
    };
    expect(sentence({ z: -5.6, p: 0.001 })).toContain('the observed links are shorter than chance: mean');
    expect(sentence({ z: -0.9, p: 0.181 })).toContain('the observed links are not significantly shorter than chance (p > 0.05): mean');
    expect(sentence({ z: 1.2, p: 0.88 })).toContain('the observed links are not shorter than chance: mean');
    expect(sentence({ z: null, p: 1 })).toContain('the observed links are not shorter than chance: mean');
  });

  it('draws a well-formed SVG map with one point per placed place and one arc per placed link', () => {
    const labels = { home: a.nodes.home.attributes.map((x) => x.label), partner: a.nodes.partner.attributes.map((x) => x.label) };
    const svg = worldMapSvg({ index: a.index, labels, places, title: 'Tiny <map> & co' });
    const doc = new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document;
    expect(doc.getElementsByTagName('parsererror').length).toBe(0);
    expect(doc.querySelectorAll('circle').length).toBe(5);
    expect(doc.querySelectorAll('g[stroke-opacity] > path').length).toBe(5);
    expect(doc.querySelector('title')?.textContent).toBe('Tiny <map> & co');
    expect(worldMapSvg({ index: a.index, labels, places, title: 'Tiny <map> & co' })).toBe(svg);
  });
  it('writes names with characters XML cannot carry (an escape, U+FFFE) as U+FFFD, so that the map stays well-formed', () => {
    const labels = { home: a.nodes.home.attributes.map((x) => `${x.label}\u001b[31m`), partner: a.nodes.partner.attributes.map((x) => `${x.label}\uFFFE`) };
    const svg = worldMapSvg({ index: a.index, labels, places, title: 'Evil \u0007 map' });
    expect(svg).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    const doc = new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document;
    expect(doc.getElementsByTagName('parsererror').length).toBe(0);
    expect([...doc.querySelectorAll('circle > title')].map((t) => t.textContent)).toContain('Nice, France\uFFFD');
  });
});

describe('a list with more places without coordinates than the report names', () => {
  // 5,300 home places with one partner each, names no gazetteer knows: 10,598 unplaced places.
  const word = (i: number) => `Qz${[...i.toString(26)].map((c) => String.fromCharCode(97 + parseInt(c, 26))).join('')}x`;
  const lines = ['==A=='];
  for (let i = 0; i < 5300; i++) lines.push(`Home${word(i)}`, '', `- FRA Far${word(i)}, France`, '');
  const big = parseSisterCityList(lines.join('\n'));
  // One pair placed (coordinates given, as a table gives them), so that one link is measured.
  Object.assign(big.homes[0]!, { lat: 30, lon: 117 });
  Object.assign(big.partners[0]!, { lat: 43.7, lon: 7.27 });
  const b = analyze(big, { runs: 1 });
  const geo = runGeography(big, { seed: 1, nullSamples: 0 });
  const w = buildWhereData(b, geo.places(), null, { nullSamples: 0, notes: [] });

  it('counts them all, lists the first 10,000 in the JSON (home entries first) and names 500 in the Markdown', () => {
    expect(geo.places().unplaced.length).toBe(10_598);
    expect(w.unplacedTotal).toBe(10_598);
    expect(w.unplaced.length).toBe(UNPLACED_LISTED);
    expect(UNPLACED_LISTED).toBe(10_000);
    expect(w.unplaced[0]).toEqual({ id: big.homes[1]!.id, side: 'home', label: `Home${word(1)}`, country: 'CN' });
    expect(w.unplaced[5299]).toEqual({ id: big.partners[1]!.id, side: 'partner', label: `Far${word(1)}`, country: 'FR' });
    expect(w.unplaced.map((u) => u.id)).toEqual(geo.places().unplaced.slice(0, 10_000));
    const text = whereMarkdown(w, { code: 'CN', demonym: 'Chinese' }, {});
    const line = text.split('\n').find((l) => l.startsWith('Without coordinates')) as string;
    expect(line).toMatch(/^Without coordinates \(10,598; their links are left out of the distances\): /);
    expect(line.split('; ').length - 1).toBe(UNPLACED_SHOWN + 1); // the count's "; ", 499 between the 500 names, the one before `twinnet parse`
    expect(line).toContain(`Home${word(500)} (CN). The first 500 of 10,598 are named here, 10,000 in the JSON; \`twinnet parse\` writes every place`);
    expect(line).not.toContain(`Home${word(501)} `);
  });

  it('names every one when there are few (the hand-made list: none)', () => {
    expect(where.unplacedTotal).toBe(0);
    expect(whereMarkdown(where, { code: 'CN', demonym: 'Chinese' }, {})).toContain('Every place has coordinates.');
  });
});
