import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stageByName } from '../../bench/stages.js';
import { generateList } from '../../src/synth/generate.js';

describe('the geography bench stages on a tiny generated list', () => {
  const dir = mkdtempSync(join(tmpdir(), 'twinnet-geo-stages-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const { text, stats } = generateList({ scale: 0.1, seed: 42 });
  const file = join(dir, 'list.txt');
  writeFileSync(file, text);
  const run = (name: string) => {
    let begun = 0;
    const info = stageByName(name).run(file, { begin: () => { begun++; } });
    return { begun, info };
  };

  it('geocode looks up every place with the real geocoder and times the index load inside the stage', () => {
    const { begun, info } = run('geocode');
    expect(begun).toBe(1);
    expect(info['places']).toBe(stats.homeEntries + stats.partners);
    expect(info['placed']).toBeGreaterThanOrEqual(0);
    expect(info['placed']).toBeLessThanOrEqual(info['places'] as number);
    expect(info['indexLoadSeconds']).toBeGreaterThanOrEqual(0);
  });

  it('distances measures every link, since every place has coordinates', () => {
    const { begun, info } = run('distances');
    expect(begun).toBe(1);
    expect(info).toEqual({ links: stats.links, measured: stats.links });
  });

  it('null-model runs the report\'s samples on every link: burn-in 5L plus L trades per sample', () => {
    const { begun, info } = run('null-model');
    expect(begun).toBe(1);
    const L = info['links'] as number;
    expect(L).toBeGreaterThan(0);
    expect(L).toBeLessThanOrEqual(stats.links);
    expect(info['samples']).toBe(1000);
    expect(info['trades']).toBe(5 * L + 1000 * L);
    expect(info['groups']).toBeGreaterThan(0);
  });
});
