/**
 * Country resolution over a whole list: each partner's country as written → ISO (sovereign,
 * territory, UK subdivision), each flag code reconciled with it, the codes' oddities reported, and
 * the country records aggregated. See `countries.ts` for the lookups themselves.
 */
import {
  countryByAlpha2, homeNationSubdivision, readFlagCode, regionOf, resolveCountryName, sovereignAlpha2,
} from './countries.js';
import type { CodeReading } from './countries.js';
import type { Reporter } from './reporter.js';
import type { CountryRecord, Link, Partner } from './types.js';
import { append } from '../util/append.js';

/**
 * Resolves each partner's country (name as written → ISO), reconciles flag codes, and aggregates the
 * country records. Sets `country`, `territory`, `subdivision` on the partners. `linkPartner` holds
 * the position in `partners` of each link's partner.
 */
export function resolveCountries(partners: Partner[], links: Link[], linkPartner: Int32Array, report: Reporter): CountryRecord[] {
  const records = new Map<string, CountryRecord>();
  /** Lines of each flag code that matched, by country, then by code. */
  const codeLines = new Map<string, Map<string, { code: string; lines: number[] }>>();
  const nonIso = new Map<string, { lines: number[]; standard: string; country: string }>();
  const ambiguous = new Map<string, { lines: number[]; readings: string[]; chosen: string }>();
  const territories = new Map<string, { lines: number[]; territory: string; sovereign: string }>();
  /** Lines of the partners whose country name is unknown, and the first such partner, by name. */
  const unknownNames = new Map<string, { lines: number[]; first: Partner }>();

  for (let i = 0; i < partners.length; i++) {
    const p = partners[i] as Partner;
    const named = resolveCountryName(p.countryWritten);
    // `Cardiff, Wales`: a UK home nation written as the country (Wikipedia's lists often do).
    const nation = named ? null : homeNationSubdivision(p.countryWritten);
    p.country = named?.sovereign.alpha2 ?? (nation ? 'GB' : null);
    p.territory = named?.territory?.alpha2 ?? null;
    readLocationParts(p);
    if (nation) p.subdivision = nation;
    if (p.territory) {
      const t = territories.get(p.territory) ?? { lines: [], territory: p.territory, sovereign: p.country ?? '?' };
      append(t.lines, p.lines);
      territories.set(p.territory, t);
    }
    if (!named && !nation) {
      const u = unknownNames.get(p.countryWritten);
      if (u) append(u.lines, p.lines); else unknownNames.set(p.countryWritten, { lines: [...p.lines], first: p });
    }
  }

  for (let i = 0; i < links.length; i++) {
    const link = links[i] as Link;
    const p = partners[linkPartner[i] as number] as Partner;
    let record = records.get(p.countryWritten);
    if (!record) {
      record = newRecord(p);
      records.set(p.countryWritten, record);
    }
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
    // The code names the territory, or the sovereign of a territory the location tail names
    // (`FRA Saint-Denis, Réunion, France`).
    const exact = exactReading(readings, p.territory ?? p.country, p.subdivision)
      ?? (p.territory === null ? undefined : exactReading(readings, p.country, p.subdivision));
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
      let byCode = codeLines.get(p.country);
      if (!byCode) {
        byCode = new Map();
        codeLines.set(p.country, byCode);
      }
      let c = byCode.get(link.code);
      if (!c) {
        c = { code: link.code, lines: [] };
        byCode.set(link.code, c);
      }
      c.lines.push(link.line);
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

  for (const [written, { lines: lineNos, first: p }] of unknownNames) {
    // the first partner written with that country: all of them are unknown alike
    const fallback = p.country ? ` (resolved from its flag code to ${p.country})` : '';
    report('error', 'unknown-country', lineNos, `country "${written}" is not an ISO 3166 country name${fallback}`);
  }
  for (const [code, e] of nonIso) {
    const what = e.standard === 'ioc' ? 'an IOC code' : 'a FIFA home-nation code';
    report('info', 'non-iso-code', e.lines, `flag code ${code} is ${what}, not ISO 3166-1 alpha-3 (${e.country}); ${e.lines.length} line(s)`);
  }
  for (const [code, a] of ambiguous) {
    report('info', 'code-ambiguous', a.lines, `flag code ${code} reads differently by standard (${a.readings.join('; ')}); the country written settles it: ${a.chosen}`);
  }
  for (const [country, byCode] of codeLines) {
    const codes = [...byCode.values()];
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

/**
 * What the parts of a partner's location before its country say: a UK home nation (`England` →
 * subdivision GB-ENG) or a territory of its country (`Saint-Denis, Réunion, France` → RE). Sets them on `p`.
 */
export function readLocationParts(p: Partner): void {
  for (let k = 0; k < p.location.length - 1; k++) {
    const part = p.location[k] as string;
    const sub = homeNationSubdivision(part);
    if (sub && p.country === 'GB') p.subdivision = sub;
    const inner = resolveCountryName(part);
    if (inner?.territory && inner.sovereign.alpha2 === p.country) p.territory = inner.territory.alpha2;
  }
}

/** The reading of a code that is the partner's country (or territory), in a compatible subdivision. */
function exactReading(readings: readonly CodeReading[], target: string, subdivision: string | null): CodeReading | undefined {
  for (let i = 0; i < readings.length; i++) {
    const r = readings[i] as CodeReading;
    if (r.country.alpha2 === target && (r.subdivision === null || r.subdivision === subdivision || subdivision === null)) return r;
  }
  return undefined;
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
