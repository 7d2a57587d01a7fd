/**
 * How many null samples the distance null model runs: 1,000 by default while samples × trades per
 * sample (the links measured) stay within 5,000,000 curveball trades, fewer above (never below 10);
 * `--null-samples N` runs N. A report with fewer samples than the default says so and gives each
 * expected value ± its standard error sd/√N.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { parseSisterCityList } from '../../src/parse/parse-list.js';
import { DISTANCE_NULL_DEFAULTS } from '../../src/geo/distance-null-model.js';
import { defaultNullSamples, NULL_SAMPLES_MIN, NULL_TRADE_BUDGET, runGeography } from '../../src/pipeline/geography.js';
import { generateList } from '../../src/synth/generate.js';
import { createRng } from '../../src/util/rng.js';
import { buildWhereData } from '../../src/report/where-data.js';
import { indexCoordinates } from '../../src/geo/index-coordinates.js';
import { whereMarkdown, whereMethod } from '../../src/report/where-markdown.js';

const CN = { code: 'CN', demonym: 'Chinese' };

describe('defaultNullSamples', () => {
  it('refuses a trade count that is not a whole number ≥ 0', () => {
    expect(() => defaultNullSamples(-1)).toThrow(/tradesPerSample must be a whole number/);
    expect(() => defaultNullSamples(1.5)).toThrow(RangeError);
  });

  it.each([
    // links measured (= trades per sample), samples: worked out as min(1000, max(10, ⌊5,000,000 / links⌋))
    [0, 1000],
    [1_380, 1000], // the seed: 1,380,000 trades
    [5_000, 1000], // exactly the budget
    [5_001, 999], // 4,995,999 trades
    [35_000, 142], // all Wikipedia lists together: 4,970,000 trades
    [100_000, 50], // 5,000,000 trades
    [1_400_000, 10], // the floor: 14,000,000 trades, over the budget rather than under 10 samples
  ])('runs %i links with %i samples', (links, samples) => {
    expect(defaultNullSamples(links)).toBe(samples);
  });

  it('keeps samples × trades within the budget wherever that leaves at least 10 samples', () => {
    for (const links of [1, 999, 5_000, 7_777, 123_457, 499_999, 500_000]) {
      const s = defaultNullSamples(links);
      expect(s).toBeGreaterThanOrEqual(NULL_SAMPLES_MIN);
      expect(s).toBeLessThanOrEqual(DISTANCE_NULL_DEFAULTS.samples);
      expect(s * links).toBeLessThanOrEqual(NULL_TRADE_BUDGET);
      if (s < DISTANCE_NULL_DEFAULTS.samples) expect((s + 1) * links).toBeGreaterThan(NULL_TRADE_BUDGET); // as many as fit
    }
  });
});

describe('runGeography and the report', () => {
  const list = ['==A==', 'Anqing', '', '- FRA Nice, France', '- JPN Ibaraki, Japan', '', 'Hefei', '', '- FRA Nice, France', '- JPN Ibaraki, Japan', '- PER Lima, Peru', ''].join('\n');

  it('runs the default 1,000 samples on a small graph, with no note and no standard errors', () => {
    const ds = parseSisterCityList(list);
    const a = analyze(ds, { runs: 1 });
    const geo = runGeography(ds, { seed: 1 });
    const n = geo.nullModel(a.index);
    expect(n?.samples).toBe(1000);
    expect(geo.notes).toEqual([]);
    const where = buildWhereData(a, geo.places(), n, { nullSamples: geo.nullSamples, notes: geo.notes });
    expect('nullPrecision' in where).toBe(false);
    expect(whereMarkdown(where, CN, {})).not.toContain('±');
  });

  it('makes the coordinates of an index once, the ones indexCoordinates gives, and the "Where" data is the same with its continents passed in', () => {
    const ds = parseSisterCityList(list);
    const a = analyze(ds, { runs: 1 });
    const geo = runGeography(ds, { seed: 1, nullSamples: 16 });
    const coords = geo.coordinates(a.index);
    expect(geo.coordinates(a.index)).toBe(coords);
    expect(coords).toEqual(indexCoordinates(a.index, geo.places(), ds));
    // Nice → Europe, Ibaraki → Asia, Lima → South America: by each partner's country.
    expect(a.index.partner.keys.map((k, j) => [ds.partners.find((p) => p.id === k)?.country, coords.partnerGroup?.[j]]).sort())
      .toEqual([['FR', 'Europe'], ['JP', 'Asia'], ['PE', 'South America']]);
    const n = geo.nullModel(a.index);
    const given = buildWhereData(a, geo.places(), n, { nullSamples: 16, notes: [], continents: coords.partnerGroup ?? undefined });
    expect(given).toEqual(buildWhereData(a, geo.places(), n, { nullSamples: 16, notes: [] }));
  });

  it('runs no null model when no link has both ends placed, and says why (it gave p = 1/1001 of nothing)', () => {
    const nowhere = ['= List of twin towns and sister cities in Germany =', '', '==X==', 'Xyzzyville', '', '- FRA Paris, France', '- ITA Rome, Italy', '', 'Qwertzburg', '', '- FRA Paris, France', ''].join('\n');
    const ds = parseSisterCityList(nowhere);
    const a = analyze(ds, { runs: 1 });
    const geo = runGeography(ds, { seed: 1 });
    expect(geo.nullModel(a.index)).toBeNull();
    expect(geo.notes).toEqual(['Distance null model not run: no link has both ends placed, so there is no distance to test.']);
    const where = buildWhereData(a, geo.places(), null, { nullSamples: geo.nullSamples, notes: geo.notes });
    expect(where.nullModel).toBeNull();
    const md = whereMarkdown(where, { code: 'DE', demonym: 'German' }, {});
    expect(md).toContain('Places were given coordinates where they were found');
    expect(md).toContain('0 of 3 links have both ends placed (3 left out)');
    expect(md).not.toMatch(/Every place was given coordinates|empirical p/);
  });

  it('honours an explicit sample count and then gives each expected value ± sd/√N', () => {
    const ds = parseSisterCityList(list);
    const a = analyze(ds, { runs: 1 });
    const geo = runGeography(ds, { seed: 1, nullSamples: 16 });
    const n = geo.nullModel(a.index)!;
    expect(n.samples).toBe(16);
    expect(geo.nullSamples).toBe(16);
    expect(geo.notes).toEqual(['Distance null model: 16 samples, as asked (--null-samples), fewer than the default 1,000. Expected values are given ± their standard error.']);
    const where = buildWhereData(a, geo.places(), n, { nullSamples: geo.nullSamples, notes: geo.notes });
    expect(where.nullPrecision?.samples).toBe(16);
    expect(where.nullPrecision?.defaultSamples).toBe(1000);
    expect(where.nullPrecision?.standardErrors.overall.mean).toBeCloseTo(n.overall.mean.sd / 4, 12); // √16 = 4
    expect(where.nullPrecision?.standardErrors.overall.median).toBeCloseTo(n.overall.median.sd / 4, 12);
    for (const [g, t] of Object.entries(n.byGroup)) expect(where.nullPrecision?.standardErrors.byGroup[g]?.mean).toBeCloseTo(t.mean.sd / 4, 12);
    const md = whereMarkdown(where, CN, {});
    expect(md).toContain('16 samples, as asked (--null-samples)');
    expect(md).toContain('Expected values are given ± their standard error. ± gives the standard error sd/√16 of each expected value (the mean of the samples).');
    expect(md).toMatch(/\| all partners \| 5 \| [\d,]+ \| [\d,]+ ± [\d.,]+ \|/);
    expect(whereMethod(where, CN)).toContain('Null model: 16 samples (fewer than the default 1,000; expected values ± standard error sd/√N) of the curveball');
  });

  it('runs fewer samples above the budget, and says so', () => {
    // ≈ 5,600 links, every place at seeded coordinates (input coordinates, as a table gives them).
    const ds = parseSisterCityList(generateList({ scale: 4, seed: 42 }).text);
    const rng = createRng(7);
    for (const p of [...ds.homes, ...ds.partners]) { p.lat = rng() * 140 - 70; p.lon = rng() * 340 - 170; }
    const a = analyze(ds, { runs: 1 });
    const geo = runGeography(ds, { seed: 1 });
    const n = geo.nullModel(a.index)!;
    const links = n.links.measured;
    expect(links).toBe(a.index.edges);
    expect(links).toBeGreaterThan(5_000);
    expect(n.samples).toBe(Math.floor(5_000_000 / links));
    expect(n.tradesPerSample).toBe(links);
    expect(geo.nullSamples).toBe(1000); // asked for: the default
    expect(geo.notes).toEqual([`Distance null model: ${n.samples} samples instead of 1,000 (${links.toLocaleString('en-US')} links measured, as many curveball trades per sample; the default keeps samples × trades within 5,000,000, and runs at least 10). Expected values are given ± their standard error; --null-samples N runs N.`]);
    const where = buildWhereData(a, geo.places(), n, { nullSamples: geo.nullSamples, notes: geo.notes });
    expect(where.nullPrecision?.samples).toBe(n.samples);
    expect(whereMarkdown(where, CN, {})).toContain(`${n.samples} samples instead of 1,000`);
  }, 60_000);
});
