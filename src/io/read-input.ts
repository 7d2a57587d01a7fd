/**
 * Reading an input list from disk with clear errors: a missing file, a directory, an empty file,
 * binary data, another format (HTML, JSON, PDF, archives) or bytes that are not UTF-8 each get an
 * `InputError` naming the file (and the line, where one applies). A byte-order mark and CRLF line
 * endings are accepted (the parser records both).
 */
import { readFileSync, statSync } from 'node:fs';
import { InputError } from '../util/errors.js';

const MAGIC: ReadonlyArray<[number[], string]> = [
  [[0x25, 0x50, 0x44, 0x46], 'a PDF file'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive (or an office document)'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
];

/** Reads `path` as UTF-8 text, refusing what is not a text list. */
export function readListFile(path: string): string {
  let bytes: Buffer;
  try {
    if (statSync(path).isDirectory()) throw new InputError('is a directory, not a file', path);
    bytes = readFileSync(path);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError('no such file', path);
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
  // JSON other than a SPARQL result (the sparql-json format)
  if (/^[{[]\s*["{[]/.test(head) && !/^\{\s*"head"\s*:/.test(head)) throw new InputError('this is JSON, not a text list', path, 1);
  return text;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
