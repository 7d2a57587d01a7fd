/**
 * The measure registry drives every output: each registered measure appears, with its row value, in
 * the report JSON and its schema, the Markdown, the GEXF/GraphML/CSV columns, the explorer's panel and
 * `twinnet city`; and BiRank, added through it, has the values worked out by hand.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/analysis/analyze.js';
import { birank } from '../../../src/analysis/centrality/birank.js';
import { MEASURE_COLUMNS, MEASURES, REGISTRY } from '../../../src/analysis/measures/registry.js';
import { nodeRows } from '../../../src/analysis/results.js';
import { cityCommand } from '../../../src/cli/query-commands.js';
import { explorerPayload, roundSignificant } from '../../../src/explorer/payload.js';
import { checkColumns } from '../../../src/export/columns.js';
import { writeCsvTables } from '../../../src/export/csv.js';
import { writeGraphml } from '../../../src/export/graphml.js';
import { gexfFor } from '../../../src/export/network-gexf.js';
import { exportNetwork } from '../../../src/export/network.js';
import { parseSisterCityList } from '../../../src/parse/parse-list.js';
import { md, renderMarkdown } from '../../../src/report/markdown.js';
import { buildReportData } from '../../../src/report/report-data.js';

/** Anqing–Hefei share Ibaraki, Hefei–Wuhu share Nancy: one component with both kinds of node. */
const TINY = [
  '==A==', 'Anqing', '- JPN Ibaraki, Japan', '- USA Calabasas, United States',
  '==H==', 'Hefei', '- JPN Ibaraki, Japan', '- USA Columbus, United States', '- FRA Nancy, France',
  '==W==', 'Wuhu', '- FRA Nancy, France',
].join('\n');
const a = analyze(parseSisterCityList(TINY), { runs: 2 });
const rows = nodeRows(a);
const listed = MEASURES.filter((m) => m.listed !== false);
const ranked = MEASURES.filter((m) => m.explain !== undefined);

describe('the measure registry', () => {
  it('has unique ids and export columns that every writer accepts', () => {
    const ids = MEASURES.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(() => checkColumns(exportNetwork(a, 'bipartite').nodeColumns, 'test', ['label'])).not.toThrow();
    expect(MEASURE_COLUMNS.map((c) => c.measure).sort()).toEqual(MEASURES.filter((m) => m.column).map((m) => m.id).sort());
  });

  it('keeps a family\'s measures together, in the family\'s order, in the node rows', () => {
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'key', 'side', 'label', 'country', 'countryName', 'kind', 'parentId',
      ...REGISTRY.flatMap((f) => f.measures.map((m) => m.id)),
      'component', 'community', 'bipartiteCommunity',
    ]);
  });

  it('matches the committed JSON schema of a node row (edit reports/schema/report.schema.json with the registry)', () => {
    const schema = JSON.parse(readFileSync('reports/schema/report.schema.json', 'utf8')) as { $defs: { node: { required: string[]; properties: Record<string, unknown> } } };
    const node = schema.$defs.node;
    const first = node.required.indexOf('parentId') + 1, last = node.required.indexOf('component');
    expect(node.required.slice(first, last)).toEqual(MEASURES.map((m) => m.id));
    for (const m of MEASURES) {
      // the registry's schema, and a description (the registry's when it gives one)
      const { description, ...inFile } = node.properties[m.id] as { description?: string };
      const { description: given, ...registered } = m.schema as { description?: string };
      expect(inFile, m.id).toEqual(registered);
      expect(typeof description, `${m.id} has a description`).toBe('string');
      if (given !== undefined) expect(description).toBe(given);
    }
  });
});

describe('every registered measure appears in every output', () => {
  const data = buildReportData(a, { name: 'tiny', inputLabel: 'tiny.txt', snapshotDate: null, sourceUrl: null });
  const text = renderMarkdown(data);

  it('in the report JSON: node rows, metric metadata and rankings', () => {
    for (const m of MEASURES) for (const r of data.nodes) expect(r, m.id).toHaveProperty(m.id);
    expect(Object.keys(data.centrality.metrics)).toEqual(listed.map((m) => m.id));
    for (const m of listed) expect(data.centrality.metrics[m.id]).toEqual({ title: m.title, formula: m.formula, normalisation: m.normalisation });
    expect(Object.keys(data.centrality.top.home)).toEqual(ranked.map((m) => m.id));
    expect(Object.keys(data.centrality.top.partner)).toEqual(ranked.map((m) => m.id));
  });

  it('in the Markdown: the method table, the explanations and the top tables', () => {
    for (const m of listed) expect(text).toContain(`| ${md(m.title)} | ${md(m.formula)} | ${md(m.normalisation)} |`);
    for (const m of ranked) expect(text).toContain(`- **${m.title}**: ${m.explain}`);
    // a measure ranked within the largest component says so in its column title
    expect(text).toContain(`| # | ${ranked.map((m) => (m.rankedIn ? `${m.title}, largest component` : m.title)).join(' | ')} |`);
  });

  it('in the GEXF, GraphML and CSV exports, with the row values', () => {
    const net = exportNetwork(a, 'bipartite');
    const gexf = gexfFor(a, 'bipartite', { seed: 1, snapshotDate: null, iterations: 5 });
    const graphml = writeGraphml(net.graph, { nodeColumns: net.nodeColumns, edgeColumns: net.edgeColumns, weightKey: net.weightKey });
    const csv = parse(writeCsvTables(net.graph, { nodeColumns: net.nodeColumns, edgeColumns: net.edgeColumns, weightKey: net.weightKey }).nodes, { columns: true }) as Record<string, string>[];
    for (const c of MEASURE_COLUMNS) {
      expect(gexf).toContain(`<attribute id="${c.id}" title="${c.title}" type="${c.type}"/>`);
      expect(graphml).toContain(`<key id="${c.id}" for="node" attr.name="${c.id}"`);
      for (const r of rows) {
        const cell = csv.find((x) => x['Id'] === r.key)?.[c.id];
        const value = r[c.measure];
        expect(cell, `${r.key} ${c.id}`).toBe(value === null ? '' : String(value));
      }
    }
  });

  it('in the explorer panel, rounded to each measure\'s digits', () => {
    const p = explorerPayload(a, { title: 'tiny', seed: 1, iterations: 5 });
    const panel = MEASURES.filter((m) => m.panel !== undefined);
    expect(p.measures.map((m) => [m.id, m.label, m.integer])).toEqual(panel.map((m) => [m.id, m.panel, m.integer === true]));
    for (const [k, m] of panel.entries()) {
      expect(p.measures[k]?.values).toEqual(rows.map((r) => {
        const v = r[m.id];
        return v === null || m.integer ? v : roundSignificant(v, m.digits);
      }));
    }
  });

  it('in twinnet city, as text and as JSON', () => {
    const input = join(mkdtempSync(join(tmpdir(), 'twinnet-registry-')), 'tiny.txt');
    writeFileSync(input, TINY);
    const out: string[] = [], json: string[] = [];
    cityCommand('Hefei', { input }, (s) => out.push(s));
    cityCommand('Hefei', { input, json: true }, (s) => json.push(s));
    const lines = out.join('\n').split('\n');
    for (const m of MEASURES.filter((x) => x.city !== undefined)) expect(lines.some((l) => l.startsWith(`${m.city}  `)), m.id).toBe(true);
    const row = JSON.parse(json.join('\n')) as Record<string, unknown>;
    for (const m of MEASURES) expect(row, m.id).toHaveProperty(m.id);
  });
});

describe('BiRank in the analysis (home side = U)', () => {
  it('gives the path Anqing–Nancy–Wuhu the values worked out by hand', () => {
    // u = (60 + 51√2)/222 for the two home ends, p = (120 + 51√2)/222 for the shared partner
    // (the example of centrality/birank.ts: α = β = 17/20, u⁰ = 1/2, p⁰ = 1).
    const path = analyze(parseSisterCityList('==A==\nAnqing\n- FRA Nancy, France\n==W==\nWuhu\n- FRA Nancy, France'), { runs: 1 });
    const value = Object.fromEntries(nodeRows(path).map((r) => [r.label, r.birank]));
    expect(value['Anqing']).toBeCloseTo((60 + 51 * Math.SQRT2) / 222, 10);
    expect(value['Wuhu']).toBeCloseTo((60 + 51 * Math.SQRT2) / 222, 10);
    expect(value['Nancy, France']).toBeCloseTo((120 + 51 * Math.SQRT2) / 222, 10);
  });

  it('puts birank(home, partner) in the rows, home nodes first', () => {
    const { left, right } = birank(a.index.home, a.index.partner);
    expect(rows.map((r) => r.birank)).toEqual([...left, ...right]);
  });
});
