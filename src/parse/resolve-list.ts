/**
 * Resolution of an assembled list: each district linked to its city, each partner's country resolved
 * to ISO 3166-1 with its flag codes reconciled, and the data-quality findings that need the whole
 * list. Its findings go to `report`, or are returned (quality findings, in their own order).
 *
 * @example
 *   const { countries, findings } = resolveList(assembler.finish(), { home: 'CN', demonym: 'Chinese', report });
 */
import type { Assembly } from './assemble-blocks.js';
import { resolveDistrictParents } from './district-parents.js';
import { qualityDiagnostics } from './quality.js';
import type { Reporter } from './reporter.js';
import { resolveCountries } from './resolve-countries.js';
import { homeWords } from './countries.js';
import type { CountryRecord, Diagnostic, Partner } from './types.js';

export interface ResolutionOptions {
  /** The home country, ISO alpha-2 (chooses the table of known districts). */
  home: string;
  /** The home country's adjective, for messages (`Chinese`, `German`). */
  demonym: string;
  report: Reporter;
}

/** Sets `parentId` on districts and `country`, `territory`, `subdivision` on partners; returns the country records and the quality findings. */
export function resolveList(assembly: Assembly, options: ResolutionOptions): { countries: CountryRecord[]; findings: Diagnostic[] } {
  const { homes, partners, links, linkPartner, facts } = assembly;
  resolveDistrictParents(homes, options.report, options.home);
  const countries = resolveCountries(partners, links, linkPartner, options.report);
  reportHomeCountryPartners(partners, options);
  const findings = qualityDiagnostics(homes, partners, facts, options.demonym);
  return { countries, findings };
}

/**
 * Partners in the home country itself (`- JPN Sapporo, Japan` under Kōbe: Japanese and German lists
 * hold domestic twinnings). The list has them as partners, so they stay partners — counted with the
 * foreign ones, which the report's words then overstate — and one warning lists their lines. (A table
 * keeps such pairs apart: `domestic-pairs`.)
 */
function reportHomeCountryPartners(partners: readonly Partner[], o: ResolutionOptions): void {
  const inHome = partners.filter((p) => p.country === o.home && p.territory === null);
  if (inHome.length === 0) return;
  const { name } = homeWords(o.home);
  o.report('warning', 'home-country-partner', inHome.flatMap((p) => p.lines),
    `${inHome.length === 1 ? 'a partner lies' : `${inHome.length} partners lie`} in ${name}, the home country (${inHome.slice(0, 3).map((p) => p.label).join('; ')}${inHome.length > 3 ? ' …' : ''}): ` +
    (inHome.length === 1 ? 'the list has it as a partner, so it is counted with the foreign ones' : 'the list has them as partners, so they are counted with the foreign ones'));
}
