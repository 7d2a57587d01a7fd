import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSisterCityList } from '../../src/parse/parse-list.js';

const SEED = 'data/raw/china-sister-cities.txt';
const ds = parseSisterCityList(readFileSync(SEED, 'utf8'), { source: SEED });
const diag = (code: string) => ds.diagnostics.filter((d) => d.code === code);

describe('the seed list', () => {
  it('yields 164 Chinese entries, 1,407 links and 1,204 distinct foreign partners', () => {
    expect(ds.homes.length).toBe(164);
    expect(ds.links.length).toBe(1407);
    expect(ds.partners.length).toBe(1204);
  });
  it('has 129 countries as written, resolving to 128 sovereign states', () => {
    expect(ds.countries.length).toBe(129);
    expect(new Set(ds.partners.map((p) => p.country)).size).toBe(128);
    expect(ds.partners.every((p) => p.country !== null)).toBe(true);
    expect(ds.partners.find((p) => p.name === 'Faaa')).toMatchObject({ country: 'FR', territory: 'PF' });
    expect(ds.countries.find((c) => c.written === 'Congo')?.sovereign?.alpha2).toBe('CG');
    expect(ds.countries.find((c) => c.written === 'Surinam')?.sovereign?.alpha3).toBe('SUR');
  });
  it('has two partner lines without a code, both Belfast', () => {
    const missing = ds.links.filter((l) => l.code === null);
    expect(missing.map((l) => l.line)).toEqual([594, 1259]);
    expect(diag('missing-code').map((d) => d.line)).toEqual([594, 1259]);
  });
  it('accounts for all 1,925 lines', () => {
    expect(Object.values(ds.lineKinds).reduce((a, b) => a + b, 0)).toBe(1925);
    expect(ds.lineKinds).toMatchObject({ title: 1, intro: 1, section: 22, 'home-header': 164, partner: 1407, unparsed: 0 });
  });
  it('makes Phnom Penh one partner with six Chinese partners', () => {
    expect(ds.partners.find((p) => p.name === 'Phnom Penh')?.homeIds).toHaveLength(6);
  });
  it('reports the seven homonyms, Perth among them', () => {
    expect(diag('homonym').map((d) => d.message.split('"')[1]).sort()).toEqual(
      ['Birmingham', 'Hamilton', 'Ipswich', 'London', 'Perth', 'Richmond', 'Victoria']);
  });
  it('finds Bengbu and Huainan with identical lists of five partners', () => {
    expect(diag('identical-partner-lists').map((d) => d.message)).toEqual([
      '"Bengbu" and "Huainan" have identical partner lists (5 partners each)']);
  });
  it('flags Wilmington, United States under two Chinese cities', () => {
    const w = diag('us-name-without-state').filter((d) => d.severity === 'warning');
    expect(w.map((d) => d.message.split('"')[1])).toEqual(['Wilmington, United States']);
  });
  it('links the Suzhou districts to Suzhou, Jiangsu and the Wuxi districts to Wuxi', () => {
    const byName = new Map(ds.homes.map((c) => [c.name, c]));
    for (const d of ['Suzhou – Gusu', 'Suzhou – Wujiang', 'Suzhou – Wuzhong']) expect(byName.get(d)?.parentId).toBe('cn:suzhou-jiangsu');
    expect(byName.get('Wuxi – Binhu')?.parentId).toBe('cn:wuxi');
    expect(ds.homes.filter((c) => c.kind === 'district').every((c) => c.parentId !== null)).toBe(true);
  });
  it('reports the codes that are not ISO and the ones that disagree with the name', () => {
    const nonIso = diag('non-iso-code').map((d) => d.message.split(' ')[2]).sort();
    expect(nonIso).toEqual(expect.arrayContaining(['DEN', 'ENG', 'GER', 'RSA', 'SCO', 'WAL']));
    expect(diag('code-is-territory').map((d) => d.message.split(' ')[2]).sort()).toEqual(['ALA', 'REU']);
    expect(diag('mixed-codes').map((d) => d.message)).toContain('Denmark is written with several flag codes: DEN (13), DNK (1)');
  });
  it('keeps every link traceable to its line', () => {
    const lines = readFileSync(SEED, 'utf8').split('\n');
    const byId = new Map(ds.partners.map((p) => [p.id, p]));
    for (const l of ds.links) expect(lines[l.line - 1]).toContain(byId.get(l.partnerId)?.label);
  });
});
