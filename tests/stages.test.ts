/**
 * Data flows one way and the folders show it: a stage of src/ imports only from itself and the stages
 * before it (STYLE.md). Read from the sources: every relative `import … from`, `export … from` and
 * `import()` of every file, resolved to the folder it lands in.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The stages in order; folders of one rank may import each other. `src/index.ts`, the library's surface, may import any. */
const STAGES: readonly (readonly string[])[] = [
  ['util'],
  ['parse', 'synth'],
  ['graph', 'io'],
  ['geo'],
  ['analysis'],
  ['layout'],
  ['report', 'explorer', 'export'],
  ['pipeline'],
  ['cli'],
];
const rank = new Map(STAGES.flatMap((folders, r) => folders.map((f) => [f, r] as const)));
const SRC = resolve('src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? sourceFiles(path) : /\.ts$/.test(e.name) ? [path] : [];
  });
}

/** The src/ folder a file lies in ('' for a file directly in src/). */
const stageOf = (file: string): string => {
  const parts = relative(SRC, file).split(sep);
  return parts.length > 1 ? (parts[0] as string) : '';
};

/** Relative module specifiers a file imports or re-exports. */
export function relativeImports(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s*'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/g)) found.push((m[1] ?? m[2]) as string);
  return found;
}

// Imports of files outside src/ (data, e.g. a JSON table) belong to no stage.
const edges = sourceFiles(SRC).flatMap((file) => relativeImports(readFileSync(file, 'utf8'))
  .filter((spec) => !relative(SRC, resolve(dirname(file), spec)).startsWith('..'))
  .map((spec) => ({ file: relative(SRC, file), from: stageOf(file), to: stageOf(resolve(dirname(file), spec)), spec })));

describe('stages of src/', () => {
  it('finds imports in the forms the sources use', () => {
    expect(relativeImports("import type { A } from '../a/b.js';\nexport { c } from './c.js';\nconst d = await import('../d.js');"))
      .toEqual(['../a/b.js', './c.js', '../d.js']);
    expect(edges.length).toBeGreaterThan(100);
  });

  it('puts every folder of src/ in a stage', () => {
    const folders = readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.filter((f) => !rank.has(f))).toEqual([]);
  });

  it('has no stage importing a later one', () => {
    const backwards = edges.filter((e) => e.from !== '' && (rank.get(e.to) ?? Infinity) > (rank.get(e.from) as number));
    expect(backwards.map((e) => `${e.file} imports ${e.spec}`)).toEqual([]);
  });

  it('has no two folders of one stage importing each other', () => {
    const pairs = new Set(edges.filter((e) => e.from !== e.to && e.from !== '').map((e) => `${e.from}>${e.to}`));
    const both = [...pairs].filter((p) => pairs.has(p.split('>').reverse().join('>')));
    expect(both).toEqual([]);
  });
});
