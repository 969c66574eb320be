/** `chuanyu discover <dir> --where "<condition>"`: yargs wiring only; the work is in actions/discover-action.ts. */
import type { Argv, CommandModule } from 'yargs';
import { addChartOptions, addForceOption, chartOptions, numericOption, type ChartArgs } from '../options.js';

interface DiscoverArgs extends ChartArgs {
  dir: string;
  where?: string;
  boxes?: number;
  box?: number;
  alpha?: number;
  minMass?: number;
  minCoverage?: number;
  depth?: number;
  names: boolean;
  out?: string;
  force: boolean;
  quiet: boolean;
}

export const discoverCommand: CommandModule<object, DiscoverArgs> = {
  command: 'discover <dir>',
  describe: 'Scenario discovery: where in a sweep\'s parameter space a condition on the outcomes holds (PRIM boxes with coverage, density and quasi-p-values; CART rules as a second view)',
  builder: (yargs: Argv) =>
    addChartOptions(
      addForceOption(
        yargs
          .positional('dir', { type: 'string', demandOption: true, describe: 'A sweep or sensitivity folder (its points/ hold every replication\'s outcomes)' })
          .option('where', { alias: 'w', type: 'string', requiresArg: true, describe: 'The condition on one run\'s outcomes, e.g. "welfare_change.sichuan > 0 and welfare_change.chongqing > 0", "lens.welfare == win-win" or a preset such as both-gain-welfare (docs/DISCOVERY.md)', group: 'Discover:' })
          .option('names', { type: 'boolean', default: false, describe: 'List the names and presets a condition may use in this folder, and stop', group: 'Discover:' })
          .option('boxes', numericOption('--boxes', { integer: true, min: 1, max: 20 }, { describe: 'Boxes to find by covering (default 1)', group: 'PRIM:' }))
          .option('box', numericOption('--box', { integer: true, min: 0, max: 10_000 }, { describe: 'The peeling step to report as the first box (default: the densest step whose coverage is at least --min-coverage)', group: 'PRIM:' }))
          .option('alpha', numericOption('--alpha', { min: 0.001, max: 0.5 }, { describe: 'Share of the box\'s runs each peel and paste moves (default 0.05)', group: 'PRIM:' }))
          .option('min-mass', numericOption('--min-mass', { min: 0.001, max: 1 }, { describe: 'Peeling stops before a box holds less than this share of the runs (default 0.05)', group: 'PRIM:' }))
          .option('min-coverage', numericOption('--min-coverage', { min: 0, max: 1 }, { describe: 'Default box: the densest step with at least this coverage (default 0.5)', group: 'PRIM:' }))
          .option('depth', numericOption('--depth', { integer: true, min: 1, max: 3 }, { describe: 'Depth of the CART tree (default 3)', group: 'PRIM:' }))
          .option('out', { alias: 'o', type: 'string', requiresArg: true, describe: 'Write the results here (default: DIR/discover-<condition>)', group: 'Run options:' })
          .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Print nothing but errors', group: 'Run options:' }),
      ),
    )
      .example('$0 discover out/lev --where both-gain-welfare', 'Where do both regions gain in welfare?')
      .example('$0 discover out/lev --where "lens.gdp == win-win" --boxes 2', 'Two boxes of GDP win-win runs')
      .example('$0 discover out/lev --where "wasted_expansion.zone > counterfactual" --box 12', 'Report step 12 of the peeling trajectory')
      .example('$0 discover out/lev --names', 'Every name a condition may use') as unknown as Argv<DiscoverArgs>,
  handler: async (args) => {
    const { discoverAction } = await import('../actions/discover-action.js'); // loaded when used, so other commands start fast
    await discoverAction({ dir: args.dir, where: args.where, boxes: args.boxes, box: args.box, alpha: args.alpha, minMass: args.minMass, minCoverage: args.minCoverage, depth: args.depth, names: args.names, out: args.out, force: args.force, quiet: args.quiet, ...chartOptions(args) });
  },
};
