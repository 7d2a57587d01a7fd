import { describe, expect, it } from 'vitest';
import { geocodeDataset } from '../../src/geo/geocode.js';
import { buildGazetteerIndex, memoryReader, openGazetteer } from '../../src/geo/gazetteer.js';
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
  it('places a name in another language at the place whose GeoNames alternate name it is: München → Munich', () => {
    expect(one(partner('p:m', 'München', 'DE'))).toMatchObject({ geonameId: 2867714, match: 'alternate', name: 'Munich', admin1: null, candidates: 1 });
    const home = geocodeDataset(dataset('DE', [homeEntry('de:munchen', 'München')], []), g).homes['de:munchen'];
    expect(home).toMatchObject({ geonameId: 2867714, match: 'alternate', lat: 48.14, lon: 11.58 });
    // Only in the country given: no München in Austria.
    expect(one(partner('p:m-at', 'München', 'AT'))).toMatchObject({ lat: null, candidates: 0 });
  });
  it('takes a place of the name itself before a larger place that has the name as an alternate', () => {
    const P = (geonameId: number, name: string, population: number, alternateNames: string[]) =>
      ({ geonameId, name, country: 'XX', admin1: '01', admin2: '', featureCode: 'PPL', population, lat: population / 1e6, lon: 0, alternateNames });
    const g2 = openGazetteer(memoryReader(buildGazetteerIndex({ source: 't', places: [P(1, 'Alpha', 500000, ['Beta', 'Gamma']), P(2, 'Beta', 2000, [])], areas: [] })));
    const at = (name: string) => geocodeDataset(dataset('CN', [], [partner('p:x', name, 'XX')]), g2).partners['p:x'];
    expect(at('Beta')).toMatchObject({ geonameId: 2, match: 'name', candidates: 1 });
    expect(at('Gamma')).toMatchObject({ geonameId: 1, match: 'alternate' });
  });
  it("narrows a home by its table region or its list section (`==Anhui==`), as a partner's location", () => {
    const homes = [homeEntry('cn:suzhou', 'Suzhou', { section: 'Anhui' }), homeEntry('cn:suzhou-2', 'Suzhou', { section: 'Jiangsu' }), homeEntry('cn:suzhou-3', 'Suzhou', { region: 'Anhui' }), homeEntry('cn:suzhou-4', 'Suzhou', { section: 'S' })];
    const r = geocodeDataset(dataset('CN', homes, []), g).homes;
    expect([r['cn:suzhou'], r['cn:suzhou-2'], r['cn:suzhou-3'], r['cn:suzhou-4']].map((p) => p!.geonameId)).toEqual([1793743, 1886760, 1793743, 1886760]);
  });
  it("puts a place at the seat of the division its qualifier or a home's section names when no place of the name lies there, keeping the namesakes", () => {
    // Only Perths of Scotland and Australia are known. A home under ==England== is in England: at its seat (London, the capital here).
    const home = geocodeDataset(dataset('GB', [homeEntry('gb:perth', 'Perth', { section: 'England' })], []), g).homes['gb:perth'];
    expect(home).toMatchObject({ geonameId: 2643743, match: 'region', admin1: { code: 'ENG', name: 'England' } });
    expect(home!.alternatives.map((c) => c.geonameId)).toEqual([2640358]);
    expect(one(partner('p:perth-e', 'Perth', 'GB', { qualifier: 'England', label: 'Perth (England)' }))).toMatchObject({ geonameId: 2643743, match: 'region' });
    // A partner's location part may be loose: it narrows only where a candidate lies.
    expect(one(partner('p:perth-england', 'Perth', 'GB', { location: ['England', 'United Kingdom'] }))).toMatchObject({ geonameId: 2640358, match: 'name' });
    // A section of letters is no region, and never read as a code (`==SC==` is no Scotland).
    const lettered = geocodeDataset(dataset('GB', [homeEntry('gb:london', 'London', { section: 'SC' })], []), g).homes['gb:london'];
    expect(lettered).toMatchObject({ geonameId: 2643743, match: 'name' });
  });
  it("takes a place by its own name in every country before another's alternate name, and an alternate name before a division named otherwise", () => {
    const P = (geonameId: number, name: string, country: string, population: number, alternateNames: string[] = []) =>
      ({ geonameId, name, country, admin1: '01', admin2: '02', featureCode: 'PPL', population, lat: 1, lon: 1, alternateNames });
    const g2 = openGazetteer(memoryReader(buildGazetteerIndex({ source: 't', areas: [{ code: 'IT.01', name: 'Veneto' }, { code: 'IT.01.02', name: 'Provincia di Venezia' }],
      places: [P(1, 'Dongchongcun', 'CN', 9000, ['Tung Chung']), P(2, 'Tung Chung', 'HK', 80000), P(3, 'Venice', 'IT', 50000, ['Venezia']), P(4, 'Mestre', 'IT', 180000)] })));
    const home = geocodeDataset(dataset('CN', [homeEntry('cn:tung-chung', 'Tung Chung')], []), g2).homes['cn:tung-chung'];
    expect(home).toMatchObject({ geonameId: 2, match: 'name', country: 'HK' });
    const venezia = geocodeDataset(dataset('CN', [], [partner('p:v', 'Venezia', 'IT')]), g2).partners['p:v'];
    expect(venezia).toMatchObject({ geonameId: 3, match: 'alternate' });
  });
  it('narrows by the division of a qualifier that is a town, and puts a ward nothing there finds at that town: Chūō (Sapporo)', () => {
    const P = (geonameId: number, name: string, admin1: string, population: number) =>
      ({ geonameId, name, country: 'JP', admin1, admin2: '', featureCode: 'PPL', population, lat: population / 1e7, lon: 0 });
    const g2 = openGazetteer(memoryReader(buildGazetteerIndex({ source: 't', areas: [{ code: 'JP.12', name: 'Hokkaido' }, { code: 'JP.19', name: 'Yamanashi' }],
      places: [P(1, 'Chuo', '19', 30000), P(2, 'Sapporo', '12', 1900000), P(3, 'Kita', '12', 50000), P(4, 'Kita', '19', 90000)] })));
    const at = (name: string, qualifier: string) => geocodeDataset(dataset('CN', [], [partner('p:x', name, 'JP', { qualifier, label: `${name} (${qualifier})` })]), g2).partners['p:x'];
    expect(at('Chuo', 'Sapporo')).toMatchObject({ geonameId: 2, match: 'qualifier' });
    expect(at('Chuo', 'Sapporo')!.alternatives.map((c) => c.geonameId)).toEqual([1]);
    expect(at('Kita', 'Sapporo')).toMatchObject({ geonameId: 3, match: 'name' }); // the Kita in Sapporo's division, not the larger one
  });
  it('searches a territory its qualifier names first: Saint-Denis (Réunion), France is in RE', () => {
    expect(one(partner('p:sd-q', 'Saint-Denis', 'FR', { qualifier: 'Réunion', label: 'Saint-Denis (Réunion)' }))).toMatchObject({ geonameId: 935264, country: 'RE' });
  });
  it('takes an alias only where the location names no other division: Washington → D.C., not Washington, Utah', () => {
    const P = (geonameId: number, name: string, admin1: string, population: number) =>
      ({ geonameId, name, country: 'US', admin1, admin2: '', featureCode: admin1 === 'DC' ? 'PPLC' : 'PPL', population, lat: population / 1e6, lon: 0 });
    const g2 = openGazetteer(memoryReader(buildGazetteerIndex({ source: 't', areas: [{ code: 'US.DC', name: 'District of Columbia' }, { code: 'US.UT', name: 'Utah' }],
      places: [P(4140963, 'Washington, D.C.', 'DC', 601723), P(5785868, 'Washington', 'UT', 27000)] })));
    const aliases = parseAliases('country,name,target,reason\nUS,Washington,4140963,test\n', 'aliases.csv');
    const at = (location: string[]) => geocodeDataset(dataset('CN', [], [partner('p:w', 'Washington', 'US', { location })]), g2, { aliases }).partners['p:w'];
    expect(at(['United States'])).toMatchObject({ geonameId: 4140963, match: 'alias' });
    expect(at(['D.C.', 'United States'])).toMatchObject({ geonameId: 4140963, match: 'alias' });
    expect(at(['Utah', 'United States'])).toMatchObject({ geonameId: 5785868, match: 'name' });
  });
  it("gives coordinates from the input the division of the place found by name when it lies within 30 km, and none otherwise", () => {
    const at = (lat: number, lon: number) => one(partner('p:perth', 'Perth', 'AU'), { input: new Map([['p:perth', { lat, lon, source: 'Wikidata' }]]) });
    // Perth, Western Australia is at (−31.95, 115.86): 11 km away, then 3,200 km away (Sydney)
    expect(at(-31.95, 115.97)).toMatchObject({ source: 'input', lat: -31.95, lon: 115.97, country: 'AU', admin1: { code: '08', name: 'Western Australia' }, geonameId: null });
    expect(at(-33.87, 151.21)).toMatchObject({ source: 'input', lat: -33.87, country: null, admin1: null });
  });
  it('lends input coordinates the division of the nearest of the name\'s candidates, not only the most populous: Kirovsk', () => {
    const P = (geonameId: number, admin1: string, population: number, lat: number, lon: number) =>
      ({ geonameId, name: 'Kirovsk', country: 'RU', admin1, admin2: '', featureCode: 'PPL', population, lat, lon });
    const g2 = openGazetteer(memoryReader(buildGazetteerIndex({ source: 't', areas: [{ code: 'RU.42', name: "Leningradskaya Oblast'" }, { code: 'RU.49', name: 'Murmansk' }],
      places: [P(1, '49', 27000, 67.61, 33.67), P(2, '42', 25000, 59.88, 30.99)] })));
    const at = (lat: number, lon: number) => geocodeDataset(dataset('CN', [], [partner('p:k', 'Kirovsk', 'RU')]), g2, { input: new Map([['p:k', { lat, lon }]]) }).partners['p:k'];
    // 0.6 km from the smaller Kirovsk (Leningrad Oblast), 860 km from the larger (Murmansk)
    expect(at(59.8756, 30.9932)).toMatchObject({ source: 'input', admin1: { code: '42', name: "Leningradskaya Oblast'" } });
    expect(at(67.60, 33.70)).toMatchObject({ source: 'input', admin1: { code: '49', name: 'Murmansk' } });
    expect(at(55.75, 37.62)).toMatchObject({ source: 'input', admin1: null }); // Moscow: near neither
  });
  it('lends input coordinates near no place of the name the division their own region names (found by the probe: Milano 45 km off lost Lombardia)', () => {
    const P = (geonameId: number, name: string, admin1: string, lat: number, lon: number) =>
      ({ geonameId, name, country: 'IT', admin1, admin2: '', featureCode: 'PPL', population: 1000000, lat, lon });
    const g2 = openGazetteer(memoryReader(buildGazetteerIndex({ source: 't', areas: [{ code: 'IT.09', name: 'Lombardy' }, { code: 'IT.16', name: 'Apulia' }],
      places: [P(1, 'Milan', '09', 45.46, 9.19)] })));
    const aliases = parseAliases('country,name,target,reason\nIT,Lombardia,IT.09,test\n', 'aliases.csv');
    const at = (lat: number, lon: number, location: string[]) =>
      geocodeDataset(dataset('CN', [], [partner('p:m', 'Milano', 'IT', { location })]), g2, { aliases, input: new Map([['p:m', { lat, lon }]]) }).partners['p:m'];
    expect(at(45.81, 8.83, ['Lombardia', 'Italy'])).toMatchObject({ source: 'input', lat: 45.81, country: 'IT', admin1: { code: '09', name: 'Lombardy' } });
    expect(at(45.81, 8.83, ['Italy'])).toMatchObject({ source: 'input', admin1: null });
    expect(at(45.81, 8.83, ['Atlantis', 'Italy'])).toMatchObject({ source: 'input', admin1: null }); // a region GeoNames does not know: none
  });
  it('reads a division written with its area word, by a reviewed alias, or with a bracketed part: Lviv Oblast, Leningrad Oblast, Ho Chi Minh City', () => {
    const P = (geonameId: number, name: string, country: string, admin1: string, population: number) =>
      ({ geonameId, name, country, admin1, admin2: '', featureCode: 'PPL', population, lat: population / 1e6, lon: 0 });
    const g2 = openGazetteer(memoryReader(buildGazetteerIndex({ source: 't',
      areas: [{ code: 'RU.42', name: "Leningradskaya Oblast'" }, { code: 'RU.49', name: 'Murmansk' }, { code: 'UA.13', name: 'Lviv' }, { code: 'UA.07', name: 'Kharkiv' },
        { code: 'RU.73', name: 'Tatarstan Republic' }, { code: 'VN.79', name: 'Ho Chi Minh City (HCMC)' }, { code: 'VN.01', name: 'Hanoi' }, { code: 'DE.02', name: 'Bavaria' }, { code: 'DE.13', name: 'Saxony' }],
      places: [P(1, 'Kirovsk', 'RU', '49', 27000), P(2, 'Kirovsk', 'RU', '42', 25000), P(3, 'Zolochiv', 'UA', '13', 24000), P(4, 'Zolochiv', 'UA', '07', 8000),
        P(5, 'Kazan', 'RU', '73', 1200000), P(6, 'Kazan', 'RU', '49', 900000), P(7, 'Binh Minh', 'VN', '01', 5000), P(8, 'Binh Minh', 'VN', '79', 4000),
        P(9, 'Neustadt', 'DE', '13', 20000), P(10, 'Neustadt', 'DE', '02', 10000), P(11, 'Sachsen', 'DE', '02', 3349), P(12, 'Dresden', 'DE', '13', 550000)] })));
    const aliases = parseAliases("country,name,target,reason\nRU,Leningrad Oblast,RU.42,test\nDE,Bayern,DE.02,test\nDE,Sachsen,DE.13,test\n", 'aliases.csv');
    const at = (name: string, country: string, location: string[]) =>
      geocodeDataset(dataset('CN', [], [partner('p:x', name, country, { location })]), g2, { aliases }).partners['p:x']!;
    expect(at('Kirovsk', 'RU', ['Leningrad Oblast', 'Russia'])).toMatchObject({ geonameId: 2 }); // alias
    expect(at('Kirovsk', 'RU', ['Murmansk Oblast', 'Russia'])).toMatchObject({ geonameId: 1 }); // area word dropped
    expect(at('Zolochiv', 'UA', ['Kharkiv Oblast', 'Ukraine'])).toMatchObject({ geonameId: 4 });
    expect(at('Kazan', 'RU', ['Murmansk Oblast', 'Russia'])).toMatchObject({ geonameId: 6 });
    expect(at('Kazan', 'RU', ['Republic of Tatarstan', 'Russia'])).toMatchObject({ geonameId: 5 }); // `republic` an area word on both sides
    expect(at('Binh Minh', 'VN', ['Ho Chi Minh City', 'Vietnam'])).toMatchObject({ geonameId: 8 }); // GeoNames' `(HCMC)` left out
    expect(at('Neustadt', 'DE', ['Bayern', 'Germany'])).toMatchObject({ geonameId: 10 });
    // A division's alias that a town bears as its own name places the town, and still names the division in a location.
    expect(at('Sachsen', 'DE', ['Germany'])).toMatchObject({ geonameId: 11, match: 'name' });
    expect(at('Bayern', 'DE', ['Germany'])).toMatchObject({ match: 'alias', area: { code: 'DE.02' } });
    expect(at('Neustadt', 'DE', ['Sachsen', 'Germany'])).toMatchObject({ geonameId: 9 });
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
