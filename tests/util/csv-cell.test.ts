import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { neutralizeFormula, restoreFormula } from '../../src/util/csv-cell.js';
import { readList } from '../../src/parse/read-list.js';
import { toCsv } from '../../src/io/dataset-files.js';
import { writeCsvTables } from '../../src/export/csv.js';
import { UndirectedGraph } from 'graphology';

describe('neutralizeFormula', () => {
  it.each([
    ['=HYPERLINK("http://evil")', `'=HYPERLINK("http://evil")`],
    ['+cmd', `'+cmd`],
    ['-Paris', `'-Paris`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tx', `'\tx`],
    ['\rx', `'\rx`],
  ])('prefixes %j, which a spreadsheet would run, with a quote', (cell, expected) => {
    expect(neutralizeFormula(cell)).toBe(expected);
  });

  it.each(['-1.5', '+3e-7', '-0', '-.5', 'Paris', "Xi'an", '', 'a=b'])('leaves %j as it is', (cell) => {
    expect(neutralizeFormula(cell)).toBe(cell);
  });
});

describe('restoreFormula', () => {
  it('undoes neutralizeFormula for any cell not itself written with a quote before a trigger (fast-check)', () => {
    fc.assert(fc.property(fc.string(), (cell) => {
      fc.pre(!/^'[=+\-@\t\r]/.test(cell));
      expect(restoreFormula(neutralizeFormula(cell))).toBe(cell);
    }));
    expect(restoreFormula("'s-Hertogenbosch")).toBe("'s-Hertogenbosch");
    expect(restoreFormula("'-1.5")).toBe("'-1.5"); // a number is never quoted, so this quote is the data's
  });
  it('reads a neutralised name of a table back as the name', () => {
    const ds = readList("home,home-country,partner,partner-country\nKöln,Germany,'=cmd|' /C calc'!A0,France\n", { source: 't.csv' });
    expect(ds.partners[0]?.name).toBe("=cmd|' /C calc'!A0");
  });
});

describe('CSV writers', () => {
  it('neutralise formula cells in the data set tables unless raw', () => {
    expect(toCsv(['name', 'n'], [['=1+2', -2]])).toBe("name,n\n'=1+2,-2\n");
    expect(toCsv(['name', 'n'], [['=1+2', -2]], true)).toBe('name,n\n=1+2,-2\n');
  });

  it('neutralise formula cells in exported node tables unless raw', () => {
    const g = new UndirectedGraph();
    g.addNode('a', { label: '@evil' });
    expect(writeCsvTables(g, { nodeColumns: [], edgeColumns: [] }).nodes).toBe("Id,Label\na,'@evil\n");
    expect(writeCsvTables(g, { nodeColumns: [], edgeColumns: [], raw: true }).nodes).toBe('Id,Label\na,@evil\n');
  });
});
