#!/usr/bin/env node
/** The `twinnet` executable. Only this file sets the exit code (see program.ts for the commands). */
import { main } from './program.js';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
