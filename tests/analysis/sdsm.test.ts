import { describe, expect, it } from 'vitest';
import { buildBipartiteIndex } from '../../src/graph/bipartite-index.js';
import { project } from '../../src/analysis/projection/project.js';
import { fitBicm, sdsm } from '../../src/analysis/projection/sdsm.js';
import { twoMode } from './helpers.js';

describe('the stochastic degree sequence model', () => {
  // a, b → {x, y}; c, d → {z, w}: every degree 2, 4 × 4 nodes, so the BiCM is uniform p = 2/4 = 1/2.
  const index = buildBipartiteIndex(twoMode('a-x a-y b-x b-y c-z c-w d-z d-w'));
  it('fits link probabilities that reproduce every degree (uniform 1/2 for a regular graph)', () => {
    const fit = fitBicm(index, 'home');
    expect(fit.p[0]?.[0]).toBeCloseTo(1 / 2, 10);
    expect(fit.maxError).toBeLessThan(1e-9);
  });
  it('gives P(S ≥ 2) = 67/256 for a pair sharing both partners', () => {
    // q = (1/2)² = 1/4 for each of 4 partners: 1 − (3/4)⁴ − 4·(1/4)(3/4)³ = 1 − 81/256 − 108/256.
    const r = sdsm(index, project(index, 'home'));
    expect(r.p[0]).toBeCloseTo(67 / 256, 12);
    expect(r.tests).toBe(6);
  });
  it('matches expected degrees on an irregular graph', () => {
    const g = buildBipartiteIndex(twoMode('a-x a-y a-z b-x c-x c-w d-y'));
    const fit = fitBicm(g, 'home');
    expect(fit.maxError).toBeLessThan(1e-9);
  });
});

describe('the grouped Poisson-binomial tail', () => {
  it('equals the per-item exact tail for mixed classes', async () => {
    const { groupedUpperTail } = await import('../../src/analysis/projection/sdsm.js');
    const { poissonBinomialUpperTail } = await import('../../src/analysis/stats/poisson-binomial.js');
    const counts = [3, 1, 4, 2], q = [0.1, 0.5, 0.02, 0.9];
    const items = counts.flatMap((m, b) => Array<number>(m).fill(q[b] as number));
    for (let c = 0; c <= 6; c++) expect(groupedUpperTail(c, counts, q)).toBeCloseTo(poissonBinomialUpperTail(c, items), 14);
  });
  it('handles certain and impossible items', async () => {
    const { groupedUpperTail } = await import('../../src/analysis/projection/sdsm.js');
    expect(groupedUpperTail(2, [2, 5], [1, 0])).toBeCloseTo(1, 15);
    expect(groupedUpperTail(3, [2, 5], [1, 0])).toBe(0);
  });
});

describe('the grouped tail for tiny probabilities', () => {
  it('keeps relative accuracy far below 1e-16', async () => {
    const { groupedUpperTail } = await import('../../src/analysis/projection/sdsm.js');
    const { poissonBinomialUpperTail } = await import('../../src/analysis/stats/poisson-binomial.js');
    const counts = [50, 30], q = [1e-4, 3e-3];
    const items = counts.flatMap((m, b) => Array<number>(m).fill(q[b] as number));
    expect(poissonBinomialUpperTail(9, items)).toBeLessThan(1e-12);
    for (const c of [3, 5, 9]) {
      const exact = poissonBinomialUpperTail(c, items);
      expect(Math.abs(groupedUpperTail(c, counts, q) - exact) / exact).toBeLessThan(1e-10);
    }
  });
});
