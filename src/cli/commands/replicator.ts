/** `chuanyu replicator`: yargs wiring only; the work is in actions/game-tools.ts. */
import type { Argv, CommandModule } from 'yargs';
import { numericOption } from '../options.js';

interface ReplicatorArgs {
  bimatrix?: string;
  game?: string;
  lens?: string;
  start?: string;
  time: number;
  json: boolean;
}

export const replicatorCommand: CommandModule<object, ReplicatorArgs> = {
  command: 'replicator',
  describe: 'Rest points, eigenvalues and stability of the two-population replicator dynamics of a 2x2 game',
  builder: (yargs: Argv) =>
    yargs
      .option('bimatrix', {
        type: 'string',
        // nargs 1: take the next word even when it starts with a minus sign ("-1,1;...").
        nargs: 1,
        describe: 'Cells (1,1);(1,2);(2,1);(2,2), each "row payoff,column payoff"',
      })
      .option('start', { type: 'string', nargs: 1, describe: 'x,y: follow the trajectory from these shares of first strategies' })
      .option('time', numericOption('--time', { min: 0, max: 1_000_000 }, { default: 100, describe: 'How long to follow the trajectory from --start' }))
      .option('game', { type: 'string', nargs: 1, describe: 'Take the payoffs from a `chuanyu game` results folder (its cooperate-vs-compete sub-game) instead' })
      .option('lens', { type: 'string', choices: ['objective', 'welfare', 'gdp', 'fiscal'], describe: 'With --game: the lens the payoffs are in (default objective)' })
      .option('json', { type: 'boolean', default: false, describe: 'Print {"restPoints": [{x, y, eigenvalues, stability}], ...}' })
      .example('$0 replicator --bimatrix "3,3;0,5;5,0;1,1"', "Prisoner's dilemma: (2,2) = both compete is the only stable rest point")
      .example('$0 replicator --bimatrix "-1,1;1,-1;1,-1;-1,1" --start 0.2,0.5', 'Matching pennies: a center, the path cycles')
      .example('$0 replicator --game results/cooperate/game-... --lens welfare', 'The replicator dynamics of a simulated game, in the welfare lens') as unknown as Argv<ReplicatorArgs>,
  handler: async (args) => {
    const { replicatorAction } = await import('../actions/game-tools.js'); // loaded when used, so other commands start fast
    replicatorAction(args);
  },
};
