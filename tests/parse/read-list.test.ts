import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIST_FORMATS } from '../../src/parse/formats/index.js';
import { homeCountryCode, homeCountryOfTitle } from '../../src/parse/home-country.js';
import { detectFormat, readList } from '../../src/parse/read-list.js';
import { InputError, UsageError } from '../../src/util/errors.js';

const GERMAN = 'tests/fixtures/german-list.txt';
const german = readList(readFileSync(GERMAN, 'utf8'), { source: GERMAN });
const tiny = '==A==\nAnqing\n- JPN Ibaraki, Japan\n';

describe('readList: what it refuses', () => {
  it('refuses an unknown format id, naming the file and the known formats', () => {
    expect(() => readList(tiny, { source: 'x.txt', format: 'excel' })).toThrow(InputError);
    expect(() => readList(tiny, { source: 'x.txt', format: 'excel' })).toThrow(/^x\.txt: unknown input format "excel" \(known: auto, wikipedia-list, table, sparql-json\)/);
  });
  it('refuses content no format reads, naming the file and its first non-blank line', () => {
    expect(() => readList('\nname,country\nParis,France\n', { source: 'x.csv' })).toThrow(/^x\.csv:2: not a sister-city list in any known format/);
  });
  it('refuses an unknown home country as a usage error', () => {
    expect(() => readList(tiny, { home: 'XX' })).toThrow(UsageError);
    expect(() => readList(tiny, { home: 'Germany' })).toThrow(/home country "Germany" is not an ISO 3166-1 alpha-2 or alpha-3 code/);
  });
});

describe('the format registry', () => {
  it('has formats with distinct kebab-case ids and a description each', () => {
    const ids = LIST_FORMATS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of LIST_FORMATS) {
      expect(f.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(f.description.length).toBeGreaterThan(10);
    }
  });
  it.each([
    ['a list with sections and partner lines', tiny, 1],
    ['partner lines without a section', '- JPN Ibaraki, Japan\n', 0.5],
    ['a CSV table', 'name,country\nParis,France\n', 0],
    ['prose', 'Some text, with a comma.\n', 0],
  ])('gives %s a Wikipedia-list confidence of %s', (_what, text, confidence) => {
    expect(LIST_FORMATS.find((f) => f.id === 'wikipedia-list')?.detect(text)).toBe(confidence);
  });
  it('detects the Wikipedia list, and reads it alike when named', () => {
    expect(detectFormat(tiny).id).toBe('wikipedia-list');
    expect(readList(tiny, { format: 'wikipedia-list' })).toEqual(readList(tiny, { format: 'auto' }));
  });
});

describe('the home country', () => {
  it.each([
    ['List of twin towns and sister cities in Germany', 'DE'],
    ['List of twin towns and sister cities in the United States', 'US'],
    ["List of twin towns and sister cities in the People's Republic of China", 'CN'],
    ['List of sister cities in Hong Kong', 'HK'],
    ['List of twin towns', null],
    ['List of twin towns and sister cities in Atlantis', null],
    ['List of twin towns and sister cities in England', 'GB'],
    ['List of twin towns and sister cities in Northern Ireland', 'GB'],
    ['List of twin towns and sister cities in Wales', 'GB'],
    ['List of sister cities in the USA', 'US'],
    ['List of twin towns and sister cities in the UK', 'GB'],
    ['List of twin towns and sister cities in Korea', null],
  ])('reads "%s" as %s', (title, code) => {
    expect(homeCountryOfTitle(title)).toBe(code);
  });
  it.each([['de', 'DE'], ['DEU', 'DE'], ['fra', 'FR'], ['XX', null], ['Germany', null]])('reads the code %s as %s', (code, alpha2) => {
    expect(homeCountryCode(code)).toBe(alpha2);
  });
  it('assumes China for a list whose title names no country, and says so', () => {
    const ds = readList(tiny);
    expect(ds.home).toBe('CN');
    expect(ds.homes[0]?.id).toBe('cn:anqing');
    expect(ds.diagnostics[0]).toMatchObject({ severity: 'warning', code: 'home-assumed', line: null });
  });
  it('finds the home country in a title copied without its = marks (France), and assumes none', () => {
    const ds = readList('List of twin towns and sister cities in France\n\n==A==\n\nAmiens\n- DEU Dortmund, Germany\n');
    expect(ds.home).toBe('FR');
    expect(ds.title).toBe('List of twin towns and sister cities in France');
    expect(ds.homes[0]?.id).toBe('fr:amiens');
    expect(ds.diagnostics.map((d) => d.code)).not.toContain('home-assumed');
    expect(readList('List of twin towns and sister cities in Japan - Wikipedia\n\n==A==\n\nAomori\n- USA Dover, United States\n').home).toBe('JP');
    // a first line naming two places is no title: China assumed, and said
    const prose = readList('List of sister cities in China and their partners in Japan\n\n==A==\n\nAnqing\n- JPN Chiba, Japan\n');
    expect(prose.home).toBe('CN');
    expect(prose.diagnostics.map((d) => d.code)).toContain('home-assumed');
  });
  it('warns when --home names another country than the title, and reads the places as asked', () => {
    const japan = '= List of twin towns and sister cities in Japan =\n\n==T==\nTokyo\n- FRA Paris, France\n';
    const ds = readList(japan, { home: 'DE' });
    expect(ds.homes.map((h) => h.id)).toEqual(['de:tokyo']);
    expect(ds.diagnostics.map((d) => [d.severity, d.code, d.message])).toEqual([
      ['warning', 'home-differs-from-title', 'the title names Japan (JP), and the home country given is Germany (DE): the list\'s places are read as German'],
    ]);
    expect(readList(japan, { home: 'JP' }).diagnostics.map((d) => d.code)).not.toContain('home-differs-from-title');
  });
  it('refuses a title naming a place that is no country it knows, asking for --home, rather than assume China', () => {
    const korea = '= List of twin towns and sister cities in Korea =\n\n==A==\n\nAnsan\n- JPN Chiba, Japan\n';
    expect(() => readList(korea, { source: 'korea.txt' })).toThrow(UsageError);
    expect(() => readList(korea, { source: 'korea.txt' })).toThrow('korea.txt: the title names "Korea", not a country twinnet knows; give the home country with --home ISO');
    expect(readList(korea, { home: 'KR' }).homes[0]?.id).toBe('kr:ansan');
    // a title of another kind may say anything: China assumed, and said, as for no title
    const notes = readList('= Notes in progress =\n\n==A==\n\nAnqing\n- JPN Chiba, Japan\n');
    expect([notes.home, notes.diagnostics.map((d) => d.code)]).toEqual(['CN', ['home-assumed']]);
    const england = readList('= List of twin towns and sister cities in England =\n\n==A==\n\nAylesbury\n- FRA Bourg-en-Bresse, France\n- CHN Beijing, China\n');
    expect([england.home, england.homes[0]?.id, england.partners.map((p) => p.country)]).toEqual(['GB', 'gb:aylesbury', ['FR', 'CN']]);
  });
  it('warns of partners in the home country itself (domestic twinnings in a list), once, with their lines', () => {
    const ds = readList('= List of twin towns and sister cities in Japan =\n\n==K==\n\nKobe\n- USA Seattle, United States\n- JPN Sapporo, Japan\n\nKyoto\n- JPN Sapporo, Japan\n- FRA Paris, France\n');
    const found = ds.diagnostics.filter((d) => d.code === 'home-country-partner');
    expect(found).toEqual([{ severity: 'warning', code: 'home-country-partner', line: 7, lines: [7, 10], message: 'a partner lies in Japan, the home country (Sapporo): the list has it as a partner, so it is counted with the foreign ones' }]);
    expect(readList(tiny).diagnostics.map((d) => d.code)).not.toContain('home-country-partner');
  });
  it('takes the home country given over the title, with its prefix', () => {
    const ds = readList(readFileSync(GERMAN, 'utf8'), { home: 'fra' });
    expect(ds.home).toBe('FR');
    expect(ds.homes[0]?.id).toBe('fr:berlin');
    expect(readList(tiny, { home: 'de' }).diagnostics.map((d) => d.code)).not.toContain('home-assumed');
  });
});

describe('readList on a hand-made German list', () => {
  it('finds Germany in the title and prefixes the home ids with de:', () => {
    expect(german.home).toBe('DE');
    expect(german.title).toBe('List of twin towns and sister cities in Germany');
    expect(german.homes.map((h) => h.id)).toEqual([
      'de:berlin', 'de:berlin-mitte', 'de:bonn', 'de:dresden', 'de:dusseldorf', 'de:frankfurt', 'de:freiburg-im-breisgau', 'de:kiel', 'de:koln',
    ]);
  });
  it('accounts for its 60 lines', () => {
    expect(german.lineKinds).toEqual({ title: 1, intro: 1, section: 4, 'home-header': 9, partner: 27, blank: 18, unparsed: 0 });
  });
  it('has 9 home entries (one district, under Berlin), 23 partners and 26 links (27 lines, one listed twice)', () => {
    expect(german.homes.filter((h) => h.kind === 'district').map((h) => [h.name, h.parentId])).toEqual([['Berlin – Mitte', 'de:berlin']]);
    expect(german.partners).toHaveLength(23);
    expect(german.links).toHaveLength(26);
  });
  it('makes one partner of Saint-Denis under two cities, in Réunion (RE), a territory of France', () => {
    const p = german.partners.find((x) => x.label === 'Saint-Denis');
    expect(p).toMatchObject({ country: 'FR', territory: 'RE', homeIds: ['de:berlin-mitte', 'de:bonn'], lines: [15, 22] });
  });
  it('counts the links by country as written', () => {
    expect(german.countries.map((c) => [c.written, c.links])).toEqual([
      ['France', 6], ['Russia', 4], ['China', 3], ['Italy', 3], ['United Kingdom', 3], ['United States', 3],
      ['Austria', 1], ['Finland', 1], ['Japan', 1], ['Poland', 1],
    ]);
  });
  it('reports the territory, the duplicate and the empty block, in German words', () => {
    expect(german.diagnostics.map((d) => [d.severity, d.code, d.lines])).toEqual([
      ['info', 'territory', [15, 22]],
      ['warning', 'duplicate-link', [34, 37]],
      ['warning', 'empty-block', [60]],
    ]);
    expect(german.diagnostics[2]?.message).toBe('German city "Köln" has no partner lines');
    expect(german.diagnostics.map((d) => d.message).join('\n')).not.toMatch(/Chin(a|ese) (city|partners)/);
  });
});

describe('readList: Wikipedia footnote marks and the UK in other languages', () => {
  it('reads `France[1]`, `Osaka[a]` and a heading`s `[edit]` without the marks, and says which lines had them', () => {
    const list = [
      '= List of twin towns and sister cities in Japan =', '', '==O[edit]==', '', 'Osaka[a]',
      '- FRA Montpellier, France[1]', '- USA San Francisco, California[note 2], United States[citation needed]',
      '- DEU Hamburg, Germany', 'Otaru', '- GBR Bath [12], United Kingdom',
    ].join('\n');
    const ds = readList(list);
    expect(ds.homes.map((h) => h.name)).toEqual(['Osaka', 'Otaru']);
    expect(ds.partners.map((p) => [p.label, p.location, p.country])).toEqual([
      ['Montpellier', ['France'], 'FR'],
      ['San Francisco', ['California', 'United States'], 'US'],
      ['Hamburg', ['Germany'], 'DE'],
      ['Bath', ['United Kingdom'], 'GB'],
    ]);
    expect(ds.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const note = ds.diagnostics.find((d) => d.code === 'footnote-marks');
    expect(note).toMatchObject({ severity: 'info', lines: [3, 5, 6, 7, 10] });
    expect(note?.message).toContain('5 lines: 3, 5, 6, 7, 10');
  });
  it('keeps brackets that are part of a name, and marks on lines far apart in a long text', () => {
    const ds = readList(['==A==', 'Anqing', '- FRA Saint-Martin [Drôme], France', '- DEU Bonn [Beuel], Germany', '- JPN a ([a]), Japan', '- JPN 西安`[x]`, Japan'].join('\n'));
    expect(ds.partners.map((p) => p.label)).toEqual(['Saint-Martin [Drôme]', 'Bonn [Beuel]', 'a ([a])', '西安`[x]`']);
    expect(ds.diagnostics.map((d) => d.code)).not.toContain('footnote-marks');
    const lines = ['==A==', 'Anqing'];
    for (let i = 0; i < 3000; i++) lines.push(`- FRA Town ${i}, France${i % 1000 === 999 ? '[2]' : ''}`);
    const long = readList(lines.join('\n'));
    expect(long.partners.filter((p) => p.countryWritten === 'France')).toHaveLength(3000);
    expect(long.diagnostics.find((d) => d.code === 'footnote-marks')?.lines).toEqual([1002, 2002, 3002]);
  });
  it('reads Great Britain and the home nations as Polish, Spanish, Portuguese, French, German and Turkish write them', () => {
    const rows = [
      ['Edynburg', 'Szkocja', 'GB-SCT'], ['Cardiff', 'Walia', 'GB-WLS'], ['Belfast', 'Irlandia Północna', 'GB-NIR'],
      ['Leeds', 'Inglaterra', 'GB-ENG'], ['Glasgow', 'Escocia', 'GB-SCT'], ['Aberdeen', 'Escócia', 'GB-SCT'],
      ['Swansea', 'País de Gales', 'GB-WLS'], ['York', 'Angleterre', 'GB-ENG'], ['Dundee', 'Schottland', 'GB-SCT'],
      ['Bristol', 'İngiltere', 'GB-ENG'],
    ];
    const list = ['==A==', 'Anqing', ...rows.map(([town, nation]) => `- ${town}, ${nation}`),
      '- London, Wielka Brytania', '- Oxford, Gran Bretaña', '- Bath, Grã-Bretanha', '- Hull, Großbritannien'].join('\n');
    const ds = readList(list);
    expect(ds.diagnostics.map((d) => d.code)).not.toContain('unknown-country');
    expect(ds.partners.map((p) => p.country)).toEqual(Array(rows.length + 4).fill('GB'));
    expect(ds.partners.slice(0, rows.length).map((p) => p.subdivision)).toEqual(rows.map(([, , sub]) => sub));
  });
});

describe('readList: a place listed as its own partner (found by the probe: kept as a 0 km link)', () => {
  it('refuses the line as a table refuses the row, and keeps the block going', () => {
    const ds = readList(['= List of twin towns and sister cities in China =', '==B==', 'Beijing', '- CHN Beijing, China',
      '- FRA Paris, France', '- CHN BEIJING, China', '==S==', 'Shanghai', '- CHN Beijing, China', '- CHN Shanghai, Jiangsu, China'].join('\n'));
    expect(ds.diagnostics.filter((d) => d.code === 'self-pair')).toMatchObject([
      { severity: 'error', lines: [4], message: '"Beijing" is listed as its own partner ("CHN Beijing, China"): not read' },
      { severity: 'error', lines: [6] },
    ]);
    // Beijing's own lines are left out; Shanghai's Beijing is another place, and a Shanghai with a location part may be another town
    expect(ds.links.map((l) => `${l.homeId} ${l.partnerId}`)).toEqual(['cn:beijing p:paris-france', 'cn:shanghai p:beijing-china', 'cn:shanghai p:shanghai-jiangsu-china']);
    expect(ds.lineKinds.unparsed).toBe(2);
  });
  it('keeps a homonym abroad and a town of one name in another country', () => {
    const ds = readList(['= List of twin towns and sister cities in Germany =', '==N==', 'Neustadt', '- AUT Neustadt, Austria', '- Neustadt, Schweiz'].join('\n'));
    expect(ds.links).toHaveLength(2);
    expect(ds.diagnostics.map((d) => d.code)).not.toContain('self-pair');
  });
});

describe('readList: a bullet with nothing after it (found by the probe: the block ended, its partners "outside any block")', () => {
  it('is an error of its own line, and the partners after it stay in their block', () => {
    const ds = readList(['==A==', 'Anguo', '- JPN Ibaraki, Japan', '-', '- FRA Lyon, France', '*', '- USA Dover, United States'].join('\n'));
    expect(ds.links.map((l) => l.partnerId)).toEqual(['p:ibaraki-japan', 'p:lyon-france', 'p:dover-united-states']);
    expect(ds.diagnostics.filter((d) => d.severity === 'error')).toMatchObject([
      { code: 'unparsed-line', lines: [4], message: 'partner line "-" has no partner: not read (the list goes on)' },
      { code: 'unparsed-line', lines: [6] },
    ]);
  });
});
