/**
 * Whether `s` is a date written YYYY-MM-DD that exists in the (proleptic Gregorian) calendar, year
 * 0001 or later, as an `xsd:date` must be: `2024-02-29` yes, `2023-02-29`, `2024-13-01`, `0000-01-01` no.
 */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d); // not Date.UTC, which reads years 0–99 as 1900–1999
  return y >= 1 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
