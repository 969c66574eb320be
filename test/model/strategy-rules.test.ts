import { describe, expect, it } from 'vitest';
import type { Strategy, StrategyRule } from '../../src/model/config.js';
import { createStreams, type Uniform } from '../../src/model/rng.js';
import { decideStrategy, initialMemory, type Observation, type RuleMemory } from '../../src/model/strategy-rules.js';

// ---------------------------------------------------------------------------
// The plain iterated prisoner's dilemma: 'cooperate' = C, 'compete' = D,
// payoffs R=3 (C,C), S=0 (C vs D), T=5 (D vs C), P=1 (D,D).
// ---------------------------------------------------------------------------

const R = 3;
const S = 0;
const T = 5;
const P = 1;

function payoff(mine: Strategy, theirs: Strategy): number {
  if (mine === 'invest' || theirs === 'invest') throw new Error('invest is not a move of the 2x2 game');
  if (mine === 'cooperate') return theirs === 'cooperate' ? R : S;
  return theirs === 'cooperate' ? T : P;
}

const flip = (s: Strategy): Strategy => (s === 'cooperate' ? 'compete' : 'cooperate');

interface Game {
  moves: [Strategy[], Strategy[]];
  scores: [number, number];
  payoffs: [number[], number[]];
}

/**
 * Plays two rules against each other. Each player sees its own last move and
 * payoff (the signal), the opponent's last move and payoff, and the step.
 * `noise(step, player)` returning true flips that player's move that round
 * (the played move is what both players then observe).
 */
function play(
  ruleA: StrategyRule,
  ruleB: StrategyRule,
  rounds: number,
  options: { seed?: number; noise?: (step: number, player: 0 | 1) => boolean } = {},
): Game {
  const streams = createStreams(options.seed ?? 1, 0);
  const randoms: [Uniform, Uniform] = [streams.government, streams.fund];
  const rules: [StrategyRule, StrategyRule] = [ruleA, ruleB];
  const memory: [RuleMemory, RuleMemory] = [initialMemory(ruleA), initialMemory(ruleB)];
  const game: Game = { moves: [[], []], scores: [0, 0], payoffs: [[], []] };
  let last: [Strategy | null, Strategy | null] = [null, null];
  let lastPay: [number | null, number | null] = [null, null];
  for (let step = 0; step < rounds; step++) {
    const chosen = ([0, 1] as const).map((i) => {
      const o = 1 - i;
      const obs: Observation = {
        step,
        own: last[i],
        others: last[o] === null ? [] : [last[o] as Strategy],
        signal: lastPay[i],
        otherSignals: last[o] === null ? [] : [lastPay[o]],
      };
      const d = decideStrategy(rules[i], memory[i], obs, randoms[i]);
      memory[i] = d.memory;
      return options.noise?.(step, i) ? flip(d.strategy) : d.strategy;
    }) as [Strategy, Strategy];
    const pay: [number, number] = [payoff(chosen[0], chosen[1]), payoff(chosen[1], chosen[0])];
    for (const i of [0, 1] as const) {
      game.moves[i].push(chosen[i]);
      game.payoffs[i].push(pay[i]);
      game.scores[i] += pay[i];
    }
    last = chosen;
    lastPay = pay;
  }
  return game;
}

const C: Strategy = 'cooperate';
const D: Strategy = 'compete';
const letters = (moves: Strategy[]) => moves.map((m) => (m === 'cooperate' ? 'C' : m === 'compete' ? 'D' : 'I')).join('');

const allC: StrategyRule = { rule: 'fixed', strategy: 'cooperate', timeline: [] };
const allD: StrategyRule = { rule: 'fixed', strategy: 'compete', timeline: [] };
const tft: StrategyRule = { rule: 'tit-for-tat', initial: 'cooperate' };
const grim: StrategyRule = { rule: 'grim', initial: 'cooperate' };
const pavlov: StrategyRule = {
  rule: 'win-stay-lose-shift',
  initial: 'cooperate',
  actions: ['cooperate', 'compete'],
  aspiration: 2,
  habituation: 0.2,
};

/** Observation helper for direct calls. */
function obs(partial: Partial<Observation>): Observation {
  return { step: 1, own: null, others: [], signal: null, otherSignals: [], ...partial };
}

// ---------------------------------------------------------------------------

describe('initialMemory', () => {
  it('starts untriggered with no estimates', () => {
    expect(initialMemory(tft)).toEqual({ triggered: false, aspiration: null, propensity: [], estimates: {}, floor: null });
    expect(initialMemory(grim).triggered).toBe(false);
  });

  it('takes the fixed aspiration of win-stay-lose-shift', () => {
    expect(initialMemory(pavlov).aspiration).toBe(2);
    expect(initialMemory({ ...pavlov, aspiration: null }).aspiration).toBeNull();
  });

  it('gives every reinforcement action the initial propensity', () => {
    const rule: StrategyRule = {
      rule: 'reinforcement',
      initial: 'cooperate',
      actions: ['invest', 'compete', 'cooperate'],
      forgetting: 0.1,
      initialPropensity: 0.05,
    };
    expect(initialMemory(rule).propensity).toEqual([0.05, 0.05, 0.05]);
  });
});

describe('fixed', () => {
  it('plays its strategy at every step', () => {
    const random = createStreams(1, 0).government;
    for (const step of [0, 1, 50]) expect(decideStrategy(allD, initialMemory(allD), obs({ step }), random).strategy).toBe('compete');
  });

  it('switches at the timeline steps', () => {
    // invest until step 2, compete at steps 3..6, cooperate from step 7 on
    const rule: StrategyRule = {
      rule: 'fixed',
      strategy: 'invest',
      timeline: [
        { step: 3, strategy: 'compete' },
        { step: 7, strategy: 'cooperate' },
      ],
    };
    const random = createStreams(1, 0).government;
    const got = Array.from({ length: 10 }, (_, step) => decideStrategy(rule, initialMemory(rule), obs({ step }), random).strategy);
    expect(letters(got)).toBe('IIIDDDDCCC');
  });

  // Suspected bug: the timeline is read in array order, so an entry listed after a
  // later one overrides it. normalizeRule (src/scenario/normalize.ts:66) does not sort
  // a user's timeline (only events are sorted, normalize.ts:233), so a scenario listing
  // years out of order plays the wrong strategy. Expected: at step 8 the latest entry
  // with step <= 8 (step 7, cooperate) applies; got: compete (step 3, listed last).
  it('applies the latest entry not after the step even when the timeline is unsorted', () => {
    const rule: StrategyRule = {
      rule: 'fixed',
      strategy: 'invest',
      timeline: [
        { step: 7, strategy: 'cooperate' },
        { step: 3, strategy: 'compete' },
      ],
    };
    const random = createStreams(1, 0).government;
    expect(decideStrategy(rule, initialMemory(rule), obs({ step: 8 }), random).strategy).toBe('cooperate');
  });
});

describe('tit-for-tat', () => {
  it('vs always-compete over 200 rounds loses only the first round: 199 vs 204', () => {
    // round 1: C vs D -> 0 vs 5; rounds 2..200: D vs D -> 199 x 1 each
    // TFT 0 + 199 = 199; always-D 5 + 199 = 204
    const g = play(tft, allD, 200);
    expect(g.scores).toEqual([199, 204]);
    expect(letters(g.moves[0])).toBe('C' + 'D'.repeat(199));
  });

  it('vs itself cooperates throughout: 600 each over 200 rounds', () => {
    // 200 x R = 600
    const g = play(tft, tft, 200);
    expect(g.scores).toEqual([600, 600]);
    expect(g.moves[0].every((m) => m === C)).toBe(true);
  });

  it('vs itself echoes a single noise-induced defection for ever', () => {
    // A defects by noise at step 2: (D,C), then B copies D while A copies C: (C,D), (D,C), ...
    const g = play(tft, tft, 8, { noise: (step, player) => step === 2 && player === 0 });
    expect(letters(g.moves[0])).toBe('CCDCDCDC');
    expect(letters(g.moves[1])).toBe('CCCDCDCD');
  });

  it('copies the least cooperative of several others', () => {
    const random = createStreams(1, 0).government;
    const m = initialMemory(tft);
    const decide = (others: Strategy[]) => decideStrategy(tft, m, obs({ own: C, others }), random).strategy;
    expect(decide([C, D, C])).toBe(D);
    expect(decide([C, 'invest', C])).toBe('invest');
    expect(decide(['invest', D])).toBe(D);
    expect(decide([C, C, C])).toBe(C);
    // first step: the initial move whatever the others did
    expect(decideStrategy({ rule: 'tit-for-tat', initial: 'invest' }, m, obs({ step: 0, own: null }), random).strategy).toBe('invest');
  });
});

describe('grim', () => {
  it('defects for ever from the round after the opponent defects once', () => {
    // opponent: cooperate, but compete at step 5 only
    const scripted: StrategyRule = {
      rule: 'fixed',
      strategy: 'cooperate',
      timeline: [
        { step: 5, strategy: 'compete' },
        { step: 6, strategy: 'cooperate' },
      ],
    };
    const g = play(grim, scripted, 20);
    expect(letters(g.moves[1])).toBe('CCCCCDCCCCCCCCCCCCCC');
    expect(letters(g.moves[0])).toBe('CCCCCC' + 'D'.repeat(14));
    // grim: 5 x 3 (steps 0-4) + 0 (step 5) + 14 x 5 = 85; opponent: 15 + 5 + 14 x 0 = 20
    expect(g.scores).toEqual([85, 20]);
  });

  it('vs always-compete scores like tit-for-tat: 199 vs 204', () => {
    expect(play(grim, allD, 200).scores).toEqual([199, 204]);
  });

  it('is triggered by any one of several others competing, not by invest', () => {
    const random = createStreams(1, 0).government;
    const m0 = initialMemory(grim);
    const a = decideStrategy(grim, m0, obs({ own: C, others: [C, 'invest'] }), random);
    expect(a.strategy).toBe(C);
    expect(a.memory.triggered).toBe(false);
    const b = decideStrategy(grim, a.memory, obs({ own: C, others: [C, D, C] }), random);
    expect(b.strategy).toBe(D);
    const c = decideStrategy(grim, b.memory, obs({ own: D, others: [C, C, C] }), random);
    expect(c.strategy).toBe(D);
    expect(c.memory.triggered).toBe(true);
  });
});

describe('win-stay-lose-shift', () => {
  it('with aspiration 2 (Pavlov) vs always-compete alternates C, D, C, D', () => {
    // C vs D: 0 < 2 lose -> shift to D; D vs D: 1 < 2 lose -> shift to C; ...
    // 100 rounds at 0 and 100 at 1 -> 100; opponent 100 x 5 + 100 x 1 = 600
    const g = play(pavlov, allD, 200);
    expect(letters(g.moves[0].slice(0, 8))).toBe('CDCDCDCD');
    expect(letters(g.moves[0])).toBe('CD'.repeat(100));
    expect(g.scores).toEqual([100, 600]);
  });

  it('vs always-cooperate cooperates (R=3 is a win)', () => {
    expect(play(pavlov, allC, 50).scores).toEqual([150, 150]);
  });

  it('in self-play recovers cooperation after one noise-induced defection', () => {
    // step 3: A defects by noise -> (D,C): A gets T=5 (win, stays D), B gets S=0 (lose, shifts to D)
    // step 4: (D,D): both P=1 < 2 lose -> both shift to C
    // step 5 on: (C,C)
    const g = play(pavlov, pavlov, 10, { noise: (step, player) => step === 3 && player === 0 });
    expect(letters(g.moves[0])).toBe('CCCDDCCCCC');
    expect(letters(g.moves[1])).toBe('CCCCDCCCCC');
  });

  it('adapts its aspiration when none is given', () => {
    // habituation 0.5; first signal 4: aspiration starts at 4, 4 >= 4 win, new aspiration 4
    // signal 2: 2 < 4 lose (shift), aspiration 0.5*4 + 0.5*2 = 3
    // signal 3: 3 >= 3 win (stay), aspiration 3
    const rule: StrategyRule = { ...pavlov, aspiration: null, habituation: 0.5 };
    const random = createStreams(1, 0).government;
    let m = initialMemory(rule);
    let d = decideStrategy(rule, m, obs({ own: C, others: [C], signal: 4 }), random);
    expect(d.strategy).toBe(C);
    expect(d.memory.aspiration).toBe(4);
    m = d.memory;
    d = decideStrategy(rule, m, obs({ own: C, others: [D], signal: 2 }), random);
    expect(d.strategy).toBe(D);
    expect(d.memory.aspiration).toBe(3);
    m = d.memory;
    d = decideStrategy(rule, m, obs({ own: D, others: [D], signal: 3 }), random);
    expect(d.strategy).toBe(D);
    expect(d.memory.aspiration).toBe(3);
  });

  it('shifts to one of the other actions uniformly when there are three', () => {
    // own invest loses -> cooperate or compete, 1/2 each; SE = sqrt(0.25/n)
    const rule: StrategyRule = { ...pavlov, actions: ['invest', 'compete', 'cooperate'] };
    const random = createStreams(5, 0).government;
    const n = 20_000;
    let coop = 0;
    for (let i = 0; i < n; i++) {
      const s = decideStrategy(rule, initialMemory(rule), obs({ own: 'invest', others: [D], signal: 0 }), random).strategy;
      expect(s).not.toBe('invest');
      if (s === C) coop++;
    }
    expect(Math.abs(coop / n - 0.5)).toBeLessThan(5 * Math.sqrt(0.25 / n));
  });
});

describe('imitate (Fermi rule)', () => {
  const fermi = (theirs: number, mine: number, kappa: number) => 1 / (1 + Math.exp(-(theirs - mine) / kappa));

  it('starts with its initial strategy', () => {
    const rule: StrategyRule = { rule: 'imitate', initial: 'invest', kappa: 1 };
    const random = createStreams(1, 0).government;
    expect(decideStrategy(rule, initialMemory(rule), obs({ step: 0 }), random).strategy).toBe('invest');
  });

  it('adopts the other\'s strategy with probability 1/(1+exp(-(pi_other-pi_self)/kappa))', () => {
    const random = createStreams(11, 0).government;
    const n = 20_000;
    for (const [mine, theirs, kappa] of [
      [1, 3, 1], // 1/(1+e^-2) = 0.8808
      [3, 1, 1], // 1/(1+e^2) = 0.1192
      [2, 2, 0.5], // 0.5
      [0.01, 0.03, 0.02], // 1/(1+e^-1) = 0.7311
    ] as const) {
      const rule: StrategyRule = { rule: 'imitate', initial: 'cooperate', kappa };
      const p = fermi(theirs, mine, kappa);
      let adopted = 0;
      for (let i = 0; i < n; i++) {
        const s: Strategy = decideStrategy(rule, initialMemory(rule), obs({ own: D, others: [C], signal: mine, otherSignals: [theirs] }), random).strategy;
        if (s === C) adopted++;
      }
      expect(Math.abs(adopted / n - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n));
    }
  });

  it('picks one of several others uniformly, then applies the Fermi rule to it', () => {
    // others [cooperate (signal 3), invest (signal 1)], own compete with signal 1, kappa 0.5
    // P(cooperate) = 1/2 * 1/(1+e^-4) = 0.49101; P(invest) = 1/2 * 1/2 = 0.25; P(compete) = 0.25899
    const rule: StrategyRule = { rule: 'imitate', initial: 'cooperate', kappa: 0.5 };
    const random = createStreams(12, 0).government;
    const n = 30_000;
    const counts: Record<Strategy, number> = { invest: 0, compete: 0, cooperate: 0 };
    for (let i = 0; i < n; i++) {
      counts[decideStrategy(rule, initialMemory(rule), obs({ own: D, others: [C, 'invest'], signal: 1, otherSignals: [3, 1] }), random).strategy]++;
    }
    const pC = 0.5 * fermi(3, 1, 0.5);
    const pI = 0.25;
    const pD = 1 - pC - pI;
    for (const [s, p] of [
      ['cooperate', pC],
      ['invest', pI],
      ['compete', pD],
    ] as const) {
      expect(Math.abs(counts[s] / n - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n));
    }
  });

  it('treats a missing signal of the other as equal to its own (probability 1/2)', () => {
    const rule: StrategyRule = { rule: 'imitate', initial: 'cooperate', kappa: 1 };
    const random = createStreams(13, 0).government;
    const n = 20_000;
    let adopted = 0;
    for (let i = 0; i < n; i++) {
      if (decideStrategy(rule, initialMemory(rule), obs({ own: D, others: [C], signal: 7, otherSignals: [null] }), random).strategy === C) adopted++;
    }
    expect(Math.abs(adopted / n - 0.5)).toBeLessThan(5 * Math.sqrt(0.25 / n));
  });
});

describe('best-response', () => {
  const br: StrategyRule = { rule: 'best-response', initial: 'cooperate', actions: ['cooperate', 'compete'], exploration: 0 };

  it('with exploration 0 vs always-cooperate: tries compete once, then keeps the better one', () => {
    // step 0: initial C, payoff 3 -> est[C|C] = 3
    // step 1: others' last C; est[D|C] untried -> D; payoff 5 -> est[D|C] = 5
    // step 2 on: 5 > 3 -> D
    const g = play(br, allC, 10);
    expect(letters(g.moves[0])).toBe('CDDDDDDDDD');
  });

  it('with exploration 0 vs always-compete: C, then D for ever', () => {
    // step 0: C, payoff 0 -> est[C|D] = 0; step 1: est[D|D] untried -> D, payoff 1; then 1 > 0 -> D
    const g = play(br, allD, 10);
    expect(letters(g.moves[0])).toBe('CDDDDDDDDD');
    expect(g.scores).toEqual([9, 14]);
  });

  it('with exploration 0 vs tit-for-tat, traced by hand', () => {
    // step BR TFT  BR payoff  estimates after                expected opponent next
    //  0    C   C    3        C|C = 3                          C
    //  1    D   C    5        D|C = 5   (D|C untried)           C
    //  2    D   D    1        D|D = 1   (5 > 3)                 D
    //  3    C   D    0        C|D = 0   (C|D untried)           D
    //  4    D   C    5        D|C = 5   (1 > 0)                 C
    //  5    D   D    1        D|D = 1   (5 > 3)                 D
    //  6    D   D    1        ...       (1 > 0)                 D  -> D for ever
    const g = play(br, tft, 10);
    expect(letters(g.moves[0])).toBe('CDDCDDDDDD');
    expect(letters(g.moves[1])).toBe('CCDDCDDDDD');
  });

  it('tries untried actions in the order of the rule\'s actions, then picks the highest average', () => {
    const rule: StrategyRule = { rule: 'best-response', initial: 'cooperate', actions: ['invest', 'compete', 'cooperate'], exploration: 0 };
    const random = createStreams(1, 0).government;
    let m = initialMemory(rule);
    // step 0 -> initial
    let d = decideStrategy(rule, m, obs({ step: 0 }), random);
    expect(d.strategy).toBe(C);
    m = d.memory;
    // after (C vs C) with signal 2: C|C = 2; invest and compete untried -> invest first
    d = decideStrategy(rule, m, obs({ own: C, others: [C], signal: 2 }), random);
    expect(d.strategy).toBe('invest');
    m = d.memory;
    // after (I vs C) signal 1: I|C = 1; compete untried -> compete
    d = decideStrategy(rule, m, obs({ own: 'invest', others: [C], signal: 1 }), random);
    expect(d.strategy).toBe(D);
    m = d.memory;
    // after (D vs C) signal 1.5: D|C = 1.5; averages I 1, D 1.5, C 2 -> cooperate
    d = decideStrategy(rule, m, obs({ own: D, others: [C], signal: 1.5 }), random);
    expect(d.strategy).toBe(C);
    m = d.memory;
    // after (C vs C) signal 0: C|C = (2+0)/2 = 1; averages I 1, D 1.5, C 1 -> compete
    d = decideStrategy(rule, m, obs({ own: C, others: [C], signal: 0 }), random);
    expect(d.strategy).toBe(D);
    expect(d.memory.estimates['cooperate|cooperate']).toEqual({ sum: 2, count: 2 });
    expect(d.memory.estimates['compete|cooperate']).toEqual({ sum: 1.5, count: 1 });
    // ties go to the first action in the list: I|C = 1 and C|C = 1 when D is worse
    m = { ...d.memory, estimates: { ...d.memory.estimates, 'compete|cooperate': { sum: 0, count: 1 } } };
    d = decideStrategy(rule, m, obs({ own: D, others: [C], signal: 0 }), random);
    // D|C becomes 0/2 = 0; I 1 = C 1 -> invest (first)
    expect(d.strategy).toBe('invest');
  });

  it('keys the estimates by the least cooperative of several others', () => {
    const random = createStreams(1, 0).government;
    const d = decideStrategy(br, initialMemory(br), obs({ own: C, others: [C, D], signal: 4 }), random);
    expect(d.memory.estimates).toEqual({ 'cooperate|compete': { sum: 4, count: 1 } });
  });

  it('with exploration 1 chooses uniformly among its actions', () => {
    const rule: StrategyRule = { ...br, exploration: 1 };
    const random = createStreams(21, 0).government;
    const n = 20_000;
    let coop = 0;
    let m = initialMemory(rule);
    for (let i = 0; i < n; i++) {
      const d = decideStrategy(rule, m, obs({ own: D, others: [C], signal: 5 }), random);
      m = d.memory; // estimates strongly favour compete; exploration ignores them
      if (d.strategy === C) coop++;
    }
    expect(Math.abs(coop / n - 0.5)).toBeLessThan(5 * Math.sqrt(0.25 / n));
  });
});

describe('reinforcement (Roth-Erev)', () => {
  const rule: StrategyRule = {
    rule: 'reinforcement',
    initial: 'cooperate',
    actions: ['cooperate', 'compete'],
    forgetting: 0.1,
    initialPropensity: 1,
  };

  it('updates q <- (1 - forgetting) q for every action, plus the payoff for the chosen one', () => {
    const random = createStreams(1, 0).government;
    let m = initialMemory(rule); // [1, 1]
    // chose C, payoff 3: [0.9*1 + 3, 0.9*1] = [3.9, 0.9]
    let d = decideStrategy(rule, m, obs({ own: C, others: [C], signal: 3 }), random);
    expect(d.memory.propensity[0]).toBeCloseTo(3.9, 14);
    expect(d.memory.propensity[1]).toBeCloseTo(0.9, 14);
    m = d.memory;
    // chose D, payoff 2: [0.9*3.9, 0.9*0.9 + 2] = [3.51, 2.81]
    d = decideStrategy(rule, m, obs({ own: D, others: [C], signal: 2 }), random);
    expect(d.memory.propensity[0]).toBeCloseTo(3.51, 14);
    expect(d.memory.propensity[1]).toBeCloseTo(2.81, 14);
    // the input memory is not mutated
    expect(m.propensity[0]).toBeCloseTo(3.9, 14);
  });

  it('does not reinforce a negative payoff (propensities stay non-negative)', () => {
    const random = createStreams(1, 0).government;
    // chose C, payoff -2: [0.9*1 + 0, 0.9*1] = [0.9, 0.9]
    const d = decideStrategy(rule, initialMemory(rule), obs({ own: C, others: [D], signal: -2 }), random);
    expect(d.memory.propensity[0]).toBeCloseTo(0.9, 14);
    expect(d.memory.propensity[1]).toBeCloseTo(0.9, 14);
  });

  it('chooses each action with probability propensity / total', () => {
    // propensities [3, 1] (no update: signal null) -> P(C) = 0.75; SE = sqrt(0.75*0.25/n)
    const random = createStreams(31, 0).government;
    const m: RuleMemory = { ...initialMemory(rule), propensity: [3, 1] };
    const n = 20_000;
    let coop = 0;
    for (let i = 0; i < n; i++) if (decideStrategy(rule, m, obs({ own: D, others: [C], signal: null }), random).strategy === C) coop++;
    expect(Math.abs(coop / n - 0.75)).toBeLessThan(5 * Math.sqrt((0.75 * 0.25) / n));
  });

  it('chooses uniformly when every propensity is zero', () => {
    const zero: StrategyRule = { ...rule, initialPropensity: 0 };
    const random = createStreams(32, 0).government;
    const n = 20_000;
    let coop = 0;
    for (let i = 0; i < n; i++) if (decideStrategy(zero, initialMemory(zero), obs({ own: C, others: [C], signal: null }), random).strategy === C) coop++;
    expect(Math.abs(coop / n - 0.5)).toBeLessThan(5 * Math.sqrt(0.25 / n));
  });

  it('mostly learns to compete against always-cooperate (T=5 > R=3)', () => {
    // compete is reinforced by 5 a round, cooperate by 3. With forgetting both
    // "always C" and "always D" are absorbing, so a game can lock in to C early;
    // over many seeded games most should end competing. (Measured: 63 of 100 seeded
    // games with forgetting 0.02 and the first move fixed at the rule's initial C.)
    const games = 100;
    let competing = 0;
    for (let seed = 1; seed <= games; seed++) {
      const g = play({ ...rule, forgetting: 0.02 } as StrategyRule, allC, 400, { seed });
      if (g.moves[0].slice(300).filter((m) => m === D).length > 50) competing++;
    }
    expect(competing / games).toBeGreaterThan(0.55);
  });

  // Suspected bug: the schema documents `initial` as "Strategy in the first step"
  // for every learning rule (src/scenario/schema.ts:29) and reinforcement accepts it,
  // but decideReinforcement (src/model/strategy-rules.ts:136-155) ignores it at the
  // first step and draws from the initial (equal) propensities instead.
  // Input: rule initial 'compete', step 0, own null. Expected: compete every time.
  // Got: cooperate about half of the time.
  it('plays its initial strategy at the first step', () => {
    const first: StrategyRule = { ...rule, initial: 'compete' };
    const random = createStreams(33, 0).government;
    for (let i = 0; i < 50; i++) {
      expect(decideStrategy(first, initialMemory(first), obs({ step: 0, own: null }), random).strategy).toBe('compete');
    }
  });
});
