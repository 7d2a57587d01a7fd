import { describe, expect, it } from 'vitest';
import { placeKey, withoutAreaWords, withoutSuffix } from '../../src/geo/place-key.js';

describe('placeKey', () => {
  it.each([
    ["Xi'an", 'xian'],
    ['Xi’an', 'xian'],
    ['Modi‘in Makkabbim Re‘ut', 'modiin makkabbim reut'],
    ['Gießen', 'giessen'],
    ['Ürümqi', 'urumqi'],
    ['Saint-Denis', 'saint denis'],
    ['Ålesund', 'alesund'],
    ['Łódź', 'lodz'],
  ])('folds %s to %s', (name, key) => {
    expect(placeKey(name)).toBe(key);
  });
});

describe('withoutSuffix', () => {
  it('returns null for a name without an administrative suffix, or made of the suffix alone', () => {
    expect(withoutSuffix('perth')).toBeNull();
    expect(withoutSuffix('si')).toBeNull();
  });
  it.each([['goyang si', 'goyang'], ['gifu shi', 'gifu'], ['gurye gun', 'gurye'], ['dong gu', 'dong']])('drops the suffix of %s', (key, out) => {
    expect(withoutSuffix(key)).toBe(out);
  });
});

describe('withoutAreaWords', () => {
  it('returns null when there is nothing to drop, or nothing but area words', () => {
    expect(withoutAreaWords('antwerpen')).toBeNull();
    expect(withoutAreaWords('city of the county')).toBeNull();
  });
  it.each([
    ['antwerp province', 'antwerp'],
    ['canton of bern', 'bern'],
    ['county meath', 'meath'],
    ['provincie antwerpen', 'antwerpen'],
    ['borough of tameside', 'tameside'],
    ['davao city', 'davao'],
  ])('reads %s as %s', (key, out) => {
    expect(withoutAreaWords(key)).toBe(out);
  });
});

describe('placeKey: abbreviations', () => {
  it('spells out St, Ste, Mt and Ft as words, so that either spelling finds the other', () => {
    expect(placeKey('St. Louis')).toBe(placeKey('Saint Louis'));
    expect(placeKey('Ste-Foy')).toBe('sainte foy');
    expect(placeKey('Mt. Vernon')).toBe('mount vernon');
    expect(placeKey('Ft Worth')).toBe('fort worth');
    expect(['Stuttgart', 'Mtskheta', 'Steyr'].map(placeKey)).toEqual(['stuttgart', 'mtskheta', 'steyr']);
  });
});

