import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { growthExponent } from '../../bench/fit.js';
import { PLACED_REPORT_STAGE, REPORT_STAGE, STAGES, STAGE_NAMES } from '../../bench/stages.js';

describe('growthExponent', () => {
  it('is null with fewer than two positive times', () => {
    expect(growthExponent([1000], [0.5])).toBeNull();
    expect(growthExponent([1000, 10_000], [0.5, null])).toBeNull();
  });

  it('is 1 for time proportional to size and 2 for time proportional to its square', () => {
    expect(growthExponent([1e3, 1e4, 1e5], [0.01, 0.1, 1])).toBeCloseTo(1, 12);
    expect(growthExponent([1e3, 1e4, 1e5], [0.01, 1, 100])).toBeCloseTo(2, 12);
  });
});

describe('npm run bench at the smallest size', () => {
  const out = mkdtempSync(join(tmpdir(), 'twinnet-bench-test-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('writes bench.md and bench.json with a row for every stage and the end-to-end report', () => {
    // dist/ is built by `npm test` before vitest runs
    execFileSync(process.execPath, ['dist/bench/run.js', '--sizes', '1', '--runs', '1', '--out', out], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });
    const md = readFileSync(join(out, 'bench.md'), 'utf8');
    expect(md).toMatch(/^Machine: .+, \d+ cores, .+ GB memory, Node v\d+/m);
    expect(md).toContain('| stage | scale 1 | growth exponent |');
    for (const stage of [...STAGES, REPORT_STAGE, PLACED_REPORT_STAGE]) expect(md).toMatch(new RegExp(`^\\| ${stage.title.replace(/[()+]/g, '\\$&')} \\| \\d[\\d.]* s · \\d+ MB \\|`, 'm'));
    expect(md).toMatch(/Shortest paths: scale 1: exact, \d+ pivots\./);
    expect(md).toMatch(/End to end, `node dist\/twinnet\.mjs report --out <tmp>` on the seed .*: \d[\d.]* s/);
    expect(md).toMatch(/Louvain \(home\): scale 1: 10 seed\(s\), \d[\d.]* s per seed, Q 0\.\d{4}\./);

    const json = JSON.parse(readFileSync(join(out, 'bench.json'), 'utf8')) as {
      sizes: { scale: number; stats: { links: number }; cells: Record<string, { status: string }> }[];
      growth: Record<string, number | null>;
      endToEnd: { status: string };
    };
    expect(json.sizes.map((s) => s.scale)).toEqual([1]);
    expect(json.sizes[0]?.stats.links).toBe(1407);
    expect(Object.keys(json.sizes[0]?.cells ?? {})).toEqual([...STAGE_NAMES]);
    for (const cell of Object.values(json.sizes[0]?.cells ?? {})) expect(cell.status).toBe('ok');
    expect(Object.values(json.growth).every((g) => g === null)).toBe(true); // one size: no slope
    expect(json.endToEnd.status).toBe('ok');
  });
});
