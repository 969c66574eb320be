#!/usr/bin/env node
/** The `chuanyu` bin (dist/cli/main.js): runs the command line it was given. Everything else is in program.ts. */
import { hideBin } from 'yargs/helpers';
import { main } from './program.js';

await main(hideBin(process.argv));
