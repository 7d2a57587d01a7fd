/**
 * Tables shaped to make reading quadratic (found by probing): one name at 150,000 points, one partner
 * of 100,000 homes. The fast paths (a grid for a name's places, a map for a long chain of pairs, the
 * next free id suffix remembered) must answer exactly what the plain rule answers; these tests work
 * the plain rule out independently on tables big enough to take the fast paths.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdAllocator, slugify } from '../../../src/parse/normalize.js';
import { readList } from '../../../src/parse/read-list.js';
import { HOMONYM_KM } from '../../../src/parse/table/assemble-table.js';
import { distanceKm } from '../../../src/parse/table/cells.js';
import { createRng } from '../../../src/util/rng.js';

describe('IdAllocator', () => {
  it('hands out the first free id of base, base-2, base-3 … as trying each from 2 does', () => {
    const texts = fc.array(fc.constantFrom('a', 'a 2', 'a-2', 'a 3', 'A', 'b', 'a 2 2', 'a-2-2', 'b 2'), { maxLength: 60 });
    fc.assert(fc.property(texts, (ts) => {
      const taken = new Set<string>();
      const plain = ts.map((t) => {
        const base = slugify(t, 'p:');
        let id = base;
        for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
        taken.add(id);
        return id;
      });
      const a = new IdAllocator('p:');
      expect(ts.map((t) => a.allocate(t))).toEqual(plain);
    }), { numRuns: 300 });
  });
});

describe('a name given at many points', () => {
  it('puts each row with the first place of its name within reach, or makes a new one, as trying each in order does', () => {
    // 400 rows of one partner name around three centres, some without coordinates.
    const rng = createRng(11);
    const centres = [[48.8, 2.3], [48.9, 2.5], [-33.9, 151.2]] as const;
    const rows = Array.from({ length: 400 }, (_, i) => {
      if (i % 17 === 5) return { lat: null, lon: null };
      const [la, lo] = centres[Math.floor(rng() * 3)]!;
      return { lat: +(la + (rng() - 0.5) * 6).toFixed(4), lon: +(lo + (rng() - 0.5) * 6).toFixed(4) };
    });
    const text = ['city,country,partner,partner_country,partner_lat,partner_lon',
      ...rows.map((r, i) => `Home${i},Germany,Springfield,France,${r.lat ?? ''},${r.lon ?? ''}`)].join('\n');
    const ds = readList(text, { source: 'x.csv' });
    // The rule: a row goes to the first place (in the order made) that has no position yet or lies
    // within HOMONYM_KM; a row without coordinates to the first place; else a new place.
    const places: { lat: number | null; lon: number | null }[] = [];
    const expected = rows.map((r) => {
      let k = -1;
      if (r.lat === null) k = places.length > 0 ? 0 : -1;
      else k = places.findIndex((p) => p.lat === null || distanceKm({ lat: p.lat, lon: p.lon as number }, { lat: r.lat as number, lon: r.lon as number }) <= HOMONYM_KM);
      if (k < 0) { places.push({ ...r }); return places.length - 1; }
      if (places[k]!.lat === null && r.lat !== null) places[k] = { ...r };
      return k;
    });
    expect(places.length).toBeGreaterThan(32); // the grid's side of the reading
    const idOf = (k: number) => (k === 0 ? 'p:springfield-france' : `p:springfield-france-${k + 1}`);
    expect(ds.links.map((l) => l.partnerId)).toEqual(expected.map(idOf));
    expect(ds.partners.map((p) => [p.lat ?? null, p.lon ?? null])).toEqual(places.map((p) => [p.lat, p.lon]));
  });
});

describe('a partner of many homes', () => {
  it('finds a pair given again among hundreds of the same partner, either way round', () => {
    const n = 300;
    const lines = ['city,country,partner,partner_country'];
    for (let i = 0; i < n; i++) lines.push(`Home${i},Germany,Paris,France`);
    for (let i = 0; i < n; i += 7) lines.push(`Home${i},Germany,Paris,France`); // the same way
    for (let i = 3; i < n; i += 11) lines.push(`Paris,France,Home${i},Germany`); // the other way round
    const ds = readList(lines.join('\n'), { source: 'x.csv', home: 'DE' });
    expect(ds.links).toHaveLength(n);
    expect(ds.partners).toHaveLength(1);
    const codes = ds.diagnostics.map((d) => d.code);
    expect(codes.filter((c) => c === 'duplicate-row')).toHaveLength(Math.ceil(n / 7));
    expect(codes.filter((c) => c === 'reverse-pair')).toHaveLength(Math.ceil((n - 3) / 11));
  });
});
