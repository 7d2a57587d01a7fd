import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { pathPlan } from '../../src/analysis/centrality/paths.js';
import { parseSisterCityList } from '../../src/parse/parse-list.js';
import { generateList } from '../../src/synth/generate.js';

// The compiled module (npm test builds first): only there is the worker script beside it.
const compiled = '../../dist/src/pipeline/parallel.js';
const hasBuild = existsSync(new URL(compiled, import.meta.url));

/** The parts of an analysis a report reads, as plain data (typed arrays become arrays). */
function plain(a: ReturnType<typeof analyze>): unknown {
  const { dataset: _d, graph: _g, ...rest } = a;
  return JSON.parse(JSON.stringify(rest, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v)));
}

describe.runIf(hasBuild)('analyzeInParallel (compiled, partner side in a worker thread)', () => {
  it('equals analyze on the seed, and the projection keys are the index\'s own arrays', async () => {
    const { analyzeInParallel } = (await import(compiled)) as typeof import('../../src/pipeline/parallel.js');
    const ds = parseSisterCityList(readFileSync('data/raw/china-sister-cities.txt', 'utf8'));
    const stages: string[] = [];
    const par = await analyzeInParallel(ds, { runs: 3, onStage: (s) => stages.push(s) });
    expect(stages).toContain('waiting for the partner side'); // the worker was used
    expect(plain(par)).toEqual(plain(analyze(ds, { runs: 3 })));
    expect(par.sides.partner.projection.keys).toBe(par.index.partner.keys);
    expect(par.sides.partner.projection.sharedKeys).toBe(par.index.home.keys);
  });

  it('equals analyze when the worker, free first, takes the bipartite communities and the shortest paths\' chunks', async () => {
    const { analyzeInParallel } = (await import(compiled)) as typeof import('../../src/pipeline/parallel.js');
    const ds = parseSisterCityList(readFileSync('data/raw/china-sister-cities.txt', 'utf8'));
    const stages: string[] = [];
    // The main thread sleeps 4 s after its share: the worker finishes the partner side long before and claims them.
    const sleep = () => { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 4000); };
    const par = await analyzeInParallel(ds, { runs: 3, onStage: (s) => stages.push(s), whileWaiting: sleep });
    expect(stages).not.toContain('bipartite communities'); // not run on the main thread
    // The shortest paths come after `whileWaiting`: the worker, free, has claimed their chunks meanwhile.
    expect(stages).toContain('the worker\'s shortest-path chunks');
    expect(par.bipartite).not.toBeNull();
    expect(plain(par)).toEqual(plain(analyze(ds, { runs: 3 })));
  });

  it('equals analyze bit for bit on a generated list whose shortest paths come in 12 chunks, however the threads shared them', async () => {
    const { analyzeInParallel } = (await import(compiled)) as typeof import('../../src/pipeline/parallel.js');
    const ds = parseSisterCityList(generateList({ scale: 8, seed: 3 }).text);
    const par = await analyzeInParallel(ds, { runs: 2 });
    const seq = analyze(ds, { runs: 2 });
    expect(pathPlan(seq.unified).chunks.length - 1).toBe(12);
    for (const key of ['betweennessRaw', 'betweenness', 'closeness', 'harmonic', 'distanceSum'] as const) {
      const a = par.paths[key] as Float64Array, b = seq.paths[key] as Float64Array;
      expect(a.length).toBe(b.length);
      for (let v = 0; v < b.length; v++) expect(Object.is(a[v], b[v])).toBe(true);
    }
    expect(plain(par)).toEqual(plain(seq));
  });

  it('equals analyze with size limits that add notes (notes in the same order)', async () => {
    const { analyzeInParallel } = (await import(compiled)) as typeof import('../../src/pipeline/parallel.js');
    const ds = parseSisterCityList(generateList({ scale: 2, seed: 7 }).text);
    const limits = { runs: 2, sdsmLimit: 10, louvainLimit: 2000, sharedLimit: 50, exactLimit: 100, samples: 16, runBudget: 3000 };
    const stages: string[] = [];
    const par = await analyzeInParallel(ds, { ...limits, onStage: (s) => stages.push(s) });
    const seq = analyze(ds, limits);
    expect(seq.notes.length).toBeGreaterThanOrEqual(4);
    // The partner side's Louvain is skipped (limit): the main thread never projects it to help.
    expect(seq.sides.partner.communities).toBeNull();
    expect(stages).not.toContain('Louvain seeds of the partner side');
    expect(par.notes).toEqual(seq.notes);
    expect(plain(par)).toEqual(plain(seq));
  });
});
