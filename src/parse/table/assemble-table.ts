/**
 * Link rows → places, links and domestic pairs. The home country decides which end of a row is the
 * home place: the home column's, or the partner column's when only that one lies in the home country
 * (the row is read the other way round); a row with neither end at home is refused.
 *
 * Identity: a place's id when the row gives one (a Wikidata item), else its name, region and country
 * (the resolved country; as written when it does not resolve). One name given with coordinates more
 * than `HOMONYM_KM` apart is several places (the first place within reach takes a row; a row without
 * coordinates goes to the first place of the name). A pair given again — the same way (Wikidata repeats
 * a pair once per coordinate or population value) or the other way round — is one link; its lines are
 * reported, the earliest start and the latest end kept.
 *
 * @example
 *   const a = new TableAssembler({ home: 'DE', demonym: 'German', report });
 *   a.add(row); // Köln, Germany → Lille, France
 *   a.finish().links // [{ homeId: 'de:koln', partnerId: 'p:lille-france', line: 2, code: null }]
 */
import { homeEntry, labelParts } from '../assemble-blocks.js';
import { copyText, IdAllocator } from '../normalize.js';
import type { Reporter } from '../reporter.js';
import type { DomesticLink, HomeEntry, Link, Partner, PlaceFacts } from '../types.js';
import { distanceKm } from './cells.js';
import type { LatLon } from './cells.js';
import type { LinkRow, RowEnd } from './table-rows.js';

/** Two places of one name further apart than this (km) are different places. */
export const HOMONYM_KM = 30;

/** Pair numbers: a place's position times this, plus the other's (positions below 2²¹ keep them exact). */
const PAIR_BASE = 2 ** 32;

export interface TableAssemblyOptions {
  /** The home country, ISO alpha-2. */
  home: string;
  /** Its adjective, for messages (`German`). */
  demonym: string;
  report: Reporter;
}

export interface TableAssembly {
  /** Home places with at least one foreign partner (the bipartite graph's home side). */
  homes: HomeEntry[];
  partners: Partner[];
  links: Link[];
  /** Per link: the position of its partner in `partners`. */
  linkPartner: Int32Array;
  /** Per home entry: the positions of its partners. */
  partnerPositions: number[][];
  domesticLinks: DomesticLink[];
  /** Home places in domestic pairs only. */
  domesticPlaces: HomeEntry[];
}

/** A place of one identity: its position in its list, and where it lies (null: not known yet). */
interface Slot { index: number; at: LatLon | null }

/** A pair read: the link (or domestic link), its two ends (positions), and the lines that gave it again. */
interface Pair {
  link: Link | DomesticLink;
  /** Home place, and partner (a foreign one; a home place for a domestic pair). */
  a: number;
  b: number;
  domestic: boolean;
  /** Whether the first row gave it the other way round (partner column at home). */
  swapped: boolean;
  /** Lines of the later rows that gave it the same way / the other way round (null till one does). */
  same: number[] | null;
  reversed: number[] | null;
  /** The distinct starts and ends given, once a row gives one that differs from the first (null till then). */
  starts: string[] | null;
  ends: string[] | null;
}

export class TableAssembler {
  private readonly places: HomeEntry[] = [];
  private readonly placeLines: number[][] = [];
  private readonly placeSlots = new Map<string, Slot[]>();
  private readonly partners: Partner[] = [];
  private readonly partnerSlots = new Map<string, Slot[]>();
  private readonly links: Link[] = [];
  private readonly linkPartner: number[] = [];
  private readonly domestic: DomesticLink[] = [];
  /** Pairs by number: home place × 2³² + partner for links, −(place × 2³² + place) for domestic pairs. */
  private readonly pairs = new Map<number, Pair>();
  private readonly placeIds: IdAllocator;
  private readonly partnerIds = new IdAllocator('p:');

  constructor(private readonly options: TableAssemblyOptions) {
    this.placeIds = new IdAllocator(`${options.home.toLowerCase()}:`);
  }

  /** Reads a row; false (and an error reported) when neither end lies in the home country, or both ends are one place. */
  add(row: LinkRow): boolean {
    const { home, report } = this.options;
    const homeAtHome = row.home.country?.country === home, partnerAtHome = row.partner.country?.country === home;
    if (!homeAtHome && !partnerAtHome) {
      report('error', 'no-home-end', [row.line], `neither "${row.home.name}, ${row.home.countryWritten}" nor "${row.partner.name}, ${row.partner.countryWritten}" lies in the home country (${home}): not read`);
      return false;
    }
    const swapped = !homeAtHome;
    const [here, there] = swapped ? [row.partner, row.home] : [row.home, row.partner];
    const a = this.place(here, row.line);
    if (homeAtHome && partnerAtHome) {
      const b = this.place(there, row.line);
      if (a === b) {
        report('error', 'self-pair', [row.line], `"${here.name}" is paired with itself: not read`);
        return false;
      }
      const key = -(a < b ? a * PAIR_BASE + b : b * PAIR_BASE + a);
      if (!this.again(key, row, a > b)) {
        const link: DomesticLink = { homeId: (this.places[a] as HomeEntry).id, otherId: (this.places[b] as HomeEntry).id, line: row.line };
        this.domestic.push(link);
        this.first(key, link, a, b, true, a > b, row);
      }
      return true;
    }
    const p = this.partner(there, row.line);
    const key = a * PAIR_BASE + p;
    if (!this.again(key, row, swapped)) {
      const link: Link = { homeId: (this.places[a] as HomeEntry).id, partnerId: (this.partners[p] as Partner).id, line: row.line, code: row.code };
      this.links.push(link);
      this.linkPartner.push(p);
      (this.partners[p] as Partner).homeIds.push(link.homeId);
      this.first(key, link, a, p, false, swapped, row);
    }
    return true;
  }

  /** The lists, the repeated pairs and the homonyms reported. Call once, at the end. */
  finish(): TableAssembly {
    const { report, demonym } = this.options;
    const labelOf = (pair: Pair): string => {
      const home = this.places[pair.a] as HomeEntry;
      if (pair.domestic) return `"${home.name}" – "${(this.places[pair.b] as HomeEntry).name}" (both ${demonym})`;
      const partner = this.partners[pair.b] as Partner;
      return `"${home.name}" – "${partner.label}, ${partner.location.join(', ')}"`;
    };
    for (const pair of this.pairs.values()) {
      const { same, reversed } = pair;
      if (same === null && reversed === null) continue;
      const first = pair.link.line, label = labelOf(pair);
      if (same !== null) report('info', 'duplicate-row', [first, ...same], `${label} is given on ${same.length + 1} rows: merged into one link`);
      if (reversed !== null) report('info', 'reverse-pair', [first, ...reversed], `${label} is given in both directions: one link`);
      if (pair.starts !== null || pair.ends !== null) {
        const what = [pair.starts ? `starts ${pair.starts.sort().join(', ')}` : '', pair.ends ? `ends ${pair.ends.sort().join(', ')}` : ''].filter(Boolean).join('; ');
        report('warning', 'conflicting-dates', [first, ...(same ?? []), ...(reversed ?? [])], `${label} is given with several dates (${what}): the earliest start and the latest end kept`);
      }
    }
    this.reportHomonyms(this.placeSlots, (i) => this.places[i] as HomeEntry, (i) => this.placeLines[i] as number[]);
    this.reportHomonyms(this.partnerSlots, (i) => this.partners[i] as Partner, (i) => (this.partners[i] as Partner).lines);

    const position = new Map<string, number>(this.partners.map((p, i) => [p.id, i]));
    const byPlace = new Map<string, string[]>();
    for (const l of this.links) {
      const ids = byPlace.get(l.homeId);
      if (ids) ids.push(l.partnerId); else byPlace.set(l.homeId, [l.partnerId]);
    }
    const homes: HomeEntry[] = [], domesticPlaces: HomeEntry[] = [];
    for (const place of this.places) {
      const ids = byPlace.get(place.id);
      if (ids) { place.partnerIds = ids.slice(); homes.push(place); } else domesticPlaces.push(place);
    }
    // Lists grown row by row hold room to grow (17 entries from the first push): kept at their size.
    for (const p of this.partners) { p.homeIds = p.homeIds.slice(); p.lines = p.lines.slice(); }
    const partnerPositions = homes.map((h) => h.partnerIds.map((id) => position.get(id) as number));
    return {
      homes, partners: this.partners, links: this.links, linkPartner: Int32Array.from(this.linkPartner),
      partnerPositions, domesticLinks: this.domestic, domesticPlaces,
    };
  }

  /** The first row of pair `key`, which made `link`: dates kept. */
  private first(key: number, link: Link | DomesticLink, a: number, b: number, domestic: boolean, swapped: boolean, row: LinkRow): void {
    this.pairs.set(key, { link, a, b, domestic, swapped, same: null, reversed: null, starts: null, ends: null });
    if (row.start !== null) link.start = row.start;
    if (row.end !== null) link.end = row.end;
  }

  /** A later row of pair `key`: its line and dates noted; false when the pair is new. */
  private again(key: number, row: LinkRow, swapped: boolean): boolean {
    const pair = this.pairs.get(key);
    if (!pair) return false;
    if (pair.swapped === swapped) (pair.same ??= []).push(row.line); else (pair.reversed ??= []).push(row.line);
    const link = pair.link;
    if (row.start !== null) {
      if (link.start !== undefined && link.start !== row.start) pair.starts = distinct(pair.starts ?? [pair.link.start as string], row.start);
      if (link.start === undefined || row.start < link.start) link.start = row.start;
    }
    if (row.end !== null) {
      if (link.end !== undefined && link.end !== row.end) pair.ends = distinct(pair.ends ?? [pair.link.end as string], row.end);
      if (link.end === undefined || row.end > link.end) link.end = row.end;
    }
    return true;
  }

  /** The position of the home place a row end names (made when new). */
  private place(end: RowEnd, line: number): number {
    const key = end.id ? `id:${idText(end.id)}` : `n:${end.name}\u0000${end.region ?? ''}`;
    const found = this.slot(this.placeSlots, key, end);
    if (found) {
      this.placeLines[found.index]?.push(line);
      addFacts(this.places[found.index] as HomeEntry, end, true);
      return found.index;
    }
    const name = copyText(end.name); // the cell may be a view of the whole text: a copy keeps only the name
    const entry = homeEntry(name, this.placeIds.allocate(name), null, line);
    addFacts(entry, end, true);
    this.places.push(entry);
    this.placeLines.push([line]);
    return this.newSlot(this.placeSlots, key, end, this.places.length - 1);
  }

  /** The position of the foreign partner a row end names (made when new; its home ids are added with its links). */
  private partner(end: RowEnd, line: number): number {
    const key = end.id ? `id:${idText(end.id)}` : `n:${end.name}\u0000${end.region ?? ''}\u0000${end.country?.country ?? end.countryWritten}`;
    const found = this.slot(this.partnerSlots, key, end);
    if (found) {
      const p = this.partners[found.index] as Partner;
      p.lines.push(line);
      addFacts(p, end, false);
      return found.index;
    }
    const location = end.region === null ? [end.countryWritten] : [...copyText(end.region).split(/\s*,\s*/).filter(Boolean), end.countryWritten];
    const label = copyText(end.name); // the cell may be a view of the whole text: a copy keeps only the name
    const { name, qualifier } = labelParts(label);
    const partner: Partner = {
      id: this.partnerIds.allocate(`${label} ${location.join(' ')}`),
      label, name, qualifier, location, countryWritten: end.countryWritten,
      country: end.country?.country ?? null, territory: end.country?.territory ?? null, subdivision: null,
      homeIds: [], lines: [line],
    };
    addFacts(partner, end, false);
    this.partners.push(partner);
    return this.newSlot(this.partnerSlots, key, end, this.partners.length - 1);
  }

  /** The place of `key` the end belongs to: the first within `HOMONYM_KM` (or of unknown position); any, when the end has no position. */
  private slot(slots: Map<string, Slot[]>, key: string, end: RowEnd): Slot | null {
    const list = slots.get(key);
    if (!list) return null;
    if (end.at === null || end.id !== null) return list[0] as Slot;
    for (const s of list) {
      if (s.at === null) { s.at = end.at; return s; }
      if (distanceKm(s.at, end.at) <= HOMONYM_KM) return s;
    }
    return null;
  }

  private newSlot(slots: Map<string, Slot[]>, key: string, end: RowEnd, index: number): number {
    const slot = { index, at: end.at };
    const list = slots.get(key);
    if (list) list.push(slot); else slots.set(key, [slot]);
    return index;
  }

  /** A warning per name read as several places because of their coordinates. */
  private reportHomonyms(slots: Map<string, Slot[]>, placeAt: (i: number) => HomeEntry | Partner, linesOf: (i: number) => number[]): void {
    for (const list of slots.values()) {
      if (list.length < 2) continue;
      const places = list.map((s) => placeAt(s.index));
      const first = places[0] as HomeEntry | Partner;
      const name = 'label' in first ? `${first.label}, ${first.location.join(', ')}` : first.name;
      const far = Math.round(Math.max(...list.slice(1).map((s) => distanceKm(list[0]?.at as LatLon, s.at as LatLon))));
      this.options.report('warning', 'homonym-split', list.flatMap((s) => linesOf(s.index)),
        `"${name}" is given with coordinates up to ${far} km apart: read as ${list.length} places (${places.map((p) => `${p.id} at ${p.lat?.toFixed(3)}, ${p.lon?.toFixed(3)}`).join('; ')})`);
    }
  }
}

/** `list` with `value` added when it is not in it. */
function distinct(list: string[], value: string): string[] {
  if (!list.includes(value)) list.push(value);
  return list;
}

function idText(id: NonNullable<RowEnd['id']>): string {
  return 'wikidata' in id ? id.wikidata : id.externalId;
}

/** Sets the facts a row end gives that the place does not have yet (the first value given stays). */
function addFacts(place: PlaceFacts, end: RowEnd, withRegion: boolean): void {
  if (withRegion && end.region !== null && place.region === undefined) place.region = copyText(end.region);
  if (end.at !== null && place.lat === undefined) { place.lat = end.at.lat; place.lon = end.at.lon; }
  if (end.population !== null && place.population === undefined) place.population = end.population;
  if (end.id !== null && place.wikidata === undefined && place.externalId === undefined) Object.assign(place, end.id);
}
