/** Options shared by the commands that read a list and those that analyse: parsed and checked once. */
import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { ANALYSIS_DEFAULTS } from '../analysis/analyze.js';
import type { AnalysisOptions } from '../analysis/analyze.js';
import { LIST_FORMATS } from '../parse/formats/index.js';
import { WEIGHT_KINDS } from '../analysis/projection/project.js';
import type { WeightKind } from '../analysis/projection/project.js';

/** An integer option in [min, max]; `max` for options whose cost grows with them beyond any use (a typo of 10⁶ seeds is not a run). */
export function integer(name: string, min = 0, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    // decimal digits only: `Number` reads '' and ' ' as 0, '0x10' as 16, '1e3' as 1000
    const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      throw new InvalidArgumentError(max === Number.MAX_SAFE_INTEGER
        ? `${name} must be an integer ≥ ${min}, got "${value}"`
        : `${name} must be an integer from ${min} to ${max.toLocaleString('en-US')}, got "${value}"`);
    }
    return n;
  };
}

/** Largest values of the options whose work grows with them: seeds (pairwise comparisons: quadratic), null samples, layout iterations. */
export const OPTION_LIMITS = { runs: 1_000, nullSamples: 1_000_000, layoutIterations: 100_000 } as const;

/**
 * Largest seed: the random numbers fold a seed to 32 bits (`util/rng.ts`), so a larger one adds
 * nothing, and seed + run − 1 (each Louvain run's seed) stays a safe integer.
 */
export const MAX_SEED = 2 ** 32 - 1;

/**
 * Largest Louvain resolution: far beyond any use (from γ ≈ 2m / min kᵢkⱼ on, every node is its own
 * community), and Q stays a number a reader can take in (γ = 1e308 printed Q = −5e+307).
 */
export const MAX_RESOLUTION = 1_000;

/** Largest `generate --scale`: 2.8 million links (a 73 MB list), twice the benchmark's largest. */
export const MAX_SCALE = 2_000;

/** A positive number at most `max`. */
export function positiveAtMost(name: string, max: number) {
  return (value: string): number => {
    const n = positive(name)(value);
    if (n > max) throw new InvalidArgumentError(`${name} must be a positive number up to ${max.toLocaleString('en-US')}, got "${value}"`);
    return n;
  };
}

/** `value` as a decimal number (`0.5`, `.5`, `1e-3`), else NaN: not '' (0 to `Number`), nor hexadecimal, binary or `Infinity`. */
const decimal = (value: string): number => (/^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(value) ? Number(value) : NaN);

export function positive(name: string) {
  return (value: string): number => {
    const n = decimal(value);
    if (!(n > 0) || !Number.isFinite(n)) throw new InvalidArgumentError(`${name} must be a positive number, got "${value}"`);
    return n;
  };
}

export function openUnit(name: string) {
  return (value: string): number => {
    const n = decimal(value);
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

/** How to read the input list (see `readList`). */
export interface InputFlags {
  /** Input format id, or `auto`. */
  format?: string;
  /** Home country, ISO alpha-2 or alpha-3 (checked by `readList`: an unknown code is a UsageError). */
  home?: string;
  /** Tables: columns by role, `role=header,…`. */
  columns?: string;
}

/** `outputFormats`: a command that also writes a chosen format (export) takes those names in `--format` too. */
export function addInputOptions(cmd: Command, outputFormats: readonly string[] = []): Command {
  const inputs = `auto | ${LIST_FORMATS.map((f) => f.id).join(' | ')}`;
  const help = outputFormats.length === 0
    ? `format of the input list: ${inputs} (default auto: detected from the content)`
    : `the output format (${outputFormats.join(' | ')}, as --to) or the input list's format (${inputs}; default auto)`;
  return cmd
    .option('--format <id>', help)
    .option('--home <ISO>', 'home country of the list, ISO 3166-1 alpha-2 or alpha-3 (default: the country its title names, a Wikipedia list whose title names none: CN; a table: the one country of its home column; a table without one needs it)')
    .option('--columns <map>', 'tables: the column of each role, role=header,… (e.g. home=origincityLabel,partner=sistercityLabel; default: recognised from the header; an input whose header no format recognises is then read as a table)');
}

export interface AnalysisFlags extends InputFlags {
  seed?: number;
  districts?: 'separate' | 'merge';
  resolution?: number;
  runs?: number;
  weight?: WeightKind;
  alpha?: number;
}

/**
 * The analysis options, and the input options; `runs` is the command's default number of seeds. With
 * `weight` false, `--weight` is taken but not shown (a command it does not apply to explains why).
 */
export function addAnalysisOptions(cmd: Command, runs: number = ANALYSIS_DEFAULTS.runs, weight = true, outputFormats: readonly string[] = []): Command {
  const d = ANALYSIS_DEFAULTS;
  const weightOption = new Option('--weight <w>', `edge weight of the shared-partner projections: ${WEIGHT_KINDS.join(' | ')} (default ${d.communityWeight}); their communities use it and exports write it`);
  return addInputOptions(cmd, outputFormats)
    .option('--seed <n>', `seed of every random choice (default ${d.seed}; 0 to ${MAX_SEED.toLocaleString('en-US')})`, integer('--seed', 0, MAX_SEED))
    .option('--districts <mode>', `separate | merge: keep district entries apart or fold them into their city (default ${d.districts})`, oneOf('--districts', ['separate', 'merge'] as const))
    .option('--resolution <gamma>', `Louvain resolution γ (default ${d.resolution}; larger → smaller communities; at most ${MAX_RESOLUTION.toLocaleString('en-US')})`, positiveAtMost('--resolution', MAX_RESOLUTION))
    .option('--runs <n>', `seeds per community detection, for stability (default ${runs}, at most ${OPTION_LIMITS.runs.toLocaleString('en-US')})`, integer('--runs', 1, OPTION_LIMITS.runs))
    .addOption(weight ? weightOption.argParser(oneOf('--weight', WEIGHT_KINDS)) : weightOption.hideHelp())
    .option('--alpha <a>', `significance level for shared-partner pairs, in (0, 1) (default ${d.alpha})`, openUnit('--alpha'));
}

export function analysisOptions(flags: AnalysisFlags): AnalysisOptions {
  return {
    seed: flags.seed, districts: flags.districts, resolution: flags.resolution, runs: flags.runs,
    alpha: flags.alpha, communityWeight: flags.weight,
  };
}

export { WEIGHT_KINDS };
