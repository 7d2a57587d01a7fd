import { describe, expect, it } from 'vitest';
import { reportName } from '../../src/cli/report-command.js';

describe('reportName: the stem of a report\'s and an export\'s files', () => {
  it('is the input file\'s name without its extension, or the default list\'s, or stdin', () => {
    expect(reportName(undefined)).toBe('china-sister-cities');
    expect(reportName('-')).toBe('stdin');
    expect(reportName('data/german-list.txt')).toBe('german-list');
    expect(reportName('a/b.c.csv')).toBe('b.c');
    expect(reportName('noext')).toBe('noext');
  });
  it('never names a hidden file: leading dots go, and a name of dots alone is `report`', () => {
    expect(reportName('..txt')).toBe('report');
    expect(reportName('.txt')).toBe('report');
    expect(reportName('dir/.hidden.txt')).toBe('hidden');
    expect(reportName('...')).toBe('report');
  });
});
