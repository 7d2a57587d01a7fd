/**
 * What `twinnet report` leaves out of a very large network, and says so: its world map above
 * MAP_LIMITS (50,000 nodes or 100,000 links; at 1.4 million links the map was a 337 MB SVG). Tested on
 * the seed with the limits lowered below its size, and with them as they are.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSisterCityList } from '../../src/parse/parse-list.js';
import { computeReport, MAP_LIMITS } from '../../src/pipeline/report.js';

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
