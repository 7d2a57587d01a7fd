import { describe, expect, it } from 'vitest';
import { BlockAssembler } from '../../src/parse/assemble-blocks.js';
import type { Diagnostic } from '../../src/parse/types.js';

/** An assembler over at most 20 lines with German ids and words, and the findings it reports. */
function german() {
  const found: Pick<Diagnostic, 'severity' | 'code' | 'lines' | 'message'>[] = [];
  const a = new BlockAssembler({ maxLines: 20, idPrefix: 'de:', demonym: 'German', home: 'DE', report: (severity, code, lines, message) => found.push({ severity, code, lines, message }) });
  const partner = (line: string, lineNo: number) => a.partner(line, 0, line.length, lineNo);
  /** Feeds `lines`, numbered from 1: `- …` a partner line, '' a blank line, any other a header; then finishes. */
  const assemble = (...lines: string[]) => {
    lines.forEach((line, i) => {
      if (line === '') a.blank(i + 1);
      else if (line.startsWith('- ')) partner(line, i + 1);
      else a.header(line, i + 1);
    });
    return a.finish();
  };
  return { a, found, partner, assemble };
}

describe('BlockAssembler: lines it cannot use', () => {
  it('refuses a partner line before any home header, in the home country\'s words', () => {
    const { partner, found } = german();
    expect(partner('- JPN Ibaraki, Japan', 1)).toBe(false);
    expect(found).toEqual([expect.objectContaining({ severity: 'error', code: 'partner-outside-block', lines: [1] })]);
    expect(found[0]?.message).toMatch(/outside any German city's block/);
  });
  it('refuses a partner line without a country part', () => {
    const { a, partner, found } = german();
    a.header('Bonn', 1);
    expect(partner('- JPN Ibaraki', 2)).toBe(false);
    expect(found.map((f) => f.code)).toEqual(['unparsed-line']);
  });
  it('refuses a partner line after a section or an unreadable line ended the block', () => {
    const { a, partner } = german();
    a.header('Bonn', 1);
    a.close();
    expect(partner('- JPN Ibaraki, Japan', 3)).toBe(false);
    a.header('Köln', 4);
    a.startSection('L');
    expect(partner('- JPN Ibaraki, Japan', 6)).toBe(false);
  });
});

describe('BlockAssembler: blocks', () => {
  it('makes one home entry per header with a prefixed id, its city, qualifier, district and section', () => {
    const { a } = german();
    a.startSection('F');
    a.header('Frankfurt, Hesse', 2);
    a.header('Berlin – Mitte', 3);
    const { homes } = a.finish();
    expect(homes.map((h) => [h.id, h.city, h.qualifier, h.kind, h.district, h.section])).toEqual([
      ['de:frankfurt-hesse', 'Frankfurt', 'Hesse', 'city', null, 'F'],
      ['de:berlin-mitte', 'Berlin', null, 'district', 'Mitte', 'F'],
    ]);
  });
  it('links each partner line to the open block, with code, label, qualifier and location', () => {
    const { a, partner } = german();
    a.header('Bonn', 1);
    expect(partner('- ENG Oxford (city), England, United Kingdom', 2)).toBe(true);
    expect(partner('- Potsdam, Germany', 3)).toBe(true);
    const { homes, partners, links } = a.finish();
    expect(links).toEqual([
      { homeId: 'de:bonn', partnerId: 'p:oxford-city-england-united-kingdom', line: 2, code: 'ENG' },
      { homeId: 'de:bonn', partnerId: 'p:potsdam-germany', line: 3, code: null },
    ]);
    expect(partners[0]).toMatchObject({ label: 'Oxford (city)', name: 'Oxford', qualifier: 'city', location: ['England', 'United Kingdom'], countryWritten: 'United Kingdom', homeIds: ['de:bonn'] });
    expect(homes[0]?.partnerIds).toEqual(['p:oxford-city-england-united-kingdom', 'p:potsdam-germany']);
  });
  it('makes one partner of one label and location under two blocks, and two of one label in two countries', () => {
    const { partners, links } = german().assemble('Bonn', '- AUS Perth, Australia', 'Köln', '- AUS Perth, Australia', '- SCO Perth, Scotland, United Kingdom');
    expect(partners.map((p) => [p.id, p.homeIds, p.lines])).toEqual([
      ['p:perth-australia', ['de:bonn', 'de:koln'], [2, 4]],
      ['p:perth-scotland-united-kingdom', ['de:koln'], [5]],
    ]);
    expect(links).toHaveLength(3);
  });
  it('merges a partner listed twice in one block into one link and reports both lines', () => {
    const { assemble, found } = german();
    expect(assemble('Bonn', '- FRA Paris, France', '- FRA Paris, France').links).toHaveLength(1);
    expect(found).toEqual([expect.objectContaining({ severity: 'warning', code: 'duplicate-link', lines: [2, 3] })]);
  });
  it('merges a second block of one header into the first, and a partner in both is one link', () => {
    const { assemble, found } = german();
    const { homes, links } = assemble('Bonn', '- FRA Paris, France', 'Bonn', '- FRA Paris, France', '- ITA Rome, Italy');
    expect(homes).toHaveLength(1);
    expect(homes[0]?.partnerIds).toEqual(['p:paris-france', 'p:rome-italy']);
    expect(links).toHaveLength(2);
    expect(found.map((f) => [f.code, f.lines])).toEqual([['duplicate-header', [1, 3]], ['duplicate-link', [1, 4]]]);
    expect(found[0]?.message).toMatch(/^German city "Bonn" has two blocks/);
  });
  it('reports a blank line inside a partner list only when the list goes on', () => {
    const { assemble, found } = german();
    // line 2, before any partner, is not inside the list; line 6 is after it
    assemble('Bonn', '', '- FRA Paris, France', '', '- ITA Rome, Italy', '');
    expect(found.map((f) => [f.code, f.lines])).toEqual([['blank-in-list', [4]]]);
  });
});

describe('BlockAssembler: arrays partners share', () => {
  it('gives partners of one location one location array, and the right parts to each', () => {
    const { assemble } = german();
    const { partners } = assemble('Bonn', '- GBR Perth, Scotland, United Kingdom', '- GBR Leeds, England, United Kingdom', '- GBR York, England, United Kingdom');
    const [perth, leeds, york] = partners;
    expect(perth?.location).toEqual(['Scotland', 'United Kingdom']);
    expect(leeds?.location).toEqual(['England', 'United Kingdom']);
    expect(york?.location).toBe(leeds?.location);
    expect(perth?.location).not.toBe(leeds?.location);
  });
  it('gives a partner of a second home entry its own homeIds, leaving the shared [id] of the first as it was', () => {
    const { assemble } = german();
    const { partners } = assemble('Bonn', '- JPN Ibaraki, Japan', '- FRA Lyon, France', 'Köln', '- JPN Ibaraki, Japan', '- JPN Kyoto, Japan', '- FRA Nice, France', '- FRA Lyon, France');
    const byLabel = Object.fromEntries(partners.map((p) => [p.label, p.homeIds]));
    expect(byLabel).toEqual({ Ibaraki: ['de:bonn', 'de:koln'], Lyon: ['de:bonn', 'de:koln'], Kyoto: ['de:koln'], Nice: ['de:koln'] });
    expect(byLabel['Kyoto']).toBe(byLabel['Nice']);
    expect(byLabel['Ibaraki']).not.toBe(byLabel['Lyon']);
  });
});
