/** The records' region-sector tables of where money went add up to the region totals. */
import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/model/run.js';
import { shippedConfig } from '../helpers/scenarios.js';

describe('region-sector money in the records', () => {
  it('grants, relocation offers and fund money by cell sum to each region\'s totals, and are part of its investment', async () => {
    for (const name of ['compete', 'cooperate']) {
      const config = await shippedConfig(name, (s) => {
        s.initial.firms = 400;
        s.time.steps = 12;
      });
      const { records } = runReplication(config, { seed: 2, replication: 0, keepLog: false });
      let sawMoney = false;
      for (const rec of records)
        config.regions.forEach((_, r) => {
          const sum = (table: number[][]) => table[r].reduce((a, b) => a + b, 0);
          const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
          close(sum(rec.cells.grants), rec.region.grants[r]);
          close(sum(rec.cells.offers), rec.region.relocation_offers[r]);
          close(sum(rec.cells.fund), rec.region.fund_invested[r]);
          close(sum(rec.cells.investment), rec.region.investment[r]);
          for (let k = 0; k < config.sectors.length; k++)
            expect(rec.cells.investment[r][k] + 1e-9).toBeGreaterThanOrEqual(rec.cells.grants[r][k] + rec.cells.offers[r][k] + rec.cells.fund[r][k] - 1e-9 * rec.cells.investment[r][k]);
          if (sum(rec.cells.grants) + sum(rec.cells.fund) + sum(rec.cells.offers) > 0) sawMoney = true;
        });
      expect(sawMoney, name).toBe(true);
    }
  });
});
