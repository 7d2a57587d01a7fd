#!/usr/bin/env node
/** The `twinnet` executable. Only this file sets the exit code (see program.ts for the commands). */
import { main } from './program.js';
import { removeTemporaries } from '../io/atomic-write.js';

// Interrupted: undo a write in progress (no temporary files, previous outputs intact), then exit
// with the conventional 128 + signal number.
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.on(signal, () => { removeTemporaries(); process.exit(code); });
}

// `twinnet … | head`: the reader went away; stop quietly, as Unix tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
