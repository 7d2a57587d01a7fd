import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileReader } from '../../src/geo/load-gazetteer.js';

describe('fileReader', () => {
  it('gives the same bytes through the descriptor and, after `wholeAfter` reads, from the whole file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'twinnet-reader-'));
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 251);
    const path = join(dir, 'index.bin');
    writeFileSync(path, bytes);
    const reader = fileReader(path, 3);
    const ranges: [number, number][] = [[0, 10], [65_530, 20], [123, 0], [69_990, 10], [69_995, 10], [40_000, 30_000], [5, 1]];
    for (const [position, length] of ranges) {
      // reads 4 … 7 come from the whole file; past the end both give the bytes there are
      expect(Array.from(reader.read(position, length))).toEqual(Array.from(bytes.subarray(position, position + length)));
    }
  });
});
