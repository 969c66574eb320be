/**
 * Signals. Long commands take Ctrl-C (SIGINT) or SIGTERM as a request to stop
 * cleanly (`interruptSignal`): the job finishes what it can keep and reports; a
 * second signal exits at once. Any other time, a signal ends the process at
 * once. Either way, on the way out the hidden staging folders of results being
 * written are removed, so an interrupted write leaves nothing behind.
 */
import { removeLiveStagingSync } from '../results/output-folder.js';

const EXIT_CODE: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };
let activeInterrupts = 0;

/** Installs the process-wide handlers once (the CLI's entry point calls this). */
export function installSignalHandlers(): void {
  process.on('exit', removeLiveStagingSync);
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => {
      // A long command listening for this signal stops on its own, cleanly.
      if (activeInterrupts === 0) process.exit(EXIT_CODE[signal]);
    });
}

/** Ctrl-C handling for long commands: the first interrupt asks the job to stop cleanly, a second one exits at once. */
export function interruptSignal(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(EXIT_CODE[signal] ?? 130);
    process.stderr.write('\nInterrupted: finishing up (press Ctrl-C again to quit at once)...\n');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  activeInterrupts++;
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      activeInterrupts--;
    },
  };
}
