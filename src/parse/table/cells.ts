/**
 * Cells of a link table read as what their column holds: coordinates (decimal degrees, a decimal
 * comma accepted; or a WKT `Point(lon lat)` as the Wikidata Query Service writes P625), dates (a year
 * or an ISO 8601 date, Wikidata's `1987-05-12T00:00:00Z` included), ids (a Wikidata item `Q64` or its
 * entity URI; anything else kept as an external id), populations, and countries (a name, an ISO
 * alpha-2 or alpha-3 code or an IOC code, resolved as the list's are).
 *
 * @example
 *   wktPoint('Point(13.383 52.517)') // { lat: 52.517, lon: 13.383 }
 *   tableDate('+1987-05-12T00:00:00Z') // '1987-05-12'
 *   entityId('http://www.wikidata.org/entity/Q64') // { wikidata: 'Q64' }
 */
import { countryByAlpha2, homeNationSubdivision, readFlagCode, resolveCountryName, sovereignAlpha2 } from '../countries.js';

/** A WGS 84 position, degrees. */
export interface LatLon { lat: number; lon: number }

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A decimal number as written (`52.52`, `52,52` with a decimal comma, `-0.1`); null when it is none. */
export function decimal(cell: string): number | null {
  if (plainDecimal(cell)) return Number(cell);
  let s = cell.trim();
  if (!s.includes('.') && /^[+-]?\d+,\d+$/.test(s)) s = s.replace(',', '.');
  return NUMBER.test(s) ? Number(s) : null;
}

/** Whether `s` is `[+-]digits[.digits]`, the usual way of writing a coordinate (read without a regular expression; `decimal`'s fast path, the same numbers). */
function plainDecimal(s: string): boolean {
  const n = s.length;
  let i = 0, c = s.charCodeAt(0);
  if (c === 43 || c === 45) i = 1;
  const digits = i;
  while (i < n && (c = s.charCodeAt(i)) >= 48 && c <= 57) i++;
  if (i === digits) return false;
  if (i === n) return true;
  if (c !== 46) return false;
  for (i++; i < n; i++) { c = s.charCodeAt(i); if (c < 48 || c > 57) return false; }
  return true;
}

/** Latitude and longitude from two cells; null when either is not a number or out of range. */
export function latLon(lat: string, lon: string): LatLon | null {
  const la = decimal(lat), lo = decimal(lon);
  return la !== null && lo !== null && inRange(la, lo) ? { lat: la, lon: lo } : null;
}

const WKT_POINT = /^\s*point\s*\(\s*(\S+)\s+(\S+)\s*\)\s*$/i;

/**
 * A WKT point, `Point(lon lat)` — longitude first, as GeoSPARQL's wktLiteral and the Wikidata Query
 * Service write P625; null when it is not one, is out of range, or names another globe (a CRS URI before it).
 */
export function wktPoint(cell: string): LatLon | null {
  const m = WKT_POINT.exec(cell);
  if (!m) return null;
  const lon = decimal(m[1] as string), lat = decimal(m[2] as string);
  return lat !== null && lon !== null && inRange(lat, lon) ? { lat, lon } : null;
}

function inRange(lat: number, lon: number): boolean {
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
}

const YEAR = /^\s*(\d{4})\s*$/;
const ISO_DATE = /^\s*\+?(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$/;

/**
 * A year (`1987`) or a date (`1987-05-12`, also with a time as Wikidata writes it:
 * `1987-05-12T00:00:00Z`), as the string kept on the link; null when the cell is neither or the date
 * does not exist (`1987-02-30`).
 */
export function tableDate(cell: string): string | null {
  const y = YEAR.exec(cell);
  if (y) return y[1] as string;
  const m = ISO_DATE.exec(cell);
  if (!m) return null;
  const year = Number(m[1]), month = Number(m[2]), day = Number(m[3]);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > days) return null;
  return `${m[1] as string}-${m[2] as string}-${m[3] as string}`;
}

/** The year of a date kept on a link (`1987`, `1987-05-12` → 1987). */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

const QID = /^(?:(?:https?:\/\/(?:www\.)?wikidata\.org\/(?:entity|wiki)\/)|wd:)?(Q[1-9]\d*)$/;

/** A place's id: a Wikidata item (`Q64`, `wd:Q64`, its entity or wiki URI) or, otherwise, the id as written. */
export function entityId(cell: string): { wikidata: string } | { externalId: string } {
  const s = cell.trim();
  const m = QID.exec(s);
  return m ? { wikidata: m[1] as string } : { externalId: s };
}

/** Whether a cell is a Wikidata item or its URI (columns of those hold ids, not names). */
export function isWikidataId(cell: string): boolean {
  return QID.test(cell.trim());
}

/** A population: a non-negative whole number (`3644826`, `3644826.0`, `3,644,826`); null otherwise. */
export function population(cell: string): number | null {
  const s = cell.trim().replace(/(\d)[,\u202f\u00a0 ](?=\d{3}\b)/g, '$1');
  const n = NUMBER.test(s) ? Number(s) : NaN;
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}

/** A country cell resolved: the sovereign state, and the territory when the cell names one (ISO alpha-2). */
export interface CountryCell { country: string; territory: string | null }

/**
 * A country as a table gives it: a name (`France`, `Ivory Coast`, `Réunion`), an ISO alpha-2 (`FR`),
 * alpha-3 (`FRA`) or IOC code (`GER`); null when none of them resolves.
 */
export function countryCell(cell: string): CountryCell | null {
  const s = cell.trim();
  const named = resolveCountryName(s);
  if (named) return { country: named.sovereign.alpha2, territory: named.territory?.alpha2 ?? null };
  if (homeNationSubdivision(s) !== null) return { country: 'GB', territory: null }; // `Wales`, `Scotland`
  const upper = s.toUpperCase();
  if (/^[A-Z]{2}$/.test(upper)) {
    const c = countryByAlpha2(upper);
    if (c) return sovereignAndTerritory(c.alpha2);
  }
  if (/^[A-Z]{3}$/.test(upper)) {
    const readings = readFlagCode(upper).filter((r) => r.standard !== 'fifa-home-nation');
    const reading = readings.find((r) => r.standard === 'iso') ?? readings[0];
    if (reading) return sovereignAndTerritory(reading.country.alpha2);
  }
  return null;
}

function sovereignAndTerritory(alpha2: string): CountryCell {
  const sovereign = sovereignAlpha2(alpha2);
  return { country: sovereign, territory: sovereign === alpha2 ? null : alpha2 };
}

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km (haversine, mean Earth radius 6,371.0088 km). */
export function distanceKm(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad, dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
