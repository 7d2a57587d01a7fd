import { readFileSync } from 'node:fs';
import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { writeGexf } from '../../src/export/gexf.js';
import { gexfFor } from '../../src/export/network-gexf.js';
import { exportNetwork } from '../../src/export/network.js';
import { readList } from '../../src/parse/read-list.js';
import { validateGexf } from './_helpers.js';

const META = { creator: 'twinnet test', description: 'dynamic', lastModifiedDate: null };

function datedGraph(times: [string | undefined, string | undefined][]): UndirectedGraph {
  const g = new UndirectedGraph();
  g.addNode('h', { label: 'H' });
  times.forEach(([start, end], i) => {
    g.addNode(`p${i}`, { label: `P${i}` });
    g.addEdge('h', `p${i}`, { ...(start ? { start } : {}), ...(end ? { end } : {}) });
  });
  return g;
}

describe('writeGexf with time', () => {
  it.each<[string, string, RegExp]>([
    ['a time that is neither a year nor a date', 'c. 1990', /edge h–p0: start must be a year or a YYYY-MM-DD date, got "c\. 1990"/],
    ['a date in a graph of years', '1990-05-01', /is a date, 1990-05-01, in a graph whose timeformat is integer/],
  ])('refuses %s', (_what, start, message) => {
    expect(() => writeGexf(datedGraph([[start, undefined]]), { nodeColumns: [], edgeColumns: [], meta: META, time: { format: 'integer' } })).toThrow(message);
  });
  it('writes a dynamic graph: years as integers, start and end on the edges that have them', async () => {
    const xml = writeGexf(datedGraph([['1958', undefined], [undefined, '2022'], [undefined, undefined]]), { nodeColumns: [], edgeColumns: [], meta: META, time: { format: 'integer' } });
    expect(xml).toContain('<graph defaultedgetype="undirected" mode="dynamic" timeformat="integer">');
    expect(xml).toContain('<edge id="0" source="h" target="p0" start="1958"/>');
    expect(xml).toContain('<edge id="1" source="h" target="p1" end="2022"/>');
    expect(xml).toContain('<edge id="2" source="h" target="p2"/>');
    expect((await validateGexf(xml)).valid).toBe(true);
  });
  it('writes years as 1 January in a graph of dates', async () => {
    const xml = writeGexf(datedGraph([['1958', '1987-05-12']]), { nodeColumns: [], edgeColumns: [], meta: META, time: { format: 'date' } });
    expect(xml).toContain('start="1958-01-01" end="1987-05-12"');
    expect((await validateGexf(xml)).valid).toBe(true);
  });
});

describe('the GEXF of a dated table', () => {
  it.each([
    ['tests/fixtures/tables/german-twins.csv', 'integer', 30],
    ['tests/fixtures/tables/wikidata-germany.json', 'date', 12],
  ])('%s: a dynamic bipartite graph (%s), %s edges with a start, valid against the GEXF 1.3 grammar', async (file, format, started) => {
    const a = analyze(readList(readFileSync(file, 'utf8'), { source: file }), { runs: 2 });
    expect(exportNetwork(a, 'bipartite').timeformat).toBe(format);
    const xml = gexfFor(a, 'bipartite', { seed: 42, snapshotDate: null, iterations: 5 });
    expect(xml).toContain(`mode="dynamic" timeformat="${format}"`);
    expect(xml.match(/<edge [^>]*start="/g)).toHaveLength(started);
    const result = await validateGexf(xml);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });
  it('keeps the seed\'s GEXF static: its links have no dates', () => {
    const a = analyze(readList(readFileSync('data/raw/china-sister-cities.txt', 'utf8')), { runs: 1 });
    expect(exportNetwork(a, 'bipartite').timeformat).toBeNull();
  });
});
