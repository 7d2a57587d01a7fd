/**
 * parseSisterCityList: Wikipedia's *List of twin towns and sister cities in China*, rendered as text,
 * → a typed, traceable `Dataset`.
 *
 * Every line is read as exactly one kind (title, intro, section, china-header, partner, blank,
 * unparsed) and counted; what cannot be read becomes a diagnostic with its line number. Countries are
 * resolved to ISO 3166-1 (see `resolve-countries.ts`), flag codes reconciled with them, and data-quality
 * findings reported (see `quality.ts`).
 *
 * @example
 *   const ds = parseSisterCityList('==A==\nAnqing\n\n- JPN Ibaraki, Japan\n');
 *   ds.links.length // 1
 */
import { createHash } from 'node:crypto';
import { InputError } from '../util/errors.js';
import { resolveDistrictParents } from './district-parents.js';
import { IdAllocator, normalizeText } from './normalize.js';
import { qualityDiagnostics } from './quality.js';
import { resolveCountries } from './resolve-countries.js';
import { LINE_KINDS } from './types.js';
import type {
  ChinaEntry, Dataset, Diagnostic, DiagnosticCode, LineKind, Link, Partner, Severity, SourceInfo,
} from './types.js';

export interface ParseOptions {
  /** Name of the input for messages and provenance (a path); default `<text>`. */
  source?: string;
}


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
      'not a sister-city list: no "==A==" section header and no "- Partner, Country" line under a Chinese city',
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
