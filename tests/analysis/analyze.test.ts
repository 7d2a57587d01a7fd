import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { bipartiteNodes, buildBipartiteGraph } from '../../src/graph/build-bipartite.js';
import { buildBipartiteIndex, buildBipartiteIndexFromDataset } from '../../src/graph/bipartite-index.js';
import { generateList } from '../../src/synth/generate.js';
import { parseSisterCityList } from '../../src/parse/parse-list.js';

const ds = parseSisterCityList(readFileSync('data/raw/china-sister-cities.txt', 'utf8'));

describe('buildBipartiteGraph', () => {
  it('puts every Chinese entry and partner on its side with country and ids', () => {
    const g = buildBipartiteGraph(ds);
    expect(g.order).toBe(164 + 1204);
    expect(g.size).toBe(1407);
    expect(g.getNodeAttributes('cn:hangzhou-fuyang')).toMatchObject({ side: 'home', kind: 'district', parentId: 'cn:hangzhou', country: 'CN' });
    expect(g.getNodeAttributes('p:faaa-french-polynesia')).toMatchObject({ side: 'partner', country: 'FR', territory: 'PF', countryName: 'France' });
  });
  it('folds districts into their city with districts: merge, keeping every link', () => {
    const g = buildBipartiteGraph(ds, { districts: 'merge' });
    expect(g.order).toBe(164 - 15 + 1204);
    expect(g.hasNode('cn:hangzhou-fuyang')).toBe(false);
    expect(g.getNodeAttribute('cn:hangzhou', 'ids')).toEqual(['cn:hangzhou', 'cn:hangzhou-fuyang', 'cn:hangzhou-xiaoshan']);
    let lines = 0;
    g.forEachEdge((_e, a) => { lines += a.lines.length; });
    expect(lines).toBe(1407);
  });
  it('merges a partner shared by a city and its district into one edge with both lines', () => {
    const small = parseSisterCityList('==H==\nHangzhou\n- JPN Gifu, Japan\nHangzhou – Fuyang\n- JPN Gifu, Japan\n');
    const g = buildBipartiteGraph(small, { districts: 'merge' });
    expect(g.size).toBe(1);
    expect(g.getEdgeAttribute('cn:hangzhou', 'p:gifu-japan', 'lines')).toEqual([3, 5]);
  });
  it('refuses an unknown districts mode', () => {
    expect(() => buildBipartiteGraph(ds, { districts: 'fold' as never })).toThrow(/districts must be/);
  });
});

describe('analyze', () => {
  it('refuses a data set without links', () => {
    const empty = parseSisterCityList('==A==\nAnqing\n');
    expect(() => analyze(empty)).toThrow(/no links to analyse \(1 Chinese entry, 0 foreign partners\)/);
  });
  it('refuses a projection of more pairs than projectionLimit, naming the place that makes it', () => {
    // Lille has 6 German partners: C(6, 2) = 15 pairs on the home side, + C(2, 2) = 1 from Turin.
    const homes = ['Aachen', 'Bonn', 'Celle', 'Dachau', 'Essen', 'Fulda'];
    const star = parseSisterCityList(['= List of twin towns and sister cities in Germany =', '==A==',
      ...homes.flatMap((h, i) => [h, '- FRA Lille, France', ...(i < 2 ? ['- ITA Turin, Italy'] : [])])].join('\n'), { source: 'star.txt' });
    expect(() => analyze(star, { runs: 1, projectionLimit: 15 })).toThrow('star.txt: the projection onto the German places would hold up to 16 pairs, more than the 15 twinnet analyses (memory): "Lille, France" alone is linked to 6 of them (15 pairs) — check the data for a place linked to nearly every other');
    expect(analyze(star, { runs: 1, projectionLimit: 16 }).sides.home.projection.u).toHaveLength(15); // 15 distinct pairs (Aachen–Bonn twice)
  });
  it('does not modify the data set', () => {
    const before = JSON.stringify(ds);
    analyze(ds, { runs: 1 });
    expect(JSON.stringify(ds)).toBe(before);
  });
  it('records its options, and merge gives fewer Chinese nodes', () => {
    const a = analyze(ds, { runs: 1, districts: 'merge', seed: 7 });
    expect(a.options).toMatchObject({ runs: 1, districts: 'merge', seed: 7, resolution: 1 });
    expect(a.index.home.keys).toHaveLength(149);
  });
});

describe('runsFor', () => {
  it('keeps every requested seed within the budget and at least one above it', async () => {
    const { runsFor } = await import('../../src/analysis/analyze.js');
    expect(runsFor(241, 10, 2_000_000)).toBe(10);
    expect(runsFor(283_000, 10, 2_000_000)).toBe(7);
    expect(runsFor(18_500_000, 10, 2_000_000)).toBe(1);
  });
});

describe('buildBipartiteIndexFromDataset (no graphology graph)', () => {
  it.each([
    ['the seed, districts separate', ds, 'separate'],
    ['the seed, districts merged (city and district sharing a partner make one edge)', ds, 'merge'],
    ['a synthetic list', parseSisterCityList(generateList({ scale: 3, seed: 5 }).text), 'separate'],
  ] as const)('equals the index of the graphology graph on %s', (_name, data, districts) => {
    const nodes = bipartiteNodes(data, { districts });
    const direct = buildBipartiteIndexFromDataset(data, nodes);
    const viaGraph = buildBipartiteIndex(buildBipartiteGraph(data, { districts }));
    expect(direct).toEqual(viaGraph);
    const g = buildBipartiteGraph(data, { districts });
    nodes.home.keys.forEach((k, i) => expect(g.getNodeAttributes(k)).toEqual(nodes.home.attributes[i]));
    nodes.partner.keys.forEach((k, j) => expect(g.getNodeAttributes(k)).toEqual(nodes.partner.attributes[j]));
  });

  it('builds the graphology graph of an analysis only when asked for it, once', () => {
    const a = analyze(ds, { runs: 1 });
    const g = a.graph;
    expect(a.graph).toBe(g);
    expect(g.order).toBe(a.unified.keys.length);
    expect(g.size).toBe(a.index.edges);
  });
});
