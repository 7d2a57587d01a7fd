import { describe, expect, it } from 'vitest';
import { detectDelimiter, readDelimited } from '../../../src/parse/table/delimited.js';
import { InputError } from '../../../src/util/errors.js';

describe('readDelimited: what it refuses', () => {
  it('refuses an empty text, and one of blank lines, naming the file', () => {
    expect(() => readDelimited('', 'x.csv')).toThrow(/^x\.csv: file is empty/);
    expect(() => readDelimited('\n \n', 'x.csv')).toThrow(InputError);
  });
  it('refuses a header without delimiter, with its line', () => {
    expect(() => readDelimited('\nhome partner\n', 'x.csv')).toThrow(/^x\.csv:2: not a table/);
  });
  it('refuses a quote left open at the end, naming the file', () => {
    expect(() => readDelimited('home,partner\nKöln,"Lille\n', 'x.csv')).toThrow(/^x\.csv(:\d+)?: cannot read the table/);
  });
});

describe('readDelimited: what it reads', () => {
  it.each([
    ['home,partner', ','], ['home\tpartner', '\t'], ['home;partner', ';'],
    ['"a,b";c;d', ';'], ['home', null],
  ])('detects the delimiter of %j as %j', (line, delimiter) => {
    expect(detectDelimiter(line)).toBe(delimiter);
  });
  it('reads RFC 4180 quoting: delimiters, doubled quotes and line breaks inside quotes, each row with its first line', () => {
    const t = readDelimited('\uFEFFhome,partner\r\nKöln,"Washington, D.C."\r\n\r\nBonn,"The ""Big""\r\nApple"\r\nBerlin,Paris', 'x.csv');
    expect(t.header).toEqual(['home', 'partner']);
    expect(t.rows).toEqual([
      { cells: ['Köln', 'Washington, D.C.'], line: 2, lines: 1 },
      { cells: ['Bonn', 'The "Big"\nApple'], line: 4, lines: 2 },
      { cells: ['Berlin', 'Paris'], line: 6, lines: 1 },
    ]);
    // 6 lines: the header, 4 of rows, 1 blank
    expect([t.lines, t.blankLines, t.delimiter, t.rdfTerms]).toEqual([6, 1, ',', false]);
  });
  it('keeps ragged rows as they are, for the reader to refuse', () => {
    expect(readDelimited('a;b;c\n1;2\n1;2;3;4\n', 'x.csv').rows.map((r) => r.cells.length)).toEqual([2, 4]);
  });
  it('reads a SPARQL results TSV: ?variables as header, RDF terms as their values, quotes not RFC 4180', () => {
    const t = readDelimited('?home\t?homeLabel\n<http://www.wikidata.org/entity/Q64>\t"Berlin"@en\n', 'x.tsv');
    expect(t.header).toEqual(['home', 'homeLabel']);
    expect(t.rows).toEqual([{ cells: ['http://www.wikidata.org/entity/Q64', 'Berlin'], line: 2, lines: 1 }]);
    expect(t.rdfTerms).toBe(true);
  });
});
