import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countryCell, decimal, distanceKm, entityId, isWikidataId, latLon, population, tableDate, wktPoint, yearOf } from '../../../src/parse/table/cells.js';

describe('table cells: what they refuse', () => {
  it.each([['abc'], [''], ['1.2.3'], ['52,5,1'], ['1e']])('reads %j as no number', (cell) => {
    expect(decimal(cell)).toBeNull();
  });
  it.each([
    ['91', '0', 'a latitude beyond the pole'],
    ['0', '180.5', 'a longitude beyond the antimeridian'],
    ['52.5', 'abc', 'a longitude that is no number'],
  ])('refuses coordinates %s, %s: %s', (lat, lon) => {
    expect(latLon(lat, lon)).toBeNull();
  });
  it.each([
    ['Point(13.4)', 'one number'],
    ['<http://www.wikidata.org/entity/Q405> Point(23.4 -0.7)', 'a point on the Moon (a CRS before it)'],
    ['POINT(200 10)', 'a longitude out of range'],
    ['52.5 13.4', 'no Point( )'],
  ])('refuses the WKT %j: %s', (cell) => {
    expect(wktPoint(cell)).toBeNull();
  });
  it.each([['1987-02-30'], ['1987-13-01'], ['um 1994'], ['87'], ['12.05.1987'], ['']])('refuses the date %j', (cell) => {
    expect(tableDate(cell)).toBeNull();
  });
  it.each([['-5'], ['3.5'], ['many'], ['']])('refuses the population %j', (cell) => {
    expect(population(cell)).toBeNull();
  });
  it.each([['Atlantis'], ['XX'], ['XYZ'], ['ENG']])('resolves no country from %j (ENG is a UK home nation, not a country)', (cell) => {
    expect(countryCell(cell)).toBeNull();
  });
});

describe('table cells: what they read', () => {
  it.each([
    ['52.52', 52.52], ['-0.1', -0.1], ['52,52', 52.52], ['+13', 13], [' 7.5 ', 7.5],
  ])('reads %j as %s', (cell, n) => {
    expect(decimal(cell)).toBe(n);
  });
  it('reads a WKT point longitude first, as Wikidata writes P625', () => {
    expect(wktPoint('Point(13.383333333 52.516666666)')).toEqual({ lat: 52.516666666, lon: 13.383333333 });
    expect(wktPoint(' POINT ( -2.98 53.4 ) ')).toEqual({ lat: 53.4, lon: -2.98 });
  });
  it.each([
    ['1987', '1987'], ['1987-05-12', '1987-05-12'], ['1987-01-01T00:00:00Z', '1987-01-01'],
    ['+1987-05-12T00:00:00Z', '1987-05-12'], ['2000-02-29', '2000-02-29'],
  ])('reads the date %j as %j', (cell, date) => {
    expect(tableDate(cell)).toBe(date);
  });
  it('takes the year of a date', () => {
    expect([yearOf('1987'), yearOf('1958-01-01')]).toEqual([1987, 1958]);
  });
  it.each([
    ['http://www.wikidata.org/entity/Q64', { wikidata: 'Q64' }],
    ['https://www.wikidata.org/wiki/Q365', { wikidata: 'Q365' }],
    ['wd:Q1055', { wikidata: 'Q1055' }],
    ['Q64', { wikidata: 'Q64' }],
    ['DE-BE-001', { externalId: 'DE-BE-001' }],
    ['Q0', { externalId: 'Q0' }],
  ])('reads the id %j as %j', (cell, id) => {
    expect(entityId(cell)).toEqual(id);
    expect(isWikidataId(cell)).toBe('wikidata' in id);
  });
  it.each([['3644826', 3644826], ['3644826.0', 3644826], ['3,644,826', 3644826], ['0', 0]])('reads the population %j as %s', (cell, n) => {
    expect(population(cell)).toBe(n);
  });
  it.each([
    ['France', { country: 'FR', territory: null }],
    ['FR', { country: 'FR', territory: null }],
    ['fra', { country: 'FR', territory: null }],
    ['GER', { country: 'DE', territory: null }],
    ["People's Republic of China", { country: 'CN', territory: null }],
    ['United States of America', { country: 'US', territory: null }],
    ['Réunion', { country: 'FR', territory: 'RE' }],
    ['REU', { country: 'FR', territory: 'RE' }],
    ['Wales', { country: 'GB', territory: null }],
    [' scotland ', { country: 'GB', territory: null }],
  ])('resolves the country %j', (cell, resolved) => {
    expect(countryCell(cell)).toEqual(resolved);
  });
  it('measures one degree of latitude as 6371.0088 · π/180 = 111.195 km', () => {
    expect(distanceKm({ lat: 0, lon: 10 }, { lat: 1, lon: 10 })).toBeCloseTo((6371.0088 * Math.PI) / 180, 9);
    expect(distanceKm({ lat: 50, lon: 8 }, { lat: 50, lon: 8 })).toBe(0);
  });
});

describe('decimal: its fast path', () => {
  /** The definition: trimmed; a decimal comma taken when there is no point; then the number syntax. */
  const byRegex = (cell: string): number | null => {
    let s = cell.trim();
    if (!s.includes('.') && /^[+-]?\d+,\d+$/.test(s)) s = s.replace(',', '.');
    return /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/.test(s) ? Number(s) : null;
  };
  it('reads every cell of signs, digits, points, commas, exponents and spaces as the definition does (fast-check)', () => {
    const char = fc.constantFrom('0', '1', '7', '9', '.', ',', '+', '-', 'e', 'E', ' ', 'x');
    fc.assert(fc.property(fc.array(char, { maxLength: 12 }), (chars) => {
      const cell = chars.join('');
      expect(Object.is(decimal(cell), byRegex(cell)) || decimal(cell) === byRegex(cell)).toBe(true);
    }), { numRuns: 20_000, seed: 7 });
  });
  it.each([['-0'], ['5.'], ['+.5'], ['007'], ['1e3']])('reads %j as Number does', (cell) => {
    expect(Object.is(decimal(cell), Number(cell))).toBe(true);
  });
});
