/**
 * twinnet's GEXF read back by NetworkX 2.8 (Debian 12's python3-networkx, `npm run setup:system`),
 * which reads GEXF 1.1draft and 1.2draft only and keys attributes by their title: the 1.2draft
 * files it reads as they are; the 1.3 files it refuses, and reads once told 1.3's namespaces (what
 * NetworkX 3.6 added).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const BIN = 'dist/twinnet.mjs';
const PYTHON = '/usr/bin/python3';

interface Read { error?: string; nodes?: number; edges?: number; bengbu?: Record<string, unknown>; pair?: Record<string, unknown> | null }

/** `nx.read_gexf(path)` in NetworkX 2.8; with `register13`, after adding GEXF 1.3's namespaces to its versions. */
function readWithNetworkx(path: string, register13 = false): Read {
  const script = `
import json, sys
import networkx as nx
from networkx.readwrite.gexf import GEXF
if ${register13 ? 'True' : 'False'}:
    GEXF.versions['1.3'] = dict(GEXF.versions['1.2draft'], NS_GEXF='http://gexf.net/1.3', NS_VIZ='http://gexf.net/1.3/viz', VERSION='1.3')
try:
    g = nx.read_gexf(sys.argv[1])
except nx.NetworkXError as e:
    print(json.dumps({'error': str(e)})); sys.exit(0)
pair = g.get_edge_data('cn:bengbu', 'cn:huainan')
print(json.dumps({'nodes': g.number_of_nodes(), 'edges': g.number_of_edges(), 'bengbu': {k: v for k, v in g.nodes['cn:bengbu'].items() if k != 'viz'}, 'pair': pair}))
`;
  const r = spawnSync(PYTHON, ['-c', script, path], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`networkx: ${r.stderr}`);
  return JSON.parse(r.stdout) as Read;
}

function twinnet(...args: string[]): void {
  const r = spawnSync(process.execPath, [BIN, ...args, '--runs', '1', '--layout-iterations', '10'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`twinnet ${args.join(' ')}: ${r.stderr}`);
}

describe('GEXF read back by NetworkX 2.8', () => {
  const dir = mkdtempSync(join(tmpdir(), 'twinnet-nx-'));
  beforeAll(() => {
    twinnet('export', '--gexf-version', '1.2draft', '--out', join(dir, 'bipartite-12.gexf'));
    twinnet('export', '--graph', 'home', '--gexf-version', '1.2draft', '--out', join(dir, 'home-12.gexf'));
    twinnet('export', '--graph', 'home', '--out', join(dir, 'home-13.gexf'));
    twinnet('report', '--gexf-version', '1.2draft', '--quiet', '--out', join(dir, 'report'));
  });

  it('has NetworkX for /usr/bin/python3 — else run `npm run setup:system`', () => {
    const r = spawnSync(PYTHON, ['-c', 'import networkx; print(networkx.__version__)'], { encoding: 'utf8' });
    expect(r.status, `NetworkX is missing: run \`npm run setup:system\` (installs python3-networkx)\n${r.stderr}`).toBe(0);
  });

  it('refuses a 1.3 file as it is (NetworkX before 3.6 knows no 1.3 namespace)', () => {
    expect(readWithNetworkx(join(dir, 'home-13.gexf')).error).toBe('No <graph> element in GEXF file.');
  });

  it.each([
    ['the exported bipartite graph', 'bipartite-12.gexf'],
    ["the report's GEXF", join('report', 'china-sister-cities.gexf')],
  ])('reads %s in 1.2draft: 164 + 1,204 places, 1,407 links, Bengbu with its 5 partners', (_what, file) => {
    const g = readWithNetworkx(join(dir, file));
    expect([g.nodes, g.edges]).toEqual([164 + 1204, 1407]);
    expect(g.bengbu).toMatchObject({ label: 'Bengbu', 'Side (home / partner)': 'home', Degree: 5 });
  });

  it('reads the home projection in 1.2draft: Bengbu–Huainan weighs 5, the partners they share', () => {
    const g = readWithNetworkx(join(dir, 'home-12.gexf'));
    expect(g.nodes).toBe(164);
    expect(g.pair).toMatchObject({ weight: 5, 'Shared partners': 5, Jaccard: 1 });
  });

  it('reads the same projection in 1.3 once told its namespaces, with the same counts', () => {
    const g13 = readWithNetworkx(join(dir, 'home-13.gexf'), true);
    const g12 = readWithNetworkx(join(dir, 'home-12.gexf'));
    expect([g13.nodes, g13.edges]).toEqual([g12.nodes, g12.edges]);
    expect(g13.pair).toMatchObject({ weight: 5, 'Shared partners': 5, Jaccard: 1 });
  });
});
