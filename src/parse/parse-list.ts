/**
 * parseSisterCityList: Wikipedia's *List of twin towns and sister cities in China*, rendered as text,
 * → a typed, traceable `Dataset`.
 *
 * Every line is read as exactly one kind (title, intro, section, china-header, partner, blank,
 * unparsed) and counted; what cannot be read becomes a diagnostic with its line number. Countries are
 * resolved to ISO 3166-1 (see `countries.ts`), flag codes reconciled with them, and data-quality
 * findings reported (see `quality.ts`).
 *
 * @example
 *   const ds = parseSisterCityList('==A==\nAnqing\n\n- JPN Ibaraki, Japan\n');
 *   ds.links.length // 1
 */
import { createHash } from 'node:crypto';
import { InputError } from '../util/errors.js';
import {
  foldName,
  homeNationSubdivision,
  readFlagCode,
  resolveCountryName,
  regionOf,
  countryByAlpha2,
  sovereignAlpha2,
} from './countries.js';
import { IdAllocator, normalizeText } from './normalize.js';
import { qualityDiagnostics } from './quality.js';
import { LINE_KINDS } from './types.js';
import type {
  ChinaEntry,
  CountryRecord,
  Dataset,
  Diagnostic,
  DiagnosticCode,
  LineKind,
  Link,
  Partner,
  Severity,
  SourceInfo,
} from './types.js';

export interface ParseOptions {
  /** Name of the input for messages and provenance (a path); default `<text>`. */
  source?: string;
}

/**
 * District entries whose parent city name is shared by two entries (`Suzhou, Anhui` and
 * `Suzhou, Jiangsu`): which one they belong to. Gusu, Wujiang and Wuzhong are districts of Suzhou in
 * Jiangsu. Districts not listed fall back to the nearest preceding candidate, with a warning.
 */
const KNOWN_DISTRICT_PARENTS: Readonly<Record<string, string>> = {
  'suzhou|gusu': 'Jiangsu',
  'suzhou|wujiang': 'Jiangsu',
  'suzhou|wuzhong': 'Jiangsu',
  'suzhou|xiangcheng': 'Jiangsu',
  'suzhou|huqiu': 'Jiangsu',
  'suzhou|yongqiao': 'Anhui',
};

const TITLE = /^=\s*([^=].*?)\s*=$/;
const SECTION = /^==\s*([^=].*?)\s*==$/;
const PARTNER = /^[-•*]\s+(.*)$/;
const FLAG_CODE = /^([A-Z]{3})\s+(\S.*)$/;
const DISTRICT_SEPARATOR = /\s+[–—-]\s+/;
/** A plausible place header: letters and the punctuation place names use; at most 8 words. */
const HEADER = /^[\p{L}\p{M}][\p{L}\p{M}\p{N} '’.,()–—-]*$/u;

interface Block {
  entry: ChinaEntry;
  /** Partner ids already linked in this block, with the line of the first link. */
  seen: Map<string, number>;
  /** Line number of a blank line seen after at least one partner line, if any. */
  pendingBlank: number | null;
}

/** Parses the rendered list. Throws `InputError` when the text is not a list of this kind at all. */
export function parseSisterCityList(text: string, options: ParseOptions = {}): Dataset {
  const sourceName = options.source ?? '<text>';
  const source = describeSource(text, sourceName);
  if (text.includes('\u0000')) {
    const line = text.slice(0, text.indexOf('\u0000')).split('\n').length;
    throw new InputError('binary data (NUL byte): not a text list', sourceName, line);
  }
  const body = source.bom ? text.slice(1) : text;
  if (body.trim() === '') throw new InputError('file is empty', sourceName);

  const lines = body.split(/\r\n|\n|\r/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  source.lines = lines.length;

  const kinds = Object.fromEntries(LINE_KINDS.map((k) => [k, 0])) as Record<LineKind, number>;
  const diagnostics: Diagnostic[] = [];
  const report = (severity: Severity, code: DiagnosticCode, lineNos: number[], message: string) => {
    const sorted = [...lineNos].sort((a, b) => a - b);
    diagnostics.push({ severity, code, line: sorted[0] ?? null, lines: sorted, message });
  };

  const china: ChinaEntry[] = [];
  const chinaByName = new Map<string, ChinaEntry>();
  const partners = new Map<string, Partner>();
  const links: Link[] = [];
  const chinaIds = new IdAllocator('cn:');
  const partnerIds = new IdAllocator('p:');

  let title: string | null = null;
  const intro: string[] = [];
  let section: string | null = null;
  let sawSection = false;
  let block: Block | null = null;

  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const line = normalizeText(raw);
    let kind: LineKind;

    if (line === '') {
      kind = 'blank';
      if (block && block.entry.partnerIds.length > 0 && block.pendingBlank === null) block.pendingBlank = lineNo;
    } else if (SECTION.test(line)) {
      kind = 'section';
      section = (SECTION.exec(line) as RegExpExecArray)[1] as string;
      sawSection = true;
      block = null;
    } else if (!sawSection && title === null && intro.length === 0 && TITLE.test(line)) {
      kind = 'title';
      title = (TITLE.exec(line) as RegExpExecArray)[1] as string;
    } else if (PARTNER.test(line)) {
      const text = (PARTNER.exec(line) as RegExpExecArray)[1] as string;
      if (!block) {
        kind = 'unparsed';
        report('error', 'partner-outside-block', [lineNo], `partner line outside any Chinese city's block: "${line}"`);
      } else {
        const ok = readPartnerLine(text, lineNo, block);
        kind = ok ? 'partner' : 'unparsed';
      }
    } else if (!sawSection) {
      kind = 'intro';
      intro.push(line);
    } else if (HEADER.test(line) && line.split(' ').length <= 8 && !/[.:;]$/.test(line)) {
      kind = 'china-header';
      block = openBlock(line, lineNo);
    } else {
      kind = 'unparsed';
      block = null;
      report('error', 'unparsed-line', [lineNo], `line is neither a section, a Chinese city, nor a partner line: "${truncate(line)}"`);
    }
    kinds[kind]++;
  });

  function openBlock(header: string, lineNo: number): Block {
    const existing = chinaByName.get(header);
    if (existing) {
      report('warning', 'duplicate-header', [existing.line, lineNo], `Chinese city "${header}" has two blocks (lines ${existing.line} and ${lineNo}); their partners are merged`);
      return { entry: existing, seen: new Map(existing.partnerIds.map((id) => [id, existing.line])), pendingBlank: null };
    }
    const [cityPart, ...districtParts] = header.split(DISTRICT_SEPARATOR);
    const district = districtParts.length > 0 ? districtParts.join(' – ') : null;
    const comma = (cityPart as string).indexOf(',');
    const city = comma >= 0 ? (cityPart as string).slice(0, comma).trim() : (cityPart as string);
    const qualifier = comma >= 0 ? (cityPart as string).slice(comma + 1).trim() || null : null;
    const entry: ChinaEntry = {
      id: chinaIds.allocate(header),
      name: header,
      city,
      qualifier,
      kind: district === null ? 'city' : 'district',
      district,
      parentId: null,
      section,
      line: lineNo,
      partnerIds: [],
    };
    china.push(entry);
    chinaByName.set(header, entry);
    return { entry, seen: new Map(), pendingBlank: null };
  }

  /** Reads `[CODE ]Name[ (qualifier)], Location…, Country` into a link. False when unreadable. */
  function readPartnerLine(text: string, lineNo: number, b: Block): boolean {
    const coded = FLAG_CODE.exec(text);
    const code = coded ? (coded[1] as string) : null;
    const rest = coded ? (coded[2] as string) : text;
    const parts = rest.split(',').map((p) => p.trim());
    const label = parts[0] as string;
    // `slice()` after `filter`: an exact-size array (a pushed-to one reserves 17 slots; at 10⁶ partners that is ~0.5 GB)
    const location = parts.slice(1).filter((p) => p !== '').slice();
    if (label === '' || location.length === 0) {
      report('error', 'unparsed-line', [lineNo], `partner line has no ", Country" part: "${truncate(text)}"`);
      return false;
    }
    if (b.pendingBlank !== null) {
      report('info', 'blank-in-list', [b.pendingBlank], `blank line inside the partner list of "${b.entry.name}"`);
    }
    b.pendingBlank = null;
    const key = `${label}|${location.join(', ')}`;
    let partner = partners.get(key);
    if (!partner) {
      const q = /^(.*?)\s*\(([^()]*)\)$/.exec(label);
      partner = {
        id: partnerIds.allocate(`${label} ${location.join(' ')}`),
        label,
        name: q ? (q[1] as string) : label,
        qualifier: q ? (q[2] as string) : null,
        location,
        countryWritten: location[location.length - 1] as string,
        country: null,
        territory: null,
        subdivision: null,
        // first entries as literals: exact-size arrays (see `location`)
        chinaIds: [b.entry.id],
        lines: [lineNo],
      };
      partners.set(key, partner);
      b.seen.set(partner.id, lineNo);
      b.entry.partnerIds.push(partner.id);
      links.push({ chinaId: b.entry.id, partnerId: partner.id, line: lineNo, code });
      return true;
    }
    partner.lines.push(lineNo);
    const firstLine = b.seen.get(partner.id);
    if (firstLine !== undefined) {
      report('warning', 'duplicate-link', [firstLine, lineNo], `"${partner.label}, ${partner.location.join(', ')}" is listed twice under "${b.entry.name}"; merged into one link`);
      return true;
    }
    b.seen.set(partner.id, lineNo);
    b.entry.partnerIds.push(partner.id);
    partner.chinaIds.push(b.entry.id);
    links.push({ chinaId: b.entry.id, partnerId: partner.id, line: lineNo, code });
    return true;
  }

  if (kinds['section'] === 0 && kinds['partner'] === 0) {
    const firstNonBlank = lines.findIndex((l) => l.trim() !== '') + 1;
    throw new InputError(
      'not a sister-city list: no "==A==" section header and no "- Partner, Country" line',
      sourceName,
      firstNonBlank || null,
    );
  }

  resolveDistrictParents(china, report);
  const countries = resolveCountries([...partners.values()], links, report);
  const partnerList = [...partners.values()];
  for (const d of qualityDiagnostics(china, partnerList)) diagnostics.push(d);
  diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || a.code.localeCompare(b.code));

  return {
    format: 'twinnet-dataset',
    version: 1,
    source,
    title,
    intro,
    lineKinds: kinds,
    china,
    partners: partnerList,
    links,
    countries,
    diagnostics,
  };
}

type Reporter = (severity: Severity, code: DiagnosticCode, lines: number[], message: string) => void;

function describeSource(text: string, path: string): SourceInfo {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length;
  const cr = (text.match(/\r(?!\n)/g) ?? []).length;
  return {
    path,
    sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
    bytes: Buffer.byteLength(text, 'utf8'),
    lines: 0,
    lineEnding: lf + cr === 0 ? 'none' : cr > 0 ? (lf === 0 ? 'CR' : 'mixed') : crlf === lf ? 'CRLF' : crlf === 0 ? 'LF' : 'mixed',
    bom: text.charCodeAt(0) === 0xfeff,
  };
}

function truncate(s: string, n = 80): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** Links each `City – District` entry to its city entry (see KNOWN_DISTRICT_PARENTS). */
function resolveDistrictParents(china: ChinaEntry[], report: Reporter): void {
  const byCity = new Map<string, ChinaEntry[]>();
  for (const c of china) {
    if (c.kind !== 'city') continue;
    const key = foldName(c.city);
    const list = byCity.get(key);
    if (list) list.push(c); else byCity.set(key, [c]);
  }
  for (const d of china) {
    if (d.kind !== 'district') continue;
    let candidates = (byCity.get(foldName(d.city)) ?? []).filter((c) => d.qualifier === null || c.qualifier === d.qualifier);
    if (candidates.length > 1) {
      const known = KNOWN_DISTRICT_PARENTS[`${foldName(d.city)}|${foldName(d.district ?? '')}`];
      const chosen = candidates.filter((c) => c.qualifier === known);
      if (chosen.length === 1) {
        candidates = chosen;
      } else {
        const before = candidates.filter((c) => c.line < d.line);
        const nearest = before[before.length - 1] ?? candidates[0];
        report('warning', 'district-parent-ambiguous', [d.line, ...candidates.map((c) => c.line)],
          `district "${d.name}" could belong to ${candidates.map((c) => `"${c.name}"`).join(' or ')}; linked to the nearest preceding, "${nearest?.name}"`);
        candidates = nearest ? [nearest] : [];
      }
    }
    const parent = candidates[0];
    if (parent) d.parentId = parent.id;
    else report('warning', 'district-parent-missing', [d.line], `district "${d.name}" has no entry for its city "${d.city}" in the list`);
  }
}

/**
 * Resolves each partner's country (name as written → ISO), reconciles flag codes, and aggregates the
 * country records. Sets `country`, `territory`, `subdivision` on the partners.
 */
function resolveCountries(partners: Partner[], links: Link[], report: Reporter): CountryRecord[] {
  const byId = new Map(partners.map((p) => [p.id, p]));
  const records = new Map<string, CountryRecord>();
  const codeLines = new Map<string, { code: string; lines: number[]; country: string }>();
  const nonIso = new Map<string, { lines: number[]; standard: string; country: string }>();
  const ambiguous = new Map<string, { lines: number[]; readings: string[]; chosen: string }>();
  const territories = new Map<string, { lines: number[]; territory: string; sovereign: string }>();
  const unknownNames = new Map<string, number[]>();

  for (const p of partners) {
    const named = resolveCountryName(p.countryWritten);
    p.country = named?.sovereign.alpha2 ?? null;
    p.territory = named?.territory?.alpha2 ?? null;
    for (const part of p.location.slice(0, -1)) {
      const sub = homeNationSubdivision(part);
      if (sub && p.country === 'GB') p.subdivision = sub;
      const inner = resolveCountryName(part);
      if (inner?.territory && inner.sovereign.alpha2 === p.country) p.territory = inner.territory.alpha2;
    }
    if (p.territory) {
      const t = territories.get(p.territory) ?? { lines: [], territory: p.territory, sovereign: p.country ?? '?' };
      t.lines.push(...p.lines);
      territories.set(p.territory, t);
    }
    if (!named) unknownNames.set(p.countryWritten, [...(unknownNames.get(p.countryWritten) ?? []), ...p.lines]);
  }

  for (const link of links) {
    const p = byId.get(link.partnerId) as Partner;
    const record = records.get(p.countryWritten) ?? newRecord(p);
    records.set(p.countryWritten, record);
    record.links++;
    const codeKey = link.code ?? '(none)';
    record.codes[codeKey] = (record.codes[codeKey] ?? 0) + 1;

    if (link.code === null) {
      report('warning', 'missing-code', [link.line], `partner line for "${p.label}, ${p.location.join(', ')}" has no flag code`);
      continue;
    }
    const readings = readFlagCode(link.code);
    if (readings.length === 0) {
      report('warning', 'unknown-code', [link.line], `flag code ${link.code} is neither an ISO 3166-1 alpha-3, an IOC nor a home-nation code (line names ${p.countryWritten})`);
      continue;
    }
    if (p.country === null) {
      // Name unknown: the code is the only evidence; use it when it reads one way.
      const only = readings.length === 1 ? readings[0] : undefined;
      if (only) {
        p.country = sovereignAlpha2(only.country.alpha2);
        if (p.country !== only.country.alpha2) p.territory = only.country.alpha2;
        record.sovereign = countryByAlpha2(p.country);
        record.territory = p.territory ? countryByAlpha2(p.territory) : null;
        const r = regionOf(p.country);
        record.region = r?.continent ?? null;
        record.subregion = r?.subregion ?? null;
      }
      continue;
    }
    const target = p.territory ?? p.country;
    const exact = readings.find((r) => r.country.alpha2 === target && (r.subdivision === null || r.subdivision === p.subdivision || p.subdivision === null));
    if (exact) {
      if (exact.subdivision && !p.subdivision) p.subdivision = exact.subdivision;
      if (exact.standard !== 'iso') {
        const e = nonIso.get(link.code) ?? { lines: [], standard: exact.standard, country: exact.country.name };
        e.lines.push(link.line);
        nonIso.set(link.code, e);
      }
      if (readings.length > 1) {
        const a = ambiguous.get(link.code) ?? { lines: [], readings: readings.map((r) => `${r.standard.toUpperCase()}: ${r.country.name}`), chosen: exact.country.name };
        a.lines.push(link.line);
        ambiguous.set(link.code, a);
      }
      const c = codeLines.get(`${p.country}|${link.code}`) ?? { code: link.code, lines: [], country: p.country };
      c.lines.push(link.line);
      codeLines.set(`${p.country}|${link.code}`, c);
      continue;
    }
    const inside = readings.find((r) => sovereignAlpha2(r.country.alpha2) === p.country);
    if (inside) {
      p.territory = inside.country.alpha2;
      report('warning', 'code-is-territory', [link.line],
        `flag code ${link.code} denotes ${inside.country.name} (${inside.country.alpha2}), a territory of ${p.countryWritten}; the line names only ${p.countryWritten} — territory ${inside.country.alpha2} recorded`);
      continue;
    }
    report('warning', 'code-country-mismatch', [link.line],
      `flag code ${link.code} (${readings.map((r) => r.country.name).join(' / ')}) disagrees with the country written, ${p.countryWritten}; the written country is kept`);
  }

  for (const [written, lineNos] of unknownNames) {
    const p = partners.find((x) => x.countryWritten === written);
    const fallback = p?.country ? ` (resolved from its flag code to ${p.country})` : '';
    report('error', 'unknown-country', lineNos, `country "${written}" is not an ISO 3166 country name${fallback}`);
  }
  for (const [code, e] of nonIso) {
    const what = e.standard === 'ioc' ? 'an IOC code' : 'a FIFA home-nation code';
    report('info', 'non-iso-code', e.lines, `flag code ${code} is ${what}, not ISO 3166-1 alpha-3 (${e.country}); ${e.lines.length} line(s)`);
  }
  for (const [code, a] of ambiguous) {
    report('info', 'code-ambiguous', a.lines, `flag code ${code} reads differently by standard (${a.readings.join('; ')}); the country written settles it: ${a.chosen}`);
  }
  const byCountry = new Map<string, { code: string; lines: number[] }[]>();
  for (const c of codeLines.values()) byCountry.set(c.country, [...(byCountry.get(c.country) ?? []), c]);
  for (const [country, codes] of byCountry) {
    const distinct = new Set(codes.map((c) => c.code));
    if (distinct.size < 2) continue;
    const name = countryByAlpha2(country)?.name ?? country;
    const home = codes.every((c) => readFlagCode(c.code).some((r) => r.subdivision));
    if (home) continue; // ENG/SCO/WAL under the UK are different subdivisions, not mixed codes
    const plain = codes.filter((c) => !readFlagCode(c.code).some((r) => r.subdivision));
    if (new Set(plain.map((c) => c.code)).size < 2) continue;
    report('info', 'mixed-codes', plain.flatMap((c) => c.lines),
      `${name} is written with several flag codes: ${plain.map((c) => `${c.code} (${c.lines.length})`).join(', ')}`);
  }
  for (const t of territories.values()) {
    const tn = countryByAlpha2(t.territory)?.name ?? t.territory;
    const sn = countryByAlpha2(t.sovereign)?.name ?? t.sovereign;
    report('info', 'territory', t.lines, `${tn} (${t.territory}) is a territory of ${sn} (${t.sovereign}); its partners count under ${sn}`);
  }

  return [...records.values()].sort((a, b) => b.links - a.links || a.written.localeCompare(b.written));
}

function newRecord(p: Partner): CountryRecord {
  const region = p.country ? regionOf(p.country) : null;
  return {
    written: p.countryWritten,
    sovereign: p.country ? countryByAlpha2(p.country) : null,
    territory: resolveCountryName(p.countryWritten)?.territory ?? null,
    region: region?.continent ?? null,
    subregion: region?.subregion ?? null,
    links: 0,
    codes: {},
  };
}
