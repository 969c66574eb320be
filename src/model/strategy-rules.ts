/**
 * Government strategy rules (docs/ODD.md 7.2).
 *
 * A rule is a pure function of what the government saw last step: its own move
 * and payoff signal, the others' moves and signals, and its memory. The same
 * functions drive the simulated governments and the plain repeated 2x2 game,
 * where the signal is the round's payoff; in the simulation it is the growth of
 * the government's payoff (see docs/ODD.md), so regions of different size compare.
 */
import type { Strategy, StrategyRule } from './config.js';
import type { Uniform } from './rng.js';

export interface RuleMemory {
  /** grim: an opponent has competed. */
  triggered: boolean;
  /** win-stay-lose-shift: current aspiration level (adaptive when the rule gives none). */
  aspiration: number | null;
  /** reinforcement: Roth-Erev propensity per action (same order as the rule's actions). */
  propensity: number[];
  /** best-response: sum and count of signals per (own action, others' move) key. */
  estimates: Record<string, { sum: number; count: number }>;
  /** reinforcement with an adaptive reference: the lowest signal seen so far. */
  floor: number | null;
}

export interface Observation {
  /** Step being decided (0 = first). */
  step: number;
  /** Own move last step (null at the first step). */
  own: Strategy | null;
  /** Other governments' moves last step. */
  others: Strategy[];
  /** Own payoff signal last step (null at the first step or when undefined). */
  signal: number | null;
  /** The others' payoff signals last step, same order as `others`. */
  otherSignals: (number | null)[];
}

export function initialMemory(rule: StrategyRule): RuleMemory {
  const actions = 'actions' in rule ? rule.actions : [];
  const propensity = rule.rule === 'reinforcement' ? actions.map(() => rule.initialPropensity) : [];
  const aspiration = rule.rule === 'win-stay-lose-shift' ? rule.aspiration : null;
  return { triggered: false, aspiration, propensity, estimates: {}, floor: null };
}

/** The least cooperative of the others' moves (cooperate > invest > compete). */
function leastCooperative(others: Strategy[]): Strategy {
  if (others.includes('compete')) return 'compete';
  if (others.includes('invest')) return 'invest';
  return 'cooperate';
}

function pickUniform(actions: Strategy[], random: Uniform): Strategy {
  return actions[Math.min(actions.length - 1, Math.floor(random() * actions.length))];
}

export interface Decision {
  strategy: Strategy;
  memory: RuleMemory;
}

export function decideStrategy(rule: StrategyRule, memory: RuleMemory, obs: Observation, random: Uniform): Decision {
  switch (rule.rule) {
    case 'fixed': {
      // The latest entry that has started wins, whatever order the timeline was written in.
      let strategy = rule.strategy;
      let from = Number.NEGATIVE_INFINITY;
      for (const entry of rule.timeline)
        if (entry.step <= obs.step && entry.step >= from) {
          strategy = entry.strategy;
          from = entry.step;
        }
      return { strategy, memory };
    }
    case 'tit-for-tat':
      return { strategy: obs.own === null ? rule.initial : leastCooperative(obs.others), memory };
    case 'grim': {
      const triggered = memory.triggered || obs.others.includes('compete');
      return { strategy: obs.own === null ? rule.initial : triggered ? 'compete' : 'cooperate', memory: { ...memory, triggered } };
    }
    case 'win-stay-lose-shift':
      return decideWinStayLoseShift(rule, memory, obs, random);
    case 'imitate': {
      if (obs.own === null || obs.others.length === 0) return { strategy: obs.own ?? rule.initial, memory };
      const j = Math.min(obs.others.length - 1, Math.floor(random() * obs.others.length));
      const mine = obs.signal ?? 0;
      const theirs = obs.otherSignals[j] ?? mine;
      const adopt = 1 / (1 + Math.exp(-(theirs - mine) / rule.kappa));
      return { strategy: random() < adopt ? obs.others[j] : obs.own, memory };
    }
    case 'best-response':
      return decideBestResponse(rule, memory, obs, random);
    case 'reinforcement':
      return decideReinforcement(rule, memory, obs, random);
  }
}

function decideWinStayLoseShift(
  rule: Extract<StrategyRule, { rule: 'win-stay-lose-shift' }>,
  memory: RuleMemory,
  obs: Observation,
  random: Uniform,
): Decision {
  if (obs.own === null || obs.signal === null) return { strategy: obs.own ?? rule.initial, memory };
  const level = memory.aspiration ?? obs.signal; // an adaptive aspiration starts at the first payoff
  const win = obs.signal >= level;
  const aspiration = rule.aspiration !== null ? rule.aspiration : (1 - rule.habituation) * level + rule.habituation * obs.signal;
  const next = { ...memory, aspiration };
  if (win) return { strategy: obs.own, memory: next };
  const others = rule.actions.filter((a) => a !== obs.own);
  return { strategy: others.length === 0 ? obs.own : pickUniform(others, random), memory: next };
}

function decideBestResponse(
  rule: Extract<StrategyRule, { rule: 'best-response' }>,
  memory: RuleMemory,
  obs: Observation,
  random: Uniform,
): Decision {
  let estimates = memory.estimates;
  if (obs.own !== null && obs.signal !== null) {
    const key = `${obs.own}|${leastCooperative(obs.others)}`;
    const old = estimates[key] ?? { sum: 0, count: 0 };
    estimates = { ...estimates, [key]: { sum: old.sum + obs.signal, count: old.count + 1 } };
  }
  const next = { ...memory, estimates };
  const explore = random() < rule.exploration;
  if (obs.own === null) return { strategy: rule.initial, memory: next };
  if (explore) return { strategy: pickUniform(rule.actions, random), memory: next };
  const expected = leastCooperative(obs.others);
  let best = rule.actions[0];
  let bestValue = Number.NEGATIVE_INFINITY;
  for (const action of rule.actions) {
    const e = estimates[`${action}|${expected}`];
    const value = e && e.count > 0 ? e.sum / e.count : Number.POSITIVE_INFINITY; // untried: try it
    if (value > bestValue) {
      best = action;
      bestValue = value;
    }
  }
  return { strategy: best, memory: next };
}

function decideReinforcement(
  rule: Extract<StrategyRule, { rule: 'reinforcement' }>,
  memory: RuleMemory,
  obs: Observation,
  random: Uniform,
): Decision {
  // Roth-Erev needs non-negative reinforcements: payoffs are measured from a
  // reference (0 in the textbook game; adaptive, the worst signal seen, in the
  // simulation, whose payoff-growth signal is often negative).
  let propensity = memory.propensity;
  let floor = memory.floor;
  if (obs.own !== null && obs.signal !== null) {
    floor = floor === null ? obs.signal : Math.min(floor, obs.signal);
    const reference = rule.reference === undefined ? 0 : rule.reference === null ? floor : rule.reference;
    const chosen = rule.actions.indexOf(obs.own);
    const gain = Math.max(0, obs.signal - reference);
    propensity = propensity.map((q, a) => (1 - rule.forgetting) * q + (a === chosen ? gain : 0));
  }
  const next = { ...memory, propensity, floor };
  if (obs.own === null) return { strategy: rule.initial, memory: next };
  const total = propensity.reduce((a, b) => a + b, 0);
  if (!(total > 0)) return { strategy: pickUniform(rule.actions, random), memory: next };
  let u = random() * total;
  for (let a = 0; a < rule.actions.length; a++) {
    u -= propensity[a];
    if (u < 0) return { strategy: rule.actions[a], memory: next };
  }
  return { strategy: rule.actions[rule.actions.length - 1], memory: next };
}
