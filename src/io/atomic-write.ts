/**
 * Transactional writes: all files or none.
 *
 * 1. Stage: every file is written beside its target under a temporary name (`.twinnet-tmp-<pid>-<n>`).
 * 2. Swap: each existing target is moved aside (`.twinnet-old-<pid>-<n>`), then the staged file is
 *    renamed into place.
 * 3. On any failure, in either phase: the staged files are removed and every target moved aside is
 *    put back, so the previous outputs are left exactly as they were; then the error is raised as an
 *    `OutputError` naming the path and the cause (permission denied, disk full, a directory in the
 *    way …). Only when every swap succeeded are the old files deleted.
 *
 * A signal mid-write is handled by `removeTemporaries` (the CLI calls it on SIGINT/SIGTERM), which
 * rolls the write in progress back the same way.
 */
import { closeSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { OutputError } from '../util/errors.js';

export interface OutputFile {
  /** Path of the target file. */
  path: string;
  /** The bytes, or the text in pieces (for files larger than one string can hold). */
  content: string | Uint8Array | Iterable<string>;
}

interface Transaction { staged: string[]; swapped: { target: string; old: string | null }[] }

/** The write in progress, for `removeTemporaries` (a signal arriving mid-write). */
let active: Transaction | null = null;
let counter = 0;

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

/**
 * A name beside `target` that no other write of this process uses. A set-aside old file also carries
 * its target's name, so that `sweepStale` can put it back after a kill mid-swap.
 */
function sibling(target: string, kind: 'tmp' | 'old'): string {
  const name = basename(target);
  const suffix = kind === 'old' && name.length <= 150 ? `-${name}` : '';
  return join(dirname(target), `.twinnet-${kind}-${process.pid}-${counter++}${suffix}`);
}

function exists(path: string): boolean {
  try { statSync(path); return true; } catch { return false; }
}

/** Writes all files or none. Returns the paths written. Throws `OutputError` (previous files intact). */
export function writeFilesAtomically(files: readonly OutputFile[]): string[] {
  const t: Transaction = { staged: [], swapped: [] };
  const { staged, swapped } = t;
  active = t;
  let current = files[0]?.path ?? '';
  try {
    for (const dir of new Set(files.map((f) => dirname(f.path)))) sweepStale(dir);
    for (const f of files) {
      current = f.path;
      if (exists(f.path) && statSync(f.path).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      mkdirSync(dirname(f.path), { recursive: true });
      const tmp = sibling(f.path, 'tmp');
      staged.push(tmp);
      if (typeof f.content === 'string' || f.content instanceof Uint8Array) writeFileSync(tmp, f.content);
      else writeChunks(tmp, f.content);
    }
    files.forEach((f, i) => {
      current = f.path;
      let old: string | null = null;
      if (exists(f.path)) {
        old = sibling(f.path, 'old');
        renameSync(f.path, old);
      }
      swapped.push({ target: f.path, old });
      renameSync(staged[i] as string, f.path);
      staged[i] = '';
    });
  } catch (e) {
    rollBack(t);
    active = null;
    throw outputError(current, e, '; nothing written, previous files left as they were');
  }
  active = null;
  for (const s of swapped) if (s.old) rmSync(s.old, { force: true });
  return files.map((f) => f.path);
}

/** Undoes a partial swap: new files out, old files back, staged files removed. Best effort, never throws. */
function rollBack({ staged, swapped }: Transaction): void {
  for (let i = swapped.length - 1; i >= 0; i--) {
    const { target, old } = swapped[i] as { target: string; old: string | null };
    try {
      if (old) renameSync(old, target); else rmSync(target, { force: true });
    } catch { /* nothing more can be done; the error raised names the path */ }
  }
  for (const tmp of staged) if (tmp) { try { rmSync(tmp, { force: true }); } catch { /* idem */ } }
}

const CAUSES: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EISDIR: 'a directory is in the way',
  ENOTDIR: 'a file stands where a directory is needed',
  EEXIST: 'a file is in the way',
  ENAMETOOLONG: 'file name too long',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
  ENOENT: 'no such file or directory (or a place where none can be made)',
};

/** A file-system failure as a one-line error naming the output path and the cause. */
export function outputError(path: string, e: unknown, consequence = ''): Error {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (!code) return e as Error;
  return new OutputError(`cannot write: ${CAUSES[code] ?? code.toLowerCase()} (${code})${consequence}`, path);
}

const LEFTOVER = /^\.twinnet-(tmp|old)-(\d+)-\d+(?:-(.+))?$/;

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}

/**
 * Cleans up after a killed twinnet process (SIGKILL, power loss) in `dir`: its staged files are
 * removed; a set-aside old file goes back to its target when the kill came before the new file was
 * moved in (the target is missing), and is removed when the swap had completed.
 */
export function sweepStale(dir: string): void {
  let names: string[];
  try { names = readdirSync(dir); } catch { return; }
  for (const name of names) {
    const m = LEFTOVER.exec(name);
    if (!m || alive(Number(m[2]))) continue;
    const path = join(dir, name), target = m[3] === undefined ? null : join(dir, m[3]);
    try {
      if (m[1] === 'tmp') rmSync(path, { force: true });
      else if (target && !exists(target)) renameSync(path, target);
      else if (target) rmSync(path, { force: true });
    } catch { /* left as found: the next run tries again */ }
  }
}

/**
 * Checks, before any work, that outputs can be written at `path`: a folder (`kind` 'dir', which need
 * not exist yet) or a file. Throws `OutputError` naming the path: a file where a folder is meant, a
 * folder where a file is meant, a read-only or full file system, no permission. A probe file is
 * written and removed in the nearest existing folder; nothing else is created.
 */
export function checkWritable(path: string, kind: 'dir' | 'file'): void {
  const stat = statOrNull(path);
  if (stat && kind === 'dir' && !stat.isDirectory()) throw new OutputError('is a file; --out names the folder the outputs go to', path);
  if (stat && kind === 'file' && stat.isDirectory()) throw new OutputError('is a folder; --out names the output file', path);
  let dir = kind === 'dir' ? path : dirname(path);
  for (let up = statOrNull(dir); !up; up = statOrNull(dir)) {
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const st = statOrNull(dir);
  if (st && !st.isDirectory()) throw new OutputError(`cannot write: ${dir} is a file, not a folder`, path);
  const probe = join(dir, `.twinnet-probe-${process.pid}`);
  try {
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
  } catch (e) {
    throw outputError(path, e);
  }
}

function statOrNull(path: string): ReturnType<typeof statSync> | null {
  try { return statSync(path); } catch { return null; }
}

/** Undoes the write in progress, if any (on SIGINT/SIGTERM): staged files removed, previous files back. */
export function removeTemporaries(): void {
  if (active) rollBack(active);
  active = null;
}
