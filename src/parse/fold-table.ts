/**
 * foldName (see `util/fold.ts`) through a per-character table: text made only of characters below
 * U+0300 (Latin, Latin-1, Latin Extended, IPA — nearly every name) is folded character by character,
 * about ten times faster than the regular-expression chain that defines foldName, and with the same
 * result (the table is built from that chain); other text goes through the chain. The parser's copy:
 * `util/fold.ts` itself stays small for the browser explorer. Also the string building blocks the
 * parser's slugs and copies use.
 */
import { foldName as foldNameByRegex } from '../util/fold.js';

/** foldName, through the table where it can. */
export function foldName(s: string): string {
  const n = s.length <= FOLD_TABLE_MAX_LENGTH ? foldInto(scratch, 0, s, 0, s.length, FOLD_NAME_TABLE, 0x20) : -1;
  return n >= 0 ? codesToString(scratch, n) : foldNameByRegex(s);
}

/** Writes the codes of `foldName(s)` into `out` from position 0; returns their number. */
export function foldNameCodes(s: string, out: number[]): number {
  const n = s.length <= FOLD_TABLE_MAX_LENGTH ? foldInto(out, 0, s, 0, s.length, FOLD_NAME_TABLE, 0x20) : -1;
  if (n >= 0) return n;
  const folded = foldNameByRegex(s);
  for (let i = 0; i < folded.length; i++) out[i] = folded.charCodeAt(i);
  return folded.length;
}

/**
 * Code units below this are folded through a table. Below U+0300 every character is a starter that
 * composes with nothing and lower-cases on its own, so folding a string is folding its characters.
 */
const TABLE_LIMIT = 0x300;
/** Longer text goes through the regular expressions. */
export const FOLD_TABLE_MAX_LENGTH = 4096;
/** Table entries that are not a letter's code: the character separates words, vanishes, or needs the regular expressions. */
const FOLD_SEPARATOR = 0;
const FOLD_DROPPED = -1;
const FOLD_SLOW = -2;

/**
 * Per code unit below U+0300: what `NFD → marks removed → lower case → dropped removed` makes of it —
 * a letter or digit (its code), a separator (any other character) or nothing (FOLD_DROPPED).
 */
export function foldTable(dropped: RegExp): Int32Array {
  const table = new Int32Array(TABLE_LIMIT);
  for (let c = 0; c < TABLE_LIMIT; c++) {
    const folded = String.fromCharCode(c).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(dropped, '');
    if (folded === '') table[c] = FOLD_DROPPED;
    else if (folded.length === 1 && /[\p{L}\p{N}]/u.test(folded)) table[c] = folded.charCodeAt(0);
    else table[c] = /[\p{L}\p{N}]/u.test(folded) ? FOLD_SLOW : FOLD_SEPARATOR;
  }
  return table;
}

const FOLD_NAME_TABLE = foldTable(/[’'`.]/g);

/**
 * Writes into `out` from position `n` the folded codes of `s[start, end)`: letters and digits through
 * `table`, each run of separators between them as one `separator`, none at either end. Returns the
 * position after the last code written, or -1 when the text has a character the table does not cover.
 */
export function foldInto(out: number[], n: number, s: string, start: number, end: number, table: Int32Array, separator: number): number {
  const first = n;
  let pending = false;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= TABLE_LIMIT) return -1;
    const f = table[c] as number;
    if (f > 0) {
      if (pending && n > first) out[n++] = separator;
      pending = false;
      out[n++] = f;
    } else if (f === FOLD_SEPARATOR) {
      pending = true;
    } else if (f === FOLD_SLOW) {
      return -1;
    }
  }
  return n;
}

/** Scratch codes for building a string (reused and never shortened: no allocation per string). */
export const scratch: number[] = [];

/** Reused arrays of exactly n codes, by n (up to 256), to pass to String.fromCharCode. */
const exact: (number[] | undefined)[] = [];

/** The string of the first `n` codes of `codes` (one flat string, one byte per character when it can be). */
export function codesToString(codes: readonly number[], n: number): string {
  if (n > 256) return String.fromCharCode.apply(null, codes.slice(0, n));
  let args = exact[n];
  if (args === undefined) exact[n] = args = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) args[i] = codes[i] as number;
  return String.fromCharCode.apply(null, args);
}
