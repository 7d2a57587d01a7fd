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
import { listed } from '../reporter.js';
import type { Reporter } from '../reporter.js';
import type { DomesticLink, HomeEntry, Link, Partner, PlaceFacts } from '../types.js';
import { distanceKm } from './cells.js';
import type { LatLon } from './cells.js';
import type { LinkRow, RowEnd } from './table-rows.js';

/** Two places of one name further apart than this (km) are different places. */
export const HOMONYM_KM = 30;

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

/**
 * Places of one identity (a key): a position in the list, or several for one name read as homonyms.
 * Where a place lies is its own `lat`/`lon` (the first position a row gives it).
 */
type Slots = Map<string, number | number[]>;

/** What the later rows of a pair gave: their lines (the same way / the other way round) and, once they differ from the first, the dates. */
interface Repeat {
  same: number[];
  reversed: number[];
  starts: string[] | null;
  ends: string[] | null;
}

/** Pair flags. */
const DOMESTIC = 1, SWAPPED = 2;

/** A name that is a Wikidata item id: what the label service gives an item with no label in the languages asked. */
const WIKIDATA_ITEM = /^Q[1-9][0-9]*$/;

export class TableAssembler {
  private readonly places: HomeEntry[] = [];
  private readonly placeLines: number[][] = [];
  private readonly placeSlots: Slots = new Map();
  private readonly partners: Partner[] = [];
  private readonly partnerSlots: Slots = new Map();
  private readonly links: Link[] = [];
  /** Per link: the positions of its home place and of its partner. */
  private readonly linkPlace: number[] = [];
  private readonly linkPartner: number[] = [];
  private readonly domestic: DomesticLink[] = [];
  /**
   * Pairs read, numbered in order: the link (or domestic link), its two ends (home place, and partner
   * or other home place), flags (DOMESTIC, SWAPPED: the first row gave it the other way round).
   * Found again through chains: pairs of a partner (links) or of the lower place (domestic pairs)
   * from `firstPair`, on through `nextPair` (-1 ends a chain).
   */
  private readonly pairLink: (Link | DomesticLink)[] = [];
  private readonly pairA: number[] = [];
  private readonly pairB: number[] = [];
  private readonly pairFlags: number[] = [];
  private readonly nextPair: number[] = [];
  private readonly partnerFirstPair: number[] = [];
  private readonly placeFirstPair: number[] = [];
  /**
   * Chains grown past LONG_CHAIN pairs, as maps (other end → pair): a partner paired with 100,000
   * homes made each row walk its chain (reading 100,000 rows took 14 s, growing with the square).
   */
  private readonly partnerChains = new LongChains();
  private readonly placeChains = new LongChains();
  /** Grids of the names read as more than LONG_SLOT places (`slot`). */
  private readonly grids: Grids = new Map();
  /** Pairs given on more than one row, by number. */
  private readonly repeats = new Map<number, Repeat>();
  private readonly placeIds: IdAllocator;
  private readonly partnerIds = new IdAllocator('p:');
  /**
   * Places (and partners) by name and territory (country) alone, as a position, or MANY once the name
   * has two: a row that gives a name without a region finds the one place of it given with one
   * (`Leipzig` and `Leipzig, Sachsen`), and the other way round.
   */
  private placesNamed: Map<string, number> | null = null;
  private partnersNamed: Map<string, number> | null = null;
  /** Rows giving a place (by id) coordinates over HOMONYM_KM from its first: line, name, distance in km. */
  private readonly farPositions: [number, string, number][] = [];
  /** Rows with an end named without a region where the table has several places of the name: line and name. */
  private readonly unsettled: [number, string][] = [];
  /** Rows with an end named by a bare Wikidata item id (`Q4115712`): line and id. */
  private readonly unlabelled: [number, string][] = [];

  constructor(private readonly options: TableAssemblyOptions) {
    this.placeIds = new IdAllocator(`${options.home.toLowerCase()}:`);
  }

  /** Reads a row; false (and an error reported) when neither end lies in the home country, or both ends are one place. */
  add(row: LinkRow): boolean {
    const { home, report } = this.options;
    if (WIKIDATA_ITEM.test(row.home.name)) this.unlabelled.push([row.line, row.home.name]);
    if (WIKIDATA_ITEM.test(row.partner.name)) this.unlabelled.push([row.line, row.partner.name]);
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
      const lo = Math.min(a, b), hi = Math.max(a, b);
      let k = this.placeChains.find(lo, hi);
      if (k === NOT_LONG) {
        k = this.placeFirstPair[lo] ?? -1;
        while (k >= 0 && !((this.pairFlags[k] as number) & DOMESTIC && Math.max(this.pairA[k] as number, this.pairB[k] as number) === hi)) k = this.nextPair[k] as number;
      }
      if (k >= 0) this.again(k, row, a > b);
      else {
        const link: DomesticLink = { homeId: (this.places[a] as HomeEntry).id, otherId: (this.places[b] as HomeEntry).id, line: row.line };
        this.domestic.push(link);
        this.placeFirstPair[lo] = this.first(link, a, b, DOMESTIC | (a > b ? SWAPPED : 0), row, this.placeFirstPair[lo] ?? -1);
        this.placeChains.added(lo, hi, this.placeFirstPair[lo] as number, () => this.chainPairs(this.placeFirstPair[lo] as number, (q) => Math.max(this.pairA[q] as number, this.pairB[q] as number)));
      }
      return true;
    }
    const p = this.partner(there, row.line);
    let k = this.partnerChains.find(p, a);
    if (k === NOT_LONG) {
      k = this.partnerFirstPair[p] as number;
      while (k >= 0 && this.pairA[k] !== a) k = this.nextPair[k] as number;
    }
    if (k >= 0) this.again(k, row, swapped);
    else {
      const link: Link = { homeId: (this.places[a] as HomeEntry).id, partnerId: (this.partners[p] as Partner).id, line: row.line, code: row.code };
      this.links.push(link);
      this.linkPlace.push(a);
      this.linkPartner.push(p);
      (this.partners[p] as Partner).homeIds.push(link.homeId);
      this.partnerFirstPair[p] = this.first(link, a, p, swapped ? SWAPPED : 0, row, this.partnerFirstPair[p] as number);
      this.partnerChains.added(p, a, this.partnerFirstPair[p] as number, () => this.chainPairs(this.partnerFirstPair[p] as number, (q) => this.pairA[q] as number));
    }
    return true;
  }

  /** The lists, the repeated pairs and the homonyms reported. Call once, at the end. */
  finish(): TableAssembly {
    const { report, demonym } = this.options;
    if (this.unlabelled.length > 0) {
      const ids = [...new Set(this.unlabelled.map(([, id]) => id))];
      report('warning', 'unlabelled-item', this.unlabelled.map(([line]) => line),
        `${ids.length === 1 ? 'a place is' : `${ids.length} places are`} named by a bare Wikidata item id (${listed(ids, ', ')}): the query's label service found no label in its languages — add one (e.g. "[AUTO_LANGUAGE],en,mul" or the place's own language) or give the names another way`);
    }
    const labelOf = (k: number): string => {
      const home = this.places[this.pairA[k] as number] as HomeEntry, b = this.pairB[k] as number;
      if ((this.pairFlags[k] as number) & DOMESTIC) return `"${home.name}" – "${(this.places[b] as HomeEntry).name}" (both ${demonym})`;
      const partner = this.partners[b] as Partner;
      return `"${home.name}" – "${partner.label}, ${partner.location.join(', ')}"`;
    };
    for (const [k, { same, reversed, starts, ends }] of [...this.repeats].sort((x, y) => x[0] - y[0])) {
      const first = (this.pairLink[k] as Link | DomesticLink).line, label = labelOf(k);
      if (same.length > 0) report('info', 'duplicate-row', [first, ...same], `${label} is given on ${same.length + 1} rows: merged into one link`);
      if (reversed.length > 0) report('info', 'reverse-pair', [first, ...reversed], `${label} is given in both directions: one link`);
      if (starts !== null || ends !== null) {
        const what = [starts ? `starts ${starts.sort().join(', ')}` : '', ends ? `ends ${ends.sort().join(', ')}` : ''].filter(Boolean).join('; ');
        report('warning', 'conflicting-dates', [first, ...same, ...reversed], `${label} is given with several dates (${what}): the earliest start and the latest end kept`);
      }
    }
    if (this.farPositions.length > 0) {
      report('warning', 'conflicting-coordinates', this.farPositions.map(([line]) => line),
        `${this.farPositions.length === 1 ? 'a row gives' : `${this.farPositions.length} rows give`} a place coordinates over ${HOMONYM_KM} km from those of its first row (${listed(this.farPositions.map(([line, name, km]) => `"${name}" ${km} km off on line ${line}`), '; ')}): the first kept`);
    }
    if (this.unsettled.length > 0) {
      const names = [...new Set(this.unsettled.map(([, n]) => `"${n}"`))];
      report('warning', 'name-without-region', this.unsettled.map(([line]) => line),
        `${listed(names, ', ')} ${names.length === 1 ? 'is' : 'are'} given without a region on ${this.unsettled.length === 1 ? 'a row' : `${this.unsettled.length} rows`}, and the table has several places of ${names.length === 1 ? 'that name' : 'each name'}: read as a place of its own — give its region (or coordinates) to say which`);
    }
    this.reportHomonyms(this.placeSlots, (i) => this.places[i] as HomeEntry, (i) => this.placeLines[i] as number[]);
    this.reportHomonyms(this.partnerSlots, (i) => this.partners[i] as Partner, (i) => (this.partners[i] as Partner).lines);

    // Each home place's partners in the order of its links.
    const ids: string[][] = [], positions: number[][] = [];
    for (let i = 0; i < this.links.length; i++) {
      const a = this.linkPlace[i] as number;
      (ids[a] ??= []).push((this.links[i] as Link).partnerId);
      (positions[a] ??= []).push(this.linkPartner[i] as number);
    }
    const homes: HomeEntry[] = [], domesticPlaces: HomeEntry[] = [], partnerPositions: number[][] = [];
    this.places.forEach((place, i) => {
      const own = ids[i];
      if (own) { place.partnerIds = own.slice(); homes.push(place); partnerPositions.push(positions[i] as number[]); } else domesticPlaces.push(place);
    });
    // Lists grown row by row hold room to grow (17 entries from the first push): kept at their size.
    for (const p of this.partners) { p.homeIds = p.homeIds.slice(); p.lines = p.lines.slice(); }
    return {
      homes, partners: this.partners, links: this.links, linkPartner: Int32Array.from(this.linkPartner),
      partnerPositions, domesticLinks: this.domestic, domesticPlaces,
    };
  }

  /** The pairs of the chain from `first`, as [other end, pair]. */
  private chainPairs(first: number, other: (pair: number) => number): [number, number][] {
    const out: [number, number][] = [];
    for (let q = first; q >= 0; q = this.nextPair[q] as number) out.push([other(q), q]);
    return out;
  }

  /** The first row of a pair, which made `link`: the pair numbered, its dates kept; its number. `chain`: the pair it is put before in its chain. */
  private first(link: Link | DomesticLink, a: number, b: number, flags: number, row: LinkRow, chain: number): number {
    const k = this.pairLink.length;
    this.pairLink.push(link);
    this.pairA.push(a);
    this.pairB.push(b);
    this.pairFlags.push(flags);
    this.nextPair.push(chain);
    if (row.start !== null) link.start = row.start;
    if (row.end !== null) link.end = row.end;
    return k;
  }

  /** A later row of pair `k`: its line and dates noted. */
  private again(k: number, row: LinkRow, swapped: boolean): void {
    let r = this.repeats.get(k);
    if (!r) { r = { same: [], reversed: [], starts: null, ends: null }; this.repeats.set(k, r); }
    if ((((this.pairFlags[k] as number) & SWAPPED) !== 0) === swapped) r.same.push(row.line); else r.reversed.push(row.line);
    const link = this.pairLink[k] as Link | DomesticLink;
    if (row.start !== null) {
      if (link.start !== undefined && link.start !== row.start) r.starts = distinct(r.starts ?? [link.start], row.start);
      if (link.start === undefined || row.start < link.start) link.start = row.start;
    }
    if (row.end !== null) {
      if (link.end !== undefined && link.end !== row.end) r.ends = distinct(r.ends ?? [link.end], row.end);
      if (link.end === undefined || row.end > link.end) link.end = row.end;
    }
  }

  /** The position of the home place a row end names (made when new). */
  private place(end: RowEnd, line: number): number {
    // Saint-Denis in Réunion is not Saint-Denis in France: a territory the country cell names is part of the place.
    const territory = end.country?.territory ?? null;
    const key = end.id ? `id:${idText(end.id)}` : `n:${end.name}\u0000${end.region ?? ''}\u0000${territory ?? ''}`;
    // (kept from the first row that gives a region on: until then, names and keys tell the same places)
    if (this.placesNamed === null && end.region !== null) this.placesNamed = namesOf(this.places, (p) => `${p.name}\u0000${p.territory ?? ''}`);
    const named = this.placesNamed === null || end.id !== null ? null : `${end.name}\u0000${territory ?? ''}`;
    const found = this.find(this.placeSlots, key, this.placesNamed, named, end, line, this.places);
    if (found >= 0) {
      this.placeLines[found]?.push(line);
      this.checkPosition(this.places[found] as HomeEntry, end, line);
      addFacts(this.places[found] as HomeEntry, end, true);
      return found;
    }
    const name = copyText(end.name); // the cell may be a view of the whole text: a copy keeps only the name
    const entry = homeEntry(name, this.placeIds.allocate(territory === null ? name : `${name} ${territory}`), null, line);
    if (territory !== null) entry.territory = territory;
    addFacts(entry, end, true);
    this.places.push(entry);
    this.placeLines.push([line]);
    if (named !== null) nameAgain(this.placesNamed as Map<string, number>, named, this.places.length - 1);
    return newSlot(this.placeSlots, key, this.places.length - 1, this.grids);
  }

  /** The position of the foreign partner a row end names (made when new; its home ids are added with its links). */
  private partner(end: RowEnd, line: number): number {
    const key = end.id ? `id:${idText(end.id)}` : `n:${end.name}\u0000${end.region ?? ''}\u0000${end.country?.country ?? end.countryWritten}`;
    if (this.partnersNamed === null && end.region !== null) this.partnersNamed = namesOf(this.partners, (p) => `${p.label}\u0000${p.country ?? p.countryWritten}`);
    const named = this.partnersNamed === null || end.id !== null ? null : `${end.name}\u0000${end.country?.country ?? end.countryWritten}`;
    const found = this.find(this.partnerSlots, key, this.partnersNamed, named, end, line, this.partners);
    if (found >= 0) {
      const p = this.partners[found] as Partner;
      p.lines.push(line);
      this.checkPosition(p, end, line);
      addFacts(p, end, false);
      return found;
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
    this.partnerFirstPair.push(-1);
    if (named !== null) nameAgain(this.partnersNamed as Map<string, number>, named, this.partners.length - 1);
    return newSlot(this.partnerSlots, key, this.partners.length - 1, this.grids);
  }

  /**
   * The place (or partner) a row end names, by its key (`slot`), else by its name alone (`oneNamed`,
   * then filed under the key too); a regionless name among several places of it is noted. −1 for none.
   */
  private find(slots: Slots, key: string, byName: Map<string, number> | null, named: string | null, end: RowEnd, line: number, list: readonly (HomeEntry | Partner)[]): number {
    const found = this.slot(slots, key, end, list);
    if (found >= 0 || named === null || byName === null) return found;
    const one = oneNamed(byName, named, end, list);
    if (one >= 0) newSlot(slots, key, one, this.grids);
    else if (end.region === null && byName.get(named) === MANY) this.unsettled.push([line, end.name]);
    return one;
  }

  /**
   * The place of `key` the end belongs to: the first within `HOMONYM_KM` (or of unknown position —
   * the row then gives it its position); any, when the end has no position or gives an id; −1 for none.
   */
  private slot(slots: Slots, key: string, end: RowEnd, list: readonly PlaceFacts[]): number {
    const found = slots.get(key);
    if (found === undefined) return -1;
    if (typeof found === 'number') return end.at === null || end.id !== null || within(list[found] as PlaceFacts, end.at) ? found : -1;
    if (end.at === null || end.id !== null) return found[0] as number;
    if (found.length > LONG_SLOT) return nameGrid(this.grids, found, list).first(end.at);
    for (const i of found) if (within(list[i] as PlaceFacts, end.at)) return i;
    return -1;
  }

  /** Notes a row that gives an item (by id) coordinates far from those it was first given: the first are kept. */
  private checkPosition(place: HomeEntry | Partner, end: RowEnd, line: number): void {
    // (a row matched by name was matched within reach: only an id can bring a far position)
    if (end.id === null || end.at === null || place.lat === undefined || place.lon === undefined) return;
    const km = distanceKm(place as LatLon, end.at);
    if (km > HOMONYM_KM) this.farPositions.push([line, 'label' in place ? place.label : place.name, Math.round(km)]);
  }

  /** A warning per name read as several places because of their coordinates. */
  private reportHomonyms(slots: Slots, placeAt: (i: number) => HomeEntry | Partner, linesOf: (i: number) => number[]): void {
    for (const list of slots.values()) {
      if (typeof list === 'number') continue;
      const places = list.map((i) => placeAt(i));
      const first = places[0] as HomeEntry | Partner;
      const name = 'label' in first ? `${first.label}, ${first.location.join(', ')}` : first.name;
      let far = 0; // a loop, not Math.max(...): a name given at 200,000 points would overflow the stack
      for (let k = 1; k < places.length; k++) far = Math.max(far, distanceKm(first as LatLon, places[k] as LatLon));
      const shown = listed(places.map((p) => `${p.id} at ${p.lat?.toFixed(3)}, ${p.lon?.toFixed(3)}`), '; ');
      this.options.report('warning', 'homonym-split', list.flatMap((i) => linesOf(i)),
        `"${name}" is given with coordinates up to ${Math.round(far)} km apart: read as ${list.length} places (${shown})`);
    }
  }
}

/** What `LongChains.find` answers for an owner whose chain is short: walk it. */
const NOT_LONG = -2;
/** Pairs of one owner past which they are found through a map. */
const LONG_CHAIN = 32;

/** Per owner (a partner, or a domestic pair's lower place): its number of pairs and, once past LONG_CHAIN, its pairs by other end. */
class LongChains {
  private readonly counts: number[] = [];
  private readonly maps = new Map<number, Map<number, number>>();

  /** The pair of `owner` with `other`, −1 for none, or NOT_LONG when the owner's chain is short. */
  find(owner: number, other: number): number {
    const m = this.maps.get(owner);
    return m === undefined ? NOT_LONG : m.get(other) ?? -1;
  }

  /** Notes pair `pair` of `owner` with `other`; `chain` lists all the owner's pairs (this one included) when its map is made. */
  added(owner: number, other: number, pair: number, chain: () => [number, number][]): void {
    const m = this.maps.get(owner);
    if (m) { m.set(other, pair); return; }
    const n = (this.counts[owner] ?? 0) + 1;
    this.counts[owner] = n;
    if (n > LONG_CHAIN) this.maps.set(owner, new Map(chain()));
  }
}

/** Whether `place` has no position yet, or lies within HOMONYM_KM of `at`. */
function within(place: PlaceFacts, at: LatLon): boolean {
  return place.lat === undefined || place.lon === undefined || distanceKm(place as LatLon, at) <= HOMONYM_KM;
}

/** `placesNamed`'s mark of a name given to several places. */
const MANY = -1;

/** Records place `i` under its name: its position, or MANY once the name has two. */
function nameAgain(byName: Map<string, number>, named: string, i: number): void {
  byName.set(named, byName.has(named) ? MANY : i);
}

/** The name index of the places made so far (those given an id are found by it, not by name). */
function namesOf<T extends PlaceFacts>(list: readonly T[], nameOf: (place: T) => string): Map<string, number> {
  const byName = new Map<string, number>();
  for (let i = 0; i < list.length; i++) {
    const p = list[i] as T;
    if (p.wikidata === undefined && p.externalId === undefined) nameAgain(byName, nameOf(p), i);
  }
  return byName;
}

/**
 * The one place named `named` when the row end's region does not tell it apart from it — the end gives
 * no region, or the place was given none — and the end's position (if any) lies within reach; else −1.
 * Two regions that differ are two places (`Frankfurt, Hessen` and `Frankfurt, Brandenburg`).
 */
function oneNamed(byName: Map<string, number>, named: string, end: RowEnd, list: readonly (HomeEntry | Partner)[]): number {
  const i = byName.get(named);
  if (i === undefined || i === MANY) return -1;
  const place = list[i] as HomeEntry | Partner;
  // a home keeps its region as a fact; a partner in its location, before the country
  const regioned = 'location' in place ? place.location.length > 1 : place.region !== undefined;
  if (end.region !== null && regioned) return -1;
  return end.at === null || within(place, end.at) ? i : -1;
}

/** Records place `index` under `key` (a homonym when the key has one already; on its grid if it has one); `index`. */
function newSlot(slots: Slots, key: string, index: number, grids: Grids): number {
  const found = slots.get(key);
  if (found === undefined) slots.set(key, index);
  else if (typeof found === 'number') slots.set(key, [found, index]);
  else { found.push(index); grids.get(found)?.add(index); }
  return index;
}

/** Places of one name past which a row finds its place through a grid, not by trying each. */
const LONG_SLOT = 32;

/** The grids of a table's long slot lists, by list. */
type Grids = Map<number[], NameGrid>;

function nameGrid(grids: Grids, slot: number[], list: readonly PlaceFacts[]): NameGrid {
  let g = grids.get(slot);
  if (!g) { g = new NameGrid(list); for (const i of slot) g.add(i); grids.set(slot, g); }
  return g;
}

/**
 * The places of one name on a grid of cubes on the unit sphere's chords, a cube's side the chord of
 * HOMONYM_KM (a chord is never longer than its arc: a place within reach lies in one of the 27 cubes
 * around a point). `first(at)` answers what trying each in order would — the first within reach —
 * without trying each: a name given at 150,000 points made reading a table of them quadratic. Every
 * place of a name read as several has a position: a place without one takes any row with coordinates
 * (`within`), so a second place is only made once the first has one, and only from coordinates.
 */
class NameGrid {
  private readonly cells = new Map<number, number[]>();
  private static readonly SIDE = (HOMONYM_KM / 6371) * 1.01;

  constructor(private readonly list: readonly PlaceFacts[]) {}

  add(i: number): void {
    const p = this.list[i] as LatLon;
    const key = NameGrid.cell(p.lat, p.lon, 0, 0, 0);
    const c = this.cells.get(key);
    if (c) c.push(i); else this.cells.set(key, [i]);
  }

  /** The first place within reach of `at`, or −1. */
  first(at: LatLon): number {
    let best = Infinity;
    for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) for (let dz = -1; dz <= 1; dz++) {
      for (const i of this.cells.get(NameGrid.cell(at.lat, at.lon, dx, dy, dz)) ?? []) {
        if (i >= best) break; // each cube lists its places in order
        if (within(this.list[i] as PlaceFacts, at)) best = i;
      }
    }
    return best === Infinity ? -1 : best;
  }

  /** The key of the cube of (lat, lon), moved by (dx, dy, dz) cubes. */
  private static cell(lat: number, lon: number, dx: number, dy: number, dz: number): number {
    const f = Math.PI / 180, s = NameGrid.SIDE;
    const x = Math.floor((Math.cos(lat * f) * Math.cos(lon * f)) / s) + dx;
    const y = Math.floor((Math.cos(lat * f) * Math.sin(lon * f)) / s) + dy;
    const z = Math.floor(Math.sin(lat * f) / s) + dz;
    return ((x + 512) * 1024 + (y + 512)) * 1024 + (z + 512);
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
