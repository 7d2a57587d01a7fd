/**
 * The columns of a link table by role. A header is recognised by the alias table below (case, spaces,
 * `_`, `-` and a leading `?` ignored: `Partner Country`, `partner_country` and `?partnerCountry` are
 * one name), or mapped explicitly with `--columns role=header,…`. A column of a name role (`home`,
 * `partner`) whose cells are Wikidata items is taken as the id of that side (the Wikidata Query
 * Service names the item `?home` and its label `?homeLabel`).
 *
 * @example
 *   columnsOf(['city', 'country', 'twin', 'twin country'], []).get('partner-country') // [3]
 *   parseColumnsSpec('home=origincityLabel,partner=sistercityLabel').get('home') // 'origincityLabel'
 */
import { UsageError } from '../../util/errors.js';
import { isWikidataId } from './cells.js';

export const TABLE_ROLES = [
  'home', 'home-country', 'partner', 'partner-country',
  'home-id', 'partner-id', 'home-region', 'partner-region',
  'home-lat', 'home-lon', 'partner-lat', 'partner-lon', 'home-coordinates', 'partner-coordinates',
  'home-population', 'partner-population', 'start', 'end', 'code',
] as const;
export type TableRole = (typeof TABLE_ROLES)[number];

export const REQUIRED_ROLES: readonly TableRole[] = ['home', 'home-country', 'partner', 'partner-country'];

/**
 * Header names of each role, folded (lower case, letters and digits only): English and Wikidata's
 * first, then the plain words of German, French, Spanish, Portuguese, Italian, Dutch and Polish
 * tables (`Stadt`, `Partnerstadt`, `Land`, `seit`; `ville`, `ville jumelle`, `pays`; `cidade`,
 * `cidade irmã`, `país`, `ano`). Where several columns of one table match a role, the one listed
 * first is read first and the next fills its empty or unresolvable cells (`partnerCountryLabel`,
 * then `partnerCountryIso`).
 */
export const COLUMN_ALIASES: Readonly<Record<TableRole, readonly string[]>> = {
  'home': ['home', 'homelabel', 'homename', 'homecity', 'city', 'citylabel', 'cityname', 'town', 'townlabel', 'municipality', 'municipalitylabel', 'origin', 'origincity', 'origincitylabel', 'originlabel', 'place', 'placelabel', 'item', 'itemlabel', 'stadt', 'gemeinde', 'ort', 'kommune', 'ville', 'commune', 'ciudad', 'municipio', 'cidade', 'citta', 'comune', 'stad', 'gemeente', 'miasto', 'gmina'],
  'home-country': ['homecountry', 'homecountrylabel', 'homecountryname', 'country', 'countrylabel', 'countryname', 'citycountry', 'citycountrylabel', 'origincountry', 'origincountrylabel', 'homecountryiso', 'homecountrycode', 'countryiso', 'countrycode', 'origincountryiso', 'origincountrycode', 'land', 'staat', 'pays', 'pais', 'paese', 'stato', 'kraj', 'panstwo'],
  'partner': ['partner', 'partnerlabel', 'partnername', 'partnercity', 'partnercitylabel', 'twin', 'twinlabel', 'twincity', 'twincitylabel', 'twintown', 'twintownlabel', 'twinned', 'twinnedlabel', 'sister', 'sisterlabel', 'sistercity', 'sistercitylabel', 'destination', 'destinationcity', 'destinationcitylabel', 'destinationlabel', 'partnerstadt', 'partnerstadte', 'partnerstaedte', 'partnergemeinde', 'partnerort', 'partnerkommune', 'villejumelle', 'villejumelee', 'villepartenaire', 'jumelage', 'ciudadhermana', 'ciudadhermanada', 'cidadeirma', 'cidadegeminada', 'cittagemellata', 'gemellaggio', 'partnerstad', 'zusterstad', 'miastopartnerskie'],
  'partner-country': ['partnercountry', 'partnercountrylabel', 'partnercountryname', 'twincountry', 'twincountrylabel', 'sistercountry', 'sistercountrylabel', 'sistercitycountry', 'sistercitycountrylabel', 'destinationcountry', 'destinationcountrylabel', 'partnercountryiso', 'partnercountrycode', 'twincountryiso', 'twincountrycode', 'destinationcountryiso', 'destinationcountrycode', 'partnerland', 'partnerstaat', 'payspartenaire', 'paysjumelle', 'paisirma', 'paishermano', 'paishermana', 'paesegemellato', 'krajpartnera'],
  'home-id': ['homeid', 'homeitem', 'homeqid', 'homewikidata', 'cityid', 'cityitem', 'cityqid', 'originid', 'originitem', 'itemid', 'qid', 'wikidata', 'id'],
  'partner-id': ['partnerid', 'partneritem', 'partnerqid', 'partnerwikidata', 'twinid', 'twinitem', 'twinqid', 'sistercityid', 'sistercityitem', 'destinationid', 'destinationitem'],
  'home-region': ['homeregion', 'homeregionlabel', 'homestate', 'homeprovince', 'region', 'regionlabel', 'state', 'province', 'originregion', 'bundesland', 'etat', 'departement', 'estado', 'provincia', 'regione', 'wojewodztwo', 'provincie', 'comunidadautonoma', 'comunidad', 'kanton', 'canton', 'prefecture', 'landkreis', 'kreis', 'regiao'],
  'partner-region': ['partnerregion', 'partnerregionlabel', 'partnerstate', 'partnerprovince', 'twinregion', 'twinstate', 'destinationregion'],
  'home-lat': ['homelat', 'homelatitude', 'lat', 'latitude', 'citylat', 'citylatitude', 'originlat', 'originlatitude', 'breite', 'breitengrad', 'latitudine', 'latitud', 'breedtegraad', 'szerokosc', 'szerokoscgeograficzna'],
  'home-lon': ['homelon', 'homelng', 'homelong', 'homelongitude', 'lon', 'lng', 'long', 'longitude', 'citylon', 'citylng', 'citylong', 'citylongitude', 'originlon', 'originlng', 'originlong', 'originlongitude', 'lange', 'laenge', 'langengrad', 'laengengrad', 'longitudine', 'longitud', 'lengtegraad', 'dugosc', 'dugoscgeograficzna'],
  'partner-lat': ['partnerlat', 'partnerlatitude', 'twinlat', 'twinlatitude', 'sistercitylat', 'destinationlat', 'destinationlatitude'],
  'partner-lon': ['partnerlon', 'partnerlng', 'partnerlong', 'partnerlongitude', 'twinlon', 'twinlng', 'twinlong', 'twinlongitude', 'sistercitylon', 'sistercitylong', 'destinationlon', 'destinationlng', 'destinationlong', 'destinationlongitude'],
  'home-coordinates': ['homecoord', 'homecoords', 'homecoordinates', 'coord', 'coords', 'coordinates', 'citycoord', 'origincoord'],
  'partner-coordinates': ['partnercoord', 'partnercoords', 'partnercoordinates', 'twincoord', 'twincoordinates', 'destinationcoord'],
  'home-population': ['homepopulation', 'population', 'citypopulation', 'originpopulation'],
  'partner-population': ['partnerpopulation', 'twinpopulation', 'destinationpopulation'],
  'start': ['start', 'starttime', 'startdate', 'startyear', 'since', 'year', 'date', 'signed', 'established', 'twinnedsince', 'seit', 'jahr', 'datum', 'depuis', 'annee', 'desde', 'ano', 'anno', 'dal', 'sinds', 'jaar', 'rok', 'od'],
  'end': ['end', 'endtime', 'enddate', 'endyear', 'until', 'ended', 'bis', 'jusqua', 'hasta', 'ate', 'fino', 'tot', 'do'],
  'code': ['code', 'flagcode', 'partnercode'],
};

/** Country headers that say nothing of the side (`country`, `Land`, `pays`): read by their place in the header. */
const BARE_COUNTRY: ReadonlySet<string> = new Set(['country', 'countrylabel', 'countryname', 'countryiso', 'countrycode', 'land', 'staat', 'pays', 'pais', 'paese', 'stato', 'kraj', 'panstwo']);

/** A header folded for the alias table: lower case, letters and digits only (`?Partner_Country` → `partnercountry`). */
export function foldHeader(h: string): string {
  return h.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Role → the columns read for it, in order. */
export type ColumnMap = Map<TableRole, number[]>;

/**
 * `--columns role=header,…` → role → header as written. A `UsageError` for a part without `=`, an
 * unknown role or a role given twice. (Header names with a comma cannot be mapped; none of the known
 * downloads has one.)
 */
export function parseColumnsSpec(spec: string): Map<TableRole, string> {
  const out = new Map<TableRole, string>();
  for (const part of spec.split(',')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) throw new UsageError(`--columns: "${part}" is not role=header (roles: ${TABLE_ROLES.join(', ')})`);
    const role = part.slice(0, eq).trim() as TableRole;
    if (!TABLE_ROLES.includes(role)) throw new UsageError(`--columns: unknown role "${role}" (roles: ${TABLE_ROLES.join(', ')})`);
    if (out.has(role)) throw new UsageError(`--columns: role ${role} given twice`);
    out.set(role, part.slice(eq + 1).trim());
  }
  if (out.size === 0) throw new UsageError(`--columns: no role=header pair given (roles: ${TABLE_ROLES.join(', ')})`);
  return out;
}

/**
 * The columns of each role: those `explicit` names (matched as written, else case-insensitively), and
 * the others recognised by the alias table among the columns not mapped explicitly. `sample` rows
 * decide whether a name column holds Wikidata items. A `UsageError` listing the header when an
 * explicit name is not in it, or naming the column when two roles are given one.
 */
export function columnsOf(header: readonly string[], sample: readonly (readonly string[])[], explicit: Map<TableRole, string> = new Map()): ColumnMap {
  const map: ColumnMap = new Map();
  const taken = new Set<number>();
  for (const [role, name] of explicit) {
    let k = header.indexOf(name);
    if (k < 0) k = header.findIndex((h) => h.toLowerCase() === name.toLowerCase());
    if (k < 0) throw new UsageError(`--columns: the table has no column "${name}" (for ${role}); its header: ${header.map((h) => `"${h}"`).join(', ')}`);
    const other = [...map].find(([, ks]) => ks[0] === k)?.[0];
    if (other !== undefined) throw new UsageError(`--columns: column "${header[k]}" is given to two roles (${other} and ${role}); each role needs a column of its own`);
    map.set(role, [k]);
    taken.add(k);
  }
  const folded = header.map(foldHeader);
  for (const role of TABLE_ROLES) {
    if (map.has(role)) continue;
    const found: number[] = [];
    for (const alias of COLUMN_ALIASES[role]) {
      folded.forEach((f, k) => { if (f === alias && !taken.has(k) && !found.includes(k)) found.push(k); });
    }
    if (found.length > 0) map.set(role, found);
  }
  // Columns of items under a name role are that side's ids (`?home` beside `?homeLabel`).
  for (const side of ['home', 'partner'] as const) {
    const names = map.get(side);
    if (!names || explicit.has(side)) continue;
    // Wikidata items, or — beside a column of names — any IRI or blank node (a query's own `?home`)
    const ids = names.filter((k) => holdsItems(sample, k, isWikidataId) || (names.length > 1 && holdsItems(sample, k, isIri)));
    if (ids.length === 0) continue;
    const rest = names.filter((k) => !ids.includes(k));
    if (rest.length > 0) map.set(side, rest); else map.delete(side);
    if (!map.has(`${side}-id`)) map.set(`${side}-id`, ids);
  }
  // A bare country column (`country`, `Land`, `pays`) after the partner's name, with no partner-country
  // column, is the partner's: `Stadt, Partnerstadt, Land`; `city, country, partner, country`.
  const partnerAt = map.get('partner')?.[0], homeCountries = map.get('home-country');
  if (partnerAt !== undefined && homeCountries && !map.has('partner-country') && !explicit.has('home-country')) {
    const after = homeCountries.filter((k) => k > partnerAt && BARE_COUNTRY.has(folded[k] as string));
    if (after.length > 0) {
      map.set('partner-country', after);
      const rest = homeCountries.filter((k) => !after.includes(k));
      if (rest.length > 0) map.set('home-country', rest); else map.delete('home-country');
    }
  }
  // A column is read for one role only: the first that claims it.
  const claimed = new Set<number>();
  for (const role of TABLE_ROLES) {
    const cols = map.get(role);
    if (!cols) continue;
    const own = cols.filter((k) => !claimed.has(k));
    own.forEach((k) => claimed.add(k));
    if (own.length > 0) map.set(role, own); else map.delete(role);
  }
  return map;
}

/** Whether the non-empty cells of column `k` in `sample` are all Wikidata items (and there is at least one). */
/** An IRI (`http://example.org/aachen`, `urn:x`) or a blank node (`_:b0`): an id, not a name. */
const isIri = (cell: string): boolean => /^(?:[a-z][a-z0-9+.-]*:\/\/\S+|urn:\S+|_:\S+)$/i.test(cell) || isWikidataId(cell);

/** Whether every non-empty cell of column `k` in `sample` (and at least one) is an id by `test`. */
function holdsItems(sample: readonly (readonly string[])[], k: number, test: (cell: string) => boolean): boolean {
  let seen = 0;
  for (const row of sample) {
    const cell = row[k]?.trim() ?? '';
    if (cell === '') continue;
    if (!test(cell)) return false;
    seen++;
  }
  return seen > 0;
}
