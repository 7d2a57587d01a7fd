#!/usr/bin/env node
/** The `twinnet` executable. Only this file sets the exit code (see program.ts for the commands). */
import { main } from './program.js';

// `twinnet … | head`: the reader went away; stop quietly, as Unix tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
