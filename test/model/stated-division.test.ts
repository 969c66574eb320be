/**
 * The fund's `stated-division` chain score (docs/ODD.md 7.4) and the partial
 * division of `policy.divisionScope: others-by-advantage` (7.3): chain values
 * worked out by hand, the fund's money going to the stated cells, refusal of
 * the score without a division it could follow, grants by hand under a partial
 * division, and in the shipped division-of-labour scenario the fund's money
 * going mostly to the stated stages, more than under `both-ends` (paired
 * replications, as in division-of-labour.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { chainScores, createStatedChainCache, statedDivisionChain } from '../../src/model/chain-scores.js';
import { createSimulation, type Simulation } from '../../src/model/simulation.js';
import { createStepScratch, stepSimulation } from '../../src/model/step.js';
import { normalizeScenario } from '../../src/scenario/normalize.js';
import { loadScenarioFromText } from '../../src/scenario/load.js';
import { ScenarioSchema, type ScenarioInput } from '../../src/scenario/schema.js';
import { fundStagesOf } from '../../src/experiment/fund-stages.js';
import type { DivisionScope } from '../../src/model/config.js';
import { tinyWorld } from '../helpers/tiny-world.js';
import { paired, runMany, shippedConfig } from '../helpers/scenarios.js';
import { SHIPPED, userError } from '../scenario/helpers.js';

const simulationOf = (input: ScenarioInput, seed = 3): Simulation =>
  createSimulation(normalizeScenario(ScenarioSchema.parse(input)), { seed, replication: 0, keepLog: false });

describe('stated-division chain values', () => {
  it('credits only stated cells, for both directions of their links to the other regions\' stated sectors, scaled so the best is 1', () => {
    // Sectors x, y, z; a[j][k] is what k buys from j: y buys 0.3 from x, z 0.25 from y, x 0.1 from z, x 0.05 from itself.
    const a = [
      [0.05, 0.3, 0],
      [0, 0, 0.25],
      [0.1, 0, 0],
    ];
    // Region A states x, B states y and x, C states z.
    const chain = statedDivisionChain([[0], [1, 0], [2]], a);
    // By hand (raw, before dividing by the largest, 0.55):
    //   A,x: B's y (0 + 0.3) and x (0.05 + 0.05), C's z (0.1 + 0) = 0.5
    //   B,y: A's x (0.3 + 0), C's z (0 + 0.25)                    = 0.55
    //   B,x: A's x (0.05 + 0.05), C's z (0.1)                      = 0.2
    //   C,z: A's x (0 + 0.1), B's y (0.25 + 0) and x (0.1)         = 0.45
    const expected = [0.5, 0, 0, 0.2, 0.55, 0, 0, 0, 0.45].map((v) => v / 0.55);
    expect(chain).toHaveLength(9);
    chain.forEach((v, c) => expect(v, `cell ${c}`).toBeCloseTo(expected[c], 12));
  });

  it('is all zeros when no stated sector of one region is linked to one of another\'s', () => {
    expect([...statedDivisionChain([[0], [1]], [[0.2, 0], [0, 0.2]])]).toEqual([0, 0, 0, 0]);
  });

  it('is what the fund reads, worked out once for the run, and the fund\'s money goes to the stated cells first', () => {
    const input = {
      ...tinyWorld({ fund: { size: 2, chainScore: 'stated-division', weights: { chain: 1 }, reinvestment: 0, deployRate: 1 }, investShare: 0 }),
      policy: { divisionOfLabour: { r0: ['a'], r1: ['b'] } },
    };
    // Links a-b both ways: r0's a and r1's b each score 1, the other cells 0.
    input.inputOutput = { a: { b: 0.2 }, b: { a: 0.1 } };
    const sim = simulationOf(input);
    const fund = sim.state.params.funds[0];
    const cache = createStatedChainCache();
    const first = chainScores(sim, fund, cache);
    expect([...first]).toEqual([1, 0, 0, 1]);
    expect(chainScores(sim, fund, cache)).toBe(first);
    const scratch = createStepScratch(sim);
    const record = stepSimulation(sim, scratch);
    const placed = record.cells.fund.flat();
    expect(placed[0] + placed[3]).toBeGreaterThan(0);
    expect(placed[1]).toBe(0);
    expect(placed[2]).toBe(0);
  });
});

describe('refusing stated-division without a division to follow', () => {
  const load = (extra: string) =>
    userError(() => loadScenarioFromText(`extends: cooperate\nname: t\nfund:\n  chainScore: stated-division\n  weights: { chain: 0.2 }\n${extra}`, { file: 't.yaml', scenariosDir: SHIPPED }));

  it('names fund.chainScore and says what is missing', async () => {
    const none = await load('');
    expect(none.message).toMatch(/t\.yaml:\d+:\d+: fund\.chainScore: "stated-division" .* policy\.divisionOfLabour states sectors for no region/);
    expect((await load('policy:\n  divisionOfLabour: { chongqing: [autos] }\n')).message).toMatch(/fund\.chainScore: .*states sectors for only one region/);
    // Food and textiles buy nothing from each other in the baseline table.
    expect((await load('policy:\n  divisionOfLabour: { chongqing: [food], sichuan: [textiles] }\n')).message).toMatch(/fund\.chainScore: .*no input-output link joins/);
  });

  it('accepts a division with a stated link', () => {
    const loaded = loadScenarioFromText('extends: cooperate\nname: t\nfund:\n  chainScore: stated-division\npolicy:\n  divisionOfLabour: { chongqing: [autos], sichuan: [auto-parts] }\n', { file: 't.yaml', scenariosDir: SHIPPED });
    expect(loaded.config.funds[0].chainScore).toBe('stated-division');
  });
});

describe('a partial division (divisionScope: others-by-advantage)', () => {
  const world = (divisionScope: DivisionScope): ScenarioInput => ({
    name: 'scope',
    time: { start: 2000, steps: 2 },
    sectors: ['a', 'b', 'c', 'd'].map((id) => ({ id, name: id })),
    regions: [
      { id: 'r0', name: 'r0', capitalShare: 0.6, sectorShares: { a: 0.4, b: 0.3, c: 0.2, d: 0.1 } },
      { id: 'r1', name: 'r1', capitalShare: 0.4, sectorShares: { a: 0.1, b: 0.2, c: 0.3, d: 0.4 } },
    ],
    initial: { firms: 200, zoneCapital: 100 },
    governments: { r0: { strategy: 'cooperate' }, r1: { strategy: 'cooperate' } },
    policy: { divisionOfLabour: { r0: ['a'], r1: ['b'] }, divisionScope, comparativeTilt: 0.5 },
    fund: { enabled: false },
  });

  /** Grant shares by sector of each region in the first step, and the capital they were split by. */
  function firstGrants(divisionScope: DivisionScope): { shares: number[][]; capital: number[][] } {
    const sim = simulationOf(world(divisionScope));
    const capital = [0, 1].map((r) => Array.from(sim.cells.capital.subarray(4 * r, 4 * r + 4)));
    stepSimulation(sim, createStepScratch(sim));
    const shares = [0, 1].map((r) => {
      const g = Array.from(sim.cells.grants.subarray(4 * r, 4 * r + 4));
      const total = g.reduce((x, y) => x + y, 0);
      expect(total).toBeGreaterThan(0);
      return g.map((x) => x / total);
    });
    return { shares, capital };
  }

  it('listed-only: each region subsidises only its listed sectors', () => {
    const { shares } = firstGrants('listed-only');
    expect(shares[0]).toEqual([1, 0, 0, 0]);
    expect(shares[1]).toEqual([0, 1, 0, 0]);
  });

  it('others-by-advantage: own stage by capital, none of the other\'s stage, the rest by C * LQ^0.5', () => {
    const { shares, capital } = firstGrants('others-by-advantage');
    const regionTotal = capital.map((row) => row.reduce((x, y) => x + y, 0));
    const zone = regionTotal[0] + regionTotal[1];
    const advantage = (r: number, k: number) => capital[r][k] * Math.sqrt(capital[r][k] / regionTotal[r] / ((capital[0][k] + capital[1][k]) / zone));
    const weights = [
      [capital[0][0], 0, advantage(0, 2), advantage(0, 3)],
      [0, capital[1][1], advantage(1, 2), advantage(1, 3)],
    ];
    weights.forEach((w, r) => {
      const total = w.reduce((x, y) => x + y, 0);
      w.forEach((x, k) => expect(shares[r][k], `r${r} sector ${k}`).toBeCloseTo(x / total, 12));
    });
  });
});

describe('the shipped division-of-labour scenario\'s fund', () => {
  const REPLICATIONS = 4;
  const MARGIN = 2.5;
  const FIRMS = 600;

  it('has the chain values its header states: 1 for Sichuan\'s components and Chongqing\'s autos, 0.875 for the other two stages, 0 elsewhere', async () => {
    const config = await shippedConfig('division-of-labour');
    const chain = statedDivisionChain(config.policy.divisionOfLabour, config.inputOutput);
    const K = config.sectors.length;
    const at = (r: number, s: string) => chain[r * K + config.sectors.findIndex((x) => x.id === s)];
    expect(at(0, 'electronic-components')).toBeCloseTo(1, 12);
    expect(at(1, 'autos')).toBeCloseTo(1, 12);
    expect(at(0, 'auto-parts')).toBeCloseTo(0.875, 12);
    expect(at(1, 'electronics')).toBeCloseTo(0.875, 12);
    expect(chain.reduce((n, v) => n + (v > 0 ? 1 : 0), 0)).toBe(4);
  });

  it('puts most of its money in the stated stages, and more than the both-ends score does', async () => {
    const config = await shippedConfig('division-of-labour', (s) => (s.initial.firms = FIRMS));
    const bothEnds = await shippedConfig('division-of-labour', (s) => {
      s.initial.firms = FIRMS;
      s.fund.chainScore = 'both-ends';
    });
    const division = config.policy.divisionOfLabour;
    const shares = (runs: ReturnType<typeof runMany>) => runs.map((records) => fundStagesOf(division, records).share);
    const stated = shares(runMany(config, REPLICATIONS));
    const both = shares(runMany(bothEnds, REPLICATIONS));
    for (const s of stated) expect(s).toBeGreaterThan(0.5);
    expect(paired(stated, both).t).toBeGreaterThan(MARGIN);
  });
});
