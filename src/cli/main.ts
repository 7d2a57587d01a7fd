#!/usr/bin/env node
/** The `twinnet` executable. Only this file sets the exit code (see program.ts for the commands). */
import { main } from './program.js';
import { onWriteStart, outputError, removeTemporaries } from '../io/atomic-write.js';
import { stat } from 'node:fs';
import { terminalSafe } from '../util/terminal.js';

// Interrupted while computing: the default, the process ends at once — nothing is written before the
// files are complete, and a JavaScript handler would wait for the computation (a minute at 1.4
// million links) to yield. Interrupted while writing: the handler, installed as the write begins,
// runs once the synchronous write is over (all files written), undoes any write still in progress
// (no temporary files, previous outputs intact), and exits with the conventional 128 + signal number.
let handlersInstalled = false;
onWriteStart(() => {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.on(signal, () => { removeTemporaries(); process.exit(code); });
  }
});

// `twinnet … | head`: the reader went away; stop quietly, as Unix tools do. Any other failure of
// standard output (a full disk, /dev/full) is one line on stderr and exit 1, not a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  process.stderr.write(`twinnet: ${terminalSafe(outputError('<stdout>', e).message)}\n`);
  process.exit(1);
});

// A failure ends the process at once: a worker still laying out a large graph (started beside the
// analysis) would otherwise keep it alive after the one-line error. Standard error is written
// synchronously (files, pipes and terminals on Linux), so the message is out.
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  if (code !== 0) process.exit(code);
  // A signal that came during the write waits in the event loop, whose signal handles do not keep it
  // alive: one more poll of the loop (an I/O request, whose answer comes by the same poll; a timer or
  // an immediate may run without one) lets its handler run and exit 130 / 143, not 0.
  else if (handlersInstalled) stat(process.execPath, () => {});
});
