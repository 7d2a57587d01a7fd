import { describe, expect, it } from 'vitest';
import { communityPalette, hexToRgb, hslToRgb, KELLY_COLORS } from '../../src/export/palette.js';

const hex = ({ r, g, b }: { r: number; g: number; b: number }) => [r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('');

describe('communityPalette', () => {
  it('rejects a negative or fractional count', () => {
    expect(() => communityPalette(-1)).toThrow(/n must be/);
    expect(() => communityPalette(2.5)).toThrow(/n must be/);
  });
  it('starts with Kelly\'s twenty colours of maximum contrast', () => {
    expect(communityPalette(KELLY_COLORS.length).map((c) => `#${hex(c).toUpperCase()}`)).toEqual(KELLY_COLORS);
    expect(communityPalette(0)).toEqual([]);
  });
  it('gives 300 distinct valid colours, each independent of n', () => {
    const many = communityPalette(300);
    expect(new Set(many.map(hex)).size).toBe(300);
    for (const c of many) for (const v of [c.r, c.g, c.b]) expect(Number.isInteger(v) && v >= 0 && v <= 255).toBe(true);
    expect(communityPalette(25)).toEqual(many.slice(0, 25));
  });
  it('converts hex and HSL as expected', () => {
    expect(hexToRgb('#0067A5')).toEqual({ r: 0, g: 103, b: 165 });
    expect(hslToRgb(0, 1, 0.5)).toEqual({ r: 255, g: 0, b: 0 });
    expect(hslToRgb(120, 1, 0.25)).toEqual({ r: 0, g: 128, b: 0 });
  });
});
