/**
 * Loads the gazetteer: the index built by `npm run build` (`dist/geo-index.bin`, read lazily through
 * a file descriptor held for the life of the process), or, where there is none (tests run from the
 * sources before a build), one built in memory from the npm packages (a few seconds). Loaded once.
 */
import { existsSync, openSync, readSync } from 'node:fs';
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

function fileReader(path: string): IndexReader {
  const fd = openSync(path, 'r');
  return {
    read(position, length) {
      const b = Buffer.allocUnsafe(length);
      const n = readSync(fd, b, 0, length, position);
      return b.subarray(0, n);
    },
  };
}
