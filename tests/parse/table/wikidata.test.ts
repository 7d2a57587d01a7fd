/**
 * The Wikidata Query Service's three downloads of one result of the README's query (Germany, Q183),
 * made by hand in each format as the SPARQL 1.1 Query Results documents specify them: CSV (plain
 * values, CRLF), TSV (`?variables`, RDF terms) and JSON (`head.vars`, `results.bindings`).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat, readList } from '../../../src/parse/read-list.js';
import type { Dataset } from '../../../src/parse/types.js';
import { InputError } from '../../../src/util/errors.js';

const FIXTURE = 'tests/fixtures/tables/wikidata-germany';
const read = (ext: string) => readList(readFileSync(`${FIXTURE}.${ext}`, 'utf8'), { source: `${FIXTURE}.${ext}` });
const content = ({ source: _source, ...rest }: Dataset) => rest;

describe('Wikidata downloads: what they refuse', () => {
  it('refuses JSON that is no SPARQL result, and broken JSON, naming the file', () => {
    expect(() => readList('{"head": {"link": []}}', { source: 'r.json', format: 'sparql-json' })).toThrow(/^r\.json:1: not a SPARQL SELECT result/);
    expect(() => readList('{"head": {"vars": [', { source: 'r.json', format: 'sparql-json' })).toThrow(InputError);
  });
  it('refuses a result whose term is no {"type", "value"} object of strings, naming the result and the variable', () => {
    const doc = (term: string) => `{"head": {"vars": ["homeLabel", "homeCountryLabel", "partnerLabel", "partnerCountryLabel"]}, "results": {"bindings": [
      {"homeLabel": {"type": "literal", "value": "Bonn"}, "homeCountryLabel": {"type": "literal", "value": "Germany"}, "partnerLabel": {"type": "literal", "value": "Oxford"}, "partnerCountryLabel": {"type": "literal", "value": "United Kingdom"}},
      {"homeLabel": ${term}, "homeCountryLabel": {"type": "literal", "value": "Germany"}, "partnerLabel": {"type": "literal", "value": "Reims"}, "partnerCountryLabel": {"type": "literal", "value": "France"}}]}}`;
    for (const term of ['{"type": "literal", "value": 123}', '{"type": "literal", "value": null}', '"Aachen"', 'null', '{"value": "Aachen"}']) {
      expect(() => readList(doc(term), { source: 'r.json' }), term).toThrow(/^r\.json: result 2 of results\.bindings: \?homeLabel is not an RDF term/);
    }
    expect(readList(doc('{"type": "literal", "value": "Aachen"}'), { source: 'r.json' }).homes.map((h) => h.name)).toEqual(['Bonn', 'Aachen']);
    expect(() => readList('{"head": {"vars": ["a"]}, "results": {"bindings": [1]}}', { source: 'r.json', format: 'sparql-json' })).toThrow(/result 1 of results\.bindings is not an object/);
  });
});

describe('Wikidata downloads: what they give', () => {
  const csv = read('csv');
  it('detects the CSV and TSV downloads as tables and the JSON one as sparql-json', () => {
    expect(['csv', 'tsv', 'json'].map((ext) => detectFormat(readFileSync(`${FIXTURE}.${ext}`, 'utf8')).id)).toEqual(['table', 'table', 'sparql-json']);
  });
  it('detects and reads the JSON saved on one line, or with "results" before "head", as the same data set', () => {
    const doc = JSON.parse(readFileSync(`${FIXTURE}.json`, 'utf8')) as { head: unknown; results: unknown };
    for (const text of [JSON.stringify(doc), JSON.stringify(doc, null, 1).replace(/\n\s*/g, ' '), JSON.stringify({ results: doc.results, head: doc.head })]) {
      expect(detectFormat(text).id).toBe('sparql-json');
      expect(content(readList(text, { source: 'one-line.json' }))).toEqual(content(read('json')));
    }
  });
  it('reads the same data set from the CSV, TSV and JSON downloads', () => {
    expect(content(read('tsv'))).toEqual(content(csv));
    expect(content(read('json'))).toEqual(content(csv));
  });
  it('takes the QIDs as identity and keeps items, coordinates (WKT, longitude first), population and dates', () => {
    expect(csv.homes.map((h) => [h.id, h.wikidata])).toEqual([
      ['de:cologne', 'Q365'], ['de:berlin', 'Q64'], ['de:hamburg', 'Q1055'], ['de:munich', 'Q1726'], ['de:dusseldorf', 'Q1718'],
    ]);
    expect(csv.homes[0]).toMatchObject({ lat: 50.936388888, lon: 6.958333333, population: 1085664 });
    expect(csv.links.find((l) => l.homeId === 'de:dusseldorf')).toMatchObject({ partnerId: 'p:moscow-russia', start: '1992-01-01', end: '2022-03-01' });
    expect(csv.partners.find((p) => p.wikidata === 'Q956')).toMatchObject({ label: 'Beijing', countryWritten: "People's Republic of China", country: 'CN' });
  });
  it('merges the rows Wikidata repeats per population value, and the domestic pair given both ways', () => {
    // 17 rows: Cologne has two populations, so each of its 3 pairs comes twice; Hamburg–Dresden comes both ways
    expect([csv.links.length, csv.partners.length, csv.domesticLinks?.length]).toEqual([12, 11, 1]);
    expect(csv.diagnostics.map((d) => [d.code, d.lines])).toEqual([
      ['duplicate-row', [2, 3]], ['duplicate-row', [4, 5]], ['duplicate-row', [6, 7]],
      ['domestic-pairs', [12]], ['reverse-pair', [12, 13]],
    ]);
  });
});

describe('Wikidata downloads: items without a label', () => {
  it('warns when the label service gave bare item ids for names (found by the probe: "Q4115712, Iran" in a report)', () => {
    const csv = ['homeLabel,homeCountryLabel,partnerLabel,partnerCountryLabel', 'Izmir,Turkey,Q4115712,Iran', 'Izmir,Turkey,Bremen,Germany',
      'Bursa,Turkey,Q4115712,Iran', 'Q99999,Turkey,Q77,Uruguay', 'Bursa,Turkey,Q-Park,Netherlands'].join('\n');
    const ds = readList(csv, { source: 'tr.csv' });
    const w = ds.diagnostics.filter((d) => d.code === 'unlabelled-item');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ severity: 'warning', lines: [2, 4, 5, 5] });
    expect(w[0]?.message).toContain('3 places are named by a bare Wikidata item id (Q4115712, Q99999, Q77)');
    // the rows are still read, as given
    expect(ds.links).toHaveLength(5);
    expect(readList(csv.split('\n').filter((l) => !/Q\d/.test(l)).join('\n'), { source: 'tr.csv' }).diagnostics.map((d) => d.code)).not.toContain('unlabelled-item');
  });
});

describe('Wikidata downloads: one item given two positions (found by the probe: Bergen given at Oslo on one row)', () => {
  it('keeps the first and warns, naming the rows and how far off', () => {
    const csv = ['item,itemLabel,countryLabel,partner,partnerLabel,partnerCountryLabel,partnerCoord',
      'http://www.wikidata.org/entity/Q5083,Seattle,United States,http://www.wikidata.org/entity/Q26793,Bergen,Norway,Point(10.75 59.91)',
      'http://www.wikidata.org/entity/Q33405,Little Rock,United States,http://www.wikidata.org/entity/Q26793,Bergen,Norway,Point(5.3242 60.3925)',
      'http://www.wikidata.org/entity/Q33405,Little Rock,United States,http://www.wikidata.org/entity/Q1748,Copenhagen,Denmark,Point(12.5683 55.6761)'].join('\n');
    const ds = readList(csv, { source: 'us.csv' });
    expect(ds.partners.find((p) => p.wikidata === 'Q26793')).toMatchObject({ lat: 59.91, lon: 10.75 });
    const w = ds.diagnostics.filter((d) => d.code === 'conflicting-coordinates');
    expect(w).toMatchObject([{ severity: 'warning', lines: [3] }]);
    expect(w[0]?.message).toMatch(/"Bergen" 30\d km off on line 3/);
  });
});
