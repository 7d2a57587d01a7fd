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
import type { CountryRecord, Diagnostic } from './types.js';

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
  const findings = qualityDiagnostics(homes, partners, facts, options.demonym);
  return { countries, findings };
}
