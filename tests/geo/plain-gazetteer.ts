/**
 * A straightforward gazetteer for cross-checks: the same places, areas, keys and seats as
 * `buildGazetteerIndex`, held in plain arrays and maps, with no binary index behind it.
 */
import { seatOf, type Gazetteer, type GazetteerArea, type GazetteerInput } from '../../src/geo/gazetteer.js';
import { placeKey, withoutAreaWords, withoutSuffix } from '../../src/geo/place-key.js';

export function plainGazetteer(input: GazetteerInput): Gazetteer {
  const places = [...input.places].sort((a, b) => a.geonameId - b.geonameId);
  const codes = [...new Map(input.areas.map((a) => [a.code, a])).values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const members = new Map<string, number[]>();
  places.forEach((p, i) => {
    for (const code of [`${p.country}.${p.admin1}`, `${p.country}.${p.admin1}.${p.admin2}`]) members.set(code, [...(members.get(code) ?? []), i]);
  });
  const areas: GazetteerArea[] = codes.map((a) => {
    const level = a.code.split('.').length === 2 ? 1 : 2;
    return { code: a.code, name: a.name, level, country: a.code.split('.')[0]!, seat: seatOf(places, members.get(a.code) ?? [], level) };
  });
  const keys = new Map<string, { places: Set<number>; areas: Set<number> }>();
  const add = (country: string, key: string | null, kind: 'places' | 'areas', i: number): void => {
    if (!key) return;
    const k = `${country}\t${key}`;
    if (!keys.has(k)) keys.set(k, { places: new Set(), areas: new Set() });
    keys.get(k)![kind].add(i);
  };
  const alternates = new Map<string, Set<number>>();
  places.forEach((p, i) => {
    const key = placeKey(p.name);
    const own = [key, withoutSuffix(key), withoutAreaWords(key)];
    for (const k of own) add(p.country, k, 'places', i);
    for (const name of p.alternateNames ?? []) {
      const k = placeKey(name);
      if (k === '' || own.includes(k)) continue;
      const at = `${p.country}\t${k}`;
      if (!alternates.has(at)) alternates.set(at, new Set());
      alternates.get(at)!.add(i);
    }
  });
  areas.forEach((a, j) => {
    const key = placeKey(a.name);
    const bare = placeKey(a.name.replace(/\s*\([^)]*\)/g, ' '));
    for (const k of [key, withoutAreaWords(key), bare, withoutAreaWords(bare)]) add(a.country, k, 'areas', j);
  });
  const byId = new Map(places.map((p, i) => [p.geonameId, i]));
  const byCode = new Map(areas.map((a, j) => [a.code, j]));
  return {
    source: input.source,
    placeCount: places.length,
    areaCount: areas.length,
    place: (i) => {
      const { alternateNames: _, ...record } = places[i]!;
      return record;
    },
    area: (j) => areas[j]!,
    lookup(country, key) {
      const found = keys.get(`${country}\t${key}`);
      return { places: [...found?.places ?? []].sort((x, y) => x - y), areas: [...found?.areas ?? []].sort((x, y) => y - x) };
    },
    alternates: (country, key) => [...alternates.get(`${country}\t${key}`) ?? []].sort((x, y) => x - y),
    indexOfGeonameId: (id) => byId.get(id) ?? -1,
    indexOfArea: (code) => byCode.get(code) ?? -1,
    admin1Name: (code) => {
      const j = byCode.get(code);
      return j !== undefined && areas[j]!.level === 1 ? areas[j]!.name : null;
    },
  };
}
