import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { detectDelimiter, eachDelimitedRecord, excelSeparator, readDelimited, tableRows } from '../../../src/parse/table/delimited.js';
import { readList } from '../../../src/parse/read-list.js';
import type { Delimiter, TableRow } from '../../../src/parse/table/delimited.js';
import { InputError } from '../../../src/util/errors.js';

describe('readDelimited: what it refuses', () => {
  it('refuses an empty text, and one of blank lines, naming the file', () => {
    expect(() => readDelimited('', 'x.csv')).toThrow(/^x\.csv: file is empty/);
    expect(() => readDelimited('\n \n', 'x.csv')).toThrow(InputError);
  });
  it('refuses a header without delimiter, with its line', () => {
    expect(() => readDelimited('\nhome partner\n', 'x.csv')).toThrow(/^x\.csv:2: not a table/);
  });
  it('refuses a quote left open at the end when the rows are read, naming the file and the line it opens on', () => {
    expect(() => tableRows(readDelimited('home,partner\nKöln,"Lille\n', 'x.csv'))).toThrow(/^x\.csv:2: cannot read the table: a quoted cell is never closed/);
    expect(() => tableRows(readDelimited('home,partner\nKöln,Bonn\n\nx,"y\nz\n', 'x.csv'))).toThrow(/^x\.csv:4: cannot read the table/);
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
    const { rows, blankLines } = tableRows(t);
    expect(rows).toEqual([
      { cells: ['Köln', 'Washington, D.C.'], line: 2, lines: 1 },
      { cells: ['Bonn', 'The "Big"\nApple'], line: 4, lines: 2 },
      { cells: ['Berlin', 'Paris'], line: 6, lines: 1 },
    ]);
    // 6 lines: the header, 4 of rows, 1 blank
    expect([t.lines, blankLines, t.delimiter, t.rdfTerms]).toEqual([6, 1, ',', false]);
  });
  it('keeps ragged rows as they are, for the reader to refuse', () => {
    expect(tableRows(readDelimited('a;b;c\n1;2\n1;2;3;4\n', 'x.csv')).rows.map((r) => r.cells.length)).toEqual([2, 4]);
  });
  it('reads a SPARQL results TSV: ?variables as header, RDF terms as their values, quotes not RFC 4180', () => {
    const t = readDelimited('?home\t?homeLabel\n<http://www.wikidata.org/entity/Q64>\t"Berlin"@en\n', 'x.tsv');
    expect(t.header).toEqual(['home', 'homeLabel']);
    expect(tableRows(t).rows).toEqual([{ cells: ['http://www.wikidata.org/entity/Q64', 'Berlin'], line: 2, lines: 1 }]);
    expect(t.rdfTerms).toBe(true);
  });
});

describe('eachDelimitedRecord: the same records as csv-parse', () => {
  /** csv-parse 5.6 with the options twinnet used to read tables with: each record, its first line and its line count. */
  const csvParse = (body: string, delimiter: Delimiter): { cells: string[]; line: number; lines: number }[] | 'error' => {
    let parsed: { record: string[]; info: { lines: number; empty_lines: number } }[];
    try {
      parsed = parse(body, { delimiter, info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true });
    } catch {
      return 'error';
    }
    let end = 0, empty = 0;
    return parsed.map(({ record, info }) => {
      const line = end + 1 + (info.empty_lines - empty);
      end = info.lines; empty = info.empty_lines;
      return { cells: record, line, lines: info.lines - line + 1 };
    });
  };
  const ours = (body: string, delimiter: Delimiter): TableRow[] | 'error' => {
    const rows: TableRow[] = [];
    try {
      eachDelimitedRecord(body, delimiter, 'x.csv', (r) => { rows.push(r); });
    } catch (e) {
      if (e instanceof InputError) return 'error';
      throw e;
    }
    return rows;
  };
  it('on random text of quotes, delimiters, line ends, spaces and letters (fast-check)', () => {
    const char = fc.constantFrom('a', 'b', 'é', ' ', ',', ';', '\t', '"', '""', '\n', '\n\n');
    fc.assert(fc.property(fc.array(char, { maxLength: 40 }), fc.constantFrom<Delimiter>(',', ';', '\t'), (chars, delimiter) => {
      const body = chars.join('');
      expect(ours(body, delimiter)).toEqual(csvParse(body, delimiter));
    }), { numRuns: 5000, seed: 42 });
  });
  it.each([
    ['"a"b,c\nd,"e"\n', [['"a"b', 'c'], ['d', 'e']]],
    ['"a,b"c,d\n', [['"a,b"c', 'd']]],
    ['"a""b"x,d\n', [['"a"b"x', 'd']]],
    [' "a",b\n', [[' "a"', 'b']]],
    ['a,\n,\n', [['a', ''], ['', '']]],
  ])('reads %j as csv-parse does: %j', (body, records) => {
    expect((ours(body, ',') as TableRow[]).map((r) => r.cells)).toEqual(records);
    expect(csvParse(body, ',')).not.toBe('error');
  });
});

describe("Excel's sep= line", () => {
  // Found by the probe: a table saved by Excel with `sep=;` first was refused.
  it('takes the delimiter it names and reads the next line as the header, the lines keeping their numbers', () => {
    const ds = readList('sep=;\r\ncity;country;partner;partner_country\r\nBonn;Germany;Oxford;United Kingdom\r\nBonn;Germany;Dresden\r\n', { source: 'x.csv' });
    expect(ds.links.map((l) => [l.homeId, l.partnerId, l.line])).toEqual([['de:bonn', 'p:oxford-united-kingdom', 3]]);
    expect(ds.diagnostics.find((d) => d.severity === 'error')?.line).toBe(4); // the ragged row, on its own line
    expect(excelSeparator('sep=,')).toBe(',');
    expect(excelSeparator('sep=\t')).toBe('\t');
    expect(excelSeparator('separate,columns')).toBeNull();
  });
});
