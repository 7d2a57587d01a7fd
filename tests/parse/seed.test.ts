import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSisterCityList } from '../../src/parse/parse-list.js';

const SEED = 'data/raw/china-sister-cities.txt';
const ds = parseSisterCityList(readFileSync(SEED, 'utf8'), { source: SEED });

describe('the seed list', () => {
  it('yields the figures the issue names', () => {
    expect(ds.china.length).toBe(164);
    expect(ds.links.length).toBe(1407);
    expect(ds.partners.length).toBe(1204);
    expect(ds.countries.length).toBe(129);
    expect(new Set(ds.partners.map((p) => p.country)).size).toBe(128);
    expect(ds.links.filter((l) => l.code === null).length).toBe(2);
  });
});
