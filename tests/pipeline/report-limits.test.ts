/**
 * What `twinnet report` leaves out of a very large network, and says so: its world map above
 * MAP_LIMITS (50,000 nodes or 100,000 links; at 1.4 million links the map was a 337 MB SVG). Tested on
 * the seed with the limits lowered below its size, and with them as they are.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSisterCityList } from '../../src/parse/parse-list.js';
import { computeReport, EXPLORER_PAIR_LIMIT, MAP_LIMITS } from '../../src/pipeline/report.js';
import { readList } from '../../src/parse/read-list.js';

const SEED = 'data/raw/china-sister-cities.txt';
const report = (mapLimits?: { nodes: number; links: number }) => computeReport(
  () => parseSisterCityList(readFileSync(SEED, 'utf8'), { source: SEED }),
  { out: 'out', name: 'r', snapshotDate: null, sourceUrl: null, analysis: { runs: 2 }, nullSamples: 10, mapLimits },
);
const text = (r: Awaited<ReturnType<typeof report>>, name: string): string => {
  const content = r.files.find((f) => f.path.endsWith(name))?.content;
  return typeof content === 'string' ? content : '';
};

describe('the report\'s world map', () => {
  it('is drawn within the limits (the seed: 1,368 nodes, 1,407 links), with its picture in the Markdown', async () => {
    expect(MAP_LIMITS).toEqual({ nodes: 50_000, links: 100_000 });
    const r = await report();
    expect(r.files.some((f) => f.path.endsWith('r-map.svg'))).toBe(true);
    expect(text(r, 'r.md')).toContain('(r-map.svg)');
  });

  it.each([
    [{ nodes: 1_000, links: 100_000 }],
    [{ nodes: 50_000, links: 1_000 }],
  ])('is left out above the limits %j, and the report says so and links no picture', async (limits) => {
    const r = await report(limits);
    expect(r.files.some((f) => f.path.endsWith('r-map.svg'))).toBe(false);
    const md = text(r, 'r.md');
    expect(md).not.toContain('r-map.svg');
    expect(md).toContain(`World map not written with the report (1368 nodes and 1407 links; limits ${limits.nodes} nodes, ${limits.links} links).`);
    expect(r.data.notes).toContain(`World map not written with the report (1368 nodes and 1407 links; limits ${limits.nodes} nodes, ${limits.links} links).`);
  });
});

describe('the report\'s explorer and a dense home projection (found by the probe: a 468 MB HTML file)', () => {
  it('is left out when the home projection has more than EXPLORER_PAIR_LIMIT pairs, and the report says so', async () => {
    // One partner of 720 homes: C(720, 2) = 258,840 pairs > 250,000; of 700: 244,650, drawn.
    const star = (homes: number) => ['city,country,partner,partner_country', ...Array.from({ length: homes }, (_, i) => `Home${i},Germany,Paris,France`)].join('\n');
    const run = (homes: number) => computeReport(() => readList(star(homes), { source: 's.csv' }), { out: 'out', name: 's', snapshotDate: null, sourceUrl: null, analysis: { runs: 1 }, nullSamples: 0, layoutIterations: 1 });
    expect(EXPLORER_PAIR_LIMIT).toBe(250_000);
    const over = await run(720);
    expect(over.files.some((f) => f.path.endsWith('s.html'))).toBe(false);
    expect(over.data.notes).toContain('Interactive explorer not written (its home projection would draw 258840 pairs, limit 250000).');
    const under = await run(700);
    expect(under.files.some((f) => f.path.endsWith('s.html'))).toBe(true);
  }, 120_000);
});
