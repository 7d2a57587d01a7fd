/**
 * Typed errors. Library code throws these; only the CLI entry point turns them into exit codes.
 * Messages start with where they come from and carry the file and line involved.
 */

/** Bad input: a file that cannot be read or is not a sister-city list. Exit code 2. */
export class InputError extends Error {
  readonly exitCode = 2;
  constructor(
    message: string,
    readonly file: string,
    readonly line: number | null = null,
  ) {
    super(line === null ? `${pathText(file)}: ${message}` : `${pathText(file)}:${line}: ${message}`);
    this.name = 'InputError';
  }
}

/** A request the user made that cannot be met (unknown city, bad option). Exit code 1. */
export class UsageError extends Error {
  readonly exitCode = 1;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** An output that cannot be written (permission, disk full, a directory in the way). Exit code 1. */
export class OutputError extends Error {
  readonly exitCode = 1;
  constructor(message: string, readonly path: string) {
    super(`${pathText(path)}: ${message}`);
    this.name = 'OutputError';
  }
}

/**
 * A file name as messages print it: a line break in it shown as `\x0a`, `\x0d` (the terminal shows
 * every other control escaped, `terminalSafe`; line breaks it keeps, for text of several lines).
 */
export function pathText(path: string): string {
  return path.includes('\n') || path.includes('\r') ? path.replace(/\n/g, '\\x0a').replace(/\r/g, '\\x0d') : path;
}
