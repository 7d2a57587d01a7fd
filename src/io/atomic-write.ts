/**
 * Atomic writes: every file is first written beside its target under a temporary name, and only
 * when all of them are written are they renamed into place. A failure part-way removes the
 * temporaries and leaves the previous outputs intact.
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface OutputFile {
  /** Path of the target file. */
  path: string;
  /** The bytes, or the text in pieces (for files larger than one string can hold). */
  content: string | Uint8Array | Iterable<string>;
}

/** Writes text given in pieces, gathered into writes of about 1 MB. */
function writeChunks(path: string, chunks: Iterable<string>): void {
  const fd = openSync(path, 'w');
  try {
    let buffer: string[] = [], size = 0;
    for (const chunk of chunks) {
      buffer.push(chunk); size += chunk.length;
      if (size >= 1 << 20) { writeSync(fd, buffer.join('')); buffer = []; size = 0; }
    }
    if (size > 0) writeSync(fd, buffer.join(''));
  } finally {
    closeSync(fd);
  }
}

/** Writes all files or none. Returns the paths written. */
export function writeFilesAtomically(files: readonly OutputFile[]): string[] {
  const temps: string[] = [];
  try {
    for (const f of files) {
      mkdirSync(dirname(f.path), { recursive: true });
      const tmp = join(dirname(f.path), `.twinnet-tmp-${process.pid}-${temps.length}`);
      temps.push(tmp);
      if (typeof f.content === 'string' || f.content instanceof Uint8Array) writeFileSync(tmp, f.content);
      else writeChunks(tmp, f.content);
    }
  } catch (e) {
    for (const t of temps) rmSync(t, { force: true });
    throw e;
  }
  files.forEach((f, i) => renameSync(temps[i] as string, f.path));
  return files.map((f) => f.path);
}
