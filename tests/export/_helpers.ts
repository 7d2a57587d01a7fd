/**
 * Shared by the export tests: the seed graph with a few metric-like columns, a small graph with
 * awkward names, and validation against the official GEXF 1.3 RELAX NG grammar via xmllint-wasm.
 */
import { readFileSync } from 'node:fs';
import { UndirectedGraph } from 'graphology';
import { memoryPages, validateXML } from 'xmllint-wasm';
import type { XMLValidationResult } from 'xmllint-wasm';
import { parseSisterCityList } from '../../src/parse/parse-list.js';
import { buildBipartiteGraph } from '../../src/graph/build-bipartite.js';
import type { ColumnSpec } from '../../src/export/columns.js';

const GRAMMAR_DIR = 'tests/fixtures/gexf-1.3/';
const grammar = (name: string) => ({ fileName: name, contents: readFileSync(GRAMMAR_DIR + name, 'utf8') });

/** Validates a GEXF document against gexf.rng, with viz.rng and dynamics.rng preloaded for its `<include>`s. */
export function validateGexf(xml: string): Promise<XMLValidationResult> {
  return validateXML({
    xml: [{ fileName: 'graph.gexf', contents: xml }],
    extension: 'relaxng',
    schema: [grammar('gexf.rng')],
    preload: [grammar('viz.rng'), grammar('dynamics.rng')],
    // the partner projection's GEXF is ~17 MB: raise wasm's default memory ceiling
    maxMemoryPages: memoryPages.GiB,
  });
}

/** Well-formedness only (no schema): xmllint's `--format`. */
export function checkWellFormed(xml: string): Promise<XMLValidationResult> {
  return validateXML({ xml: [{ fileName: 'doc.xml', contents: xml }], normalization: 'format' });
}

const SEED = 'data/raw/china-sister-cities.txt';

/** The seed's bipartite graph, copied, with columns an analysis might add: degree, share, weight. */
export function seedGraph(): UndirectedGraph {
  const ds = parseSisterCityList(readFileSync(SEED, 'utf8'), { source: SEED });
  const graph = buildBipartiteGraph(ds).copy() as unknown as UndirectedGraph;
  graph.forEachNode((key) => {
    const degree = graph.degree(key);
    graph.mergeNodeAttributes(key, { degree, share: degree / graph.size, isHome: graph.getNodeAttribute(key, 'side') === 'home' });
  });
  graph.forEachEdge((edge, attributes) => {
    graph.setEdgeAttribute(edge, 'weight', (attributes.lines as number[]).length);
  });
  return graph;
}

export const SEED_NODE_COLUMNS: ColumnSpec[] = [
  { key: 'side', id: 'side', title: 'Side', type: 'string' },
  { key: 'country', id: 'country', title: 'Country (ISO alpha-2)', type: 'string' },
  { key: 'degree', id: 'degree', title: 'Degree', type: 'integer' },
  { key: 'share', id: 'share', title: 'Share of links', type: 'double' },
  { key: 'isHome', id: 'is_home', title: 'Chinese side', type: 'boolean' },
  { key: 'ids', id: 'ids', title: 'Data set ids', type: 'liststring' },
];

export const SEED_EDGE_COLUMNS: ColumnSpec[] = [
  { key: 'lines', id: 'lines', title: 'Input lines', type: 'liststring' },
];

/** Labels (and list items) that break naive writers. */
export const NASTY_LABELS: Record<string, string> = {
  amp: 'A & B <c> "d" \'e\'',
  xian: "Xi'an",
  modiin: "Modi'in-Maccabim-Re'ut",
  cyrillic: 'Модиин',
  chinese: '西安',
  comma: 'Paris, Texas',
  spaces: '  padded   label ',
};

export const NASTY_COLUMNS: ColumnSpec[] = [
  { key: 'aliases', id: 'aliases', title: 'Aliases & "names"', type: 'liststring' },
  { key: 'note', id: 'note', title: 'Note <free text>', type: 'string' },
  { key: 'rank', id: 'rank', title: 'Rank', type: 'long' },
];

/** A star around `amp`, every node with an awkward label; `aliases` holds list items with separators. */
export function nastyGraph(): UndirectedGraph {
  const graph = new UndirectedGraph();
  let rank = 0;
  for (const [key, label] of Object.entries(NASTY_LABELS)) {
    graph.addNode(key, { label, aliases: [label, 'a, b', 'say "hi"', 'back\\slash', "it's", '[x]', ''], note: `${label} & more`, rank: rank++ });
  }
  for (const key of Object.keys(NASTY_LABELS)) if (key !== 'amp') graph.addEdge('amp', key, { weight: 0.5 });
  return graph;
}
