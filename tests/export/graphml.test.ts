import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { UndirectedGraph } from 'graphology';
import { writeGraphml } from '../../src/export/graphml.js';
import { NASTY_COLUMNS, NASTY_LABELS, SEED_EDGE_COLUMNS, SEED_NODE_COLUMNS, checkWellFormed, nastyGraph, seedGraph } from './_helpers.js';

function parseXml(xml: string): Document {
  return new JSDOM(xml, { contentType: 'application/xml' }).window.document;
}

function dataOf(el: Element, key: string): string | undefined {
  return [...el.getElementsByTagName('data')].find((d) => d.getAttribute('key') === key)?.textContent ?? undefined;
}

describe('writeGraphml', () => {
  it('rejects a node column named label, which the label key already uses', () => {
    expect(() => writeGraphml(new UndirectedGraph(), { nodeColumns: [{ key: 'x', id: 'label', title: 'X', type: 'string' }], edgeColumns: [] })).toThrow(/reserved/);
  });

  it('writes well-formed GraphML with one typed key per column', async () => {
    const xml = writeGraphml(seedGraph(), { nodeColumns: SEED_NODE_COLUMNS, edgeColumns: SEED_EDGE_COLUMNS, weightKey: 'weight' });
    expect((await checkWellFormed(xml)).valid).toBe(true);
    const doc = parseXml(xml);
    const keys = [...doc.getElementsByTagName('key')].map((k) => [k.getAttribute('id'), k.getAttribute('for'), k.getAttribute('attr.name'), k.getAttribute('attr.type')]);
    expect(keys).toEqual([
      ['label', 'node', 'label', 'string'],
      ['side', 'node', 'side', 'string'],
      ['country', 'node', 'country', 'string'],
      ['degree', 'node', 'degree', 'int'],
      ['share', 'node', 'share', 'double'],
      ['is_home', 'node', 'is_home', 'boolean'],
      ['ids', 'node', 'ids', 'string'],
      ['weight', 'edge', 'weight', 'double'],
      ['lines', 'edge', 'lines', 'string'],
    ]);
    expect(doc.getElementsByTagName('graph')[0]?.getAttribute('edgedefault')).toBe('undirected');
    expect(doc.getElementsByTagName('node')).toHaveLength(1368);
    expect(doc.getElementsByTagName('edge')).toHaveLength(1407);
  });

  it('keeps awkward names, list items and numbers intact', async () => {
    const graph = nastyGraph();
    const xml = writeGraphml(graph, { nodeColumns: NASTY_COLUMNS, edgeColumns: [], weightKey: 'weight' });
    expect((await checkWellFormed(xml)).valid).toBe(true);
    const doc = parseXml(xml);
    for (const node of doc.getElementsByTagName('node')) {
      const key = node.getAttribute('id') as string;
      expect(dataOf(node, 'label')).toBe(NASTY_LABELS[key]);
      expect(dataOf(node, 'note')).toBe(`${NASTY_LABELS[key]} & more`);
      expect(dataOf(node, 'aliases')).toBe((graph.getNodeAttribute(key, 'aliases') as string[]).join(';'));
      expect(Number(dataOf(node, 'rank'))).toBe(graph.getNodeAttribute(key, 'rank'));
    }
    expect(dataOf(doc.getElementsByTagName('edge')[0] as Element, 'weight')).toBe('0.5');
    expect([...doc.getElementsByTagName('desc')].map((d) => d.textContent)).toContain('Aliases & "names"');
  });

  it('gives an edge column that shares a node column id its own key id', () => {
    const g = new UndirectedGraph();
    g.addNode('a', { kind: 'x' }); g.addNode('b', { kind: 'y' }); g.addEdge('a', 'b', { kind: 'z' });
    const spec = { key: 'kind', id: 'kind', title: 'Kind', type: 'string' } as const;
    const xml = writeGraphml(g, { nodeColumns: [spec], edgeColumns: [spec] });
    expect(xml).toContain('<key id="kind" for="node" attr.name="kind" attr.type="string">');
    expect(xml).toContain('<key id="edge_kind" for="edge" attr.name="kind" attr.type="string">');
    expect(xml).toContain('<data key="edge_kind">z</data>');
  });
});
