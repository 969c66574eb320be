/**
 * The Game tab's data: the same four profiles read in the officials' objective
 * and in welfare, with 95% t-intervals, equilibria and the game's type, and a
 * sentence saying whether (and why) the lenses differ. Also the strategy chart's data.
 */
import { describe, expect, it } from 'vitest';
import type { Strategy } from '../../src/model/config.js';
import { runStrategyCells, strategyChart } from '../../src/web/charts.js';
import { compareLenses, lensGames as gamesOf, meanInterval, WHY_LENSES_DIFFER } from '../../src/web/game-view.js';
import type { EmpiricalGame } from '../../src/experiment/empirical-game.js';
import type { ExplorerResult } from '../../src/web/sim-core.js';

/** A profile's samples by lens: [region][replication]. */
type Samples = { strategies: Strategy[]; objective: number[][]; welfare: number[][] };

/** Three replications around a symmetric 2x2 game's payoffs (row player's payoff given first). */
function profiles(objective: Record<string, [number, number]>, welfare: Record<string, [number, number]>): Samples[] {
  const noisy = (v: number) => [v - 1, v, v + 1];
  return (['cooperate|cooperate', 'cooperate|compete', 'compete|cooperate', 'compete|compete'] as const).map((key) => ({
    strategies: key.split('|') as Strategy[],
    objective: objective[key].map(noisy),
    welfare: welfare[key].map(noisy),
  }));
}

/** The empirical game `chuanyu game` would give with these samples (the parts the Game tab reads). */
function empirical(samples: Samples[], names: string[]): EmpiricalGame {
  return {
    regions: names.map((n) => n.toLowerCase()),
    regionNames: names,
    strategies: [['cooperate', 'compete'], ['cooperate', 'compete']],
    replications: samples[0].objective[0].length,
    profiles: samples.map((p) => ({ strategies: p.strategies, values: { objective: p.objective, welfare: p.welfare } })),
  } as unknown as EmpiricalGame;
}
const lensGames = (samples: Samples[], names: string[]) => gamesOf(empirical(samples, names));

// A prisoner's dilemma for the officials (T 500 > R 300 > P 100 > S 0), harmony for residents (R > T, S > P).
const PD = { 'cooperate|cooperate': [300, 300], 'cooperate|compete': [0, 500], 'compete|cooperate': [500, 0], 'compete|compete': [100, 100] } as Record<string, [number, number]>;
const HARMONY = { 'cooperate|cooperate': [900, 900], 'cooperate|compete': [700, 600], 'compete|cooperate': [600, 700], 'compete|compete': [400, 400] } as Record<string, [number, number]>;

describe('the game in two lenses', () => {
  it('gives a 95% Student-t interval of a mean', () => {
    const [lo, hi] = meanInterval([1, 2, 3]);
    // mean 2, SE 1/sqrt(3), t(0.975, 2) = 4.302653
    expect(lo).toBeCloseTo(2 - 4.302653 / Math.sqrt(3), 5);
    expect(hi).toBeCloseTo(2 + 4.302653 / Math.sqrt(3), 5);
    expect(meanInterval([7])).toEqual([7, 7]);
  });

  it('finds each lens\'s equilibria and type, with every cell\'s means and intervals', () => {
    const [objective, welfare] = lensGames(profiles(PD, HARMONY), ['Sichuan', 'Chongqing']);
    expect(objective.lens).toBe('objective');
    expect(objective.type).toBe('prisoners-dilemma');
    expect(objective.equilibria).toEqual(['compete/compete']);
    expect(objective.cells[1][1].equilibrium).toBe('yes');
    expect(objective.cells[0][0].equilibrium).toBe('no');
    expect(objective.cells[0][1].means).toEqual([0, 500]);
    const [lo, hi] = objective.cells[0][1].intervals[1];
    expect(lo).toBeCloseTo(500 - 4.302653 / Math.sqrt(3), 5);
    expect(hi).toBeCloseTo(500 + 4.302653 / Math.sqrt(3), 5);
    expect(objective.replications).toBe(3);
    expect(welfare.lens).toBe('welfare');
    expect(welfare.type).toBe('harmony');
    expect(welfare.equilibria).toEqual(['cooperate/cooperate']);
    expect(welfare.sentence).not.toBe(objective.sentence);
  });

  it('says whether the lenses differ here, and why they may', () => {
    const differ = compareLenses(lensGames(profiles(PD, HARMONY), ['A', 'B']));
    expect(differ).toMatch(/^Here the officials' game is a prisoner's dilemma with equilibrium compete\/compete; the residents' is a harmony game with equilibrium cooperate\/cooperate\./);
    expect(differ).toContain(WHY_LENSES_DIFFER);
    expect(WHY_LENSES_DIFFER).toMatch(/ranked on GDP/);
    expect(WHY_LENSES_DIFFER).toMatch(/consume now and later/);
    const same = compareLenses(lensGames(profiles(PD, PD), ['A', 'B']));
    expect(same).toMatch(/^Here both lenses give a prisoner's dilemma with the same equilibrium compete\/compete\./);
    // A type the replications cannot settle is never called "the same game".
    const noisy = profiles(PD, PD);
    noisy[0].welfare = [[0, 300, 600], [0, 300, 600]];
    const unsettled = lensGames(noisy, ['A', 'B']);
    expect(unsettled[1].type).toBe('indeterminate');
    expect(compareLenses(unsettled)).toMatch(/the residents' is not settled by 3 replications \(on the means a prisoner's dilemma\)/);
  });

  it('keeps payoffs within noise as possible equilibria, not certain ones', () => {
    // Mutual competition pays 100 each; deviating to cooperate pays 100.5 on the means, but the
    // replications disagree by far more (the noise is not common to the two cells).
    const base = profiles(PD, PD);
    base[3].objective = [[90, 100, 110], [90, 100, 110]];
    base[1].objective = [[110.5, 100.5, 90.5], [500, 500, 500]];
    base[2].objective = [[500, 500, 500], [110.5, 100.5, 90.5]];
    const [objective] = lensGames(base, ['A', 'B']);
    expect(objective.cells[1][1].equilibrium).toBe('possible');
    expect(objective.equilibria).not.toContain('compete/compete');
  });
});

describe('the strategies chart', () => {
  it('maps the model\'s strategy codes to names, one band per government and replication', () => {
    const point = (replication: number, year: number, strategies: number[]) => ({ replication, year, similarity: 0, duplicatedShare: 0, valueAdded: [0, 0], clusters: [0, 0], strategies });
    const result = { regions: [{ id: 'sichuan', name: 'Sichuan' }, { id: 'chongqing', name: 'Chongqing' }], series: [point(0, 2020, [2, 1]), point(1, 2020, [0, 2])] } as unknown as ExplorerResult;
    const { cells, rows } = runStrategyCells(result);
    expect(rows).toEqual(['Sichuan, run 1', 'Chongqing, run 1', 'Sichuan, run 2', 'Chongqing, run 2']);
    expect(cells).toEqual([
      { row: 'Sichuan, run 1', year: 2020, strategy: 'cooperate' },
      { row: 'Chongqing, run 1', year: 2020, strategy: 'compete' },
      { row: 'Sichuan, run 2', year: 2020, strategy: 'invest' },
      { row: 'Chongqing, run 2', year: 2020, strategy: 'cooperate' },
    ]);
    const spec = strategyChart(cells, rows) as unknown as { mark: { type: string }; encoding: { color: { scale: { domain: string[] } } }; data: { values: { end: number }[] } };
    expect(spec.mark.type).toBe('rect');
    expect(spec.encoding.color.scale.domain).toEqual(['cooperate', 'invest', 'compete']);
    expect(spec.data.values[0].end).toBe(2021);
  });
});
