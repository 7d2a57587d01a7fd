import { describe, expect, it } from 'vitest';
import { buildGazetteerIndex, memoryReader, openGazetteer, seatOf } from '../../src/geo/gazetteer.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alternateNames } from '../../src/geo/gazetteer-source.js';
import { AREAS, PLACES, tinyGazetteer } from './fixtures.js';

describe('openGazetteer', () => {
  it('refuses bytes that are not a twinnet geo index, and a truncated one', () => {
    expect(() => openGazetteer(memoryReader(new TextEncoder().encode('hello')))).toThrow(/not a twinnet geo index/);
    const bytes = buildGazetteerIndex({ source: 's', places: PLACES, areas: AREAS });
    expect(() => openGazetteer(memoryReader(bytes.subarray(0, bytes.length - 10)))).toThrow(/truncated/);
  });
  it('writes version 6 in its header, and refuses an index of version 5', () => {
    const bytes = buildGazetteerIndex({ source: 's', places: PLACES, areas: AREAS });
    expect(new TextDecoder().decode(bytes.subarray(0, 20))).toBe('twinnet-geo-index 6 ');
    const old = bytes.slice();
    old[18] = '5'.charCodeAt(0);
    expect(() => openGazetteer(memoryReader(old))).toThrow(/not a twinnet geo index, version 6/);
  });
  it('gives a place the same record whether a lookup read it first or it was read alone', () => {
    const bytes = buildGazetteerIndex({ source: 's', places: PLACES, areas: AREAS });
    const viaLookup = openGazetteer(memoryReader(bytes)), alone = openGazetteer(memoryReader(bytes));
    const [sd] = viaLookup.lookup('RE', 'saint denis').places;
    expect(viaLookup.place(sd!)).toEqual({ geonameId: 935264, name: 'Saint-Denis', country: 'RE', admin1: 'RE', admin2: '', featureCode: 'PPLC', population: 137195, lat: -20.88, lon: 55.45 });
    expect(alone.place(sd!)).toEqual(viaLookup.place(sd!));
    const [antwerp] = viaLookup.lookup('BE', 'antwerpen').areas;
    expect(viaLookup.area(antwerp!)).toEqual({ code: 'BE.VLG.VAN', name: 'Provincie Antwerpen', level: 2, country: 'BE', seat: viaLookup.indexOfGeonameId(2803138) });
    expect(alone.area(antwerp!)).toEqual(viaLookup.area(antwerp!));
    expect(alone.place(alone.area(antwerp!).seat)).toMatchObject({ name: 'Antwerpen', admin2: 'VAN', population: 459805 });
  });
  it('reads the record of a place that no key lists (its name folds to nothing)', () => {
    const dots = { ...PLACES[0]!, geonameId: 5, name: '...' };
    const g = openGazetteer(memoryReader(buildGazetteerIndex({ source: 's', places: [PLACES[0]!, dots], areas: [] })));
    expect(g.place(g.indexOfGeonameId(5))).toEqual(dots);
    expect(g.place(g.indexOfGeonameId(2063523))).toEqual(PLACES[0]);
  });
  it('lists the areas of a key by descending code and its places by ascending GeoNames id', () => {
    const places = [PLACES[0]!, { ...PLACES[0]!, geonameId: 7, admin1: '02' }, { ...PLACES[0]!, geonameId: 9, admin1: '01' }];
    const areas = [{ code: 'AU.01', name: 'Perth' }, { code: 'AU.02', name: 'Perth Region' }];
    const g = openGazetteer(memoryReader(buildGazetteerIndex({ source: 's', places, areas })));
    const found = g.lookup('AU', 'perth');
    expect(found.places.map((i) => g.place(i).geonameId)).toEqual([7, 9, 2063523]);
    expect(found.areas.map((j) => g.area(j).code)).toEqual(['AU.02', 'AU.01']);
  });
  it('finds every key of many that share buckets', () => {
    const places = Array.from({ length: 300 }, (_, i) => ({ ...PLACES[0]!, geonameId: i + 1, name: `Town ${i}` }));
    const g = openGazetteer(memoryReader(buildGazetteerIndex({ source: 's', places, areas: [] })));
    for (let i = 0; i < 300; i++) expect(g.lookup('AU', `town ${i}`).places.map((k) => g.place(k).name)).toEqual([`Town ${i}`]);
    expect(g.lookup('AU', 'town 300')).toEqual({ places: [], areas: [] });
    const long = { ...PLACES[0]!, geonameId: 1000, name: 'Ж'.repeat(200) }; // 400 bytes of UTF-8 in its key
    const g2 = openGazetteer(memoryReader(buildGazetteerIndex({ source: 's', places: [...places, long], areas: [] })));
    expect(g2.lookup('AU', 'ж'.repeat(200)).places.map((k) => g2.place(k).geonameId)).toEqual([1000]);
    expect(g.lookup('NZ', 'town 1')).toEqual({ places: [], areas: [] });
  });
  it('refuses a GeoNames id listed twice when building', () => {
    expect(() => buildGazetteerIndex({ source: 's', places: [PLACES[0]!, PLACES[0]!], areas: [] })).toThrow(/2063523 twice/);
  });
  it('builds the same bytes whatever the order of its input', () => {
    const a = buildGazetteerIndex({ source: 's', places: PLACES, areas: AREAS });
    const b = buildGazetteerIndex({ source: 's', places: [...PLACES].reverse(), areas: [...AREAS].reverse() });
    expect(Buffer.compare(a, b)).toBe(0);
  });
  it('finds both Perths of Australia by folded name and country, and no Perth in Canada', () => {
    const g = tinyGazetteer();
    expect(g.lookup('AU', 'perth').places.map((i) => g.place(i).geonameId).sort()).toEqual([2063523, 2153391]);
    expect(g.lookup('CA', 'perth')).toEqual({ places: [], areas: [] });
  });
  it('keeps alternate names apart: found by `alternates` in their country only, never by `lookup`', () => {
    const g = tinyGazetteer();
    const munich = g.indexOfGeonameId(2867714);
    expect(g.alternates('DE', 'munchen')).toEqual([munich]);
    expect(g.alternates('DE', 'monaco di baviera')).toEqual([munich]);
    expect(g.lookup('DE', 'munchen')).toEqual({ places: [], areas: [] });
    expect(g.alternates('AT', 'munchen')).toEqual([]);
    // An alternate that folds to the place's own name is not listed again.
    expect(g.alternates('DE', 'munich')).toEqual([]);
    expect(g.place(munich)).toMatchObject({ name: 'Munich', population: 1260391 });
    expect(g.place(munich)).not.toHaveProperty('alternateNames');
  });
  it('finds a Korean city without its -si suffix and a division without its area words', () => {
    const g = tinyGazetteer();
    expect(g.lookup('KR', 'goyang').places.map((i) => g.place(i).name)).toEqual(['Goyang-si']);
    expect(g.lookup('BE', 'antwerpen').areas.map((j) => g.area(j).code)).toEqual(['BE.VLG.VAN']);
  });
  it('reads places by GeoNames id, areas by code, and first-level names', () => {
    const g = tinyGazetteer();
    expect(g.place(g.indexOfGeonameId(2640358))).toMatchObject({ name: 'Perth', country: 'GB', admin1: 'SCT', lat: 56.4, lon: -3.43 });
    expect(g.indexOfGeonameId(1)).toBe(-1);
    expect(g.area(g.indexOfArea('CN.04'))).toMatchObject({ name: 'Jiangsu', level: 1, country: 'CN' });
    expect(g.indexOfArea('CN.99')).toBe(-1);
    expect(g.admin1Name('GB.SCT')).toBe('Scotland');
    expect(g.admin1Name('BE.VLG.VAN')).toBeNull();
    expect(() => g.place(PLACES.length)).toThrow(RangeError);
  });
});

describe('seatOf', () => {
  const places = PLACES;
  const at = (id: number) => places.findIndex((p) => p.geonameId === id);
  it('is -1 for an area with no known place', () => {
    expect(seatOf(places, [], 1)).toBe(-1);
  });
  it('prefers the PPLA2 seat for a second-level area, though a PPL is more populous', () => {
    const members = [at(2803138), at(2796153)]; // Antwerpen PPL, Mechelen PPLA3
    expect(seatOf(places, members, 2)).toBe(at(2803138)); // no PPLA2, no PPLC: the most populous
    const withSeat = places.map((p) => (p.geonameId === 2796153 ? { ...p, featureCode: 'PPLA2' } : p));
    expect(seatOf(withSeat, members, 2)).toBe(at(2796153));
  });
  it('prefers PPLA for a first-level area, then the capital', () => {
    expect(seatOf(places, [at(2643743), at(2640358)], 1)).toBe(at(2643743)); // London PPLC over Perth PPLA2
    expect(seatOf(places, [at(2153391), at(2063523)], 1)).toBe(at(2063523));
  });
});

describe('alternateNames (GeoNames cities1000.txt)', () => {
  it('reads the alternate names by GeoNames id, leaving out names with digits and capital codes', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'twinnet-alt-')), 'cities1000.txt');
    const line = (id: number, name: string, alternates: string) => [id, name, name, alternates, '50.1', '14.4', 'P', 'PPLC', 'CZ'].join('\t');
    writeFileSync(file, [line(3067696, 'Prague', 'PRG,Praag,Prag,Praha,Prague 1,プラハ'), line(1, 'Nowhere', ''), ''].join('\n'));
    expect([...alternateNames(file)]).toEqual([[3067696, ['Praag', 'Prag', 'Praha', 'プラハ']]]);
  });
});

