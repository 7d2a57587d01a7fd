/**
 * A list about another country, in the Wikipedia-list format: the report speaks of that country's
 * places and gives its own sizes. tests/fixtures/german-list.txt, counted by hand: 9 German entries
 * (Berlin – Mitte a district; Köln without partners), 23 distinct foreign partners, 26 links (Berlin 4,
 * Mitte 2, Bonn 3, Dresden 4, Düsseldorf 3 with Chiba listed twice, Frankfurt 3, Freiburg 3, Kiel 4).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const out = mkdtempSync(join(tmpdir(), 'twinnet-german-'));
const file = (ext: string) => readFileSync(join(out, `german-list${ext}`), 'utf8');

beforeAll(() => {
  const r = spawnSync(process.execPath, ['dist/twinnet.mjs', 'report', 'tests/fixtures/german-list.txt', '--out', out, '--runs', '2', '--quiet'], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^9 German entries, 23 foreign partners, 26 links; Q \(German projection\)/);
}, 60_000);

describe('the report on a German list', () => {
  it('speaks of German cities, never of Chinese ones', () => {
    const md = file('.md');
    expect(md).toContain('The list pairs **German cities** with **foreign partners**');
    expect(md).toContain('never two German cities or two foreign places directly');
    expect(md).toContain('### Top German cities');
    expect(md).not.toMatch(/Chinese/);
  });

  it('gives its own sizes, worked out by hand', () => {
    const md = file('.md');
    expect(md).toContain('| German entries (cities and districts) | 9 (1 district) |');
    expect(md).toContain('| Foreign partners | 23 |');
    expect(md).toContain('| Links | 26 |');
    expect(md).toContain('compared with the 23 possible partners, not with the other German cities');
  });

  it('records the home country and German ids in the JSON', () => {
    const json = JSON.parse(file('.json')) as { home: unknown; nodes: { key: string; side: string }[] };
    expect(json.home).toEqual({ code: 'DE', name: 'Germany', demonym: 'German' });
    const homes = json.nodes.filter((n) => n.side === 'home').map((n) => n.key);
    expect(homes).toHaveLength(9);
    expect(homes.every((k) => k.startsWith('de:'))).toBe(true);
    expect(homes).toContain('de:berlin-mitte');
  });

  it('names the German projection in the explorer and the GEXF', () => {
    expect(file('.html')).toContain('German projection');
    expect(file('.html')).not.toMatch(/Chinese/);
    expect(file('.gexf')).toContain('Two-mode network: German cities and their foreign partner cities.');
  });
});
