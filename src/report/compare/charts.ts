/**
 * The charts of a comparison report, in report order: each scenario's
 * verdicts against its counterfactual (when the folder has them), per-replication
 * distributions, the forest plot of paired differences, regional grouped bars
 * and the outcome shares (when the scenarios ran with counterfactuals), then
 * the "Over time" overlays of every scenario's trajectories (over-time.ts).
 */
import type { ExperimentChart } from '../common/write-charts.js';
import { drawnCharts, type ChartEntry } from '../common/chart-list.js';
import type { ComparisonData } from './read.js';
import { distributionsChart } from './distributions.js';
import { forestChart } from './forest.js';
import { outcomesChart } from './outcomes.js';
import { regionsChart } from './regions.js';
import { verdictsChart } from './verdicts-chart.js';
import { OVER_TIME_CHARTS } from './over-time.js';

/** Every chart of a comparison report, in report order. */
export const COMPARE_CHARTS: readonly ChartEntry<ComparisonData>[] = [
  {
    name: 'verdicts',
    heading: 'Verdicts in every lens',
    caption:
      "One panel per lens. Each row is a scenario with its verdict in that lens; each dot is how much a region (colour) or the zone (black) gained or lost against the scenario's own counterfactual, with its 95% interval as a line. A line that crosses the dashed zero line cannot be told from no change with these replications.",
    build: verdictsChart,
    skipped: 'the folder has no verdicts to show (no verdicts.json, e.g. the scenarios ran without counterfactuals).',
  },
  {
    name: 'distributions',
    heading: 'Headline metrics by scenario',
    caption:
      'Each grey dot is one replication and the black tick with its line the mean and its 95% confidence interval; scenarios whose intervals do not overlap differ clearly, but the paired differences below are the sharper test because every scenario ran with the same seeds.',
    build: distributionsChart,
    skipped: 'no headline metric has values in the replications.',
  },
  {
    name: 'differences',
    heading: (data) => `Forest plot of the differences from ${data.reference.label}`,
    caption: (data) =>
      `Each row is one scenario (and region) minus ${data.reference.label}, replication by replication with the same seeds: a dot right of the dashed zero line means the scenario has more of that metric, and an interval that does not cross zero means the difference is unlikely to be noise.`,
    build: forestChart,
    skipped: 'the comparison has no paired differences of the headline metrics.',
  },
  {
    name: 'regions',
    heading: 'Regional results side by side',
    caption: 'Bars of the same colour are the same region across scenarios; compare their heights to see which scenario a region does best in, and read the black lines as the 95% confidence intervals of the means.',
    build: regionsChart,
    skipped: 'no region-scope headline metric has values.',
  },
  {
    name: 'outcomes',
    heading: 'Win-win or zero-sum (GDP lens)',
    caption:
      "Each bar splits a scenario's replications by outcome against its counterfactual: green means both regions gained, orange that the zone gained but a region lost, purple zero-sum (one region's gain is the other's loss), grey no change.",
    build: outcomesChart,
    skipped: 'no replication has an outcome against a counterfactual (the scenarios ran without counterfactuals).',
  },
  ...OVER_TIME_CHARTS,
];

export const compareCharts = (data: ComparisonData): ExperimentChart[] => drawnCharts(COMPARE_CHARTS, data);
