import { describe, expect, it } from 'vitest';
import { generateList, INTRO, TITLE } from '../../src/synth/generate.js';

const SECTION = /^==[A-Z]==$/;
const HEADER = /^[A-Z][a-z']*(?: – [A-Z][a-z']*)?$/;
const PARTNER = /^- (?:[A-Z]{3} )?[^,()]+(?: \([^,()]+\))?, [A-Z][^,]*(?:, United Kingdom)?$/;

/** Counts made from the text alone, independently of the generator's bookkeeping. */
function countFromText(text: string) {
  const lines = text.split('\n');
  let homeEntries = 0, links = 0, repeats = 0;
  const partners = new Map<string, number>(), countries = new Set<string>();
  let block = new Set<string>();
  for (const line of lines) {
    if (HEADER.test(line)) { homeEntries++; block = new Set(); }
    if (!line.startsWith('- ')) continue;
    const body = line.slice(2);
    links++;
    if (block.has(body)) repeats++;
    block.add(body);
    partners.set(body, (partners.get(body) ?? 0) + 1);
    countries.add(body.slice(0, 3));
  }
  return { homeEntries, links, partners, countries: countries.size, repeats };
}

describe('generateList', () => {
  it('rejects a scale that is not a positive finite number', () => {
    for (const scale of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => generateList({ scale })).toThrow(/generate: scale/);
    }
  });

  it('gives the same text for the same seed and a different text for another seed', () => {
    const a = generateList({ scale: 1, seed: 7 }), b = generateList({ scale: 1, seed: 7 });
    const c = generateList({ scale: 1, seed: 8 });
    expect(a.text).toBe(b.text);
    expect(a.stats).toEqual(b.stats);
    expect(c.text).not.toBe(a.text);
  });

  it('uses seed 42 when no seed is given', () => {
    const list = generateList({ scale: 1 });
    expect(list.stats.seed).toBe(42);
    expect(list.text).toBe(generateList({ scale: 1, seed: 42 }).text);
  });

  it('has about 1,407 links at scale 1, most partners having exactly one Chinese partner', () => {
    const { text, stats } = generateList({ scale: 1 });
    expect(Math.abs(stats.links - 1407) / 1407).toBeLessThanOrEqual(0.1);
    const { partners } = countFromText(text);
    const single = [...partners.values()].filter((d) => d === 1).length / partners.size;
    expect(single).toBeGreaterThanOrEqual(0.8);
    expect(single).toBeLessThanOrEqual(0.93);
  });

  it('writes every line as the title, the intro, a blank, a section, a header or a partner line', () => {
    const { text } = generateList({ scale: 2, seed: 3 });
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.slice(0, -1).split('\n');
    expect(lines.slice(0, 4)).toEqual([TITLE, '', INTRO, '']);
    for (const line of lines) {
      const ok = line === TITLE || line === INTRO || line === '' ||
        SECTION.test(line) || HEADER.test(line) || PARTNER.test(line);
      if (!ok) expect.fail(`unexpected line: ${JSON.stringify(line)}`);
    }
  });

  it('orders sections, headers, blank lines and partner lines as in the seed', () => {
    const { text } = generateList({ scale: 2, seed: 5 });
    const h = "[A-Z][a-z']*(?: – [A-Z][a-z']*)?";
    const p = '- [A-Z]{3} [^,\\n]+, [^\\n]+';
    const shape = new RegExp(`^= [^\\n]+ =\\n\\n[^\\n]+\\n\\n(?:==[A-Z]==\\n(?:${h}\\n\\n(?:${p}\\n)+(?:\\n|$))+)+$`);
    expect(shape.test(text)).toBe(true);
    const lines = text.split('\n');
    const sections = lines.filter((l) => SECTION.test(l)).map((l) => l.charAt(2));
    expect(sections).toEqual([...new Set(sections)].sort());
    // headers sorted within each section by (parent, district); districts follow their parent
    let previous: [string, string] | undefined;
    for (const line of lines) {
      if (SECTION.test(line)) previous = undefined;
      if (!HEADER.test(line)) continue;
      const [parent = '', district = ''] = line.split(' – ');
      if (district !== '') expect(lines).toContain(parent);
      if (previous) {
        expect(previous[0] < parent || (previous[0] === parent && previous[1] < district)).toBe(true);
      }
      previous = [parent, district];
    }
  });

  it('sorts partner lines by name within each block', () => {
    const { text } = generateList({ scale: 1, seed: 11 });
    const blocks = text.split(/\n\n(?=[A-Z=])/);
    for (const block of blocks) {
      const names = block.split('\n').filter((l) => l.startsWith('- ')).map((l) => l.slice(6).split(', ')[0] ?? '');
      for (let i = 1; i < names.length; i++) expect((names[i - 1] ?? '') <= (names[i] ?? '')).toBe(true);
    }
  });

  it('has about ten times as many links at scale 10 as at scale 1', () => {
    const one = generateList({ scale: 1 }).stats, ten = generateList({ scale: 10 }).stats;
    expect(ten.links / one.links).toBeGreaterThan(9.5);
    expect(ten.links / one.links).toBeLessThan(10.5);
    expect(ten.homeEntries).toBeGreaterThan(5 * one.homeEntries);
  });

  it('never lists the same partner twice under one Chinese city', () => {
    for (const seed of [1, 2, 3]) expect(countFromText(generateList({ scale: 3, seed }).text).repeats).toBe(0);
  });

  it('gives every Chinese entry a distinct name', () => {
    const headers = generateList({ scale: 20, seed: 4 }).text.split('\n').filter((l) => HEADER.test(l));
    expect(new Set(headers).size).toBe(headers.length);
  });

  it('reports stats that match a count made from the text', () => {
    const { text, stats } = generateList({ scale: 4, seed: 9 });
    const counted = countFromText(text);
    expect(stats).toEqual({
      homeEntries: counted.homeEntries,
      partners: counted.partners.size,
      links: counted.links,
      countries: counted.countries,
      seed: 9,
    });
  });

  it('mixes in apostrophes, non-ASCII letters, qualifiers and district entries', () => {
    const { text } = generateList({ scale: 5 });
    expect(text).toMatch(/^- [A-Z]{3} [^\n]*'/m);
    expect(text).toMatch(/^- [A-Z]{3} [^\n]*[^\x00-\x7f]/m);
    expect(text).toMatch(/^- [A-Z]{3} [^\n]* \([^)]+\), /m);
    expect(text).toMatch(/^[A-Z][a-z]*'[a-z]/m);
    expect(text).toMatch(/^[A-Z][a-z']* – [A-Z]/m);
    expect(text).toMatch(/^- ENG [^\n]+, England, United Kingdom$/m);
  });
});
