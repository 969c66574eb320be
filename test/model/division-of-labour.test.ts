/**
 * The shipped `division-of-labour` scenario (the paper's proposal: Chongqing
 * assembles autos and electronics, Sichuan makes auto parts and electronic
 * components): it states what it claims to state, its grants follow the stated
 * division, and the question "does the division of labour specialise the
 * regions along the stated sectors?" is answered with replications under
 * common random numbers, each paired difference at least 2.5 standard errors
 * from zero (as in behaviour.test.ts). Whether it pays both regions is what
 * `chuanyu run division-of-labour` reports; it is not promised here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModelConfig } from '../../src/model/config.js';
import { counterfactualConfig } from '../../src/model/counterfactual.js';
import type { StepRecord } from '../../src/model/record.js';
import { runReplication } from '../../src/model/run.js';
import { loadScenario } from '../../src/scenario/load.js';
import { last, paired, runMany, shippedConfig } from '../helpers/scenarios.js';

const REPLICATIONS = 8;
const MARGIN = 2.5;
const FIRMS = 600; // small worlds keep the test fast; the shares asserted do not depend on the count

const SICHUAN = 0;
const CHONGQING = 1;
/** Each region's stated stages, by region index. */
const STAGES: readonly (readonly string[])[] = [
  ['auto-parts', 'electronic-components'],
  ['autos', 'electronics'],
];

describe('the shipped division-of-labour scenario', () => {
  it('loads, validates and states the paper\'s division of the two chains, with the stated-division chain score', async () => {
    const { scenario, config } = await loadScenario('division-of-labour');
    const id = (k: number) => config.sectors[k].id;
    const division = config.regions.map((_, r) => config.policy.divisionOfLabour[r].map(id));
    expect(config.regions.map((r) => r.id)).toEqual(['sichuan', 'chongqing']);
    // Each region lists its own stages and nothing else; the other sectors keep comparative advantage.
    for (const r of [SICHUAN, CHONGQING]) expect([...division[r]].sort()).toEqual([...STAGES[r]].sort());
    expect(config.policy.divisionScope).toBe('others-by-advantage');
    // Electronics split by stage, with assembly buying from components.
    const k = (s: string) => config.sectors.findIndex((x) => x.id === s);
    expect(config.inputOutput[k('electronic-components')][k('electronics')]).toBeGreaterThan(0);
    expect(config.inputOutput[k('auto-parts')][k('autos')]).toBeGreaterThan(0);
    expect(config.governments.every((g) => g.rule.rule === 'fixed' && g.rule.strategy === 'cooperate')).toBe(true);
    expect(config.funds).toHaveLength(1);
    expect(config.funds[0].chainScore).toBe('stated-division');
    expect(config.funds[0].weights.chain).toBeGreaterThan(0);
    expect(scenario.description).toMatch(/\?/); // it asks a question
  });

  it('pays no grant to a sector the division gives the other region, and some to every stated stage', async () => {
    const config = await shippedConfig('division-of-labour', (s) => (s.initial.firms = FIRMS));
    const K = config.sectors.length;
    const k = (s: string) => config.sectors.findIndex((x) => x.id === s);
    const grants = new Float64Array(2 * K);
    runReplication(config, { seed: 1, replication: 0, keepLog: false, onStep: (_, sim) => sim.cells.grants.forEach((g, i) => (grants[i] += g)) });
    for (const [r, other] of [[SICHUAN, CHONGQING], [CHONGQING, SICHUAN]] as const) {
      for (const s of STAGES[other]) expect(grants[r * K + k(s)], `${config.regions[r].id} ${s}`).toBe(0);
      for (const s of STAGES[r]) expect(grants[r * K + k(s)], `${config.regions[r].id} ${s}`).toBeGreaterThan(0);
    }
  });
});

describe('does the division of labour specialise the regions along the stated sectors?', () => {
  let runs: Record<'division' | 'undivided' | 'counterfactual', StepRecord[][]>;
  let config: ModelConfig;

  beforeAll(async () => {
    config = await shippedConfig('division-of-labour', (s) => (s.initial.firms = FIRMS));
    // The same world and fund, cooperating by comparative advantage instead of a
    // stated division (the fund, with no division to follow, scores both ends of every link).
    const undivided = await shippedConfig('division-of-labour', (s) => {
      s.initial.firms = FIRMS;
      s.policy.divisionOfLabour = {};
      s.fund.chainScore = 'both-ends';
    });
    runs = { division: runMany(config, REPLICATIONS), undivided: runMany(undivided, REPLICATIONS), counterfactual: runMany(counterfactualConfig(config), REPLICATIONS) };
  });

  /** Region r's share of the zone's final output in the sectors `ids`. */
  const shareOf = (name: keyof typeof runs, r: number, ids: readonly string[]) =>
    runs[name].map((records) => {
      const out = last(records).cells.output;
      const ks = ids.map((s) => config.sectors.findIndex((x) => x.id === s));
      const own = ks.reduce((a, k) => a + out[r][k], 0);
      const zone = ks.reduce((a, k) => a + out.reduce((b, row) => b + row[k], 0), 0);
      return own / zone;
    });

  for (const r of [SICHUAN, CHONGQING]) {
    const who = r === SICHUAN ? 'Sichuan' : 'Chongqing';
    it(`${who} ends with a larger share of the zone's output in its stated sectors than under cooperation by comparative advantage`, () => {
      expect(paired(shareOf('division', r, STAGES[r]), shareOf('undivided', r, STAGES[r])).t).toBeGreaterThan(MARGIN);
    });
    it(`${who} ends with a larger share of the zone's output in its stated sectors than in the counterfactual`, () => {
      expect(paired(shareOf('division', r, STAGES[r]), shareOf('counterfactual', r, STAGES[r])).t).toBeGreaterThan(MARGIN);
    });
  }

  // The stages the division takes away from comparative advantage: Chongqing
  // had the larger auto-parts base, Sichuan the larger electronics base.
  // (Chongqing's autos and Sichuan's components, which comparative advantage
  // already favours, are not asserted against it.)
  it('moves auto parts towards Sichuan and electronics assembly towards Chongqing, against comparative advantage', () => {
    expect(paired(shareOf('division', SICHUAN, ['auto-parts']), shareOf('undivided', SICHUAN, ['auto-parts'])).t).toBeGreaterThan(MARGIN);
    expect(paired(shareOf('division', CHONGQING, ['electronics']), shareOf('undivided', CHONGQING, ['electronics'])).t).toBeGreaterThan(MARGIN);
  });
});
