/**
 * The `chuanyu` command. Commands are registered explicitly, one module each;
 * one failure handler turns every user error into a clear message and exit 2.
 * Importing this file does nothing: `main.ts` (the bin) calls `main`, and tests
 * call `executeCli` to parse and run a command line in their own process.
 */
import yargs from 'yargs';
import { distance } from 'fastest-levenshtein';
import { formatUserError, UserError } from '../scenario/errors.js';
import { asIoUserError } from '../results/output-folder.js';
import { installSignalHandlers } from './signals.js';
import { setInvocation } from './provenance.js';
import { runCommand } from './commands/run.js';
import { schemaCommand } from './commands/schema.js';
import { scenariosCommand } from './commands/scenarios.js';
import { sweepCommand } from './commands/sweep.js';
import { mergeCommand } from './commands/merge.js';
import { compareCommand } from './commands/compare.js';
import { reportCommand } from './commands/report.js';
import { gameCommand } from './commands/game.js';
import { studyCommand } from './commands/study.js';
import { matchCommand } from './commands/match.js';
import { replicatorCommand } from './commands/replicator.js';
import { validateCommand } from './commands/validate.js';
import { sensitivityCommand } from './commands/sensitivity.js';
import { calibrateCommand } from './commands/calibrate.js';
import { historyCommand } from './commands/history.js';
import { slurmCommand } from './commands/slurm.js';
import { discoverCommand } from './commands/discover.js';
import { paramsCommand } from './commands/params.js';

export interface BuildCliOptions {
  /** Whether `--help` and `--version` may end the process (the bin: yes; by default, as for in-process callers: no). */
  exitProcess?: boolean;
}

export function buildCli(argv: string[], options: BuildCliOptions = {}) {
  setInvocation(argv);
  return yargs(argv)
    .exitProcess(options.exitProcess ?? false)
    .scriptName('chuanyu')
    .usage('$0 <command> [options]\n\nAgent-based simulator of government investment cooperation in the Chengdu-Chongqing zone.')
    .command(runCommand)
    .command(sweepCommand)
    .command(mergeCommand)
    .command(compareCommand)
    .command(reportCommand)
    .command(gameCommand)
    .command(studyCommand)
    .command(matchCommand)
    .command(replicatorCommand)
    .command(calibrateCommand)
    .command(historyCommand)
    .command(sensitivityCommand)
    .command(slurmCommand)
    .command(discoverCommand)
    .command(validateCommand)
    .command(scenariosCommand)
    .command(schemaCommand)
    .command(paramsCommand)
    .demandCommand(1, 'Name a command, e.g. `chuanyu run baseline`.')
    .strict()
    .recommendCommands()
    .help()
    .version()
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((message, error, instance) => {
      // Errors thrown by command handlers pass through; yargs' own validation errors (YError) are usage errors.
      if (error && error.name !== 'YError') throw error;
      throw new UsageError(withSuggestion(message ?? error?.message ?? 'invalid usage', instance as unknown as YargsOptionsView));
    });
}

/** A command line yargs refused (unknown option, missing argument, a failed check): printed with a pointer to --help. */
class UsageError extends Error {
  override name = 'UsageError';
}

/** "Unknown argument: replication" gains "did you mean --replications?" from the command's own options. */
/** yargs hands the failure handler its usage object, which knows the current command's options. */
type YargsOptionsView = { getDescriptions(): Record<string, unknown> } | undefined;

function withSuggestion(message: string, instance: YargsOptionsView): string {
  const unknown = /^Unknown arguments?: (.+)$/.exec(message);
  if (!unknown || !instance) return message;
  const known = Object.keys(instance.getDescriptions()).filter((k) => k.length > 1);
  const hints = unknown[1].split(', ').flatMap((word) => {
    const bare = word.replace(/^-+/, '');
    const best = known.map((k) => ({ k, d: distance(bare, k) })).sort((a, b) => a.d - b.d)[0];
    return best && best.d <= Math.max(2, Math.floor(bare.length / 3)) ? [`--${bare}: did you mean --${best.k}?`] : [];
  });
  return hints.length > 0 ? `${message} (${hints.join('; ')})` : message;
}

/**
 * Exits with `code` once everything written so far has left the process: with
 * stderr a pipe, process.exit right after a write can cut the message short.
 * A timer that does not keep the process alive ends it in case something else would.
 */
function finish(text: string, code: number): void {
  process.exitCode = code;
  process.stderr.write(text, () => setTimeout(() => process.exit(code), 5000).unref());
}

/** How a command line ended: the exit code and, for a failure, the message for stderr (ending in a newline). */
export interface CliOutcome {
  exitCode: number;
  message: string;
}

/**
 * Parses `argv` and runs the command it names in this process. Failures are
 * returned, not printed; the process is neither exited nor given signal
 * handlers (a command's own output still goes to stdout and stderr).
 */
export async function executeCli(argv: string[], options: BuildCliOptions = {}): Promise<CliOutcome> {
  try {
    await buildCli(argv, options).parseAsync();
    return { exitCode: 0, message: '' };
  } catch (error) {
    return describeFailure(error);
  }
}

/** The message and exit code of an error a command line ended with: usage (2), the user's input (2), or a bug (1). */
export function describeFailure(error: unknown): CliOutcome {
  // yargs reports a failed option check by rejecting with its message or a YError.
  if (typeof error === 'string' || (error instanceof Error && (error.name === 'YError' || error instanceof UsageError)))
    return { exitCode: 2, message: `error: ${typeof error === 'string' ? error : error.message}\nRun \`chuanyu --help\` for usage.\n` };
  const userError = error instanceof UserError ? error : asIoUserError(error) ?? asModelLimitError(error);
  if (userError) return { exitCode: userError.exitCode, message: `error: ${formatUserError(userError)}\n` };
  const message = error instanceof Error ? error.message : String(error);
  return {
    exitCode: 1,
    message: `internal error: ${message}\n${process.env.CHUANYU_DEBUG && error instanceof Error ? error.stack + '\n' : 'Set CHUANYU_DEBUG=1 for a stack trace; please report this.\n'}`,
  };
}

/**
 * `chuanyu scenarios | head`: when the reader of stdout goes away, stop as a
 * Unix filter does (exit status 141, 128 + SIGPIPE, what `set -o pipefail`
 * expects) instead of crashing with EPIPE. Results are written to temporary
 * folders and renamed into place only when complete, so stopping loses nothing.
 */
function endQuietlyWhenOutputCloses(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(141);
  });
}

/** The bin's entry: signal handlers, the command, and on failure its message on stderr and the exit code. */
export async function main(argv: string[]): Promise<void> {
  installSignalHandlers();
  endQuietlyWhenOutputCloses();
  const outcome = await executeCli(argv, { exitProcess: true });
  if (outcome.exitCode !== 0) finish(outcome.message, outcome.exitCode);
}

/** A run the model refused to continue (too many firms, a non-finite number): the scenario's inputs are the cause. */
function asModelLimitError(error: unknown): UserError | null {
  if (!(error instanceof Error) || error.name !== 'ModelLimitError') return null;
  return new UserError(error.message, { cause: error });
}
