/** The JSON report read on its own: a described schema, ids beside labels, and the network rebuilt from it. */
import { readFileSync } from 'node:fs';
import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { jsonText } from '../../src/io/json-chunks.js';
import { parseSisterCityList } from '../../src/parse/parse-list.js';
import { buildReportData } from '../../src/report/report-data.js';
import { edgeList } from '../../src/report/edge-list.js';

const SCHEMA = JSON.parse(readFileSync('reports/schema/report.schema.json', 'utf8')) as object;

/** Paths of the properties (under `properties`, anywhere in the schema, `$defs` included) that have no description. */
function undescribed(schema: unknown, path = ''): string[] {
  if (Array.isArray(schema)) return schema.flatMap((s, i) => undescribed(s, `${path}[${i}]`));
  if (schema === null || typeof schema !== 'object') return [];
  const node = schema as Record<string, unknown>;
  const out: string[] = [];
  for (const [k, v] of Object.entries(node)) {
    if (k === 'properties' && v !== null && typeof v === 'object') {
      for (const [name, prop] of Object.entries(v as Record<string, unknown>)) {
        const description = (prop as { description?: unknown }).description;
        if (typeof description !== 'string' || description.trim() === '') out.push(`${path}.${name}`);
        out.push(...undescribed(prop, `${path}.${name}`));
      }
    } else if (k !== 'enum' && k !== 'const' && k !== 'required') {
      out.push(...undescribed(v, `${path}/${k}`));
    }
  }
  return out;
}

const ds = parseSisterCityList(readFileSync('data/raw/china-sister-cities.txt', 'utf8'), { source: 'data/raw/china-sister-cities.txt' });
const a = analyze(ds, { runs: 2 });
type Report = ReturnType<typeof buildReportData>;
/** The report as a reader gets it: the JSON text, parsed. */
const text = jsonText(buildReportData(a, { name: 'china-sister-cities', inputLabel: 'x.txt', snapshotDate: null, sourceUrl: null }), 1);
const report = JSON.parse(typeof text === 'string' ? text : [...text].join('')) as Report;

describe('the report schema', () => {
  it('finds a property without a description, in $defs and inside items too', () => {
    const schema = {
      properties: { a: { description: 'A', type: 'object', properties: { b: { type: 'string' } } }, c: { description: ' ' } },
      $defs: { d: { type: 'array', items: { properties: { e: { type: 'integer' } } } } },
    };
    expect(undescribed(schema)).toEqual(['.a.b', '.c', '/$defs/d/items.e']);
  });
  it('describes every property', () => {
    expect(undescribed(SCHEMA)).toEqual([]);
  });
});

describe('the JSON report', () => {
  it('lists community members by id as well as by name, in the same order', () => {
    const label = new Map(report.nodes.map((n) => [n.key, n.label]));
    for (const c of [...(report.communities.home?.communities ?? []), ...(report.communities.bipartite?.communities ?? [])]) {
      expect(c.memberIds).toHaveLength(c.members.length);
      expect(c.memberIds.map((id) => label.get(id))).toEqual(c.members);
    }
  });
  it('lists the partners Bengbu and Huainan share by id as well as by name', () => {
    const pair = report.shared.home.identical[0];
    expect([pair?.a, pair?.b]).toEqual(['cn:bengbu', 'cn:huainan']);
    expect(pair?.sharedIds).toEqual(['p:barra-mansa-brazil', 'p:bergamo-italy', 'p:settsu-japan', 'p:szolnok-hungary', 'p:tameside-england-united-kingdom']);
    expect(pair?.shared).toEqual(['Barra Mansa, Brazil', 'Bergamo, Italy', 'Settsu, Japan', 'Szolnok, Hungary', 'Tameside, England, United Kingdom']);
  });
  it("rebuilds the bipartite graph from the JSON alone, with exactly the data set's links", () => {
    const g = new UndirectedGraph();
    for (const n of report.nodes) g.addNode(n.key, { side: n.side, label: n.label });
    for (const e of report.edges) g.addEdge(e.source, e.target);
    expect([g.order, g.size]).toEqual([164 + 1204, 1407]);
    const rebuilt = new Set(g.mapEdges((_e, _a, s, t) => `${s} ${t}`));
    expect(rebuilt).toEqual(new Set(ds.links.map((l) => `${l.homeId} ${l.partnerId}`)));
    g.forEachEdge((_e, _a, s, t) => expect([g.getNodeAttribute(s, 'side'), g.getNodeAttribute(t, 'side')]).toEqual(['home', 'partner']));
    for (const n of report.nodes) expect(g.degree(n.key), n.key).toBe(n.degree);
  });
  it('keeps only the links between the nodes a truncated node table lists', () => {
    // Bengbu and two of its partners kept: two links (marks at unified positions: home nodes, then partners)
    const kept = new Uint8Array(a.unified.keys.length);
    for (const key of ['cn:bengbu', 'p:settsu-japan', 'p:szolnok-hungary']) kept[a.unified.keys.indexOf(key)] = 1;
    expect(edgeList(a, kept)).toEqual([{ source: 'cn:bengbu', target: 'p:settsu-japan' }, { source: 'cn:bengbu', target: 'p:szolnok-hungary' }]);
  });
});
