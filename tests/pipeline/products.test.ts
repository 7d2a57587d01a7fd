/** A run's products: each made once, on first use, and equal to what the pure functions give on their own. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { jaccardWeights, nodeRows } from '../../src/analysis/results.js';
import { exportNetwork } from '../../src/export/network.js';
import { networkLayout } from '../../src/layout/network-layout.js';
import { parseSisterCityList } from '../../src/parse/parse-list.js';
import { runProducts } from '../../src/pipeline/products.js';

describe('runProducts', () => {
  const a = analyze(parseSisterCityList(readFileSync('data/raw/china-sister-cities.txt', 'utf8')), { runs: 2 });

  it('makes each product once and hands out the same object after', () => {
    const run = runProducts(a, { seed: 42, iterations: 5 });
    expect(run.rows()).toBe(run.rows());
    expect(run.jaccard('partner')).toBe(run.jaccard('partner'));
    expect(run.network('home', 'jaccard')).toBe(run.network('home', 'jaccard'));
    expect(run.network('home', 'jaccard')).not.toBe(run.network('home', 'count'));
    expect(run.layout('bipartite')).toBe(run.layout('bipartite', 'newman')); // the bipartite graph has no weights
  });

  it('gives what the pure functions give', () => {
    const run = runProducts(a, { seed: 42, iterations: 5 });
    expect(run.rows()).toEqual(nodeRows(a));
    expect(run.jaccard('home')).toEqual(jaccardWeights(a.sides.home.projection));
    // Edge keys aside (graphology numbers them across graphs).
    const content = (g: ReturnType<typeof exportNetwork>['graph']) => [g.mapNodes((k, attr) => [k, attr]), g.mapEdges((_e, attr, s, t) => [s, t, attr])];
    expect(content(run.network('partners').graph)).toEqual(content(exportNetwork(a, 'partners').graph));
  });

  it.each([['home', 'count'], ['home', 'jaccard'], ['partners', 'newman'], ['bipartite', 'count']] as const)(
    'lays out %s (weight %s) where the export network is laid out, without building it', (kind, weight) => {
      const run = runProducts(a, { seed: 7, iterations: 5 });
      const expected = networkLayout(exportNetwork(a, kind, weight), { seed: 7, iterations: 5 });
      expect(run.layout(kind, weight)).toEqual(expected);
    });

  it('uses a layout it is given instead of laying out again, and defaults iterations by the core', () => {
    const given = { positions: new Map([['x', { x: 1, y: 2 }]]), iterations: 3 };
    expect(runProducts(a, { seed: 42, known: { bipartite: given } }).layout('bipartite')).toBe(given);
    expect(runProducts(a, { seed: 42 }).layout('home').iterations).toBe(100);
  });
});
