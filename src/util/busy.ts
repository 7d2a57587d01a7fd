/**
 * `op()`, tried again after a short sleep while it fails with EAGAIN: a synchronous read or write on
 * a non-blocking descriptor (a pipe, standard input or output) that has nothing to give or no room yet.
 */
export function whileBusy<T>(op: () => T): T {
  for (;;) {
    try {
      return op();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}
