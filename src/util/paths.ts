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
/** The embedded default list. */
export const DEFAULT_INPUT = join(PACKAGE_ROOT, 'data', 'raw', 'china-sister-cities.txt');

/** twinnet's own version, from its package.json. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}
