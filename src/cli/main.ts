#!/usr/bin/env node
/**
 * The `chuanyu` command. Commands are registered explicitly, one module each;
 * one failure handler turns every user error into a clear message and exit 2.
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { formatUserError, UserError } from '../scenario/errors.js';
import { runCommand } from './commands/run.js';
import { schemaCommand } from './commands/schema.js';
import { scenariosCommand } from './commands/scenarios.js';
import { sweepCommand } from './commands/sweep.js';
import { mergeCommand } from './commands/merge.js';
import { compareCommand } from './commands/compare.js';
import { reportCommand } from './commands/report.js';
import { gameCommand } from './commands/game.js';
import { matchCommand } from './commands/match.js';
import { replicatorCommand } from './commands/replicator.js';
import { validateCommand } from './commands/validate.js';
import { sensitivityCommand } from './commands/sensitivity.js';
import { calibrateCommand } from './commands/calibrate.js';

export function buildCli(argv: string[]) {
  return yargs(argv)
    .scriptName('chuanyu')
    .usage('$0 <command> [options]\n\nAgent-based simulator of government investment cooperation in the Chengdu-Chongqing zone.')
    .command(runCommand)
    .command(sweepCommand)
    .command(mergeCommand)
    .command(compareCommand)
    .command(reportCommand)
    .command(gameCommand)
    .command(matchCommand)
    .command(replicatorCommand)
    .command(calibrateCommand)
    .command(sensitivityCommand)
    .command(validateCommand)
    .command(scenariosCommand)
    .command(schemaCommand)
    .demandCommand(1, 'Name a command, e.g. `chuanyu run baseline`.')
    .strict()
    .recommendCommands()
    .help()
    .version()
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((message, error) => {
      // Errors thrown by command handlers pass through; yargs' own validation errors (YError) are usage errors.
      if (error && error.name !== 'YError') throw error;
      process.stderr.write(`error: ${message}\nRun \`chuanyu --help\` for usage.\n`);
      process.exit(2);
    });
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildCli(argv).parseAsync();
  } catch (error) {
    // yargs reports a failed option check by rejecting with its message or a YError.
    if (typeof error === 'string' || (error instanceof Error && error.name === 'YError')) {
      process.stderr.write(`error: ${typeof error === 'string' ? error : error.message}\nRun \`chuanyu --help\` for usage.\n`);
      process.exit(2);
    }
    if (error instanceof UserError) {
      process.stderr.write(`error: ${formatUserError(error)}\n`);
      process.exit(error.exitCode);
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`internal error: ${message}\n${process.env.CHUANYU_DEBUG && error instanceof Error ? error.stack + '\n' : 'Set CHUANYU_DEBUG=1 for a stack trace; please report this.\n'}`);
    process.exit(1);
  }
}

await main(hideBin(process.argv));
