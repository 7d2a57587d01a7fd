/** The bipartite graph's edge list without the graph: what graphEdgeList reads off the graph. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bipartiteEdgeList, bipartiteNodes, buildBipartiteGraph } from '../../src/graph/build-bipartite.js';
import { graphEdgeList } from '../../src/layout/layout.js';
import { parseSisterCityList } from '../../src/parse/parse-list.js';

const seed = parseSisterCityList(readFileSync('data/raw/china-sister-cities.txt', 'utf8'));

describe('bipartiteEdgeList', () => {
  it.each(['separate', 'merge'] as const)('equals graphEdgeList of buildBipartiteGraph (seed, districts %s)', (districts) => {
    const list = bipartiteEdgeList(seed, bipartiteNodes(seed, { districts }));
    const fromGraph = graphEdgeList(buildBipartiteGraph(seed, { districts }), null);
    expect(list.keys).toEqual(fromGraph.keys);
    expect(list.src).toEqual(fromGraph.src);
    expect(list.dst).toEqual(fromGraph.dst);
    expect(list.wt).toBeNull();
    expect(list.src.length).toBe(buildBipartiteGraph(seed, { districts }).size);
  });

  it('gives index pairs in the order of first link, home node first (by hand)', () => {
    const ds = parseSisterCityList('==A==\nAnqing\n- JPN Chiba, Japan\n- FRA Lyon, France\nBeihai\n- JPN Chiba, Japan\n');
    const nodes = bipartiteNodes(ds);
    const { keys, src, dst } = bipartiteEdgeList(ds, nodes);
    expect(keys).toEqual([...nodes.home.keys, ...nodes.partner.keys]);
    expect(keys.length).toBe(4);
    // Anqing–Chiba, Anqing–Lyon, Beihai–Chiba, as index pairs
    expect([...src]).toEqual([0, 0, 1]);
    expect([...dst]).toEqual([2, 3, 2]);
  });

  it('lists a pair linked twice once when a district merges into its city (by hand)', () => {
    // Anqing and its district Daguan both list Chiba: merged, Anqing–Chiba is one edge (lines 3 and 5)
    const ds = parseSisterCityList('==A==\nAnqing\n- JPN Chiba, Japan\nAnqing – Daguan District\n- JPN Chiba, Japan\n- FRA Lyon, France\n');
    const { keys, src, dst } = bipartiteEdgeList(ds, bipartiteNodes(ds, { districts: 'merge' }));
    expect(keys).toEqual(['cn:anqing', 'p:chiba-japan', 'p:lyon-france']);
    expect([...src]).toEqual([0, 0]);
    expect([...dst]).toEqual([1, 2]);
    // kept apart, the district is a node of its own with its two links
    const apart = bipartiteEdgeList(ds, bipartiteNodes(ds, { districts: 'separate' }));
    expect(apart.keys).toEqual(['cn:anqing', 'cn:anqing-daguan-district', 'p:chiba-japan', 'p:lyon-france']);
    expect([...apart.src]).toEqual([0, 1, 1]);
    expect([...apart.dst]).toEqual([2, 2, 3]);
  });

  it('refuses a key on both sides, as a graph would', () => {
    const nodes = bipartiteNodes(seed);
    const clash = { ...nodes, partner: { ...nodes.partner, keys: [nodes.home.keys[0] as string, ...nodes.partner.keys.slice(1)] } };
    expect(() => bipartiteEdgeList(seed, clash)).toThrow(/on both sides/);
  });
});
