import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { writeLinkTable } from '../../src/io/table-writer.js';
import { readList } from '../../src/parse/read-list.js';
import type { Dataset } from '../../src/parse/types.js';

/** What a data set says about the network, without where in the input each thing stood. */
function network(ds: Dataset) {
  return {
    home: ds.home,
    homes: ds.homes.map(({ line: _l, section: _s, ...h }) => h),
    partners: ds.partners.map(({ lines: _l, ...p }) => p),
    links: ds.links.map(({ line: _l, ...l }) => l),
    countries: ds.countries,
    domesticLinks: (ds.domesticLinks ?? []).map(({ line: _l, ...l }) => l),
    domesticPlaces: (ds.domesticPlaces ?? []).map(({ line: _l, section: _s, ...h }) => h),
    diagnostics: ds.diagnostics.filter((d) => d.code !== 'blank-in-list').map((d) => `${d.severity} ${d.code}: ${d.message}`).sort(),
  };
}

describe('writeLinkTable', () => {
  it('refuses a data set whose link names a place it does not hold', () => {
    const ds = readList('==A==\nAnqing\n- JPN Ibaraki, Japan\n');
    expect(() => writeLinkTable({ ...ds, links: [{ homeId: 'cn:nowhere', partnerId: 'p:ibaraki-japan', line: 3, code: null }] }))
      .toThrow('io/table-writer: link to cn:nowhere, which the data set does not hold');
  });
  it('writes one row per link with the role names as header', () => {
    const ds = readList('==A==\nSuzhou, Jiangsu – Gusu\n- ENG Chester, United Kingdom\n- Perth, Scotland, United Kingdom\n');
    expect(writeLinkTable(ds)).toBe(
      'home,home-country,partner,partner-region,partner-country,code\n' +
      'Suzhou, Jiangsu – Gusu,China,Chester,,United Kingdom,ENG\n'.replace('Suzhou, Jiangsu – Gusu', '"Suzhou, Jiangsu – Gusu"') +
      '"Suzhou, Jiangsu – Gusu",China,Perth,Scotland,United Kingdom,\n',
    );
  });
  it('round-trips the seed: parsed, written as a table, read back → the same homes, partners, links, countries and findings', () => {
    const seed = readList(readFileSync('data/raw/china-sister-cities.txt', 'utf8'));
    const back = readList(writeLinkTable(seed), { source: 'table.csv' });
    expect(back.source.path).toBe('table.csv');
    expect(network(back)).toEqual(network(seed));
  });
  it('round-trips a table with domestic pairs, coordinates, ids and dates', () => {
    const first = readList(readFileSync('tests/fixtures/tables/wikidata-germany.json', 'utf8'));
    const back = readList(writeLinkTable(first), { source: 'table.csv' });
    expect(network(back).links).toEqual(network(first).links);
    expect(network(back).homes).toEqual(network(first).homes);
    expect(network(back).partners).toEqual(network(first).partners);
    expect(network(back).domesticLinks).toEqual(network(first).domesticLinks);
    expect(network(back).domesticPlaces).toEqual(network(first).domesticPlaces);
  });
});
