import { describe, expect, it } from 'vitest';
import { rdfTermProblem, rdfTermValue } from '../../../src/parse/table/rdf-terms.js';
import { readList } from '../../../src/parse/read-list.js';

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

describe('rdfTermProblem: a TSV field no RDF term reads (found by the probe: "Oxford became a label with its quote)', () => {
  it.each(['', 'plain', '3644826', '<http://www.wikidata.org/entity/Q64>', '"Köln"@de', '"Köln"@de-CH', '"DE"', '"""long "quoted" text"""',
    '"Point(6.95 50.93)"^^<http://www.opengis.net/ont/geosparql#wktLiteral>', '"Say \\"hi\\""@en', '_:b0'])('finds nothing wrong with %j', (field) => {
    expect(rdfTermProblem(field)).toBeNull();
  });
  it.each([
    ['"Oxford', '"\\"Oxford" opens a literal that no quote closes'],
    ['"Oxford\\"', '"\\"Oxford\\\\\\"" opens a literal that no quote closes'],
    ['"Oxford" en', '"\\"Oxford\\" en": after the literal\'s closing quote, " en" is no language tag (@en) or datatype (^^<…>)'],
    ['"Oxford"@', '"\\"Oxford\\"@": after the literal\'s closing quote, "@" is no language tag (@en) or datatype (^^<…>)'],
  ])('says what is wrong with %j', (field, message) => {
    expect(rdfTermProblem(field)).toBe(message);
  });
  it('refuses the TSV download with such a field, naming the file, line and column', () => {
    const tsv = '?homeLabel\t?homeCountryLabel\t?partnerLabel\t?partnerCountryLabel\n"Bonn"@en\t"Germany"@en\t"Oxford"@en\t"United Kingdom"@en\n"Köln"@en\t"Germany"@en\t"Lille\t"France"@en\n';
    expect(() => readList(tsv, { source: 'w.tsv' })).toThrow(/^w\.tsv:3: column "partnerLabel": "\\"Lille" opens a literal that no quote closes/);
  });
});
