/**
 * Offline geocoding of a data set: every home entry and partner gets coordinates with their
 * provenance, or null with the reason that nothing matched.
 *
 * Order of precedence, first that settles wins:
 *   1. `input`    coordinates given with the data (options.input, by id);
 *   2. `override` a row of the reviewed overrides file (options.overrides, by id);
 *   3. `geonames` the gazetteer (GeoNames): name + country —
 *      - country: the partner's territory (Réunion → RE) first, then its sovereign; the home country
 *        and then its territories (Macau → MO) for home entries; a UK home nation (GB-SCT) keeps candidates of that first-level division;
 *      - names: an alias row (country + name → GeoNames place or division), else the folded name
 *        (`placeKey`), its index variants without an East Asian suffix (`Goyang` ~ `Goyang-si`) and,
 *        when the name has area words, without them (`Antwerp Province` → `antwerp`); when none of
 *        these finds anything, a place of which it is an alternate name in GeoNames (another
 *        language's name or a former one: `München`, `Prag`, `Breslau`; match `alternate`);
 *      - a name with area words (Province, County, District …, or the qualifier `district`; not City)
 *        prefers a division (placed at its seat, see gazetteer.ts) over a town; any other name the reverse;
 *      - a qualifier, a part of the location, a home's region (table) or its section (`==Maine==`)
 *        naming a first-level division (`Suzhou, Jiangsu`;
 *        `Haeundae (Busan)`; `Portland, Maine, United States`; `Kansas City, KS, United States`:
 *        by name, or by a code of two or three letters) keeps the candidates inside it; when none
 *        lies inside it, the place is put at the division's seat (match `region`: `Minato` under
 *        ==Tokyo==, `Dongcheng (Beijing)`), its namesakes elsewhere kept as alternatives;
 *        a qualifier that is a town places a district nothing else finds at that town (`Dongdaemun
 *        (Seoul)` → Seoul: match `qualifier`);
 *      - a partner's label with its qualifier that GeoNames names as it is (`Frankfurt (Oder)`) is
 *        that place, before any alias of the bare name (`Frankfurt` → Frankfurt am Main);
 *      - among candidates, the most populous (then the higher-ranked feature code, then the lower
 *        GeoNames id); the others are kept as `alternatives` (most populous first).
 *   A home district inherits its city's placement (match `parent`).
 * Each placement names its first-level division (`admin1`, English names from GeoNames admin1) —
 * one with coordinates from the input that of the place found by name, when it lies within
 * DIVISION_RADIUS_KM of them; for a
 * home place in a territory of the home country (Macau) it is the territory.
 *
 * Reference: GeoNames (https://www.geonames.org), CC BY 4.0.
 *
 * @example
 *   geocodeDataset(ds, loadGazetteer()).partners['p:perth-scotland-united-kingdom']
 *   // { lat: 56.39522, lon: -3.43139, source: 'geonames', match: 'name', geonameId: 2640358,
 *   //   name: 'Perth', country: 'GB', admin1: { code: 'SCT', name: 'Scotland' }, candidates: 1, … }
 */
import { definedOnly } from '../util/defined-only.js';
import { countryByAlpha2, resolveCountryName, SOVEREIGN_OF } from '../parse/countries.js';
import { isRegionSection } from '../parse/assemble-blocks.js';
import type { Dataset, HomeEntry, Partner } from '../parse/types.js';
import type { Gazetteer, GazetteerPlace } from './gazetteer.js';
import { haversineKm } from './haversine.js';
import { placeKey, withoutAreaWords } from './place-key.js';
import type { PlaceAlias, PlaceOverride } from './reference-csv.js';

export type PlaceSource = 'input' | 'override' | 'geonames';
/** How a GeoNames placement was found. */
export type PlaceMatch = 'name' | 'suffix' | 'area-words' | 'alias' | 'alternate' | 'area' | 'qualifier' | 'region' | 'parent';

export interface PlaceCandidate {
  /** GeoNames id of the place, or of the division's seat. */
  geonameId: number;
  name: string;
  country: string;
  /** The division's code when the candidate is a division (`BE.VLG.VAN`), else null. */
  area: string | null;
  admin1: string;
  /** GeoNames feature code (PPL, PPLA, PPLC …); ADM1 / ADM2 for a division. */
  featureCode: string;
  population: number;
  lat: number;
  lon: number;
}

export interface Placement {
  lat: number | null;
  lon: number | null;
  source: PlaceSource | null;
  match: PlaceMatch | null;
  /** GeoNames id of the place (of the seat, for a division). */
  geonameId: number | null;
  /** The GeoNames name matched (the division's name for a division). */
  name: string | null;
  /** The country searched, as GeoNames codes it (territories have their own: RE). */
  country: string | null;
  /** First-level division (province, state, Land …), English name, or null where unknown. */
  admin1: { code: string; name: string } | null;
  /** The division matched, when the place is one (`BE.VLG.VAN`, `Provincie Antwerpen`). */
  area: { code: string; name: string } | null;
  /** Number of distinct candidates considered, one per point (a division counts apart from a town only when seated elsewhere); 0 when not geocoded. */
  candidates: number;
  /** The candidates not chosen, most populous first, at most options.maxAlternatives. */
  alternatives: PlaceCandidate[];
  /** The override's or input's source, in words; null for GeoNames. */
  note: string | null;
}

export interface GeocodeOptions {
  /** Coordinates given with the data, by id. Default: none. */
  input?: ReadonlyMap<string, { lat: number; lon: number; source?: string }> | null;
  /** Reviewed overrides (place-overrides.csv). Default: none. */
  overrides?: readonly PlaceOverride[] | null;
  /** Name aliases (place-aliases.csv). Default: none. */
  aliases?: readonly PlaceAlias[] | null;
  /** Alternatives kept per placement. Default 5. */
  maxAlternatives?: number;
}

export interface GeocodeResult {
  homes: Record<string, Placement>;
  partners: Record<string, Placement>;
  /** Ids with no coordinates, home entries first, in data-set order. */
  unplaced: string[];
  /** Ids placed by GeoNames with more than one candidate, in data-set order. */
  ambiguous: string[];
}

const DEFAULTS = { input: null, overrides: null, aliases: null, maxAlternatives: 5 } satisfies Required<GeocodeOptions>;

/** Qualifiers that say what kind of place it is rather than where it lies. */
const KIND_QUALIFIERS = new Set(['district', 'intercommunality', 'communaute', 'county', 'province', 'region', 'municipality', 'city']);
const FEATURE_RANK: Readonly<Record<string, number>> = { ADM1: 7, ADM2: 6, PPLC: 5, PPLA: 4, PPLA2: 3, PPLA3: 2, PPLA4: 1 };

export function geocodeDataset(ds: Dataset, gazetteer: Gazetteer, options: GeocodeOptions = {}): GeocodeResult {
  const o = { ...DEFAULTS, ...definedOnly(options) };
  if (!(Number.isInteger(o.maxAlternatives) && o.maxAlternatives >= 0)) throw new RangeError(`geo/geocode: maxAlternatives must be a whole number ≥ 0, got ${o.maxAlternatives}`);
  const ctx = new Context(gazetteer, o);
  const homes: Record<string, Placement> = {};
  for (const h of ds.homes) if (h.kind === 'city' || !h.parentId) homes[h.id] = ctx.home(h, ds.home);
  for (const h of ds.homes) {
    if (homes[h.id]) continue;
    const parent = homes[h.parentId as string];
    homes[h.id] = ctx.given(h.id) ?? (parent && parent.lat !== null ? { ...parent, match: parent.source === 'geonames' ? 'parent' : parent.match } : ctx.home(h, ds.home));
  }
  const partners: Record<string, Placement> = {};
  const unplaced: string[] = [], ambiguous: string[] = [], partnerPlacements: Placement[] = [];
  for (const p of ds.partners) partnerPlacements.push(partners[p.id] = ctx.partner(p));
  const note = (id: string, pl: Placement) => {
    if (pl.lat === null) unplaced.push(id);
    if (pl.source === 'geonames' && pl.candidates > 1) ambiguous.push(id);
  };
  for (const h of ds.homes) note(h.id, homes[h.id]!);
  ds.partners.forEach((p, j) => note(p.id, partnerPlacements[j]!));
  return { homes, partners, unplaced, ambiguous };
}

/** What every placement needs: the gazetteer, the tables by key, the options. */
class Context {
  private readonly overrides = new Map<string, PlaceOverride>();
  private readonly aliases = new Map<string, PlaceAlias>();

  constructor(private readonly g: Gazetteer, private readonly o: Required<GeocodeOptions>) {
    for (const r of o.overrides ?? []) this.overrides.set(r.id, r);
    for (const a of o.aliases ?? []) this.aliases.set(`${a.country}\t${placeKey(a.name)}`, a);
  }

  /** `placeKey` of a location part (a list repeats a few hundred of them over a million partners). */
  private readonly keys = new Map<string, string>();
  keyOf(part: string): string {
    let k = this.keys.get(part);
    if (k === undefined) { k = placeKey(part); this.keys.set(part, k); }
    return k;
  }

  /** Input or override coordinates for an id, or null. */
  given(id: string): Placement | null {
    const i = this.o.input?.get(id);
    if (i) return { ...EMPTY, lat: i.lat, lon: i.lon, source: 'input', note: i.source ?? null };
    const r = this.overrides.get(id);
    if (r) {
      const name = r.admin1 === undefined ? null : this.g.admin1Name(r.admin1);
      const admin1 = r.admin1 !== undefined && name !== null ? { code: r.admin1.slice(r.admin1.indexOf('.') + 1), name } : null;
      return { ...EMPTY, lat: r.lat, lon: r.lon, source: 'override', admin1, note: `${r.source}; ${r.reason}` };
    }
    return null;
  }

  home(h: HomeEntry, country: string): Placement {
    const countries = h.territory === undefined ? [country, ...territoriesOf(country)] : [h.territory, country];
    // The region a table gives and the section the list puts it in (`==Maine==`) narrow it as a partner's location does.
    // (A section of letters, `==A–C==`, names no region: never read as a code, `AL`, `CA`.)
    const where = [...(h.region === undefined ? [] : h.region.split(/\s*,\s*/)), ...(isRegionSection(h.section) ? [h.section as string] : [])];
    const byName = () => this.place(h.city, h.qualifier, countries, null, where, true);
    const given = this.given(h.id);
    const pl = (given && this.withGivenRegion(this.withDivision(given, byName), countries, where)) ?? byName() ?? EMPTY;
    // A home place in one of the country's territories (Macau, Hong Kong: provincial-level SARs of
    // China) has the territory itself as its first-level division.
    if (pl.country !== null && pl.country !== country) {
      const t = countryByAlpha2(pl.country);
      return { ...pl, admin1: { code: pl.country, name: t?.name ?? pl.country } };
    }
    return pl;
  }

  partner(p: Partner): Placement {
    // A qualifier naming a territory of the partner's country (`Saint-Denis (Réunion), France`) is searched first, as a territory written in the location is.
    const named = p.qualifier === null || p.territory !== null ? null : resolveCountryName(p.qualifier);
    const territory = named?.territory && named.sovereign.alpha2 === p.country ? named.territory.alpha2 : p.territory;
    const countries = [territory, p.country].filter((c, i, a): c is string => c !== null && a.indexOf(c) === i);
    const admin1 = p.subdivision?.startsWith('GB-') ? p.subdivision.slice(3) : null;
    // The parts of the location between the name and the country (`Portland, Maine, United States`;
    // a table's region column) narrow it as a qualifier does.
    const where = p.location.length > 1 ? p.location.slice(0, -1) : NO_PARTS;
    const byName = () => this.whole(p.label, p.qualifier, countries, admin1, where) ?? this.place(p.name, p.qualifier, countries, admin1, where);
    const given = this.given(p.id);
    return (given && this.withGivenRegion(this.withDivision(given, byName), countries, where)) ?? byName() ?? EMPTY;
  }

  /**
   * Coordinates from the input that no GeoNames place of the name lies near (and so took no division
   * from it) take the division the input's own region names, when GeoNames knows it (`Lombardia` →
   * Lombardy): a Wikidata point 45 km from GeoNames' Milan is still in Lombardy, as its row says.
   */
  private withGivenRegion(given: Placement, countries: readonly string[], where: readonly string[]): Placement {
    if (given.source !== 'input' || given.admin1 !== null || where.length === 0) return given;
    for (const country of given.country === null ? countries : [given.country]) {
      const [code] = this.divisionsNamed(country, null, where);
      const name = code === undefined ? null : this.g.admin1Name(`${country}.${code}`);
      if (code !== undefined && name !== null) return { ...given, country, admin1: { code, name } };
    }
    return given;
  }

  /**
   * Coordinates from the input (a Wikidata export) with the first-level division and country of the
   * place GeoNames finds by name, when that place lies within DIVISION_RADIUS_KM of them (the same
   * town: Wikidata's and GeoNames' points differ by a few km); else as they are, without a division.
   */
  private withDivision(given: Placement, byName: () => Placement | null): Placement {
    if (given.source !== 'input' || given.admin1 !== null) return given;
    const named = byName();
    if (named === null || named.lat === null || named.lon === null) return given;
    // The nearest of the name's candidates, not only the most populous (`Kirovsk` at 59.88, 30.99 is
    // the one in Leningrad Oblast, not the larger one in Murmansk Oblast).
    const away = (lat: number, lon: number) => haversineKm(given.lat as number, given.lon as number, lat, lon);
    let nearest: { country: string | null; admin1: Placement['admin1'] } = named, distance = away(named.lat, named.lon);
    for (const c of named.alternatives) {
      const d = away(c.lat, c.lon);
      if (d < distance) {
        const name = this.g.admin1Name(`${c.country}.${c.admin1}`);
        nearest = { country: c.country, admin1: name === null ? null : { code: c.admin1, name } };
        distance = d;
      }
    }
    return distance > DIVISION_RADIUS_KM ? given : { ...given, country: nearest.country, admin1: nearest.admin1 };
  }

  /**
   * A place GeoNames names with its qualifier (`Frankfurt (Oder)`, not the `Frankfurt` an alias
   * means): the label as a name, found as it is; null when the label has no qualifier or is no name.
   */
  private whole(label: string, qualifier: string | null, countries: readonly string[], admin1: string | null, where: readonly string[]): Placement | null {
    if (qualifier === null || KIND_QUALIFIERS.has(placeKey(qualifier))) return null;
    const pl = this.place(label, null, countries, admin1, where);
    return pl?.match === 'name' ? pl : null;
  }

  /**
   * The best GeoNames placement of `name` in the first of `countries` that has one, by its own name
   * first in every country, then by alternate names; `where`: location parts, as written, that may
   * name its first-level division; `within`: whether they say where the place lies for sure (a home's
   * section or region, as a qualifier does): a division they name with no place of the name puts it
   * at the division's seat — a partner's location part, which may be loose, narrows only where some
   * candidate lies.
   */
  private place(name: string, qualifier: string | null, countries: readonly string[], admin1: string | null, where: readonly string[] = [], within = false): Placement | null {
    const key = placeKey(name);
    const stripped = withoutAreaWords(key);
    const qualifierKey = qualifier === null ? null : placeKey(qualifier);
    const keys = stripped === null ? [key] : [key, stripped];
    const q: Query = { key, stripped, qualifierKey, admin1, where, within };
    for (const country of countries) {
      // A first-level division's alias (`Bayern`, `Sachsen`) names the division where no town bears the
      // name (Sachsen bei Ansbach is GeoNames' `Sachsen`): sections and location parts read it either way.
      const alias = this.aliases.get(`${country}\t${key}`);
      const divisionOnly = alias !== undefined && 'area' in alias.target && !alias.target.area.slice(country.length + 1).includes('.');
      if (alias && !(divisionOnly && this.g.lookup(country, key).places.length > 0)) {
        const c = 'geonameId' in alias.target ? this.placeCandidate(this.g.indexOfGeonameId(alias.target.geonameId)) : this.areaCandidate(this.g.indexOfArea(alias.target.area));
        if (!c) throw new Error(`geo/geocode: alias row ${alias.line} (${alias.country}, ${alias.name}) names ${JSON.stringify(alias.target)}, which the gazetteer lacks (or a division without a known seat)`);
        // An alias means the name as usually meant (`Washington` → D.C.), not where a division named says otherwise (`Washington, Utah`).
        if (this.divisionsNamed(country, qualifierKey, where).every((d) => d === c.admin1)) return this.placement(c, 'alias', [c]);
      }
      let places: PlaceCandidate[] = [], areas: PlaceCandidate[] = [], match: PlaceMatch = 'name';
      // `St.` in a German-speaking country is Sankt (`St. Augustin`, `St. Wendel`), as GeoNames writes it there.
      const variants = SANKT_COUNTRIES.has(country) && /\bsaint\b/.test(key) ? [...keys, key.replace(/\bsaint\b/g, 'sankt')] : keys;
      for (const k of variants) {
        const found = this.g.lookup(country, k);
        if (found.places.length === 0 && found.areas.length === 0) continue; // most names of a long list: nothing to add
        const ps = found.places.map((i) => this.placeCandidate(i)).filter((c): c is PlaceCandidate => c !== null);
        const as = found.areas.map((j) => this.areaCandidate(j)).filter((c): c is PlaceCandidate => c !== null);
        if (places.length === 0 && areas.length === 0 && ps.length + as.length > 0) match = k === stripped ? 'area-words' : 'name';
        places = union(places, ps); areas = union(areas, as);
      }
      if (places.length + areas.length === 0) continue;
      // The places whose alternate name it is join them when the name itself finds only divisions
      // named otherwise (`Venezia`: `Provincia di Venezia`, and Venice's Italian name) or none inside a
      // division the location names (`Mt. Vernon, New York`, when only other states' are found).
      const named = this.divisionsNamed(country, qualifierKey, where);
      const inNamed = (c: PlaceCandidate) => named.includes(c.admin1);
      let alternateIds: ReadonlySet<number> | null = null;
      if ((places.length === 0 && !areas.some((c) => placeKey(c.name) === key)) || (named.length > 0 && !places.some(inNamed) && !areas.some(inNamed))) {
        const had = new Set(places.map((c) => c.geonameId));
        const added = this.alternateCandidates(country, key).filter((c) => !had.has(c.geonameId));
        if (added.length > 0) { alternateIds = new Set(added.map((c) => c.geonameId)); places = [...places, ...added]; }
      }
      const best = this.best(q, country, places, areas, match, alternateIds);
      if (best) return best;
    }
    // No place or division of the name in any of the countries: one whose alternate name it is (`München`, `Prag`).
    for (const country of countries) {
      const places = this.alternateCandidates(country, key);
      const best = places.length > 0 ? this.best(q, country, places, [], 'alternate', null) : null;
      if (best) return best;
    }
    if (qualifierKey !== null && !KIND_QUALIFIERS.has(qualifierKey)) {
      for (const country of countries) {
        const town = this.place(qualifier as string, null, [country], admin1, where);
        if (town) return { ...town, match: 'qualifier' };
      }
    }
    return null;
  }

  /** The most populous place of `country` whose own name has the key `key`, or null. */
  private townNamed(country: string, key: string): PlaceCandidate | null {
    const ps = this.g.lookup(country, key).places.map((i) => this.placeCandidate(i)).filter((c): c is PlaceCandidate => c !== null);
    return ps.length === 0 ? null : ps.sort(byPopulation)[0]!;
  }

  private alternateCandidates(country: string, key: string): PlaceCandidate[] {
    return this.g.alternates(country, key).map((i) => this.placeCandidate(i)).filter((c): c is PlaceCandidate => c !== null);
  }

  /**
   * The placement of the best of the candidates `places` and `areas` of `q` in `country`, or null when
   * none is left (outside `admin1`, or outside a division a partner's location names).
   */
  private best(q: Query, country: string, places: PlaceCandidate[], areas: PlaceCandidate[], match: PlaceMatch, alternateIds: ReadonlySet<number> | null): Placement | null {
    const { key, stripped, qualifierKey, admin1 } = q;
    // `Davao City`, `Quebec City`: the word is dropped to match, but it names a town, not an area.
    const areaish = (stripped !== null && !key.split(' ').includes('city')) || (qualifierKey !== null && KIND_QUALIFIERS.has(qualifierKey));
    if (admin1 !== null) { places = places.filter((c) => c.admin1 === admin1); areas = areas.filter((c) => c.admin1 === admin1); }
    // Divisions the qualifier and the location name, each narrowing the candidates to those in it.
    const fromQualifier = qualifierKey === null ? null : this.admin1Named(country, qualifierKey);
    // A qualifier that is a town (`Chūō (Sapporo)`, `Kita (Kobe)`): its division narrows, and with no
    // place of the name in it the place is put at that town (a ward or district nothing else finds).
    const town = fromQualifier === null && qualifierKey !== null && !KIND_QUALIFIERS.has(qualifierKey) ? this.townNamed(country, qualifierKey) : null;
    const fromWhere = this.divisionsNamed(country, null, q.where);
    for (const d of [fromQualifier ?? town?.admin1 ?? null, ...fromWhere]) {
      if (d === null) continue;
      const ps = places.filter((c) => c.admin1 === d), as = areas.filter((c) => c.admin1 === d);
      if (ps.length + as.length > 0) { places = ps; areas = as; continue; }
      if (places.length + areas.length === 0) break;
      if (town !== null && d === town.admin1) return this.placement(town, 'qualifier', [town, ...places.sort(byPopulation), ...areas.sort(byPopulation)]);
      // None of the name lies in the division named (`Minato` under ==Tokyo==, only a Minato in
      // Wakayama known; `Dongcheng (Beijing)`): a qualifier, or a home's section or region, says the
      // place is there: at the division's seat, its namesakes elsewhere kept as alternatives. A
      // partner's location part may be loose (`Kyiv, Kyiv Oblast`: the city is a division of its own):
      // it narrows only where some candidate lies.
      if (d !== fromQualifier && !q.within) continue;
      const seat = this.areaCandidate(this.g.indexOfArea(`${country}.${d}`));
      return seat ? this.placement(seat, 'region', [seat, ...places.sort(byPopulation), ...areas.sort(byPopulation)]) : null;
    }
    places = places.sort(byPopulation); areas = areas.sort(byPopulation);
    // A division seated at a place already found is that place again: one candidate, not two.
    const seen = new Set<number>();
    const ordered = (areaish ? [...areas, ...places] : [...places, ...areas]).filter((c) => !seen.has(c.geonameId) && seen.add(c.geonameId));
    const best = ordered[0];
    if (!best) return null;
    const own = placeKey(best.name);
    const how = best.area !== null ? (areaish ? match : 'area') : alternateIds?.has(best.geonameId) ? 'alternate'
      : match === 'name' && own !== key && own !== key.replace(/\bsaint\b/g, 'sankt') ? 'suffix' : match;
    return this.placement(best, how, ordered);
  }

  private placement(best: PlaceCandidate, match: PlaceMatch, ordered: readonly PlaceCandidate[]): Placement {
    const a1 = this.g.admin1Name(`${best.country}.${best.admin1}`);
    return {
      lat: best.lat, lon: best.lon, source: 'geonames', match, geonameId: best.geonameId >= 0 ? best.geonameId : null, name: best.name, country: best.country,
      admin1: a1 === null ? null : { code: best.admin1, name: a1 },
      area: best.area === null ? null : { code: best.area, name: best.name },
      candidates: ordered.length,
      alternatives: ordered.filter((c) => c !== best).slice(0, this.o.maxAlternatives),
      note: null,
    };
  }

  private placeCandidate(i: number): PlaceCandidate | null {
    if (i < 0) return null;
    const p: GazetteerPlace = this.g.place(i);
    return { geonameId: p.geonameId, name: p.name, country: p.country, area: null, admin1: p.admin1, featureCode: p.featureCode, population: p.population, lat: p.lat, lon: p.lon };
  }

  /** A division as a candidate, at its seat; null when it has none. */
  private areaCandidate(j: number): PlaceCandidate | null {
    if (j < 0) return null;
    const a = this.g.area(j);
    if (a.seat < 0) return null;
    const s = this.g.place(a.seat);
    const from = a.code.indexOf('.') + 1, to = a.code.indexOf('.', from);
    return { geonameId: s.geonameId, name: a.name, country: a.country, area: a.code, admin1: a.code.slice(from, to < 0 ? undefined : to), featureCode: `ADM${a.level}`, population: s.population, lat: s.lat, lon: s.lon };
  }

  /** Codes of the first-level divisions of `country` that the qualifier and the location parts name. */
  private divisionsNamed(country: string, qualifierKey: string | null, where: readonly string[]): string[] {
    const out: string[] = [];
    for (const k of [qualifierKey, ...where.map((w) => this.keyOf(w))]) {
      const q = k === null ? null : this.admin1Named(country, k);
      if (q !== null) out.push(q);
    }
    return out;
  }

  /**
   * The code of the country's first-level division that `key` names: its name as GeoNames writes it,
   * a reviewed alias of it (`place-aliases.csv`: `Leningrad Oblast` for `Leningradskaya Oblast'`,
   * `Bayern` for `Bavaria`), its name without area words at either end (`Lviv Oblast`, `Region of
   * Murcia`, `Istanbul Province` for GeoNames' `Lviv`, `Murcia`, `Istanbul`), or its code when it has
   * two or three letters (`IL`, `D.C.`: GeoNames codes the US states by their postal abbreviations);
   * null when none.
   */
  private admin1Named(country: string, key: string): string | null {
    const k = `${country}\t${key}`;
    let code = this.divisions.get(k);
    if (code === undefined) {
      const level1 = (name: string | null): string | null => {
        if (name === null) return null;
        for (const j of this.g.lookup(country, name).areas) {
          const a = this.g.area(j);
          if (a.level === 1) return a.code.slice(a.code.indexOf('.') + 1);
        }
        return null;
      };
      const aliased = (name: string | null): string | null => {
        const alias = name === null ? undefined : this.aliases.get(`${country}\t${name}`)?.target;
        return alias && 'area' in alias && /^[A-Z]{2}\.[^.]+$/.test(alias.area) && alias.area.startsWith(`${country}.`) ? alias.area.slice(country.length + 1) : null;
      };
      const stripped = withoutAreaWords(key);
      code = level1(key) ?? aliased(key) ?? level1(stripped) ?? aliased(stripped);
      const letters = key.replace(/ /g, '').toUpperCase();
      if (code === null && /^[A-Z]{2,3}$/.test(letters) && this.g.admin1Name(`${country}.${letters}`) !== null) code = letters;
      this.divisions.set(k, code);
    }
    return code;
  }

  /** `admin1Named` by country and key: a list repeats its sections and location parts over every place. */
  private readonly divisions = new Map<string, string | null>();
}

const NO_PARTS: readonly string[] = [];

/** Countries whose `St.` is `Sankt`. */
const SANKT_COUNTRIES: ReadonlySet<string> = new Set(['DE', 'AT', 'CH', 'LI']);

/** What `place` looks for, as `best` reads it. */
interface Query {
  key: string;
  stripped: string | null;
  qualifierKey: string | null;
  /** A UK home nation's division (GB-SCT → SCT): only candidates in it. */
  admin1: string | null;
  where: readonly string[];
  /** Whether `where` says for sure where the place lies (a home's section or region). */
  within: boolean;
}

/** How near the place found by name must lie to coordinates from the input to lend them its division (km). */
export const DIVISION_RADIUS_KM = 30;

const EMPTY: Placement = {
  lat: null, lon: null, source: null, match: null, geonameId: null, name: null, country: null, admin1: null, area: null,
  candidates: 0, alternatives: [], note: null,
};

function byPopulation(a: PlaceCandidate, b: PlaceCandidate): number {
  return b.population - a.population || (FEATURE_RANK[b.featureCode] ?? 0) - (FEATURE_RANK[a.featureCode] ?? 0) || a.geonameId - b.geonameId;
}

/** `a` with the candidates of `b` it lacks (same place, or same division). */
function union(a: PlaceCandidate[], b: readonly PlaceCandidate[]): PlaceCandidate[] {
  if (b.length === 0) return a;
  if (a.length === 0) return [...b];
  const seen = new Set(a.map((c) => c.area ?? c.geonameId));
  return [...a, ...b.filter((c) => !seen.has(c.area ?? c.geonameId))];
}

let territories: Map<string, string[]> | null = null;

/** Dependent territories of a country, which GeoNames codes apart (CN → HK, MO). */
function territoriesOf(country: string): readonly string[] {
  if (territories === null) {
    territories = new Map();
    for (const t of Object.keys(SOVEREIGN_OF).sort()) {
      const s = SOVEREIGN_OF[t]!;
      territories.set(s, [...territories.get(s) ?? [], t]);
    }
  }
  return territories.get(country) ?? [];
}
