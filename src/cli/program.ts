/** The `twinnet` commands. `main` turns typed errors into exit codes and messages on stderr. */
import { Command, CommanderError } from 'commander';
import { InputError, UsageError } from '../util/errors.js';
import { parseCommand } from './parse-command.js';

export type Printer = (s: string) => void;
const stdout: Printer = (s) => process.stdout.write(`${s}\n`);

export function buildProgram(print: Printer = stdout): Command {
  const program = new Command('twinnet')
    .description('Network analysis of twin-town and sister-city lists (default input: the embedded list of sister cities in China)')
    .showHelpAfterError()
    .exitOverride();

  program
    .command('parse')
    .description('parse a list into a data set (JSON and CSV) and print a summary')
    .argument('[file]', 'the list as rendered text (default: the embedded list; - for stdin)')
    .option('--out <dir>', 'output directory', 'data/processed')
    .option('--json', 'print the summary as JSON')
    .action((file: string | undefined, opts: { out: string; json?: boolean }) => parseCommand(file, opts, print));

  return program;
}

export async function main(argv: string[], print: Printer = stdout): Promise<number> {
  try {
    await buildProgram(print).parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 1;
    if (e instanceof InputError || e instanceof UsageError) {
      process.stderr.write(`twinnet: ${e.message}\n`);
      return e.exitCode;
    }
    process.stderr.write(`twinnet: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return 70;
  }
}
