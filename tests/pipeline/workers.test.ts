import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { ChunkShare } from '../../src/pipeline/workers.js';

// The compiled module (npm test builds first): a worker thread imports it as plain JavaScript.
const compiled = new URL('../../dist/src/pipeline/workers.js', import.meta.url);
const hasBuild = existsSync(compiled);
type Workers = typeof import('../../src/pipeline/workers.js');

/**
 * Runs `body` with the main thread's end of a share whose other end is in a worker thread running
 * `shareChunks` for `count` chunks: chunk c is [c, 1] (1: made in the worker), or it throws when `fail`.
 */
async function withChunkWorker(count: number, fail: boolean, body: (w: Workers, main: ChunkShare) => void): Promise<void> {
  const w = (await import(compiled.href)) as Workers;
  const { main, worker } = w.chunkShare();
  const code = `
    const { workerData } = require('node:worker_threads');
    import(workerData.url).then(({ shareChunks }) => {
      shareChunks(workerData.share, workerData.count, (c) => { if (workerData.fail) throw new Error('boom at ' + c); return new Float64Array([c, 1]); });
    });`;
  const thread = new Worker(code, { eval: true, workerData: { url: compiled.href, share: worker, count, fail }, transferList: [worker.port] });
  thread.on('error', () => {}); // a failure is looked at through the main thread's end
  try {
    body(w, main);
  } finally {
    main.port.close();
    await thread.terminate();
  }
}

/** Blocks until the worker has posted `n` chunks (control[1]). */
function waitPosted(share: ChunkShare, n: number): void {
  for (let seen = Atomics.load(share.control, 1); seen < n; seen = Atomics.load(share.control, 1)) Atomics.wait(share.control, 1, seen, 1000);
}

describe.runIf(hasBuild)('chunks shared with a worker thread (compiled)', () => {
  it('takes every chunk once: all from the worker when the main thread comes late, none computed here', async () => {
    await withChunkWorker(7, false, ({ chunksLeft, collectChunks }, main) => {
      waitPosted(main, 7);
      const taken: number[] = [];
      let rest = 0;
      collectChunks(main, 7, (c) => new Float64Array([c, 0]), (c, value: Float64Array) => {
        expect(value[0]).toBe(c);
        expect(value[1]).toBe(1);
        taken.push(c);
      }, () => { rest++; });
      expect(taken.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6]);
      expect(rest).toBe(1);
      expect(chunksLeft(main)).toBe(false);
    });
  });

  it('says chunks may be left before the main thread has published their number', async () => {
    const { chunkShare, chunksLeft } = (await import(compiled.href)) as Workers;
    const { main } = chunkShare();
    expect(chunksLeft(main)).toBe(true);
    main.port.close();
  });

  it('takes every chunk once whoever computes which, the main thread starting at once', async () => {
    await withChunkWorker(40, false, ({ collectChunks }, main) => {
      const seen = new Map<number, number>();
      collectChunks(main, 40, (c) => {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2); // slow enough for the worker to get some
        return new Float64Array([c, 0]);
      }, (c, value: Float64Array) => {
        expect(seen.has(c)).toBe(false);
        seen.set(c, value[0] as number);
      });
      expect([...seen.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, c) => c));
      for (const [c, v] of seen) expect(v).toBe(c);
    });
  });

  it('throws the worker\'s error when it fails on a chunk, instead of waiting for it', async () => {
    await withChunkWorker(1, true, ({ collectChunks }, main) => {
      waitPosted(main, 1);
      expect(() => collectChunks(main, 1, () => new Float64Array(1), () => {})).toThrow(/worker failed on a shared chunk: Error: boom at 0/);
    });
  });
});
