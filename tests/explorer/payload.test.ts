import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { similarTo } from '../../src/analysis/query.js';
import { explorerHtml, readExplorerBundle, scriptJson } from '../../src/explorer/explorer-html.js';
import { foldName } from '../../src/util/fold.js';
import { explorerPayload, roundSignificant } from '../../src/explorer/payload.js';
import type { ExplorerPayload } from '../../src/explorer/payload.js';
import { parseSisterCityList } from '../../src/parse/parse-list.js';

/** Anqing–Hefei share Ibaraki (J = 1/4), Hefei–Wuhu share Nancy (J = 1/3). */
const TINY = [
  '==A==', 'Anqing', '', '- JPN Ibaraki, Japan', '- USA Calabasas, United States', '',
  '==H==', 'Hefei', '', '- JPN Ibaraki, Japan', '- USA Columbus, United States', '- FRA Nancy, France', '',
  '==W==', 'Wuhu', '', '- FRA Nancy, France', '',
].join('\n');

const tiny = () => analyze(parseSisterCityList(TINY), { runs: 2 });

/** Similar places of `label` as [label, count, Jaccard, shared labels]. */
function similarOf(p: ExplorerPayload, label: string): [string, number, number, string[]][] {
  const names = p.nodes.label;
  return (p.similar[names.indexOf(label)] ?? []).map(([j, count, jaccard, shared]) =>
    [names[j] as string, count, jaccard, shared.map((k) => names[k] as string)]);
}

describe('explorerHtml and its payload', () => {
  it('rejects a seed that is not an integer and a missing bundle, naming the fix', () => {
    expect(() => explorerHtml(tiny(), { title: 't', seed: 0.5 })).toThrow(/seed must be an integer/);
    const missing = join(mkdtempSync(join(tmpdir(), 'twinnet-bundle-')), 'client.js');
    expect(() => readExplorerBundle(missing)).toThrow(/missing; run npm run build/);
  });

  it('writes JSON that no place name can break out of, and that parses back unchanged', () => {
    const value = { name: '</script><script>alert(1)</script><!-- é \u2028' };
    const text = scriptJson(value);
    expect(text).not.toMatch(/<\/script|<!--|</);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('rounds to significant digits without −0', () => {
    expect(roundSignificant(123456.7, 4)).toBe(123500);
    expect(roundSignificant(0.000123456, 4)).toBe(0.0001235);
    expect(roundSignificant(-1e-30, 4)).toBe(-1e-30);
    expect(Object.is(roundSignificant(-0, 4), 0)).toBe(true);
  });

  it('lists the most similar places by Jaccard with the partners they share (hand-computed)', () => {
    const p = explorerPayload(tiny(), { title: 't', seed: 1, iterations: 20 });
    expect(p.nodes.label.slice(0, 3)).toEqual(['Anqing', 'Hefei', 'Wuhu']);
    expect(similarOf(p, 'Hefei')).toEqual([['Wuhu', 1, 0.3333, ['Nancy, France']], ['Anqing', 1, 0.25, ['Ibaraki, Japan']]]);
    expect(similarOf(p, 'Wuhu')).toEqual([['Hefei', 1, 0.3333, ['Nancy, France']]]);
    // partners: top 3; Ibaraki–Calabasas and Ibaraki–Columbus tie at 1/2
    expect(similarOf(p, 'Ibaraki, Japan').map((s) => [s[0], s[2]])).toEqual([
      ['Calabasas, United States', 0.5], ['Columbus, United States', 0.5], ['Nancy, France', 0.3333],
    ]);
    expect(p.views.bipartite.nodes).toHaveLength(7);
    expect(p.views.bipartite.edges).toHaveLength(2 * 6);
    expect(p.views.home.nodes).toEqual([0, 1, 2]);
    expect(p.views.home.edges).toHaveLength(2 * 2);
  });

  it('gives the same bytes for the same analysis and seed', () => {
    const a = tiny();
    const one = explorerHtml(a, { title: 'Tiny', seed: 3, iterations: 30 });
    expect(explorerHtml(a, { title: 'Tiny', seed: 3, iterations: 30 })).toBe(one);
    expect(explorerHtml(a, { title: 'Tiny', seed: 4, iterations: 30 })).not.toBe(one);
  });
});

describe('explorer on the seed list', () => {
  const a = analyze(parseSisterCityList(readFileSync('data/raw/china-sister-cities.txt', 'utf8')), { runs: 2 });
  const p = explorerPayload(a, { title: 'seed', seed: 42, iterations: 0 });

  it('folds names for the browser search forgivingly (case, accents, apostrophes, punctuation)', () => {
    expect(["Xi'an", 'Ürümqi', 'Saint-Étienne', 'Côte d’Ivoire', 'SUZHOU, Jiangsu'].map(foldName))
      .toEqual(['xian', 'urumqi', 'saint etienne', 'cote divoire', 'suzhou jiangsu']);
  });

  it('ranks similar places as similarTo does (Bengbu: Huainan first, five shared partners)', () => {
    for (const name of ['Bengbu', "Xi'an", 'Beijing', 'Szolnok, Hungary']) {
      const expected = similarTo(a, name, { top: 5 });
      const top = expected.side === 'home' ? 5 : 3;
      const got = similarOf(p, expected.label);
      expect(got.map((s) => s[0])).toEqual(expected.similar.slice(0, top).map((r) => r.labelB));
      expect(got.map((s) => s[3])).toEqual(expected.similar.slice(0, top).map((r) => r.shared));
    }
    expect(similarOf(p, 'Bengbu')[0]?.slice(0, 3)).toEqual(['Huainan', 5, 1]);
  });

  it('has the seed graph in the bipartite view and the projection in the other', () => {
    expect(p.views.bipartite.nodes).toHaveLength(1368);
    expect(p.views.bipartite.edges).toHaveLength(2 * 1407);
    expect(p.views.home.nodes).toHaveLength(164);
    expect(p.views.home.edges).toHaveLength(2 * 241);
  });
});
