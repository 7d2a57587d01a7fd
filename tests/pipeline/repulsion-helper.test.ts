/**
 * The layout's second thread (`pipeline/repulsion-helper.ts`, compiled: only there is the worker
 * script beside it): ForceAtlas2 with its Barnes–Hut walks shared with a worker gives
 * graphology-layout-forceatlas2's positions bit for bit, the worker walking some of each job's
 * chunks; a worker that never takes a job up, or fails to load, holds nothing up and changes nothing;
 * small layouts are not shared; with workers off there is no helper.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { MultiUndirectedGraph } from 'graphology';
import { forceAtlas2Arrays } from '../../src/layout/forceatlas2.js';
import type { ForceAtlas2Input } from '../../src/layout/forceatlas2.js';
import { createRng } from '../../src/util/rng.js';

const compiled = '../../dist/src/pipeline/repulsion-helper.js';
const hasBuild = existsSync(new URL(compiled, import.meta.url));
if (!hasBuild) console.warn(`tests/pipeline/repulsion-helper: skipped, ${compiled} is not built (npm run build)`);
type HelperModule = typeof import('../../src/pipeline/repulsion-helper.js');

/** n nodes uniform in [−50, 50]², 2n random edges of weight 1–3, seeded. */
function randomInput(n: number, seed: number): ForceAtlas2Input {
  const rng = createRng(seed), m = 2 * n;
  return {
    x: Array.from({ length: n }, () => (rng() * 2 - 1) * 50), y: Array.from({ length: n }, () => (rng() * 2 - 1) * 50),
    source: Array.from({ length: m }, () => Math.floor(rng() * n)), target: Array.from({ length: m }, () => Math.floor(rng() * n)),
    weight: Array.from({ length: m }, () => 1 + Math.floor(rng() * 3)),
  };
}

/** How many positions differ from graphology-layout-forceatlas2's for the same input, as bits. */
function differencesFromGraphology(input: ForceAtlas2Input, ours: { x: Float32Array; y: Float32Array }, settings: object, iterations: number): number {
  const g = new MultiUndirectedGraph({ allowSelfLoops: true });
  for (let i = 0; i < input.x.length; i++) g.addNode(`n${i}`, { x: input.x[i], y: input.y[i] });
  for (let e = 0; e < input.source.length; e++) g.addEdge(`n${input.source[e]}`, `n${input.target[e]}`, { weight: input.weight[e] });
  const theirs = forceAtlas2(g, { iterations, settings, getEdgeWeight: 'weight' });
  let differ = 0;
  for (let i = 0; i < input.x.length; i++) {
    const p = theirs[`n${i}`] as { x: number; y: number };
    if (!Object.is(ours.x[i], p.x) || !Object.is(ours.y[i], p.y)) differ++;
  }
  return differ;
}

/** A helper whose worker runs `code` instead of the real worker (in a temporary file, removed after `use`). */
async function withScript<T>(code: string, use: (script: URL) => T): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'twinnet-repulsion-'));
  try {
    const script = join(dir, 'worker.mjs');
    writeFileSync(script, code);
    return use(pathToFileURL(script));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.runIf(hasBuild)('repulsionHelper (compiled: Barnes–Hut walks on a worker thread too)', () => {
  it('gives graphology\'s positions bit for bit with the worker walking part of each iteration', async () => {
    const { repulsionHelper, SHARED_REPULSION_NODES } = (await import(compiled)) as HelperModule;
    const n = SHARED_REPULSION_NODES + 1234, iterations = 3;
    const input = randomInput(n, 11);
    const settings = { ...forceAtlas2.inferSettings(n), barnesHutOptimize: true };
    const helper = repulsionHelper();
    if (helper === null) throw new Error('no helper: workers are on and the worker script is built');
    // The first layout starts the worker (it may come too late for the first jobs); layouts are
    // repeated until the worker has walked some chunks (on a busy machine a job may be over before it
    // wakes), each giving the same positions.
    const layouts: { x: Float32Array; y: Float32Array }[] = [];
    try {
      do layouts.push(forceAtlas2Arrays(input, settings, iterations, { repulsionHelper: helper }));
      while (helper.stats().walkedHere === helper.stats().chunks && layouts.length < 20);
    } finally {
      helper.close();
    }
    const stats = helper.stats();
    expect(stats.taken + stats.skipped).toBe(layouts.length * iterations);
    expect(stats.taken).toBeGreaterThan(0);
    expect(stats.walkedHere).toBeLessThan(stats.chunks); // the worker walked the others
    const [first] = layouts as [{ x: Float32Array; y: Float32Array }];
    expect(differencesFromGraphology(input, first, settings, iterations)).toBe(0);
    for (const other of layouts) {
      expect(Array.from(other.x)).toEqual(Array.from(first.x));
      expect(Array.from(other.y)).toEqual(Array.from(first.y));
    }
  }, 60_000);

  it('never waits for a worker that takes no job up, nor fails for one that cannot load: the caller walks every node, the same positions', async () => {
    const { repulsionHelper, SHARED_REPULSION_NODES } = (await import(compiled)) as HelperModule;
    const n = SHARED_REPULSION_NODES + 10, input = randomInput(n, 5);
    const settings = { ...forceAtlas2.inferSettings(n), barnesHutOptimize: true };
    const alone = forceAtlas2Arrays(input, settings, 2);
    for (const code of [
      "import { parentPort } from 'node:worker_threads'; parentPort.on('message', () => {});\n", // ignores every job
      "throw new Error('this worker cannot load');\n",
    ]) {
      const { laid, stats } = await withScript(code, (script) => {
        const helper = repulsionHelper(script);
        try {
          return { laid: forceAtlas2Arrays(input, settings, 2, { repulsionHelper: helper }), stats: helper?.stats() };
        } finally {
          helper?.close();
        }
      });
      expect(stats?.taken).toBe(0);
      expect(Array.from(laid.x)).toEqual(Array.from(alone.x));
      expect(Array.from(laid.y)).toEqual(Array.from(alone.y));
    }
  }, 60_000);

  it('survives a worker that cannot load in a process of its own (its error event ends no process)', async () => {
    const { SHARED_REPULSION_NODES } = (await import(compiled)) as HelperModule;
    const helperUrl = new URL(compiled, import.meta.url).href, layoutUrl = new URL('../../dist/src/layout/forceatlas2.js', import.meta.url).href;
    const out = await withScript("throw new Error('this worker cannot load');\n", (bad) => spawnSync(process.execPath, ['--input-type=module', '-e', `
      const { repulsionHelper } = await import(${JSON.stringify(helperUrl)});
      const { forceAtlas2Arrays } = await import(${JSON.stringify(layoutUrl)});
      const n = ${SHARED_REPULSION_NODES + 10}, x = [], y = [], s = [], t = [], w = [];
      for (let i = 0; i < n; i++) { x.push(Math.sin(i) * 50); y.push(Math.cos(1.3 * i) * 50); s.push(i); t.push((7 * i + 1) % n); w.push(1); }
      const helper = repulsionHelper(new URL(${JSON.stringify(bad.href)}));
      forceAtlas2Arrays({ x, y, source: s, target: t, weight: w }, { barnesHutOptimize: true }, 3, { repulsionHelper: helper });
      helper.close();
      setTimeout(() => console.log('alive, taken ' + helper.stats().taken), 300);
    `], { encoding: 'utf8' }));
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    expect(out.stdout.trim()).toBe('alive, taken 0');
  }, 60_000);

  it('takes no part in a small layout, and there is none when workers are off', async () => {
    const { repulsionHelper, SHARED_REPULSION_NODES } = (await import(compiled)) as HelperModule;
    const helper = repulsionHelper();
    expect(helper?.accepts(SHARED_REPULSION_NODES - 1)).toBe(false);
    expect(helper?.accepts(SHARED_REPULSION_NODES)).toBe(true);
    helper?.close();
    const before = process.env['TWINNET_WORKERS'];
    process.env['TWINNET_WORKERS'] = '0';
    try {
      expect(repulsionHelper()).toBeNull();
    } finally {
      if (before === undefined) delete process.env['TWINNET_WORKERS']; else process.env['TWINNET_WORKERS'] = before;
    }
  });
});
