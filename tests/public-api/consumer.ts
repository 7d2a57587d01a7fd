/**
 * A throwaway consumer project of the built package, as a user's would be: `package.json` of type module,
 * `node_modules/twinnet` a link to this repository (what `npm install file:…` makes), strict
 * TypeScript with `skipLibCheck: false`, so every `.d.ts` twinnet ships is checked.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

export type Resolution = 'NodeNext' | 'Bundler';

/** Writes a consumer project with `files` (name → source) into a fresh temp directory; returns it. */
export function makeConsumer(resolution: Resolution, files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'twinnet-consumer-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: { twinnet: `file:${ROOT}` } }, null, 2));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      target: 'ES2022',
      module: resolution === 'NodeNext' ? 'NodeNext' : 'ESNext',
      moduleResolution: resolution,
      strict: true,
      noUncheckedIndexedAccess: true,
      skipLibCheck: false,
      types: ['node'],
      typeRoots: [join(ROOT, 'node_modules', '@types')],
      outDir: 'out',
    },
    include: Object.keys(files),
  }, null, 2));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(ROOT, join(dir, 'node_modules', 'twinnet'), 'dir');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Runs the repository's `tsc` on the consumer project; `emit` writes JavaScript to `out/`. */
export function compile(dir: string, emit = false): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [TSC, '-p', dir, ...(emit ? [] : ['--noEmit']), '--pretty', 'false'], { encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, output: `${r.stdout}${r.stderr}${r.error?.message ?? ''}` };
}
