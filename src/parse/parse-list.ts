/**
 * parseSisterCityList: Wikipedia's *List of twin towns and sister cities in China*, rendered as text,
 * → a typed, traceable `Dataset`.
 *
 * Every line is read as exactly one kind (title, intro, section, home-header, partner, blank,
 * unparsed) and counted; what cannot be read becomes a diagnostic with its line number. Countries are
 * resolved to ISO 3166-1 (see `resolve-countries.ts`), flag codes reconciled with them, and data-quality
 * findings reported (see `quality.ts`).
 *
 * Made for lists of millions of lines: normalised partner lines are read in place, without a string
 * per line; partners are found by the hash of their id (`hash-index.ts`); folding and slugs go
 * through a per-character table (`fold-table.ts`); and no string of the data set is a view of the
 * input text, which can be freed once parsed.
 *
 * @example
 *   const ds = parseSisterCityList('==A==\nAnqing\n\n- JPN Ibaraki, Japan\n');
 *   ds.links.length // 1
 */
import { createHash } from 'node:crypto';
import { InputError } from '../util/errors.js';
import { codesToString } from './fold-table.js';
import { resolveDistrictParents } from './district-parents.js';
import { HASH_SEED, HashIndex, hashChars, hashCodes } from './hash-index.js';
import { copyText, IdAllocator, isNormalText, normalizeText, prefixedSlugCodes, slugifyByRegex } from './normalize.js';
import { qualityDiagnostics } from './quality.js';
import { sortedCopy } from './reporter.js';
import { resolveCountries } from './resolve-countries.js';
import { LINE_KINDS } from './types.js';
import type {
  HomeEntry, Dataset, Diagnostic, DiagnosticCode, LineKind, Link, Partner, Severity, SourceInfo,
} from './types.js';

export interface ParseOptions {
  /** Name of the input for messages and provenance (a path); default `<text>`. */
  source?: string;
}


const TITLE = /^=\s*([^=].*?)\s*=$/;
const SECTION = /^==\s*([^=].*?)\s*==$/;
const DISTRICT_SEPARATOR = /\s+[–—-]\s+/;
/** Headers without a dash have no district (and need no split). */
const DASH = /[–—-]/;
/** A plausible place header: letters and the punctuation place names use; at most 8 words. */
const HEADER = /^[\p{L}\p{M}][\p{L}\p{M}\p{N} '’.,()–—-]*$/u;
/** `Name (qualifier)`, applied to labels ending in `)`. */
const QUALIFIED = /^(.*?)\s*\(([^()]*)\)$/;

interface Block {
  entry: HomeEntry;
  /** Position of the entry in the list of Chinese entries. */
  index: number;
  /** Number of this block; a partner whose `linkedIn` is this number is already linked in it. */
  serial: number;
  /** Line number of a blank line seen after at least one partner line, if any. */
  pendingBlank: number | null;
}

/** Parses the rendered list. Throws `InputError` when the text is not a list of this kind at all. */
export function parseSisterCityList(text: string, options: ParseOptions = {}): Dataset {
  const sourceName = options.source ?? '<text>';
  const lineFeeds = count(text, '\n');
  const carriageReturns = count(text, '\r');
  const source = describeSource(text, sourceName, lineFeeds, carriageReturns);
  if (text.includes('\u0000')) {
    const line = text.slice(0, text.indexOf('\u0000')).split('\n').length;
    throw new InputError('binary data (NUL byte): not a text list', sourceName, line);
  }
  const body = source.bom ? text.slice(1) : text;
  if (body.trim() === '') throw new InputError('file is empty', sourceName);

  const kinds = Object.fromEntries(LINE_KINDS.map((k) => [k, 0])) as Record<LineKind, number>;
  const diagnostics: Diagnostic[] = [];
  const report = (severity: Severity, code: DiagnosticCode, lineNos: number[], message: string) => {
    const sorted = sortedCopy(lineNos);
    diagnostics.push({ severity, code, line: sorted[0] ?? null, lines: sorted, message });
  };

  const home: HomeEntry[] = [];
  /** Position in `home` by header. */
  const homeByName = new Map<string, number>();
  const partners: Partner[] = [];
  const links: Link[] = [];
  // There are at most as many partners and links as lines (about two in three lines are partner
  // lines). Per link: the position of its partner, and the link before it of the same Chinese entry
  // (-1: none; the entry's last is `lastLink`). Per partner: the block it was last linked in, and
  // the line of that link (its first in the block).
  const maxLines = lineFeeds + carriageReturns + 1;
  const expectedPartners = Math.ceil(maxLines * 0.7);
  const linkPartner = new Int32Array(maxLines);
  const linkBefore = new Int32Array(maxLines);
  const lastLink: number[] = [];
  const linkedIn = new Int32Array(maxLines);
  const linkedOn = new Int32Array(maxLines);
  /** Positions in `partners` by hash of id, and scratch codes for a partner's id. */
  const partnerById = new HashIndex(expectedPartners);
  const slug: number[] = [];
  const homeIds = new IdAllocator('cn:');
  /** Location parts by number, and numbers by hash of part. */
  const locationPartNames: string[] = [];
  const locationPartIndex = new HashIndex();
  /** The location parts of the partner line being read. */
  const parts: string[] = [];
  /** Locations as written (`England, United Kingdom`) by number, numbers by location, and each partner's number. */
  const locations: string[] = [];
  const locationNumbers = new Map<string, number>();
  const partnerLocation = new Int32Array(maxLines);

  let title: string | null = null;
  const intro: string[] = [];
  let section: string | null = null;
  let sawSection = false;
  let block: Block | null = null;
  let blocks = 0;

  /**
   * Reads one line, `text[start, end)`, normalised (NFC, trimmed, no whitespace but single spaces).
   * Partner lines are read in place; a string is made of the others only.
   */
  const readLine = (text: string, start: number, end: number, lineNo: number) => {
    let kind: LineKind;
    let m: RegExpExecArray | null = null;
    const first = text.charCodeAt(start);
    const partnerLine = isPartnerLine(text, start, end);
    const line = partnerLine ? '' : text.slice(start, end);

    if (start === end) {
      kind = 'blank';
      if (block && lastLink[block.index] !== -1 && block.pendingBlank === null) block.pendingBlank = lineNo;
    } else if (first === 0x3d && (m = SECTION.exec(line)) !== null) {
      kind = 'section';
      section = copyText(m[1] as string);
      sawSection = true;
      block = null;
    } else if (first === 0x3d && !sawSection && title === null && intro.length === 0 && (m = TITLE.exec(line)) !== null) {
      kind = 'title';
      title = copyText(m[1] as string);
    } else if (partnerLine) {
      if (!block) {
        kind = 'unparsed';
        report('error', 'partner-outside-block', [lineNo], `partner line outside any Chinese city's block: "${copyText(text, start, end)}"`);
      } else {
        kind = readPartnerLine(text, start, end, lineNo, block) ? 'partner' : 'unparsed';
      }
    } else if (!sawSection) {
      kind = 'intro';
      intro.push(copyText(line));
    } else if (HEADER.test(line) && count(line, ' ') < 8 && !/[.:;]$/.test(line)) { // at most 8 words
      kind = 'home-header';
      block = openBlock(line, lineNo);
    } else {
      kind = 'unparsed';
      block = null;
      report('error', 'unparsed-line', [lineNo], `line is neither a section, a Chinese city, nor a partner line: "${copyText(truncate(line))}"`);
    }
    kinds[kind]++;
  };

  function openBlock(line: string, lineNo: number): Block {
    const existingIndex = homeByName.get(line);
    if (existingIndex !== undefined) {
      const existing = home[existingIndex] as HomeEntry;
      report('warning', 'duplicate-header', [existing.line, lineNo], `Chinese city "${existing.name}" has two blocks (lines ${existing.line} and ${lineNo}); their partners are merged`);
      // its partners count as linked in the new block, on the line of the first header
      const serial = ++blocks;
      for (let l = lastLink[existingIndex] as number; l >= 0; l = linkBefore[l] as number) {
        linkedIn[linkPartner[l] as number] = serial;
        linkedOn[linkPartner[l] as number] = existing.line;
      }
      return { entry: existing, index: existingIndex, serial, pendingBlank: null };
    }
    const header = copyText(line);
    const [cityPart, ...districtParts] = DASH.test(header) ? header.split(DISTRICT_SEPARATOR) : [header];
    const district = districtParts.length > 0 ? districtParts.join(' – ') : null;
    const comma = (cityPart as string).indexOf(',');
    const city = comma >= 0 ? (cityPart as string).slice(0, comma).trim() : (cityPart as string);
    const qualifier = comma >= 0 ? (cityPart as string).slice(comma + 1).trim() || null : null;
    const entry: HomeEntry = {
      id: homeIds.allocate(header),
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
    homeByName.set(header, home.length);
    home.push(entry);
    lastLink.push(-1);
    return { entry, index: home.length - 1, serial: ++blocks, pendingBlank: null };
  }

  /**
   * Reads `- [CODE ]Name[ (qualifier)], Location…, Country`, the line `line[lineStart, end)`, into a
   * link. False when unreadable. The line is normalised, so the only whitespace is single spaces
   * between other characters (and the character at `end` ends the line, or there is none).
   */
  function readPartnerLine(line: string, lineStart: number, end: number, lineNo: number, b: Block): boolean {
    // /^([A-Z]{3})\s+(\S.*)$/ on the text after the bullet
    const at = lineStart + 2;
    const coded = isUpper(line.charCodeAt(at)) && isUpper(line.charCodeAt(at + 1)) && isUpper(line.charCodeAt(at + 2)) && line.charCodeAt(at + 3) === 0x20;
    const code = coded ? flagCode(line, at) : null;
    const start = coded ? at + 4 : at;
    // Comma-separated parts, trimmed; the first is the label, the non-empty others the location.
    const firstComma = indexOfComma(line, start, end);
    const labelEnd = firstComma < 0 ? end : line.charCodeAt(firstComma - 1) === 0x20 ? firstComma - 1 : firstComma;
    let nParts = 0;
    for (let from = firstComma + 1; firstComma >= 0;) {
      const comma = indexOfComma(line, from, end);
      const to = comma < 0 ? end : comma;
      const partStart = from < to && line.charCodeAt(from) === 0x20 ? from + 1 : from;
      const partEnd = to - 1 > partStart && line.charCodeAt(to - 1) === 0x20 ? to - 1 : to;
      if (partEnd > partStart) {
        parts[nParts++] = locationPartNames[locationPart(line, partStart, partEnd)] as string;
      }
      if (comma < 0) break;
      from = comma + 1;
    }
    if (labelEnd <= start || nParts === 0) {
      report('error', 'unparsed-line', [lineNo], `partner line has no ", Country" part: "${copyText(truncate(line.slice(at, end)))}"`);
      return false;
    }
    if (b.pendingBlank !== null) {
      report('info', 'blank-in-list', [b.pendingBlank], `blank line inside the partner list of "${b.entry.name}"`);
    }
    b.pendingBlank = null;
    // A partner is its label and location. Its id is `p:` + the slug of `label location…` (the line's
    // own text from the label on slugs the same), or that and `-2`, `-3` … when taken, the first free
    // one when it was created (as IdAllocator hands them out). So the partner, if there is one, holds
    // one of these ids, before the first free one.
    const n = prefixedSlugCodes(slug, 'p:', line, start, end);
    let base = n < 0 ? `p:${slugifyByRegex(`${line.slice(start, labelEnd)} ${parts.slice(0, nParts).join(' ')}`)}` : null;
    let id = base; // null: the codes
    let hash = id === null ? hashCodes(slug, n) : hashChars(HASH_SEED, id);
    let known = -1;
    for (let suffix = 2; ; suffix++) {
      const holder = partnerWithId(hash, id, n);
      if (holder < 0) break;
      if (isPartner(partners[holder] as Partner, line, start, labelEnd, parts, nParts)) {
        known = holder;
        break;
      }
      base ??= codesToString(slug, n);
      id = `${base}-${suffix}`;
      hash = hashChars(HASH_SEED, id);
    }
    if (known < 0) {
      const label = copyText(line, start, labelEnd);
      // an exact-size array; a literal where it can be (V8 then allocates them where long-lived objects go)
      const location = nParts === 1 ? [parts[0] as string] : parts.slice(0, nParts);
      const q = line.charCodeAt(labelEnd - 1) === 0x29 ? QUALIFIED.exec(label) : null;
      const partner: Partner = {
        id: id ?? codesToString(slug, n),
        label,
        name: q ? (q[1] as string) : label,
        qualifier: q ? (q[2] as string) : null,
        location,
        countryWritten: location[location.length - 1] as string,
        country: null,
        territory: null,
        subdivision: null,
        // first entries as literals: exact-size arrays
        homeIds: [b.entry.id],
        lines: [lineNo],
      };
      partnerById.add(hash, partners.length);
      partnerLocation[partners.length] = locationNumber(location);
      partners.push(partner);
      addLink(b, partners.length - 1, lineNo, code);
      return true;
    }
    const partner = partners[known] as Partner;
    partner.lines.push(lineNo);
    if (linkedIn[known] === b.serial) {
      report('warning', 'duplicate-link', [linkedOn[known] as number, lineNo], `"${partner.label}, ${partner.location.join(', ')}" is listed twice under "${b.entry.name}"; merged into one link`);
      return true;
    }
    partner.homeIds.push(b.entry.id);
    addLink(b, known, lineNo, code);
    return true;
  }

  /** The partner whose id is `id` (null: the first `n` codes of `slug`), of those added with `hash`; or -1. */
  function partnerWithId(hash: number, id: string | null, n: number): number {
    for (let s = partnerById.first(hash); s >= 0; s = partnerById.next(hash, s)) {
      const i = partnerById.item(s);
      const pid = (partners[i] as Partner).id;
      if (id === null ? isCodes(pid, slug, n) : pid === id) return i;
    }
    return -1;
  }

  function addLink(b: Block, partner: number, lineNo: number, code: string | null): void {
    const l = links.length;
    links.push({ homeId: b.entry.id, partnerId: (partners[partner] as Partner).id, line: lineNo, code });
    linkPartner[l] = partner;
    linkBefore[l] = lastLink[b.index] as number;
    lastLink[b.index] = l;
    linkedIn[partner] = b.serial;
    linkedOn[partner] = lineNo;
  }

  /** The number of a location (its parts as shared strings). */
  function locationNumber(location: readonly string[]): number {
    const text = location.length === 1 ? (location[0] as string) : location.join(', ');
    let k = locationNumbers.get(text);
    if (k === undefined) {
      k = locations.length;
      locationNumbers.set(text, k);
      locations.push(text);
    }
    return k;
  }

  /** The number of the location part `text[start, end)` (`Japan`): one string per distinct part, shared by the partners. */
  function locationPart(text: string, start: number, end: number): number {
    const hash = hashChars(HASH_SEED, text, start, end);
    for (let s = locationPartIndex.first(hash); s >= 0; s = locationPartIndex.next(hash, s)) {
      const k = locationPartIndex.item(s);
      if (sameChars(locationPartNames[k] as string, text, start, end)) return k;
    }
    locationPartIndex.add(hash, locationPartNames.length);
    locationPartNames.push(copyText(text, start, end));
    return locationPartNames.length - 1;
  }

  // Lines split on CRLF, LF or CR; a line break at the very end does not start another line.
  const scanCR = carriageReturns > 0; // counted above (the BOM is no CR)
  let lineNo = 0;
  for (let start = 0; ;) {
    let end = scanCR ? lineBreak(body, start) : body.indexOf('\n', start);
    if (end < 0) end = body.length;
    if (isNormalText(body, start, end)) {
      readLine(body, start, end, ++lineNo);
    } else {
      const line = normalizeText(body.slice(start, end));
      readLine(line, 0, line.length, ++lineNo);
    }
    if (end === body.length) break;
    start = end + (body.charCodeAt(end) === 0x0d && body.charCodeAt(end + 1) === 0x0a ? 2 : 1);
    if (start === body.length) break;
  }
  source.lines = lineNo;

  if (kinds['section'] === 0 && kinds['partner'] === 0) {
    const firstNonBlank = body.split(/\r\n|\n|\r/).findIndex((l) => l.trim() !== '') + 1;
    throw new InputError(
      'not a sister-city list: no "==A==" section header and no "- Partner, Country" line under a Chinese city',
      sourceName,
      firstNonBlank || null,
    );
  }

  // Each entry's partners, from its links, as exact-size arrays (one that is pushed to reserves spare slots)
  const ids: string[] = [];
  home.forEach((c, i) => {
    let n = 0;
    for (let l = lastLink[i] as number; l >= 0; l = linkBefore[l] as number) ids[n++] = (links[l] as Link).partnerId;
    if (n > 0) c.partnerIds = ids.slice(0, n).reverse();
  });
  partners.forEach((p) => {
    if (p.lines.length > 1) p.lines = p.lines.slice();
    if (p.homeIds.length > 1) p.homeIds = p.homeIds.slice();
  });

  resolveDistrictParents(home, report);
  const countries = resolveCountries(partners, links, linkPartner, report);
  const findings = qualityDiagnostics(home, partners, {
    positionsOf(i: number, out: Int32Array): number {
      let n = 0;
      for (let l = lastLink[i] as number; l >= 0; l = linkBefore[l] as number) out[n++] = linkPartner[l] as number;
      return n;
    },
    location: partnerLocation,
    locations,
  });
  for (let i = 0; i < findings.length; i++) diagnostics.push(findings[i] as Diagnostic);
  diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || a.code.localeCompare(b.code));

  return {
    format: 'twinnet-dataset',
    version: 1,
    home: 'CN',
    source,
    title,
    intro,
    lineKinds: kinds,
    homes: home,
    partners,
    links,
    countries,
    diagnostics,
  };
}

/** Position of the next CR or LF at or after `from`, or -1. */
function lineBreak(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return i;
  }
  return -1;
}

/** Whether `p` has the label `line[start, labelEnd)` and the location of the first `nParts` of `parts`. */
function isPartner(p: Partner, line: string, start: number, labelEnd: number, parts: readonly string[], nParts: number): boolean {
  if (p.location.length !== nParts || !sameChars(p.label, line, start, labelEnd)) return false;
  for (let k = 0; k < nParts; k++) if (p.location[k] !== parts[k]) return false;
  return true;
}

/** Whether `s` is the first `n` of `codes`. */
function isCodes(s: string, codes: readonly number[], n: number): boolean {
  if (s.length !== n) return false;
  for (let i = 0; i < n; i++) if (s.charCodeAt(i) !== codes[i]) return false;
  return true;
}

/** Whether `a` is `s[start, end)`. */
function sameChars(a: string, s: string, start: number, end: number): boolean {
  if (a.length !== end - start) return false;
  for (let i = 0; i < a.length; i++) if (a.charCodeAt(i) !== s.charCodeAt(start + i)) return false;
  return true;
}

/** Whether the normalised line `s[start, end)` is a partner line: `- `, `* ` or `• ` and text (/^[-•*]\s+(.*)$/). */
function isPartnerLine(s: string, start: number, end: number): boolean {
  const c = s.charCodeAt(start);
  return (c === 0x2d || c === 0x2a || c === 0x2022) && start + 2 < end && s.charCodeAt(start + 1) === 0x20;
}

/** Position of the first comma in `s[from, end)`, or -1. */
function indexOfComma(s: string, from: number, end: number): number {
  for (let i = from; i < end; i++) if (s.charCodeAt(i) === 0x2c) return i;
  return -1;
}

function isUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

/** One string per flag code (`JPN`), by its three letters' position in A–Z. */
const FLAG_CODES: (string | undefined)[] = new Array<string | undefined>(26 * 26 * 26).fill(undefined);

/** The three capital letters at `at`, as a shared string. */
function flagCode(s: string, at: number): string {
  const n = (s.charCodeAt(at) - 0x41) * 676 + (s.charCodeAt(at + 1) - 0x41) * 26 + (s.charCodeAt(at + 2) - 0x41);
  return FLAG_CODES[n] ??= copyText(s, at, at + 3);
}

/** Where the text came from; `lf` and `crAll` count its LF and CR characters. */
function describeSource(text: string, path: string, lf: number, crAll: number): SourceInfo {
  const crlf = crAll === 0 ? 0 : count(text, '\r\n');
  const cr = crAll - crlf;
  return {
    path,
    sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
    bytes: Buffer.byteLength(text, 'utf8'),
    lines: 0,
    lineEnding: lf + cr === 0 ? 'none' : cr > 0 ? (lf === 0 ? 'CR' : 'mixed') : crlf === lf ? 'CRLF' : crlf === 0 ? 'LF' : 'mixed',
    bom: text.charCodeAt(0) === 0xfeff,
  };
}

/** Occurrences of `needle` in `s` (not overlapping). */
function count(s: string, needle: string): number {
  let n = 0;
  for (let i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + needle.length)) n++;
  return n;
}

function truncate(s: string, n = 80): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
