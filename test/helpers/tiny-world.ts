/** A tiny world for hand-computed model tests: two regions, two sectors, 8 equal firms, nothing reinvested, no entry, no upgrading. */
import type { ScenarioInput } from '../../src/scenario/schema.js';

export function tinyWorld(options: { fund: Record<string, unknown>; investShare: number; outsideShare?: number; exitRecovery?: number }): ScenarioInput {
  return {
    name: 'tiny',
    time: { start: 2000, steps: 3 },
    sectors: [
      { id: 'a', name: 'a' },
      { id: 'b', name: 'b' },
    ],
    regions: [
      { id: 'r0', name: 'r0', capitalShare: 0.5, sectorShares: { a: 0.5, b: 0.5 } },
      { id: 'r1', name: 'r1', capitalShare: 0.5, sectorShares: { a: 0.5, b: 0.5 } },
    ],
    initial: { firms: 8, zoneCapital: 80, capitalDispersion: 0, ...(options.outsideShare !== undefined ? { outsideShare: options.outsideShare } : {}) },
    firms: { reinvestShare: 0, entryRate: 0, entryFloor: 0, upgradeBase: 0, upgradeProfit: 0, upgradeFund: 0, ...(options.exitRecovery !== undefined ? { exitRecovery: options.exitRecovery } : {}) },
    governments: { r0: { strategy: 'invest', investShare: options.investShare }, r1: { strategy: 'invest', investShare: options.investShare } },
    fund: options.fund,
  };
}
