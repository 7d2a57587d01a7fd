/**
 * communityPalette: n colours for n communities (largest first), deterministic and distinguishable
 * well past 20.
 *
 * - Colours 0–18: Kelly's colours of maximum contrast, without white and black (K. L. Kelly 1965,
 *   "Twenty-two colors of maximum contrast", Color Engineering 3(6): 26–27), in Kelly's order, so
 *   each prefix is as spread out as the set allows.
 * - Colours 19+: hues stepped by the golden angle (137.508°), which keeps any prefix evenly spread
 *   round the wheel, in HSL with lightness alternating 40 % / 62 % and saturation 70 % / 55 %. Colour i
 *   does not depend on n, so a community keeps its colour when more communities are added.
 *
 * @example
 *   communityPalette(2) // [{ r: 243, g: 195, b: 0 }, { r: 135, g: 86, b: 146 }]
 */

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/**
 * Kelly (1965), white (#F2F3F4), black (#222222) and grey (#848482) left out — grey is what
 * viewers (Gephi, the explorer) use for dimmed or unassigned nodes.
 */
export const KELLY_COLORS: readonly string[] = [
  '#F3C300', '#875692', '#F38400', '#A1CAF1', '#BE0032', '#C2B280', '#008856', '#E68FAC', '#0067A5',
  '#F99379', '#604E97', '#F6A600', '#B3446C', '#DCD300', '#882D17', '#8DB600', '#654522', '#E25822', '#2B3D26',
];

const GOLDEN_ANGLE = 180 * (3 - Math.sqrt(5)); // ≈ 137.508°

export function communityPalette(n: number): Rgb[] {
  if (!Number.isSafeInteger(n) || n < 0) throw new TypeError(`export/palette: n must be a non-negative integer, got ${n}`);
  const colors: Rgb[] = [];
  for (let i = 0; i < n; i++) {
    const fixed = KELLY_COLORS[i];
    if (fixed !== undefined) {
      colors.push(hexToRgb(fixed));
      continue;
    }
    const k = i - KELLY_COLORS.length;
    const hue = (k * GOLDEN_ANGLE + 15) % 360;
    const even = k % 2 === 0;
    colors.push(hslToRgb(hue, even ? 0.7 : 0.55, even ? 0.4 : 0.62));
  }
  return colors;
}

export function hexToRgb(hex: string): Rgb {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (m === null) throw new TypeError(`export/palette: not a #rrggbb colour: ${JSON.stringify(hex)}`);
  return { r: parseInt(m[1] as string, 16), g: parseInt(m[2] as string, 16), b: parseInt(m[3] as string, 16) };
}

/** HSL → RGB, h in degrees, s and l in [0, 1]; channels rounded to integers. */
export function hslToRgb(h: number, s: number, l: number): Rgb {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number): number => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return { r: f(0), g: f(8), b: f(4) };
}
