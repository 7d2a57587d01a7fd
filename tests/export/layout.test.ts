import { describe, expect, it } from 'vitest';
import { UndirectedGraph } from 'graphology';
import { assignLayout, layoutForceAtlas2 } from '../../src/export/layout.js';
import { seedGraph } from './_helpers.js';

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

  it('is reproducible on the seed graph, where Barnes-Hut is on', () => {
    const g = seedGraph();
    const a = layoutForceAtlas2(g, { seed: 42, iterations: 60 });
    const b = layoutForceAtlas2(g, { seed: 42, iterations: 60 });
    expect(a.size).toBe(g.order);
    expect([...a]).toEqual([...b]);
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
