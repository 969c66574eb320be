/** fast-check arbitrary of small, valid scenarios covering every strategy, rule and fund option. */
import fc from 'fast-check';
import type { ScenarioInput } from '../../src/scenario/schema.js';

const strategies = ['invest', 'compete', 'cooperate'] as const;

const shares = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 20 }), { minLength: n, maxLength: n }).map((w) => {
    const fixed = w.map((x, i) => (i === 0 ? x + 1 : x)); // never all zero
    const total = fixed.reduce((a, b) => a + b, 0);
    const out = fixed.map((x) => x / total);
    out[out.length - 1] = 1 - out.slice(0, -1).reduce((a, b) => a + b, 0);
    return out.map((x) => Math.max(0, x));
  });

const rule = fc.oneof(
  fc.constantFrom(...strategies),
  fc.record({ rule: fc.constant('tit-for-tat' as const) }),
  fc.record({ rule: fc.constant('grim' as const) }),
  fc.record({ rule: fc.constant('win-stay-lose-shift' as const), actions: fc.constant([...strategies]) }),
  fc.record({ rule: fc.constant('imitate' as const) }),
  fc.record({ rule: fc.constant('best-response' as const), exploration: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ rule: fc.constant('reinforcement' as const) }),
);

export const arbitraryScenario: fc.Arbitrary<ScenarioInput> = fc
  .record({ regions: fc.integer({ min: 2, max: 3 }), sectors: fc.integer({ min: 2, max: 5 }) })
  .chain(({ regions, sectors }) =>
    fc.record({
      regionShares: shares(regions),
      sectorShares: fc.array(shares(sectors), { minLength: regions, maxLength: regions }),
      rules: fc.array(rule, { minLength: regions, maxLength: regions }),
      growth: fc.array(fc.double({ min: -0.05, max: 0.2, noNaN: true }), { minLength: sectors, maxLength: sectors }),
      elasticity: fc.array(fc.double({ min: 1.1, max: 4, noNaN: true }), { minLength: sectors, maxLength: sectors }),
      io: fc.array(fc.array(fc.double({ min: 0, max: 0.15, noNaN: true }), { minLength: sectors, maxLength: sectors }), { minLength: sectors, maxLength: sectors }),
      fund: fc.boolean(),
      leverage: fc.double({ min: 0, max: 3, noNaN: true }),
      reinvestment: fc.double({ min: 0, max: 2, noNaN: true }),
      size: fc.double({ min: 0, max: 50, noNaN: true }),
      life: fc.integer({ min: 1, max: 8 }),
      period: fc.integer({ min: 1, max: 5 }),
      chain: fc.double({ min: 0, max: 2, noNaN: true }),
      chainScore: fc.constantFrom('outside-share' as const, 'both-ends' as const),
      poach: fc.double({ min: 0, max: 0.6, noNaN: true }),
      firms: fc.integer({ min: 20, max: 300 }),
      steps: fc.integer({ min: 3, max: 14 }),
      shockYear: fc.integer({ min: 0, max: 2 }),
      shock: fc.double({ min: 0.3, max: 2, noNaN: true }),
    }).map((p) => {
      const sectorIds = Array.from({ length: sectors }, (_, k) => `s${k}`);
      const regionIds = Array.from({ length: regions }, (_, r) => `r${r}`);
      const scenario: ScenarioInput = {
        name: 'random',
        time: { start: 2000, steps: p.steps, stepYears: 1 },
        sectors: sectorIds.map((id, k) => ({ id, name: id, demandGrowth: p.growth[k], elasticity: p.elasticity[k] })),
        regions: regionIds.map((id, r) => ({
          id,
          name: id,
          capitalShare: p.regionShares[r],
          sectorShares: Object.fromEntries(sectorIds.map((s, k) => [s, p.sectorShares[r][k]])),
        })),
        inputOutput: Object.fromEntries(sectorIds.map((k, kk) => [k, Object.fromEntries(sectorIds.map((j, jj) => [j, p.io[kk][jj]]))])),
        initial: { firms: p.firms, zoneCapital: 100 },
        governments: Object.fromEntries(regionIds.map((id, r) => [id, { strategy: p.rules[r] as never }])),
        policy: { poachShare: p.poach },
        fund: {
          enabled: p.fund,
          leverage: p.leverage,
          reinvestment: p.reinvestment,
          size: p.size,
          life: Math.max(p.life, p.period),
          investmentPeriod: p.period,
          weights: { chain: p.chain },
          chainScore: p.chainScore,
        },
        events: [{ year: 2000 + p.shockYear, type: 'shock', label: 'shock', demand: { sectors: 'all', factor: p.shock } }],
      };
      return scenario;
    }),
  );
