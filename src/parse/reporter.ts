import type { DiagnosticCode, Severity } from './types.js';

/** How parsing stages report a finding: severity, code, the lines involved, a message. */
export type Reporter = (severity: Severity, code: DiagnosticCode, lines: number[], message: string) => void;

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
