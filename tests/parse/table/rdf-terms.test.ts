import { describe, expect, it } from 'vitest';
import { rdfTermValue } from '../../../src/parse/table/rdf-terms.js';

describe('rdfTermValue: SPARQL results TSV terms', () => {
  it.each([
    ['', ''],
    ['not a term', 'not a term'],
    ['"unterminated', '"unterminated'],
  ])('leaves %j, which is no quoted term, as it is', (field, value) => {
    expect(rdfTermValue(field)).toBe(value);
  });
  it.each([
    ['<http://www.wikidata.org/entity/Q64>', 'http://www.wikidata.org/entity/Q64'],
    ['"Köln"@de', 'Köln'],
    ['"DE"', 'DE'],
    ['"Point(6.95 50.93)"^^<http://www.opengis.net/ont/geosparql#wktLiteral>', 'Point(6.95 50.93)'],
    ['"1958-01-01T00:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime>', '1958-01-01T00:00:00Z'],
    ['3644826', '3644826'],
    ['"Say \\"hi\\"\\tthere"@en', 'Say "hi"\tthere'],
    ['"caf\\u00E9"', 'café'],
    ['"""long "quoted" text"""', 'long "quoted" text'],
    ['_:b0', '_:b0'],
  ])('reads %j as %j', (field, value) => {
    expect(rdfTermValue(field)).toBe(value);
  });
});
