/**
 * Play mode's pure parts: the move a hand-over rule makes (with memory of the
 * whole game), a session handed to a rule equals the model running that rule,
 * and a game scored over several replications with paired 95% intervals.
 */
import { describe, expect, it } from 'vitest';
import type { ModelConfig, Strategy } from '../../src/model/config.js';
import { runReplication } from '../../src/model/run.js';
import { deepMerge } from '../../src/scenario/merge.js';
import { ruleMove } from '../../src/web/play-rules.js';
import { describeDifference, PLAY_SCORE_REPLICATIONS, replayConfig, scorePlay } from '../../src/web/play-score.js';
import { buildScenario, mergeChain, SHIPPED_SCENARIOS } from '../../src/web/scenarios.js';
import { strategySpec, type GovernmentChoice } from '../../src/web/settings.js';
import { PlaySession } from '../../src/web/sim-core.js';

const never = () => {
  throw new Error('no random draw expected');
};
const nulls = (n: number) => Array.from({ length: n }, () => [null, null]);

/** The cooperate scenario, small, with each government's choice normalized through the schema. */
function small(choices: Record<string, GovernmentChoice>): ModelConfig {
  const raw = mergeChain(SHIPPED_SCENARIOS.cooperate, 'cooperate');
  const governments = Object.fromEntries(Object.entries(choices).map(([id, c]) => [id, { strategy: strategySpec(c) }]));
  const config = buildScenario(deepMerge<Record<string, unknown>>(raw, { governments })).config;
  return { ...config, steps: 6, initial: { ...config.initial, firmCount: 300 } };
}

describe('the move of a hand-over rule', () => {
  const tft = { rule: 'tit-for-tat', initial: 'cooperate' } as const;
  const grim = { rule: 'grim', initial: 'cooperate' } as const;

  it('starts with the rule\'s first move and then follows the rule', () => {
    expect(ruleMove(tft, 0, [], nulls(1), never)).toBe('cooperate');
    expect(ruleMove(tft, 0, [['cooperate', 'compete']], nulls(2), never)).toBe('compete');
    expect(ruleMove(tft, 1, [['invest', 'cooperate']], nulls(2), never)).toBe('invest');
  });

  it('remembers a competition before the hand-over (grim), which a fresh rule would not', () => {
    const history: Strategy[][] = [
      ['compete', 'cooperate'],
      ['cooperate', 'compete'],
      ['cooperate', 'cooperate'],
    ];
    expect(ruleMove(grim, 0, history, nulls(4), never)).toBe('compete');
    expect(ruleMove(grim, 0, history.slice(2), nulls(2), never)).toBe('cooperate');
    expect(ruleMove(grim, 0, [['cooperate', 'cooperate'], ['cooperate', 'cooperate']], nulls(3), never)).toBe('cooperate');
  });

  it('refuses a history without its signals', () => {
    expect(() => ruleMove(tft, 0, [['cooperate', 'cooperate']], nulls(1), never)).toThrow(RangeError);
  });
});

describe('handing a game to a rule', () => {
  for (const rule of ['tit-for-tat', 'grim', 'win-stay-lose-shift'] as const) {
    it(`played by ${rule} from the first year, it is the model's run of ${rule} (opponent tit-for-tat)`, () => {
      const config = small({ chongqing: 'tit-for-tat' });
      const ruled = small({ sichuan: rule, chongqing: 'tit-for-tat' });
      const session = new PlaySession(config, 0, 5);
      while (!session.done) session.step(session.nextByRule(ruled.governments[0].rule));
      const model = runReplication(ruled, { seed: 5, replication: 0, keepLog: false }).records;
      expect(session.years.map((y) => y.cumulativePayoff)).toEqual(model.map((r) => r.region.cumulative_payoff));
      const codes = ['invest', 'compete', 'cooperate'];
      expect(session.years.map((y) => y.strategies)).toEqual(model.map((r) => r.region.strategy.map((c) => codes[c])));
    });
  }

  it('after the student\'s own moves the rule answers what happened (tit-for-tat copies the other\'s last move)', () => {
    const config = small({ chongqing: 'compete' });
    const tft = small({ sichuan: 'tit-for-tat' }).governments[0].rule;
    const session = new PlaySession(config, 0, 2);
    session.step('cooperate');
    session.step('invest');
    while (!session.done) session.step(session.nextByRule(tft));
    expect(session.moves).toEqual(['cooperate', 'invest', 'compete', 'compete', 'compete', 'compete']);
  });
});

describe('scoring a game over several replications', () => {
  it('replays the exact moves: replication 1 is the game played, and a game of pure cooperation against cooperation ties mutual cooperation exactly', () => {
    const config = small({ chongqing: 'cooperate' });
    const session = new PlaySession(config, 1, 4);
    const moves: Strategy[] = ['compete', 'cooperate', 'compete', 'compete', 'invest', 'cooperate'];
    for (const m of moves) session.step(m);
    const rep0 = runReplication(replayConfig(session.config, 1, session.moves), { seed: 4, replication: 0, keepLog: false }).records;
    expect(rep0[rep0.length - 1].region.cumulative_payoff).toEqual(session.years[5].cumulativePayoff);

    const progress: number[] = [];
    const score = scorePlay(session.config, 1, session.moves, 4, 3, (done) => progress.push(done));
    expect(progress).toEqual([1, 2, 3]);
    expect(score.replications).toBe(3);
    expect(score.vsCooperation.n).toBe(3);
    expect(score.vsCooperation.difference).toBeCloseTo(score.played[1] - score.mutualCooperation[1], 6);
    expect(score.vsCompetition.ciLow).toBeLessThanOrEqual(score.vsCompetition.difference);
    expect(score.vsCompetition.ciHigh).toBeGreaterThanOrEqual(score.vsCompetition.difference);
    expect(score.vsCooperation.difference).not.toBe(0);

    const loyal = scorePlay(session.config, 1, moves.map(() => 'cooperate'), 4, 2);
    expect(loyal.vsCooperation).toMatchObject({ difference: 0, ciLow: 0, ciHigh: 0 });
    expect(loyal.zoneVsCooperation.difference).toBe(0);
    expect(loyal.played).toEqual(loyal.mutualCooperation);
  });

  it('scores a partly played game over its years only', () => {
    const config = small({ chongqing: 'grim' });
    const score = scorePlay(config, 0, ['compete', 'compete'], 1, 2);
    expect(score.years).toBe(2);
    expect(PLAY_SCORE_REPLICATIONS).toBe(8);
  });

  it('says the difference in words with its interval, a shortfall as a positive number', () => {
    const f = (v: number) => String(Math.round(v));
    const d = { n: 8, meanA: 0, meanB: 0, t: 0, p: 0 };
    expect(describeDifference({ ...d, difference: 1522, ciLow: -1223, ciHigh: 4267 }, 'mutual competition', f)).toBe(
      'beat mutual competition by 1522 [-1223, 4267] billion yuan over 8 replications; that is not distinguishable from zero',
    );
    expect(describeDifference({ ...d, difference: -300, ciLow: -500, ciHigh: -100 }, 'mutual cooperation', f)).toBe(
      'fell short of mutual cooperation by 300 [100, 500] billion yuan over 8 replications; that is distinguishable from zero',
    );
    expect(describeDifference({ ...d, n: 1, difference: 5, ciLow: Number.NaN, ciHigh: Number.NaN }, 'x', f)).toMatch(/one replication gives no interval/);
  });
});
