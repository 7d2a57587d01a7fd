import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { MEASURES } from '../../src/analysis/measures/registry.js';
import { metricAt, nodeRowAt } from '../../src/analysis/results.js';
import { parseSisterCityList } from '../../src/parse/parse-list.js';
import { reportCharts } from '../../src/report/charts.js';
import { md, renderMarkdown } from '../../src/report/markdown.js';
import { buildReportData } from '../../src/report/report-data.js';
import { firstK } from '../../src/util/first-k.js';
import fc from 'fast-check';

const schema = JSON.parse(readFileSync('reports/schema/report.schema.json', 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
const meta = { name: 't', inputLabel: 't.txt', snapshotDate: '2026-11-29', sourceUrl: null };

const seed = parseSisterCityList(readFileSync('data/raw/china-sister-cities.txt', 'utf8'), { source: 'data/raw/china-sister-cities.txt' });
const data = buildReportData(analyze(seed, { runs: 3 }), { ...meta, name: 'china-sister-cities' });

const hostile = parseSisterCityList([
  '==A==', 'Anqing', '- FRA A | B <i>x</i> & Co, France', "- ISR Modi'in-Maccabim-Re'ut, Israel", '- RUS Москва, Russia',
  'Anshan', '- FRA A | B <i>x</i> & Co, France', "- ISR Modi'in-Maccabim-Re'ut, Israel", '- JPN 西安*_`[x]`, Japan',
  "Xi'an", '- FRA A | B <i>x</i> & Co, France', '- RUS Москва, Russia',
].join('\n'));
const hostileData = buildReportData(analyze(hostile, { runs: 2 }), meta);

describe('the JSON report', () => {
  it('validates against the published schema, for the seed and for hostile names', () => {
    expect(validate(data), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(validate(hostileData), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });
  it('fails the schema when a required number is missing or mistyped', () => {
    const broken = JSON.parse(JSON.stringify(data)) as { overview: Record<string, unknown> };
    broken.overview['links'] = 'many';
    expect(validate(broken)).toBe(false);
  });
  it('carries the seed figures and the Bengbu / Huainan finding', () => {
    expect(data.overview).toMatchObject({ homeEntries: 164, partners: 1204, links: 1407, countriesWritten: 129, sovereignStates: 128 });
    expect(data.shared.home.identical.map((p) => [p.labelA, p.labelB, p.count])).toEqual([['Bengbu', 'Huainan', 5]]);
    expect(data.shared.home.significant.map((p) => `${p.labelA}–${p.labelB}`)).toContain('Bengbu–Huainan');
    expect(data.nodes).toHaveLength(164 + 1204);
  });
  it('counts links per country and continent that add up to all links', () => {
    expect(data.countries.reduce((s, c) => s + c.links, 0)).toBe(1407);
    expect(data.continents.reduce((s, c) => s + c.links, 0)).toBe(1407);
    expect(data.countries[0]).toMatchObject({ country: 'JP', links: 136 });
  });
  it('records the parameters needed to reproduce it', () => {
    expect(data.parameters).toMatchObject({ seed: 42, districts: 'separate', resolution: 1, runs: 3, pathsExact: true });
    expect(data.input.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('the Markdown report', () => {
  const text = renderMarkdown(hostileData, { degree: 't-degree.svg' });
  it('escapes pipes, HTML and Markdown punctuation in names', () => {
    expect(md('A | B <i>x</i> & Co')).toBe('A \\| B &lt;i&gt;x&lt;/i&gt; &amp; Co');
    // control characters reach no terminal that shows the file: an OSC title, a bell, a CSI
    expect(md('Evil\x1b]0;pwned\x07 City')).toBe('Evil\\x1b\\]0;pwned\\x07 City');
    expect(md('A\u009b2J | B')).toBe('A\\u009b2J \\| B');
    // what GitHub would link by itself stays text: a URL, a www. address, an e-mail address
    expect(md('http://evil.example/x')).toBe('http\\://evil.example/x');
    expect(md('See WWW.evil.com')).toBe('See WWW\\.evil.com');
    expect(md('a@b.co')).toBe('a\\@b.co');
    expect(md('Kowww.b')).toBe('Kowww.b'); // `www.` only at a word's start
    expect(text).toContain('A \\| B &lt;i&gt;x&lt;/i&gt; &amp; Co');
    expect(text).not.toContain('<i>');
    expect(text).toContain("Modi'in-Maccabim-Re'ut");
    expect(text).toContain('Москва');
    expect(text).toContain('西安\\*\\_\\`\\[x\\]\\`');
  });
  it('keeps every table row at its header’s number of cells', () => {
    const lines = text.split('\n');
    let cells = 0;
    for (const line of lines) {
      if (!line.startsWith('|')) { cells = 0; continue; }
      const n = line.replace(/\\\|/g, '').split('|').length - 2;
      if (cells === 0) cells = n;
      expect(n, line).toBe(cells);
    }
  });
  it('shows the charts it is given', () => {
    expect(text).toContain('![Degree distributions, log–log](t-degree.svg)');
  });
  it('explains the seed in words a newcomer can follow', () => {
    const seedText = renderMarkdown(data);
    for (const heading of ['## Overview', '## Countries and regions', '## Centrality', '## Shared partners', '## Communities', '## Method']) {
      expect(seedText).toContain(heading);
    }
    expect(seedText).toContain("| Bengbu; Huainan | 5 |");
  });
});

describe('the SVG charts', () => {
  it('escape names and are well-formed XML', async () => {
    const { JSDOM } = await import('jsdom');
    for (const svg of Object.values(reportCharts(hostileData))) {
      const doc = new JSDOM(svg, { contentType: 'image/svg+xml' }).window.document;
      expect(doc.querySelector('parsererror')).toBeNull();
      expect(svg).not.toContain('<i>');
    }
  });
});

describe('firstK', () => {
  it('equals a stable sort then slice, ties kept in input order (fast-check)', () => {
    fc.assert(fc.property(fc.array(fc.record({ v: fc.integer({ min: 0, max: 5 }), id: fc.nat() })), fc.integer({ min: 0, max: 12 }), (items, k) => {
      const cmp = (x: { v: number }, y: { v: number }) => y.v - x.v;
      expect(firstK(items, k, cmp)).toEqual([...items].sort(cmp).slice(0, k));
    }));
  });
});

describe('report data of a graph above the node-table limit', () => {
  const ds = parseSisterCityList(readFileSync('data/raw/china-sister-cities.txt', 'utf8'));
  const a = analyze(ds, { runs: 2 });
  const meta = { name: 'x', inputLabel: 'x', snapshotDate: null, sourceUrl: null };
  const full = buildReportData(a, meta);
  const cut = buildReportData(a, meta, { nodeTable: 400 });

  it('computes everything else exactly as with every row made', () => {
    const { nodes: _a, notes: _b, edges: _e, ...restFull } = full;
    const { nodes: _c, notes: _d, edges: _f, ...restCut } = cut;
    expect(restCut).toEqual(restFull);
  });

  it('lists the links between the nodes it keeps, as the full report lists them', () => {
    const kept = new Set(cut.nodes.map((r) => r.key));
    expect(cut.edges).toEqual(full.edges.filter((e) => kept.has(e.source) && kept.has(e.target)));
  });

  it('keeps every Chinese node, then the partners with most links (ties by key), and says so', () => {
    const partners = full.nodes.filter((r) => r.side === 'partner')
      .sort((x, y) => y.degree - x.degree || (x.key < y.key ? -1 : 1)).slice(0, 400 - 164);
    expect(cut.nodes).toEqual([...full.nodes.filter((r) => r.side === 'home'), ...partners]);
    expect(cut.notes.at(-1)).toBe('Per-node table: 400 of 1368 nodes (all Chinese nodes, then the partners with most links; limit 400).');
  });

  it('picks the same partners at any limit: none, one, the degree ties cut anywhere, all', () => {
    const byDegreeThenKey = full.nodes.filter((r) => r.side === 'partner').sort((x, y) => y.degree - x.degree || (x.key < y.key ? -1 : 1));
    for (const limit of [100, 164, 165, 171, 250, 399, 1000, 1367]) {
      const rows = buildReportData(a, meta, { nodeTable: limit }).nodes;
      expect(rows.map((r) => r.key), `limit ${limit}`).toEqual([...full.nodes.filter((r) => r.side === 'home'), ...byDegreeThenKey.slice(0, Math.max(0, limit - 164))].map((r) => r.key));
    }
  });

  it('ranks by the same values the rows hold (metricAt = row field)', () => {
    for (const { id: m } of MEASURES) {
      for (let v = 0; v < a.unified.keys.length; v += 7) expect(metricAt(a, v, m)).toBe(nodeRowAt(a, v)[m]);
    }
  });
});
