/**
 * Every chart of a run report, in report order: a file name, a heading, a
 * one-sentence caption on how to read it, and the pure function that builds
 * its Vega-Lite spec (null when the run has nothing to show, e.g. no fund).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ResultsData } from './read.js';
import { capacityChart } from './charts/capacity.js';
import { clustersChart } from './charts/clusters.js';
import { guidanceFundChart } from './charts/guidance-fund.js';
import { sectorStructureChart } from './charts/sector-structure.js';
import { similarityChart } from './charts/similarity.js';
import { valueAddedChart } from './charts/value-added.js';
import { winWinChart } from './charts/win-win.js';
import { wasteChart } from './charts/waste.js';

export interface ChartDefinition {
  /** File stem: charts/NAME.vl.json, NAME.svg, NAME.png. */
  name: string;
  heading: string;
  caption: (data: ResultsData) => string;
  build: (data: ResultsData) => TopLevelSpec | null;
  /** Why `build` returned null, for the report. */
  skipped?: (data: ResultsData) => string;
}

export const CHARTS: readonly ChartDefinition[] = [
  {
    name: 'similarity',
    heading: 'Similarity of industrial structures',
    caption: (data) =>
      `Read the solid line as the average similarity of the two regions' sector mixes (1 = identical) and the shaded band as the range of 90% of replications; a line above its dashed counterfactual means the strategies made the regions more alike${
        data.scenario.target?.metric === 'similarity' ? ', and the distance to the diamonds is the gap to the observed values' : ''
      }.`,
    build: similarityChart,
    skipped: () => 'the scenario has a single region, so there is no pair to compare.',
  },
  {
    name: 'sector-structure',
    heading: 'Sector structure of each region',
    caption: () => 'Each band is one sector\'s share of the region\'s manufacturing output, so a widening band means the region is moving into that sector and panels that look alike mean similar structures.',
    build: sectorStructureChart,
  },
  {
    name: 'capacity',
    heading: 'Overcapacity and duplicated investment',
    caption: () =>
      'Sectors whose line falls below the dashed threshold are in overcapacity; in the lower panel, a higher line means more of the regions\' new investment went into the same sectors at once.',
    build: capacityChart,
  },
  {
    name: 'waste',
    heading: 'Waste against the counterfactual',
    caption: () =>
      'Where a solid line runs above its dashed counterfactual, the scenario\'s strategies left more capital idle, wrote more off, or put more expansion into sectors that then fell into overcapacity than every government simply investing would have.',
    build: wasteChart,
    skipped: () => 'these results were written before the waste metrics existed; run the scenario again.',
  },
  {
    name: 'clusters',
    heading: 'Industrial clusters',
    caption: () =>
      'Orange cells are sectors concentrated in a region (location quotient above 1), blue cells under-represented ones, and outlined cells are clusters; compare the three years to see clusters form or dissolve.',
    build: clustersChart,
  },
  {
    name: 'value-added',
    heading: 'Value added against the counterfactual',
    caption: () => 'Where a region\'s solid line runs above its dashed line of the same colour, the scenario\'s strategies raised that region\'s value added compared with every government simply investing.',
    build: valueAddedChart,
  },
  {
    name: 'win-win',
    heading: 'Win-win or zero-sum (GDP lens)',
    caption: (data) => {
      const [a, b] = data.scenario.regions;
      return `Each point is one replication: to the right ${a?.name ?? 'the first region'} gained, upwards ${b?.name ?? 'the second region'} gained, so points in the top-right quadrant are win-win and points near the dashed diagonal are zero-sum (one region's gain is the other's loss).`;
    },
    build: winWinChart,
    skipped: (data) => (data.summary.outcome ? 'the scenario has fewer than two regions.' : 'the run has no counterfactual to compare with.'),
  },
  {
    name: 'guidance-fund',
    heading: 'The guidance fund',
    caption: () =>
      'The top panel shows how much money the fund raised, invested and paid back, the middle one where its investments went, and the bottom one its value multiple: above the dashed line at 1 the partners have more than they paid in.',
    build: guidanceFundChart,
    skipped: () => 'no guidance fund received money in this run.',
  },
];
