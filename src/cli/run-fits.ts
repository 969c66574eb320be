/**
 * Runs that cannot finish are refused before they start, and a run the model
 * stops (too many firms, numbers that overflowed) is reported against the
 * scenario file that asked for it.
 */
import { freemem, totalmem } from 'node:os';
import { estimateRunSize } from '../model/run-size.js';
import type { LoadedScenario } from '../scenario/load.js';
import { UserError } from '../scenario/errors.js';

const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GiB`;

/**
 * Refuses a scenario whose projected firm population passes what a run can
 * hold, or whose replications kept at once (one per worker, records of every
 * replication a run keeps) need more memory than this machine has.
 */
export function checkRunFits(loaded: LoadedScenario, options: { replications: number; workers?: number; keepsRecords?: boolean }): void {
  const estimate = estimateRunSize(loaded.config);
  if (!estimate.fits) throw new UserError(`cannot run this scenario: ${estimate.describe()}`, { file: loaded.file });
  const concurrent = Math.max(1, Math.min(options.workers ?? 1, options.replications));
  // A run keeps every replication's records (and its counterfactual's) for its tables; experiments keep summaries only.
  const kept = options.keepsRecords ? 2 * options.replications * estimate.recordBytes : 0;
  const needed = concurrent * estimate.firmBytes * 2 + kept; // a replication and its counterfactual's firms
  const available = Math.max(totalmem() * 0.8, freemem());
  if (needed > available)
    throw new UserError(
      `cannot run this scenario here: ${estimate.describe()}; with ${options.replications} replications${concurrent > 1 ? ` on ${concurrent} workers` : ''} it needs about ${gib(needed)}, more than the ${gib(available)} this machine can give. Reduce initial.firms, time.steps, --replications or --workers`,
      { file: loaded.file },
    );
}

/** Runs `work`; a run the model stopped (ModelLimitError) becomes a user error naming the scenario file. */
export async function reportingModelLimits<T>(file: string, work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Error && error.name === 'ModelLimitError') throw new UserError(error.message, { file, cause: error });
    throw error;
  }
}
