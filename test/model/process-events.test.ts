/**
 * Step 1, events (events.ts), and the demand update of step 5 (demand.ts) that
 * applies their shocks, on the tiny world by hand: set, add and scale change
 * parameters in the year the event is dated and in no other; demand shocks
 * multiply this year's demand and show in its realised growth.
 */
import { describe, expect, it } from 'vitest';
import { applyEvents } from '../../src/model/events.js';
import { updateDemand } from '../../src/model/demand.js';
import type { ScheduledEvent } from '../../src/model/config.js';
import type { Simulation } from '../../src/model/simulation-state.js';
import { processWorld } from '../helpers/process-world.js';

const event = (step: number, label: string, changes: ScheduledEvent['changes'], shock: ScheduledEvent['demandShock'] = null): ScheduledEvent => ({
  step,
  kind: 'policy',
  label,
  source: 'test',
  changes,
  demandShock: shock,
});

function world(): Simulation {
  const sim = processWorld();
  sim.state.params.policy.poachShare = 0.4;
  sim.state.params.governments[0].taxRate = 0.2;
  sim.state.params.sectors[1].demandGrowth = 0.03;
  sim.config.events = [
    event(1, 'reform', [
      { path: ['policy', 'poachShare'], op: 'set', value: 0.7 },
      { path: ['governments', 0, 'taxRate'], op: 'add', value: 0.05 },
      { path: ['sectors', 1, 'demandGrowth'], op: 'scale', value: 2 },
    ]),
    event(1, 'slump', [], { sectors: [0], levelFactor: 0.5 }),
    event(1, 'second slump', [], { sectors: [0, 1], levelFactor: 0.8 }),
  ];
  return sim;
}

const advance = (sim: Simulation) => (sim.state = { ...sim.state, step: sim.state.step + 1 });

describe('events', () => {
  it('change nothing before their year', () => {
    const sim = world();
    const factor = new Float64Array(2);
    applyEvents(sim, factor);
    expect(sim.state.params.policy.poachShare).toBe(0.4);
    expect(sim.state.firedEvents).toEqual([]);
    expect(Array.from(factor)).toEqual([1, 1]);
  });

  it('set, add and scale parameters in their year, once', () => {
    const sim = world();
    const factor = new Float64Array(2);
    advance(sim);
    applyEvents(sim, factor);
    const p = sim.state.params;
    expect(p.policy.poachShare).toBe(0.7); // set
    expect(p.governments[0].taxRate).toBeCloseTo(0.25, 12); // 0.2 + 0.05
    expect(p.sectors[1].demandGrowth).toBeCloseTo(0.06, 12); // 0.03 x 2
    expect(sim.state.firedEvents.map((e) => `${e.step}:${e.label}`)).toEqual(['1:reform', '1:slump', '1:second slump']);
    expect(sim.log?.some((patch) => patch.cause === 'event:policy:reform' && patch.path.join('.') === 'params.policy.poachShare')).toBe(true);
    // Shocks multiply: sector a 0.5 x 0.8 = 0.4, sector b 0.8.
    expect(factor[0]).toBeCloseTo(0.4, 12);
    expect(factor[1]).toBeCloseTo(0.8, 12);
    // The year after: nothing is applied again.
    advance(sim);
    applyEvents(sim, factor);
    expect(p.governments[0].taxRate).toBeCloseTo(0.25, 12);
    expect(sim.state.params.sectors[1].demandGrowth).toBeCloseTo(0.06, 12);
    expect(sim.state.firedEvents).toHaveLength(3);
    expect(Array.from(factor)).toEqual([1, 1]);
  });

  it('shocks reach demand through the demand update, after trend growth', () => {
    const sim = world();
    for (const s of sim.config.sectors) s.demandVolatility = 0; // no cycle: growth is the trend
    sim.state.params.sectors[0].demandGrowth = 0.1;
    sim.market.demand.set([100, 50]);
    sim.market.cycle.fill(0);
    const factor = new Float64Array(2);
    advance(sim);
    applyEvents(sim, factor);
    updateDemand(sim, factor);
    // a: 100 x (1 + 0.1) x 0.4 = 44, realised growth 44 / 100 - 1 = -0.56.
    expect(sim.market.demand[0]).toBeCloseTo(44, 12);
    expect(factor[0]).toBeCloseTo(-0.56, 12);
    // b: the event doubled its trend to 0.06: 50 x 1.06 x 0.8 = 42.4, growth -0.152.
    expect(sim.market.demand[1]).toBeCloseTo(42.4, 12);
    expect(factor[1]).toBeCloseTo(-0.152, 12);
  });

  it('in the first year demand takes the shock without growing', () => {
    const sim = world();
    sim.config.events = [event(0, 'opening slump', [], { sectors: [1], levelFactor: 0.5 })];
    sim.market.demand.set([100, 50]);
    const factor = new Float64Array(2);
    applyEvents(sim, factor);
    updateDemand(sim, factor);
    expect(Array.from(sim.market.demand)).toEqual([100, 25]);
    expect(Array.from(factor)).toEqual([0, -0.5]);
  });
});
