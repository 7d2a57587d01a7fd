import type { DiagnosticCode, Severity } from './types.js';

/** How parsing stages report a finding: severity, code, the lines involved, a message. */
export type Reporter = (severity: Severity, code: DiagnosticCode, lines: number[], message: string) => void;

/** Items a message lists (its lines give every one): a hostile list's name of 20,000 places made a 549 kB message. */
export const LISTED = 12;

/** The first LISTED of `items` joined by `sep`, and how many more (`a; b … and 7 more`). */
export function listed(items: readonly string[], sep: string): string {
  return items.length <= LISTED ? items.join(sep) : `${items.slice(0, LISTED).join(sep)} … and ${items.length - LISTED} more`;
}

/** An ascending copy of line numbers. */
export function sortedCopy(lines: readonly number[]): number[] {
  return sortAscending([...lines]);
}

/** Sorts line numbers in place, ascending (and does nothing when they already are); returns them. */
export function sortAscending(lines: number[]): number[] {
  for (let i = 1; i < lines.length; i++) {
    if ((lines[i] as number) < (lines[i - 1] as number)) return lines.sort((a, b) => a - b);
  }
  return lines;
}
