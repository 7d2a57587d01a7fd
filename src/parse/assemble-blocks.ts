/**
 * Block assembly for the Wikipedia twin-town list: classified lines → home entries, partners and
 * links. A home header opens a block; each partner line under it is a link from that entry to a
 * partner, found (or created) by its identity (label + location); a second block of one header is
 * merged into the first; a partner listed twice in one block is one link.
 *
 * Made for lists of millions of lines: partner lines are read in place, without a string per line;
 * partners are found by the hash of their id (`hash-index.ts`); slugs go through a per-character
 * table (`fold-table.ts`); and no string it keeps is a view of the input text.
 *
 * @example
 *   const a = new BlockAssembler({ maxLines: 3, idPrefix: 'cn:', demonym: 'Chinese', report });
 *   a.header('Anqing', 1);
 *   a.partner('- JPN Ibaraki, Japan', 0, 20, 2); // true
 *   a.finish().links // [{ homeId: 'cn:anqing', partnerId: 'p:ibaraki-japan', line: 2, code: 'JPN' }]
 */
import { homeNationSubdivision, resolveCountryName } from './countries.js';
import { codesToString, foldName } from './fold-table.js';
import { HASH_SEED, HashIndex, hashChars, hashCodes } from './hash-index.js';
import { copyText, IdAllocator, prefixedSlugCodes, slugifyByRegex } from './normalize.js';
import type { PartnerFacts } from './quality.js';
import type { Reporter } from './reporter.js';
import type { HomeEntry, Link, Partner } from './types.js';

export interface AssemblyOptions {
  /** At least the number of lines of the text (sizes the per-link and per-partner arrays). */
  maxLines: number;
  /** Prefix of home ids: the home country's lower-case code and a colon (`cn:`, `de:`). */
  idPrefix: string;
  /** The home country's adjective, for messages (`Chinese`, `German`). */
  demonym: string;
  /** The home country, ISO alpha-2 (`CN`): a partner line naming the block's own place there is no link. */
  home: string;
  report: Reporter;
}

/** What the blocks hold: the data set's three lists, and what resolution needs beyond them. */
export interface Assembly {
  homes: HomeEntry[];
  partners: Partner[];
  links: Link[];
  /** Per link: the position in `partners` of its partner. */
  linkPartner: Int32Array;
  /** Per link: the position in `homes` of its home entry. */
  linkHome: Int32Array;
  facts: PartnerFacts;
}

/** `City – District` (en dash, em dash or hyphen between spaces), or an em dash alone (`Berlin—Spandau`): a hyphen or en dash without spaces is part of a name (`Castrop-Rauxel`). */
const DISTRICT_SEPARATOR = /\s+[–—-]\s+|\s*—\s*/;
/** Headers without a dash have no district (and need no split). */
const DASH = /[–—-]/;
/** `Name (qualifier)`, applied to labels ending in `)`. */
const QUALIFIED = /^(.*?)\s*\(([^()]*)\)$/;

interface Block {
  entry: HomeEntry;
  /** Position of the entry in `homes`. */
  index: number;
  /** Number of this block; a partner whose `linkedIn` is this number is already linked in it. */
  serial: number;
  /** Line number of a blank line seen after at least one partner line of this block, if any. */
  pendingBlank: number | null;
  /** Whether this block (not an earlier block of the same city, merged) has a partner line yet. */
  listed: boolean;
}

/** Assembles blocks from lines given in order: `section`, `header`, `partner`, `blank`, `close`; then `finish`. */
export class BlockAssembler {
  private readonly homes: HomeEntry[] = [];
  /** Positions in `homes` by hash of header. */
  private readonly homeByName = new HashIndex();
  private readonly partners: Partner[] = [];
  private readonly links: Link[] = [];
  // There are at most as many partners and links as lines. Per link: the position of its partner,
  // and the link before it of the same home entry (-1: none; the entry's last is `lastLink`). Per
  // partner: the block it was last linked in, and the line of that link (its first in the block).
  private readonly linkPartner: Int32Array;
  private readonly linkHome: Int32Array;
  private readonly linkBefore: Int32Array;
  private readonly lastLink: number[] = [];
  private readonly linkedIn: Int32Array;
  private readonly linkedOn: Int32Array;
  /** Positions in `partners` by hash of id, and scratch codes for a partner's id. */
  private readonly partnerById: HashIndex;
  private readonly slug: number[] = [];
  private readonly homeIds: IdAllocator;
  /** Location parts by number, and numbers by hash of part. */
  private readonly locationPartNames: string[] = [];
  private readonly locationPartIndex = new HashIndex();
  /** The location parts of the partner line being read. */
  private readonly parts: string[] = [];
  /** Locations as written (`England, United Kingdom`) by number, numbers by location, and each partner's number. */
  private readonly locations: string[] = [];
  private readonly locationNumbers = new Map<string, number>();
  /** Per location number, the partners' `location` array (shared: never mutated). */
  private readonly locationArrays: string[][] = [];
  /** Per home entry (by position), the `[id]` its partners start with as `homeIds` (shared until a second entry is added). */
  private readonly homeIdArrays: string[][] = [];
  private readonly partnerLocation: Int32Array;
  /** Partners (positions) whose `lines` or `homeIds` grew past EXACT, pushed to. */
  private readonly grown: number[] = [];
  private readonly demonym: string;
  private readonly home: string;
  private readonly report: Reporter;
  private section: string | null = null;
  private block: Block | null = null;
  private blocks = 0;

  constructor(options: AssemblyOptions) {
    const n = options.maxLines;
    this.linkPartner = new Int32Array(n);
    this.linkHome = new Int32Array(n);
    this.linkBefore = new Int32Array(n);
    this.linkedIn = new Int32Array(n);
    this.linkedOn = new Int32Array(n);
    this.partnerLocation = new Int32Array(n);
    this.partnerById = new HashIndex(Math.ceil(n * 0.7)); // about two in three lines are partner lines
    this.homeIds = new IdAllocator(options.idPrefix);
    this.demonym = options.demonym;
    this.home = options.home;
    this.report = options.report;
  }

  /**
   * Whether the partner `line[start, labelEnd)`, whose one location part is `country`, is the home
   * entry itself: the same name (folded) in the home country.
   */
  private isOwnPlace(entry: HomeEntry, line: string, start: number, labelEnd: number, country: string): boolean {
    // cheap refusals first (every partner line of one location part comes here): lengths a fold
    // cannot bridge, different ASCII initials
    const name = entry.name;
    if (Math.abs(labelEnd - start - name.length) > 2) return false;
    const a = line.charCodeAt(start) | 0x20, b = name.charCodeAt(0) | 0x20;
    if (a !== b && a >= 0x61 && a <= 0x7a && b >= 0x61 && b <= 0x7a) return false;
    if (foldName(line.slice(start, labelEnd)) !== foldName(name)) return false;
    const named = resolveCountryName(country)?.sovereign.alpha2 ?? (homeNationSubdivision(country) !== null ? 'GB' : null);
    return named === this.home;
  }

  /** A `==X==` section: home headers after it stand in it; the open block ends. */
  startSection(name: string): void {
    this.section = copyText(name);
    this.block = null;
  }

  /** A line that is none of the others: the open block ends. */
  close(): void {
    this.block = null;
  }

  /** A blank line: noted when inside a partner list (reported if the list goes on). */
  blank(lineNo: number): void {
    const b = this.block;
    if (b && b.listed && b.pendingBlank === null) b.pendingBlank = lineNo;
  }

  /** A home header: opens its block (or reopens the entry's, merged, when it was listed before). */
  header(line: string, lineNo: number): void {
    const hash = hashChars(HASH_SEED, line);
    const existingIndex = this.homeNamed(hash, line);
    if (existingIndex < 0) {
      this.block = this.openBlock(line, hash, lineNo);
      return;
    }
    const first = this.homes[existingIndex] as HomeEntry;
    if (first.section !== this.section && isRegionSection(first.section) && isRegionSection(this.section)) {
      // `Portland` under ==Maine== and under ==Oregon==: two towns of one name, each in its region.
      this.report('info', 'home-homonym', [first.line, lineNo], `${this.demonym} city "${truncate(line)}" stands in two sections (${truncate(first.section as string, 40)}, line ${first.line}; ${truncate(this.section as string, 40)}, line ${lineNo}): kept as two places, each placed in its section's region`);
      this.block = this.openBlock(line, hash, lineNo, `${line}, ${this.section}`);
      return;
    }
    const existing = this.homes[existingIndex] as HomeEntry;
    this.report('warning', 'duplicate-header', [existing.line, lineNo], `${this.demonym} city "${existing.name}" has two blocks (lines ${existing.line} and ${lineNo}); their partners are merged`);
    // its partners count as linked in the new block, on the line of the first header
    const serial = ++this.blocks;
    for (let l = this.lastLink[existingIndex] as number; l >= 0; l = this.linkBefore[l] as number) {
      this.linkedIn[this.linkPartner[l] as number] = serial;
      this.linkedOn[this.linkPartner[l] as number] = existing.line;
    }
    this.block = { entry: existing, index: existingIndex, serial, pendingBlank: null, listed: false };
  }

  /**
   * A partner line, `- [CODE ]Name[ (qualifier)], Location…, Country`, the normalised line
   * `line[lineStart, end)`: a link in the open block. False (and an error reported) when there is
   * no open block or the line cannot be read.
   */
  partner(line: string, lineStart: number, end: number, lineNo: number): boolean {
    const b = this.block;
    if (!b) {
      this.report('error', 'partner-outside-block', [lineNo], `partner line outside any ${this.demonym} city's block: "${copyText(truncate(line.slice(lineStart, end)))}"`);
      return false;
    }
    const { parts, partners } = this;
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
        parts[nParts++] = this.locationPartNames[this.locationPart(line, partStart, partEnd)] as string;
      }
      if (comma < 0) break;
      from = comma + 1;
    }
    if (labelEnd <= start || nParts === 0) {
      this.report('error', 'unparsed-line', [lineNo], `partner line has no ", Country" part: "${copyText(truncate(line.slice(at, end)))}"`);
      return false;
    }
    if (nParts === 1 && this.isOwnPlace(b.entry, line, start, labelEnd, parts[0] as string)) {
      // `Beijing` listing `- CHN Beijing, China`: as a table refuses a row pairing a place with itself
      this.report('error', 'self-pair', [lineNo], `"${b.entry.name}" is listed as its own partner ("${copyText(truncate(line.slice(at, end)))}"): not read`);
      return false;
    }
    if (b.pendingBlank !== null) {
      this.report('info', 'blank-in-list', [b.pendingBlank], `blank line inside the partner list of "${b.entry.name}"`);
    }
    b.pendingBlank = null;
    b.listed = true;
    // A partner is its label and location. Its id is `p:` + the slug of `label location…` (the line's
    // own text from the label on slugs the same), or that and `-2`, `-3` … when taken, the first free
    // one when it was created (as IdAllocator hands them out). So the partner, if there is one, holds
    // one of these ids, before the first free one.
    const n = prefixedSlugCodes(this.slug, 'p:', line, start, end);
    let base = n < 0 ? `p:${slugifyByRegex(`${line.slice(start, labelEnd)} ${parts.slice(0, nParts).join(' ')}`)}` : null;
    let id = base; // null: the codes
    let hash = id === null ? hashCodes(this.slug, n) : hashChars(HASH_SEED, id);
    let known = -1;
    for (let suffix = 2; ; suffix++) {
      const found = this.partnerOrHolder(hash, id, n, line, start, labelEnd, nParts);
      if (found >= 0) {
        known = found;
        break;
      }
      if (found === FREE) break;
      base ??= codesToString(this.slug, n);
      id = `${base}-${suffix}`;
      hash = hashChars(HASH_SEED, id);
    }
    if (known < 0) {
      const label = copyText(line, start, labelEnd);
      // one array per location as written, shared by the partners there
      const k = this.locationNumber(parts, nParts);
      const location = this.locationArrays[k] ??= parts.slice(0, nParts);
      const q = line.charCodeAt(labelEnd - 1) === 0x29 ? QUALIFIED.exec(label) : null;
      const partner: Partner = {
        id: id ?? codesToString(this.slug, n),
        label,
        name: q ? (q[1] as string) : label,
        qualifier: q ? (q[2] as string) : null,
        location,
        countryWritten: location[location.length - 1] as string,
        country: null,
        territory: null,
        subdivision: null,
        // shared by the entry's partners until one has a second home entry
        homeIds: this.homeIdArray(b.index),
        // a literal: an exact-size array
        lines: [lineNo],
      };
      this.partnerById.add(hash, partners.length);
      this.partnerLocation[partners.length] = k;
      partners.push(partner);
      this.addLink(b, partners.length - 1, lineNo, code);
      return true;
    }
    const partner = partners[known] as Partner;
    // short lists as exact-size arrays, each replaced by one longer (a pushed-to array reserves spare slots, and was copied at the end)
    if (partner.lines.length < EXACT) partner.lines = exactWith(partner.lines, lineNo);
    else {
      if (partner.lines.length === EXACT) this.grown.push(known);
      partner.lines.push(lineNo);
    }
    if (this.linkedIn[known] === b.serial) {
      this.report('warning', 'duplicate-link', [this.linkedOn[known] as number, lineNo], `"${partner.label}, ${partner.location.join(', ')}" is listed twice under "${b.entry.name}"; merged into one link`);
      return true;
    }
    // a partner's first homeIds array is its first entry's, shared: replaced, not pushed to
    if (partner.homeIds.length < EXACT) partner.homeIds = exactWith(partner.homeIds, b.entry.id);
    else {
      if (partner.homeIds.length === EXACT) this.grown.push(known);
      partner.homeIds.push(b.entry.id);
    }
    this.addLink(b, known, lineNo, code);
    return true;
  }

  /** The lists, each home entry's partner ids and the facts resolution needs. Call once, at the end. */
  finish(): Assembly {
    const { homes, partners, links, lastLink, linkBefore, linkPartner } = this;
    // Each entry's partners, from its links, as exact-size arrays (one that is pushed to reserves spare slots)
    const ids: string[] = [];
    homes.forEach((c, i) => {
      let n = 0;
      for (let l = lastLink[i] as number; l >= 0; l = linkBefore[l] as number) ids[n++] = (links[l] as Link).partnerId;
      if (n > 0) c.partnerIds = ids.slice(0, n).reverse();
    });
    // the lists pushed to, as exact-size arrays (a partner may be listed twice)
    for (const i of this.grown) {
      const p = partners[i] as Partner;
      if (p.lines.length > EXACT) p.lines = p.lines.slice();
      if (p.homeIds.length > EXACT) p.homeIds = p.homeIds.slice();
    }
    const facts: PartnerFacts = {
      positionsOf(i: number, out: Int32Array): number {
        let n = 0;
        for (let l = lastLink[i] as number; l >= 0; l = linkBefore[l] as number) out[n++] = linkPartner[l] as number;
        return n;
      },
      location: this.partnerLocation,
      locations: this.locations,
    };
    return { homes, partners, links, linkPartner, linkHome: this.linkHome.subarray(0, links.length), facts };
  }

  /**
   * The position in `homes` of the entry whose header is `name` (of hash `hash`): the one in the
   * current section when several are, else the first; -1 when none.
   */
  private homeNamed(hash: number, name: string): number {
    const index = this.homeByName;
    let found = -1;
    for (let s = index.first(hash); s >= 0; s = index.next(hash, s)) {
      const i = index.item(s), h = this.homes[i] as HomeEntry;
      if (h.name !== name) continue;
      if (h.section === this.section) return i;
      if (found < 0 || i < found) found = i;
    }
    return found;
  }

  /** A new home entry's block; `idSeed`: what its id is made from (default: the header). */
  private openBlock(line: string, hash: number, lineNo: number, idSeed: string = line): Block {
    const header = copyText(line);
    const entry = homeEntry(header, this.homeIds.allocate(idSeed), this.section, lineNo);
    this.homeByName.add(hash, this.homes.length);
    this.homes.push(entry);
    this.lastLink.push(-1);
    return { entry, index: this.homes.length - 1, serial: ++this.blocks, pendingBlank: null, listed: false };
  }

  /**
   * Of the partners added with `hash`: the one that is this line's partner (label `line[start,
   * labelEnd)`, location the first `nParts` of `parts`), if one is met before the one whose id is `id`
   * (null: the first `n` codes of `slug`); else TAKEN when a partner has that id, FREE when none has.
   * A partner is its label and location, and one with the line's is the line's whatever its id: it
   * holds one of the line's ids, each before its own taken (ids are handed out in order and never
   * freed), so this finds the partner the ids would, reading its id only when it is another's.
   */
  private partnerOrHolder(hash: number, id: string | null, n: number, line: string, start: number, labelEnd: number, nParts: number): number {
    const index = this.partnerById;
    for (let s = index.first(hash); s >= 0; s = index.next(hash, s)) {
      const i = index.item(s);
      const p = this.partners[i] as Partner;
      if (isPartner(p, line, start, labelEnd, this.parts, nParts)) return i;
      if (id === null ? isCodes(p.id, this.slug, n) : p.id === id) return TAKEN;
    }
    return FREE;
  }

  private addLink(b: Block, partner: number, lineNo: number, code: string | null): void {
    const l = this.links.length;
    this.links.push({ homeId: b.entry.id, partnerId: (this.partners[partner] as Partner).id, line: lineNo, code });
    this.linkPartner[l] = partner;
    this.linkHome[l] = b.index;
    this.linkBefore[l] = this.lastLink[b.index] as number;
    this.lastLink[b.index] = l;
    this.linkedIn[partner] = b.serial;
    this.linkedOn[partner] = lineNo;
  }

  /** `[id]` of the home entry at `index`, one array per entry. */
  private homeIdArray(index: number): string[] {
    return this.homeIdArrays[index] ??= [(this.homes[index] as HomeEntry).id];
  }

  /** The number of the location of the first `n` of `parts` (shared strings). */
  private locationNumber(parts: readonly string[], n: number): number {
    const text = n === 1 ? (parts[0] as string) : parts.slice(0, n).join(', ');
    let k = this.locationNumbers.get(text);
    if (k === undefined) {
      k = this.locations.length;
      this.locationNumbers.set(text, k);
      this.locations.push(text);
    }
    return k;
  }

  /** The number of the location part `text[start, end)` (`Japan`): one string per distinct part, shared by the partners. */
  private locationPart(text: string, start: number, end: number): number {
    const hash = hashChars(HASH_SEED, text, start, end);
    const index = this.locationPartIndex, names = this.locationPartNames;
    for (let s = index.first(hash); s >= 0; s = index.next(hash, s)) {
      const k = index.item(s);
      if (sameChars(names[k] as string, text, start, end)) return k;
    }
    index.add(hash, names.length);
    names.push(copyText(text, start, end));
    return names.length - 1;
  }
}

/** What `partnerOrHolder` returns when the id is another partner's, and when it is no one's. */
const TAKEN = -2;
const FREE = -1;

/** Lists of up to this many items are exact-size arrays, made by `exactWith`. */
const EXACT = 4;

/** `a` and `x` after it, as an exact-size array (`a` of 1 to 3 items). */
function exactWith<T>(a: readonly T[], x: T): T[] {
  switch (a.length) {
    case 1: return [a[0] as T, x];
    case 2: return [a[0] as T, a[1] as T, x];
    case 3: return [a[0] as T, a[1] as T, a[2] as T, x];
    default: return [...a, x];
  }
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

/**
 * The home entry of a header as written: `City`, `City, Qualifier`, `City – District` (en dash, em
 * dash or hyphen between spaces; an em dash also without), with its id, section and line; no partners yet.
 */
export function homeEntry(header: string, id: string, section: string | null, line: number): HomeEntry {
  const [cityPart, ...districtParts] = DASH.test(header) ? header.split(DISTRICT_SEPARATOR) : [header];
  const district = districtParts.length > 0 ? districtParts.join(' – ') : null;
  const comma = (cityPart as string).indexOf(',');
  const city = comma >= 0 ? (cityPart as string).slice(0, comma).trim() : (cityPart as string);
  const qualifier = comma >= 0 ? (cityPart as string).slice(comma + 1).trim() || null : null;
  return {
    id,
    name: header,
    city,
    qualifier,
    kind: district === null ? 'city' : 'district',
    district,
    parentId: null,
    section,
    line,
    partnerIds: [],
  };
}

/**
 * Whether a section names a region (`Maine`, `Mie`, `東京都`) rather than letters (`A`, `X–Z`, `Ch`,
 * `あ`, `0–9`: `LETTER_SECTION`) or a kind of entry (`Former twinnings`, `Cities`, `Other`: any of
 * the words lists use for kinds, `NOT_REGION_WORDS`).
 */
export function isRegionSection(section: string | null): boolean {
  if (section === null) return false;
  const s = section.trim();
  if (LETTER_SECTION.test(s) || !/\p{L}/u.test(s)) return false;
  return !foldName(s).split(' ').some((w) => NOT_REGION_WORDS.has(w));
}

/**
 * A section of an alphabetical list: one or two letters of a cased script (`A`, `Ch`, `Ä`), one
 * character of another (`あ`, `가`, `א`), digits, or a range of them (`X–Z`, `0–9`). Three letters
 * name a region (`Mie`, `Goa`, `Zug`).
 */
const LETTER_SECTION = /^(?:[\p{Lu}\p{Ll}]{1,2}|\p{L}|\d+)(?:\s*[–—-]\s*(?:[\p{Lu}\p{Ll}]{1,2}|\p{L}|\d+))?$/u;

/** Words of section titles that sort entries by kind or status, not by region. */
const NOT_REGION_WORDS: ReadonlySet<string> = new Set([
  'former', 'past', 'previous', 'defunct', 'ended', 'historical', 'historic', 'proposed', 'current', 'active', 'other', 'others',
  'miscellaneous', 'misc', 'unsorted', 'cities', 'towns', 'municipalities', 'villages', 'communities', 'places', 'twinnings',
  'twinning', 'twin', 'twins', 'sister', 'partnerships', 'partnership', 'partners', 'friendship', 'friendships', 'cooperation',
  'agreements', 'relations', 'list', 'notes', 'references', 'see', 'external', 'links', 'further', 'reading', 'sources',
]);

/** A partner label split into name and parenthesised qualifier: `Dongdaemun (Seoul)` → Dongdaemun, Seoul. */
export function labelParts(label: string): { name: string; qualifier: string | null } {
  const q = label.endsWith(')') ? QUALIFIED.exec(label) : null;
  return q ? { name: q[1] as string, qualifier: q[2] as string } : { name: label, qualifier: null };
}

export function truncate(s: string, n = 80): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
