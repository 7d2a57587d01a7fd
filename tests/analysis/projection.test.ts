import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze } from '../../src/analysis/analyze.js';
import { canonical, createSeedShare, helpLouvain, louvainProjection } from '../../src/analysis/communities/louvain-projection.js';
import { modularity } from '../../src/analysis/communities/modularity.js';
import { edgeWeight, project, sharedOf } from '../../src/analysis/projection/project.js';
import { significance } from '../../src/analysis/projection/significance.js';
import { findNode, partnersOf, sharedPartners, similarTo } from '../../src/analysis/query.js';
import { identicalPairs } from '../../src/analysis/results.js';
import { buildBipartiteIndex } from '../../src/graph/bipartite-index.js';
import { parseSisterCityList } from '../../src/parse/parse-list.js';
import { readList } from '../../src/parse/read-list.js';
import { UsageError } from '../../src/util/errors.js';
import { twoMode } from './helpers.js';

const nx = (side: 'top' | 'bottom') =>
  (JSON.parse(readFileSync('tests/fixtures/networkx/seed.json', 'utf8')) as { projections: Record<string, { louvain: { best_modularity: number } }> })
    .projections[side]?.louvain.best_modularity as number;

describe('projection weights, worked by hand', () => {
  // a: {x, y}; b: {x, y, z}; c: {z, w}. Partner degrees: x 2, y 2, z 2, w 1.
  const index = buildBipartiteIndex(twoMode('a-x a-y b-x b-y b-z c-z c-w'));
  const p = project(index, 'home');
  it('has the pairs a–b and b–c and not a–c', () => {
    expect(Array.from(p.u).map((u, i) => `${p.keys[u]}${p.keys[p.v[i] as number]}`)).toEqual(['ab', 'bc']);
  });
  it('gives a–b count 2, Jaccard 2/3, overlap 1, cosine 2/√6, Newman 2', () => {
    expect(edgeWeight(p, 0, 'count')).toBe(2);
    expect(edgeWeight(p, 0, 'jaccard')).toBe(2 / 3);
    expect(edgeWeight(p, 0, 'overlap')).toBe(1);
    expect(edgeWeight(p, 0, 'cosine')).toBe(2 / Math.sqrt(6));
    expect(edgeWeight(p, 0, 'newman')).toBe(2);
    expect(sharedOf(p, 0)).toEqual(['x', 'y']);
  });
  it('gives b–c count 1, Jaccard 1/4 and the shared partner z', () => {
    expect(edgeWeight(p, 1, 'jaccard')).toBe(1 / 4);
    expect(sharedOf(p, 1)).toEqual(['z']);
  });
  it('gives the hypergeometric p-values by hand, corrected over all three pairs', () => {
    // a–b: N = 4 partners, d_a = 2, d_b = 3: P(X ≥ 2) = C(2,2)·C(2,1)/C(4,3) = 2/4.
    // b–c: d_b = 3, d_c = 2: P(X ≥ 1) = 1 − C(1,2)/C(4,2) = 1.
    const s = significance(p);
    expect(s.p[0]).toBeCloseTo(1 / 2, 15);
    expect(s.p[1]).toBeCloseTo(1, 15);
    expect(s.tests).toBe(3);
    expect(s.holm[0]).toBe(1); // min(1, 3 × 1/2)
    expect(s.bh[0]).toBeCloseTo(1, 15); // 1/2 × 3/1 capped… then monotone: min(1.5, 1) = 1
    expect(s.backbone).toEqual([]);
  });
  it('finds a pair sharing all its partners far beyond chance in a large population', () => {
    // 12 partners; a and b share their 3: p = 1/C(12,3) = 1/220; 3 pairs → Holm 3/220.
    const g = twoMode('a-x a-y a-z b-x b-y b-z c-p1 c-p2 c-p3 c-p4 c-p5 c-p6 c-p7 c-p8 c-p9');
    const s = significance(project(buildBipartiteIndex(g), 'home'));
    expect(s.p[0]).toBeCloseTo(1 / 220, 15);
    expect(s.holm[0]).toBeCloseTo(3 / 220, 15);
    expect(s.backbone).toEqual([0]);
  });
  it('refuses an alpha outside (0, 1)', () => {
    expect(() => significance(p, { alpha: 1.5 })).toThrow(/alpha/);
  });
});

describe('modularity and Louvain', () => {
  it('gives two triangles joined by an edge, split in two, Q = 5/14', () => {
    const u = [0, 0, 1, 3, 3, 4, 2], v = [1, 2, 2, 4, 5, 5, 3];
    expect(modularity(6, u, v, [1, 1, 1, 1, 1, 1, 1], [0, 0, 0, 1, 1, 1])).toBeCloseTo(5 / 14, 15);
    expect(modularity(6, u, v, [1, 1, 1, 1, 1, 1, 1], [0, 0, 0, 0, 0, 0])).toBeCloseTo(0, 15);
  });
  it('does not depend on how labels are spelled: small integers (array path), large or negative ones (map path) (fast-check)', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(7), fc.nat(7), fc.integer({ min: 1, max: 5 })), { minLength: 1, maxLength: 30 }), fc.array(fc.nat(3), { minLength: 8, maxLength: 8 }), (edges, labels) => {
      const u = edges.map((e) => e[0]), v = edges.map((e) => e[1]), w = edges.map((e) => e[2]);
      const spelled = labels.map((c) => c * 1_000_003 - 7);
      expect(modularity(8, u, v, w, labels)).toBe(modularity(8, u, v, w, spelled));
    }));
  });
  it('renumbers communities by size so labels do not depend on the optimiser', () => {
    expect(Array.from(canonical(Int32Array.from([5, 7, 7, 9])))).toEqual([1, 0, 0, 2]);
  });
  const ds = parseSisterCityList(readFileSync('data/raw/china-sister-cities.txt', 'utf8'));
  const index = buildBipartiteIndex(analyze(ds, { runs: 1 }).graph);
  it.each([['home', 'top'], ['partner', 'bottom']] as const)(
    'reaches at least NetworkX’s best of 10 seeds on the %s projection, and repeats itself for a seed',
    (side, ref) => {
      const p = project(index, side);
      const r = louvainProjection(p, { seed: 42, runs: 10 });
      expect(r.best.modularity).toBeGreaterThanOrEqual(nx(ref));
      const again = louvainProjection(p, { seed: 42, runs: 10 });
      expect(Array.from(again.best.membership)).toEqual(Array.from(r.best.membership));
      // best.modularity comes from graphology-metrics, the runs' from modularity.ts: independent, equal
      expect(Math.abs(r.stability.modularity.max - r.best.modularity)).toBeLessThan(1e-12);
      expect(r.stability.meanAdjustedRand).toBeGreaterThan(0);
      expect(r.stability.meanAdjustedRand).toBeLessThanOrEqual(1);
    });
  it.each([['home', 'top'], ['partner', 'bottom']] as const)(
    'without the graphology pass (libraryLimit 0) still reaches NetworkX’s best of 10 on the %s projection; each run counts the communities it keeps',
    (side, ref) => {
      const p = project(index, side);
      const r = louvainProjection(p, { seed: 42, runs: 10, libraryLimit: 0 });
      expect(r.library).toBe(false);
      expect(r.best.modularity).toBeGreaterThanOrEqual(nx(ref) - 0.002);
      const w = Float64Array.from(p.count);
      expect(r.best.modularity).toBeCloseTo(modularity(p.keys.length, p.u, p.v, w, r.best.membership), 12);
      for (const run of r.runs) expect(run.communities).toBeGreaterThan(0);
      expect(r.runs.find((x) => x.seed === r.best.seed)?.communities).toBe(r.best.communities);
    });
  it('gives the same result when its seeds were run by another thread through a shared SeedShare', () => {
    const p = project(index, 'partner');
    const alone = louvainProjection(p, { seed: 42, runs: 4 });
    // Another thread (here: a call before) claims and runs every seed; the owner then only reads them.
    const share = createSeedShare(p.keys.length, 4);
    helpLouvain(project(index, 'partner', { keepShared: false }), { seed: 42, runs: 4 }, share);
    expect(Atomics.load(share.counters, 1)).toBe(4);
    expect(Atomics.load(share.counters, 2)).toBe(0); // the owner has not started
    const shared = louvainProjection(p, { seed: 42, runs: 4 }, share);
    expect(Atomics.load(share.counters, 2)).toBe(4); // the owner says how many seeds there are
    expect(shared.runs).toEqual(alone.runs);
    expect(Array.from(shared.best.membership)).toEqual(Array.from(alone.best.membership));
    expect(shared.best.modularity).toBe(alone.best.modularity);
    expect(shared.stability.meanAdjustedRand).toBe(alone.stability.meanAdjustedRand);
    expect(Array.from(shared.stability.consensus.membership)).toEqual(Array.from(alone.stability.consensus.membership));
  });
  it('refuses a projection without edges', () => {
    expect(() => louvainProjection(project(buildBipartiteIndex(twoMode('a-x b-y')), 'home'))).toThrow(/no edges/);
  });
});

describe('questions about places', () => {
  const ds = parseSisterCityList(readFileSync('data/raw/china-sister-cities.txt', 'utf8'));
  const a = analyze(ds, { runs: 2 });
  it('matches names forgivingly: xian finds Xi’an, SUZHOU JIANGSU finds Suzhou, Jiangsu', () => {
    expect(findNode(a, 'xian')).toBe('cn:xian');
    expect(findNode(a, 'SUZHOU JIANGSU')).toBe('cn:suzhou-jiangsu');
    expect(findNode(a, 'urumqi')).toBe('cn:urumqi');
  });
  it('finds no place for a query that folds to nothing, and a name that folds to nothing only by its key or label', () => {
    for (const q of ['', ' ', '.*', '(', '^$']) expect(() => findNode(a, q), JSON.stringify(q)).toThrow(/no place called/);
    const text = 'List of twin towns and sister cities in China\n==A==\nAnguo\n- FRA \uFFFE\uFFFF, France\n- JPN Nara, Japan\nAnqing\n- JPN Nara, Japan\n';
    const b = analyze(parseSisterCityList(text), { runs: 1 });
    const odd = b.nodes.partner.keys.find((k) => k !== 'p:nara-japan')!;
    expect(() => findNode(b, 'France')).toThrow(/no place called/);
    expect(findNode(b, odd)).toBe(odd);
    expect(findNode(b, '\uFFFE\uFFFF, France')).toBe(odd);
  });
  it('tells homonymous candidates apart by key and by the region or region section the input gives them (found by the probe)', () => {
    const us = analyze(parseSisterCityList(['= List of twin towns and sister cities in the United States =', '==Maine==', 'Portland', '- ITA Lucca, Italy',
      '==Oregon==', 'Portland', '- JPN Sapporo, Japan'].join('\n')), { runs: 1 });
    // their labels carry the region section (found by the probe: "Portland (10) and Portland (6)" in a report)
    expect(() => findNode(us, 'portland')).toThrow('"portland" is ambiguous; it matches 2 places:\n  Portland (Maine) [home]\n  Portland (Oregon) [home]');
    expect(findNode(us, 'Portland (Oregon)')).toBe('us:portland-oregon');
    expect(findNode(us, 'portland oregon')).toBe('us:portland-oregon');
    const india = analyze(readList(['city,state,country,partner,partner country', 'Aurangabad,Maharashtra,India,Dunedin,New Zealand',
      'Aurangabad,Bihar,India,Gaya,India', 'Aurangabad,Bihar,India,Lumbini,Nepal'].join('\n'), { source: 'in.csv' }), { runs: 1 });
    expect(() => findNode(india, 'aurangabad')).toThrow(/Aurangabad \(Maharashtra\) \[home\]\n {2}Aurangabad \(Bihar\) \[home\]/);
  });
  it('lists the candidates of an ambiguous name and suggests the closest for an unknown one', () => {
    expect(() => findNode(a, 'perth')).toThrow(/ambiguous.*\n.*Perth, Australia/s);
    expect(() => findNode(a, 'Bengbuu')).toThrow(UsageError);
    expect(() => findNode(a, 'Bengbuu')).toThrow(/closest:\n\s+Bengbu/);
  });
  it('finds the five partners Bengbu and Huainan share, p far below 1e-10', () => {
    const s = sharedPartners(a, 'Bengbu', 'Huainan');
    expect(s.count).toBe(5);
    expect(s.jaccard).toBe(1);
    expect(s.shared).toHaveLength(5);
    // N = 1204 partners, both degree 5: P(X ≥ 5) = 1/C(1204, 5).
    const c = (1204 * 1203 * 1202 * 1201 * 1200) / 120;
    expect(s.p / (1 / c)).toBeCloseTo(1, 9);
  });
  it('gives a pair sharing no partner p = 1 under both models (SDSM\'s was null)', () => {
    const s = sharedPartners(a, 'Bengbu', 'Harbin');
    expect(s).toMatchObject({ count: 0, p: 1, holm: 1, bh: 1 });
    expect([s.pSdsm, s.holmSdsm]).toEqual(a.sides.home.sdsm ? [1, 1] : [null, null]);
    expect(a.sides.home.sdsm).not.toBeNull(); // the seed's home side is fitted
  });
  it('lists Huainan first among the cities most similar to Bengbu', () => {
    expect(similarTo(a, 'bengbu', { top: 3 }).similar[0]?.labelB).toBe('Huainan');
    expect(similarTo(a, 'bengbu', { by: 'pvalue' }).similar[0]?.labelB).toBe('Huainan');
  });
  it('reports Bengbu / Huainan as the identical partner lists', () => {
    const { identical } = identicalPairs(a, 'home');
    expect(identical).toHaveLength(1);
  });
  it('refuses to compare places of different sides', () => {
    expect(() => sharedPartners(a, 'Bengbu', 'Szolnok')).toThrow(/side/);
  });
  it('lists a place’s partners with the lines they come from', () => {
    const p = partnersOf(a, 'Anguo');
    expect(p.partners.map((x) => x.label)).toEqual(['Dongdaemun (Seoul), South Korea', 'Kushima, Japan']);
    expect(p.partners[1]?.lines).toEqual([9]); // line 8 is Dongdaemun, line 9 Kushima
  });
});
