/** Options shared by the commands that analyse: parsed and checked once. */
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { AnalysisOptions } from '../analysis/analyze.js';
import { WEIGHT_KINDS } from '../analysis/projection/project.js';
import type { WeightKind } from '../analysis/projection/project.js';

export function integer(name: string, min = 0) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < min) throw new InvalidArgumentError(`${name} must be an integer ≥ ${min}, got "${value}"`);
    return n;
  };
}

export function positive(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!(n > 0) || !Number.isFinite(n)) throw new InvalidArgumentError(`${name} must be a positive number, got "${value}"`);
    return n;
  };
}

export function openUnit(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!(n > 0 && n < 1)) throw new InvalidArgumentError(`${name} must be a number between 0 and 1 (exclusive), got "${value}"`);
    return n;
  };
}

export function oneOf<T extends string>(name: string, allowed: readonly T[]) {
  return (value: string): T => {
    if (!(allowed as readonly string[]).includes(value)) throw new InvalidArgumentError(`${name} must be one of ${allowed.join(', ')}, got "${value}"`);
    return value as T;
  };
}

export interface AnalysisFlags {
  seed?: number;
  districts?: 'separate' | 'merge';
  resolution?: number;
  runs?: number;
  weight?: WeightKind;
  alpha?: number;
}

export function addAnalysisOptions(cmd: Command): Command {
  return cmd
    .option('--seed <n>', 'seed of every random choice (default 42)', integer('--seed'))
    .option('--districts <mode>', 'separate | merge: keep district entries apart or fold them into their city', oneOf('--districts', ['separate', 'merge'] as const))
    .option('--resolution <gamma>', 'Louvain resolution γ (default 1; larger → smaller communities)', positive('--resolution'))
    .option('--runs <n>', 'seeds per community detection, for stability (default 10)', integer('--runs', 1))
    .option('--alpha <a>', 'significance level for shared-partner pairs, in (0, 1) (default 0.05)', openUnit('--alpha'));
}

export function analysisOptions(flags: AnalysisFlags): AnalysisOptions {
  return {
    seed: flags.seed, districts: flags.districts, resolution: flags.resolution, runs: flags.runs,
    alpha: flags.alpha, communityWeight: flags.weight,
  };
}

export { WEIGHT_KINDS };
