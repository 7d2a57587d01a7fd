import { describe, expect, it } from 'vitest';
import { readList } from '../../src/parse/read-list.js';
import { parseSisterCityList } from '../../src/parse/parse-list.js';
import { InputError } from '../../src/util/errors.js';

const parse = (text: string) => parseSisterCityList(text, { source: 'test.txt' });
const codes = (text: string) => parse(text).diagnostics.map((d) => d.code);

describe('parseSisterCityList: invalid input', () => {
  it('refuses an empty or blank text, naming the source', () => {
    expect(() => parse('')).toThrow(InputError);
    expect(() => parse(' \n\n')).toThrow(/test\.txt: file is empty/);
  });
  it('refuses text with NUL bytes, naming the line', () => {
    expect(() => parse('==A==\nAnqing\n\u0000- x')).toThrow(/test\.txt:3: binary/);
  });
  it('refuses text in another format, naming the first line', () => {
    expect(() => parse('name,country\nParis,France\n')).toThrow(/test\.txt:1: not a sister-city list/);
  });
});

describe('parseSisterCityList: accounting for every line', () => {
  const text = [
    '= List of twin towns and sister cities in China =',
    '',
    'This is a list of places.',
    '',
    '==A==',
    'Anqing',
    '',
    '- USA Calabasas, United States',
    '- JPN Ibaraki, Japan',
    '',
    'This line is prose and not a place: it ends with a full stop.',
    '- JPN Kushima, Japan',
  ].join('\n');
  const ds = parse(text);
  it('counts each kind, and the counts add up to the number of lines', () => {
    expect(ds.lineKinds).toEqual({ title: 1, intro: 1, section: 1, 'home-header': 1, partner: 2, blank: 4, unparsed: 2 });
    expect(Object.values(ds.lineKinds).reduce((a, b) => a + b, 0)).toBe(ds.source.lines);
    expect(ds.source.lines).toBe(12);
  });
  it('turns an unreadable line into an error diagnostic with its line number', () => {
    const d = ds.diagnostics.find((x) => x.code === 'unparsed-line');
    expect(d).toMatchObject({ severity: 'error', line: 11 });
  });
  it('reports a partner line that belongs to no city block', () => {
    expect(ds.diagnostics.find((x) => x.code === 'partner-outside-block')).toMatchObject({ severity: 'error', line: 12 });
  });
  it('keeps the title and the intro', () => {
    expect(ds.title).toBe('List of twin towns and sister cities in China');
    expect(ds.intro).toEqual(['This is a list of places.']);
  });
  it('reports a partner line without a country', () => {
    const d = parse('==A==\nAnqing\n- JPN Ibaraki\n').diagnostics.find((x) => x.code === 'unparsed-line');
    expect(d).toMatchObject({ code: 'unparsed-line', line: 3, severity: 'error' });
  });
});

describe('parseSisterCityList: line endings and byte-order mark', () => {
  const lf = '==A==\nAnqing\n\n- JPN Ibaraki, Japan\n';
  it('parses CRLF text exactly as LF text and records the line ending', () => {
    const a = parse(lf), b = parse(lf.replace(/\n/g, '\r\n'));
    expect(b.links).toEqual(a.links);
    expect(b.homes).toEqual(a.homes);
    expect(b.source.lineEnding).toBe('CRLF');
    expect(a.source.lineEnding).toBe('LF');
  });
  it('strips a byte-order mark and records it', () => {
    const b = parse(`\uFEFF${lf}`);
    expect(b.source.bom).toBe(true);
    expect(b.lineKinds.section).toBe(1);
    expect(b.links).toHaveLength(1);
  });
});

describe('parseSisterCityList: Chinese entries', () => {
  const ds = parse([
    '==S==', 'Suzhou, Anhui', '- JPN Ibaraki, Japan', 'Suzhou, Jiangsu', '- JPN Kanazawa, Japan',
    'Suzhou – Gusu', '- JPN Nara, Japan', 'Shanghai', '- JPN Osaka, Japan', 'Shanghai – Pudong', '- JPN Kobe, Japan',
    '==X==', "Xi'an", '- JPN Kyoto, Japan',
  ].join('\n'));
  const byName = new Map(ds.homes.map((c) => [c.name, c]));
  it('keeps the header as written with a stable id', () => {
    expect(byName.get("Xi'an")).toMatchObject({ id: 'cn:xian', city: "Xi'an", kind: 'city', section: 'X', line: 13 });
    expect(byName.get('Suzhou, Anhui')).toMatchObject({ id: 'cn:suzhou-anhui', city: 'Suzhou', qualifier: 'Anhui' });
  });
  it('keeps Suzhou, Anhui and Suzhou, Jiangsu apart and puts Suzhou – Gusu under Jiangsu', () => {
    expect(byName.get('Suzhou, Anhui')?.id).not.toBe(byName.get('Suzhou, Jiangsu')?.id);
    expect(byName.get('Suzhou – Gusu')).toMatchObject({ kind: 'district', district: 'Gusu', parentId: 'cn:suzhou-jiangsu' });
  });
  it('links a district entry to its parent city', () => {
    expect(byName.get('Shanghai – Pudong')).toMatchObject({ kind: 'district', parentId: 'cn:shanghai', id: 'cn:shanghai-pudong' });
  });
  it('warns when a district could belong to two cities and no rule decides', () => {
    const d = parse('==S==\nTaizhou, Jiangsu\n- JPN Ibaraki, Japan\nTaizhou, Zhejiang\n- JPN Nara, Japan\nTaizhou – Hailing\n- JPN Kobe, Japan\n');
    expect(d.diagnostics.map((x) => x.code)).toContain('district-parent-ambiguous');
    expect(d.homes[2]?.parentId).toBe('cn:taizhou-zhejiang');
  });
  it('warns when a district has no entry for its city', () => {
    expect(codes('==H==\nHarbin – Daoli\n- JPN Niigata, Japan\n')).toContain('district-parent-missing');
  });
  it('merges a city listed twice and warns', () => {
    const d = parse('==A==\nAnqing\n- JPN Ibaraki, Japan\n==B==\nAnqing\n- JPN Nara, Japan\n');
    expect(d.homes).toHaveLength(1);
    expect(d.homes[0]?.partnerIds).toHaveLength(2);
    expect(d.diagnostics.map((x) => x.code)).toContain('duplicate-header');
    // a blank line between the second header and its first partner is no blank inside a list; one between two partners is
    expect(codes('==A==\nAnqing\n- JPN Ibaraki, Japan\n==B==\nAnqing\n\n- JPN Nara, Japan\n')).not.toContain('blank-in-list');
    expect(codes('==A==\nAnqing\n- JPN Ibaraki, Japan\n==B==\nAnqing\n- JPN Nara, Japan\n\n- JPN Kobe, Japan\n')).toContain('blank-in-list');
  });
  it('keeps a city of one name under two sections that name regions apart (Portland, Maine and Portland, Oregon)', () => {
    const text = 'List of twin towns and sister cities in the United States\n==Maine==\nPortland\n- JPN Shinagawa, Japan\n==Oregon==\nPortland\n- JPN Sapporo, Japan\nPortland\n- ITA Bologna, Italy\n';
    const d = readList(text, { source: 'us.txt' });
    expect(d.homes.map((h) => [h.id, h.name, h.section, h.partnerIds.length])).toEqual([['us:portland', 'Portland', 'Maine', 1], ['us:portland-oregon', 'Portland', 'Oregon', 2]]);
    expect(d.diagnostics.map((x) => [x.code, x.lines])).toEqual(expect.arrayContaining([['home-homonym', [3, 6]], ['duplicate-header', [6, 8]]]));
    // letters are no regions: merged, as before
    expect(parse('==P==\nPortland\n- JPN Nara, Japan\n==Q==\nPortland\n- JPN Kobe, Japan\n').homes).toHaveLength(1);
    // nor are kinds of entries (`Other`, `Former twinnings`), or letter ranges; names in any script are
    for (const [x, y] of [['Other', 'Former twinnings'], ['A–C', 'M–O'], ['Cities', 'Others'], ['あ', 'か'], ['Ch', 'Ä']]) {
      expect(parse(`==${x}==\nPortland\n- JPN Nara, Japan\n==${y}==\nPortland\n- JPN Kobe, Japan\n`).homes, `${x} / ${y}`).toHaveLength(1);
    }
    expect(parse('==東京都==\n府中\n- USA Sacramento, United States\n==広島県==\n府中\n- USA Fresno, United States\n').homes).toHaveLength(2);
    expect(parse('==Mie==\nKawagoe\n- USA Sacramento, United States\n==Saitama==\nKawagoe\n- USA Fresno, United States\n').homes).toHaveLength(2);
  });
  it('notes a header outside its letter\'s section, its initial read as an index sorts it', () => {
    const mismatched = (section: string, name: string) => codes(`==${section}==\n${name}\n- JPN Nara, Japan\n`).includes('section-mismatch');
    // accents and the letters decomposition keeps (Đ, Ł, Ø) fold; a Dutch elided article is passed over
    for (const [section, name] of [['U', 'Ürümqi'], ['D', 'Đà Nẵng'], ['L', 'Łódź'], ['O', 'Ørsta'], ['H', "'s-Hertogenbosch"], ['Z', '’t Zandt'], ['S', 'Shanghai']] as const) {
      expect(mismatched(section, name), `${name} under ${section}`).toBe(false);
    }
    for (const [section, name] of [['B', 'Anqing'], ['S', "'s-Hertogenbosch"], ['T', 'Heping']] as const) {
      expect(mismatched(section, name), `${name} under ${section}`).toBe(true);
    }
  });
  it('warns about a city with no partner lines', () => {
    expect(codes('==A==\nAnqing\n\nAnshan\n- JPN Nara, Japan\n')).toContain('empty-block');
  });
});

describe('parseSisterCityList: partner lines', () => {
  const ds = parse([
    '==A==', 'Anguo',
    '- KOR Dongdaemun (Seoul), South Korea',
    '- ENG Sheffield, England, United Kingdom',
    '- Belfast, Northern Ireland, United Kingdom',
    '- REU Saint-Pierre, Réunion, France',
    '- PYF Faaa, French Polynesia',
    '- CGO Pointe-Noire, Congo',
    '- SUR Paramaribo, Surinam',
    '- DEN Aarhus, Denmark',
    '- DNK Odense, Denmark',
  ].join('\n'));
  const p = (label: string) => ds.partners.find((x) => x.label === label);
  it('keeps name, qualifier and location tail', () => {
    expect(p('Dongdaemun (Seoul)')).toMatchObject({ name: 'Dongdaemun', qualifier: 'Seoul', location: ['South Korea'], country: 'KR' });
    expect(p('Sheffield')).toMatchObject({ location: ['England', 'United Kingdom'], country: 'GB', subdivision: 'GB-ENG' });
  });
  it('accepts a line without a flag code and reports it', () => {
    expect(p('Belfast')).toMatchObject({ country: 'GB', subdivision: 'GB-NIR' });
    expect(ds.links.find((l) => l.partnerId === p('Belfast')?.id)?.code).toBeNull();
    expect(ds.diagnostics.filter((d) => d.code === 'missing-code').map((d) => d.line)).toEqual([5]);
  });
  it('keeps a territory beside its sovereign', () => {
    expect(p('Saint-Pierre')).toMatchObject({ country: 'FR', territory: 'RE' });
    expect(p('Faaa')).toMatchObject({ country: 'FR', territory: 'PF', countryWritten: 'French Polynesia' });
  });
  it('records the territory the location names when the flag code names its sovereign', () => {
    const d = parse('==A==\nAnqing\n- FRA Saint-Denis, Réunion, France\n');
    expect(d.partners[0]).toMatchObject({ country: 'FR', territory: 'RE' });
    expect(d.diagnostics.map((x) => x.code)).not.toContain('code-is-territory');
    expect(d.diagnostics.map((x) => x.message).join('\n')).not.toMatch(/a territory of France;/);
  });
  it('resolves Congo to the Republic of the Congo and Surinam to Suriname', () => {
    expect(p('Pointe-Noire')?.country).toBe('CG');
    expect(p('Paramaribo')?.country).toBe('SR');
  });
  it('records both countries as written and sovereign ISO codes with alpha-3', () => {
    const fp = ds.countries.find((c) => c.written === 'French Polynesia');
    expect(fp).toMatchObject({ sovereign: { alpha2: 'FR', alpha3: 'FRA' }, territory: { alpha2: 'PF', alpha3: 'PYF' }, links: 1 });
    expect(ds.countries.find((c) => c.written === 'Denmark')?.codes).toEqual({ DEN: 1, DNK: 1 });
  });
  it('reports IOC codes and a country written with two codes as notes', () => {
    const notes = ds.diagnostics.filter((d) => d.severity === 'info').map((d) => d.code);
    expect(notes).toContain('non-iso-code');
    expect(notes).toContain('mixed-codes');
  });
  it.each([
    ['- XYZ Somewhere, Japan', 'unknown-code', 'warning'],
    ['- GER Lyon, France', 'code-country-mismatch', 'warning'],
    ['- ALA Mariehamn, Finland', 'code-is-territory', 'warning'],
    ['- BRN Bandar Seri Begawan, Brunei', 'code-ambiguous', 'info'],
    ['- FRA Nowhere, Atlantis', 'unknown-country', 'error'],
  ])('reports %s as %s', (line, code, severity) => {
    const d = parse(`==A==\nAnqing\n${line}\n`).diagnostics.find((x) => x.code === code);
    expect(d).toMatchObject({ severity, line: 3 });
  });
  it('resolves a partner whose country name is unknown from an unambiguous flag code', () => {
    const d = parse('==A==\nAnqing\n- FRA Nowhere, Atlantis\n');
    expect(d.partners[0]?.country).toBe('FR');
  });
});

describe('parseSisterCityList: identity of foreign partners', () => {
  const ds = parse([
    '==A==', 'Anqing', '- KHM Phnom Penh, Cambodia', '- AUS Perth, Australia',
    'Anshan', '- KHM Phnom Penh,  Cambodia', '- SCO Perth, Scotland, United Kingdom',
    'Anyang', '- KHM Phnom\u00a0Penh, Cambodia', '- KHM Phnom Penh, Cambodia',
  ].join('\n'));
  it('makes one place of the same name and location under several Chinese cities', () => {
    const pp = ds.partners.filter((p) => p.name === 'Phnom Penh');
    expect(pp).toHaveLength(1);
    expect(pp[0]?.homeIds).toEqual(['cn:anqing', 'cn:anshan', 'cn:anyang']);
  });
  it('keeps same-named places in different countries apart and reports the homonym', () => {
    expect(ds.partners.filter((p) => p.name === 'Perth').map((p) => p.id)).toEqual(['p:perth-australia', 'p:perth-scotland-united-kingdom']);
    expect(ds.diagnostics.find((d) => d.code === 'homonym')?.lines).toEqual([4, 7]);
  });
  it('merges a duplicate link inside one block and reports both lines', () => {
    expect(ds.links.filter((l) => l.homeId === 'cn:anyang')).toHaveLength(1);
    expect(ds.diagnostics.find((d) => d.code === 'duplicate-link')).toMatchObject({ severity: 'warning', lines: [9, 10] });
  });
  it('normalises names to NFC so composed and decomposed accents are one place', () => {
    const d = parse('==A==\nAnqing\n- TUR K\u00fctahya, Turkey\nAnshan\n- TUR Ku\u0308tahya, Turkey\n');
    expect(d.partners).toHaveLength(1);
  });
  it('warns about names that differ only in case or accents', () => {
    expect(codes('==A==\nAnqing\n- TUR Kutahya, Turkey\nAnshan\n- TUR Kütahya, Turkey\n')).toContain('near-duplicate-partner');
  });
});

describe('parseSisterCityList: data-quality findings', () => {
  it('reports blank lines inside a partner list', () => {
    const d = parse('==B==\nBeihai\n\n- CAN Leduc, Canada\n\n- FJI Suva, Fiji\n\nBengbu\n- JPN Nara, Japan\n');
    expect(d.diagnostics.filter((x) => x.code === 'blank-in-list').map((x) => x.line)).toEqual([5]);
  });
  it('reports Chinese cities with identical partner lists', () => {
    const d = parse('==B==\nBengbu\n- JPN Nara, Japan\n- JPN Kobe, Japan\nHuainan\n- JPN Kobe, Japan\n- JPN Nara, Japan\nHefei\n- JPN Kobe, Japan\n');
    const f = d.diagnostics.find((x) => x.code === 'identical-partner-lists');
    expect(f?.lines).toEqual([2, 5]);
    expect(f?.message).toMatch(/Bengbu.*Huainan.*2 partners/);
  });
  it('warns about a US name without a state that several places bear, listed under two cities', () => {
    const d = parse('==A==\nAnqing\n- USA Wilmington, United States\nDalian\n- USA Wilmington, United States\n- USA Honolulu, United States\nEzhou\n- USA Honolulu, United States\n');
    const us = d.diagnostics.filter((x) => x.code === 'us-name-without-state');
    expect(us).toHaveLength(1);
    expect(us[0]).toMatchObject({ severity: 'warning', lines: [3, 5] });
  });
});

describe('parseSisterCityList: old Mac line endings', () => {
  it('reads CR-only text line by line and records it', () => {
    const ds = parseSisterCityList('==A==\rAnqing\r\r- JPN Ibaraki, Japan\r', { source: 'mac.txt' });
    expect(ds.links).toHaveLength(1);
    expect(ds.source.lineEnding).toBe('CR');
    expect(ds.source.lines).toBe(4);
  });
});

describe('a list without sections', () => {
  // Found by the probe: refused as "no section header and no partner line", which it has.
  const text = [
    '= List of twin towns and sister cities in Germany =', '',
    'This list gives the twin towns of German cities, in the order of their first twinning.', '',
    'Bonn', '', '- FRA Paris, France', '- GBR Oxford, United Kingdom', '', 'Köln', '- FRA Lille, France', '',
  ].join('\n');
  it('reads the headers after the title and intro, each with its partners', () => {
    const ds = parseSisterCityList(text, { source: 'nosec.txt' });
    expect(ds.homes.map((h) => [h.name, h.line, h.section, h.partnerIds])).toEqual([
      ['Bonn', 5, null, ['p:paris-france', 'p:oxford-united-kingdom']],
      ['Köln', 10, null, ['p:lille-france']],
    ]);
    expect(ds.intro).toEqual(['This list gives the twin towns of German cities, in the order of their first twinning.']);
    expect(ds.lineKinds).toEqual({ title: 1, intro: 1, section: 0, 'home-header': 2, partner: 3, blank: 4, unparsed: 0 }); // lines 2, 4, 6, 9
    expect(ds.diagnostics).toEqual([]);
  });
  it('still refuses a text with neither sections nor partner lines', () => {
    expect(() => parseSisterCityList('Bonn\nKöln\n', { source: 'x.txt' })).toThrow(/not a sister-city list/);
  });
});

describe('headers written otherwise (found by the probe)', () => {
  it('reads a third-level heading under a section as a home header', () => {
    const ds = parseSisterCityList('= List of twin towns and sister cities in Germany =\n\n==Bavaria==\n=== Munich ===\n- FRA Bordeaux, France\n===Nuremberg===\n- FRA Nice, France\n');
    expect(ds.homes.map((h) => [h.id, h.name, h.section, h.partnerIds])).toEqual([
      ['de:munich', 'Munich', 'Bavaria', ['p:bordeaux-france']],
      ['de:nuremberg', 'Nuremberg', 'Bavaria', ['p:nice-france']],
    ]);
    expect(ds.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
  it('reads an em dash without spaces as a district separator, a hyphen without spaces as part of the name', () => {
    const ds = parseSisterCityList('= List of twin towns and sister cities in Germany =\n\n==B==\nBerlin\n- FRA Paris, France\nBerlin—Spandau\n- GBR Luton, United Kingdom\n==C==\nCastrop-Rauxel\n- FRA Vincennes, France\n');
    expect(ds.homes.map((h) => [h.id, h.city, h.kind, h.district, h.parentId])).toEqual([
      ['de:berlin', 'Berlin', 'city', null, null],
      ['de:berlin-spandau', 'Berlin', 'district', 'Spandau', 'de:berlin'],
      ['de:castrop-rauxel', 'Castrop-Rauxel', 'city', null, null],
    ]);
  });
});

describe('near-duplicate home entries (found by the probe: kept apart without a word)', () => {
  it('warns of headers differing only in case, accents or punctuation, keeping them apart', () => {
    const ds = parseSisterCityList('= List of twin towns and sister cities in Germany =\n\n==A==\nAachen\n- FRA Reims, France\nAACHEN\n- FRA Lyon, France\n==K==\nKöln\n- FRA Lille, France\nKoln\n- ITA Turin, Italy\n');
    expect(ds.homes).toHaveLength(4);
    expect(ds.diagnostics.map((d) => [d.severity, d.code, d.lines, d.message])).toEqual([
      ['warning', 'near-duplicate-home', [4, 6], '"Aachen" and "AACHEN" differ only in case, accents or punctuation; kept apart as German entries — check whether they are one place'],
      ['warning', 'near-duplicate-home', [9, 11], '"Köln" and "Koln" differ only in case, accents or punctuation; kept apart as German entries — check whether they are one place'],
    ]);
  });
  it('says nothing of a table\'s namesakes in two regions, written alike', () => {
    const ds = readList('city,region,country,partner,partner_country\nNeustadt,Hesse,Germany,Lille,France\nNeustadt,Bavaria,Germany,Turin,Italy\n', { source: 'x.csv' });
    expect(ds.homes).toHaveLength(2);
    expect(ds.diagnostics.map((d) => d.code)).not.toContain('near-duplicate-home');
  });
  it('says of a table\'s partner written alike with different ids that it is written alike', () => {
    const ds = readList('city,country,partner,partner_country,partner_id\nBonn,Germany,Lyon,France,Q456\nKöln,Germany,Lyon,France,\n', { source: 'x.csv' });
    expect(ds.diagnostics.map((d) => [d.code, d.message])).toContainEqual(['near-duplicate-partner', '"Lyon, France" is written alike twice, with different ids (or none); kept apart — check whether they are one place']);
  });
});

describe('invisible characters copied with a name (found by the probe)', () => {
  it('removes soft hyphens, zero-width spaces and word joiners, keeping zero-width (non-)joiners', () => {
    const ds = parseSisterCityList('= List of twin towns and sister cities in Germany =\n\n==A==\nAachen\n- FRA Par\u200bis, France\n- FRA Ly\u00adon, France\n- IRN Mi\u2060\u200cyaneh, Iran\nBonn\n- FRA Paris, France\n');
    expect(ds.partners.map((p) => [p.id, p.label, p.homeIds])).toEqual([
      ['p:paris-france', 'Paris', ['de:aachen', 'de:bonn']],
      ['p:lyon-france', 'Lyon', ['de:aachen']],
      [expect.any(String), 'Mi\u200cyaneh', ['de:aachen']],
    ]);
  });
});
