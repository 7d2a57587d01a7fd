import { describe, expect, it } from 'vitest';
import Graph, { UndirectedGraph } from 'graphology';
import { writeGraphJson } from '../../src/export/json.js';
import { nastyGraph } from './_helpers.js';

describe('writeGraphJson', () => {
  it('sorts object keys at every level and keeps array order', () => {
    const g = new UndirectedGraph();
    g.addNode('b', { z: 1, a: { y: 2, b: 3 } }); g.addNode('a');
    const json = JSON.parse(writeGraphJson(g));
    expect(Object.keys(json)).toEqual(['attributes', 'edges', 'nodes', 'options']);
    expect(json.nodes.map((n: { key: string }) => n.key)).toEqual(['b', 'a']);
    expect(Object.keys(json.nodes[0].attributes)).toEqual(['a', 'z']);
    expect(Object.keys(json.nodes[0].attributes.a)).toEqual(['b', 'y']);
  });

  it('drops generated edge keys, so two identical graphs give identical text', () => {
    const text = writeGraphJson(nastyGraph());
    expect(text).toBe(writeGraphJson(nastyGraph()));
    expect(text).not.toMatch(/geid_/);
    const g = new UndirectedGraph(); g.addNode('a'); g.addNode('b'); g.addEdgeWithKey('mine', 'a', 'b');
    expect(JSON.parse(writeGraphJson(g)).edges[0].key).toBe('mine');
  });

  it('reads back into an equal graph with Graph.from', () => {
    const original = nastyGraph();
    const back = Graph.from(JSON.parse(writeGraphJson(original)));
    expect(back.nodes()).toEqual(original.nodes());
    expect(back.size).toBe(original.size);
    original.forEachNode((k, a) => expect(back.getNodeAttributes(k)).toEqual(a));
    expect(back.type).toBe('undirected');
  });
});
