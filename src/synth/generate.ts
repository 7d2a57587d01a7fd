/**
 * Seeded generator of synthetic sister-city lists, written in the exact text format of the seed
 * (`data/raw/china-sister-cities.txt`, Wikipedia's "List of twin towns and sister cities in China"):
 *
 *   = List of twin towns and sister cities in China =
 *   (blank) intro sentence (blank)
 *   ==A==
 *   Anqing
 *   (blank)
 *   - USA Calabasas, United States
 *   - TUR Kütahya, Turkey
 *   (blank)
 *   ...
 *
 * Model (one bipartite graph, Chinese entries × foreign partners):
 *
 * - Chinese side: entries are added one at a time, each with degree
 *   d = min(150, max(1, round(exp(μ + σ·Z)))), Z ~ N(0, 1), μ = 1.49, σ = 1.18 (a log-normal fitted to
 *   the seed: 164 entries, mean degree 8.6). Entries are added until the number of links reaches
 *   round(1407 · scale); the last entry's degree is cut so that the total is exactly that number.
 *   The number of entries therefore grows with `scale` (≈ 164 · scale).
 * - Foreign side: Simon's preferential-attachment process. For each link, with probability
 *   α = 1204/1407 a new partner is opened; otherwise an existing partner is chosen with probability
 *   proportional to its current degree, by drawing a uniform earlier link (the link array holds one
 *   partner id per link, so sampling is O(1)). A partner already linked to the current entry is
 *   redrawn up to 5 times, then a new partner is opened instead. The expected share of partners with
 *   exactly one Chinese partner is 1/(2 − α) ≈ 0.874 (seed: ≈ 0.87).
 *   Reference: H. A. Simon (1955), "On a class of skew distribution functions", Biometrika 42,
 *   425–440, doi:10.1093/biomet/42.3-4.425.
 * - Each new partner gets a country from {@link COUNTRIES} (43 of the seed's `CODE|Country` pairs,
 *   weighted by their link counts in the seed, Japan and the United States first) and a
 *   syllable-built name, unique within its country, with non-ASCII letters and apostrophes mixed in
 *   (`Kö'varo`, `Ñasetu`) and sometimes a parenthesised qualifier (`Dalimo (district)`).
 * - Chinese names are pinyin-like syllables, unique, with an apostrophe before a vowel-initial
 *   syllable (`Xi'an`); about 6% of entries are districts `Parent – District` (en dash) of an
 *   earlier entry, listed right after it.
 *
 * Output: `==Letter==` sections in alphabetical order, entries sorted within a section (by parent,
 * then district), partner lines sorted by name then country (plain UTF-16 code-unit order, so the
 * text does not depend on the locale). Randomness comes only from `createRng(seed)`; the same options
 * give the same text byte for byte.
 *
 * @example
 *   const { text, stats } = generateList({ scale: 1 });
 *   // stats.links === 1407, stats.seed === 42; text starts with '= List of twin towns'
 */
import { capitalise } from '../util/capitalise.js';
import { createRng, DEFAULT_SEED, type Rng } from '../util/rng.js';

export interface GenerateOptions {
  /** Size relative to the seed: 1 ≈ 1,407 links, 1000 ≈ 1.4 M links. Any positive finite number. */
  scale: number;
  /** Seed for `createRng`; default {@link DEFAULT_SEED} (42). */
  seed?: number;
}

export interface GeneratedStats {
  /** Entries in the list (header lines), districts included. */
  homeEntries: number;
  /** Distinct foreign partners. */
  partners: number;
  /** Partner lines, i.e. edges of the bipartite graph. */
  links: number;
  /** Distinct partner countries. */
  countries: number;
  seed: number;
}

export interface GeneratedList {
  text: string;
  stats: GeneratedStats;
}

/** Seed-fitted model parameters. */
export const MODEL = {
  seedLinks: 1407,
  seedPartners: 1204,
  mu: 1.49,
  sigma: 1.18,
  maxDegree: 150,
  /** Redraws of an existing partner before a new one is opened instead. */
  resamples: 5,
  districtProbability: 0.06,
  qualifierProbability: 0.04,
  apostropheProbability: 0.08,
} as const;

export const TITLE = '= List of twin towns and sister cities in China =';
export const INTRO =
  'This is a list of places in China which have standing links to local communities in other countries ' +
  'known as "town twinning" (usually in Europe) or "sister cities" (usually in the rest of the world).';

/** `[flag code, country as written in the seed, links in the seed]`. */
export const COUNTRIES: readonly (readonly [string, string, number])[] = [
  ['JPN', 'Japan', 136], ['USA', 'United States', 132], ['RUS', 'Russia', 92], ['KOR', 'South Korea', 77],
  ['AUS', 'Australia', 58], ['GER', 'Germany', 52], ['FRA', 'France', 42], ['CAN', 'Canada', 40],
  ['BRA', 'Brazil', 34], ['ENG', 'England, United Kingdom', 33], ['ITA', 'Italy', 30], ['TUR', 'Turkey', 22],
  ['FIN', 'Finland', 21], ['THA', 'Thailand', 20], ['POL', 'Poland', 20], ['PHL', 'Philippines', 20],
  ['MEX', 'Mexico', 20], ['NZL', 'New Zealand', 19], ['ISR', 'Israel', 19], ['PAK', 'Pakistan', 17],
  ['RSA', 'South Africa', 16], ['IDN', 'Indonesia', 16], ['HUN', 'Hungary', 16], ['ESP', 'Spain', 15],
  ['BLR', 'Belarus', 15], ['ARG', 'Argentina', 14], ['UKR', 'Ukraine', 13], ['ROU', 'Romania', 13],
  ['NED', 'Netherlands', 13], ['DEN', 'Denmark', 13], ['BUL', 'Bulgaria', 13], ['POR', 'Portugal', 12],
  ['KGZ', 'Kyrgyzstan', 12], ['CHL', 'Chile', 12], ['MAR', 'Morocco', 10], ['KHM', 'Cambodia', 10],
  ['IND', 'India', 10], ['VIE', 'Vietnam', 9], ['MYS', 'Malaysia', 9], ['BEL', 'Belgium', 9],
  ['NAM', 'Namibia', 8], ['GRC', 'Greece', 8], ['AUT', 'Austria', 8],
];

// Repeated entries weight the draw.
const PINYIN_INITIALS = ['b', 'p', 'm', 'f', 'd', 't', 'n', 'l', 'g', 'k', 'h', 'j', 'q', 'x', 'zh', 'ch', 'sh',
  'r', 'z', 'c', 's', 'y', 'w', '', ''];
const PINYIN_FINALS = ['a', 'ai', 'an', 'ang', 'ao', 'e', 'ei', 'en', 'eng', 'i', 'ian', 'iang', 'iao', 'in',
  'ing', 'ong', 'ou', 'u', 'uan', 'un', 'uo', 'ui'];
const ONSETS = ['k', 't', 's', 'n', 'm', 'r', 'l', 'v', 'b', 'd', 'g', 'h', 'p', 'f', 'z', 'w', 'y', 'ch', 'sh',
  'tr', 'br', 'st', 'k', 't', 's', 'n', 'm', 'r', 'l', 'ñ', 'š', 'ł', 'ż', ''];
const VOWELS = [...'aeiouaeiouaeiouaeioua', ...'öüéåøáíãō'];
const CODAS = ['', '', '', '', 'n', 'r', 's', 'l', 'k', 'm'];
const QUALIFIERS = ['district', 'county', 'prefecture', 'municipality', 'region', 'province', 'borough'];

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Standard normal draw (Box–Muller, one value per call). */
function normal(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

/** Pinyin-like name; apostrophe before a vowel-initial syllable that is not the first (`Xi'an`). */
function pinyinName(rng: Rng, syllables: number): string {
  let name = '';
  for (let i = 0; i < syllables; i++) {
    const initial = pick(rng, PINYIN_INITIALS);
    if (i > 0 && initial === '') name += "'";
    name += initial + pick(rng, PINYIN_FINALS);
  }
  return capitalise(name);
}

/** Foreign-looking name with non-ASCII letters, sometimes an apostrophe between syllables. */
function foreignWord(rng: Rng, syllables: number): string {
  let word = '';
  for (let i = 0; i < syllables; i++) {
    if (i > 0 && rng() < MODEL.apostropheProbability) word += "'";
    word += pick(rng, ONSETS) + pick(rng, VOWELS) + (i === syllables - 1 ? pick(rng, CODAS) : '');
  }
  return capitalise(word);
}

/**
 * Set of names kept as 53-bit hashes in an open-addressing table (linear probing, doubled at half
 * load): about 16 bytes a name, against ~60 for a `Set<string>`, and no string hashing by V8. Equal
 * names have equal hashes, so a hash not yet present proves the name new; a collision between two
 * different names only costs one more draw.
 */
class NameHashes {
  private keys = new Float64Array(1024);
  private count = 0;

  /** Adds `name` (under `group`) and returns true if its hash was not present. */
  add(group: number, name: string): boolean {
    // the group goes through one multiplication first, so that (group, first letter) pairs cannot cancel
    let h1 = Math.imul(0x811c9dc5 ^ group, 0x01000193), h2 = Math.imul(0x9747b28c ^ group, 0x5bd1e995);
    for (let i = 0; i < name.length; i++) {
      const c = name.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    const key = (h1 >>> 0) * 2097152 + (h2 >>> 11) + 1; // 1 … 2^53, 0 marks an empty slot
    if (!this.insert(key)) return false;
    if (++this.count * 2 > this.keys.length) this.grow();
    return true;
  }

  private insert(key: number): boolean {
    const mask = this.keys.length - 1;
    for (let slot = Math.floor(key / 2097152) & mask; ; slot = (slot + 1) & mask) {
      const present = this.keys[slot];
      if (present === key) return false;
      if (present === 0) { this.keys[slot] = key; return true; }
    }
  }

  private grow(): void {
    const old = this.keys;
    this.keys = new Float64Array(old.length * 2);
    for (const key of old) if (key !== 0) this.insert(key);
  }
}

/** Draws names from `draw(extraSyllables)` until one is new in `group`; longer names after 8 misses. */
function uniqueName(used: NameHashes, group: number, draw: (extra: number) => string): string {
  for (let attempt = 0; ; attempt++) {
    const name = draw(attempt < 8 ? 0 : attempt - 7);
    if (used.add(group, name)) return name;
  }
}

/** Generates a synthetic list of about `1407 · scale` links in the seed's text format. */
export function generateList(options: GenerateOptions): GeneratedList {
  const { scale } = options;
  const seed = options.seed ?? DEFAULT_SEED;
  if (typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 0) {
    throw new TypeError(`generate: scale must be a positive finite number, got ${scale}`);
  }
  const rng = createRng(seed);
  const target = Math.max(1, Math.round(MODEL.seedLinks * scale));
  const newPartnerProbability = MODEL.seedPartners / MODEL.seedLinks;

  const totalWeight = COUNTRIES.reduce((sum, [, , w]) => sum + w, 0);
  const cumulative: number[] = [];
  let running = 0;
  for (const [, , w] of COUNTRIES) cumulative.push((running += w) / totalWeight);

  // Partners: id → name, country index; names unique per country (the country is the hash group).
  const partnerName: string[] = [];
  const partnerCountry = new Uint8Array(target);
  const usedForeign = new NameHashes();
  const openPartner = (): number => {
    const u = rng();
    let country = 0;
    while (country < cumulative.length - 1 && u >= (cumulative[country] ?? 1)) country++;
    const name = uniqueName(usedForeign, country, (extra) => {
      const base = foreignWord(rng, 2 + Math.floor(rng() * 2) + extra);
      if (rng() >= MODEL.qualifierProbability) return base;
      const qualifier = rng() < 0.5 ? pick(rng, QUALIFIERS) : foreignWord(rng, 2);
      return `${base} (${qualifier})`;
    });
    partnerCountry[partnerName.length] = country;
    partnerName.push(name);
    return partnerName.length - 1;
  };

  // Links: partner id per link, in creation order (also the preferential-attachment urn).
  const linkPartner = new Int32Array(target);
  const lastEntryOf = new Int32Array(target).fill(-1);
  const entryParent: string[] = [];
  const entryDistrict: string[] = [];
  const entryEnd: number[] = [];
  const topLevel: string[] = [];
  const usedHome = new NameHashes();

  let links = 0;
  while (links < target) {
    const entry = entryParent.length;
    if (topLevel.length > 0 && rng() < MODEL.districtProbability) {
      const parent = pick(rng, topLevel);
      const full = uniqueName(usedHome, 0, (extra) => `${parent} – ${pinyinName(rng, 2 + extra)}`);
      entryParent.push(parent);
      entryDistrict.push(full.slice(parent.length + 3));
    } else {
      const name = uniqueName(usedHome, 0, (extra) => pinyinName(rng, (rng() < 0.8 ? 2 : 3) + extra));
      entryParent.push(name);
      entryDistrict.push('');
      topLevel.push(name);
    }
    const drawn = Math.round(Math.exp(MODEL.mu + MODEL.sigma * normal(rng)));
    const degree = Math.min(Math.max(1, Math.min(MODEL.maxDegree, drawn)), target - links);
    for (let k = 0; k < degree; k++) {
      let partner = -1;
      if (links > 0 && rng() >= newPartnerProbability) {
        for (let attempt = 0; attempt < MODEL.resamples && partner < 0; attempt++) {
          const candidate = linkPartner[Math.floor(rng() * links)] as number;
          if (lastEntryOf[candidate] !== entry) partner = candidate;
        }
      }
      if (partner < 0) partner = openPartner();
      lastEntryOf[partner] = entry;
      linkPartner[links++] = partner;
    }
    entryEnd.push(links);
  }

  // Text: sections by first letter, entries by (parent, district), partner lines by (name, country).
  const order = entryParent.map((_, i) => i);
  order.sort((a, b) =>
    compare(entryParent[a] as string, entryParent[b] as string) ||
    compare(entryDistrict[a] as string, entryDistrict[b] as string));
  const byName = (a: number, b: number): number =>
    compare(partnerName[a] as string, partnerName[b] as string) ||
    compare((COUNTRIES[partnerCountry[a] as number] as readonly [string, string, number])[1],
      (COUNTRIES[partnerCountry[b] as number] as readonly [string, string, number])[1]);

  const lines: string[] = [TITLE, '', INTRO, ''];
  const ids: number[] = [];
  let letter = '';
  for (const i of order) {
    const parent = entryParent[i] as string, district = entryDistrict[i] as string;
    if (parent.charAt(0) !== letter) { letter = parent.charAt(0); lines.push(`==${letter}==`); }
    lines.push(district === '' ? parent : `${parent} – ${district}`, '');
    ids.length = 0;
    for (let k = i === 0 ? 0 : (entryEnd[i - 1] as number); k < (entryEnd[i] as number); k++) ids.push(linkPartner[k] as number);
    ids.sort(byName);
    for (const p of ids) {
      const [code, country] = COUNTRIES[partnerCountry[p] as number] as readonly [string, string, number];
      lines.push(`- ${code} ${partnerName[p] as string}, ${country}`);
    }
    lines.push('');
  }
  lines.pop(); // the seed ends with the last partner line and one newline

  const countriesUsed = new Set(partnerCountry.subarray(0, partnerName.length)).size;
  return {
    text: lines.join('\n') + '\n',
    stats: { homeEntries: entryParent.length, partners: partnerName.length, links, countries: countriesUsed, seed },
  };
}
