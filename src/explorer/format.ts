/**
 * Numbers and communities in the explorer's side panel, in words a reader takes in at a glance: no
 * e-notation for a centrality (an eigenvector value of 5.65e-33 is a rounding residue, not a
 * measurement), a community with its size and most frequent country rather than a bare number.
 *
 * @example
 *   panelNumber(0.123456)  // '0.1235'
 *   panelNumber(5.65e-33)  // '≈ 0'
 *   panelNumber(0.00004)   // '< 0.0001'
 */

/** Below this a value is shown as "< 0.0001". */
export const SMALLEST_SHOWN = 1e-4;
/** Below this a value is a residue of floating-point arithmetic: "≈ 0". */
export const NUMERICAL_ZERO = 1e-12;

/** A measure's value for the panel: 4 significant digits, small values in words. */
export function panelNumber(v: number | null): string {
  if (v === null || Number.isNaN(v)) return '–';
  if (v === 0) return '0';
  const abs = Math.abs(v);
  if (abs < NUMERICAL_ZERO) return '≈ 0';
  if (abs < SMALLEST_SHOWN) return v < 0 ? '> −0.0001' : '< 0.0001';
  if (abs >= 1e6) return v.toExponential(2);
  return String(Number(v.toPrecision(4)));
}

/** A p-value: 3 significant digits, e-notation below 0.001 (p-values that small are the point). */
export function panelP(p: number): string {
  return p !== 0 && p < 1e-3 ? p.toExponential(2) : String(Number(p.toPrecision(3)));
}

/** A community of the payload: its size and its most frequent country (name, share of the counted links or members). */
export type CommunityInfo = [size: number, country: string | null, share: number];

/**
 * "community 6 (3 places; partners most often in Hungary, 19 %)": `what` says whose countries were
 * counted ("partners most often in" for home places, "most often in" for foreign ones).
 */
export function communityText(id: number | null, info: CommunityInfo | undefined, what: string): string {
  if (id === null) return '–';
  if (!info) return `community ${id}`;
  const [size, country, share] = info;
  const places = size === 1 ? '1 place' : `${size} places`;
  return country === null ? `community ${id} (${places})` : `community ${id} (${places}; ${what} ${country}, ${Math.round(100 * share)} %)`;
}
