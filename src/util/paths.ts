/** Where the package's own files live, whether run from `src/` (tests) or `dist/src/` (CLI). */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('paths: cannot find the twinnet package root');
    dir = up;
  }
  return dir;
}

export const PACKAGE_ROOT = findRoot();
/**
 * The absolute path of the list twinnet ships with (Wikipedia's list of twin towns and sister cities in
 * China, `data/raw/china-sister-cities.txt` in the package): every command's default input. Exported as
 * `EMBEDDED_LIST`.
 */
export const DEFAULT_INPUT = join(PACKAGE_ROOT, 'data', 'raw', 'china-sister-cities.txt');

/** twinnet's own version, from its package.json. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
