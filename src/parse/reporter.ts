import type { DiagnosticCode, Severity } from './types.js';

/** How parsing stages report a finding: severity, code, the lines involved, a message. */
export type Reporter = (severity: Severity, code: DiagnosticCode, lines: number[], message: string) => void;
