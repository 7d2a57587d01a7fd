/** The networks the CLI exports: every metric column, Gephi's ids, valid GEXF 1.3 that reads back. */
import { readFileSync } from 'node:fs';
import { UndirectedGraph } from 'graphology';
import gexf from 'graphology-gexf';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { gexfFor } from '../../src/export/network-gexf.js';
import { exportNetwork } from '../../src/export/network.js';
import type { ExportNode } from '../../src/export/network.js';
import { parseSisterCityList } from '../../src/parse/parse-list.js';
import { validateGexf } from './_helpers.js';

const seed = analyze(parseSisterCityList(readFileSync('data/raw/china-sister-cities.txt', 'utf8')), { runs: 2 });
const hostile = analyze(parseSisterCityList([
  '==A==', 'Anqing', '- FRA A & B <c> "d", France', "- ISR Modi'in-Maccabim-Re'ut, Israel", '- RUS Москва, Russia',
  "Xi'an", '- FRA A & B <c> "d", France', "- ISR Modi'in-Maccabim-Re'ut, Israel", '- JPN 西安, Japan',
].join('\n')), { runs: 2 });

const GEPHI_IDS = ['modularity_class', 'betweenesscentrality', 'closnesscentrality', 'harmonicclosnesscentrality', 'eigencentrality', 'pageranks', 'componentnumber', 'degree'];
/** A projection's own metrics under Gephi's ids (eigenvector and PageRank only as bipartite_*). */
const PROJECTION_GEPHI_IDS = ['modularity_class', 'betweenesscentrality', 'closnesscentrality', 'harmonicclosnesscentrality', 'componentnumber', 'degree', 'clustering'];

describe.each([
  ['seed', seed],
  ['hostile names', hostile],
])('GEXF exports of the %s', (_name, a) => {
  it.each(['bipartite', 'home', 'partners'] as const)('validate against GEXF 1.3 and read back the same (%s)', async (kind) => {
    const xml = gexfFor(a, kind, { seed: 42, snapshotDate: '2026-11-29', iterations: 10 });
    const result = await validateGexf(xml);
    expect(result.valid, result.errors.map((e) => e.message).join('\n')).toBe(true);
    const back = gexf.parse(UndirectedGraph, xml);
    const net = exportNetwork(a, kind);
    const ids = kind === 'bipartite' ? GEPHI_IDS : PROJECTION_GEPHI_IDS;
    expect(back.order).toBe(net.graph.order);
    expect(back.size).toBe(net.graph.size);
    net.graph.forEachNode((key, attrs) => {
      const got = back.getNodeAttributes(key);
      expect(got['label']).toBe(attrs['label']);
      for (const id of ids) if (attrs[id] !== null && attrs[id] !== undefined) expect(got[id], `${key} ${id}`).toBe(attrs[id]);
    });
    for (const id of ids) expect(xml).toContain(`<attribute id="${id}"`);
  });
});

describe('projection exports', () => {
  it('carry weight, shared count, Jaccard, p-value and shared partners on each edge', () => {
    const net = exportNetwork(seed, 'home', 'jaccard');
    const e = net.graph.edge('cn:bengbu', 'cn:huainan') as string;
    expect(net.graph.getEdgeAttributes(e)).toMatchObject({ weight: 1, shared_count: 5, jaccard: 1 });
    expect(net.graph.getEdgeAttribute(e, 'shared_partners')).toHaveLength(5);
    expect(net.graph.getEdgeAttribute(e, 'pvalue')).toBeLessThan(1e-10);
  });
  it('keep names with &, <, quotes and apostrophes intact through GEXF', () => {
    const xml = gexfFor(hostile, 'partners', { seed: 1, snapshotDate: null, iterations: 5 });
    const back = gexf.parse(UndirectedGraph, xml);
    const labels = back.mapNodes((_k, a) => a['label'] as string);
    expect(labels).toEqual(expect.arrayContaining(['A & B <c> "d", France', "Modi'in-Maccabim-Re'ut, Israel", 'Москва, Russia', '西安, Japan']));
  });
  it('lay out the same for the same seed', () => {
    const a = gexfFor(seed, 'home', { seed: 5, snapshotDate: null, iterations: 20 });
    const b = gexfFor(seed, 'home', { seed: 5, snapshotDate: null, iterations: 20 });
    const c = gexfFor(seed, 'home', { seed: 6, snapshotDate: null, iterations: 20 });
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});

describe('projection columns', () => {
  // Bengbu and Huainan list the same five partners; Sanmenxia also has one of them (Szolnok).
  it("hold Bengbu's metrics in the home projection under Gephi's ids: 2 neighbours, weighted degree 5 + 1, in a triangle", () => {
    const net = exportNetwork(seed, 'home', 'count');
    const bengbu = net.graph.getNodeAttributes('cn:bengbu');
    expect(net.graph.neighbors('cn:bengbu').sort()).toEqual(['cn:huainan', 'cn:sanmenxia']);
    expect(bengbu).toMatchObject({ degree: 2, weighted_degree: 6, clustering: 1, betweenesscentrality: 0 });
    // its component is the triangle: every place it reaches is one step away
    expect(bengbu['closnesscentrality']).toBe(1);
    expect(bengbu['harmonicclosnesscentrality']).toBe(2 / 163);
  });
  it("move the bipartite graph's metrics to bipartite_* ids (Bengbu: 5 partners)", () => {
    const bengbu = exportNetwork(seed, 'home', 'count').graph.getNodeAttributes('cn:bengbu');
    const row = exportNetwork(seed, 'bipartite').graph.getNodeAttributes('cn:bengbu');
    expect(bengbu).toMatchObject({
      bipartite_degree: 5, bipartite_betweenness_raw: row['betweenesscentrality'], bipartite_pagerank: row['pageranks'],
      bipartite_componentnumber: row['componentnumber'], modularity_class: row['projection_class'],
    });
    expect(bengbu).not.toHaveProperty('pageranks');
    expect(bengbu).not.toHaveProperty('eigencentrality');
  });
  it('weigh the weighted degree by the chosen projection weight (Jaccard: 5/5 with Huainan + 1/(5+1−1) with Sanmenxia)', () => {
    const bengbu = exportNetwork(seed, 'home', 'jaccard').graph.getNodeAttributes('cn:bengbu');
    const sanmenxia = seed.sides.home.projection.degree[seed.sides.home.projection.keys.indexOf('cn:sanmenxia')] as number;
    expect(bengbu['weighted_degree']).toBeCloseTo(1 + 1 / (5 + sanmenxia - 1), 15);
  });
  it('declare every column once, each title once (NetworkX keys attributes by title)', () => {
    for (const kind of ['home', 'partners'] as const) {
      const cols = exportNetwork(seed, kind).nodeColumns;
      expect(new Set(cols.map((c) => c.id)).size).toBe(cols.length);
      expect(new Set(cols.map((c) => c.title)).size).toBe(cols.length);
    }
  });
});

describe('the node and edge lists of an export network', () => {
  it.each(['bipartite', 'home', 'partners'] as const)('are its graph\'s entries, in order, the same attribute objects (%s)', (kind) => {
    const net = exportNetwork(hostile, kind);
    // Made one by one as they are read (before `nodes` is made): the same keys and attributes.
    const entries = [...(net.nodeEntries as () => Iterable<ExportNode>)()];
    expect(entries.map((n) => n.node)).toEqual(net.keys);
    expect(entries).toEqual(net.nodes);
    expect(net.nodes?.map((n) => n.node)).toEqual(net.graph.nodes());
    net.graph.forEachNode((key, attributes) => expect(net.nodes?.find((n) => n.node === key)?.attributes).toBe(attributes));
    const edges: [string, string, unknown][] = [];
    net.graph.forEachEdge((_e, attributes, source, target) => { edges.push([source, target, attributes]); });
    expect(net.edges?.length).toBe(edges.length);
    net.edges?.forEach((e, i) => {
      const [s, t, attributes] = edges[i] as [string, string, unknown];
      expect([e.source, e.target]).toEqual([s, t]);
      expect(e.attributes).toBe(attributes);
    });
  });

  it.each(['bipartite', 'home', 'partners'] as const)('give the GEXF its graph gives (%s)', (kind) => {
    for (const a of [seed, hostile]) {
      const net = exportNetwork(a, kind);
      const { nodes: _n, edges: _e, keys: _k, nodeEntries: _ne, ...graphOnly } = net;
      const o = { seed: 42, snapshotDate: '2026-11-29', iterations: 10 };
      expect(gexfFor(a, kind, { ...o, network: net })).toBe(gexfFor(a, kind, { ...o, network: { ...graphOnly, graph: net.graph } }));
    }
  });
});
