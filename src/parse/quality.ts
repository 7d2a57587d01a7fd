/**
 * Data-quality findings that need the whole list: identical partner lists, homonyms, near-duplicate
 * partner spellings, US partners without a state, headers outside their letter's section.
 */
import { homeNationSubdivision, resolveCountryName } from './countries.js';
import { foldName, foldNameCodes } from './fold-table.js';
import { hashCodes } from './hash-index.js';
import { listed, sortAscending } from './reporter.js';
import { foldLetters } from '../util/fold.js';
import type { HomeEntry, Diagnostic, Partner } from './types.js';
import usHomonyms from '../../data/reference/us-homonyms.json' with { type: 'json' };

/** US place names borne by several places of ≥ 20,000 inhabitants (GeoNames; scripts/make-us-homonyms.mjs). */
const US_HOMONYMS = usHomonyms as { minPopulation: number; names: Record<string, { state: string; population: number }[]> };

let usHomonymsByName: Map<string, { state: string; population: number }[]> | null = null;

/** The US places of ≥ 20,000 inhabitants named `name`, when several are (a Map: a partner's name is no interned string, and an object's key lookup would look it up among them). */
function usHomonymsNamed(name: string): { state: string; population: number }[] | undefined {
  usHomonymsByName ??= new Map(Object.entries(US_HOMONYMS.names));
  return usHomonymsByName.get(name);
}

/** Partner lists of at least this many partners are compared for identity. */
export const IDENTICAL_MIN_PARTNERS = 2;

/** What the parser knows of the partners beyond the data set, for the checks. */
export interface PartnerFacts {
  /**
   * Writes into `out` the positions in `partners` of the partners of the home entry at position
   * `homeIndex`, in any order (the same set as its `partnerIds`, cheaper to compare); returns their number.
   */
  positionsOf(homeIndex: number, out: Int32Array): number;
  /** Per partner (by position): the number of its location; the same location as written, the same number. */
  location: Int32Array;
  /** The locations as written after the name (`England, United Kingdom`), by number. */
  locations: readonly string[];
}

/**
 * The findings, in this order: identical partner lists, homonyms, near-duplicate partners, US names
 * without a state, section mismatches, empty blocks.
 */
export function qualityDiagnostics(home: readonly HomeEntry[], partners: readonly Partner[], facts: PartnerFacts, demonym: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  /** Adds a finding; `d.lines` is a fresh array, sorted here. */
  const push = (d: Omit<Diagnostic, 'line'>) => {
    const lines = sortAscending(d.lines);
    // as `{ ...d, lines, line }` would have it: `line` last
    out.push({ severity: d.severity, code: d.code, lines, message: d.message, line: lines[0] ?? null });
  };
  const partnerAt = (i: number) => partners[i] as Partner;

  // Home entries with the same set of partners.
  let positions = new Int32Array(16);
  const bySet = new KeyedGroups(home.length, (i, key) => {
    const n = (home[i] as HomeEntry).partnerIds.length;
    if (n < IDENTICAL_MIN_PARTNERS) return -1;
    if (positions.length < n) positions = new Int32Array(n * 2);
    const set = positions.subarray(0, facts.positionsOf(i, positions)).sort();
    for (let k = 0; k < set.length; k++) key[k] = set[k] as number;
    return set.length;
  });
  for (const group of bySet.groups(2).map((g) => g.map((i) => home[i] as HomeEntry))) {
    const n = group[0]?.partnerIds.length ?? 0;
    push({
      severity: 'info',
      code: 'identical-partner-lists',
      lines: group.map((c) => c.line),
      message: `${listed(group.map((c) => `"${c.name}"`), ' and ')} have identical partner lists (${n} partners each)`,
    });
  }

  // Same name in different places (Perth, Australia / Perth, Scotland).
  const byName = new KeyedGroups(partners.length, (i, key) => foldNameCodes(partnerAt(i).name, key));
  const nameGroups = byName.groups(2);
  // A location that says less of the same place (`Cardiff, Wales` beside `Cardiff, Wales, United
  // Kingdom`: one country, one or no subdivision, its other parts among the other's) is a variant of
  // the one place it fits, not another place: a warning of its own, and the homonym (when the name
  // still names several places) counts only the places that fit none.
  const variants: { lines: number[]; message: string }[] = [];
  for (const group of nameGroups) {
    const places = distinct(group, (i) => facts.location[i] as number);
    if (places.length < 2) continue;
    // A partner of each place; the places no other says more of; each other place's one fit, if one.
    const at = places.map((k) => group.find((i) => facts.location[i] === k) as number);
    const parts = at.map((i) => innerParts(partnerAt(i)));
    const lessOf = (a: number, b: number) => a !== b && saysLessOf(partnerAt(at[a] as number), partnerAt(at[b] as number), parts[a] as string[], parts[b] as string[]);
    // Pairs compared: a name of more than VARIANT_PLACES places (a hostile list's) is a homonym as it stands.
    const fullest = places.map((_, a) => places.length > VARIANT_PLACES || !places.some((__, b) => lessOf(a, b)));
    const variantOf = places.map((_, a) => {
      if (fullest[a]) return -1;
      const fits = places.map((__, b) => b).filter((b) => fullest[b] && lessOf(a, b));
      return fits.length === 1 ? (fits[0] as number) : -1; // fits several: a homonym, listed below
    });
    variantOf.forEach((b, a) => {
      if (b < 0) return;
      const [p, q] = [partnerAt(at[a] as number), partnerAt(at[b] as number)];
      variants.push({
        lines: linesOf(group.filter((i) => facts.location[i] === places[a] || facts.location[i] === places[b]), partners),
        message: `"${p.label}, ${p.location.join(', ')}" and "${q.label}, ${q.location.join(', ')}" may be one place, the first written with less of its location; kept apart — check whether they are one place`,
      });
    });
    if (variantOf.filter((b) => b < 0).length < 2) continue;
    push({
      severity: 'info',
      code: 'homonym',
      lines: linesOf(group, partners),
      message: `"${partnerAt(group[0] as number).name}" names ${places.length} different places: ${listed(places.map((k) => facts.locations[k] as string), '; ')}; kept apart`,
    });
  }
  for (const v of variants) push({ severity: 'warning', code: 'partner-location-variant', ...v });

  // Same place spelled differently (case, accents, punctuation): the same folded location and folded
  // name — the label's, when it has a qualifier. Partners without one fold alike only within a name
  // group above; they are joined by the qualified partners whose folded label is the group's name.
  const qualified: number[] = [];
  const isQualified = new Uint8Array(partners.length);
  partners.forEach((p, i) => {
    if (p.qualifier === null) return;
    qualified.push(i);
    isQualified[i] = 1;
  });
  const unqualified = (group: readonly number[]) => group.filter((i) => isQualified[i] === 0);
  const byLabel = new KeyedGroups(qualified.length, (j, key) => foldNameCodes(partnerAt(qualified[j] as number).label, key));
  /** Number of each location's folded form (`england united kingdom`), by location number. */
  const foldedLocation = new Int32Array(facts.locations.length).fill(-1);
  const foldedNumbers = new Map<string, number>();
  const foldedLocationOf = (i: number) => {
    const k = facts.location[i] as number;
    if (foldedLocation[k] === -1) {
      const folded = foldName(partnerAt(i).location.join(' '));
      foldedLocation[k] = foldedNumbers.get(folded) ?? foldedNumbers.size;
      foldedNumbers.set(folded, foldedLocation[k] as number);
    }
    return foldedLocation[k] as number;
  };
  /** Whether two partners without a qualifier in a short group have one folded location (true for long ones). */
  const repeatsLocation = (group: readonly number[]) => {
    if (group.length > 16) return true;
    for (let a = 0; a < group.length; a++) {
      if (isQualified[group[a] as number] === 1) continue;
      for (let b = a + 1; b < group.length; b++) {
        if (isQualified[group[b] as number] === 0 && foldedLocationOf(group[a] as number) === foldedLocationOf(group[b] as number)) return true;
      }
    }
    return false;
  };
  const nearDuplicates: number[][] = [];
  const findNearDuplicates = (group: readonly number[]) => {
    if (group.length < 2 || distinct(group, foldedLocationOf).length === group.length) return;
    for (const same of groupBy(group, foldedLocationOf)) if (same.length > 1) nearDuplicates.push(same);
  };
  /** Qualified partners (positions) by the first partner of the name group (of two or more) their folded label names. */
  const labelled = new Map<number, number[]>();
  const key: number[] = [];
  for (const labelGroup of byLabel.groups()) {
    const group = labelGroup.map((j) => qualified[j] as number);
    const named = byName.get(key, foldNameCodes(partnerAt(group[0] as number).label, key));
    if (named.length > 1) labelled.set(named[0] as number, group);
    else findNearDuplicates(mergeAscending(unqualified(named), group));
  }
  for (const group of nameGroups) {
    const label = labelled.get(group[0] as number);
    if (label) findNearDuplicates(mergeAscending(unqualified(group), label));
    else if (repeatsLocation(group)) findNearDuplicates(unqualified(group));
  }
  // in the order of their first partners, as if grouped in one pass over the partners
  nearDuplicates.sort((a, b) => (a[0] as number) - (b[0] as number));
  for (const group of nearDuplicates) {
    const written = group.map((i) => `${partnerAt(i).label}, ${facts.locations[facts.location[i] as number]}`);
    // Written alike (a table's rows with different ids, one of them none): said so, not "case or accents".
    const alike = written.every((w) => w === written[0]);
    push({
      severity: 'warning',
      code: 'near-duplicate-partner',
      lines: linesOf(group, partners),
      message: alike
        ? `"${written[0]}" is written alike ${group.length === 2 ? 'twice' : `${group.length} times`}, with different ids (or none); kept apart — check whether they are one place`
        : `${listed(written.map((w) => `"${w}"`), ' and ')} differ only in case, accents or punctuation; kept apart — check whether they are one place`,
    });
  }

  // Home entries whose headers differ only in case, accents or punctuation (`Aachen` / `AACHEN`, `Köln` /
  // `Koln`): two entries, as written; said, as for partners.
  const byHeader = new KeyedGroups(home.length, (i, key) => foldNameCodes((home[i] as HomeEntry).name, key));
  for (const g of byHeader.groups(2).map((group) => group.map((i) => home[i] as HomeEntry))) {
    // a table's namesakes in different regions are written alike: places apart, not spellings
    if (g.every((c) => c.name === g[0]?.name)) continue;
    push({
      severity: 'warning',
      code: 'near-duplicate-home',
      lines: g.map((c) => c.line),
      message: `${listed(g.map((c) => `"${c.name}"`), ' and ')} differ only in case, accents or punctuation; kept apart as ${demonym} entries — check whether they are one place`,
    });
  }

  // US partners without a state whose name several sizeable US places bear (Wilmington DE / NC).
  partners.forEach((p) => {
    if (p.country !== 'US' || p.location.length > 1) return;
    const places = usHomonymsNamed(p.name);
    if (!places) return;
    const where = places.map((x) => `${x.state} (${x.population.toLocaleString('en-US')})`).join(', ');
    const merged = p.homeIds.length >= 2;
    push({
      severity: merged ? 'warning' : 'info',
      code: 'us-name-without-state',
      lines: [...p.lines],
      message: `"${p.label}, United States" gives no state, and ${places.length} US places of at least ${US_HOMONYMS.minPopulation.toLocaleString('en-US')} inhabitants bear that name: ${where}` +
        (merged ? `; its ${p.homeIds.length} ${demonym} partners are treated as one place, which may be wrong` : ''),
    });
  });

  // Header outside its letter's section (after folding accents and the letters decomposition leaves
  // whole: Ürümqi and Đà Nẵng stand under U and D; a Dutch name's elided article is passed over:
  // 's-Hertogenbosch stands under H).
  for (const c of home) {
    if (c.section === null || c.section.length !== 1) continue;
    const folded = foldLetters(foldName(c.name));
    const first = (/^['’‘]/.test(c.name) ? folded.replace(/^[st] /, '') : folded).charAt(0).toUpperCase();
    if (first !== c.section.toUpperCase()) {
      push({
        severity: 'info',
        code: 'section-mismatch',
        lines: [c.line],
        message: `"${c.name}" stands in section ${c.section}`,
      });
    }
  }

  for (const c of home) {
    if (c.partnerIds.length === 0) {
      push({ severity: 'warning', code: 'empty-block', lines: [c.line], message: `${demonym} city "${c.name}" has no partner lines` });
    }
  }
  return out;
}

/**
 * Items 0 … count-1 grouped by a key that is a sequence of numbers — `keyOf(item, key)` writes it into
 * `key` and returns its length, or -1 to leave the item out. The items are sorted by the hashes of
 * their keys (a radix sort: no Map, no key strings), and those whose hashes agree compared by key.
 * Groups list their items in order. (Plain arrays, not typed ones: allocating tens of megabytes
 * outside the heap this late makes V8 collect the whole heap.)
 */
export class KeyedGroups {
  /** The items with a key, by hash of the key (equal hashes: in order), and the hashes in that order. */
  private readonly order: number[];
  private readonly hashes: number[];
  /** Scratch keys. */
  private readonly key: number[] = [];
  private readonly other: number[] = [];

  constructor(private readonly count: number, private readonly keyOf: (item: number, key: number[]) => number) {
    const items = new Array<number>(count);
    const hashes = new Array<number>(count);
    let length = 0;
    for (let i = 0; i < count; i++) {
      const n = keyOf(i, this.key);
      if (n < 0) continue;
      items[length] = i;
      hashes[length++] = hashCodes(this.key, n);
    }
    items.length = length;
    hashes.length = length;
    [this.order, this.hashes] = sortByHash(items, hashes);
  }

  /** The groups of at least `min` items, in the order of their first items. */
  groups(min = 1): number[][] {
    const { order, hashes, count } = this;
    // Runs of items with one hash; a run of two or more is checked by key. The keys are read in item
    // order (the items' data front to back, not at random), each against its run's first item's.
    const runOf = new Int32Array(count).fill(-1);
    const runs: number[] = [];
    for (let start = 0, end = 0; start < order.length; start = end) {
      end = start + 1;
      while (end < order.length && hashes[end] === hashes[start]) end++;
      if (end - start >= 2 && end - start >= min) {
        for (let k = start; k < end; k++) runOf[order[k] as number] = runs.length;
        runs.push(start);
      }
    }
    /** Per run: the first item's key (from keyAt, keyLength long; length -1 until read), and whether another item's key differs. */
    const keyAt = new Int32Array(runs.length), keyLength = new Int32Array(runs.length).fill(-1), mixed = new Uint8Array(runs.length);
    let keys = new Int32Array(1024), used = 0;
    const key = this.key;
    for (let i = 0; i < count; i++) {
      const r = runOf[i] as number;
      if (r < 0 || mixed[r] === 1) continue;
      const n = this.keyOf(i, key);
      const length = keyLength[r] as number;
      if (length < 0) {
        if (used + n > keys.length) { const more = new Int32Array(Math.max(2 * keys.length, used + n)); more.set(keys.subarray(0, used)); keys = more; }
        for (let c = 0; c < n; c++) keys[used + c] = key[c] as number;
        keyAt[r] = used; keyLength[r] = n; used += n;
      } else if (n !== length || !sameAt(key, keys, keyAt[r] as number, n)) {
        mixed[r] = 1;
      }
    }
    // The groups, in the order of their first items (each item is the first of one group at most).
    const groupOfFirst = runOf.fill(-1);
    const found: number[][] = [];
    for (let start = 0, end = 0, r = 0; start < order.length; start = end) {
      end = start + 1;
      while (end < order.length && hashes[end] === hashes[start]) end++;
      if (end - start < min) continue;
      const split = end - start === 1 ? [[order[start] as number]] : mixed[r++] === 1 ? this.split(start, end) : [order.slice(start, end)];
      for (const group of split) {
        if (group.length < min) continue;
        groupOfFirst[group[0] as number] = found.length;
        found.push(group);
      }
    }
    const sorted = new Array<number[]>(found.length);
    for (let i = 0, g = 0; i < count; i++) if ((groupOfFirst[i] as number) >= 0) sorted[g++] = found[groupOfFirst[i] as number] as number[];
    return sorted;
  }

  /** The items whose key is the first `n` numbers of `key` (empty when none). */
  get(key: readonly number[], n: number): number[] {
    const hash = hashCodes(key, n) >>> 0;
    let low = 0;
    let high = this.order.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.hashes[mid] as number) >>> 0 < hash) low = mid + 1; else high = mid;
    }
    const out: number[] = [];
    for (let k = low; k < this.order.length && (this.hashes[k] as number) >>> 0 === hash; k++) {
      const item = this.order[k] as number;
      if (this.keyOf(item, this.other) === n && sameNumbers(this.other, key, n)) out.push(item);
    }
    return out;
  }

  /** The items of `order[start, end)` (one hash) split by key, each group in order. */
  private split(start: number, end: number): number[][] {
    if (end - start === 1) return [[this.order[start] as number]];
    // mostly they all have one key
    const n = this.keyOf(this.order[start] as number, this.other);
    let k = start + 1;
    while (k < end && this.keyOf(this.order[k] as number, this.key) === n && sameNumbers(this.key, this.other, n)) k++;
    if (k === end) return [this.order.slice(start, end)];
    const groups: number[][] = [];
    const keys: number[][] = [];
    for (let k = start; k < end; k++) {
      const item = this.order[k] as number;
      const n = this.keyOf(item, this.key);
      const g = keys.findIndex((other) => other.length === n && sameNumbers(other, this.key, n));
      if (g >= 0) (groups[g] as number[]).push(item);
      else {
        keys.push(this.key.slice(0, n));
        groups.push([item]);
      }
    }
    return groups;
  }
}

/**
 * `items` and their `hashes` (parallel) sorted by hash, as unsigned numbers — items with equal hashes
 * stay in their order (a stable radix sort, a byte at a time).
 */
function sortByHash(items: number[], hashes: number[]): [number[], number[]] {
  let fromItems = items;
  let fromHashes = hashes;
  let toItems = new Array<number>(items.length).fill(0);
  let toHashes = new Array<number>(items.length).fill(0);
  const counts = new Array<number>(257);
  for (let shift = 0; shift < 32; shift += 8) {
    counts.fill(0);
    for (let k = 0; k < fromHashes.length; k++) {
      const bucket = (((fromHashes[k] as number) >>> shift) & 0xff) + 1;
      counts[bucket] = (counts[bucket] as number) + 1;
    }
    for (let b = 0; b < 256; b++) counts[b + 1] = (counts[b + 1] as number) + (counts[b] as number);
    for (let k = 0; k < fromHashes.length; k++) {
      const h = fromHashes[k] as number;
      const bucket = (h >>> shift) & 0xff;
      const to = counts[bucket] as number;
      counts[bucket] = to + 1;
      toItems[to] = fromItems[k] as number;
      toHashes[to] = h;
    }
    [fromItems, toItems] = [toItems, fromItems];
    [fromHashes, toHashes] = [toHashes, fromHashes];
  }
  return [fromItems, fromHashes];
}

/** Whether the first `n` numbers of `a` are `b[at, at + n)`. */
function sameAt(a: readonly number[], b: Int32Array, at: number, n: number): boolean {
  for (let i = 0; i < n; i++) if (a[i] !== b[at + i]) return false;
  return true;
}

/** Whether the first `n` numbers of `a` and `b` are the same. */
function sameNumbers(a: readonly number[], b: readonly number[], n: number): boolean {
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Whether partner `p`'s location says less of `q`'s place: one country (and territory), at most one
 * UK home nation between them, and p's other parts (folded) among q's: fewer of them, its nation
 * left out, or as many written shorter (`Paris, France` of `Paris, Île-de-France, France`; `Cardiff,
 * Wales` of `Cardiff, Wales, United Kingdom`). `mine`, `theirs`: p's and q's `innerParts`.
 */
function saysLessOf(p: Partner, q: Partner, mine: readonly string[], theirs: readonly string[]): boolean {
  if (p.country === null || p.country !== q.country || p.territory !== q.territory) return false;
  // Two countries written differently say one only when both are names of it (not a flag code's guess).
  const known = (x: Partner) => resolveCountryName(x.countryWritten) !== null || homeNationSubdivision(x.countryWritten) !== null;
  if (p.countryWritten !== q.countryWritten && !(known(p) && known(q))) return false;
  if (p.subdivision !== null && p.subdivision !== q.subdivision) return false;
  if (!mine.every((part) => theirs.includes(part))) return false;
  if (mine.length < theirs.length || (p.subdivision === null && q.subdivision !== null)) return true;
  // As much said of it, written otherwise (`Wales` / `Wales, United Kingdom`; `UK` / `United
  // Kingdom`): the shorter (then the first in code-unit order) counts as saying less.
  const [a, b] = [p.location.join(', '), q.location.join(', ')];
  return p.subdivision === q.subdivision && (p.location.length - q.location.length || a.length - b.length || (a < b ? -1 : a > b ? 1 : 0)) < 0;
}

/** The parts of a partner's location before its country, but a UK home nation, folded. */
function innerParts(x: Partner): string[] {
  return x.location.slice(0, -1).filter((part) => homeNationSubdivision(part) === null).map(foldName);
}

/** Places of one name compared pairwise for location variants; a name of more is a homonym as it stands. */
const VARIANT_PLACES = 200;

/** The distinct values of `of(item)` over the items, in order of first appearance. */
function distinct(items: readonly number[], of: (item: number) => number): number[] {
  const out: number[] = [];
  const seen = items.length > 16 ? new Set<number>() : null;
  for (const item of items) {
    const v = of(item);
    if (seen ? seen.has(v) : out.includes(v)) continue;
    seen?.add(v);
    out.push(v);
  }
  return out;
}

/** The lines of the partners at these positions, one partner after the other. */
function linesOf(positions: readonly number[], partners: readonly Partner[]): number[] {
  const out: number[] = [];
  for (const i of positions) {
    const lines = (partners[i] as Partner).lines;
    for (let k = 0; k < lines.length; k++) out.push(lines[k] as number);
  }
  return out;
}

/** Items grouped by `keyOf`, the groups in order of their first items. */
function groupBy(items: readonly number[], keyOf: (item: number) => number): number[][] {
  const groups = new Map<number, number[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item); else groups.set(key, [item]);
  }
  return [...groups.values()];
}

/** Two ascending lists merged into one. */
function mergeAscending(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && (a[i] as number) < (b[j] as number))) out.push(a[i++] as number);
    else out.push(b[j++] as number);
  }
  return out;
}
