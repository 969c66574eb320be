/**
 * The charts of a sweep report, chosen by the number of swept parameters:
 *
 * - one parameter: the headline metrics against it, and the outcome shares;
 * - two parameters: heatmaps over the grid (a scatter for a Latin
 *   hypercube), each parameter's main effect, and the most frequent outcome;
 * - three or more: each parameter's main effect, and the outcome shares
 *   against each parameter.
 */
import type { SweepData, SweepParameter } from './read.js';
import { effectChart, effectMode } from './effects.js';
import { SWEEP_HEADLINE } from '../common/headline-metrics.js';
import { isGrid, twoParameterChart } from './grid.js';
import { outcomeChart } from './outcomes.js';
import type { ExperimentChart } from '../common/write-charts.js';
import { drawnCharts, type ChartEntry } from '../common/chart-list.js';

/** File-name-safe form of a parameter path or id. */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'x'
  );
}

function effectCaption(data: SweepData, parameter: SweepParameter): string {
  const { style, aggregate } = effectMode(data, parameter);
  const read =
    style === 'scatter'
      ? `Each point is one sampled design point at its value of ${parameter.path}; since the other parameters vary too, look for the overall trend rather than at neighbouring points, and read the bars as the spread across replications.`
      : aggregate
        ? `Read each ${style === 'line' ? 'line' : 'point'} as the average effect of ${parameter.path} over every setting of the other parameters; a wide ${style === 'line' ? 'band' : 'bar'} means the effect depends on those other settings.`
        : `Read each ${style === 'line' ? 'line' : 'point'} as the average over replications at that value of ${parameter.path} and the ${style === 'line' ? 'shaded band' : 'bar'} as the range of 90% of replications; where bands of neighbouring values overlap, the difference may be noise.`;
  return `${read} In the value-added panel, points above the dashed zero line mean the region gained against its counterfactual; regions keep their colours from the run reports.`;
}

/**
 * Every chart of a sweep report, in report order. The list depends on the
 * swept parameters: the two-parameter chart (two parameters only), one
 * headline or main-effect chart a parameter, and the outcome shares.
 */
export function sweepChartList(data: SweepData): ChartEntry<SweepData>[] {
  const { parameters } = data;
  const entries: ChartEntry<SweepData>[] = [];
  if (parameters.length === 2) {
    const pair: [SweepParameter, SweepParameter] = [parameters[0], parameters[1]];
    const grid = isGrid(data, pair);
    entries.push({
      name: grid ? 'heatmaps' : 'scatter',
      heading: grid ? `Headline metrics over ${pair[0].path} and ${pair[1].path}` : `Headline metrics over the sampled ${pair[0].path} and ${pair[1].path}`,
      caption: grid
        ? `Each cell is one combination of the two parameters, labelled with the mean over replications and, below it, the 95% interval of that mean; compare cells along a row to see the effect of ${pair[0].path} and along a column for ${pair[1].path}, and read two cells as different only where their intervals do not overlap. The panels of one metric share one colour scale. For value added against the counterfactual, orange cells are gains and blue cells losses.`
        : `Each dot is one sampled combination of the two parameters; look for regions of the plane where the colour is consistently dark or light. For value added against the counterfactual, orange dots are gains and blue dots losses.`,
      build: () => twoParameterChart(data, pair, SWEEP_HEADLINE),
      skipped: 'no headline metric has values at the sweep\'s points.',
    });
  }
  // Chart names are taken in report order by the charts drawn (a later parameter whose slug repeats an earlier one's gets -2).
  const names = new Set<string>();
  for (const parameter of parameters)
    entries.push({
      name: () => {
        let name = parameters.length === 1 ? 'headline' : `effect-${slug(parameter.path)}`;
        while (names.has(name)) name += '-2';
        names.add(name);
        return name;
      },
      heading: () => (parameters.length === 1 ? `Headline metrics against ${parameter.path}` : effectMode(data, parameter).aggregate ? `Main effect of ${parameter.path}` : `Headline metrics against the sampled ${parameter.path}`),
      caption: () => effectCaption(data, parameter),
      build: () => effectChart(data, parameter, SWEEP_HEADLINE),
      skipped: 'no headline metric has values at the parameter\'s points.',
    });
  entries.push({
    name: 'outcomes',
    heading: 'Win-win or zero-sum (GDP lens)',
    caption:
      parameters.length === 2
        ? 'Each cell or dot shows which outcome most replications of that point ended in, and the label its share: green means both regions gained against the counterfactual, orange that the zone gained but a region lost, purple zero-sum (one region\'s gain is the other\'s loss).'
        : 'Each bar splits the replications at one value into their outcomes: the taller the green part, the more often both regions gained against the counterfactual; orange means the zone gained but a region lost, purple zero-sum (one region\'s gain is the other\'s loss).',
    build: outcomeChart,
    skipped: 'the sweep ran without counterfactuals (--no-counterfactual), so there are no outcomes.',
  });
  return entries;
}

export const sweepCharts = (data: SweepData): ExperimentChart[] => drawnCharts(sweepChartList(data), data);
