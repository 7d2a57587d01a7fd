/**
 * The two reviewed tables of `data/reference/` that the geocoder reads, parsed from their text:
 * - `place-overrides.csv` (`id,lat,lon,source,reason`): coordinates for a place that no data set
 *   settles, by the place's id in the data set (`p:…`, `cn:…`), with a source that can be checked;
 * - `place-aliases.csv` (`country,name,target,reason`): a name as lists write it (an English exonym,
 *   `Cologne`) and the GeoNames place (`2886242`) or division code (`BE.VLG.VAN`) it means, for
 *   names the gazetteer does not find or finds wrongly; a first-level division's alias (`RU,Leningrad
 *   Oblast,RU.42`) also lets sections and location parts name the division.
 * RFC 4180 fields (double quotes around a field holding a comma or a quote, `""` for a quote); the
 * first line names the columns. Errors name the file and line.
 *
 * @example
 *   parseOverrides('id,lat,lon,source,reason\np:x,1.5,2,GeoNames 1,why\n', 'o.csv')
 *   // [{ id: 'p:x', lat: 1.5, lon: 2, source: 'GeoNames 1', reason: 'why', line: 2 }]
 */
import { InputError } from '../util/errors.js';

/** `admin1`: the place's first-level division as a GeoNames code (`CN.32`), from the optional sixth column. */
export interface PlaceOverride { id: string; lat: number; lon: number; source: string; reason: string; line: number; admin1?: string }
export interface PlaceAlias { country: string; name: string; target: { geonameId: number } | { area: string }; reason: string; line: number }

export function parseOverrides(text: string, file: string): PlaceOverride[] {
  const withAdmin1 = /^\uFEFF?id,lat,lon,source,reason,admin1\r?\n/.test(text);
  return rows(text, file, ['id', 'lat', 'lon', 'source', 'reason', ...(withAdmin1 ? ['admin1'] : [])]).map(({ f, line }) => {
    const lat = Number(f[1]), lon = Number(f[2]);
    if (!f[0] || f[1] === '' || f[2] === '' || !(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180)) {
      throw new InputError(`geo: needs an id and a latitude in [−90, 90] and longitude in [−180, 180], got "${f[0]}", "${f[1]}", "${f[2]}"`, file, line);
    }
    if (!f[3]) throw new InputError(`geo: override of ${f[0]} names no source`, file, line);
    if (f[5] && !/^[A-Z]{2}\.[A-Za-z0-9]+$/.test(f[5])) throw new InputError(`geo: admin1 of ${f[0]} must be a GeoNames first-level code (CN.32), got "${f[5]}"`, file, line);
    return { id: f[0], lat, lon, source: f[3], reason: f[4] ?? '', line, ...(f[5] ? { admin1: f[5] } : {}) };
  });
}

export function parseAliases(text: string, file: string): PlaceAlias[] {
  return rows(text, file, ['country', 'name', 'target', 'reason']).map(({ f, line }) => {
    const [country = '', name = '', target = ''] = f;
    if (!/^[A-Z]{2}$/.test(country) || !name) throw new InputError(`geo: needs an ISO alpha-2 country and a name, got "${country}", "${name}"`, file, line);
    const t = /^[0-9]+$/.test(target) ? { geonameId: Number(target) } : /^[A-Z]{2}\.[A-Za-z0-9.]+$/.test(target) ? { area: target } : null;
    if (!t) throw new InputError(`geo: target must be a GeoNames id or a division code (BE.VLG.VAN), got "${target}"`, file, line);
    return { country, name, target: t, reason: f[3] ?? '', line };
  });
}

function rows(text: string, file: string, columns: readonly string[]): { f: string[]; line: number }[] {
  const records = parseCsv(text, file);
  const head = records.shift();
  if (!head || head.f.join(',') !== columns.join(',')) throw new InputError(`geo: expected the columns ${columns.join(',')}, got ${head ? head.f.join(',') : 'nothing'}`, file, 1);
  for (const r of records) {
    if (r.f.length !== columns.length) throw new InputError(`geo: ${r.f.length} fields, expected ${columns.length}`, file, r.line);
  }
  return records;
}

/** RFC 4180 records with the line each starts on; blank lines are skipped. */
export function parseCsv(text: string, file: string): { f: string[]; line: number }[] {
  const out: { f: string[]; line: number }[] = [];
  let i = 0, line = 1;
  const s = text.replace(/^\uFEFF/, '');
  while (i < s.length) {
    if (s[i] === '\n' || s[i] === '\r') { if (s[i] === '\n') line++; i++; continue; }
    const start = line, f: string[] = [];
    for (;;) {
      let v = '';
      if (s[i] === '"') {
        i++;
        for (;;) {
          if (i >= s.length) throw new InputError(`geo: unterminated quoted field`, file, start);
          if (s[i] === '"') { if (s[i + 1] === '"') { v += '"'; i += 2; continue; } i++; break; }
          if (s[i] === '\n') line++;
          v += s[i++];
        }
      } else {
        while (i < s.length && s[i] !== ',' && s[i] !== '\n' && s[i] !== '\r') v += s[i++];
      }
      f.push(v);
      if (s[i] === ',') { i++; continue; }
      break;
    }
    out.push({ f, line: start });
  }
  return out;
}
