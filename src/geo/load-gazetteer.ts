/**
 * Loads the gazetteer: the index built by `npm run build` (`dist/geo-index.bin`, read lazily through
 * a file descriptor held for the life of the process), or, where there is none (tests run from the
 * sources before a build), one built in memory from the npm packages (a few seconds). Loaded once.
 */
import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../util/paths.js';
import { buildGazetteerIndex, memoryReader, openGazetteer, type Gazetteer, type IndexReader } from './gazetteer.js';
import { gazetteerInputFromPackages } from './gazetteer-source.js';

/** Where the build writes the index. */
export const GEO_INDEX_PATH = join(PACKAGE_ROOT, 'dist', 'geo-index.bin');

const loaded = new Map<string, Gazetteer>();

export function loadGazetteer(path: string = GEO_INDEX_PATH): Gazetteer {
  let g = loaded.get(path);
  if (!g) {
    g = openGazetteer(existsSync(path) ? fileReader(path) : memoryReader(buildGazetteerIndex(gazetteerInputFromPackages())));
    loaded.set(path, g);
  }
  return g;
}

/**
 * Reads after the first `WHOLE_AFTER` come from the whole file, read at once: a lookup is a system
 * call, and a list of a few thousand names and up costs fewer of them read whole (the same bytes,
 * so the same places). The descriptor is closed then.
 */
export const WHOLE_AFTER = 4096;

/** A reader through a file descriptor held for the life of the process; whole after `wholeAfter` reads. */
export function fileReader(path: string, wholeAfter = WHOLE_AFTER): IndexReader {
  const fd = openSync(path, 'r');
  let reads = 0, whole: Buffer | null = null;
  const readAt = (b: Buffer, position: number): number => {
    let n = 0;
    while (n < b.length) {
      const got = readSync(fd, b, n, b.length - n, position + n);
      if (got === 0) break;
      n += got;
    }
    return n;
  };
  return {
    read(position, length) {
      if (whole === null && ++reads > wholeAfter) {
        const all = Buffer.allocUnsafe(fstatSync(fd).size);
        whole = all.subarray(0, readAt(all, 0));
        closeSync(fd);
      }
      if (whole !== null) return whole.subarray(position, position + length);
      const b = Buffer.allocUnsafe(length);
      return b.subarray(0, readAt(b, position));
    },
  };
}
