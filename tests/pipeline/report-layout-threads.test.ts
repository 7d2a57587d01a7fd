/**
 * The report's layouts in threads of their own (compiled: only there are the worker scripts beside
 * the modules): with every layout in a worker — the bipartite graph's from the start, the home
 * projection's from when the home side is analysed (`layoutWorkerCore: 0`) — the files are the same
 * bytes as with every layout on the main thread. On the seed both cores are far below the default
 * threshold, so without lowering it neither worker would start.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSisterCityList } from '../../src/parse/parse-list.js';

const compiled = '../../dist/src/pipeline/report.js';
const hasBuild = existsSync(new URL(compiled, import.meta.url));
const SEED = 'data/raw/china-sister-cities.txt';

/** A file's content as bytes, whichever form it was given in. */
const bytes = (content: string | Uint8Array | Iterable<string>): Buffer =>
  typeof content === 'string' ? Buffer.from(content, 'utf8') : content instanceof Uint8Array ? Buffer.from(content) : Buffer.from([...content].join(''), 'utf8');

describe.runIf(hasBuild)('computeReport with its layouts in worker threads (compiled)', () => {
  it('writes the same files as with the layouts on the main thread (seed; layoutWorkerCore 0 against ∞)', async () => {
    const { computeReport, LAYOUT_WORKER_CORE } = (await import(compiled)) as typeof import('../../src/pipeline/report.js');
    expect(LAYOUT_WORKER_CORE).toBe(2_000);
    const report = async (layoutWorkerCore: number) => {
      const r = await computeReport(
        () => parseSisterCityList(readFileSync(SEED, 'utf8'), { source: SEED }),
        { out: 'out', name: 'r', snapshotDate: null, sourceUrl: null, analysis: { runs: 2 }, nullSamples: 10, layoutIterations: 15, layoutWorkerCore },
      );
      return new Map(r.files.map((f) => [f.path, bytes(f.content)]));
    };
    const inWorkers = await report(0), here = await report(Number.POSITIVE_INFINITY);
    expect([...inWorkers.keys()].sort()).toEqual([...here.keys()].sort());
    expect([...inWorkers.keys()]).toEqual(expect.arrayContaining(['out/r.html', 'out/r.gexf', 'out/r.json']));
    for (const [path, content] of here) expect(inWorkers.get(path)?.equals(content), path).toBe(true);
  });
});
