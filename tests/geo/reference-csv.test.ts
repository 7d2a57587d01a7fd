import { describe, expect, it } from 'vitest';
import { parseAliases, parseCsv, parseOverrides } from '../../src/geo/reference-csv.js';
import { InputError } from '../../src/util/errors.js';

describe('parseOverrides', () => {
  it('refuses other columns, a latitude out of range and a row without a source, naming file and line', () => {
    expect(() => parseOverrides('id,lat,lon\n', 'o.csv')).toThrow(/o\.csv:1: .*columns/);
    expect(() => parseOverrides('id,lat,lon,source,reason\np:x,95,0,s,r\n', 'o.csv')).toThrow(/o\.csv:2: .*latitude/);
    expect(() => parseOverrides('id,lat,lon,source,reason\np:x,,0,s,r\n', 'o.csv')).toThrow(InputError);
    expect(() => parseOverrides('id,lat,lon,source,reason\n\np:x,1,2,,r\n', 'o.csv')).toThrow(/o\.csv:3: .*no source/);
    expect(() => parseOverrides('id,lat,lon,source,reason\np:x,1,2\n', 'o.csv')).toThrow(/3 fields, expected 5/);
  });
  it('reads rows with quoted fields holding commas and quotes', () => {
    const text = 'id,lat,lon,source,reason\ncn:tang,38.75,114.98,"approximate, general knowledge","Tang ""County"", Hebei"\n';
    expect(parseOverrides(text, 'o.csv')).toEqual([
      { id: 'cn:tang', lat: 38.75, lon: 114.98, source: 'approximate, general knowledge', reason: 'Tang "County", Hebei', line: 2 },
    ]);
  });
});

describe('parseAliases', () => {
  it('refuses a country that is not ISO alpha-2 and a target that is neither a GeoNames id nor a division code', () => {
    expect(() => parseAliases('country,name,target,reason\nDEU,Cologne,2886242,x\n', 'a.csv')).toThrow(/a\.csv:2: .*alpha-2/);
    expect(() => parseAliases('country,name,target,reason\nDE,Cologne,Köln,x\n', 'a.csv')).toThrow(/target/);
  });
  it('reads a GeoNames id target and a division code target', () => {
    const text = 'country,name,target,reason\r\nDE,Cologne,2886242,exonym\r\nBE,Antwerp Province,BE.VLG.VAN,"province, at its seat"\r\n';
    expect(parseAliases(text, 'a.csv')).toEqual([
      { country: 'DE', name: 'Cologne', target: { geonameId: 2886242 }, reason: 'exonym', line: 2 },
      { country: 'BE', name: 'Antwerp Province', target: { area: 'BE.VLG.VAN' }, reason: 'province, at its seat', line: 3 },
    ]);
  });
});

describe('parseCsv', () => {
  it('refuses an unterminated quoted field, naming the line it starts on', () => {
    expect(() => parseCsv('a,b\n"x,\n', 'f.csv')).toThrow(/f\.csv:2: .*unterminated/);
  });
  it('keeps line breaks inside quotes and counts lines across them', () => {
    expect(parseCsv('a,"b\nc"\nd,e\n', 'f.csv')).toEqual([{ f: ['a', 'b\nc'], line: 1 }, { f: ['d', 'e'], line: 3 }]);
  });
});
