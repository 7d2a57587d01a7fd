/**
 * The explorer's panel in words, and its "most similar" ranking, on a list worked out by hand:
 *
 *   Aue: p1 p2 p3 p4         Zwickau: p1 p2 p3 q1 q2 q3 q4 q5   Dresden: p2 p4
 *   Celle: p1                Bonn: p1 q6 q7 q8 q9
 *
 * Aue shares 3 partners with Zwickau (Jaccard 3/(4+8−3) = 1/3), 2 with Dresden (2/(4+2−2) = 1/2),
 * 1 with Celle (1/4) and 1 with Bonn (1/(4+5−1) = 1/8): by shared count, then Jaccard, Aue's most
 * similar are Zwickau, Dresden, Celle, Bonn (by Jaccard first it would be Dresden, Zwickau, …).
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.js';
import { communityText, panelNumber, panelP } from '../../src/explorer/format.js';
import { explorerPayload } from '../../src/explorer/payload.js';
import { parseSisterCityList } from '../../src/parse/parse-list.js';

const block = (city: string, partners: string[]) => [city, ...partners.map((p) => `- FRA ${p}, France`)];
const list = [
  '= List of twin towns and sister cities in Germany =',
  '==A==', ...block('Aue', ['P1', 'P2', 'P3', 'P4']),
  '==B==', ...block('Bonn', ['P1', 'Q6', 'Q7', 'Q8', 'Q9']),
  '==C==', ...block('Celle', ['P1']),
  '==D==', ...block('Dresden', ['P2', 'P4']),
  '==Z==', ...block('Zwickau', ['P1', 'P2', 'P3', 'Q1', 'Q2', 'Q3', 'Q4', 'Q5']),
].join('\n');

describe('the panel\'s most similar places', () => {
  it('are ranked by shared count, then Jaccard, then p', () => {
    const payload = explorerPayload(analyze(parseSisterCityList(list), { runs: 2 }), { title: 't', seed: 1, iterations: 5 });
    const aue = payload.nodes.label.indexOf('Aue');
    const similar = payload.similar[aue] ?? [];
    expect(similar.map(([j, count, jaccard]) => [payload.nodes.label[j], count, jaccard]))
      .toEqual([['Zwickau', 3, 0.3333], ['Dresden', 2, 0.5], ['Celle', 1, 0.25], ['Bonn', 1, 0.125]]);
  });
  it("carry the hypergeometric p of each pair (Aue–Celle: Celle's one partner is among Aue's 4 of the 13 with probability 4/13)", () => {
    const payload = explorerPayload(analyze(parseSisterCityList(list), { runs: 2 }), { title: 't', seed: 1, iterations: 5 });
    const celle = (payload.similar[payload.nodes.label.indexOf('Aue')] ?? []).find(([j]) => payload.nodes.label[j] === 'Celle');
    expect(celle?.[4]).toBeCloseTo(4 / 13, 3);
  });
});

describe('numbers and communities in words', () => {
  it.each([
    [null, '–'], [0, '0'], [0.123456, '0.1235'], [5.65e-33, '≈ 0'], [0.00004, '< 0.0001'], [0.0001, '0.0001'], [0.0003654, '0.0003654'], [313, '313'],
  ])('shows %s as %s', (v, text) => {
    expect(panelNumber(v)).toBe(text);
  });
  it('keeps e-notation for small p-values only', () => {
    expect([panelP(4.78e-14), panelP(0.5), panelP(0.0123)]).toEqual(['4.78e-14', '0.5', '0.0123']);
  });
  it('says a community\'s size and most frequent country', () => {
    expect(communityText(6, [3, 'Hungary', 0.1875], 'partners most often in')).toBe('community 6 (3 places; partners most often in Hungary, 19 %)');
    expect(communityText(2, [1, null, 0], 'most often in')).toBe('community 2 (1 place)');
    expect(communityText(null, undefined, 'most often in')).toBe('–');
  });
});
