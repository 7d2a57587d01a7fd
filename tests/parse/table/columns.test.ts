import { describe, expect, it } from 'vitest';
import { columnsOf, foldHeader, parseColumnsSpec } from '../../../src/parse/table/columns.js';
import { UsageError } from '../../../src/util/errors.js';

describe('columns: what they refuse', () => {
  it.each([
    ['home', /"home" is not role=header/],
    ['town=city', /unknown role "town"/],
    ['home=a,home=b', /role home given twice/],
    [',', /no role=header pair/],
  ])('refuses --columns %j', (spec, message) => {
    expect(() => parseColumnsSpec(spec)).toThrow(UsageError);
    expect(() => parseColumnsSpec(spec)).toThrow(message);
  });
  it('refuses a column the header does not have, listing the header', () => {
    expect(() => columnsOf(['origin', 'twin'], [], parseColumnsSpec('home=origincityLabel')))
      .toThrow('--columns: the table has no column "origincityLabel" (for home); its header: "origin", "twin"');
  });
  it('refuses one column given to two roles, naming it and the roles', () => {
    expect(() => columnsOf(['a', 'b', 'c', 'd'], [], parseColumnsSpec('home=a,home-country=b,partner=c,partner-country=A')))
      .toThrow('--columns: column "a" is given to two roles (home and partner-country); each role needs a column of its own');
  });
});

describe('columns: what they recognise', () => {
  it('folds headers to letters and digits in lower case', () => {
    expect(['?Partner_Country', 'partner-country', 'Partner Country', 'Partnér country'].map(foldHeader)).toEqual(Array(4).fill('partnercountry'));
  });
  it('finds the roles of a header by the alias table', () => {
    const m = columnsOf(['City', 'Country', 'Twin town', 'Twin country', 'Latitude', 'Longitude', 'Since', 'Notes'], []);
    expect(Object.fromEntries(m)).toEqual({ home: [0], 'home-country': [1], partner: [2], 'partner-country': [3], 'home-lat': [4], 'home-lon': [5], start: [6] });
  });
  it('reads the issue\'s --columns mapping exactly, by header as written', () => {
    const header = ['origincityLabel', 'origincountry', 'originlat', 'originlong', 'sistercityLabel', 'destination_countryLabel', 'destinationlat', 'destinationlong'];
    const spec = 'home=origincityLabel,home-country=origincountry,home-lat=originlat,home-lon=originlong,partner=sistercityLabel,partner-country=destination_countryLabel,partner-lat=destinationlat,partner-lon=destinationlong';
    expect(Object.fromEntries(columnsOf(header, [], parseColumnsSpec(spec)))).toEqual({
      home: [0], 'home-country': [1], 'home-lat': [2], 'home-lon': [3], partner: [4], 'partner-country': [5], 'partner-lat': [6], 'partner-lon': [7],
    });
  });
  it('takes a column of IRIs or blank nodes beside a name column as ids, even when some are not Wikidata items', () => {
    const header = ['home', 'homeLabel', 'homeCountryLabel', 'partnerLabel', 'partnerCountryLabel'];
    const sample = [['http://www.wikidata.org/entity/Q365', 'Köln', 'Germany', 'Lille', 'France'], ['http://example.org/aachen', 'Aachen', 'Germany', 'Reims', 'France'], ['_:b0', 'Bonn', 'Germany', 'Oxford', 'United Kingdom']];
    expect(Object.fromEntries(columnsOf(header, sample))).toMatchObject({ home: [1], 'home-id': [0], partner: [3] });
    // alone, such a column is the names (nothing better to read)
    expect(Object.fromEntries(columnsOf(['home', 'country', 'partner', 'partner country'], [['http://example.org/aachen', 'Germany', 'Reims', 'France']]))).toMatchObject({ home: [0] });
  });
  it('takes a name column of Wikidata items as the ids of its side, and reads label then ISO code for a country', () => {
    const header = ['home', 'homeLabel', 'homeCountryLabel', 'homeCountryIso', 'partner', 'partnerLabel', 'partnerCountryLabel', 'partnerCountryIso'];
    const sample = [['http://www.wikidata.org/entity/Q64', 'Berlin', 'Germany', 'DE', 'http://www.wikidata.org/entity/Q90', 'Paris', 'France', 'FR']];
    expect(Object.fromEntries(columnsOf(header, sample))).toEqual({
      home: [1], 'home-country': [2, 3], partner: [5], 'partner-country': [6, 7], 'home-id': [0], 'partner-id': [4],
    });
  });
  it('lets an explicit mapping take a column the alias table would give another role', () => {
    const m = columnsOf(['city', 'country', 'partner', 'partner country'], [], parseColumnsSpec('home-region=country,home-country=partner country'));
    expect(m.get('home-region')).toEqual([1]);
    expect(m.get('home-country')).toEqual([3]);
    expect(m.has('partner-country')).toBe(false);
  });
});

describe('region and coordinate headers in other languages (found by the probe: Bergen (Noord-Holland) and Bergen (Limburg) merged)', () => {
  it.each([
    ['Stad;Provincie;Land;Partnerstad;Partnerland', { home: [0], 'home-region': [1], 'home-country': [2], partner: [3], 'partner-country': [4] }],
    ['Ciudad;Comunidad autónoma;País;Ciudad hermanada;País hermano', { home: [0], 'home-region': [1], 'home-country': [2], partner: [3], 'partner-country': [4] }],
    ['Stadt;Land;Breitengrad;Längengrad;Partnerstadt;Partnerland', { home: [0], 'home-country': [1], 'home-lat': [2], 'home-lon': [3], partner: [4], 'partner-country': [5] }],
    ['Città;Paese;Latitudine;Longitudine;Città gemellata;Paese gemellato', { home: [0], 'home-country': [1], 'home-lat': [2], 'home-lon': [3], partner: [4], 'partner-country': [5] }],
    ['Miasto;Kraj;Szerokość;Długość;Miasto partnerskie;Kraj partnera', { home: [0], 'home-country': [1], 'home-lat': [2], 'home-lon': [3], partner: [4], 'partner-country': [5] }],
  ])('reads %s', (header, roles) => {
    expect(Object.fromEntries(columnsOf(header.split(';'), []))).toEqual(roles);
  });
});
