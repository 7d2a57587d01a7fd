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
 * A target that is a symbolic link is written where it points (the link stays); a character device
 * or a named pipe (`/dev/null`, `/dev/stdout`, a FIFO) is written into as it is, outside the
 * transaction (no rename ever replaces it); any other file that is not a regular file is refused. A
 * replaced file keeps its permissions. A target that is one of `inputs` (the same file, by device and
 * inode) is refused before anything is written: the outputs would destroy the input.
 *
 * The write is synchronous: a signal handled in JavaScript (the CLI's, installed as a write begins:
 * `onWriteStart`) runs once it is over, all files written; `removeTemporaries`, which the handler
 * calls, rolls back a write still in progress should a handler ever run mid-write. A process killed
 * mid-write leaves its staged and moved-aside files, which the next write to that folder puts right
 * (`sweepStale`).
 */
import { accessSync, chmodSync, closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readdirSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { Stats } from 'node:fs';
import type { MessagePort } from 'node:worker_threads';
import { whileBusy } from '../util/busy.js';
import { OutputError, UsageError } from '../util/errors.js';

export interface OutputFile {
  /**
   * Path of the target file.
   */
  path: string;
  /**
   * The bytes, or the text in pieces (for files larger than one string can hold). Bytes of
   * `HELPER_BYTES` or more in an ArrayBuffer of their own may be written by a helper thread, their
   * ArrayBuffer transferred to it: the caller must not use them once they are written.
   */
  content: string | Uint8Array | Iterable<string>;
}

/**
 * Writing a large file costs mostly the kernel's work of taking fresh pages for it (~3 ms per MB on a
 * virtual machine, ~4× what copying the bytes costs): when one content is bytes of at least this
 * size and the others come to at least as much again, a helper thread writes those bytes (the report's
 * GEXF, handed back by the worker that wrote it) while this thread writes the rest, on two cores.
 */
export const HELPER_BYTES = 8 << 20;

/** The helper thread's code: writes `bytes` to `path`, says when it started and how it ended. */
const HELPER_CODE = `
const { workerData } = require('node:worker_threads');
const { writeFileSync } = require('node:fs');
const state = new Int32Array(workerData.state);
Atomics.store(state, 0, 1); Atomics.notify(state, 0);
let failure = null;
try { writeFileSync(workerData.path, workerData.bytes); } catch (e) { failure = { code: e && e.code, message: String(e && e.message) }; }
workerData.port.postMessage(failure);
workerData.port.close();
Atomics.store(state, 0, 2); Atomics.notify(state, 0);
`;

/** How long a helper thread may take to start before the write fails (it never has, in practice). */
const HELPER_START_MS = 60_000;

interface Helper { state: Int32Array; port: MessagePort; worker: Worker; done: boolean }

/** The index of the file a helper thread should write, or −1 (see `HELPER_BYTES`). */
function helperIndex(files: readonly OutputFile[]): number {
  let best = -1, bestBytes = 0, rest = 0;
  files.forEach((f, i) => {
    const c = f.content;
    const size = typeof c === 'string' ? c.length : c instanceof Uint8Array ? c.byteLength : HELPER_BYTES; // pieces: large
    rest += size;
    if (c instanceof Uint8Array && size >= HELPER_BYTES && size > bestBytes && c.byteOffset === 0 && c.byteLength === c.buffer.byteLength &&
        !(c.buffer instanceof SharedArrayBuffer)) { best = i; bestBytes = size; }
  });
  return best >= 0 && rest - bestBytes >= HELPER_BYTES ? best : -1;
}

/** Starts a helper thread writing `bytes` to `path` (their ArrayBuffer is transferred to it). */
function startHelper(path: string, bytes: Uint8Array): Helper {
  const state = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(HELPER_CODE, {
    eval: true, workerData: { path, bytes, state: state.buffer, port: port2 }, transferList: [bytes.buffer as ArrayBuffer, port2],
  });
  worker.on('error', () => { /* its failure reaches `finishHelper` through `state` (it catches its write's) */ });
  worker.unref();
  return { state, port: port1, worker, done: false };
}

/** Waits for the helper to end; throws its error (with the errno code) when its write failed. */
function finishHelper(h: Helper): void {
  if (h.done) return;
  h.done = true;
  if (Atomics.wait(h.state, 0, 0, HELPER_START_MS) === 'timed-out') {
    void h.worker.terminate();
    h.port.close();
    throw Object.assign(new Error('the writer thread did not start'), { code: 'EAGAIN' });
  }
  while (Atomics.load(h.state, 0) !== 2) Atomics.wait(h.state, 0, 1);
  const failure = receiveMessageOnPort(h.port)?.message as { code?: string; message: string } | null | undefined;
  h.port.close();
  if (failure) throw Object.assign(new Error(failure.message), { code: failure.code });
}

/** A write in progress: files staged, targets swapped, and the folders it made (the first of each `mkdir -p`), to remove on failure. */
interface Transaction { staged: string[]; swapped: { target: string; old: string | null }[]; made: string[] }

/** The write in progress, for `removeTemporaries` (a signal arriving mid-write). */
let active: Transaction | null = null;
let counter = 0;

/** Strings longer than this are written in slices of this many characters (`TextWriter`). */
export const TEXT_SLICE = 1 << 18;

/** The buffer slices are encoded into, kept for the next write (UTF-8: at most 3 bytes per UTF-16 unit; a slice may carry a held-back surrogate). */
let sliceBuffer: Buffer | null = null;

/**
 * Writes text given in pieces: short pieces encoded one after another into one buffer, written when
 * it is full (about 1 MB at a time, no string joined), long ones in slices.
 */
function writeChunks(path: string, chunks: Iterable<string>): void {
  const fd = openSync(path, 'w');
  try {
    const out = new TextWriter(fd);
    for (const chunk of chunks) out.add(chunk);
    out.flush();
  } finally {
    closeSync(fd);
  }
}

/** Writes a string to a new file `path`: at once, or a long one through a `TextWriter`. */
function writeText(path: string, text: string): void {
  if (text.length <= TEXT_SLICE) writeFileSync(path, text);
  else writeChunks(path, [text]);
}

/**
 * Writes strings to a file as UTF-8 through one small buffer, short ones encoded one after another,
 * a long one slice by slice: writing it whole encodes it into a buffer of its own size first (fresh
 * pages: ~1 ms per MB more on a virtual machine, and the memory). A slice of a flat string is a view,
 * not a copy; a surrogate pair split between two slices or two strings is joined again (a high half
 * at the end is held back for the next). The same bytes as the strings joined and written at once.
 */
class TextWriter {
  private readonly buffer = (sliceBuffer ??= Buffer.allocUnsafeSlow(3 * TEXT_SLICE + 6));
  /** Bytes of `buffer` encoded and not yet written. */
  private used = 0;
  /** A high surrogate that ended the last text, kept for the low one that may start the next. */
  private pending = '';
  constructor(private readonly fd: number) {}

  /** Adds text: encoded into the buffer (written when full), a long string slice by slice. */
  add(text: string): void {
    if (text.length > TEXT_SLICE) {
      // A slice that ends between the halves of a pair holds its high half back, as any text does.
      for (let start = 0; start < text.length; start += TEXT_SLICE) this.add(text.slice(start, start + TEXT_SLICE));
      return;
    }
    if (this.pending !== '') { text = this.pending + text; this.pending = ''; }
    const last = text.charCodeAt(text.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) { this.pending = text.slice(-1); text = text.slice(0, -1); }
    if (this.used + 3 * text.length > this.buffer.length) this.drain();
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  /** Writes the rest: what the buffer holds and a high surrogate held back (alone: U+FFFD). */
  flush(): void {
    if (this.pending !== '') {
      if (this.used + 3 > this.buffer.length) this.drain();
      this.used += this.buffer.write(this.pending, this.used, 'utf8');
      this.pending = '';
    }
    this.drain();
  }

  private drain(): void {
    for (let done = 0; done < this.used;) done += writeAll(this.fd, this.buffer, done, this.used - done);
    this.used = 0;
  }
}

/** `writeSync`, waiting while a non-blocking descriptor (a pipe) is full. */
function writeAll(fd: number, buffer: Uint8Array, offset: number, length: number): number {
  return whileBusy(() => writeSync(fd, buffer, offset, length));
}

/**
 * Writes one output's content to an open descriptor as it comes (`twinnet export --out -`: standard
 * output), text in pieces through the same encoder as the files. Errors are the system's (`EPIPE`
 * when the reader has gone).
 */
export function writeContent(fd: number, content: OutputFile['content']): void {
  if (content instanceof Uint8Array) {
    for (let done = 0; done < content.length;) done += writeAll(fd, content, done, content.length - done);
    return;
  }
  const out = new TextWriter(fd);
  if (typeof content === 'string') out.add(content); else for (const piece of content) out.add(piece);
  out.flush();
}

/**
 * One output to standard output (`--out -`): `writeContent(1, …)`; a reader gone (`| head`) ends it
 * quietly, any other failure is an `outputError` naming `<stdout>`.
 */
export function writeStdout(content: OutputFile['content']): void {
  try {
    writeContent(1, content);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EPIPE') return;
    throw outputError('<stdout>', e);
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
  return statOrNull(path) !== null;
}

/** Called as each write begins (the CLI installs its signal handlers there: see `cli/main.ts`). */
const writeListeners: (() => void)[] = [];

/** Registers `listener`, to be called as each `writeFilesAtomically` begins. */
export function onWriteStart(listener: () => void): void {
  writeListeners.push(listener);
}

export interface WriteOptions {
  /** Files the outputs must not replace (the input read): a target that is one of them is refused. */
  inputs?: readonly string[] | undefined;
}

/** Where a target's bytes go: a path (a link resolved) and whether it is a device or pipe written into as it is. */
interface Target { path: string; device: boolean; mode: number | null }

/** Whether `path` is `-` or names this process's standard output (`/dev/stdout`, `/dev/fd/1`): one file written there as `--out -` writes it, with nothing after it. */
export function isStandardOutput(path: string): boolean {
  return path === '-' || /^\/(?:dev\/stdout|dev\/fd\/1|proc\/self\/fd\/1)$/.test(resolve(path));
}

/** Paths that name an open file descriptor (`/dev/stdout`, `/dev/fd/1`, `/proc/self/fd/1`): written into as they are. */
const DESCRIPTOR = /^\/(?:dev\/(?:std(?:out|err)|fd\/\d+)|proc\/(?:self|\d+)\/fd\/\d+)$/;

/**
 * Where `path`'s bytes go: its symbolic links followed (each relative one from its own folder, that
 * folder's links followed, as the kernel does), and what stands there. Refused: a loop of links, a
 * link to a folder that does not exist, the input file, anything but a file, a character device or a
 * named pipe.
 */
function targetOf(path: string, inputs: readonly Stats[]): Target {
  let real = resolve(path), linked = false;
  for (let hops = 0; !DESCRIPTOR.test(real); hops++) {
    if (!lstatOrNull(real)?.isSymbolicLink()) break;
    if (hops === MAX_LINKS) throw Object.assign(new Error('too many symbolic links'), { code: 'ELOOP' });
    real = resolve(realFolder(dirname(real)), readlinkSync(real));
    linked = true;
  }
  if (DESCRIPTOR.test(real)) return { path: real, device: true, mode: null };
  const st = statOrNull(real);
  if (st === null) {
    // A link to where nothing is: written there, as a shell would, but no folder is made for it.
    if (linked && statOrNull(dirname(real)) === null) throw Object.assign(new Error('the link points into a folder that does not exist'), { code: 'ENOENT' });
    return { path: real, device: false, mode: null };
  }
  if (st.isFile() && inputs.some((i) => i.dev === st.dev && i.ino === st.ino)) throw new OutputError('is the input file: writing it would destroy the input; choose another --out', path);
  if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  if (st.isCharacterDevice() || st.isFIFO()) return { path: real, device: true, mode: null };
  if (!st.isFile()) throw new OutputError('is neither a file nor a device or pipe to write into', path);
  return { path: real, device: false, mode: st.mode & 0o7777 };
}

/** Symbolic links followed at most, as Linux does (ELOOP after 40). */
const MAX_LINKS = 40;

/** A folder with its links followed (itself when it does not exist). */
function realFolder(dir: string): string {
  try { return realpathSync(dir); } catch { return dir; }
}

/** Writes all files or none. Returns the paths written. Throws `OutputError` (previous files intact). */
export function writeFilesAtomically(files: readonly OutputFile[], options: WriteOptions = {}): string[] {
  for (const listener of writeListeners) listener();
  const t: Transaction = { staged: [], swapped: [], made: [] };
  const { staged, swapped } = t;
  active = t;
  let current = files[0]?.path ?? '';
  // The inputs that are files (`-`: standard input, when it is one): a device or a pipe is no file to protect.
  const inputs = (options.inputs ?? []).map((p) => (p === '-' ? fdStatOrNull(0) : statOrNull(p))).filter((s): s is Stats => s?.isFile() === true);
  const targets: Target[] = [];
  let helped = helperIndex(files);
  let helper: Helper | null = null;
  try {
    // Every target checked and its staged name chosen first, so that the helper starts at once.
    for (const f of files) {
      current = f.path;
      targets.push(targetOf(f.path, inputs));
    }
    for (const dir of new Set(targets.filter((x) => !x.device).map((x) => dirname(x.path)))) sweepStale(dir);
    targets.forEach((target, i) => {
      current = (files[i] as OutputFile).path;
      if (target.device) { staged.push(''); return; }
      const made = mkdirSync(dirname(target.path), { recursive: true });
      if (made !== undefined) t.made.push(made);
      staged.push(sibling(target.path, 'tmp'));
    });
    if (helped >= 0 && (targets[helped] as Target).device) helped = -1;
    if (helped >= 0) {
      // A buffer that cannot be transferred (WebAssembly memory, say) is written here, below.
      try { helper = startHelper(staged[helped] as string, (files[helped] as OutputFile).content as Uint8Array); } catch { helper = null; }
    }
    for (const [i, f] of files.entries()) {
      if (i === helped && helper) continue;
      current = f.path;
      const target = targets[i] as Target;
      if (target.device) { writeInto(target.path, f.content); continue; }
      const tmp = staged[i] as string;
      if (typeof f.content === 'string') writeText(tmp, f.content);
      else if (f.content instanceof Uint8Array) writeFileSync(tmp, f.content);
      else writeChunks(tmp, f.content);
      if (target.mode !== null) chmodSync(tmp, target.mode);
    }
    if (helper) {
      current = (files[helped] as OutputFile).path;
      finishHelper(helper);
      const mode = (targets[helped] as Target).mode;
      if (mode !== null) chmodSync(staged[helped] as string, mode);
    }
    files.forEach((f, i) => {
      current = f.path;
      const target = targets[i] as Target;
      if (target.device) return;
      let old: string | null = null;
      if (exists(target.path)) {
        old = sibling(target.path, 'old');
        renameSync(target.path, old);
      }
      swapped.push({ target: target.path, old });
      renameSync(staged[i] as string, target.path);
      staged[i] = '';
    });
  } catch (e) {
    // The helper's file is staged too: it must be finished (or never started) before the roll-back removes it.
    if (helper && !helper.done) { try { finishHelper(helper); } catch { /* the first error is the one raised */ } }
    rollBack(t);
    active = null;
    throw outputError(current, e, '; nothing written, previous files left as they were');
  }
  active = null;
  for (const s of swapped) if (s.old) rmSync(s.old, { force: true });
  return files.map((f) => f.path);
}

/** Undoes a partial swap: new files out, old files back, staged files removed. Best effort, never throws. */
function rollBack({ staged, swapped, made }: Transaction): void {
  for (let i = swapped.length - 1; i >= 0; i--) {
    const { target, old } = swapped[i] as { target: string; old: string | null };
    try {
      if (old) renameSync(old, target); else rmSync(target, { force: true });
    } catch { /* nothing more can be done; the error raised names the path */ }
  }
  for (const tmp of staged) if (tmp) { try { rmSync(tmp, { force: true }); } catch { /* idem */ } }
  // Folders this write made hold nothing else: no empty --out folder is left behind.
  for (let i = made.length - 1; i >= 0; i--) { try { rmSync(made[i] as string, { recursive: true, force: true }); } catch { /* idem */ } }
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
  EFBIG: 'file too large (for the file system, or the limit set on the process: ulimit -f)',
  ENOENT: 'no such file or directory (or a place where none can be made)',
  ELOOP: 'too many symbolic links (a loop?)',
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
  if (path === '') throw new UsageError(`--out is empty: give the ${kind === 'dir' ? 'folder the outputs go to (. for this one)' : 'output file'}`);
  // Node reads the command line as UTF-8: bytes that are not arrive as U+FFFD, and a folder of that other name would be made.
  if (path.includes('\uFFFD')) throw new OutputError('is not UTF-8 as the command line gave it (U+FFFD stands for the bytes that are not): give a name in UTF-8', path);
  if (kind === 'file' && DESCRIPTOR.test(resolve(path))) return; // an open descriptor (`/dev/stdout`): written as it is
  const stat = statOrNull(path);
  if (stat && kind === 'file' && (stat.isCharacterDevice() || stat.isFIFO())) {
    // A device or pipe (`/dev/null`) is written into as it is: it needs to be writable, its folder not.
    try { accessSync(path, constants.W_OK); return; } catch (e) { throw outputError(path, e); }
  }
  if (stat && kind === 'dir' && !stat.isDirectory()) throw new OutputError('is a file; --out names the folder the outputs go to', path);
  if (stat && kind === 'file' && stat.isDirectory()) throw new OutputError('is a folder; --out names the output file', path);
  // `newdir/`: a folder's name, though none is there (the file would be `newdir`, or land beside it)
  if (kind === 'file' && /[\\/]$/.test(path)) throw new OutputError('ends with a slash, as a folder\'s name does; --out names the output file (folder/name.ext)', path);
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

function statOrNull(path: string): Stats | null {
  try { return statSync(path); } catch { return null; }
}

function fdStatOrNull(fd: number): Stats | null {
  try { return fstatSync(fd); } catch { return null; }
}

function lstatOrNull(path: string): Stats | null {
  try { return lstatSync(path); } catch { return null; }
}


/**
 * Writes `content` into a character device, a named pipe or an open descriptor as it is (no staging:
 * it cannot be replaced or rolled back): one of this process's through the descriptor itself, any
 * other opened for appending. A pipe that no process reads is refused (waiting for one would hold the
 * process past any signal).
 */
function writeInto(path: string, content: OutputFile['content']): void {
  // This process's own descriptor (`/dev/stdout`: a terminal, a file, a pipe or a socket, which no open reaches) is written as it is.
  const own = /^\/(?:dev\/(std(?:out|err))|dev\/fd\/(\d+)|proc\/self\/fd\/(\d+))$/.exec(path);
  if (own) { writeContent(own[1] === 'stdout' ? 1 : own[1] === 'stderr' ? 2 : Number(own[2] ?? own[3]), content); return; }
  // A pipe is tried without waiting first; that descriptor stays open until the one written through
  // is: closed before, it would be the reader's end of file, and the write would then wait for ever.
  let probe: number | null = null;
  if (statOrNull(path)?.isFIFO()) {
    try { probe = openSync(path, constants.O_WRONLY | constants.O_NONBLOCK); } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENXIO') throw new OutputError('is a named pipe that no process reads', path);
      throw e;
    }
  }
  try {
    const fd = openSync(path, 'a');
    try { writeContent(fd, content); } finally { closeSync(fd); }
  } finally {
    if (probe !== null) closeSync(probe);
  }
}

/** Undoes the write in progress, if any (on SIGINT/SIGTERM): staged files removed, previous files back. */
export function removeTemporaries(): void {
  if (active) rollBack(active);
  active = null;
}
