import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readList } from '../../../src/parse/read-list.js';
import type { Dataset } from '../../../src/parse/types.js';
import { InputError, UsageError } from '../../../src/util/errors.js';

const table = (text: string, options: { home?: string; columns?: string } = {}) => readList(text, { source: 'x.csv', format: 'table', ...options });
const codes = (ds: Dataset) => ds.diagnostics.map((d) => [d.severity, d.code, d.lines]);
const HEAD = 'city,country,partner,partner country\n';

describe('reading a link table: what it refuses', () => {
  it('refuses a header without the required roles, listing the header and naming --columns', () => {
    expect(() => table('Ciutat,Agermanada,Estat\nGirona,Lille,France\n')).toThrow(InputError);
    expect(() => table('Ciutat,Agermanada,Estat\nGirona,Lille,France\n')).toThrow(/^x\.csv:1: no column for home, home-country, partner, partner-country in the header \("Ciutat", "Agermanada", "Estat"\); name them with --columns home=HEADER,.*, or give the home country with --home ISO \(roles:/);
    // a wide header is quoted in part: 12 names of at most 40 characters, and how many more
    const wide = Array.from({ length: 20_000 }, (_, i) => (i === 0 ? 'x'.repeat(100) : `c${i}`));
    let message = '';
    try { table(`${wide.join(',')}\n${wide.map(() => 'v').join(',')}\n`); } catch (e) { message = (e as Error).message; }
    expect(message).toContain(`("${'x'.repeat(39)}…", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", "c11" … and 19988 more)`);
    expect(message.length).toBeLessThan(600);
  });
  it('reads a table without a home-country column when --home gives the country, and says so when neither does', () => {
    const text = 'Stadt,Partnerstadt,Partnerland\nKöln,Lille,Frankreich\nBonn,Oxford,Vereinigtes Königreich\n';
    expect(() => table(text)).toThrow(/no column for home-country .*or give the home country with --home ISO/);
    const ds = table(text, { home: 'DE' });
    expect(ds.home).toBe('DE');
    expect(ds.homes.map((h) => h.id)).toEqual(['de:koln', 'de:bonn']);
    expect(ds.partners.map((p) => [p.name, p.country])).toEqual([['Lille', 'FR'], ['Oxford', 'GB']]);
    expect(ds.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
  it('recognises the plain headers of German, French, Portuguese and Spanish tables', () => {
    const read = (head: string, row: string) => readList(`${head}\n${row}\n`, { source: 'x.csv' });
    const de = read('Stadt,Land,Partnerstadt,Partnerland,seit', 'Köln,Deutschland,Lille,Frankreich,1958');
    expect([de.homes[0]!.name, de.home, de.partners[0]!.name, de.partners[0]!.country, de.links[0]!.start]).toEqual(['Köln', 'DE', 'Lille', 'FR', '1958']);
    const fr = read('ville;pays;ville jumelle;pays jumelle;depuis', 'Lille;France;Köln;Allemagne;1958');
    expect([fr.homes[0]!.name, fr.home, fr.partners[0]!.name, fr.partners[0]!.country, fr.links[0]!.start]).toEqual(['Lille', 'FR', 'Köln', 'DE', '1958']);
    const pt = read('cidade,estado,país,cidade irmã,país irmã,ano', 'Curitiba,Paraná,Brasil,Himeji,Japão,1984');
    expect([pt.homes[0]!.name, pt.home, pt.partners[0]!.name, pt.partners[0]!.country, pt.links[0]!.start]).toEqual(['Curitiba', 'BR', 'Himeji', 'JP', '1984']);
    const pl = read('miasto,kraj,miasto partnerskie,kraj partnera,od,do', 'Kraków,Polska,Lipsk,Niemcy,1973,2000');
    expect([pl.home, pl.partners[0]!.country, pl.links[0]!.start, pl.links[0]!.end]).toEqual(['PL', 'DE', '1973', '2000']);
    const es = read('ciudad,país,ciudad hermana,país hermano,desde', 'Córdoba,Argentina,Córdoba,España,1980');
    expect([es.home, es.partners[0]!.country, es.links[0]!.start]).toEqual(['AR', 'ES', '1980']);
  });
  it("reads a bare country column after the partner's name as the partner's country (Stadt, Partnerstadt, Land; ville, pays, ville jumelle, pays)", () => {
    const de = table('Stadt,Partnerstadt,Land,seit\nKöln,Lille,Frankreich,1958\n', { home: 'DE' });
    expect([de.homes[0]!.name, de.partners[0]!.name, de.partners[0]!.country, de.links[0]!.start]).toEqual(['Köln', 'Lille', 'FR', '1958']);
    const fr = table('ville,pays,ville jumelle,pays\nLille,France,Köln,Allemagne\n');
    expect([fr.home, fr.partners[0]!.country]).toEqual(['FR', 'DE']);
    // a side's own country column keeps its side wherever it stands
    const own = table('partner,homeCountry,city,partnerCountry\nLille,Germany,Köln,France\n');
    expect([own.home, own.partners[0]!.country]).toEqual(['DE', 'FR']);
  });
  it('reads an input with --columns as a table though no format recognises its header', () => {
    const text = 'Ciutat,Agermanada,Estat\nGirona,Lille,França\n';
    expect(() => readList(text, { source: 'x.csv' })).toThrow(/not a sister-city list in any known format/);
    const ds = readList(text, { source: 'x.csv', columns: 'home=Ciutat,partner=Agermanada,partner-country=Estat', home: 'ES' });
    expect(ds.links.length).toBe(1);
    expect(ds.partners[0]).toMatchObject({ name: 'Lille', country: 'FR' });
  });
  it('refuses a home column of several countries without --home, listing them with their rows', () => {
    // a row given the other way round (Lille – Köln) leaves Germany at one end of every row: that is the home country
    expect(table(`${HEAD}Köln,Germany,Lille,France\nBonn,Germany,Oxford,United Kingdom\nLille,France,Köln,Germany\n`).home).toBe('DE');
    const text = `${HEAD}Köln,Germany,Lille,France\nBonn,Germany,Oxford,United Kingdom\nLille,France,Turin,Italy\n`;
    expect(() => table(text)).toThrow(UsageError);
    expect(() => table(text)).toThrow('x.csv: the home column holds 2 countries — Germany (DE) 2, France (FR) 1; choose the home country with --home ISO');
  });
  it('refuses a home column of no known country, and --columns on a Wikipedia list', () => {
    expect(() => table(`${HEAD}Köln,Atlantis,Lille,France\n`)).toThrow(/the home column names no known country \("Atlantis" \(unknown\) 1\)/);
    expect(() => readList('==A==\nAnqing\n- JPN Ibaraki, Japan\n', { columns: 'home=a' })).toThrow(UsageError);
  });
  it('refuses a table whose every row is ragged as the input it is (exit 2, the first row\'s line), not as a missing --home (found by the probe)', () => {
    const text = `${HEAD}Köln,Germany,Lille,France,1987\nBonn;Germany;Oxford;United Kingdom\n`;
    expect(() => table(text)).toThrow(InputError);
    expect(() => table(text)).toThrow('x.csv:2: no row has as many cells as the header (4; the first row 5): a delimiter inside unquoted cells, or another delimiter than the header\'s?');
    // one readable row is enough: the ragged ones are then errors of their own, the home country found
    const ds = table(`${text}Aachen,Germany,Reims,France\n`);
    expect(ds.home).toBe('DE');
    expect(ds.diagnostics.filter((d) => d.code === 'ragged-row').map((d) => d.line)).toEqual([2, 3]);
  });
  it('refuses a table of a header only as the input it is (exit 2), not as a missing --home', () => {
    expect(() => table(HEAD)).toThrow(InputError);
    expect(() => table(HEAD)).toThrow('x.csv:2: the table has a header and no rows: no links to analyse');
  });
  it('refuses rows it cannot read, each with an error on its line, and counts their lines as unparsed', () => {
    const ds = table(`${HEAD}Köln,Germany,Lille\nKöln,Germany,,France\nParis,France,Rome,Italy\nKöln,Germany,Köln,Germany\nKöln,Germany,Tunis,Tunisia\n`, { home: 'DE' });
    expect(codes(ds)).toEqual([
      ['error', 'ragged-row', [2]],
      ['error', 'missing-cell', [3]],
      ['error', 'no-home-end', [4]],
      ['error', 'self-pair', [5]],
    ]);
    expect(ds.links).toEqual([{ homeId: 'de:koln', partnerId: 'p:tunis-tunisia', line: 6, code: null }]);
    expect(ds.lineKinds).toEqual({ title: 1, intro: 0, section: 0, 'home-header': 0, partner: 1, blank: 0, unparsed: 4 });
  });
  it('keeps a row whose coordinates or dates cannot be read, without them, with an error', () => {
    const ds = table('city,country,lat,lon,partner,partner country,since\nKöln,Germany,50.9,abc,Lille,France,circa 1958\n');
    expect(codes(ds)).toEqual([['error', 'bad-coordinates', [2]], ['error', 'bad-date', [2]]]);
    expect(ds.homes[0]?.lat).toBeUndefined();
    expect(ds.links[0]?.start).toBeUndefined();
  });
});

describe('reading a link table: what it reads', () => {
  it('takes the one country of the home column as home, and reads both ends with their countries', () => {
    const ds = table(`${HEAD}Köln,Germany,Lille,France\nKöln,DEU,Liverpool,GB\n`);
    expect(ds.home).toBe('DE');
    expect(ds.homes.map((h) => [h.id, h.partnerIds])).toEqual([['de:koln', ['p:lille-france', 'p:liverpool-gb']]]);
    expect(ds.partners.map((p) => [p.label, p.countryWritten, p.country])).toEqual([['Lille', 'France', 'FR'], ['Liverpool', 'GB', 'GB']]);
    expect(ds.countries.map((c) => [c.written, c.sovereign?.alpha2, c.region, c.links])).toEqual([['France', 'FR', 'Europe', 1], ['GB', 'GB', 'Europe', 1]]);
  });
  it('merges a pair given twice into one link, and a pair given the other way round too', () => {
    const ds = table(`${HEAD}Köln,Germany,Lille,France\nKöln,Germany,Lille,France\nLille,France,Köln,Germany\n`, { home: 'DE' });
    expect(ds.links).toHaveLength(1);
    expect(codes(ds)).toEqual([['info', 'duplicate-row', [2, 3]], ['info', 'reverse-pair', [2, 4]]]);
  });
  it('keeps domestic pairs apart from the bipartite side: a place only in them is a domestic place', () => {
    const ds = table(`${HEAD}Hamburg,Germany,Dresden,Germany\nDresden,Germany,Hamburg,Germany\nHamburg,Germany,Marseille,France\n`);
    expect(ds.homes.map((h) => h.id)).toEqual(['de:hamburg']);
    expect(ds.domesticPlaces?.map((h) => h.id)).toEqual(['de:dresden']);
    expect(ds.domesticLinks).toEqual([{ homeId: 'de:hamburg', otherId: 'de:dresden', line: 2 }]);
    expect(codes(ds)).toEqual([['info', 'domestic-pairs', [2]], ['info', 'reverse-pair', [2, 3]]]);
  });
  it('splits one name given with coordinates more than 30 km apart, and keeps one within 30 km', () => {
    // Frankfurt am Main (50.11, 8.68) and Frankfurt (Oder) (52.35, 14.55): about 478 km apart; 0.1° of latitude is 11 km
    const ds = table('city,country,lat,lon,partner,partner country\nFrankfurt,Germany,50.11,8.68,Lyon,France\nFrankfurt,Germany,50.21,8.68,Milan,Italy\nFrankfurt,Germany,52.35,14.55,Yuma,United States\n');
    expect(ds.homes.map((h) => [h.id, h.lat, h.partnerIds.length])).toEqual([['de:frankfurt', 50.11, 2], ['de:frankfurt-2', 52.35, 1]]);
    expect(codes(ds)).toEqual([['warning', 'homonym-split', [2, 3, 4]]]);
    expect(ds.diagnostics[0]?.message).toMatch(/read as 2 places/);
  });
  it('keeps the earliest start and the latest end of a pair given with several dates', () => {
    const ds = table(`city,country,partner,partner country,start,end\nKöln,Germany,Lille,France,1960,\nKöln,Germany,Lille,France,1958-05-01,2001\n`);
    expect(ds.links[0]).toMatchObject({ start: '1958-05-01', end: '2001' });
    expect(codes(ds)).toEqual([['warning', 'conflicting-dates', [2, 3]], ['info', 'duplicate-row', [2, 3]]]);
  });
  it('reads semicolons, a decimal comma, a region, and notes the columns it does not read', () => {
    const ds = table('Stadt;Land;Bundesland;lat;lon;Partner;Partner Land;Bemerkung\nKöln;DEU;NRW;50,94;6,96;Lille;FR;-\n', { home: 'de', columns: 'home=Stadt,home-country=Land,home-region=Bundesland,partner=Partner,partner-country=Partner Land' });
    expect(ds.homes[0]).toMatchObject({ name: 'Köln', region: 'NRW', lat: 50.94, lon: 6.96 });
    expect(codes(ds)).toEqual([['info', 'unused-columns', []]]);
    expect(ds.diagnostics[0]?.message).toBe('columns not read (no role): "Bemerkung"');
  });
  it('refuses a home-country cell it cannot resolve with the row, and a partner country with an unknown-country error', () => {
    const ds = table(`${HEAD}Köln,Germany,Atlantis City,Atlantis\n`);
    expect(codes(ds)).toEqual([['error', 'unknown-country', [2]]]);
    expect(ds.partners[0]?.country).toBeNull();
  });
});

describe('the German fixture table', () => {
  const ds = table(readFileSync('tests/fixtures/tables/german-twins.csv', 'utf8'));
  it('reads 41 rows: 37 links and pairs (31 links, 3 domestic pairs, 3 repeats), 4 refused or kept with errors', () => {
    expect(ds.home).toBe('DE');
    expect([ds.homes.length, ds.partners.length, ds.links.length, ds.domesticLinks?.length, ds.domesticPlaces?.length]).toEqual([7, 28, 31, 3, 3]);
    expect(ds.lineKinds).toMatchObject({ title: 1, partner: 39, unparsed: 2, blank: 0 });
    expect([ds.source.bom, ds.source.lineEnding]).toEqual([true, 'CRLF']);
  });
  it('reports what it met, each on its rows', () => {
    expect(codes(ds)).toEqual([
      ['info', 'duplicate-row', [2, 8]],
      ['info', 'domestic-pairs', [14, 28, 38]],
      ['info', 'reverse-pair', [14, 41]],
      ['warning', 'conflicting-dates', [15, 20, 22]],
      ['info', 'duplicate-row', [15, 20, 22]],
      ['error', 'bad-date', [21]],
      ['error', 'bad-coordinates', [27]],
      ['info', 'reverse-pair', [28, 29]],
      ['error', 'missing-cell', [34]],
      ['warning', 'homonym-split', [35, 36, 37, 38, 39, 40]],
      ['error', 'ragged-row', [42]],
    ]);
  });
  it('counts links by country as worked out by hand: France 5, China, United Kingdom and United States 4 each', () => {
    expect(ds.countries.slice(0, 4).map((c) => [c.written, c.links])).toEqual([['France', 5], ['China', 4], ['United Kingdom', 4], ['United States', 4]]);
    expect(ds.countries.reduce((s, c) => s + c.links, 0)).toBe(31);
  });
});

describe('dates a twinning cannot have', () => {
  // Found by the probe: an interval running backwards went to the GEXF, and a placeholder year 0000
  // made the growth table 201 decades long.
  it('leaves out an end before its start, and a year outside 800–2100, each an error on its line', () => {
    const ds = table([
      'city,country,partner,partner_country,start,end',
      'Bonn,Germany,Oxford,United Kingdom,2000,1990',
      'Bonn,Germany,Lille,France,0000,',
      'Bonn,Germany,Rome,Italy,1990-05-01,1990', // same year: not before
      'Bonn,Germany,Nice,France,1990-05-01,1990-04-30',
      'Bonn,Germany,Lyon,France,1990,9999',
      'Bonn,Germany,Paderborn,France,836,', // three digits: not a year cell at all
    ].join('\n'));
    expect(ds.diagnostics.filter((d) => d.code === 'bad-date').map((d) => [d.line, d.message])).toEqual([
      [2, 'end 1990 is before start 2000: the end left out'],
      [3, 'start 0000 is not a year a twinning can have (800–2100): left out'],
      [5, 'end 1990-04-30 is before start 1990-05-01: the end left out'],
      [6, 'end 9999 is not a year a twinning can have (800–2100): left out'],
      [7, 'start "836" is not a year or a date (YYYY, YYYY-MM-DD): left out'],
    ]);
    expect(ds.links.map((l) => [l.partnerId, l.start ?? null, l.end ?? null])).toEqual([
      ['p:oxford-united-kingdom', '2000', null], ['p:lille-france', null, null], ['p:rome-italy', '1990-05-01', '1990'],
      ['p:nice-france', '1990-05-01', null], ['p:lyon-france', '1990', null], ['p:paderborn-france', null, null],
    ]);
  });
});

describe('a place given with and without its region (found by the probe: a reversed row made a third Frankfurt)', () => {
  const HEAD5 = 'Stadt;Region;Land;Partnerstadt;Partnerland\n';
  it('is one place when the table has one place of the name, whichever row comes first, at home and abroad', () => {
    const ds = readList(`${HEAD5}Leipzig;;Deutschland;Lyon;Frankreich\nLeipzig;Sachsen;Deutschland;Kraków;Polen\nFrankfurt;Hessen;Deutschland;Lyon;Frankreich\nLyon;Auvergne-Rhône-Alpes;Frankreich;Frankfurt;Deutschland\n`, { source: 'de.csv' });
    expect(ds.homes.map((h) => [h.id, h.region])).toEqual([['de:leipzig', 'Sachsen'], ['de:frankfurt', 'Hessen']]);
    // the reversed row is the same pair, once; Lyon one partner
    expect(ds.partners.map((p) => p.id)).toEqual(['p:lyon-frankreich', 'p:krakow-polen']);
    expect(ds.links.map((l) => `${l.homeId} ${l.partnerId}`)).toEqual(['de:leipzig p:lyon-frankreich', 'de:leipzig p:krakow-polen', 'de:frankfurt p:lyon-frankreich']);
    expect(ds.diagnostics.map((d) => d.code)).toContain('reverse-pair');
    expect(ds.diagnostics.map((d) => d.code)).not.toContain('name-without-region');
  });
  it('stays apart from places of two regions, and is warned of when it gives none among several', () => {
    const ds = readList(`${HEAD5}Frankfurt;Hessen;Deutschland;Lyon;Frankreich\nFrankfurt;Brandenburg;Deutschland;Słubice;Polen\nFrankfurt;;Deutschland;Kraków;Polen\n`, { source: 'de.csv' });
    expect(ds.homes.map((h) => h.id)).toEqual(['de:frankfurt', 'de:frankfurt-2', 'de:frankfurt-3']);
    expect(ds.diagnostics.find((d) => d.code === 'name-without-region')).toMatchObject({ severity: 'warning', lines: [4] });
  });
  it('takes a territory a home\'s region names: Saint-Denis, La Réunion is no town of mainland France (found by the probe)', () => {
    const ds = readList('city;region;country;partner;partner country\nSaint-Denis;La Réunion;France;Tianjin;China\nSaint-Denis;Île-de-France;France;Sesto San Giovanni;Italy\nBordeaux;;France;Saint-Denis;La Réunion\n', { source: 'fr.csv' });
    expect(ds.homes.map((h) => [h.id, h.territory])).toEqual([['fr:saint-denis-re', 'RE'], ['fr:saint-denis', undefined]]);
    // `La Réunion` as a partner's country is France's: Bordeaux – Saint-Denis is a domestic pair
    expect(ds.diagnostics.map((d) => d.code)).not.toContain('unknown-country');
    expect(ds.domesticLinks?.map((l) => [l.homeId, l.otherId])).toEqual([['fr:bordeaux', 'fr:saint-denis-re']]);
  });
});
