/**
 * The emergent game on the shipped scenarios, as the reference design (docs/ODD.md 9b) says it should be:
 * under the default parameters the cooperate-vs-compete game between the two
 * governments is a prisoner's dilemma, with every deciding gap beyond its 95%
 * sampling error (paired over common random numbers).
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { runEmpiricalGame, parseStrategies } from '../../src/experiment/game.js';
import { analyzeEmpiricalGame } from '../../src/experiment/game-analysis.js';
import { UserError } from '../../src/scenario/errors.js';

describe('the emergent game', () => {
  it('is a prisoner\'s dilemma for both governments under the cooperate scenario\'s defaults', async () => {
    const { scenario } = await loadScenario('cooperate');
    const empirical = await runEmpiricalGame(scenario, { strategies: ['cooperate', 'compete'], seed: 1, replications: 8, quiet: true, workers: 2 });
    const report = analyzeEmpiricalGame(empirical);
    const cls = report.sub!.analysis.classification!;
    expect(cls.players.map((p) => p.ordering)).toEqual(['T > R > P > S', 'T > R > P > S']);
    expect(cls.type).toBe('prisoners-dilemma');
    expect(report.full.pure.equilibria.map((e) => e.names)).toEqual([['compete', 'compete']]);
    // Mutual cooperation is Pareto-optimal, the equilibrium is not: the dilemma.
    const pareto = report.full.pareto.filter((p) => p.optimal).map((p) => p.names.join(','));
    expect(pareto).toContain('cooperate,cooperate');
    expect(pareto).not.toContain('compete,compete');
    // Replicator dynamics: universal competition is the only stable rest point.
    const stable = report.sub!.analysis.replicator!.restPoints.filter((r) => r.stability === 'stable');
    expect(stable.map((r) => [r.x, r.y])).toEqual([[0, 0]]);
  });

  it('checks the strategy list', () => {
    expect(parseStrategies(undefined)).toEqual(['invest', 'compete', 'cooperate']);
    expect(() => parseStrategies('cooperate,collude')).toThrow(UserError);
    expect(() => parseStrategies('cooperate')).toThrow(/at least two/);
  });
});
