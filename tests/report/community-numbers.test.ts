/**
 * One community numbering in every output of `twinnet report`: the Markdown tables, the community
 * chart, the JSON (summaries and node rows), the explorer's payload and the GEXF's modularity_class.
 * On the seed, the Chinese projection's communities of two or more have 22, 17, 17, 11, 10, 7, 3 and 2
 * members; Bengbu's (Bengbu, Huainan, Sanmenxia) is the seventh largest: id 6 (0 = the largest).
 */
import { describe, expect, it } from 'vitest';
import { parseSisterCityList } from '../../src/parse/parse-list.js';
import { readFileSync } from 'node:fs';
import { computeReport } from '../../src/pipeline/report.js';

const report = await computeReport(
  () => parseSisterCityList(readFileSync('data/raw/china-sister-cities.txt', 'utf8'), { source: 'data/raw/china-sister-cities.txt' }),
  { out: 'out', name: 'r', snapshotDate: null, sourceUrl: null, analysis: { runs: 10 } },
);
// A file's content as text: a string, pieces, or UTF-8 bytes (the GEXF, from the worker).
const file = (name: string): string => {
  const content = report.files.find((f) => f.path.endsWith(name))?.content;
  if (content === undefined) throw new Error(`no file ${name}`);
  if (content instanceof Uint8Array) return Buffer.from(content).toString('utf8');
  return typeof content === 'string' ? content : [...content].join('');
};
const md = file('r.md'), html = file('r.html'), gexf = file('r.gexf'), chart = file('r-communities.svg');
const json = JSON.parse(file('r.json')) as {
  communities: { home: { communities: { id: number; size: number; members: string[] }[] } };
  nodes: { key: string; label: string; community: number | null; bipartiteCommunity: number | null }[];
};
const payload = JSON.parse(/<script type="application\/json" id="twinnet-data">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}') as {
  nodes: { label: string[]; community: (number | null)[]; bipartiteCommunity: (number | null)[] };
};
const gexfClass = (key: string) => Number(new RegExp(`<node id="${key}"[^]*?<attvalue for="modularity_class" value="(\\d+)"/>`).exec(gexf)?.[1]);

describe('community numbers', () => {
  it('give Bengbu community 6 in the JSON summary, its node row, the explorer and the Markdown table', () => {
    const bengbu = json.communities.home.communities.find((c) => c.members.includes('Bengbu'));
    expect(bengbu?.id).toBe(6);
    expect(json.communities.home.communities.map((c) => c.size)).toEqual([22, 17, 17, 11, 10, 7, 3, 2]);
    expect(json.nodes.find((n) => n.label === 'Bengbu')?.community).toBe(6);
    expect(payload.nodes.community[payload.nodes.label.indexOf('Bengbu')]).toBe(6);
    expect(md).toMatch(/\n\| 6 \| 3 \| [^|]* \| Bengbu; Huainan; Sanmenxia \|/);
  });
  it('number the chart\'s bars with the same ids, largest first', () => {
    expect(chart).toContain('>community 0 (');
    expect(chart).toContain('>community 6 (');
    expect(chart.indexOf('>community 0 (')).toBeLessThan(chart.indexOf('>community 6 ('));
  });
  it('agree between the JSON, the explorer and the GEXF for every node of the two-mode network', () => {
    for (const n of json.nodes) {
      const i = payload.nodes.label.indexOf(n.label);
      expect(payload.nodes.bipartiteCommunity[i]).toBe(n.bipartiteCommunity);
      expect(payload.nodes.community[i]).toBe(n.community);
      expect(gexfClass(n.key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).toBe(n.bipartiteCommunity);
    }
  });
});
