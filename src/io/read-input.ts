/**
 * Reading an input list from disk with clear errors: a missing file, a directory, an empty file,
 * binary data, another format (HTML, JSON, PDF, archives) or bytes that are not UTF-8 each get an
 * `InputError` naming the file (and the line, where one applies). A byte-order mark and CRLF line
 * endings are accepted (the parser records both).
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { whileBusy } from '../util/busy.js';
import { InputError } from '../util/errors.js';
import { isSparqlJson } from '../parse/formats/sparql-json.js';

const MAGIC: ReadonlyArray<[number[], string]> = [
  [[0x25, 0x50, 0x44, 0x46], 'a PDF file'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (or an office document)'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
];

/**
 * Heap bytes a command needs per byte of input, by use and by kind of input, measured: parsing and
 * building a 36 MB list (1.4M links) peaks near 1.6 GB, a whole report near 3.4 GB (bench); the same
 * links as a 103 MB link table (three times the bytes per link: coordinates, dates, a line per link)
 * peak at 2.05 GB of heap in the whole report. With a margin.
 */
export const HEAP_PER_INPUT_BYTE = { parse: { list: 45, table: 15 }, analyse: { list: 90, table: 30 } } as const;

/** What a command does with its input, and what kind of input it is (a table: the `table` and `sparql-json` formats). */
export type InputUse = keyof typeof HEAP_PER_INPUT_BYTE;
export type InputKind = keyof (typeof HEAP_PER_INPUT_BYTE)[InputUse];

/** The largest input of `kind` a command of `use` takes within this process's heap limit, in bytes. */
export function inputLimit(use: InputUse, kind: InputKind = 'list'): number {
  return Math.floor(getHeapStatistics().heap_size_limit / HEAP_PER_INPUT_BYTE[use][kind]);
}

/** The largest input of any kind a command of `use` takes: what may be read before its kind is known. */
export function anyInputLimit(use: InputUse): number {
  return Math.max(inputLimit(use, 'list'), inputLimit(use, 'table'));
}

const MB = (n: number) => `${(n / 2 ** 20).toFixed(n < 10 * 2 ** 20 ? 1 : 0)} MB`;

/** Refuses an input larger than `limit` bytes before it is read, saying the limit and how to raise it. */
export function checkInputSize(bytes: number, limit: number, path: string): void {
  if (bytes <= limit) return;
  const heap = getHeapStatistics().heap_size_limit;
  const needed = Math.ceil((heap * bytes) / limit / 2 ** 20 / 1024) * 1024;
  throw new InputError(
    `${MB(bytes)} is more than this process can hold (limit ${MB(limit)} with a heap of ${MB(heap)}); ` +
    `raise the heap: NODE_OPTIONS=--max-old-space-size=${needed} twinnet …`, path);
}

/**
 * All bytes from `fd` (a pipe, a device: no size known ahead), refusing more than `limit` as soon as
 * they come (`/dev/zero` or an endless pipe would otherwise fill the memory).
 */
function readBounded(fd: number, limit: number, path: string): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(1 << 20);
    const n = whileBusy(() => readSync(fd, chunk, 0, chunk.length, null));
    if (n === 0) break;
    total += n;
    checkInputSize(total, limit, path);
    chunks.push(chunk.subarray(0, n));
  }
  return Buffer.concat(chunks, total);
}

/** Reads standard input as a text list (`-`), refusing a directory or an input beyond `limit` bytes. */
export function readStdin(limit = Infinity): string {
  let bytes: Buffer;
  try {
    bytes = readBounded(0, limit, '<stdin>');
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'EISDIR' ? 'standard input is a directory, not a file' : `cannot read: ${(e as Error).message}`, '<stdin>');
  }
  return decodeList(bytes, '<stdin>');
}

/** Reads `path` as UTF-8 text, refusing what is not a text list, or more than `limit` bytes. */
export function readListFile(path: string, limit = Infinity): string {
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new InputError('is a directory, not a file', path);
    if (stat.isFile()) {
      checkInputSize(stat.size, limit, path);
      bytes = readFileSync(path);
    } else {
      // a device or a named pipe: its size is not known before it is read
      const fd = openSync(path, 'r');
      try { bytes = readBounded(fd, limit, path); } finally { closeSync(fd); }
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    // Node reads the command line as UTF-8: bytes that are not (a Latin-1 `é`) arrive as U+FFFD, a name no file has.
    if (code === 'ENOENT') throw new InputError(path.includes('\uFFFD') ? 'no such file (its name, as the command line gave it, is not UTF-8 — shown with U+FFFD for the bytes that are not; rename the file)' : 'no such file', path);
    if (code === 'EACCES') throw new InputError('permission denied', path);
    throw new InputError(`cannot read: ${(e as Error).message}`, path);
  }
  return decodeList(bytes, path);
}

/** Decodes bytes as a UTF-8 text list (exported for tests and for stdin). */
export function decodeList(bytes: Uint8Array, path: string): string {
  if (bytes.length === 0) throw new InputError('file is empty', path);
  for (const [magic, what] of MAGIC) {
    if (magic.every((b, i) => bytes[i] === b)) throw new InputError(`this is ${what}, not a text list`, path);
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError('UTF-16 text: save the list as UTF-8', path);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new InputError('binary data (NUL byte): not a text list', path, lineAt(bytes, nul));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const loose = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const bad = loose.indexOf('\uFFFD');
    const line = bad >= 0 ? loose.slice(0, bad).split('\n').length : null;
    throw new InputError('not valid UTF-8 (re-save the list as UTF-8)', path, line);
  }
  const head = text.replace(/^\uFEFF/, '').trimStart().slice(0, 200).toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) {
    throw new InputError('this is an HTML page; give the list as rendered text (one place per line)', path, 1);
  }
  if (head.startsWith('<?xml')) throw new InputError('this is an XML file, not a text list', path, 1);
  // JSON other than a SPARQL result (the sparql-json format; "head" and "results" in either order)
  if (/^[{[]\s*["{[]/.test(head) && !isSparqlJson(text)) throw new InputError('this is JSON, not a text list', path, 1);
  return text;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
