/**
 * The parser's fast paths against their definitions: the per-character fold table against the
 * regular-expression chains of foldName (`util/fold.ts`) and slugify, the normalisation shortcut against
 * normalizeText's definition, the hash index and the key grouping against plain Maps, and partner
 * identity (looked up along the id sequence `p:x`, `p:x-2` …) on lists made to collide.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HashIndex, HASH_SEED, hashChars, hashCodes } from '../../src/parse/hash-index.js';
import { copyText, isNormalText, normalizeText, prefixedSlug, slugify, slugifyByRegex } from '../../src/parse/normalize.js';
import { parseSisterCityList } from '../../src/parse/parse-list.js';
import { KeyedGroups } from '../../src/parse/quality.js';
import { foldName, foldNameCodes } from '../../src/parse/fold-table.js';
import { foldName as foldNameByRegex } from '../../src/util/fold.js';

const RUNS = { numRuns: 300 } as const;

/** Characters the table covers, the marks and letters just past it, and other scripts, spaces and surrogates. */
const char = fc.oneof(
  fc.integer({ min: 0, max: 0x2ff }).map((c) => String.fromCharCode(c)),
  fc.constantFrom('\u0300', '\u0301', '\u0308', '\u0345', 'Σ', 'ς', 'ΐ', 'İ', 'ı', 'ﬁ', 'Å', 'Ω', '①', '²', 'ー', '가', 'ᄀ', 'ᅡ',
    '–', '—', '’', '‘', '•', '\u00a0', '\u2003', '\u2028', '\ufeff', '\ud83d\ude00', '\ud800', 'ệ', 'ạ'),
  fc.constantFrom(' ', ' ', ',', '.', "'", '`', '-', 'a', 'Z', 'é', 'ø', 'ł'),
);
const text = fc.array(char, { maxLength: 40 }).map((cs) => cs.join(''));

const normalizeByRegex = (s: string) => s.normalize('NFC').replace(/[\s\u00a0]+/gu, ' ').trim();

describe('fold and slug tables', () => {
  it('fold every character below U+0300, and pairs of them, as the regular expressions do', () => {
    for (let c = 0; c < 0x300; c++) {
      const s = String.fromCharCode(c);
      expect(foldName(s)).toBe(foldNameByRegex(s));
      expect(slugify(s)).toBe(slugifyByRegex(s));
      expect(foldName(`a${s}b ${s}`)).toBe(foldNameByRegex(`a${s}b ${s}`));
      expect(slugify(`a${s}b ${s}`)).toBe(slugifyByRegex(`a${s}b ${s}`));
    }
  });
  it('text below U+0300 is NFC, so normalizeText may skip normalising it', () => {
    for (let a = 0; a < 0x300; a += 1) {
      for (let b = 0; b < 0x300; b += 7) {
        const s = String.fromCharCode(a, b);
        expect(s.normalize('NFC')).toBe(s);
      }
    }
  });
  it('fold arbitrary text as the regular expressions do', () => {
    fc.assert(fc.property(text, (s) => {
      expect(foldName(s)).toBe(foldNameByRegex(s));
      expect(slugify(s)).toBe(slugifyByRegex(s));
      const codes: number[] = [];
      expect(String.fromCharCode(...codes.slice(0, foldNameCodes(s, codes)))).toBe(foldNameByRegex(s));
    }), RUNS);
  });
  it('slug a slice with a prefix, or say it cannot', () => {
    fc.assert(fc.property(text, fc.nat(), fc.nat(), (s, a, b) => {
      const start = Math.min(a, b) % (s.length + 1);
      const end = Math.max(start, Math.max(a, b) % (s.length + 1));
      const slug = prefixedSlug('p:', s, start, end);
      if (slug !== null) expect(slug).toBe(`p:${slugifyByRegex(s.slice(start, end))}`);
    }), RUNS);
  });
  it('normalise arbitrary text as the definition does, and copy text exactly', () => {
    fc.assert(fc.property(text, (s) => {
      expect(normalizeText(s)).toBe(normalizeByRegex(s));
      if (isNormalText(s)) expect(normalizeByRegex(s)).toBe(s);
      expect(copyText(s)).toBe(s);
      expect(copyText(`xx${s}yy`, 2, s.length + 2)).toBe(s);
    }), RUNS);
  });
});

describe('HashIndex', () => {
  it('finds every item under its hash, through collisions and growth', () => {
    const index = new HashIndex(4);
    const keys = Array.from({ length: 5000 }, (_, i) => `k${i % 1700}-${i}`);
    // few distinct hashes: many collisions
    const hashOf = (k: string) => hashChars(HASH_SEED, k) % 97;
    keys.forEach((k, i) => index.add(hashOf(k), i));
    keys.forEach((k, i) => {
      const found: number[] = [];
      for (let s = index.first(hashOf(k)); s >= 0; s = index.next(hashOf(k), s)) found.push(index.item(s));
      expect(found).toContain(i);
      expect(found.every((j) => hashOf(keys[j] as string) === hashOf(k))).toBe(true);
    });
  });
  it('hashes codes as it hashes the string they make', () => {
    fc.assert(fc.property(text, (s) => {
      const codes = Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));
      expect(hashCodes(codes, codes.length)).toBe(hashChars(HASH_SEED, s));
    }), RUNS);
  });
});

describe('KeyedGroups', () => {
  it('groups as a Map does, groups in order of their first items', () => {
    fc.assert(fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 3 }), { maxLength: 200 }), (keys) => {
      const groups = new KeyedGroups(keys.length, (i, key) => {
        const k = keys[i] as number[];
        if (k.length === 3) return -1; // left out
        k.forEach((v, j) => { key[j] = v; });
        return k.length;
      });
      const expected = new Map<string, number[]>();
      keys.forEach((k, i) => {
        if (k.length === 3) return;
        const list = expected.get(k.join(','));
        if (list) list.push(i); else expected.set(k.join(','), [i]);
      });
      expect(groups.groups()).toEqual([...expected.values()]);
      expect(groups.groups(2)).toEqual([...expected.values()].filter((g) => g.length >= 2));
      for (const [key, items] of expected) {
        const k = key === '' ? [] : key.split(',').map(Number);
        expect(groups.get(k, k.length)).toEqual(items);
      }
      expect(groups.get([9], 1)).toEqual([]);
    }), RUNS);
  });
});

describe('partner identity when ids collide', () => {
  // `A, B` and `A., B` slug alike (p:a-b, p:a-b-2); `A, B 2` then slugs to the taken p:a-b-2 (→ p:a-b-2-2).
  const text = [
    '==A==', 'Anqing', '- JPN A, B', '- JPN A., B', '- JPN A, B 2', '- JPN A, B 2', '', '- JPN A., B',
    'Anshan', '- JPN A, B 2', '- A., B', '* JPN Perth (city), Japan', '• JPN Perth City, Japan', '- USA perth city, Japan',
    '- AUS Perth, Australia', '- GBR Perth ,  Scotland ,, United Kingdom', 'Anqing', '- JPN A, B', '- JPN Perth City, Japan',
  ].join('\r\n');
  const ds = parseSisterCityList(text, { source: 'collide.txt' });

  it('gives each partner the id IdAllocator would, and finds it again on later lines', () => {
    expect(ds.partners.map((p) => [p.id, p.label, p.location, p.lines, p.homeIds])).toEqual([
      ['p:a-b', 'A', ['B'], [3, 18], ['cn:anqing']],
      ['p:a-b-2', 'A.', ['B'], [4, 8, 11], ['cn:anqing', 'cn:anshan']],
      ['p:a-b-2-2', 'A', ['B 2'], [5, 6, 10], ['cn:anqing', 'cn:anshan']],
      ['p:perth-city-japan', 'Perth (city)', ['Japan'], [12], ['cn:anshan']],
      ['p:perth-city-japan-2', 'Perth City', ['Japan'], [13, 19], ['cn:anshan', 'cn:anqing']],
      ['p:perth-city-japan-3', 'perth city', ['Japan'], [14], ['cn:anshan']],
      ['p:perth-australia', 'Perth', ['Australia'], [15], ['cn:anshan']],
      ['p:perth-scotland-united-kingdom', 'Perth', ['Scotland', 'United Kingdom'], [16], ['cn:anshan']],
    ]);
    expect(ds.homes.map((c) => [c.id, c.partnerIds])).toEqual([
      ['cn:anqing', ['p:a-b', 'p:a-b-2', 'p:a-b-2-2', 'p:perth-city-japan-2']],
      ['cn:anshan', ['p:a-b-2-2', 'p:a-b-2', 'p:perth-city-japan', 'p:perth-city-japan-2', 'p:perth-city-japan-3',
        'p:perth-australia', 'p:perth-scotland-united-kingdom']],
    ]);
  });
  it('reports duplicates, homonyms and near-duplicates on the right lines', () => {
    expect(ds.diagnostics.map((d) => [d.code, d.lines])).toEqual([
      ['home-assumed', []],
      ['duplicate-header', [2, 17]],
      ['duplicate-link', [2, 18]],
      ['homonym', [3, 4, 5, 6, 8, 10, 11, 18]],
      ['near-duplicate-partner', [3, 4, 8, 11, 18]],
      ['unknown-country', [3, 4, 8, 11, 18]],
      ['duplicate-link', [4, 8]],
      ['duplicate-link', [5, 6]],
      ['unknown-country', [5, 6, 10]],
      ['blank-in-list', [7]],
      ['missing-code', [11]],
      ['homonym', [12, 15, 16]],
      ['near-duplicate-partner', [12, 13, 14, 19]],
      ['code-country-mismatch', [14]],
    ]);
    expect(ds.lineKinds).toEqual({ title: 0, intro: 0, section: 1, 'home-header': 3, partner: 14, blank: 1, unparsed: 0 });
    expect(ds.source).toMatchObject({ lineEnding: 'CRLF', lines: 19 });
  });
  it('reads a list the same whatever its line endings and spacing', () => {
    const lf = text.replace(/\r\n/g, '\n');
    const spaced = lf.split('\n').map((l) => (l.startsWith('-') ? l.replace(/ /g, '\u00a0 \t') : l)).join('\r');
    for (const variant of [lf, spaced]) {
      const other = parseSisterCityList(variant, { source: 'collide.txt' });
      expect(other.partners).toEqual(ds.partners);
      expect(other.links).toEqual(ds.links);
      expect(other.diagnostics).toEqual(ds.diagnostics);
    }
  });
});
