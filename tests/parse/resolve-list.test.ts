import { describe, expect, it } from 'vitest';
import { BlockAssembler } from '../../src/parse/assemble-blocks.js';
import { resolveList } from '../../src/parse/resolve-list.js';
import type { Diagnostic } from '../../src/parse/types.js';

/** Assembles `blocks` (header → partner lines, line numbers in order) and resolves them for `home`. */
function resolved(home: string, demonym: string, blocks: [string, string[]][]) {
  const found: Pick<Diagnostic, 'code' | 'lines' | 'message'>[] = [];
  const report = (_s: unknown, code: Diagnostic['code'], lines: number[], message: string) => { found.push({ code, lines, message }); };
  const a = new BlockAssembler({ maxLines: 50, idPrefix: `${home.toLowerCase()}:`, demonym, home, report });
  let lineNo = 0;
  for (const [header, partners] of blocks) {
    a.header(header, ++lineNo);
    for (const p of partners) a.partner(p, 0, p.length, ++lineNo);
  }
  const assembly = a.finish();
  const { countries, findings } = resolveList(assembly, { home, demonym, report });
  return { ...assembly, countries, found: [...found, ...findings] };
}

describe('resolveList', () => {
  it('warns about a district whose city is not in the list, and an unknown country', () => {
    const r = resolved('DE', 'German', [['Berlin – Mitte', ['- XYZ Nowhere, Atlantis']]]);
    expect(r.homes[0]?.parentId).toBeNull();
    expect(r.found.map((f) => f.code)).toEqual(['district-parent-missing', 'unknown-code', 'unknown-country']);
  });
  it('warns about an empty block in the home country\'s words', () => {
    const r = resolved('DE', 'German', [['Bonn', []], ['Köln', ['- FRA Paris, France']]]);
    expect(r.found).toEqual([expect.objectContaining({ code: 'empty-block', lines: [1], message: 'German city "Bonn" has no partner lines' })]);
  });
  it('links a district to its city and resolves countries, territories and subdivisions', () => {
    const r = resolved('DE', 'German', [['Berlin', ['- FRA Paris, France']], ['Berlin – Mitte', ['- REU Saint-Denis, Réunion, France', '- WAL Cardiff, Wales, United Kingdom']]]);
    expect(r.homes[1]?.parentId).toBe('de:berlin');
    expect(r.partners.map((p) => [p.country, p.territory, p.subdivision])).toEqual([['FR', null, null], ['FR', 'RE', null], ['GB', null, 'GB-WLS']]);
    expect(r.countries.map((c) => [c.written, c.links])).toEqual([['France', 2], ['United Kingdom', 1]]);
  });
  it('settles an ambiguous Suzhou district by the Chinese table only when the home country is China', () => {
    const list: [string, string[]][] = [['Suzhou, Jiangsu', ['- JPN Ikeda, Japan']], ['Suzhou, Anhui', ['- JPN Kyoto, Japan']], ['Suzhou – Gusu', ['- JPN Nara, Japan']]];
    const cn = resolved('CN', 'Chinese', list);
    expect(cn.homes[2]?.parentId).toBe('cn:suzhou-jiangsu');
    expect(cn.found.map((f) => f.code)).not.toContain('district-parent-ambiguous');
    const de = resolved('DE', 'German', list);
    expect(de.homes[2]?.parentId).toBe('de:suzhou-anhui'); // the nearest preceding candidate
    expect(de.found.map((f) => f.code)).toContain('district-parent-ambiguous');
  });
  it('reads a UK home nation written as the country (`Cardiff, Wales`) as the United Kingdom, with its subdivision', () => {
    const r = resolved('DE', 'German', [['Stuttgart', ['- WAL Cardiff, Wales', '- Glasgow, Scotland', '- Belfast, Northern Ireland']]]);
    expect(r.partners.map((p) => [p.country, p.territory, p.subdivision])).toEqual([['GB', null, 'GB-WLS'], ['GB', null, 'GB-SCT'], ['GB', null, 'GB-NIR']]);
    expect(r.found.map((f) => f.code)).not.toContain('unknown-country');
    expect(r.found.map((f) => f.code)).not.toContain('code-country-mismatch');
    expect(r.countries.map((c) => [c.written, c.sovereign?.alpha2])).toEqual([['Northern Ireland', 'GB'], ['Scotland', 'GB'], ['Wales', 'GB']]);
  });
  it('tells one place written with less of its location from homonyms', () => {
    const r = resolved('CN', 'Chinese', [
      ['Anqing', ['- Cardiff, Wales, United Kingdom', '- Perth, Western Australia, Australia', '- Springfield, United States', '- Portland, Oregon, United States']],
      ['Baoding', ['- Cardiff, Wales', '- Perth, Scotland', '- Springfield, Illinois, United States', '- Portland, Maine, United States']],
      ['Cangzhou', ['- Springfield, Missouri, United States', '- Paris, France', '- Paris, Île-de-France, France']],
    ]);
    const about = (code: string) => r.found.filter((f) => f.code === code).map((f) => [f.lines, f.message.split(' ')[0]]);
    // Cardiff: one place (Wales says as much as Wales, UK, written shorter); Paris: France says less.
    expect(about('partner-location-variant')).toEqual([[[2, 7], '"Cardiff,'], [[13, 14], '"Paris,']]);
    // Perth (two countries), Portland (two states), Springfield (no state fits two places): homonyms.
    expect(about('homonym').map(([, name]) => name)).toEqual(['"Perth"', '"Springfield"', '"Portland"']);
    expect(r.found.find((f) => f.code === 'partner-location-variant')?.message)
      .toBe('"Cardiff, Wales" and "Cardiff, Wales, United Kingdom" may be one place, the first written with less of its location; kept apart — check whether they are one place');
    expect(r.partners).toHaveLength(11); // nothing merged
  });
});
