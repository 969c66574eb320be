/**
 * "Play the remaining years with a rule": the rules a student can hand their
 * government to, and the move such a rule makes next. The student's government
 * keeps its `fixed` timeline (so the finished game is one exact sequence of
 * moves that can be replayed over other seeds); each year the rule's move is
 * computed here with the model's own rule functions (src/model/strategy-rules.ts)
 * from what the model's governments observe (src/model/government.ts).
 */
import type { Strategy, StrategyRule } from '../model/config.js';
import { decideStrategy, initialMemory } from '../model/strategy-rules.js';
import type { Uniform } from '../model/rng.js';

/** Control values of the hand-over rules: two rule names, two fixed strategies, one learning rule. */
export const HANDOVER_CHOICES = ['tit-for-tat', 'grim', 'cooperate', 'compete', 'win-stay-lose-shift'] as const;
export type HandoverChoice = (typeof HANDOVER_CHOICES)[number];
export const isHandoverChoice = (v: string): v is HandoverChoice => (HANDOVER_CHOICES as readonly string[]).includes(v);

export const HANDOVER_LABELS: Record<HandoverChoice, string> = {
  'tit-for-tat': 'tit-for-tat (copy their last move)',
  grim: 'grim trigger (cooperate until they compete once)',
  cooperate: 'always cooperate',
  compete: 'always compete',
  'win-stay-lose-shift': 'win-stay, lose-shift',
};

/** A normalized rule (as the scenario schema fills it in) of one of the hand-over choices. */
export type HandoverRule = StrategyRule;

/**
 * The move `rule` makes at step T = strategies.length for government `student`,
 * as if it had played from the start: its memory (grim's trigger, the
 * aspiration of win-stay-lose-shift) is built from the whole history, so grim
 * remembers a competition that happened before the hand-over.
 *
 * `strategies[s]` are every government's moves at step s; `signals[s]` are the
 * payoff signals step s read (length T + 1), as `chooseStrategies` passes them.
 */
export function ruleMove(rule: HandoverRule, student: number, strategies: readonly Strategy[][], signals: readonly (number | null)[][], random: Uniform): Strategy {
  if (signals.length !== strategies.length + 1) throw new RangeError('ruleMove: one signal row per step and one for the next');
  let memory = initialMemory(rule);
  let strategy: Strategy = 'invest';
  for (let s = 0; s <= strategies.length; s++) {
    const last = s === 0 ? null : strategies[s - 1];
    const d = decideStrategy(
      rule,
      memory,
      {
        step: s,
        own: last ? last[student] : null,
        others: last ? last.filter((_, r) => r !== student) : [],
        signal: signals[s][student],
        otherSignals: signals[s].filter((_, r) => r !== student),
      },
      random,
    );
    strategy = d.strategy;
    memory = d.memory;
  }
  return strategy;
}
