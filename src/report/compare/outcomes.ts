/**
 * Win-win or zero-sum per scenario: stacked bars of the share of replications
 * ending in each outcome against the scenario's counterfactual.
 */
import type { TopLevelSpec } from 'vega-lite';
import { GAME_OUTCOMES } from '../../model/metrics/win-win.js';
import { OUTCOME_COLOURS } from '../common/palette.js';
import { outcomeLabel } from '../common/palette.js';
import { round, topLevel, type Spec } from '../common/chart-spec.js';
import type { ComparisonData } from './read.js';
import { scenarioWidth, scenarioX } from './distributions.js';

export function outcomesChart(data: ComparisonData): TopLevelSpec | null {
  const used = GAME_OUTCOMES.filter((o) => data.outcomes.some((list) => list.includes(o)));
  if (used.length === 0) return null;
  const values: Spec[] = [];
  for (const s of data.scenarios) {
    const list = data.outcomes[s.index].filter((o): o is string => o !== null);
    if (list.length === 0) continue;
    used.forEach((o, rank) => {
      const count = list.filter((x) => x === o).length;
      if (count > 0) values.push({ scenario: s.label, outcome: outcomeLabel(o), rank, share: round(count / list.length), count, of: list.length });
    });
  }
  const x = scenarioX(data);
  return topLevel(
    'Win-win or zero-sum in the GDP lens, by scenario',
    'Share of replications ending in each outcome: every region\'s cumulative value added against its counterfactual (same seed, every government invests, no fund).',
    {
      width: scenarioWidth(data),
      height: 220,
      data: { values },
      mark: { type: 'bar', stroke: 'white', strokeWidth: 0.5 },
      encoding: {
        x,
        y: { field: 'share', type: 'quantitative', title: 'Share of replications (%)', stack: 'zero', scale: { domain: [0, 1] }, axis: { format: '.0%' } },
        color: { field: 'outcome', type: 'nominal', title: 'Outcome', scale: { domain: used.map(outcomeLabel), range: used.map((o) => OUTCOME_COLOURS[o]) } },
        order: { field: 'rank', type: 'quantitative' },
        tooltip: [
          { field: 'scenario', type: 'nominal', title: 'Scenario' },
          { field: 'outcome', type: 'nominal', title: 'Outcome' },
          { field: 'count', type: 'quantitative', title: 'Replications' },
          { field: 'of', type: 'quantitative', title: 'Out of' },
        ],
      },
    },
  );
}
