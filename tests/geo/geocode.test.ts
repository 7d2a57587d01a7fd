import { describe, expect, it } from 'vitest';
import { geocodeDataset } from '../../src/geo/geocode.js';
import { parseAliases, parseOverrides } from '../../src/geo/reference-csv.js';
import { dataset, homeEntry, partner, tinyGazetteer } from './fixtures.js';

const g = tinyGazetteer();
const one = (p: ReturnType<typeof partner>, options = {}) => geocodeDataset(dataset('CN', [], [p]), g, options).partners[p.id]!;

describe('geocodeDataset', () => {
  it('refuses a negative or fractional number of alternatives', () => {
    expect(() => geocodeDataset(dataset('CN', [], []), g, { maxAlternatives: -1 })).toThrow(/maxAlternatives/);
    expect(() => geocodeDataset(dataset('CN', [], []), g, { maxAlternatives: 1.5 })).toThrow(RangeError);
  });
  it('leaves a partner without a country, or with a name nothing knows, unplaced, and lists it', () => {
    const ds = dataset('CN', [], [partner('p:x', 'Perth', null), partner('p:y', 'Nowhere', 'AU')]);
    const r = geocodeDataset(ds, g);
    expect(r.partners['p:x']).toMatchObject({ lat: null, lon: null, source: null, candidates: 0 });
    expect(r.unplaced).toEqual(['p:x', 'p:y']);
  });
  it('places Perth, Australia at the more populous of the two and keeps the other as an alternative', () => {
    const pl = one(partner('p:perth-australia', 'Perth', 'AU'));
    expect(pl).toMatchObject({ lat: -31.95, lon: 115.86, source: 'geonames', match: 'name', geonameId: 2063523, country: 'AU', candidates: 2 });
    expect(pl.admin1).toEqual({ code: '08', name: 'Western Australia' });
    expect(pl.alternatives.map((c) => c.geonameId)).toEqual([2153391]);
  });
  it('places Perth, Scotland in Scotland through the UK home-nation subdivision', () => {
    const pl = one(partner('p:perth-scotland', 'Perth', 'GB', { subdivision: 'GB-SCT', location: ['Scotland', 'United Kingdom'] }));
    expect(pl).toMatchObject({ geonameId: 2640358, admin1: { code: 'SCT', name: 'Scotland' }, candidates: 1 });
  });
  it('places London, Canada in Canada, not at the larger London', () => {
    expect(one(partner('p:london-canada', 'London', 'CA'))).toMatchObject({ geonameId: 6058560, country: 'CA' });
  });
  it('searches a territory before its sovereign: Saint-Denis, Réunion is in RE', () => {
    expect(one(partner('p:sd', 'Saint-Denis', 'FR', { territory: 'RE' }))).toMatchObject({ geonameId: 935264, country: 'RE' });
    expect(one(partner('p:sd-fr', 'Saint-Denis', 'FR'))).toMatchObject({ geonameId: 2980916, country: 'FR' });
  });
  it('places a district that nothing else finds at the town of its qualifier: Dongdaemun (Seoul)', () => {
    const pl = one(partner('p:dongdaemun', 'Dongdaemun', 'KR', { qualifier: 'Seoul', label: 'Dongdaemun (Seoul)' }));
    expect(pl).toMatchObject({ geonameId: 1835848, match: 'qualifier', source: 'geonames' });
  });
  it('matches a Korean name against GeoNames\' -si form and says so', () => {
    expect(one(partner('p:goyang', 'Goyang', 'KR'))).toMatchObject({ geonameId: 1842485, match: 'suffix' });
  });
  it('places a province at its seat, preferring the division to the town for a name with area words', () => {
    const pl = one(partner('p:ap', 'Antwerp Province', 'BE'), {
      aliases: parseAliases('country,name,target,reason\nBE,Antwerp Province,BE.VLG.VAN,x\n', 'a.csv'),
    });
    expect(pl).toMatchObject({ match: 'alias', area: { code: 'BE.VLG.VAN', name: 'Provincie Antwerpen' }, geonameId: 2803138, lat: 51.22 });
    const direct = one(partner('p:pa', 'Provincie Antwerpen', 'BE'));
    expect(direct).toMatchObject({ match: 'name', area: { code: 'BE.VLG.VAN' } });
  });
  it('follows an alias row to a GeoNames id (Cologne → Köln), and refuses one whose target is missing', () => {
    const aliases = parseAliases('country,name,target,reason\nDE,Cologne,2886242,exonym\nDE,Bonn,1,missing\n', 'a.csv');
    expect(one(partner('p:cologne', 'Cologne', 'DE'), { aliases })).toMatchObject({ geonameId: 2886242, match: 'alias', name: 'Köln' });
    expect(() => one(partner('p:bonn', 'Bonn', 'DE'), { aliases })).toThrow(/alias row 3/);
  });
  it('gives input coordinates precedence over an override, and an override over GeoNames', () => {
    const overrides = parseOverrides('id,lat,lon,source,reason\np:perth,1,2,Wikipedia,test\n', 'o.csv');
    expect(one(partner('p:perth', 'Perth', 'AU'), { overrides })).toMatchObject({ lat: 1, lon: 2, source: 'override', geonameId: null, note: 'Wikipedia; test' });
    const input = new Map([['p:perth', { lat: 3, lon: 4, source: 'table' }]]);
    expect(one(partner('p:perth', 'Perth', 'AU'), { overrides, input })).toMatchObject({ lat: 3, lon: 4, source: 'input', note: 'table' });
  });
  it('tells the two Suzhous apart by their province qualifier and gives their first-level division', () => {
    const ds = dataset('CN', [
      homeEntry('cn:suzhou-anhui', 'Suzhou', { qualifier: 'Anhui' }),
      homeEntry('cn:suzhou-jiangsu', 'Suzhou', { qualifier: 'Jiangsu' }),
    ], []);
    const r = geocodeDataset(ds, g);
    expect(r.homes['cn:suzhou-anhui']).toMatchObject({ geonameId: 1793743, admin1: { code: '01', name: 'Anhui' }, candidates: 1 });
    expect(r.homes['cn:suzhou-jiangsu']).toMatchObject({ geonameId: 1886760, admin1: { code: '04', name: 'Jiangsu' } });
  });
  it('lets a district inherit its city\'s placement, with match parent', () => {
    const ds = dataset('CN', [
      homeEntry('cn:suzhou-jiangsu', 'Suzhou', { qualifier: 'Jiangsu' }),
      homeEntry('cn:suzhou-gusu', 'Suzhou', { kind: 'district', district: 'Gusu', parentId: 'cn:suzhou-jiangsu' }),
    ], []);
    const r = geocodeDataset(ds, g);
    expect(r.homes['cn:suzhou-gusu']).toMatchObject({ geonameId: 1886760, match: 'parent', admin1: { name: 'Jiangsu' } });
  });
  it('lists as ambiguous the GeoNames placements with several candidates', () => {
    const ds = dataset('CN', [], [partner('p:a', 'Perth', 'AU'), partner('p:b', 'Perth', 'GB', { subdivision: 'GB-SCT' })]);
    expect(geocodeDataset(ds, g).ambiguous).toEqual(['p:a']);
  });
  it('keeps at most maxAlternatives alternatives', () => {
    expect(one(partner('p:perth', 'Perth', 'AU'), { maxAlternatives: 0 }).alternatives).toEqual([]);
  });
});
