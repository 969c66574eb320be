/**
 * The model refuses to write a number that is not finite. Absurd but finite
 * inputs (a zone capital of 1e308, transfers of 1e308, a demand growth of 1e308)
 * overflow to Infinity or NaN somewhere in a step; instead of writing empty CSV
 * cells or failing later with an internal error, the first recorded value that
 * is not finite stops the run with a `ModelLimitError` naming it.
 *
 * The check reads the step's record (a few numbers per region, sector and
 * cell), never the firms, so it costs nothing next to the step itself.
 */
import type { ModelConfig } from './config.js';
import { METRICS, pairLabel } from './metric-registry.js';
import { ModelLimitError } from './model-limit-error.js';
import { likelyTooLarge, yearOf } from './limits.js';
import { regionPairs, type StepRecord } from './record.js';
import type { Simulation } from './simulation-state.js';

/** Zone metrics that are NaN by definition at times ("no value"; the CSV has no row then), as their registry entries say. */
const MAY_BE_UNDEFINED: ReadonlySet<string> = new Set(METRICS.filter((d) => d.scope === 'zone' && d.mayBeUndefined).map((d) => d.name));

interface Place {
  metric: string;
  value: number;
  region?: string;
  sector?: string;
}

/** Sector measures computed from the cell tables: an overflow there starts in a cell, which names its region too. */
const DERIVED_SECTOR_MEASURES: ReadonlySet<string> = new Set(['duplicated']);

function firstNonFinite(record: StepRecord, config: ModelConfig): Place | null {
  const regionIds = config.regions.map((r) => r.id);
  const sectorIds = config.sectors.map((s) => s.id);
  const sectorLists = (derived: boolean) => Object.entries(record.sectors).filter(([metric]) => DERIVED_SECTOR_MEASURES.has(metric) === derived);
  // Markets first: demand and prices are where an overflow usually starts; then the cells, then what is derived from them.
  for (const [metric, values] of sectorLists(false)) {
    for (let k = 0; k < values.length; k++) if (!Number.isFinite(values[k])) return { metric, value: values[k], sector: sectorIds[k] };
  }
  for (const [metric, table] of Object.entries(record.cells)) {
    for (let r = 0; r < table.length; r++) {
      const row = table[r];
      for (let k = 0; k < row.length; k++) if (!Number.isFinite(row[k])) return { metric, value: row[k], region: regionIds[r], sector: sectorIds[k] };
    }
  }
  for (const [metric, values] of sectorLists(true)) {
    for (let k = 0; k < values.length; k++) if (!Number.isFinite(values[k])) return { metric, value: values[k], sector: sectorIds[k] };
  }
  for (const [metric, values] of Object.entries(record.region)) {
    for (let r = 0; r < values.length; r++) if (!Number.isFinite(values[r])) return { metric, value: values[r], region: regionIds[r] };
  }
  const pairs = regionPairs(regionIds.length);
  for (const [metric, values] of Object.entries(record.pair)) {
    for (let p = 0; p < values.length; p++) {
      if (!Number.isFinite(values[p])) return { metric, value: values[p], region: pairLabel(regionIds[pairs[p][0]], regionIds[pairs[p][1]]) };
    }
  }
  for (const [metric, value] of Object.entries(record.zone)) {
    if (!Number.isFinite(value) && !(Number.isNaN(value) && MAY_BE_UNDEFINED.has(metric))) return { metric, value };
  }
  return null;
}

const finiteList = (values: readonly number[]) => {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return false;
  return true;
};
const finiteLists = (lists: Readonly<Record<string, readonly number[]>>) => {
  for (const name in lists) if (!finiteList(lists[name])) return false;
  return true;
};

/** The fast test, allocating nothing: whether every value of the record is finite (bar the metrics that may be undefined). */
function isFiniteRecord(record: StepRecord): boolean {
  if (!finiteLists(record.sectors) || !finiteLists(record.region) || !finiteLists(record.pair)) return false;
  for (const name in record.cells) {
    const table = record.cells[name as keyof StepRecord['cells']];
    for (let r = 0; r < table.length; r++) if (!finiteList(table[r])) return false;
  }
  for (const name in record.zone) {
    const value = record.zone[name];
    if (!Number.isFinite(value) && !(Number.isNaN(value) && MAY_BE_UNDEFINED.has(name))) return false;
  }
  return true;
}

/** Throws a ModelLimitError on the first value of a step's record that is not finite. */
export function checkRecordFinite(record: StepRecord, config: ModelConfig): void {
  if (isFiniteRecord(record)) return;
  const place = firstNonFinite(record, config);
  if (place) throw nonFiniteError(config, record.step, place);
}

function nonFiniteError(config: ModelConfig, step: number | null, place: Place): ModelLimitError {
  return new ModelLimitError({ kind: 'non-finite', step, year: yearOf(config, step), ...place, suspects: likelyTooLarge(config) });
}

/**
 * Checks the initial world (after setup, before step 0): firm capital and the
 * numbers step 0 starts from (cell capital and output, demand, capacity,
 * prices, value added and tax base).
 */
export function checkInitialWorld(sim: Simulation): void {
  const { config, cells, market, previous, sectorCount: K } = sim;
  const regionIds = config.regions.map((r) => r.id);
  const sectorIds = config.sectors.map((s) => s.id);
  const bySector: [string, Float64Array][] = [['demand', market.demand], ['capacity', market.capacity], ['sold', market.sold], ['price', market.price], ['utilization', market.utilization]];
  for (const [metric, values] of bySector) {
    for (let k = 0; k < K; k++) if (!Number.isFinite(values[k])) throw nonFiniteError(config, null, { metric, value: values[k], sector: sectorIds[k] });
  }
  const byCell: [string, Float64Array][] = [['capital', cells.capital], ['output', cells.output], ['value_added', cells.valueAdded], ['profit', cells.profit]];
  for (const [metric, values] of byCell) {
    for (let c = 0; c < values.length; c++) {
      if (!Number.isFinite(values[c])) throw nonFiniteError(config, null, { metric, value: values[c], region: regionIds[Math.floor(c / K)], sector: sectorIds[c % K] });
    }
  }
  const byRegion: [string, Float64Array][] = [['value_added', previous.valueAdded], ['tax_base', previous.taxBase]];
  for (const [metric, values] of byRegion) {
    for (let r = 0; r < values.length; r++) if (!Number.isFinite(values[r])) throw nonFiniteError(config, null, { metric, value: values[r], region: regionIds[r] });
  }
  if (!Number.isFinite(sim.initialMeanFirmCapital)) throw nonFiniteError(config, null, { metric: 'mean firm capital', value: sim.initialMeanFirmCapital });
}
