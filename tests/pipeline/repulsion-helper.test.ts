/**
 * The layout's second thread (`pipeline/repulsion-helper.ts`, compiled: only there is the worker
 * script beside it): ForceAtlas2 with its Barnes–Hut walks shared with a worker gives
 * graphology-layout-forceatlas2's positions bit for bit; small layouts start no thread; with workers
 * off there is no helper.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { MultiUndirectedGraph } from 'graphology';
import { forceAtlas2Arrays } from '../../src/layout/forceatlas2.js';
import { createRng } from '../../src/util/rng.js';

const compiled = '../../dist/src/pipeline/repulsion-helper.js';
const hasBuild = existsSync(new URL(compiled, import.meta.url));
type HelperModule = typeof import('../../src/pipeline/repulsion-helper.js');

describe.runIf(hasBuild)('repulsionHelper (compiled: Barnes–Hut walks on a worker thread too)', () => {
  it('gives graphology\'s positions bit for bit on a layout large enough to share (a worker walks part of each iteration)', async () => {
    const { repulsionHelper, SHARED_REPULSION_NODES } = (await import(compiled)) as HelperModule;
    const n = SHARED_REPULSION_NODES + 1234, m = 2 * n, rng = createRng(11);
    const x = Array.from({ length: n }, () => (rng() * 2 - 1) * 50), y = Array.from({ length: n }, () => (rng() * 2 - 1) * 50);
    const source = Array.from({ length: m }, () => Math.floor(rng() * n)), target = Array.from({ length: m }, () => Math.floor(rng() * n));
    const weight = Array.from({ length: m }, () => 1 + Math.floor(rng() * 3));
    const settings = { ...forceAtlas2.inferSettings(n), barnesHutOptimize: true };
    const helper = repulsionHelper();
    if (helper === null) throw new Error('no helper: workers are on and the worker script is built');
    const started: boolean[] = [];
    // Shared as it comes (each thread takes chunks while there are some), and all on the worker (the
    // caller waits for it before walking, and finds nothing left).
    const shared = { ...helper, start: (job: Parameters<typeof helper.start>[0]) => { const s = helper.start(job); started.push(s); return s; } };
    const nap = new Int32Array(new SharedArrayBuffer(4));
    const workerOnly = {
      ...helper,
      start: (job: Parameters<typeof helper.start>[0]) => {
        const s = helper.start(job);
        while (Atomics.load(job.next, 0) < job.n) Atomics.wait(nap, 0, 0, 1); // until the worker has taken every chunk
        helper.wait();
        return s;
      },
      wait: () => {},
    };
    const input = { x, y, source, target, weight };
    let both, worker;
    try {
      both = forceAtlas2Arrays(input, settings, 3, { repulsionHelper: shared });
      worker = forceAtlas2Arrays(input, settings, 3, { repulsionHelper: workerOnly });
    } finally {
      helper.close();
    }
    expect(started).toEqual([true, true, true]);
    const g = new MultiUndirectedGraph({ allowSelfLoops: true });
    for (let i = 0; i < n; i++) g.addNode(`n${i}`, { x: x[i], y: y[i] });
    for (let e = 0; e < m; e++) g.addEdge(`n${source[e]}`, `n${target[e]}`, { weight: weight[e] });
    const theirs = forceAtlas2(g, { iterations: 3, settings, getEdgeWeight: 'weight' });
    for (const ours of [both, worker]) {
      let differ = 0;
      for (let i = 0; i < n; i++) {
        const p = theirs[`n${i}`] as { x: number; y: number };
        if (!Object.is(ours.x[i], p.x) || !Object.is(ours.y[i], p.y)) differ++;
      }
      expect(differ).toBe(0);
    }
  }, 60_000);

  it('never waits for a worker that does not take its jobs up: the caller walks every node, the same positions', async () => {
    const { repulsionHelper, SHARED_REPULSION_NODES } = (await import(compiled)) as HelperModule;
    // A worker that starts and never answers (it ignores every message).
    const dir = mkdtempSync(join(tmpdir(), 'twinnet-idle-'));
    const script = join(dir, 'idle-worker.mjs');
    writeFileSync(script, "import { parentPort } from 'node:worker_threads'; parentPort.on('message', () => {});\n");
    const n = SHARED_REPULSION_NODES + 10, rng = createRng(5);
    const input = {
      x: Array.from({ length: n }, () => (rng() * 2 - 1) * 50), y: Array.from({ length: n }, () => (rng() * 2 - 1) * 50),
      source: Array.from({ length: n }, (_, i) => i), target: Array.from({ length: n }, (_, i) => (i * 7 + 3) % n), weight: Array.from({ length: n }, () => 1),
    };
    const settings = { ...forceAtlas2.inferSettings(n), barnesHutOptimize: true };
    const idle = repulsionHelper(pathToFileURL(script));
    let ours;
    try {
      ours = forceAtlas2Arrays(input, settings, 2, { repulsionHelper: idle });
    } finally {
      idle?.close();
      rmSync(dir, { recursive: true, force: true });
    }
    const alone = forceAtlas2Arrays(input, settings, 2);
    expect(Array.from(ours.x)).toEqual(Array.from(alone.x));
    expect(Array.from(ours.y)).toEqual(Array.from(alone.y));
  }, 60_000);

  it('starts no thread for a small layout (the caller walks every node) and none when workers are off', async () => {
    const { repulsionHelper, SHARED_REPULSION_NODES } = (await import(compiled)) as HelperModule;
    const helper = repulsionHelper();
    const job = { n: SHARED_REPULSION_NODES - 1 } as Parameters<NonNullable<typeof helper>['start']>[0];
    expect(helper?.start(job)).toBe(false);
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
