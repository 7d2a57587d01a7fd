import { describe, expect, it } from 'vitest';
import { append } from '../../src/util/append.js';
import { textTable } from '../../src/cli/query-commands.js';

describe('append', () => {
  it('pushes every item in order, as push(...items) does on small inputs', () => {
    const a = [1, 2];
    expect(append(a, [3, 4, 5])).toBe(a);
    expect(a).toEqual([1, 2, 3, 4, 5]);
    expect(append([], new Set(['x', 'y']))).toEqual(['x', 'y']);
  });
  it('takes a million items, where a spread overflows the stack', () => {
    const items = Array.from({ length: 1_000_000 }, (_, i) => i);
    expect(() => [].push(...(items as never[]))).toThrow(RangeError);
    const out = append([-1], items);
    expect(out.length).toBe(1_000_001);
    expect(out[0]).toBe(-1);
    expect(out[1_000_000]).toBe(999_999);
  });
});

describe('textTable', () => {
  it('aligns a table of 300,000 rows (widths without a spread of every row)', () => {
    const rows = Array.from({ length: 300_000 }, (_, i) => [`p${i}`, i]);
    const text = textTable(['place', 'n'], rows);
    const lines = text.split('\n');
    // widths: 7 ('p299999') and 6 ('299999'); two spaces between columns, numbers right-aligned
    expect(lines[0]).toBe(`${'place'.padEnd(7)}  ${'n'.padStart(6)}`);
    expect(lines[1]).toBe('-------  ------');
    expect(lines[2]).toBe(`${'p0'.padEnd(7)}  ${'0'.padStart(6)}`);
    expect(lines.at(-1)).toBe('p299999  299999');
  });
  it('aligns by the columns a terminal gives each cell: wide CJK and emoji two, combining marks none (found by the probe)', () => {
    // 北京 and 🇫🇷 take 2 columns per character / flag; e + U+0301 is one column; Zürich (NFC) six
    const text = textTable(['place', 'n'], [['北京', 1], ['🇫🇷 Lyon', 22], ['Cafe\u0301', 333], ['Zürich', 4]]);
    expect(text.split('\n')).toEqual([
      'place      n',
      '-------  ---',
      '北京       1',
      '🇫🇷 Lyon   22',
      'Cafe\u0301     333',
      'Zürich     4',
    ]);
  });
});
