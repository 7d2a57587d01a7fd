/**
 * The published package works for a TypeScript consumer: a strict project with `skipLibCheck: false` and
 * `moduleResolution: NodeNext` (Node's own ESM rules, under which graphology's CommonJS default export is
 * not a type) that imports the public API from the built package compiles with no error and runs under
 * Node; and every ```ts block of README.md, each a module of the same project, type-checks against it.
 * One compilation serves all the checks (a full `tsc` without skipLibCheck takes ~10 s).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, makeConsumer, ROOT } from './consumer.js';

/** The ```ts blocks of a Markdown text, with the line each starts on. */
export function tsBlocks(markdown: string): { line: number; code: string }[] {
  const blocks: { line: number; code: string }[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(ts|typescript)\s*$/.test(lines[i] ?? '')) continue;
    const start = i + 1;
    const end = lines.findIndex((l, j) => j > i && /^```\s*$/.test(l));
    if (end < 0) throw new Error(`README.md:${start}: unclosed code block`);
    blocks.push({ line: start, code: lines.slice(start, end).join('\n') });
    i = end;
  }
  return blocks;
}

/** Touches the whole surface: the namespace import pulls in every declaration file. */
const USES_THE_API = `import * as twinnet from 'twinnet';
import {
  EMBEDDED_LIST, readListFile, readList, analyze, buildBipartiteGraph, exportNetwork, layoutForceAtlas2,
  writeGraphml, nodeRows, similarTo,
  type Analysis, type BipartiteGraph, type Dataset, type NodeRow, type PairRecord,
} from 'twinnet';

const ds: Dataset = readList(readListFile(EMBEDDED_LIST), { source: 'china-sister-cities.txt' });
const a: Analysis = analyze(ds, { seed: 42 });
const g: BipartiteGraph = buildBipartiteGraph(ds);
const rows: readonly NodeRow[] = nodeRows(a);
const similar: PairRecord[] = similarTo(a, 'Bengbu', { top: 3 }).similar;
const network = exportNetwork(a, 'home');
export const used = [twinnet, g, layoutForceAtlas2, writeGraphml, network];
console.log(JSON.stringify({ homes: ds.homes.length, links: ds.links.length, partners: ds.partners.length, rows: rows.length, similar: similar.length }));
`;

const blocks = tsBlocks(readFileSync(join(ROOT, 'README.md'), 'utf8'));
// `export {}` keeps each block a module, so names in two blocks do not collide
const readmeFiles = Object.fromEntries(blocks.map((b) => [`readme-line-${b.line}.ts`, `${b.code}\nexport {};\n`]));
/** tsc's error lines that name a file whose name matches. */
const errorsIn = (output: string, file: RegExp) => output.split('\n').filter((l) => file.test(l.split('(')[0] ?? ''));

let dir = '';
let built: ReturnType<typeof compile>;
beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'src', 'index.d.ts'))) return;
  dir = makeConsumer('NodeNext', { 'main.ts': USES_THE_API, ...readmeFiles });
  built = compile(dir, true);
}, 180_000);
afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

describe('a TypeScript consumer of the built package (NodeNext, strict, skipLibCheck false)', () => {
  it('has the built declarations to check — else run `npm run build`', () => {
    expect(existsSync(join(ROOT, 'dist', 'src', 'index.d.ts')), 'dist/src/index.d.ts is missing: run `npm run build` (npm test does)').toBe(true);
  });

  it('compiles without an error in twinnet\'s declaration files or in code using them', () => {
    expect(errorsIn(built.output, /^(main\.ts|.*node_modules)/)).toEqual([]);
    expect(errorsIn(built.output, /twinnet|dist/)).toEqual([]);
  });

  it('runs under Node and reads the embedded list by its exported path', () => {
    const run = spawnSync(process.execPath, [join(dir, 'out', 'main.js')], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stderr).toBe(0);
    const counts = JSON.parse(run.stdout) as Record<string, number>;
    expect(counts).toMatchObject({ homes: 164, links: 1407, partners: 1204 });
    expect(counts['rows']).toBe(164 + 1204);
    expect(counts['similar']).toBeGreaterThan(0);
  });
});

describe('the README code examples', () => {
  it('include at least one ```ts block, and the block finder sees a block with its line', () => {
    expect(blocks.length).toBeGreaterThan(0);
    expect(tsBlocks('text\n```ts\nconst x = 1;\n```\n```sh\nls\n```\n')).toEqual([{ line: 2, code: 'const x = 1;' }]);
  });

  it('type-check against the built package, each block as its own module', () => {
    // errors name readme-line-N.ts(row,col): N is the README line where the block starts
    expect(errorsIn(built.output, /^readme-line-/), 'a README ```ts example does not type-check').toEqual([]);
    expect(built.output).toBe('');
    expect(built.status).toBe(0);
  });
});
