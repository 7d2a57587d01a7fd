import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { graphEdgeList, layoutForceAtlas2 } from '../../src/layout/layout.js';
import { analysisLayout, projectionEdgeList } from '../../src/layout/network-layout.js';
import { parseSisterCityList } from '../../src/parse/parse-list.js';
import { seedGraph } from '../export/_helpers.js';

// The compiled module (npm test builds first): only there is the layout worker script beside it.
const compiled = '../../dist/src/pipeline/layout-job.js';
const hasBuild = existsSync(new URL(compiled, import.meta.url));

describe.runIf(hasBuild)('layoutInWorker (compiled: the layout in a worker thread, from the edge list)', () => {
  it('gives the positions of layoutForceAtlas2 on the main thread bit for bit, unweighted and weighted', async () => {
    const { layoutInWorker } = (await import(compiled)) as typeof import('../../src/pipeline/layout-job.js');
    const g = seedGraph();
    g.forEachEdge((e, _a, s, t) => { g.setEdgeAttribute(e, 'w', 1 + ((s.length * 7 + t.length) % 5)); });
    for (const weightKey of [null, 'w']) {
      const options = { seed: 7, iterations: 40, weightKey };
      const inWorker = (await layoutInWorker(graphEdgeList(g, weightKey), options)).positions;
      const here = layoutForceAtlas2(g, options);
      expect([...inWorker.keys()]).toEqual([...here.keys()]);
      for (const [k, p] of here) {
        expect(Object.is(inWorker.get(k)?.x, p.x)).toBe(true);
        expect(Object.is(inWorker.get(k)?.y, p.y)).toBe(true);
      }
    }
  });
  it('lays out a projection from its edge lists as analysisLayout does on the main thread, bit for bit', async () => {
    const { layoutInWorker } = (await import(compiled)) as typeof import('../../src/pipeline/layout-job.js');
    const a = analyze(parseSisterCityList(readFileSync('data/raw/china-sister-cities.txt', 'utf8')), { runs: 1 });
    for (const [kind, side, weight] of [['home', 'home', 'count'], ['partners', 'partner', 'jaccard']] as const) {
      const inWorker = (await layoutInWorker(projectionEdgeList(a.sides[side].projection, weight), { seed: 3, iterations: 30 })).positions;
      const here = analysisLayout(a, kind, weight, { seed: 3, iterations: 30 }).positions;
      expect(here.size).toBe(a.sides[side].projection.keys.length);
      expect([...inWorker.keys()]).toEqual([...here.keys()]);
      for (const [k, p] of here) {
        expect(Object.is(inWorker.get(k)?.x, p.x)).toBe(true);
        expect(Object.is(inWorker.get(k)?.y, p.y)).toBe(true);
      }
    }
  });
  it('gets no weight that is not a finite number ≥ 0: the edge list refuses it, naming the edge', () => {
    const g = seedGraph();
    const [e] = g.edges();
    g.setEdgeAttribute(e as string, 'w', -1);
    g.forEachEdge((x) => { if (x !== e) g.setEdgeAttribute(x, 'w', 1); });
    expect(() => graphEdgeList(g, 'w')).toThrow(/weight "w" must be a finite number ≥ 0, got -1/);
  });
});
