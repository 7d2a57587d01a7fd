/**
 * The binary index against a straightforward gazetteer (plain arrays and maps) built from the same
 * GeoNames data: every placement of a varied set of inputs must be the same.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGazetteerIndex, memoryReader, openGazetteer } from '../../src/geo/gazetteer.js';
import { gazetteerInputFromPackages } from '../../src/geo/gazetteer-source.js';
import { geocodeDataset } from '../../src/geo/geocode.js';
import { loadPlaceReferences } from '../../src/geo/place-references.js';
import { readList } from '../../src/parse/read-list.js';
import { plainGazetteer } from './plain-gazetteer.js';

const INPUTS = [
  'data/raw/china-sister-cities.txt', // Chinese homes, partners in 130 countries and territories
  'tests/fixtures/german-list.txt', // German homes, wiki-list format
  'tests/fixtures/tables/german-twins.csv', // a table (its coordinates are not used here)
  'tests/fixtures/tables/wikidata-germany.csv', // a Wikidata export
  'tests/fixtures/tables/german-exonyms.csv', // German names of foreign places (Prag, Mailand): GeoNames' alternate names
  'tests/fixtures/tables/french-partners.csv', // French names (Londres, Francfort, Canton)
];

describe('the binary gazetteer index', () => {
  const input = gazetteerInputFromPackages();
  const fast = openGazetteer(memoryReader(buildGazetteerIndex(input)));
  const plain = plainGazetteer(input);
  const references = loadPlaceReferences();

  it.each(INPUTS)('places every home entry and partner of %s as the plain gazetteer does', (file) => {
    const ds = readList(readFileSync(file, 'utf8'), { source: file });
    const a = geocodeDataset(ds, fast, references), b = geocodeDataset(ds, plain, references);
    expect(a.homes).toEqual(b.homes);
    expect(a.partners).toEqual(b.partners);
    expect(a.unplaced).toEqual(b.unplaced);
    expect(a.ambiguous).toEqual(b.ambiguous);
    expect(Object.values(a.partners).filter((p) => p.source === 'geonames').length).toBeGreaterThan(5);
  });

  it('agrees with the plain gazetteer on the records of sampled places and areas, by GeoNames id and code', () => {
    for (let i = 0; i < input.places.length; i += 997) {
      const id = input.places[i]!.geonameId;
      expect(fast.place(fast.indexOfGeonameId(id))).toEqual(plain.place(plain.indexOfGeonameId(id)));
    }
    for (let j = 0; j < input.areas.length; j += 211) {
      const code = input.areas[j]!.code;
      const a = fast.area(fast.indexOfArea(code)), b = plain.area(plain.indexOfArea(code));
      expect({ ...a, seat: a.seat < 0 ? null : fast.place(a.seat) }).toEqual({ ...b, seat: b.seat < 0 ? null : plain.place(b.seat) });
    }
  });
});
