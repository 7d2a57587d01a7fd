/** Coordinates given with the input (tables, Wikidata) win over the gazetteer, marked `input`. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readList } from '../../src/parse/read-list.js';
import { placesFor } from '../../src/pipeline/geography.js';

const FILE = 'tests/fixtures/tables/german-twins.csv';

describe('placesFor on a table with coordinates', () => {
  it('places each place where the table puts it, with source input', () => {
    const ds = readList(readFileSync(FILE, 'utf8'), { source: FILE });
    const places = placesFor(ds);
    const koeln = ds.homes.find((h) => h.name === 'Köln');
    const lille = ds.partners.find((p) => p.name === 'Lille');
    expect(places.homes[koeln?.id as string]).toMatchObject({ lat: 50.9375, lon: 6.9603, source: 'input' });
    expect(places.partners[lille?.id as string]).toMatchObject({ lat: 50.6292, lon: 3.0573, source: 'input' });
  });
});
