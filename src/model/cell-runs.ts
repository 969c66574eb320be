/**
 * The firm arrays as runs of consecutive firms of one cell (region x sector).
 *
 * Firms are created cell by cell and entrants are appended cell by cell, so the
 * arrays fall into long runs of the same cell (a few hundred runs for a million
 * firms; relocation splits a run where a firm moves). A pass that walks runs
 * reads each cell's constants once and keeps the cell's sums in local variables
 * instead of adding into a per-cell array firm by firm. The additions are the
 * same and in the same order, so the results are bit-identical to a firm-by-firm
 * pass; the gain is that consecutive additions no longer wait on each other
 * through memory (store-to-load forwarding), which made those passes 2x slower.
 *
 * The runs are kept up to date by what moves firms: the investment pass writes
 * the survivors' runs as it compacts them (`beginRuns`/`extendRuns`), entry
 * extends them, and relocation re-indexes.
 */
import type { FirmArrays } from './firms.js';
import { grown } from './typed-arrays.js';

export interface CellRuns {
  /** Number of runs. */
  count: number;
  /** Run q covers firms [start[q], start[q + 1]). */
  start: Uint32Array;
  /** Flat cell index (r * sectorCount + k) of run q. */
  cell: Uint32Array;
}

export function createCellRuns(): CellRuns {
  return { count: 0, start: new Uint32Array(65), cell: new Uint32Array(64) };
}

/** Rebuilds `runs` for the firms as they are now (one pass over region and sector). */
export function indexCellRuns(firms: FirmArrays, sectorCount: number, runs: CellRuns): void {
  const { region, sector } = firms;
  const n = firms.count;
  let count = 0;
  let current = -1;
  for (let i = 0; i < n; i++) {
    const cell = region[i] * sectorCount + sector[i];
    if (cell === current) continue;
    if (count === runs.cell.length) grow(runs);
    runs.start[count] = i;
    runs.cell[count] = cell;
    count++;
    current = cell;
  }
  runs.start[count] = n;
  runs.count = count;
}

/** Starts an empty run list (the investment pass fills it as it writes survivors). */
export function beginRuns(runs: CellRuns): void {
  runs.count = 0;
  runs.start[0] = 0;
}

/**
 * Notes that firms of `cell` now occupy slots from `from` on: a new run unless
 * the last run is of the same cell. `endRuns` closes the list.
 */
export function extendRuns(runs: CellRuns, cell: number, from: number): void {
  if (runs.count > 0 && runs.cell[runs.count - 1] === cell) return;
  if (runs.count === runs.cell.length) grow(runs);
  runs.start[runs.count] = from;
  runs.cell[runs.count] = cell;
  runs.count++;
}

/** Closes the run list at `end` firms. */
export function endRuns(runs: CellRuns, end: number): void {
  runs.start[runs.count] = end;
}

function grow(runs: CellRuns): void {
  runs.start = grown(runs.start, runs.start.length * 2);
  runs.cell = grown(runs.cell, runs.cell.length * 2);
}
