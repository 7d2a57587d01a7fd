import { describe, expect, it } from 'vitest';
import { foldName, searchKey } from '../../src/util/fold.js';

describe('searchKey', () => {
  it.each([
    ['Hafnarfjörður', 'hafnarfjordur'],
    ['Þórshöfn', 'thorshofn'],
    ['Łódź', 'lodz'],
    ['Gießen', 'giessen'],
    ['Ærøskøbing', 'aeroskobing'],
    ["Xi'an", 'xian'],
  ])('reads %s as %s, as typed on a plain keyboard', (name, key) => {
    expect(searchKey(name)).toBe(key);
  });
  it('leaves foldName, the parser\'s identity key, as it was', () => {
    expect(foldName('Hafnarfjörður')).toBe('hafnarfjorður');
  });
});

describe('searchKey: St and Ste', () => {
  it('searches St / St. / Ste as Saint / Sainte, as whole words only', () => {
    expect(searchKey('St Albans')).toBe(searchKey('Saint Albans'));
    expect(searchKey('St. Gallen')).toBe('saint gallen');
    expect(searchKey('Ste-Foy')).toBe('sainte foy');
    expect(['Stuttgart', 'Aust', 'Steyr', 'Sankt Pölten'].map(searchKey)).toEqual(['stuttgart', 'aust', 'steyr', 'sankt polten']);
  });
});
