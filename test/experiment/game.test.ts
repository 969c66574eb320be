/**
 * The emergent game is read in every lens from the same runs (docs/ODD.md 4):
 * the objective lens is each government's weighted lenses, every lens's game
 * has the per-replication lens values as payoffs, and the decomposition's parts
 * add up to each profile's payoff gap. Which type of game comes out is a
 * measured result (docs/VALIDATION.md), not something these tests assert.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { runEmpiricalGame, parseLens, parseStrategies, type EmpiricalGame } from '../../src/experiment/game.js';
import { analyzeEmpiricalGame, type GameReport } from '../../src/experiment/game-analysis.js';
import { UserError } from '../../src/scenario/errors.js';
import { GAME_LENSES } from '../../src/model/metrics/lenses.js';

const small = async (objective?: Record<string, number>) => {
  const { scenario } = await loadScenario('cooperate');
  const s = structuredClone(scenario) as any;
  s.initial.firms = 400;
  s.time.steps = 15;
  if (objective) for (const id of ['sichuan', 'chongqing']) s.governments[id] = { ...s.governments[id], objective };
  return s;
};

describe('the emergent game in every lens', () => {
  let empirical: EmpiricalGame;
  let report: GameReport;
  beforeAll(async () => {
    empirical = await runEmpiricalGame(await small(), { strategies: ['cooperate', 'compete'], seed: 3, replications: 4, quiet: true, workers: 2 });
    report = analyzeEmpiricalGame(empirical);
  });

  it('scores the officials by their objective: with the default { gdp: 1 } the objective game is the GDP game', () => {
    expect(empirical.lens).toBe('objective');
    for (const p of empirical.profiles) expect(p.values.objective).toEqual(p.values.gdp);
    expect(report.byLens.objective.sub!.analysis.classification!.type).toBe(report.byLens.gdp.sub!.analysis.classification!.type);
    for (const lens of GAME_LENSES) expect(empirical.games[lens].payoffs.length).toBe(4);
  });

  it('decomposes every profile against mutual competition, with parts that add up to the gap', () => {
    const mutual = report.decomposition.filter((d) => d.profile.join() === 'cooperate,cooperate');
    expect(mutual.map((d) => d.lens).sort()).toEqual([...GAME_LENSES].sort());
    for (const d of report.decomposition) {
      expect(d.reference).toEqual(['compete', 'compete']);
      for (const region of d.regions) {
        const sum = region.parts.reduce((a, p) => a + p.change.mean, 0);
        expect(Math.abs(sum - region.total.mean)).toBeLessThan(1e-6 * (1 + Math.abs(region.total.mean)));
      }
    }
    const welfareParts = mutual.find((d) => d.lens === 'welfare')!.regions[0].parts.map((p) => p.part);
    expect(welfareParts).toContain('fund payments');
    expect(welfareParts.some((p) => p.includes('outside leakage'))).toBe(true);
  });

  it('plays the main analysis in the lens asked for, from the same numbers', async () => {
    const welfare = await runEmpiricalGame(await small(), { strategies: ['cooperate', 'compete'], seed: 3, replications: 4, quiet: true, workers: 2, lens: 'welfare' });
    expect(welfare.game).toBe(welfare.games.welfare);
    expect(welfare.games.welfare.payoffs).toEqual(empirical.games.welfare.payoffs);
    expect(analyzeEmpiricalGame(welfare).lens).toBe('welfare');
  });

  it('uses a welfare objective as the officials\' payoff when the scenario sets one', async () => {
    const game = await runEmpiricalGame(await small({ welfare: 1 }), { strategies: ['cooperate', 'compete'], seed: 3, replications: 2, quiet: true, workers: 2 });
    for (const p of game.profiles) expect(p.values.objective).toEqual(p.values.welfare);
  });

  it('checks the strategy list and the lens', () => {
    expect(parseStrategies(undefined)).toEqual(['invest', 'compete', 'cooperate']);
    expect(() => parseStrategies('cooperate,collude')).toThrow(UserError);
    expect(() => parseStrategies('cooperate')).toThrow(/at least two/);
    expect(parseLens(undefined)).toBe('objective');
    expect(() => parseLens('happiness')).toThrow(/objective, welfare, gdp, fiscal/);
  });
});
