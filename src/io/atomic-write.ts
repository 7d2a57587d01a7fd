/**
 * Atomic writes: every file is first written beside its target under a temporary name, and only
 * when all of them are written are they renamed into place. A failure part-way removes the
 * temporaries and leaves the previous outputs intact.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface OutputFile {
  /** Path of the target file. */
  path: string;
  content: string | Uint8Array;
}

/** Writes all files or none. Returns the paths written. */
export function writeFilesAtomically(files: readonly OutputFile[]): string[] {
  const temps: string[] = [];
  try {
    for (const f of files) {
      mkdirSync(dirname(f.path), { recursive: true });
      const tmp = join(dirname(f.path), `.twinnet-tmp-${process.pid}-${temps.length}`);
      temps.push(tmp);
      writeFileSync(tmp, f.content);
    }
  } catch (e) {
    for (const t of temps) rmSync(t, { force: true });
    throw e;
  }
  files.forEach((f, i) => renameSync(temps[i] as string, f.path));
  return files.map((f) => f.path);
}
