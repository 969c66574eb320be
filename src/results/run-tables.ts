/**
 * Tidy tables of a run (one observation per row, as Mesa's DataCollector and
 * Agents.jl's dataframes). Generators, so large runs stream to disk.
 */
import { METRICS, pairLabel } from '../model/metric-registry.js';
import { regionPairs } from '../model/record.js';
import type { ModelConfig } from '../model/config.js';
import type { ReplicationResult } from '../model/run.js';
import { unitCell } from './metric-dictionary.js';

export const METRIC_COLUMNS = ['replication', 'step', 'year', 'region', 'metric', 'value'] as const;
export const SECTOR_COLUMNS = ['replication', 'step', 'year', 'region', 'sector', 'output', 'capital', 'firms', 'lq', 'investment', 'grants', 'relocation_offers', 'fund_invested'] as const;
export const MARKET_COLUMNS = ['replication', 'step', 'year', 'sector', 'demand', 'capacity', 'sold', 'price', 'utilization', 'investment', 'duplicated_investment'] as const;

/**
 * metrics.csv as written: the rows of metricRows with the metric's unit after its name, so the
 * table is self-describing (metricRows itself stays as the API and the golden test know it).
 */
export const METRIC_CSV_COLUMNS = ['replication', 'step', 'year', 'region', 'metric', 'unit', 'value'] as const;

export function* metricCsvRows(config: ModelConfig, replications: ReplicationResult[]): Generator<(string | number)[]> {
  for (const [replication, step, year, region, metric, value] of metricRows(config, replications)) yield [replication, step, year, region, metric, unitCell(metric), value];
}

export type MetricRow = [replication: number, step: number, year: number, region: string, metric: string, value: number];

/** metrics.csv rows: region metrics, then pair metrics, then zone metrics, per step. Undefined values (NaN) are omitted. */
export function* metricRows(config: ModelConfig, replications: ReplicationResult[]): Generator<MetricRow> {
  const ids = config.regions.map((r) => r.id);
  const pairs = regionPairs(ids.length).map(([a, b]) => pairLabel(ids[a], ids[b]));
  for (const rep of replications) {
    for (const rec of rep.records) {
      for (const def of METRICS) {
        if (def.scope === 'region') {
          const values = rec.region[def.name];
          for (let r = 0; r < ids.length; r++) if (Number.isFinite(values[r])) yield [rep.replication, rec.step, rec.year, ids[r], def.name, values[r]];
        } else if (def.scope === 'pair') {
          const values = rec.pair[def.name];
          for (let p = 0; p < pairs.length; p++) if (Number.isFinite(values[p])) yield [rep.replication, rec.step, rec.year, pairs[p], def.name, values[p]];
        } else if (Number.isFinite(rec.zone[def.name])) {
          yield [rep.replication, rec.step, rec.year, 'zone', def.name, rec.zone[def.name]];
        }
      }
    }
  }
}

export function* sectorRows(config: ModelConfig, replications: ReplicationResult[]): Generator<(string | number)[]> {
  for (const rep of replications)
    for (const rec of rep.records)
      for (let r = 0; r < config.regions.length; r++)
        for (let k = 0; k < config.sectors.length; k++)
          yield [rep.replication, rec.step, rec.year, config.regions[r].id, config.sectors[k].id, rec.cells.output[r][k], rec.cells.capital[r][k], rec.cells.firms[r][k], rec.cells.lq[r][k], rec.cells.investment[r][k], rec.cells.grants[r][k], rec.cells.offers[r][k], rec.cells.fund[r][k]];
}

export function* marketRows(config: ModelConfig, replications: ReplicationResult[]): Generator<(string | number)[]> {
  for (const rep of replications)
    for (const rec of rep.records)
      for (let k = 0; k < config.sectors.length; k++) {
        const s = rec.sectors;
        const investment = rec.cells.investment.reduce((a, row) => a + row[k], 0);
        yield [rep.replication, rec.step, rec.year, config.sectors[k].id, s.demand[k], s.capacity[k], s.sold[k], s.price[k], s.utilization[k], investment, s.duplicated[k]];
      }
}
