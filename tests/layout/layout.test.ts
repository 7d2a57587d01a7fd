import { describe, expect, it } from 'vitest';
import { UndirectedGraph } from 'graphology';
import { assignLayout, graphEdgeList, layoutCoreOrder, layoutForceAtlas2, listEdgeList } from '../../src/layout/layout.js';
import { networkLayout } from '../../src/layout/network-layout.js';
import { seedGraph } from '../export/_helpers.js';

function ring(n: number): UndirectedGraph {
  const g = new UndirectedGraph();
  for (let i = 0; i < n; i++) g.addNode(`n${i}`, { label: `N${i}` });
  for (let i = 0; i < n; i++) g.addEdge(`n${i}`, `n${(i + 1) % n}`, { weight: 1 + (i % 3) });
  return g;
}

describe('layoutForceAtlas2', () => {
  it.each([
    ['a negative iteration count', { iterations: -1 }, /iterations/],
    ['a fractional iteration count', { iterations: 1.5 }, /iterations/],
    ['a seed that is not a safe integer', { seed: 0.5 }, /seed/],
    ['a weight attribute that is not a number', { weightKey: 'label' }, /weight "label"/],
  ])('rejects %s', (_name, options, message) => {
    expect(() => layoutForceAtlas2(ring(5), options)).toThrow(message);
  });

  it('gives identical positions for the same seed and different ones for another seed', () => {
    const g = ring(30);
    const a = layoutForceAtlas2(g, { seed: 1 });
    const b = layoutForceAtlas2(g, { seed: 1 });
    const c = layoutForceAtlas2(g, { seed: 2 });
    expect([...a]).toEqual([...b]);
    expect([...a]).not.toEqual([...c]);
  });

  it('is reproducible on the seed graph, with leaves on discs and with every node laid out (Barnes–Hut on)', () => {
    const g = seedGraph();
    for (const leaves of ['ring', 'layout'] as const) {
      const a = layoutForceAtlas2(g, { seed: 42, iterations: 30, leaves });
      const b = layoutForceAtlas2(g, { seed: 42, iterations: 30, leaves });
      expect(a.size).toBe(g.order);
      expect([...a]).toEqual([...b]);
    }
  });

  it('rounds to 4 decimals by default and never returns -0', () => {
    const positions = layoutForceAtlas2(ring(12), { seed: 3, iterations: 50 });
    for (const { x, y } of positions.values()) {
      for (const v of [x, y]) {
        expect(Math.round(v * 1e4) / 1e4).toBe(v);
        expect(Object.is(v, -0)).toBe(false);
      }
    }
    const coarse = layoutForceAtlas2(ring(12), { seed: 3, iterations: 50, decimals: 0 });
    for (const { x } of coarse.values()) expect(Number.isInteger(x)).toBe(true);
  });

  it('reads weights only when asked, and then they change the layout', () => {
    const g = ring(12);
    expect([...layoutForceAtlas2(g, { seed: 5, weightKey: 'weight' })]).not.toEqual([...layoutForceAtlas2(g, { seed: 5 })]);
  });

  it('leaves the input graph untouched; assignLayout writes x and y as a separate step', () => {
    const g = ring(8);
    const before = JSON.stringify(g.export());
    const positions = layoutForceAtlas2(g, { seed: 9, iterations: 10 });
    expect(JSON.stringify(g.export())).toBe(before);
    assignLayout(g, positions);
    expect(g.getNodeAttributes('n0')).toEqual({ label: 'N0', ...positions.get('n0') });
  });

  it('returns the seeded initial positions when iterations is 0', () => {
    const positions = layoutForceAtlas2(ring(4), { seed: 11, iterations: 0 });
    for (const { x, y } of positions.values()) {
      expect(Math.abs(x)).toBeLessThanOrEqual(50);
      expect(Math.abs(y)).toBeLessThanOrEqual(50);
    }
  });
});

describe('layoutForceAtlas2 with leaves on discs', () => {
  /** Two hubs joined by an edge; hub a has 5 leaves, hub b 2, and one separate pair c–d. */
  function stars(): UndirectedGraph {
    const g = new UndirectedGraph();
    for (const k of ['a', 'b', 'c', 'd', 'a1', 'a2', 'a3', 'a4', 'a5', 'b1', 'b2']) g.addNode(k);
    g.addEdge('a', 'b', { weight: 2 });
    for (let i = 1; i <= 5; i++) g.addEdge('a', `a${i}`, { weight: 1 });
    g.addEdge('b', 'b1', { weight: 1 });
    g.addEdge('b', 'b2', { weight: 1 });
    g.addEdge('c', 'd', { weight: 1 });
    return g;
  }

  it('puts each leaf within the balance radius √(kr (1 + w)(1 + s_hub) / w) of its hub, on Vogel\'s spiral', () => {
    const p = layoutForceAtlas2(stars(), { seed: 4, iterations: 50 });
    const dist = (u: string, v: string): number => Math.hypot(p.get(u)!.x - p.get(v)!.x, p.get(u)!.y - p.get(v)!.y);
    // Unweighted: w = 1, kr = 10; hub a has degree 6, hub b degree 3.
    const Ra = Math.sqrt(10 * 2 * 7), Rb = Math.sqrt(10 * 2 * 4);
    // Leaf j of k sits at R·√((j + ½)/k) (4-decimal rounding of both ends allows 1e-3).
    for (let j = 0; j < 5; j++) expect(dist('a', `a${j + 1}`)).toBeCloseTo(Ra * Math.sqrt((j + 0.5) / 5), 3);
    for (let j = 0; j < 2; j++) expect(dist('b', `b${j + 1}`)).toBeCloseTo(Rb * Math.sqrt((j + 0.5) / 2), 3);
    // Successive leaves turn by the golden angle π(3 − √5).
    const angle = (leaf: string): number => Math.atan2(p.get(leaf)!.y - p.get('a')!.y, p.get(leaf)!.x - p.get('a')!.x);
    const turn = (((angle('a2') - angle('a1')) % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
    expect(turn).toBeCloseTo(Math.PI * (3 - Math.sqrt(5)), 3);
  });

  it('lays out a pair of degree-1 nodes (neither is the other\'s hub) and gives every node a position', () => {
    const g = stars();
    const p = layoutForceAtlas2(g, { seed: 4, iterations: 50 });
    expect(p.size).toBe(g.order);
    expect(p.get('c')).not.toEqual(p.get('d'));
  });

  it("with leaves: 'layout' moves leaves by ForceAtlas2 too (other positions), reproducibly", () => {
    const g = stars();
    const ring = layoutForceAtlas2(g, { seed: 4, iterations: 50 });
    const all = layoutForceAtlas2(g, { seed: 4, iterations: 50, leaves: 'layout' });
    expect([...all]).toEqual([...layoutForceAtlas2(g, { seed: 4, iterations: 50, leaves: 'layout' })]);
    expect(all.get('a1')).not.toEqual(ring.get('a1'));
  });

  it('counts the core it iterates: all nodes but leaves', () => {
    expect(layoutCoreOrder(stars())).toBe(4); // a, b, c, d
    expect(layoutCoreOrder(ring(6))).toBe(6);
  });
});

describe('layout from node and edge lists (no graph built)', () => {
  const listsOf = (g: UndirectedGraph) => ({
    keys: g.nodes(),
    edges: g.mapEdges((_e, attributes, source, target) => ({ source, target, attributes })),
  });

  it('reads the same edge list as the graph the lists make, weights included', () => {
    const g = ring(7);
    const { keys, edges } = listsOf(g);
    for (const key of [null, 'weight']) {
      const fromList = listEdgeList(keys, edges, key), fromGraph = graphEdgeList(g, key);
      expect(fromList.keys).toEqual(fromGraph.keys);
      expect([...fromList.src]).toEqual([...fromGraph.src]);
      expect([...fromList.dst]).toEqual([...fromGraph.dst]);
      expect(fromList.wt && [...fromList.wt]).toEqual(fromGraph.wt && [...fromGraph.wt]);
    }
    expect([...listEdgeList(keys, edges, 'weight').wt!]).toEqual([1, 2, 3, 1, 2, 3, 1]); // 1 + (i mod 3) by hand
  });

  it('gives networkLayout the same positions and iterations from the lists as from the graph (seed graph)', () => {
    const g = seedGraph();
    const fromGraph = networkLayout({ graph: g, weightKey: null }, { seed: 42 });
    const fromLists = networkLayout({ get graph(): never { throw new Error('graph read'); }, weightKey: null, ...listsOf(g) }, { seed: 42 });
    expect(fromLists.iterations).toBe(fromGraph.iterations);
    expect([...fromLists.positions]).toEqual([...fromGraph.positions]);
  });

  it('refuses an edge to a node not listed, a repeated node and a bad weight', () => {
    expect(() => listEdgeList(['a'], [{ source: 'a', target: 'b', attributes: {} }], null)).toThrow(/a–b names a node not in the list/);
    expect(() => listEdgeList(['a', 'a'], [], null)).toThrow(/repeats a key/);
    expect(() => listEdgeList(['a', 'b'], [{ source: 'a', target: 'b', attributes: { weight: -1 } }], 'weight')).toThrow(/weight "weight" must be a finite number ≥ 0, got -1/);
  });
});
