import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

// Every renameSync goes through this hook, so a test can make the k-th one fail.
const hook = vi.hoisted(() => ({ failAt: -1, calls: 0 }));
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return {
    ...real,
    renameSync: (from: fs.PathLike, to: fs.PathLike) => {
      if (hook.calls++ === hook.failAt) throw Object.assign(new Error('injected'), { code: 'EIO' });
      return real.renameSync(from, to);
    },
  };
});

const { HELPER_BYTES, TEXT_SLICE, writeFilesAtomically, removeTemporaries, sweepStale } = await import('../../src/io/atomic-write.js');
const { OutputError } = await import('../../src/util/errors.js');

afterEach(() => { hook.failAt = -1; hook.calls = 0; });

/** Every file of a directory with its text, recursively (what a failed write must leave unchanged). */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const p = join(e.parentPath, e.name);
    out[p.slice(dir.length)] = e.isFile() ? readFileSync(p, 'utf8') : '<dir>';
  }
  return out;
}

function setUp(): { dir: string; files: { path: string; content: string }[] } {
  const dir = mkdtempSync(join(tmpdir(), 'twinnet-atomic-'));
  writeFileSync(join(dir, 'a.md'), 'old a');
  writeFileSync(join(dir, 'c.json'), 'old c');
  const files = ['a.md', 'b.svg', 'c.json', 'd.html'].map((n) => ({ path: join(dir, n), content: `new ${n}` }));
  return { dir, files };
}

describe('writeFilesAtomically', () => {
  it('refuses a directory standing where a file goes, naming it, and changes nothing', () => {
    const { dir, files } = setUp();
    mkdirSync(join(dir, 'c.json.d'));
    const blocked = [...files, { path: join(dir, 'c.json.d'), content: 'x' }];
    const before = snapshot(dir);
    let error: unknown;
    try { writeFilesAtomically(blocked); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(OutputError);
    expect((error as Error).message).toContain(join(dir, 'c.json.d'));
    expect((error as Error).message).toMatch(/a directory is in the way/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('removes the folders it made when the write fails: no empty output folder left', () => {
    const { dir } = setUp();
    const before = snapshot(dir);
    hook.failAt = 1; // the second rename: the swap of the second file
    const files = ['x.md', 'y.json'].map((n) => ({ path: join(dir, 'new', 'deeper', n), content: n }));
    expect(() => writeFilesAtomically(files)).toThrow(OutputError);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses an output under a regular file, with the cause in words', () => {
    const { dir } = setUp();
    expect(() => writeFilesAtomically([{ path: join(dir, 'a.md', 'x.txt'), content: 'x' }])).toThrow(/a file (is in the way|stands where a directory is needed)/);
  });

  it('replaces every file and leaves no temporary file when all goes well', () => {
    const { dir, files } = setUp();
    expect(writeFilesAtomically(files)).toEqual(files.map((f) => f.path));
    expect(Object.keys(snapshot(dir)).sort()).toEqual(['/a.md', '/b.svg', '/c.json', '/d.html']);
    for (const f of files) expect(readFileSync(f.path, 'utf8')).toBe(f.content);
  });

  // 4 files, 2 of which exist: 6 renames in the swap (2 set aside + 4 moved in). A failure at any one
  // of them must leave the directory exactly as it was.
  it.each([0, 1, 2, 3, 4, 5])('restores the previous files when rename %i of the swap fails', (k) => {
    const { dir, files } = setUp();
    const before = snapshot(dir);
    hook.failAt = k;
    expect(() => writeFilesAtomically(files)).toThrow(OutputError);
    expect(snapshot(dir)).toEqual(before);
  });

  it('writes text given in pieces', () => {
    const { dir } = setUp();
    const path = join(dir, 'big.txt');
    writeFilesAtomically([{ path, content: ['x'.repeat(1 << 20), 'y', 'z'] }]);
    expect(readFileSync(path, 'utf8')).toBe(`${'x'.repeat(1 << 20)}yz`);
  });

  describe('large bytes, written by a helper thread while this one writes the rest', () => {
    const big = () => {
      const bytes = new Uint8Array(HELPER_BYTES + 17);
      for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + 7) & 255;
      return bytes;
    };
    const text = 'é'.repeat(HELPER_BYTES) + '\n'; // as much again as the bytes: the helper is worth starting

    it('writes every file, the same bytes as written on one thread', () => {
      const { dir, files } = setUp();
      const bytes = big(), copy = bytes.slice();
      const all = [{ path: join(dir, 'g.gexf'), content: bytes }, { path: join(dir, 'j.json'), content: text }, ...files];
      expect(writeFilesAtomically(all)).toEqual(all.map((f) => f.path));
      expect(bytes.byteLength).toBe(0); // handed to the helper (their ArrayBuffer transferred)
      expect(readFileSync(join(dir, 'g.gexf')).equals(copy)).toBe(true); // (toEqual walks 8 MB item by item)
      expect(readFileSync(join(dir, 'j.json'), 'utf8')).toBe(text);
      for (const f of files) expect(readFileSync(f.path, 'utf8')).toBe(f.content);
      expect(readdirSync(dir).filter((n) => n.startsWith('.twinnet-'))).toEqual([]);
    });

    it('writes bytes it cannot hand to a helper (WebAssembly memory) on this thread', () => {
      const { dir, files } = setUp();
      const memory = new WebAssembly.Memory({ initial: Math.ceil(HELPER_BYTES / 65536) + 1 });
      const bytes = new Uint8Array(memory.buffer);
      bytes.fill(7, 0, 1000);
      const all = [{ path: join(dir, 'w.bin'), content: bytes }, { path: join(dir, 'j.json'), content: text }, ...files];
      writeFilesAtomically(all);
      expect(readFileSync(join(dir, 'w.bin')).equals(bytes)).toBe(true);
      expect(bytes.byteLength).toBe(memory.buffer.byteLength); // not detached
    });

    it('checks every target before the helper starts: a directory in the way, nothing written', () => {
      const { dir, files } = setUp();
      mkdirSync(join(dir, 'x.d'));
      const before = snapshot(dir);
      const all = [{ path: join(dir, 'g.gexf'), content: big() }, { path: join(dir, 'j.json'), content: text }, ...files, { path: join(dir, 'x.d'), content: 'x' }];
      expect(() => writeFilesAtomically(all)).toThrow(/a directory is in the way/);
      expect(snapshot(dir)).toEqual(before);
    });

    it('leaves the previous files as they were when a write on this thread fails while the helper writes', () => {
      const { dir, files } = setUp();
      const before = snapshot(dir);
      const bytes = big();
      const failing = (function* () { yield 'x'.repeat(1 << 20); throw Object.assign(new Error('injected'), { code: 'EIO' }); })();
      const all = [{ path: join(dir, 'g.gexf'), content: bytes }, { path: join(dir, 'j.json'), content: text }, ...files, { path: join(dir, 'e.txt'), content: failing }];
      expect(() => writeFilesAtomically(all)).toThrow(/input\/output error/);
      expect(bytes.byteLength).toBe(0); // the helper was writing
      expect(snapshot(dir)).toEqual(before);
    });

    it.each([0, 3])('restores the previous files when rename %i of the swap fails', (k) => {
      const { dir, files } = setUp();
      writeFileSync(join(dir, 'g.gexf'), 'old g');
      const before = snapshot(dir);
      hook.failAt = k;
      const bytes = big();
      expect(() => writeFilesAtomically([{ path: join(dir, 'g.gexf'), content: bytes }, { path: join(dir, 'j.json'), content: text }, ...files])).toThrow(OutputError);
      expect(bytes.byteLength).toBe(0);
      expect(snapshot(dir)).toEqual(before);
    });
  });

  it('writes a long string in slices, the bytes of the whole (surrogate pairs at the slice boundaries, lone surrogates)', () => {
    const { dir } = setUp();
    const slice = TEXT_SLICE;
    // An astral character straddling the first boundary (which moves back by one: the second slice
    // ends at 2·slice − 1), one ending at the second boundary, lone surrogates, accents.
    const text = `${'a'.repeat(slice - 1)}😀${'é'.repeat(slice - 4)}😀\uD800x${'z'.repeat(17)}\uDC00${'ü'.repeat(2 * slice)}`;
    expect(text.charCodeAt(2 * slice - 2)).toBe(0xdc00 + 0x1f600 % 0x400); // the second pair ends at 2·slice − 1
    const path = join(dir, 'long.txt');
    writeFilesAtomically([{ path, content: text }]);
    expect(readFileSync(path).equals(Buffer.from(text, 'utf8'))).toBe(true);
  });

  it('writes text in pieces as the bytes of the pieces joined (a pair split between pieces, 3-byte characters filling the buffer, a long piece, a lone surrogate at the end)', () => {
    const { dir } = setUp();
    const pieces: string[] = [];
    for (let i = 0; i < 3000; i++) pieces.push(`${'中'.repeat(i % 700)}<${i}>`);
    pieces.push('x\uD83D', '\uDE00y'); // 😀 split between two pieces
    pieces.push(`${'€'.repeat(TEXT_SLICE + 5)}\uD83D`, '\uDE00', 'tail', '\uDC00', 'end\uD83D');
    const path = join(dir, 'pieces.txt');
    writeFilesAtomically([{ path, content: pieces.values() }]);
    const joined = pieces.join('');
    expect(readFileSync(path).equals(Buffer.from(joined, 'utf8'))).toBe(true);
    expect(readFileSync(path, 'utf8')).toContain('x😀y');
  });

  it('has nothing to undo between writes', () => {
    const { dir } = setUp();
    const before = snapshot(dir);
    removeTemporaries();
    expect(snapshot(dir)).toEqual(before);
  });

  it('sweeps what a killed process left: staged files removed, a set-aside file restored or dropped', () => {
    const { dir } = setUp();
    const dead = spawnSync('true').pid as number; // exited: its pid names no live process
    writeFileSync(join(dir, `.twinnet-tmp-${dead}-0`), 'half-written');
    writeFileSync(join(dir, `.twinnet-old-${dead}-1-gone.md`), 'previous gone.md'); // killed mid-swap: target missing
    writeFileSync(join(dir, `.twinnet-old-${dead}-2-a.md`), 'previous a'); // killed after the swap: target present
    writeFileSync(join(dir, `.twinnet-tmp-${process.pid}-99`), 'ours, in progress');
    sweepStale(dir);
    expect(snapshot(dir)).toEqual({
      '/a.md': 'old a', '/c.json': 'old c', '/gone.md': 'previous gone.md', [`/.twinnet-tmp-${process.pid}-99`]: 'ours, in progress',
    });
  });
});
